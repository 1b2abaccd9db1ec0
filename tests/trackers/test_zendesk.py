"""Zendesk: every requirement of the seeds, the field notes the API shows, and each emulator misbehaviour."""

from __future__ import annotations

import base64

import pytest

from exadesk.sandbox.zendesk import DEMO_API_TOKEN, DEMO_EMAIL, DEMO_OAUTH
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

ROLE = "360001"
USER = "9001"


def role_config(**changes) -> dict:
    return {"custom_roles": {ROLE: {"configuration": changes}}}


def user(**changes) -> dict:
    return {"users": {USER: changes}}


OAUTH = dict(args=("--auth", "oauth_token", "--project", "Support"), secrets={"access_token": DEMO_OAUTH})

CASES = [
    Case("ready-custom-role", passed=("zendesk.role", "zendesk.ticket_editing", "zendesk.ticket_access",
                                      "zendesk.groups", "zendesk.admin")),
    Case("ready-with-comments", args=("--sync", "comments"), passed=("zendesk.ticket_comment_access",)),
    Case("standard-agent", user(custom_role_id=None, role_type=None), passed=("zendesk.ticket_access",)),
    Case("end-user", user(role="end-user", role_type=None, custom_role_id=None), code=1,
         fail=("zendesk.role", "zendesk.ticket_editing")),
    Case("suspended", user(suspended=True), code=1, fail=("zendesk.role",)),
    Case("no-ticket-editing", role_config(ticket_editing=False), code=1, fail=("zendesk.ticket_editing",),
         passed=("zendesk.ticket_access",)),
    Case("groups-only", role_config(ticket_access="within-groups"), code=1, fail=("zendesk.ticket_access",)),
    Case("private-comments-only", role_config(ticket_comment_access="none"), args=("--sync", "comments"), code=1,
         fail=("zendesk.ticket_comment_access",)),
    Case("comments-not-synced", role_config(ticket_comment_access="none")),
    Case("in-group", passed=("zendesk.groups",)),
    Case("group-by-id", args=("--project", "360100"), passed=("zendesk.groups",)),
    Case("not-in-group", args=("--project", "Billing"), code=1, fail=("zendesk.groups",)),
    Case("no-groups-at-all", user(groups=[]), code=1, fail=("zendesk.groups",)),
    Case("light-agent", user(role_type=1, custom_role_id=None), code=1, fail=("zendesk.ticket_editing",)),
    Case("contributor", user(role_type=3, custom_role_id=None), code=1, fail=("zendesk.ticket_editing",)),
    Case("restricted-standard-agent", user(custom_role_id=None, role_type=None, restricted_agent=True), code=1,
         fail=("zendesk.ticket_access",)),
    # The seeds' default proxy user is the instance admin: allowed, with a warning.
    Case("admin", user(role="admin", role_type=4, custom_role_id=None), warn=("zendesk.admin",),
         passed=("zendesk.ticket_editing", "zendesk.ticket_access")),
    # Field notes: restricted agent 403 "You do not have access to this page".
    Case("restricted-agent-403", user(denied=["custom_roles"]), code=1, kind="forbidden",
         reason="zendesk.restricted_agent"),
    # Field notes: token access switched off in Admin Center kills every token: 401 "Couldn't authenticate you".
    Case("token-access-off", {"token_access": False}, code=1, kind="auth", reason="zendesk.token_rejected"),
    Case("wrong-token", secrets={"api_token": "W" * 40}, code=1, kind="auth", reason="zendesk.token_rejected"),
    Case("email-of-someone-else", args=("--user", "someone@acme.example"), code=1, kind="auth",
         reason="zendesk.token_rejected"),
    *kit_fault_cases(("zendesk.role",), reasons={"401": "zendesk.token_rejected", "403": "zendesk.restricted_agent"}),
]


# The OAuth method has no user field, so these run without the demo's --user.
OAUTH_CASES = [
    Case("ready-oauth", **OAUTH, passed=("zendesk.role", "zendesk.ticket_editing")),
    Case("oauth-revoked", args=("--auth", "oauth_token"), secrets={"access_token": "r" * 64}, code=1, kind="auth",
         reason="zendesk.oauth_rejected"),
    Case("oauth-401", {"fault": "401"}, **OAUTH, code=1, kind="auth", reason="zendesk.oauth_rejected"),
]
NO_USER = ("--json",)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "zendesk", emulators, cli, monkeypatch)


@pytest.mark.parametrize("case", OAUTH_CASES, ids=str)
def test_oauth_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "zendesk", emulators, cli, monkeypatch, base_args=NO_USER)


def test_token_rejected_names_causes_and_next_step(emulators, cli, monkeypatch):
    result, _ = run_case(Case("off", {"token_access": False}, code=1, kind="auth"), "zendesk", emulators, cli,
                         monkeypatch)
    error = result.json()["error"]
    assert "Couldn't authenticate you" in error["message"]
    assert "token access" in error["next_step"] and "OAuth" in error["next_step"]


def test_api_token_sent_as_email_slash_token(emulators, cli, monkeypatch):
    _, emulator = run_case(Case("ready"), "zendesk", emulators, cli, monkeypatch)
    header = emulator.requests[0].headers["authorization"]
    assert base64.b64decode(header[6:]).decode() == f"{DEMO_EMAIL}/token:{DEMO_API_TOKEN}"


def test_typed_token_suffix_is_not_doubled(emulators, cli, monkeypatch):
    run_case(Case("suffix", args=("--user", DEMO_EMAIL + "/token"), passed=("zendesk.role",)), "zendesk", emulators,
             cli, monkeypatch)


def test_api_tokens_retirement_notice_is_shown(emulators, cli, monkeypatch):
    result, _ = run_case(Case("ready"), "zendesk", emulators, cli, monkeypatch)
    notice = result.check("notice.zendesk_api_tokens")
    assert notice["status"] == "warn" and "OAuth" in notice["fix"]


def test_console_access_is_a_manual_requirement(emulators, cli, monkeypatch):
    result, _ = run_case(Case("ready"), "zendesk", emulators, cli, monkeypatch)
    check = result.check("zendesk.console_access")
    assert check["manual"] is True and "role restrictions" in check["detail"]


def test_admin_warning_names_the_dedicated_account(emulators, cli, monkeypatch):
    case = Case("admin", user(role="admin", role_type=4, custom_role_id=None), warn=("zendesk.admin",))
    result, _ = run_case(case, "zendesk", emulators, cli, monkeypatch)
    assert "dedicated agent" in result.check("zendesk.admin")["fix"]



def test_429_with_short_retry_after_is_retried(emulators, cli, monkeypatch):
    case = Case("429-then-ok", {"fault": {"kind": "429", "retry_after": 0, "times": 1}}, passed=("zendesk.role",))
    _, emulator = run_case(case, "zendesk", emulators, cli, monkeypatch)
    assert emulator.count(path="/api/v2/users/me$") == 2


@pytest.mark.parametrize("secrets", [{"api_token": "Q" * 40}, {"access_token": "q" * 64}])
def test_rejected_credential_is_sent_once(secrets, emulators, cli, monkeypatch):
    oauth = "access_token" in secrets
    case = Case("bad", args=("--auth", "oauth_token") if oauth else (), secrets=secrets, code=1, kind="auth")
    _, emulator = run_case(case, "zendesk", emulators, cli, monkeypatch, base_args=NO_USER if oauth else ())
    assert len(emulator.requests) == 1


def test_offline_password_instead_of_token(cli, monkeypatch):
    monkeypatch.setenv("PW", "Summer2026!")
    result = cli("check", "zendesk", "--url", "https://acme.zendesk.com", "--user", DEMO_EMAIL,
                 "--secret-env", "api_token=PW", "--json")
    assert result.code == 2
    check = result.check("zendesk.field.api_token")
    assert check["status"] == "fail" and "40 letters and digits" in check["fix"] and "password" in check["fix"]
    assert "Summer2026!" not in result.out


def test_offline_bad_email_and_url(cli, monkeypatch):
    monkeypatch.setenv("TOK", DEMO_API_TOKEN)
    result = cli("check", "zendesk", "--url", "https://acme.zendesk.com", "--user", "exalate-sync",
                 "--secret-env", "api_token=TOK", "--json")
    assert result.code == 2 and "exalate-sync@acme.com" in result.check("zendesk.field.email")["fix"]
    result = cli("check", "zendesk", "--url", "https://acme.freshdesk.com", "--user", DEMO_EMAIL,
                 "--secret-env", "api_token=TOK", "--json")
    assert result.code == 2 and "your-subdomain.zendesk.com" in result.check("zendesk.url")["fix"]
    assert DEMO_API_TOKEN not in result.out


def test_role_configuration_without_a_field_is_not_confirmed_never_a_fail(emulators, cli, monkeypatch):
    # A field the tracker did not send is never a fail (issue 16): a custom role without ticket_editing.
    case = Case("field-not-sent", {"custom_roles": {"360001": {"omit": ["ticket_editing", "ticket_access"]}}},
                code=3, passed=("zendesk.role",))
    result, _ = run_case(case, "zendesk", emulators, cli, monkeypatch)
    for key in ("ticket_editing", "ticket_access"):
        check = result.check(f"zendesk.{key}")
        assert check["status"] == "unknown" and key in check["detail"] and "did not send" in check["detail"]
