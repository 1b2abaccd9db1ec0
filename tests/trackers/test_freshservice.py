"""Freshservice: every requirement of the seeds, the field notes and each emulator misbehaviour, through `exadesk check
--json`."""

from __future__ import annotations

import pytest

from exadesk.sandbox.freshservice import DEMO_KEY
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

ALL = ("freshservice.api_access", "freshservice.agent", "freshservice.tickets", "freshservice.role",
       "freshservice.custom_fields", "freshservice.admin_account")
NO_API = {"agents": {DEMO_KEY: {"api_access": False}}}

CASES = [
    Case("ready", passed=ALL),
    Case("deactivated-agent", {"agents": {DEMO_KEY: {"active": False}}}, code=1, fail=("freshservice.agent",)),
    Case("occasional-agent-warns", {"agents": {DEMO_KEY: {"occasional": True}}}, warn=("freshservice.agent",)),
    Case("assigned-items-only", {"agents": {DEMO_KEY: {"roles": [{"role_id": 21000150295,
                                                                "assignment_scope": "assigned_items"}]}}},
         code=1, fail=("freshservice.tickets",)),
    Case("group-scope-warns", {"agents": {DEMO_KEY: {"roles": [{"role_id": 21000150295,
                                                              "assignment_scope": "member_groups"}]}}},
         warn=("freshservice.tickets",)),
    Case("no-role", {"agents": {DEMO_KEY: {"roles": []}}}, code=1, fail=("freshservice.role",)),
    Case("form-fields-denied", {"fields_denied": True}, code=1, fail=("freshservice.custom_fields",)),
    Case("admin-role-warns", {"agents": {DEMO_KEY: {"roles": [{"role_id": 21000150292,
                                                             "assignment_scope": "entire_helpdesk"}]}}},
         warn=("freshservice.admin_account",), passed=("freshservice.role",)),
    Case("key-disabled-message", {**NO_API, "disabled_message": True}, code=1, kind="auth",
         reason="freshservice.api_key_disabled", fail=("freshservice.api_access",)),
    Case("key-of-a-requester", {"agents": {DEMO_KEY: {"requester": True}}}, code=1, kind="forbidden",
         reason="freshservice.not_agent"),
    Case("suspended-account", {"suspended": True}, code=1, kind="forbidden", reason="freshservice.account_suspended"),
    *kit_fault_cases(("freshservice.agent",)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "freshservice", emulators, cli, monkeypatch)


def test_rejected_key_gets_the_account_admin_fix_and_is_sent_once(emulators, cli, monkeypatch):
    # The role lacks API access: the key is refused like a wrong one, and the fix names the admin's toggle.
    case = Case("no-api-access", NO_API, code=1, kind="auth", reason="freshservice.invalid_credentials")
    result, emulator = run_case(case, "freshservice", emulators, cli, monkeypatch)
    error = result.json()["error"]
    assert "Account Admin" in error["next_step"] and "Permissions tab" in error["next_step"]
    access = result.check("freshservice.api_access")
    assert access["status"] == "unknown" and "Permissions tab" in access["fix"]
    assert len(emulator.requests) == 1
    assert emulator.requests[0].basic() == (DEMO_KEY, "X")


def test_field_note_key_disabled_names_only_the_account_admin(emulators, cli, monkeypatch):
    # Field notes: "Your API key is disabled. Please contact your admin" -> only an Account Admin turns it on.
    case = Case("disabled", {**NO_API, "disabled_message": True}, code=1, kind="auth",
                reason="freshservice.api_key_disabled")
    result, _ = run_case(case, "freshservice", emulators, cli, monkeypatch)
    error = result.json()["error"]
    assert "disabled" in error["message"]
    assert "Only an Account Admin" in error["next_step"] and "API key toggle" in error["next_step"]


def test_field_note_access_denied_on_roles_is_cannot_confirm(emulators, cli, monkeypatch):
    # Field notes: {"code":"access_denied"} on admin endpoints while /agents/me works: not a key failure.
    case = Case("roles-denied", {"roles_visible_to_agents": False}, code=3,
                passed=("freshservice.api_access", "freshservice.agent", "freshservice.tickets"))
    result, emulator = run_case(case, "freshservice", emulators, cli, monkeypatch)
    role = result.check("freshservice.role")
    assert role["status"] == "unknown" and role["manual"] is False
    assert "access_denied" in role["detail"] and "Admin, User Management, Roles" in role["detail"]
    assert [r.reply_status for r in emulator.requests if "/roles/" in r.path] == [403]


def test_custom_role_is_a_manual_check(emulators, cli, monkeypatch):
    case = Case("custom", {"agents": {DEMO_KEY: {"roles": [{"role_id": 21000150301,
                                                            "assignment_scope": "entire_helpdesk"}]}}}, code=0)
    result, _ = run_case(case, "freshservice", emulators, cli, monkeypatch)
    assert result.check("freshservice.role")["status"] == "unknown" and result.check("freshservice.role")["manual"]
    assert "Triage (custom)" in result.check("freshservice.role")["detail"]


def test_custom_page_reads_its_data_from_the_spec():
    from exadesk.trackers.freshservice import SPEC

    method = SPEC.auth_method("api_key")
    assert method.custom_page == "freshservice_api_key"
    assert len(method.steps) >= 4 and "Profile Settings" in " ".join(s.text for s in method.steps)
    access = SPEC.requirement("api_access")
    assert "Permissions" in " ".join(access.steps) and access.fix.count(".") == 1
    assert "api_key_disabled" in SPEC.messages



def test_429_with_short_retry_after_is_retried(emulators, cli, monkeypatch):
    case = Case("429-then-ok", {"fault": {"kind": "429", "retry_after": 0, "times": 1}}, passed=ALL)
    _, emulator = run_case(case, "freshservice", emulators, cli, monkeypatch)
    assert emulator.count(path="/api/v2/agents/me$") == 2


def test_verification_only_reads(emulators, cli, monkeypatch):
    _, emulator = run_case(Case("ready"), "freshservice", emulators, cli, monkeypatch)
    assert {r.method for r in emulator.requests} == {"GET"}


@pytest.mark.parametrize("url,key,field", [
    ("https://acme.freshservice.com", "sk-not a key", "freshservice.field.api_key"),
    ("https://acme.freshdesk.com", "Ab12Cd34Ef56Gh78Ij90", "freshservice.url"),
])
def test_offline_validation_names_the_expected_form(cli, monkeypatch, url, key, field):
    monkeypatch.setenv("FS_KEY", key)
    result = cli("check", "freshservice", "--url", url, "--secret-env", "FS_KEY", "--json")
    assert result.code == 2
    check = result.check(field)
    assert check["status"] == "fail"
    assert "freshservice.com" in check["fix"] or "letters and digits" in check["fix"]
    assert "sk-not a key" not in result.out


def test_agent_reply_without_roles_is_not_confirmed_never_a_fail(emulators, cli, monkeypatch):
    # A field the tracker did not send is never a fail (issue 16): /agents/me without roles or role_ids.
    case = Case("no-roles", {"agents": {DEMO_KEY: {"omit": ["roles", "role_ids"]}}}, code=3,
                passed=("freshservice.agent",))
    result, _ = run_case(case, "freshservice", emulators, cli, monkeypatch)
    role = result.check("freshservice.role")
    assert role["status"] == "unknown" and "roles" in role["detail"] and "/agents/me" in role["detail"]
