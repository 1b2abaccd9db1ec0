"""exadesk/trackers/_servicenow_api.py: the Table API as ExaDesk reads it (rows under ACLs, table access, roles,
error bodies), against the ServiceNow emulator."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from exadesk.sandbox.servicenow import DEMO_PASSWORD, NON_ADMIN, PROXY_ID, ROLE, ServiceNowEmulator
from exadesk.trackers import _servicenow_api as api
from exadesk.verification.http import BasicAuth, HttpClient, Page, Reply


@pytest.fixture
def client():
    def make(scenario=None):
        emulator = ServiceNowEmulator(scenario).start() if scenario else ServiceNowEmulator().start()
        started.append(emulator)
        return HttpClient(base_url=emulator.url, page=Page("ServiceNow"), auth=BasicAuth("exalate.proxy", DEMO_PASSWORD),
                          timeout=(2.0, 2.0))

    started = []
    yield make
    for emulator in started:
        emulator.stop()


def test_api_base_is_the_instance_itself():
    assert api.api_base("https://acme.service-now.com/now/nav/ui/home?x=1") == "https://acme.service-now.com"


@pytest.mark.parametrize("value, expected", [("true", True), ("1", True), (True, True), ("false", False),
                                             (None, False), ("", False)])
def test_true_reads_table_api_booleans(value, expected):
    assert api.true(value) is expected


def test_parse_time_reads_utc_table_api_times():
    assert api.parse_time("2026-03-02 10:00:00") == datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    assert api.parse_time("") is None and api.parse_time("02.03.2026") is None


def test_rows_and_roles_of_the_proxy_user(client):
    http = client()
    users = api.rows(http, "sys_user", "user_name=exalate.proxy", "sys_id,user_name", 1)
    assert [u["user_name"] for u in users] == ["exalate.proxy"]
    assert ROLE in api.roles(http, PROXY_ID)


def test_a_table_refused_by_its_acl_is_none_not_an_empty_list(client):
    http = client(NON_ADMIN)
    assert api.rows(http, "sys_security_acl", "", "sys_id") is None
    assert api.table_access(http, "sys_security_acl") == api.TableAccess("no", 403)
    assert api.write_acls(http, ["incident"]) == (None, ())


def test_table_access_of_a_readable_table(client):
    assert api.table_access(client(), "incident").state == "yes"


def test_diagnose_names_servicenows_not_authenticated_body():
    http = HttpClient(base_url="https://acme.service-now.com", page=Page("ServiceNow"))
    body = b'{"error": {"message": "User Not Authenticated", "detail": "Required to provide Auth information"}}'
    reply = Reply(401, {"Content-Type": "application/json"}, body, "https://acme.service-now.com/api/now/table/sys_user")
    assert api.diagnose(reply, http).reason == "servicenow.not_authenticated"
    oauth = Reply(401, {}, b'{"error": "server_error", "error_description": "access_denied"}',
                  "https://acme.service-now.com/oauth_token.do")
    problem = api.diagnose(oauth, http)
    assert problem.reason == "servicenow.oauth_rejected" and "access_denied" in problem.text()
    assert api.diagnose(Reply(403, {}, b"{}", reply.url), http) is None
