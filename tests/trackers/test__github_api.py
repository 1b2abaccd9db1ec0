"""exadesk/trackers/_github_api.py: what GitHub's replies say a token lacks, and which repositories in scope it
reaches and administers (REST and GraphQL), against the GitHub emulator."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from exadesk.sandbox.github import DEMO_CLASSIC, DEMO_FINE
from exadesk.trackers import _github_api as api
from exadesk.verification.http import BearerAuth, HttpClient, Page, Reply


@pytest.mark.parametrize("header, sets", [
    ("metadata=read", ((("metadata", "read"),),)),
    ("issues=read; pull_requests=read", ((("issues", "read"),), (("pull_requests", "read"),))),
    ("contents=write; contents=write,workflows=write",
     ((("contents", "write"),), (("contents", "write"), ("workflows", "write")))),
    ("allows_permissionless_access=true", ()),
    ("", ()),
])
def test_permission_sets_read_the_header_as_github_writes_it(header, sets):
    assert api.permission_sets(header) == sets


def test_needs_prefers_fine_grained_permissions_over_classic_scopes():
    fine = Reply(404, {"X-Accepted-GitHub-Permissions": "metadata=read", "X-Accepted-OAuth-Scopes": "repo"}, b"", "u")
    assert api.needs(fine) == api.Needs(((("metadata", "read"),),), "")
    classic = Reply(404, {"X-Accepted-OAuth-Scopes": " repo "}, b"", "u")
    assert api.needs(classic) == api.Needs((), "repo") and api.needs(classic)
    assert not api.needs(Reply(404, {}, b"", "u"))


def test_graphql_address_for_github_com_and_enterprise_server():
    assert api._graphql_url(SimpleNamespace(base_url="https://api.github.com")) == "https://api.github.com/graphql"
    assert api._graphql_url(SimpleNamespace(base_url="https://ghe.corp:8443/api/v3")) == "https://ghe.corp:8443/api/graphql"


def test_graphql_strings_are_quoted_so_a_name_cannot_change_the_query():
    assert api._graphql_string('a"b\\c') == '"a\\"b\\\\c"'


def _rights(emulators, scenario, token, method, repos):
    emulator = emulators.start("github", scenario)
    client = HttpClient(base_url=f"{emulator.url}/api/v3", page=Page("GitHub"), auth=BearerAuth(token),
                        timeout=(2.0, 2.0))
    ctx = SimpleNamespace(target=SimpleNamespace(auth_method=method), gather=lambda calls: [call() for call in calls])
    return api.repository_rights(ctx, client, repos), emulator


def test_a_classic_token_reads_many_repositories_in_one_graphql_query(emulators):
    scenario = {"repos": {"acme/website": {"collaborators": {"exalate-proxy": "push"}}}}
    rights, emulator = _rights(emulators, scenario, DEMO_CLASSIC, "classic", ["acme/website", "acme/backend"])
    assert rights.not_admin == ["acme/website"] and rights.missing == []
    assert any(r.path.endswith("/graphql") for r in emulator.requests)


def test_a_fine_grained_token_names_what_a_repository_it_misses_needs(emulators):
    scenario = {"tokens": {DEMO_FINE: {"repos": ["acme/backend"]}}}
    rights, _ = _rights(emulators, scenario, DEMO_FINE, "fine_grained", ["acme/website", "acme/backend"])
    assert rights.missing == ["acme/website"]
    assert rights.missing_needs["acme/website"].permissions == ((("metadata", "read"),),)


def test_an_organisation_owner_administers_the_organisations_repositories(emulators):
    # Without the repository reply's permissions, the owner's role in its organisation decides.
    scenario = {"repos": {"acme/website": {"collaborators": {"exalate-proxy": None}, "permissions_sent": False}},
                "orgs": {"acme": {"members": {"exalate-proxy": "admin"}}}}
    rights, _ = _rights(emulators, scenario, DEMO_CLASSIC, "classic", ["acme/website"])
    assert rights.via_owner == ["acme/website"] and rights.not_admin == []


def test_an_unreadable_membership_leaves_the_owner_role_unread_not_absent(emulators):
    scenario = {"repos": {"acme/website": {"collaborators": {"exalate-proxy": None}, "permissions_sent": False}},
                "orgs": {"acme": {"members": {"exalate-proxy": "admin"}}},
                "tokens": {DEMO_FINE: {"org_permissions": {"members": None}}}}
    rights, _ = _rights(emulators, scenario, DEMO_FINE, "fine_grained", ["acme/website"])
    assert list(rights.owner_unread) == ["acme/website"] and rights.not_admin == []
