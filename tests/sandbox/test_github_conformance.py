"""The GitHub adapter's requests are documented operations of GitHub's REST description (GHES 3.14 and 3.19)."""

from __future__ import annotations

import pytest

from exadesk.sandbox.github import DEMO_FINE
from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec
from tests.helpers.scenarios import Case, run_case

SCENARIOS = [
    Case("ready", args=("--project", "acme/website")),
    Case("owner", {"repos": {"acme/website": {"collaborators": {}}}, "orgs": {"acme": {"members": {"exalate-proxy": "admin"}}}},
         args=("--project", "acme/website")),
    Case("fine", args=("--auth", "fine_grained", "--project", "acme/backend"), secrets={"token": DEMO_FINE}),
]


@pytest.mark.parametrize("description", ["github/ghes-3.14.operations.json", "github/ghes-3.19.operations.json",
                                         "github/api.github.com.operations.json"])
def test_requests_are_documented(description, emulators, cli, monkeypatch):
    # The emulator is a GHES server (API under /api/v3); api.github.com serves the same paths at its root.
    api = load_spec(description, mount="/api/v3")
    total = 0
    for case in SCENARIOS:
        _, emulator = run_case(case, "github", emulators, cli, monkeypatch)
        # GraphQL (POST /graphql, GHES /api/graphql) is described by GitHub's GraphQL schema, not the REST
        # operations: https://docs.github.com/graphql/guides/forming-calls-with-graphql
        total += assert_requests_documented(api, emulator.requests, allow=(r"/graphql$",))
        assert_replies_conform(api, emulator.requests)  # status codes only: the extraction has no schemas
    assert total >= len(SCENARIOS)  # at least GET /user in each (repositories are read through GraphQL)
