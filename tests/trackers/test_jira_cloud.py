"""Jira Cloud: the app user, its groups, the addons role, the field notes and each misbehaviour, via `exadesk check`."""

from __future__ import annotations

import pytest

from exadesk.sandbox.jira_cloud import APP_ACCOUNT, CLOUD_ID, DEMO_EMAIL, DEMO_SCOPED, DEMO_TOKEN
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

T = "jira_cloud"
BASE = ("--user", DEMO_EMAIL, "--project", "SUP")
GROUPS = ("atlassian-addons", "atlassian-addons-admin", "jira-core-users", "jira-servicedesk-users",
          "jira-software-users")
ROLE_PERMS = ("ADMINISTER_PROJECTS", "BROWSE_PROJECTS", "MANAGE_SPRINTS_PERMISSION", "SERVICEDESK_AGENT",
              "VIEW_DEV_TOOLS")
HR = {"projects": {"HR": {"id": "10002", "name": "HR", "scheme": "10100", "role_members": [APP_ACCOUNT]}}}


def without_group(group: str) -> dict:
    return {"app_user": {"groups": [g for g in GROUPS if g != group]}}


CASES = [
    Case("ready", passed=tuple(f"{T}.{k}" for k in ("ADMINISTER", "app_user", *GROUPS, "atlassian-addons-project-access",
                                                     *ROLE_PERMS, "issue_security_levels",
                                                     "public_projects_only"))),
    *(Case(f"not-in-{g}", without_group(g), code=1, fail=(f"{T}.{g}",)) for g in GROUPS),
    *(Case(f"role-lacks-{p}", {"schemes": {"10000": {"revoked": [p]}}}, code=1, fail=(f"{T}.{p}",))
      for p in ROLE_PERMS),
    Case("app-user-missing", {"app_user": {"present": False}}, code=1, fail=(f"{T}.app_user",)),
    Case("app-user-deactivated", {"app_user": {"active": False}}, code=1, fail=(f"{T}.app_user",)),
    Case("app-user-found-by-name-without-email", {"app_user": {"emailAddress": ""}}, passed=(f"{T}.app_user",)),
    Case("app-user-after-many-accounts", {"app_user": {"active": False}, "more_users": 1500}, code=1,
         fail=(f"{T}.app_user",)),
    # Field note: the role removed from a private project leaves the app user silently blind there.
    Case("role-membership-removed", {"projects": {"SUP": {"role_members": []}}}, code=1,
         fail=(f"{T}.atlassian-addons-project-access",)),
    Case("addons-role-deleted", {"addons_role_deleted": True}, code=1,
         fail=(f"{T}.atlassian-addons-project-access", f"{T}.BROWSE_PROJECTS")),
    # Field note: the role removed from a security level leaves the app user blind to those issues.
    Case("security-level-without-role",
         {"security_schemes": {"10200": {"levels": {"10021": {"members": [{"type": "group",
                                                                            "parameter": "support-staff"}]}}}}},
         warn=(f"{T}.issue_security_levels",)),
    Case("credential-not-admin", {"admin": {"administer": False}}, code=1, fail=(f"{T}.ADMINISTER",)),
    Case("private-project-reachable", HR, warn=(f"{T}.public_projects_only",)),
    Case("private-project-cut-off", {**HR, "schemes": {"10100": {"revoked": ["BROWSE_PROJECTS"]}}},
         passed=(f"{T}.public_projects_only",)),
    Case("bad-token", secrets={"api_token": "ATATT3xFfGF0" + "Q" * 40}, code=1, kind="auth",
         reason=f"{T}.token_rejected"),
    *kit_fault_cases((f"{T}.app_user",)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, T, emulators, cli, monkeypatch, base_args=BASE)



def test_password_instead_of_token_is_named_and_sent_once(emulators, cli, monkeypatch):
    """Field note: 401 "Basic authentication with passwords is deprecated"."""
    emulator = emulators.start(T, {"admin": {"password": "Admins0wnPassw0rdForTest"}})
    monkeypatch.setenv("SECRET", "Admins0wnPassw0rdForTest")
    result = cli("check", T, "--url", emulator.url, *BASE, "--secret-env", "SECRET", "--json")
    assert result.code == 1
    error = result.json()["error"]
    assert error["reason"] == f"{T}.password_not_token"
    assert "password" in error["message"] and "API token" in error["next_step"]
    assert len(emulator.requests) == 1
    assert "Admins0wnPassw0rdForTest" not in result.out


def test_scoped_token_on_site_url_explains_the_gateway_address(emulators, cli, monkeypatch):
    """Field note: scoped tokens give 401 on the site URL; they work at api.atlassian.com/ex/jira/{cloudId}."""
    case = Case("scoped-on-site", secrets={"api_token": DEMO_SCOPED}, code=1, kind="auth",
                reason=f"{T}.token_rejected")
    result, emulator = run_case(case, T, emulators, cli, monkeypatch, base_args=BASE)
    assert f"https://api.atlassian.com/ex/jira/{CLOUD_ID}" in result.json()["error"]["next_step"]
    with_credential = [r for r in emulator.requests if r.headers.get("authorization")]
    assert len(with_credential) == 1
    assert [r.path for r in emulator.requests if not r.headers.get("authorization")] == ["/_edge/tenant_info"]


def test_scoped_token_works_through_the_gateway_path(emulators, cli, monkeypatch):
    emulator = emulators.start(T)
    monkeypatch.setenv("SECRET", DEMO_SCOPED)
    result = cli("check", T, "--url", f"{emulator.url}/ex/jira/{CLOUD_ID}", *BASE, "--secret-env", "SECRET", "--json")
    assert result.code == 0, result.out
    assert all(r.path.startswith(f"/ex/jira/{CLOUD_ID}/rest/api/3/") for r in emulator.requests)


def test_mypermissions_is_asked_with_permissions(emulators, cli, monkeypatch):
    """Field note: mypermissions answers 400 without permissions=."""
    _, emulator = run_case(Case("ready"), T, emulators, cli, monkeypatch, base_args=BASE)
    asked = [r for r in emulator.requests if r.path.endswith("/mypermissions")]
    assert asked and all(r.param("permissions") == "ADMINISTER" for r in asked)


def test_security_warning_names_only_private_projects(emulators, cli, monkeypatch):
    result, _ = run_case(Case("hr", HR, warn=(f"{T}.public_projects_only",)), T, emulators, cli, monkeypatch,
                         base_args=BASE)
    detail = result.check(f"{T}.public_projects_only")["detail"]
    assert "HR" in detail and "SUP" not in detail and "DEV" not in detail


def test_security_level_warning_names_the_level(emulators, cli, monkeypatch):
    scenario = {"security_schemes": {"10200": {"levels": {"10022": {"members": [{"type": "reporter"}]}}}}}
    result, _ = run_case(Case("level", scenario, warn=(f"{T}.issue_security_levels",)), T, emulators, cli,
                         monkeypatch, base_args=BASE)
    detail = result.check(f"{T}.issue_security_levels")["detail"]
    assert "SUP: Reporter only" in detail and "Staff only" not in detail


def test_identity_is_the_app_user(emulators, cli, monkeypatch):
    result, _ = run_case(Case("ready"), T, emulators, cli, monkeypatch, base_args=BASE)
    identity = result.json()["identity"]
    assert identity["id"] == APP_ACCOUNT and identity["kind"] == "app" and identity["name"] == "Exalate"


def test_non_admin_credential_stops_before_admin_only_reads(emulators, cli, monkeypatch):
    case = Case("not-admin", {"admin": {"administer": False}}, code=1, fail=(f"{T}.ADMINISTER",))
    result, emulator = run_case(case, T, emulators, cli, monkeypatch, base_args=BASE)
    assert result.statuses()[f"{T}.atlassian-addons"] == "unknown"
    assert not any("/role" in r.path for r in emulator.requests)


def test_verification_only_reads(emulators, cli, monkeypatch):
    """GETs, and the one POST Atlassian documents as a read (Get bulk permissions), declared on the spec."""
    from exadesk.verification import registry
    from exadesk.verification.http import is_declared_read

    _, emulator = run_case(Case("ready"), T, emulators, cli, monkeypatch, base_args=BASE)
    assert {(r.method, r.path) for r in emulator.requests if r.method != "GET"} == {
        ("POST", "/rest/api/3/permissions/check")}
    assert all(is_declared_read(r.method, emulator.url + r.path, reads=registry.get("jira_cloud").spec.non_get_reads)
               for r in emulator.requests)


def test_a_misspelt_project_is_one_finding(emulators, cli, monkeypatch):
    """Issue 19 item 7: a key that does not exist is "no project OPS: check the key", not six scheme fixes."""
    result, _ = run_case(Case("typo", code=1, fail=(f"{T}.scope",)), T, emulators, cli, monkeypatch,
                         base_args=(*BASE, "--project", "OPS"))
    failed = [c for c in result.json()["checks"] if c["status"] == "fail"]
    assert [c["id"] for c in failed] == [f"{T}.scope"]
    assert failed[0]["detail"] == "No project OPS: check the key."
    assert all("OPS" not in c["detail"] for c in result.json()["checks"] if c["id"] != f"{T}.scope")


def test_rejected_token_is_sent_once(emulators, cli, monkeypatch):
    case = Case("bad", secrets={"api_token": "ATATT3xFfGF0" + "Z" * 40}, code=1, kind="auth")
    _, emulator = run_case(case, T, emulators, cli, monkeypatch, base_args=BASE)
    assert len([r for r in emulator.requests if r.headers.get("authorization")]) == 1


@pytest.mark.parametrize("secret, field, expected", [
    ("hunter2", "api_token", "ATATT"),
    (DEMO_TOKEN, "email", "admin@example.com"),
])
def test_offline_validation_names_the_expected_form(secret, field, expected, cli, monkeypatch):
    monkeypatch.setenv("SECRET", secret)
    user = "not-an-email" if field == "email" else DEMO_EMAIL
    result = cli("check", T, "--url", "https://acme.atlassian.net", "--user", user, "--secret-env", "SECRET", "--json")
    assert result.code == 2
    check = result.check(f"{T}.field.{field}")
    assert check["status"] == "fail" and expected in check["fix"]
    assert secret not in result.out


def test_offline_validation_of_the_site_address(cli, monkeypatch):
    monkeypatch.setenv("SECRET", DEMO_TOKEN)
    result = cli("check", T, "--url", "https://acme.example.org", "--user", DEMO_EMAIL, "--secret-env", "SECRET",
                 "--json")
    assert result.code == 2
    assert "atlassian.net" in result.check(f"{T}.url")["fix"]
    assert DEMO_TOKEN not in result.out


def _search_queries(emulator) -> list[str]:
    return [r.param("query") for r in emulator.requests if r.path.endswith("/rest/api/3/user/search")]


def test_deactivated_app_user_is_found_through_all_users(emulators, cli, monkeypatch):
    # user/search returns active users only (Atlassian: "Returns a list of active users"); GET /users/search
    # returns "active users, inactive users and previously deleted users" (swagger-v3.v3.json getAllUsers).
    case = Case("deactivated", {"app_user": {"active": False}}, code=1, fail=(f"{T}.app_user",))
    result, emulator = run_case(case, T, emulators, cli, monkeypatch, base_args=BASE)
    assert "deactivated" in result.check(f"{T}.app_user")["detail"]
    assert any(r.path.endswith("/rest/api/3/users/search") for r in emulator.requests)


def test_the_app_user_is_searched_once_by_name_not_by_email(emulators, cli, monkeypatch):
    # App accounts have no e-mail address, so a search by the app's address finds nothing: one request wasted.
    _, emulator = run_case(Case("ready", passed=(f"{T}.app_user",)), T, emulators, cli, monkeypatch, base_args=BASE)
    assert _search_queries(emulator) == ["Exalate"]
    assert not any(r.path.endswith("/rest/api/3/users/search") for r in emulator.requests)


def test_removed_app_user_is_reported_missing_after_reading_all_users(emulators, cli, monkeypatch):
    case = Case("missing", {"app_user": {"present": False}}, code=1, fail=(f"{T}.app_user",))
    result, emulator = run_case(case, T, emulators, cli, monkeypatch, base_args=BASE)
    assert "No app user" in result.check(f"{T}.app_user")["detail"]
    assert any(r.path.endswith("/rest/api/3/users/search") for r in emulator.requests)


def test_emulator_user_search_returns_active_users_only(emulators):
    import requests

    emulator = emulators.start(T, {"app_user": {"active": False}})
    auth = (DEMO_EMAIL, DEMO_TOKEN)
    searched = requests.get(f"{emulator.url}/rest/api/3/user/search", params={"query": "Exalate"}, auth=auth, timeout=5)
    assert searched.status_code == 200 and searched.json() == []
    everyone = requests.get(f"{emulator.url}/rest/api/3/users/search", params={"maxResults": 50}, auth=auth, timeout=5)
    apps = [u for u in everyone.json() if u["accountType"] == "app"]
    assert [(u["accountId"], u["active"]) for u in apps] == [(APP_ACCOUNT, False)]
    assert all("emailAddress" not in u for u in apps)  # app accounts have no e-mail address


def test_admin_check_names_a_misspelt_project_once(emulators):
    """Issue 19 item 7 for the administrator's run: one finding, and the projects that exist are still checked."""
    from exadesk.verification import engine
    from exadesk.verification.spec import Secrets, Target

    emulator = emulators.start(T)
    target = Target(tracker=T, url=emulator.url, auth_method="api_token", values={"email": DEMO_EMAIL},
                    secrets=Secrets({"api_token": DEMO_TOKEN}), scope=["SUP", "OPS"])
    report = engine.verify_admin(target)
    by_id = {c.id: c for c in report.checks}
    assert by_id[f"{T}.scope"].detail == "No project OPS: check the key."
    assert by_id[f"{T}.admin.ADMINISTER_PROJECTS"].status.value == "pass"
    assert "OPS" not in by_id[f"{T}.admin.ADMINISTER_PROJECTS"].detail

