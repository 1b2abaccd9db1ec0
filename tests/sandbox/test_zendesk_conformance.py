"""The Zendesk adapter's requests are documented operations of Zendesk's OpenAPI description, and the emulator's
replies fit its response schemas."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from exadesk.sandbox.zendesk import DEMO_OAUTH
from tests.helpers.conformance import (
    assert_replies_conform,
    assert_requests_documented,
    load_spec,
)
from tests.helpers.scenarios import Case, run_case

GROUPS_OF_USER = re.compile(r"/api/v2/users/\d+/groups")

SCENARIOS = [
    (Case("ready-custom-role", args=("--sync", "comments")), ()),
    (Case("not-in-group", args=("--project", "Billing"), code=1), ()),
    (Case("custom-role-groups-only", {"custom_roles": {"360001": {"configuration": {"ticket_access": "within-groups"}}}},
          code=1), ()),
    (Case("admin", {"users": {"9001": {"role": "admin", "role_type": 4, "custom_role_id": None}}}), ()),
    (Case("end-user", {"users": {"9001": {"role": "end-user", "role_type": None, "custom_role_id": None}}}, code=1), ()),
    (Case("oauth", args=("--auth", "oauth_token", "--project", "Support"), secrets={"access_token": DEMO_OAUTH}),
     ("--json",)),
]


@pytest.fixture(scope="module")
def api():
    # servers: https://{subdomain}.{domain}.com, and the paths carry /api/v2 themselves: no mount.
    return load_spec("zendesk/oas.yaml")


@pytest.mark.parametrize("case,base_args", SCENARIOS, ids=[str(c) for c, _ in SCENARIOS])
def test_requests_documented_and_replies_conform(case, base_args, api, emulators, cli, monkeypatch):
    _, emulator = run_case(case, "zendesk", emulators, cli, monkeypatch, base_args=base_args)
    # List Groups is described under its primary path only; /api/v2/users/{user_id}/groups is the same operation's
    # alternate path on Zendesk's reference page (see api-specs/README.md).
    assert assert_requests_documented(api, emulator.requests, allow=(GROUPS_OF_USER.pattern,)) >= 1
    # Validate that alternate path's reply against List Groups' documented schema.
    as_described = [replace(r, path="/api/v2/groups") if GROUPS_OF_USER.fullmatch(r.path) else r
                    for r in emulator.requests]
    assert assert_replies_conform(api, as_described) >= 1
