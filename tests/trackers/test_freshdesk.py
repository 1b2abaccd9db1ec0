"""Freshdesk: every requirement of the seeds, the field notes and each emulator misbehaviour, through `exadesk check
--json`."""

from __future__ import annotations

import pytest

from exadesk.sandbox.freshdesk import DEMO_KEY
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

ALL = ("freshdesk.agent", "freshdesk.ticket_scope", "freshdesk.role", "freshdesk.ticket_fields",
       "freshdesk.admin_account")

CASES = [
    Case("ready", passed=ALL),
    Case("collaborator-not-agent", {"agents": {DEMO_KEY: {"type": "collaborator"}}}, code=1, fail=("freshdesk.agent",)),
    Case("occasional-agent-warns", {"agents": {DEMO_KEY: {"occasional": True}}}, warn=("freshdesk.agent",)),
    Case("restricted-ticket-scope", {"agents": {DEMO_KEY: {"ticket_scope": 3}}}, code=1,
         fail=("freshdesk.ticket_scope",)),
    Case("group-ticket-scope-warns", {"agents": {DEMO_KEY: {"ticket_scope": 2}}}, warn=("freshdesk.ticket_scope",)),
    Case("no-role", {"agents": {DEMO_KEY: {"role_ids": []}}}, code=1, fail=("freshdesk.role",)),
    Case("ticket-fields-denied", {"ticket_fields_denied": True}, code=1, fail=("freshdesk.ticket_fields",)),
    Case("admin-role-warns", {"agents": {DEMO_KEY: {"role_ids": [1]}}}, warn=("freshdesk.admin_account",),
         passed=("freshdesk.role",)),
    Case("key-of-a-contact", {"agents": {DEMO_KEY: {"type": "contact"}}}, code=1, kind="forbidden",
         reason="freshdesk.not_agent"),
    Case("bad-key", secrets={"api_key": "WrongKey0000000000Zz"}, code=1, kind="auth",
         reason="freshdesk.invalid_credentials"),
    Case("suspended-account", {"suspended": True}, code=1, kind="forbidden", reason="freshdesk.account_suspended"),
    *kit_fault_cases(("freshdesk.agent",)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "freshdesk", emulators, cli, monkeypatch)


def test_custom_role_is_a_manual_check_with_steps(emulators, cli, monkeypatch):
    case = Case("custom-role", {"agents": {DEMO_KEY: {"role_ids": [5]}}}, code=0)
    result, _ = run_case(case, "freshdesk", emulators, cli, monkeypatch)
    role = result.check("freshdesk.role")
    # No API lists a custom role's permissions: a manual step, which does not hold back "ready".
    assert role["status"] == "unknown" and role["manual"] is True
    assert "Notes only" in role["detail"] and "Admin, Team, Roles" in role["detail"]


def test_roles_hidden_from_agents_is_unknown_not_a_failure(emulators, cli, monkeypatch):
    # Roles could be read (by an administrator) but this key may not: not confirmed (exit 3), never a fail.
    case = Case("roles-hidden", {"roles_visible_to_agents": False}, code=3, passed=("freshdesk.agent",))
    result, emulator = run_case(case, "freshdesk", emulators, cli, monkeypatch)
    role = result.check("freshdesk.role")
    assert role["status"] == "unknown" and role["manual"] is False and "Admin, Team, Roles" in role["detail"]
    assert emulator.count(path="/api/v2/roles/") == 1


def test_agent_reply_without_role_ids_is_not_confirmed_never_a_fail(emulators, cli, monkeypatch):
    # A field the tracker did not send is never a fail (issue 16): /agents/me without role_ids.
    case = Case("no-role-ids", {"agents": {DEMO_KEY: {"omit": ["role_ids"]}}}, code=3, passed=("freshdesk.agent",))
    result, emulator = run_case(case, "freshdesk", emulators, cli, monkeypatch)
    role = result.check("freshdesk.role")
    assert role["status"] == "unknown" and "role_ids" in role["detail"] and "/agents/me" in role["detail"]
    assert result.check("freshdesk.admin_account")["status"] == "unknown"
    assert emulator.count(path="/api/v2/roles/") == 0


def test_agent_reply_with_an_empty_role_list_is_still_a_fail(emulators, cli, monkeypatch):
    # Sent and empty is an answer: the agent has no role.
    case = Case("empty-role-ids", {"agents": {DEMO_KEY: {"role_ids": []}}}, code=1, fail=("freshdesk.role",))
    run_case(case, "freshdesk", emulators, cli, monkeypatch)


def test_admin_reply_without_role_ids_is_not_confirmed():
    from exadesk.trackers import _freshworks as fw

    class Ctx:
        identity = None
        spec = type("Spec", (), {"name": "Freshdesk"})()

        def failed(self, *a, **k):
            return ("fail", a)

        def not_sent(self, key, field, where, **k):
            return ("not_sent", key, field, where)

        def passed(self, *a, **k):
            return ("pass", a)

    assert fw.admin_role_result(Ctx(), None, None, ("Administrator",), lambda b: b)[0] == "not_sent"


def test_field_note_401_names_the_key_and_x_password(emulators, cli, monkeypatch):
    # Field notes: 401 "You have to be logged in to perform this action" (key as user, X as password).
    case = Case("401-note", secrets={"api_key": "WrongKey1111111111Zz"}, code=1, kind="auth",
                reason="freshdesk.invalid_credentials")
    result, emulator = run_case(case, "freshdesk", emulators, cli, monkeypatch)
    error = result.json()["error"]
    assert "logged in" in error["message"]
    assert "X as the password" in error["next_step"] and "reset" in error["next_step"]
    assert len(emulator.requests) == 1  # a rejected key is sent exactly once
    assert emulator.requests[0].basic() == ("WrongKey1111111111Zz", "X")


def test_field_note_suspended_account_says_read_only_and_where_to_pay(emulators, cli, monkeypatch):
    case = Case("suspended", {"suspended": True}, code=1, kind="forbidden", reason="freshdesk.account_suspended")
    result, emulator = run_case(case, "freshdesk", emulators, cli, monkeypatch)
    error = result.json()["error"]
    assert "read-only" in error["message"] and "Plans & Billing" in error["next_step"]
    assert emulator.requests[0].reply_status == 403



def test_429_with_short_retry_after_is_retried(emulators, cli, monkeypatch):
    case = Case("429-then-ok", {"fault": {"kind": "429", "retry_after": 0, "times": 1}}, passed=ALL)
    _, emulator = run_case(case, "freshdesk", emulators, cli, monkeypatch)
    assert emulator.count(path="/api/v2/agents/me$") == 2


def test_verification_only_reads(emulators, cli, monkeypatch):
    _, emulator = run_case(Case("ready"), "freshdesk", emulators, cli, monkeypatch)
    assert {r.method for r in emulator.requests} == {"GET"}


def test_api_base_drops_page_paths():
    from exadesk.trackers.freshdesk import fw

    assert fw.api_base("https://acme.freshdesk.com/a/tickets/1") == "https://acme.freshdesk.com/api/v2"
    assert fw.api_base("http://127.0.0.1:8080") == "http://127.0.0.1:8080/api/v2"


@pytest.mark.parametrize("url,key,field", [
    ("https://acme.freshdesk.com", "me@acme.example", "freshdesk.field.api_key"),
    ("https://acme.freshdesk.com", "Ab12Cd34Ef56Gh78Ij90:X", "freshdesk.field.api_key"),
    ("https://acme.zendesk.com", "Ab12Cd34Ef56Gh78Ij90", "freshdesk.url"),
])
def test_offline_validation_names_the_expected_form(cli, monkeypatch, url, key, field):
    monkeypatch.setenv("FD_KEY", key)
    result = cli("check", "freshdesk", "--url", url, "--secret-env", "FD_KEY", "--json")
    assert result.code == 2
    check = result.check(field)
    assert check["status"] == "fail"
    assert "freshdesk.com" in check["fix"] or "letters and digits" in check["fix"]
    assert key not in result.out
