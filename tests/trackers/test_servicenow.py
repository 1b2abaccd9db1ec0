"""ServiceNow: every requirement of the seeds, the field notes and each emulator misbehaviour, through `exadesk check
--json`."""

from __future__ import annotations

import pytest

from exadesk.sandbox.servicenow import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_REFRESH, ROLE
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

PLUGIN = "servicenow.com.glide.role_management.inh_count.rest_api"
OAUTH = ("--auth", "oauth", "--field", f"client_id={DEMO_CLIENT_ID}")
OAUTH_SECRETS = {"client_secret": DEMO_CLIENT_SECRET, "refresh_token": DEMO_REFRESH}
ALL_BASIC = ("servicenow.admin", PLUGIN, "servicenow.read", "servicenow.write",
             "servicenow.snc_platform_rest_api_access", "servicenow.import_set", "servicenow.snc_basic_auth_api_access")
BASE_ROLES = ["itil", "snc_platform_rest_api_access", "import_set_loader", "import_transformer", ROLE]


def _proxy(**changes) -> dict:
    return {"users": {"exalate.proxy": changes}}


def _roles(*roles: str) -> dict:
    return _proxy(roles=list(roles))


CASES = [
    Case("ready-basic", passed=ALL_BASIC),
    Case("ready-basic-with-comments-and-attachments", args=("--sync", "comments,attachments"),
         passed=("servicenow.sys_journal_field", "servicenow.sys_attachment")),
    Case("ready-oauth", args=OAUTH, secrets=OAUTH_SECRETS,
         passed=("servicenow.admin", PLUGIN, "servicenow.read", "servicenow.write", "servicenow.refresh_token_lifespan")),
    # one requirement missing at a time
    Case("plain-admin", args=("--user", "admin"), secrets={"password": "Sbx-Admin-Pw-5521"}, code=0,
         warn=("servicenow.admin",), passed=(PLUGIN, "servicenow.read", "servicenow.write")),
    Case("admin-role-on-proxy", _roles(*BASE_ROLES, "admin"), warn=("servicenow.admin",)),
    Case("plugin-inactive", {"plugins": {"com.glide.role_management.inh_count.rest_api": {"active": "inactive"}}},
         code=1, fail=(PLUGIN,)),
    Case("plugin-absent-seen-by-admin", {"plugins": {"com.glide.role_management.inh_count.rest_api": None}},
         args=("--user", "admin"), secrets={"password": "Sbx-Admin-Pw-5521"}, code=1, fail=(PLUGIN,)),
    Case("table-read-refused", {"refuse": ["incident"]}, code=1, fail=("servicenow.read",)),
    # Issue 19 item 7: a misspelt table is one finding ("no table incidnet: check the table name").
    Case("table-misspelt", args=("--project", "incidnet"), code=1, fail=("servicenow.scope",)),
    Case("table-misspelt-among-others", args=("--project", "incident", "--project", "incidnet"), code=1,
         fail=("servicenow.scope",), passed=("servicenow.read", "servicenow.write")),
    Case("no-write-role", {"users": {"exalate.proxy": {"roles": [r for r in BASE_ROLES if r != "itil"]}},
                           "acls": {"incident": {"read": [ROLE]}}}, code=1, fail=("servicenow.write",),
         passed=("servicenow.read",)),
    Case("write-acl-asks-for-another-role", _roles(*BASE_ROLES, "security_admin") | {
        "write_acls": {"incident": [{"sys_id": "acl1", "roles": ["sn_incident_write"]}]}}, code=1,
         fail=("servicenow.write",)),
    Case("write-acl-read-and-held", _roles(*BASE_ROLES, "security_admin"), passed=("servicenow.write",)),
    Case("no-rest-api-role", _roles(*[r for r in BASE_ROLES if r != "snc_platform_rest_api_access"]),
         warn=("servicenow.snc_platform_rest_api_access",)),
    Case("no-import-set-roles", _roles("itil", "snc_platform_rest_api_access", ROLE), code=1,
         fail=("servicenow.import_set",)),
    Case("journal-refused", {"refuse": ["sys_journal_field"]}, args=("--sync", "comments"), code=1,
         fail=("servicenow.sys_journal_field",)),
    Case("attachments-refused", {"refuse": ["sys_attachment"]}, args=("--sync", "attachments"), code=1,
         fail=("servicenow.sys_attachment",)),
    Case("basic-not-web-service-only", _proxy(web_service_access_only=False),
         warn=("servicenow.snc_basic_auth_api_access",)),
    Case("refresh-token-runs-out-soon", {"oauth": {"refresh_tokens": {DEMO_REFRESH: {"expires_in_days": 5}}}},
         args=OAUTH, secrets=OAUTH_SECRETS, warn=("servicenow.refresh_token_lifespan",)),
    Case("refresh-token-of-another-user", {"oauth": {"refresh_tokens": {DEMO_REFRESH: {"user": "admin"}}}},
         args=OAUTH, secrets=OAUTH_SECRETS, code=1, kind="auth", reason="servicenow.token_other_user"),
    # field notes
    Case("basic-auth-restricted", {"basic_auth_restricted": True, **_proxy(web_service_access_only=False)}, code=1,
         kind="auth", reason="servicenow.not_authenticated"),
    Case("locked-out", _proxy(locked_out=True), code=1, kind="auth", reason="servicenow.not_authenticated"),
    Case("password-needs-reset", _proxy(password_needs_reset=True), code=1, kind="auth",
         reason="servicenow.not_authenticated"),
    Case("refresh-token-expired", {"oauth": {"refresh_tokens": {DEMO_REFRESH: {"expires_in_days": -1}}}},
         args=OAUTH, secrets=OAUTH_SECRETS, code=1, kind="auth", reason="servicenow.oauth_rejected"),
    Case("hibernating", {"hibernating": True}, code=3, kind="unexpected_response", reason="http.maintenance"),
    Case("acl-hides-rows", {"acls": {"incident": {"read": ["sn_incident_read"]}}}, code=3),
    Case("user-hidden", {"acls": {"sys_user": {"read": ["admin"]}}}, code=1, kind="not_found",
         reason="servicenow.user_not_found"),
    # kit misbehaviours
    Case("bad-password", secrets={"password": "Wrong-Password-0042"}, code=1, kind="auth"),
    *kit_fault_cases(("servicenow.read",), reasons={"401": "servicenow.not_authenticated"}),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "servicenow", emulators, cli, monkeypatch)


@pytest.mark.parametrize("case", [
    Case("bad-password", secrets={"password": "Wrong-Password-0077"}, code=1, kind="auth"),
    Case("locked-out", _proxy(locked_out=True), code=1, kind="auth"),
    Case("bad-refresh-token", args=OAUTH, secrets={"client_secret": DEMO_CLIENT_SECRET,
                                                   "refresh_token": "sbxNotARealRefreshTokenAtAll000111"},
         code=1, kind="auth"),
], ids=str)
def test_rejected_credential_is_sent_once(case, emulators, cli, monkeypatch):
    _, emulator = run_case(case, "servicenow", emulators, cli, monkeypatch)
    assert len(emulator.requests) == 1


def test_generic_401_names_causes_and_browser_step(emulators, cli, monkeypatch):
    result, _ = run_case(Case("locked", _proxy(locked_out=True), code=1, kind="auth"), "servicenow", emulators, cli,
                         monkeypatch)
    error = result.json()["error"]
    assert "User Not Authenticated" in error["message"]
    for cause in ("locked out", "reset its password", "snc_basic_auth_api_access", "in the browser", "/login.do"):
        assert cause in error["next_step"]


def test_acl_hidden_rows_are_not_read_as_no_access(emulators, cli, monkeypatch):
    result, emulator = run_case(Case("hidden", {"acls": {"incident": {"read": ["sn_incident_read"]}}}, code=3),
                                "servicenow",
                                emulators, cli, monkeypatch)
    assert result.check("servicenow.read")["status"] == "unknown"
    assert emulator.count(path="/api/now/stats/incident") == 1


def test_oauth_uses_refresh_grant_and_bearer_token(emulators, cli, monkeypatch):
    result, emulator = run_case(Case("oauth", args=OAUTH, secrets=OAUTH_SECRETS), "servicenow", emulators, cli,
                                monkeypatch)
    first = emulator.requests[0]
    assert (first.method, first.path) == ("POST", "/oauth_token.do")
    assert first.form()["grant_type"] == "refresh_token"
    assert all(r.bearer() and r.method == "GET" for r in emulator.requests[1:])
    assert result.json()["token_expires_at"]


def test_refresh_token_expiry_unknown_when_token_records_hidden(emulators, cli, monkeypatch):
    case = Case("hidden-tokens", {"acls": {"oauth_credential": {"read": ["admin"]}}}, args=OAUTH,
                secrets=OAUTH_SECRETS, code=3)
    result, _ = run_case(case, "servicenow", emulators, cli, monkeypatch)
    check = result.check("servicenow.refresh_token_lifespan")
    assert check["status"] == "unknown" and "100 days" in check["detail"]


def test_password_grant_gets_a_first_pair(emulators):
    from datetime import timedelta

    from exadesk.foundation import clock
    from exadesk.verification import oauth
    from exadesk.verification.http import HttpClient, Page
    from exadesk.trackers.servicenow import OAUTH

    emulator = emulators.start("servicenow")
    client = HttpClient(emulator.url, Page("ServiceNow"))
    token = oauth.password_grant(client, OAUTH, "exalate.proxy", DEMO_PASSWORD, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    assert token.access_token and token.refresh_token
    assert token.expires_at is not None and token.expires_at <= clock.now() + timedelta(seconds=1800)


def test_offline_validation_shows_expected_forms(cli, monkeypatch):
    monkeypatch.setenv("CS", DEMO_CLIENT_SECRET)
    monkeypatch.setenv("RT", DEMO_REFRESH)
    result = cli("check", "servicenow", "--url", "https://acme.service-now.com", "--auth", "oauth", "--user",
                 "exalate.proxy", "--field", "client_id=not-hex", "--secret-env", "client_secret=CS",
                 "--secret-env", "refresh_token=RT", "--json")
    assert result.code == 2
    assert "32 hexadecimal" in result.check("servicenow.field.client_id")["fix"]
    assert DEMO_CLIENT_SECRET not in result.out and DEMO_REFRESH not in result.out
    monkeypatch.setenv("PW", DEMO_PASSWORD)
    result = cli("check", "servicenow", "--url", "https://acme.service-now.com/now/nav/ui/home", "--user",
                 "exalate.proxy", "--secret-env", "PW", "--json", "--timeout", "1")
    # A page address pasted from the browser is trimmed to the instance address (issue 19 item 5), not refused.
    assert result.json()["url"] == "https://acme.service-now.com"
    assert DEMO_PASSWORD not in result.out


# -- a non-admin proxy user: tables guarded by an elevated role answer 403 (issue 16) ---------------------------

NON_ADMIN_CHECKS = ("servicenow.admin", PLUGIN, "servicenow.read", "servicenow.write",
                    "servicenow.snc_platform_rest_api_access", "servicenow.import_set",
                    "servicenow.snc_basic_auth_api_access")


def test_non_admin_scenario_runs_every_check_to_a_verdict(emulators, cli, monkeypatch):
    from exadesk.sandbox.servicenow import NON_ADMIN

    result, emulator = run_case(Case("non-admin", NON_ADMIN, code=3), "servicenow", emulators, cli, monkeypatch)
    data = result.json()
    assert data["error"] is None and data["verdict"] == "not_confirmed"
    statuses = result.statuses()
    assert all(statuses.get(c) for c in NON_ADMIN_CHECKS), statuses
    assert statuses["servicenow.read"] == "pass" and statuses["servicenow.import_set"] == "pass"
    assert statuses["servicenow.snc_basic_auth_api_access"] == "pass"
    # Only the checks that need a refused table are not confirmed, each with its manual steps.
    plugin = result.check(PLUGIN)
    assert plugin["status"] == "unknown" and plugin["manual"] is False and "v_plugin" in plugin["detail"]
    assert "System Definition, Plugins" in plugin["detail"]
    assert any(r.reply_status == 403 for r in emulator.requests)


def test_non_admin_human_output_names_what_is_not_confirmed(emulators, cli, monkeypatch):
    from exadesk.sandbox.servicenow import NON_ADMIN

    emulator = emulators.start("servicenow", NON_ADMIN)
    monkeypatch.setenv("SN_PW", DEMO_PASSWORD)
    result = cli("check", "servicenow", "--url", emulator.url, "--user", "exalate.proxy", "--secret-env", "SN_PW")
    assert result.code == 3
    assert "NOT CONFIRMED" in result.out.splitlines()[0] and "[NOT CONFIRMED]" in result.out
    assert "[MANUAL]" in result.out and "????" not in result.out


def test_refused_roles_table_leaves_the_other_checks_running(emulators, cli, monkeypatch):
    from exadesk.sandbox.servicenow import NON_ADMIN

    scenario = {**NON_ADMIN, "table_acls": {**NON_ADMIN["table_acls"], "sys_user_has_role": ["admin"]}}
    result, _ = run_case(Case("roles-refused", scenario, code=3, passed=("servicenow.read",)), "servicenow",
                         emulators, cli, monkeypatch)
    for key in ("admin", "snc_platform_rest_api_access", "import_set"):
        check = result.check(f"servicenow.{key}")
        assert check["status"] == "unknown" and "sys_user_has_role" in check["detail"], check
    # Web-service-access-only is on the user record itself, so Basic sign-in is still decided.
    assert result.check("servicenow.snc_basic_auth_api_access")["status"] == "pass"


def test_plugin_list_readable_without_the_plugin_is_a_fail(emulators, cli, monkeypatch):
    # v_plugin answers (other plugins are listed) and the V2 REST API plugin has no row: it is not installed.
    case = Case("plugin-absent", {"plugins": {"com.glide.role_management.inh_count.rest_api": None}}, code=1,
                fail=(PLUGIN,))
    result, _ = run_case(case, "servicenow", emulators, cli, monkeypatch)
    assert "not installed" in result.check(PLUGIN)["detail"]


def test_refused_oauth_tables_leave_the_token_expiry_not_confirmed(emulators, cli, monkeypatch):
    from exadesk.sandbox.servicenow import NON_ADMIN

    result, _ = run_case(Case("oauth-non-admin", NON_ADMIN, args=OAUTH, secrets=OAUTH_SECRETS, code=3),
                         "servicenow", emulators, cli, monkeypatch)
    check = result.check("servicenow.refresh_token_lifespan")
    assert check["status"] == "unknown" and "Manage Tokens" in check["detail"] + check["fix"]
