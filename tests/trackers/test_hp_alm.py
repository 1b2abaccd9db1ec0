"""HP ALM/QC (retired): log-in, site session, projects, field configuration, log-out, through `exadesk check --json`."""

from __future__ import annotations

import pytest

from exadesk.sandbox.hp_alm import DEMO_PASSWORD, DEMO_USER
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

ALL = ("hp_alm.site_session", "hp_alm.all_projects", "hp_alm.user_fields")

CASES = [
    Case("ready", passed=ALL, warn=("notice.hp_alm_retired",)),
    Case("project-not-visible", {"users": {DEMO_USER: {"projects": ["DEFAULT/Legacy"]}}}, code=1,
         fail=("hp_alm.all_projects",)),
    Case("field-configuration-hidden", {"users": {DEMO_USER: {"admin_of": ["DEFAULT/Legacy"]}}}, code=1,
         fail=("hp_alm.user_fields",), passed=("hp_alm.all_projects",)),
    Case("wrong-password", secrets={"password": "Not-The-Alm-Pass-1"}, code=1, kind="auth",
         fail=("hp_alm.site_session",)),
    Case("no-license", {"licenses_free": False}, code=1, kind="forbidden", reason="hp_alm.license",
         fail=("hp_alm.site_session",)),
    *kit_fault_cases(ALL, skip=("invalid_json",)),
    Case("invalid-xml", {"fault": "invalid_json"}, code=3, kind="unexpected_response", reason="http.invalid_json"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "hp_alm", emulators, cli, monkeypatch)


def test_logs_in_opens_a_session_and_logs_out(emulators, cli, monkeypatch):
    _, emulator = run_case(Case("ready", passed=ALL), "hp_alm", emulators, cli, monkeypatch)
    calls = [(r.method, r.path) for r in emulator.requests]
    assert calls[0] == ("POST", "/qcbin/authentication-point/alm-authenticate")
    assert calls[1] == ("POST", "/qcbin/rest/site-session")
    assert calls[-2:] == [("DELETE", "/qcbin/rest/site-session"), ("GET", "/qcbin/authentication-point/logout")]
    assert emulator.logged_out == 1 and not emulator.sessions and not emulator.logins
    # The session cookies travelled with the later requests (one requests.Session per client).
    assert "QCSession=" in emulator.requests[3].headers.get("cookie", "")
    # Only log-in and log-out are not GETs; nothing on the tracker was changed.
    assert {m for m, _ in calls if m != "GET"} == {"POST", "DELETE"}
    assert [p for m, p in calls if m == "POST"] == ["/qcbin/authentication-point/alm-authenticate",
                                                     "/qcbin/rest/site-session"]


def test_failed_check_still_logs_out(emulators, cli, monkeypatch):
    case = Case("hidden", {"users": {DEMO_USER: {"admin_of": []}}}, code=1, fail=("hp_alm.user_fields",))
    _, emulator = run_case(case, "hp_alm", emulators, cli, monkeypatch)
    assert emulator.logged_out == 1


def test_field_note_missing_session_step(emulators, cli, monkeypatch):
    # Field notes: 401 "Browser based integrations - to login append '?login-form-required=y'" = no site session.
    case = Case("no-session", {"drop_session_cookie": True}, code=1, kind="unexpected_response",
                reason="hp_alm.session_missing", fail=("hp_alm.site_session",))
    result, emulator = run_case(case, "hp_alm", emulators, cli, monkeypatch)
    error = result.json()["error"]
    assert "login-form-required" in error["message"] and "cookies" in error["next_step"]
    assert any(r.reply_status == 401 and b"Browser based integrations" in r.reply_body for r in emulator.requests)
    assert emulator.logged_out == 1  # the log-in is closed even so


def test_rejected_password_is_sent_once(emulators, cli, monkeypatch):
    case = Case("bad", secrets={"password": "Not-The-Alm-Pass-2"}, code=1, kind="auth")
    _, emulator = run_case(case, "hp_alm", emulators, cli, monkeypatch)
    assert len(emulator.requests) == 1
    assert b"Not-The-Alm-Pass-2" in emulator.requests[0].body  # in the XML body, as ALM documents


def test_without_projects_in_scope_nothing_is_sent_and_the_option_is_named(emulators, cli, monkeypatch):
    # It reported ready (exit 0, "Verified") with every requirement unknown; now it asks for the projects.
    case = Case("no-scope", code=2, kind="bad_input")
    result, emulator = run_case(case, "hp_alm", emulators, cli, monkeypatch, base_args=("--user", DEMO_USER))
    error = result.json()["error"]
    assert error["reason"] == "input.scope_missing" and "--project" in error["next_step"]
    assert emulator.requests == []


def test_retirement_is_said_plainly_everywhere_it_is_chosen():
    from exadesk.trackers.hp_alm import SPEC

    assert "November 2024" in SPEC.retired
    assert "November 2024" in SPEC.auth_methods[0].steps[0].text
    assert "November 2024" in SPEC.summary or "retired" in SPEC.summary.lower()
    assert "hp_alm_retired" in [notice.id for notice in SPEC.notices]



def test_api_base_keeps_or_adds_qcbin():
    from exadesk.trackers.hp_alm import api_base

    assert api_base("https://alm.example.com/qcbin") == "https://alm.example.com/qcbin"
    assert api_base("https://alm.example.com:8443/qcbin/start_a.jsp") == "https://alm.example.com:8443/qcbin"
    assert api_base("http://127.0.0.1:9000") == "http://127.0.0.1:9000/qcbin"


@pytest.mark.parametrize("url,user,field", [
    ("https://alm.example.com", DEMO_USER, "hp_alm.url"),
    ("https://alm.example.com/qcbin", "alm admin", "hp_alm.field.username"),
])
def test_offline_validation_names_the_expected_form(cli, monkeypatch, url, user, field):
    monkeypatch.setenv("ALM_PW", DEMO_PASSWORD)
    result = cli("check", "hp_alm", "--url", url, "--user", user, "--secret-env", "ALM_PW", "--json")
    assert result.code == 2
    check = result.check(field)
    assert check["status"] == "fail"
    assert "/qcbin" in check["fix"] or "without spaces" in check["fix"]
    assert DEMO_PASSWORD not in result.out


def test_url_typed_with_qcbin_and_a_page_works(emulators, cli, monkeypatch):
    emulator = emulators.start("hp_alm")
    monkeypatch.setenv("ALM_PW", DEMO_PASSWORD)
    result = cli("check", "hp_alm", "--url", emulator.url + "/qcbin/start_a.jsp", "--user", DEMO_USER,
                 "--project", "DEFAULT/Sync_Project", "--secret-env", "ALM_PW", "--json")
    assert result.code == 0, result.out[:1000]
    assert emulator.requests[0].path == "/qcbin/authentication-point/alm-authenticate"


# -- TDAdmin from the user's groups; Site Administration (issue 16) ------------------------------------------

def test_tdadmin_is_read_from_the_users_groups_in_each_project(emulators, cli, monkeypatch):
    result, emulator = run_case(Case("tdadmin", passed=(*ALL, "hp_alm.TDAdmin")), "hp_alm", emulators, cli,
                                monkeypatch)
    check = result.check("hp_alm.TDAdmin")
    assert check["manual"] is False and "DEFAULT/Sync_Project" in check["detail"]
    asked = [r for r in emulator.requests if "/customization/users/" in r.path]
    assert asked and all(r.method == "GET" and r.param("show-user-groups-names") == "true" for r in asked)


def test_a_project_where_the_user_is_not_in_tdadmin_fails_with_the_fix(emulators, cli, monkeypatch):
    case = Case("no-tdadmin", {"users": {DEMO_USER: {"groups": {"DEFAULT/Sync_Project": ["Viewer", "QATester"]}}}},
                code=1, fail=("hp_alm.TDAdmin",))
    result, _ = run_case(case, "hp_alm", emulators, cli, monkeypatch)
    check = result.check("hp_alm.TDAdmin")
    assert "Viewer" in check["detail"] and "Project Users" in check["fix"]


def test_group_names_not_sent_leave_tdadmin_not_confirmed(emulators, cli, monkeypatch):
    case = Case("groups-not-sent", {"groups_sent": False}, code=3, passed=ALL)
    result, _ = run_case(case, "hp_alm", emulators, cli, monkeypatch)
    check = result.check("hp_alm.TDAdmin")
    assert check["status"] == "unknown" and check["manual"] is False and "did not send" in check["detail"]


def test_site_administration_refusal_says_the_user_is_no_site_administrator(emulators, cli, monkeypatch):
    result, emulator = run_case(Case("not-site-admin", passed=ALL), "hp_alm", emulators, cli, monkeypatch)
    detail = result.check("hp_alm.all_projects")["detail"]
    assert "not a site administrator" in detail and "cannot be shown to see every project" in detail
    assert any(r.path.startswith("/qcbin/v2/sa/api/") and r.reply_status == 403 for r in emulator.requests)
    admin, _ = run_case(Case("site-admin", {"users": {DEMO_USER: {"site_admin": True}}}, passed=ALL), "hp_alm",
                        emulators, cli, monkeypatch)
    assert "site administrator" in admin.check("hp_alm.all_projects")["detail"]
    assert "not a site administrator" not in admin.check("hp_alm.all_projects")["detail"]
