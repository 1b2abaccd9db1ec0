"""Salesforce: every requirement of the seeds, the field notes the API shows, and each emulator misbehaviour."""

from __future__ import annotations

import pytest

from exadesk.sandbox.salesforce import DEMO_TOKEN, USER_ID
from tests.helpers.scenarios import Case, kit_fault_cases, run_case


def user(**changes) -> dict:
    return {"users": {USER_ID: changes}}


def profile(**changes) -> dict:
    return {"users": {USER_ID: {"profile": changes}}}


def obj(name: str, **flags) -> dict:
    return {"objects": {name: flags}}


CASES = [
    Case("ready", passed=("salesforce.ApiEnabled", "salesforce.PermissionsRead", "salesforce.PermissionsCreate",
                          "salesforce.PermissionsEdit", "salesforce.DailyApiRequests", "salesforce.ModifyAllData")),
    Case("ready-comments-attachments", args=("--sync", "comments,attachments"),
         passed=("salesforce.CaseComment", "salesforce.ContentVersion")),
    Case("api-via-permission-set", {"users": {USER_ID: {"profile": {"PermissionsApiEnabled": False},
                                                        "api_via_permission_set": True}}},
         passed=("salesforce.ApiEnabled",)),
    Case("token-without-openid-scope", {"userinfo_scope": False}, passed=("salesforce.ApiEnabled",)),
    # REST answers a user without API Enabled with 403 API_DISABLED_FOR_ORG "The REST API is not enabled for this
    # Organization" (forcedotcom/salesforcedx-vscode#2387), as it answers an org without API: the check fails,
    # naming the per-user fix first.
    Case("api-disabled-for-user", profile(PermissionsApiEnabled=False), code=1, fail=("salesforce.ApiEnabled",)),
    Case("api-disabled-for-user-token-without-openid", {"userinfo_scope": False,
                                                         **profile(PermissionsApiEnabled=False)}, code=1,
         fail=("salesforce.ApiEnabled",)),
    Case("api-disabled-for-org", {"org": {"api_enabled": False}}, code=1, fail=("salesforce.ApiEnabled",)),
    Case("case-not-readable", obj("Case", queryable=False), code=1, fail=("salesforce.PermissionsRead",),
         passed=("salesforce.PermissionsEdit",)),
    Case("case-not-createable", obj("Case", createable=False), code=1, fail=("salesforce.PermissionsCreate",)),
    Case("case-not-editable", obj("Case", updateable=False), code=1, fail=("salesforce.PermissionsEdit",)),
    # Issue 19 item 7: an object that does not exist (or the profile cannot see) is one finding; Case is still checked.
    Case("object-missing", args=("--project", "Ticket__c"), code=1, fail=("salesforce.scope",),
         passed=("salesforce.PermissionsRead", "salesforce.PermissionsCreate", "salesforce.PermissionsEdit")),
    Case("one-of-two-objects-read-only", args=("--project", "Account"), code=1,
         fail=("salesforce.PermissionsEdit",), passed=("salesforce.PermissionsRead",)),
    Case("case-comment-not-createable", obj("CaseComment", createable=False), args=("--sync", "comments"), code=1,
         fail=("salesforce.CaseComment",)),
    Case("files-not-createable", obj("ContentVersion", createable=False), args=("--sync", "attachments"), code=1,
         fail=("salesforce.ContentVersion",)),
    Case("api-requests-used-up", {"org": {"daily_remaining": 0}}, code=1, fail=("salesforce.DailyApiRequests",)),
    Case("api-limit-spent-403", {"org": {"requests_used_up": True}}, code=3, kind="rate_limited",
         reason="salesforce.request_limit"),
    Case("api-requests-low", {"org": {"daily_remaining": 900}}, warn=("salesforce.DailyApiRequests",)),
    Case("limits-hidden", {"org": {"limits_visible": False}}, code=3),  # not confirmed: never "ready"
    Case("admin-account", profile(Name="System Administrator", PermissionsModifyAllData=True),
         warn=("salesforce.ModifyAllData",)),
    # Field notes: an expired token, 401 INVALID_SESSION_ID (here at userinfo: 403 Bad_OAuth_Token).
    Case("expired-token", {"expired": [DEMO_TOKEN]}, code=1, kind="auth", reason="salesforce.session_invalid"),
    Case("unknown-token", secrets={"access_token": "00D5g000004Sbx1!AQ4AQUnknownTokenZZZZZZZZZZZZZZZZ"}, code=1,
         kind="auth", reason="salesforce.session_invalid"),
    *kit_fault_cases(("salesforce.ApiEnabled",), reasons={"401": "salesforce.session_invalid"}),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "salesforce", emulators, cli, monkeypatch)


def test_invalid_session_id_on_the_data_api(emulators, cli, monkeypatch):
    # Field notes: 401 [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}].
    case = Case("expired-later", {"fault": {"kind": "401", "path": "/services/data/v"}}, code=1, kind="auth",
                reason="salesforce.session_invalid")
    result, _ = run_case(case, "salesforce", emulators, cli, monkeypatch)
    error = result.json()["error"]
    assert "INVALID_SESSION_ID" in error["message"] and "new token" in error["next_step"]


def test_api_disabled_messages_name_the_cause(emulators, cli, monkeypatch):
    result, _ = run_case(Case("user", profile(PermissionsApiEnabled=False), code=1), "salesforce", emulators, cli,
                         monkeypatch)
    check = result.check("salesforce.ApiEnabled")
    assert "API_DISABLED_FOR_ORG" in check["detail"] and "The REST API is not enabled" in check["detail"]
    # userinfo answered, so the sign-in itself works: the user's API Enabled is the fix to try first.
    assert "signs in" in check["detail"] and "Exalate Sync" in check["detail"]
    assert check["fix"].index("API Enabled") < check["fix"].index("edition")
    assert "permission set" in check["fix"]
    result, _ = run_case(Case("org", {"org": {"api_enabled": False}}, code=1), "salesforce", emulators, cli,
                         monkeypatch)
    assert "edition" in result.check("salesforce.ApiEnabled")["fix"]


def test_emulator_user_without_api_enabled_gets_what_rest_sends(emulators):
    import requests

    emulator = emulators.start("salesforce", profile(PermissionsApiEnabled=False))
    auth = {"Authorization": f"Bearer {DEMO_TOKEN}"}
    reply = requests.get(f"{emulator.url}/services/data/v65.0/limits", headers=auth, timeout=5)
    assert reply.status_code == 403
    assert reply.json() == [{"message": "The REST API is not enabled for this Organization.",
                             "errorCode": "API_DISABLED_FOR_ORG"}]
    # The OAuth userinfo endpoint answers without API Enabled.
    assert requests.get(f"{emulator.url}/services/oauth2/userinfo", headers=auth, timeout=5).status_code == 200


def test_identity_and_profile(emulators, cli, monkeypatch):
    result, _ = run_case(Case("ready"), "salesforce", emulators, cli, monkeypatch)
    identity = result.json()["identity"]
    assert identity["login"] == "exalate-sync@acme.example.com" and identity["id"] == USER_ID
    assert "Exalate Integration" in identity["kind"]


def test_person_running_setup_is_warned(emulators, cli, monkeypatch):
    case = Case("me", args=("--person", "exalate-sync@acme.example.com"), warn=("salesforce.dedicated_proxy_user",))
    run_case(case, "salesforce", emulators, cli, monkeypatch)


def test_username_password_notice_is_shown(emulators, cli, monkeypatch):
    result, _ = run_case(Case("ready"), "salesforce", emulators, cli, monkeypatch)
    assert result.check("notice.salesforce_username_password")["status"] == "warn"



def test_429_with_short_retry_after_is_retried(emulators, cli, monkeypatch):
    case = Case("429-then-ok", {"fault": {"kind": "429", "retry_after": 0, "times": 1}},
                passed=("salesforce.ApiEnabled",))
    _, emulator = run_case(case, "salesforce", emulators, cli, monkeypatch)
    assert emulator.count(path="/services/oauth2/userinfo$") == 2


def test_rejected_token_is_sent_once(emulators, cli, monkeypatch):
    case = Case("bad", secrets={"access_token": "00D5g000004Sbx1!AQ4AQRejectedOnceYYYYYYYYYYYYYYYYY"}, code=1,
                kind="auth")
    _, emulator = run_case(case, "salesforce", emulators, cli, monkeypatch)
    assert len(emulator.requests) == 1


@pytest.mark.parametrize("error,description,location,reason", [
    ("access_denied", "", "https://acme.my.salesforce.com/services/oauth2/callback?error=OAUTH_APPROVAL_ERROR_GENERIC"
                          "&error_description=app+must+be+installed+into+org", "salesforce.app_not_installed"),
    ("invalid_grant", "expired access/refresh token", "", "salesforce.refresh_rejected"),
    ("invalid_grant", "authentication failure", "", None),
    ("INVALID_LOGIN", "LOGIN_MUST_USE_SECURITY_TOKEN", "", "salesforce.login_security_token"),
])
def test_token_errors_for_the_later_oauth_flow(error, description, location, reason):
    from exadesk.foundation import messages
    from exadesk.verification import registry
    from exadesk.trackers.salesforce import token_error_reason

    registry.all_trackers()  # registers the tracker reasons
    assert token_error_reason(error, description, location) == reason
    if reason:
        problem = messages.problem(reason, detail=error)
        assert problem.kind.value == "auth"
        assert "sign in again" in problem.next_step.lower() or "OAuth" in problem.next_step


@pytest.mark.parametrize("token", ["not-a-token", "AQ4AQDemoAccessTokenForExaDeskSandboxOnly0123", "00D5g000004Sbx1"])
def test_offline_validation_names_the_expected_form(cli, monkeypatch, token):
    monkeypatch.setenv("TOK", token)
    result = cli("check", "salesforce", "--url", "https://acme.my.salesforce.com", "--secret-env", "TOK", "--json")
    assert result.code == 2
    check = result.check("salesforce.field.access_token")
    assert check["status"] == "fail" and "00D" in check["fix"]
    assert token not in result.out


def test_offline_validation_explains_the_my_domain_address(cli, monkeypatch):
    monkeypatch.setenv("TOK", DEMO_TOKEN)
    result = cli("check", "salesforce", "--url", "https://acme.lightning.force.com", "--secret-env", "TOK", "--json")
    assert result.code == 2
    assert "my.salesforce.com" in result.check("salesforce.url")["fix"]
    assert DEMO_TOKEN not in result.out


def test_api_base_keeps_the_my_domain_host():
    from exadesk.trackers.salesforce import api_base

    assert api_base("https://Acme.my.salesforce.com") == "https://acme.my.salesforce.com"
    assert api_base("http://127.0.0.1:8443") == "http://127.0.0.1:8443"


def test_describe_without_a_flag_is_not_confirmed_never_a_fail(emulators, cli, monkeypatch):
    # A field the tracker did not send is never a fail (issue 16): a describe reply without "updateable".
    case = Case("flag-not-sent", {"objects": {"Case": {"omit": ["updateable"]}}}, code=3,
                passed=("salesforce.PermissionsRead", "salesforce.PermissionsCreate"))
    result, _ = run_case(case, "salesforce", emulators, cli, monkeypatch)
    check = result.check("salesforce.PermissionsEdit")
    assert check["status"] == "unknown" and "updateable" in check["detail"] and "did not send" in check["detail"]


def test_each_requirement_is_judged_from_the_facts_alone():
    """The judges read only the facts: no request, so each rule is checked on its own (issue 17 item 4)."""
    import threading

    from exadesk.foundation.checks import Status
    from exadesk.trackers import salesforce
    from exadesk.verification.spec import Target, VerifyContext

    ctx = VerifyContext(salesforce.SPEC, Target("salesforce", "https://acme.my.salesforce.com", scope=["Case", "Nope"]),
                        lambda *a, **k: None, threading.Event())
    facts = salesforce.Facts(who="Ann (ann@acme.example)", profile={"Name": "Sync", "PermissionsApiEnabled": True},
                             objects=("Case",), missing=("Nope",),
                             described={"Case": {"queryable": True, "createable": False}, "Nope": None},
                             limits={"Max": 1000, "Remaining": 50})
    results = [(r.id.split(".", 1)[1], r.status, r.detail) for r in salesforce.JUDGES.judge(ctx, facts)]
    assert [(key, status) for key, status, _ in results] == [
        ("ApiEnabled", Status.PASS), ("scope", Status.FAIL), ("PermissionsRead", Status.PASS),
        ("PermissionsCreate", Status.FAIL), ("PermissionsEdit", Status.UNKNOWN), ("DailyApiRequests", Status.WARN),
        ("ModifyAllData", Status.PASS)]
    assert "did not send updateable" in results[4][2], "a field not sent is never a fail"
    refused = list(salesforce.JUDGES.judge(ctx, salesforce.Facts(api_refused="API_DISABLED_FOR_ORG: no.")))
    assert [(r.id, r.status) for r in refused] == [("salesforce.ApiEnabled", Status.FAIL)], \
        "without the API the other checks are not reached"
    assert refused[0].detail.startswith("the REST API refused: API_DISABLED_FOR_ORG: no.")
