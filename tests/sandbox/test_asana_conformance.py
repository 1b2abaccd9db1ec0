"""The Asana adapter's requests are documented operations of Asana's OpenAPI description, and the emulator's
replies fit its response schemas."""

from __future__ import annotations

import pytest

from tests.helpers.conformance import (
    assert_replies_conform,
    assert_requests_documented,
    load_spec,
)
from tests.helpers.scenarios import Case, run_case

CORP = "1204000000000500"
ME = "1204000000000001"

SCENARIOS = [
    Case("ready", args=("--project", "Acme Corp")),
    Case("no-scope"),
    Case("guest", {"workspaces": {CORP: {"members": {ME: {"is_guest": True, "is_admin": True}}}}},
         args=("--project", "Acme Corp"), code=1),
    Case("blocked", {"workspaces": {CORP: {"pat_blocked": True}}}, args=("--project", "Acme Corp"), code=1),
]


@pytest.fixture(scope="module")
def api():
    # servers: https://app.asana.com/api/1.0, so the description's paths are served under /api/1.0.
    return load_spec("asana/asana_oas.yaml", mount="/api/1.0")


@pytest.mark.parametrize("case", SCENARIOS, ids=str)
def test_requests_documented_and_replies_conform(case, api, emulators, cli, monkeypatch):
    _, emulator = run_case(case, "asana", emulators, cli, monkeypatch, base_args=("--json",))
    assert assert_requests_documented(api, emulator.requests) >= 2
    assert assert_replies_conform(api, emulator.requests) >= 2
