"""Asana: every requirement of the seeds, the field notes the API shows, and each emulator misbehaviour."""

from __future__ import annotations

import pytest

from exadesk.sandbox.asana import DEMO_TOKEN
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

SCOPE = ("--project", "Acme Corp")
ME = "1204000000000001"
CORP = "1204000000000500"

CASES = [
    Case("ready", passed=("asana.workspaces", "asana.member", "asana.is_admin")),
    Case("ready-by-gid", args=("--project", "1204000000000600"), passed=("asana.workspaces", "asana.member")),
    Case("workspace-not-joined", {"workspaces": {CORP: {"members": {ME: None}}}}, code=1, fail=("asana.workspaces",)),
    Case("workspace-misspelt", args=("--project", "Acme Corporation"), code=1, fail=("asana.workspaces",)),
    # Field note: an admin blocks personal access tokens in one workspace; it disappears from /workspaces.
    Case("tokens-blocked-in-workspace", {"workspaces": {CORP: {"pat_blocked": True}}}, code=1,
         fail=("asana.workspaces",)),
    Case("guest", {"workspaces": {CORP: {"members": {ME: {"is_guest": True}}}}}, code=1, fail=("asana.member",)),
    Case("deactivated-member", {"workspaces": {CORP: {"members": {ME: {"is_active": False}}}}}, code=1,
         fail=("asana.member",)),
    # Field note: a PAT is always a person; a workspace admin's token is likely someone's own account.
    Case("admin-account", {"workspaces": {CORP: {"members": {ME: {"is_admin": True}}}}}, warn=("asana.is_admin",)),
    Case("bad-token", secrets={"token": "2/1204000000000001/1204000000000002:" + "ab" * 16}, code=1, kind="auth",
         reason="asana.token_rejected"),
    *kit_fault_cases(("asana.member",), reasons={"401": "asana.token_rejected"}),
    Case("402-premium-only", {"fault": "402"}, code=1, kind="forbidden", reason="asana.premium_only"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "asana", emulators, cli, monkeypatch, base_args=SCOPE)


def test_no_scope_lists_the_reachable_workspaces(emulators, cli, monkeypatch):
    result, _ = run_case(Case("no-scope", passed=("asana.workspaces",)), "asana", emulators, cli, monkeypatch,
                         base_args=("--json",))
    assert "Acme Corp" in result.check("asana.workspaces")["detail"]


def test_blocked_workspace_names_the_admin_block(emulators, cli, monkeypatch):
    case = Case("blocked", {"workspaces": {CORP: {"pat_blocked": True}}}, code=1, fail=("asana.workspaces",))
    result, _ = run_case(case, "asana", emulators, cli, monkeypatch, base_args=SCOPE)
    check = result.check("asana.workspaces")
    assert "blocked" in check["detail"] and "Acme Labs" in check["detail"]
    assert "Admin console" in check["fix"]


def test_401_message_names_causes_and_next_step(emulators, cli, monkeypatch):
    result, _ = run_case(Case("401", {"fault": "401"}, code=1, kind="auth"), "asana", emulators, cli, monkeypatch,
                         base_args=SCOPE)
    error = result.json()["error"]
    assert "Not Authorized" in error["message"]
    assert "Manage Developer Apps" in error["next_step"] and "admin" in error["next_step"]


def test_identity_and_admin_warning_text(emulators, cli, monkeypatch):
    case = Case("admin", {"workspaces": {CORP: {"members": {ME: {"is_admin": True}}}}}, warn=("asana.is_admin",))
    result, _ = run_case(case, "asana", emulators, cli, monkeypatch, base_args=SCOPE)
    assert result.json()["identity"]["login"] == "exalate-sync@acme.example"
    assert "service account" in result.check("asana.is_admin")["fix"]


def test_person_running_setup_is_warned(emulators, cli, monkeypatch):
    case = Case("me", args=("--person", "exalate-sync@acme.example"), warn=("asana.dedicated_proxy_user",))
    run_case(case, "asana", emulators, cli, monkeypatch, base_args=SCOPE)



def test_429_with_short_retry_after_is_retried(emulators, cli, monkeypatch):
    case = Case("429-then-ok", {"fault": {"kind": "429", "retry_after": 0, "times": 1}}, passed=("asana.member",))
    _, emulator = run_case(case, "asana", emulators, cli, monkeypatch, base_args=SCOPE)
    assert emulator.count(path="/users/me$") == 2


def test_rejected_token_is_sent_once(emulators, cli, monkeypatch):
    case = Case("bad", secrets={"token": "1/1204000000000001:" + "cd" * 16}, code=1, kind="auth")
    _, emulator = run_case(case, "asana", emulators, cli, monkeypatch, base_args=SCOPE)
    assert len(emulator.requests) == 1


def test_api_base():
    from exadesk.trackers.asana import api_base

    assert api_base("https://app.asana.com") == "https://app.asana.com/api/1.0"
    assert api_base("http://127.0.0.1:8080") == "http://127.0.0.1:8080/api/1.0"


@pytest.mark.parametrize("token", ["not-a-token", "1204000000000001:" + "ab" * 16, DEMO_TOKEN + "x"])
def test_offline_validation_names_the_expected_form(cli, monkeypatch, token):
    monkeypatch.setenv("TOK", token)
    result = cli("check", "asana", "--url", "https://app.asana.com", "--secret-env", "TOK", "--json")
    assert result.code == 2
    check = result.check("asana.field.token")
    assert check["status"] == "fail" and "slash" in check["fix"]
    assert token not in result.out


def test_offline_validation_rejects_another_host(cli, monkeypatch):
    monkeypatch.setenv("TOK", DEMO_TOKEN)
    result = cli("check", "asana", "--url", "https://asana.example.com", "--secret-env", "TOK", "--json")
    assert result.code == 2
    assert "app.asana.com" in result.check("asana.url")["fix"]
