"""GitHub: every requirement of the seeds and each emulator misbehaviour, through `exadesk check --json`."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from exadesk.foundation import clock
from exadesk.sandbox.github import DEMO_CLASSIC, DEMO_FINE
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

REPO = ("--project", "acme/website")


def _github_time(at: datetime) -> str:
    """A time as GitHub writes it in the GitHub-Authentication-Token-Expiration header."""
    return at.strftime("%Y-%m-%d %H:%M:%S UTC")


CASES = [
    Case("ready-classic", passed=("github.repo", "github.admin", "github.token_expiry")),
    Case("classic-without-repo-scope", {"tokens": {DEMO_CLASSIC: {"scopes": ["read:org"]}}}, code=1,
         fail=("github.repo", "github.admin")),
    Case("not-admin", {"repos": {"acme/website": {"collaborators": {"exalate-proxy": "push"}}}}, code=1,
         fail=("github.admin",), passed=("github.repo",)),
    Case("org-owner-counts-as-admin",
         {"repos": {"acme/website": {"collaborators": {"exalate-proxy": None}}}, "orgs": {"acme": {"members": {"exalate-proxy": "admin"}}}},
         passed=("github.admin",)),
    Case("expires-soon", lambda: {"tokens": {DEMO_CLASSIC: {"expires": _github_time(clock.now() + timedelta(days=3))}}},
         code=0, warn=("github.token_expiry",)),
    Case("fine-grained-ready", args=("--auth", "fine_grained"), secrets={"token": DEMO_FINE},
         passed=("github.repository_access", "github.admin")),
    Case("fine-grained-missing-repo", {"tokens": {DEMO_FINE: {"repos": ["acme/backend"]}}},
         args=("--auth", "fine_grained"), secrets={"token": DEMO_FINE}, code=1, fail=("github.repository_access",)),
    Case("sso-not-authorised", {"orgs": {"acme": {"saml": True}}}, code=1, kind="forbidden",
         reason="github.sso_required"),
    Case("bad-token", secrets={"token": "ghp_" + "B" * 36}, code=1, kind="auth"),
    *kit_fault_cases(("github.admin",)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "github", emulators, cli, monkeypatch, base_args=REPO)


def test_429_with_short_retry_after_is_retried(emulators, cli, monkeypatch):
    case = Case("429-then-ok", {"fault": {"kind": "429", "retry_after": 0, "times": 1}}, passed=("github.admin",))
    _, emulator = run_case(case, "github", emulators, cli, monkeypatch, base_args=REPO)
    assert emulator.count(path="/api/v3/user$") == 2


def test_rejected_token_is_sent_once(emulators, cli, monkeypatch):
    case = Case("bad", secrets={"token": "ghp_" + "C" * 36}, code=1, kind="auth")
    _, emulator = run_case(case, "github", emulators, cli, monkeypatch, base_args=REPO)
    assert len(emulator.requests) == 1


def test_api_base_for_github_com_and_enterprise():
    from exadesk.trackers.github import api_base

    assert api_base("https://github.com") == "https://api.github.com"
    assert api_base("https://github.example.com") == "https://github.example.com/api/v3"
    assert api_base("http://127.0.0.1:8080") == "http://127.0.0.1:8080/api/v3"


def test_offline_validation_names_the_expected_form(cli, monkeypatch):
    monkeypatch.setenv("TOK", "not-a-token")
    result = cli("check", "github", "--url", "https://github.com", "--secret-env", "TOK", "--json")
    assert result.code == 2
    assert result.check("github.field.token")["status"] == "fail"
    assert "ghp_" in result.check("github.field.token")["fix"]
    assert "not-a-token" not in result.out


FINE = ("--auth", "fine_grained")


def _check_fine(emulators, cli, monkeypatch, scenario: dict):
    emulator = emulators.start("github", scenario)
    monkeypatch.setenv("GH_FINE", DEMO_FINE)
    result = cli("check", "github", "--url", emulator.url, "--json", *REPO, *FINE, "--secret-env", "GH_FINE")
    assert DEMO_FINE not in result.out
    return result, emulator


def test_fine_grained_token_without_members_permission_leaves_owner_role_not_confirmed(emulators, cli, monkeypatch):
    # The repository reply leaves out its optional permissions, so the owner role decides; the token may not read
    # the membership: GitHub answers 403 naming members=read. That decides nothing about the user: not a fail.
    scenario = {"repos": {"acme/website": {"collaborators": {"exalate-proxy": None}, "permissions_sent": False}},
                "orgs": {"acme": {"members": {"exalate-proxy": "admin"}}},
                "tokens": {DEMO_FINE: {"org_permissions": {"members": None}}}}
    result, _ = _check_fine(emulators, cli, monkeypatch, scenario)
    check = result.check("github.admin")
    assert check["status"] == "unknown", check
    assert "Members (read)" in check["detail"] + check["fix"]
    assert result.check("github.repository_access")["status"] == "pass"


def test_fine_grained_token_with_members_permission_reads_the_owner_role(emulators, cli, monkeypatch):
    scenario = {"repos": {"acme/website": {"collaborators": {"exalate-proxy": None}, "permissions_sent": False}},
                "orgs": {"acme": {"members": {"exalate-proxy": "admin"}}},
                "tokens": {DEMO_FINE: {"org_permissions": {"members": "read"}}}}
    result, _ = _check_fine(emulators, cli, monkeypatch, scenario)
    assert result.check("github.admin")["status"] == "pass"


def test_fine_grained_missing_repository_names_what_github_asks_for(emulators, cli, monkeypatch):
    result, _ = _check_fine(emulators, cli, monkeypatch, {"tokens": {DEMO_FINE: {"repos": ["acme/backend"]}}})
    check = result.check("github.repository_access")
    assert check["status"] == "fail" and "Metadata (read)" in check["detail"]


def test_accepted_permissions_are_read_as_github_writes_them():
    from exadesk.trackers.github import accepted_permissions

    assert accepted_permissions("metadata=read") == "Metadata (read)"
    assert accepted_permissions("issues=read; pull_requests=read") == "Issues (read) or Pull requests (read)"
    assert accepted_permissions("contents=write; contents=write,workflows=write") == \
        "Contents (write) or Contents (write) and Workflows (write)"
    assert accepted_permissions("allows_permissionless_access=true") == ""
    assert accepted_permissions("") == ""
