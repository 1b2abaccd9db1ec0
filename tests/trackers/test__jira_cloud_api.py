"""Jira Cloud's REST reads (exadesk/trackers/_jira_cloud_api.py) against a client answering from tables: the
sign-in probe, the app user, projects, roles, the bulk permission check and issue security levels. The checks they
feed, against the emulator, are in test_jira_cloud.py."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from exadesk.foundation import messages
from exadesk.foundation.errors import CheckError
from exadesk.trackers import _jira
from exadesk.trackers import _jira_cloud_api as cloud_api
from exadesk.verification import registry

APP = {"accountId": "557058:app", "accountType": "app", "displayName": "Exalate"}


class _Client:
    """Answers GETs from ``bodies`` (path -> JSON, or a function of the params), and records what was asked."""

    def __init__(self, bodies: dict, statuses: dict | None = None):
        self.bodies, self.statuses, self.asked = bodies, statuses or {}, []

    def _body(self, path, params):
        self.asked.append((path, params))
        body = self.bodies[path]
        return body(params or {}) if callable(body) else body

    def get_json(self, path, params=None, expect=None):
        return self._body(path, params)

    def get(self, path, params=None, allow=(), auth=True):
        status = self.statuses.get(path, 200)
        body = None if status != 200 else self._body(path, params)
        return SimpleNamespace(status=status, body=body, json_or_none=lambda: body)

    def decode(self, reply, expect):
        return reply.body

    def request(self, method, path, json_body=None):
        self.asked.append((method, path, json_body))
        return SimpleNamespace(status=200, body=self.bodies[path])


def _ctx(url: str = "https://acme.atlassian.net"):
    return SimpleNamespace(target=SimpleNamespace(url=url), gather=lambda calls: [call() for call in calls])


def test_the_gateway_is_api_atlassian_com_or_an_ex_jira_path():
    assert cloud_api.is_gateway("https://api.atlassian.com/ex/jira/1234")
    assert cloud_api.is_gateway("https://proxy.example/ex/jira/1234")
    assert not cloud_api.is_gateway("https://acme.atlassian.net")


def test_a_rejected_token_is_worded_with_the_sites_cloud_id():
    registry.all_trackers()  # registers jira_cloud.token_rejected

    class Rejecting(_Client):
        def get_json(self, path, params=None, expect=None):
            raise CheckError(messages.problem("auth", tracker="Jira Cloud"))

    cloud_id = "0a1b2c3d-0000-4000-8000-0123456789ab"
    anonymous = _Client({"/_edge/tenant_info": {"cloudId": cloud_id}})
    with pytest.raises(CheckError) as raised:
        cloud_api.identify(_ctx(), Rejecting({}), anonymous)
    assert raised.value.problem.reason == "jira_cloud.token_rejected"
    assert cloud_id in raised.value.problem.message + raised.value.problem.next_step
    unasked = _Client({})
    with pytest.raises(CheckError):  # through the gateway the id is in the address: nothing more is read
        cloud_api.identify(_ctx("https://api.atlassian.com/ex/jira/x"), Rejecting({}), unasked)
    assert unasked.asked == []


def test_an_active_app_user_is_found_by_one_search_by_name():
    client = _Client({"/rest/api/3/user/search": [{"accountType": "atlassian", "displayName": "Exalate"}, APP]})
    assert cloud_api.find_app_user(client, "Exalate") == (APP, "")
    assert client.asked == [("/rest/api/3/user/search", {"query": "Exalate", "maxResults": 50})]


def test_a_deactivated_app_user_is_found_in_all_users_page_by_page():
    pages = {0: [{"accountType": "atlassian", "displayName": "Ann"}], cloud_api.ALL_USERS_PAGE: [APP]}
    client = _Client({"/rest/api/3/user/search": [],
                      "/rest/api/3/users/search": lambda params: pages.get(params["startAt"], [])})
    assert cloud_api.find_app_user(client, "Exalate") == (APP, "")
    every_user = _Client({"/rest/api/3/user/search": [], "/rest/api/3/users/search": lambda params: []})
    assert cloud_api.find_app_user(every_user, "Exalate") == (None, ""), "every user read: absent for sure"


def test_an_app_user_not_found_is_not_confirmed_when_users_cannot_all_be_read():
    refused = _Client({"/rest/api/3/user/search": []}, statuses={"/rest/api/3/users/search": 403})
    app, why = cloud_api.find_app_user(refused, "Exalate")
    assert app is None and "may not list all users" in why
    crowded = _Client({"/rest/api/3/user/search": [],
                       "/rest/api/3/users/search": lambda params: [{"accountType": "atlassian"}]})
    app, why = cloud_api.find_app_user(crowded, "Exalate")
    assert app is None and str(cloud_api.ALL_USERS_PAGE * cloud_api.ALL_USERS_PAGES) in why


def test_projects_by_key_ask_fifty_keys_a_request_and_name_the_missing():
    keys = [f"P{n}" for n in range(60)]
    client = _Client({"/rest/api/3/project/search": lambda params: {"values": [
        {"key": key, "id": key[1:]} for key in params["keys"] if key != "P7"]}})
    found, missing = cloud_api.projects_by_key(_ctx(), client, keys)
    assert missing == ["P7"] and found["P59"] == "59" and len(found) == 59
    assert [len(params["keys"]) for _, params in client.asked] == [50, 10]


def test_role_id_is_the_last_part_of_the_roles_address():
    client = _Client({"/rest/api/3/project/SUP/role": {
        "atlassian-addons-project-access": "https://acme.atlassian.net/rest/api/3/project/SUP/role/10003"}})
    assert cloud_api.role_id(client, "SUP", "atlassian-addons-project-access") == "10003"
    assert cloud_api.role_id(client, "SUP", "Service Desk Team") == ""


def test_app_permissions_ask_once_for_the_numeric_project_ids():
    client = _Client({"/rest/api/3/permissions/check": {"projectPermissions": [
        {"permission": "BROWSE_PROJECTS", "projects": [10000, 10001]}, "noise"]}})
    held = cloud_api.app_permissions(client, "557058:app", {"SUP": "10000", "OPS": "10001", "BAD": "x"},
                                     ("EDIT_ISSUES", "BROWSE_PROJECTS", "EDIT_ISSUES"))
    assert held == {"BROWSE_PROJECTS": {"10000", "10001"}}
    [(method, path, body)] = client.asked
    assert (method, body["projectPermissions"]) == (
        "POST", [{"permissions": ["BROWSE_PROJECTS", "EDIT_ISSUES"], "projects": [10000, 10001]}])
    assert cloud_api.app_permissions(client, "557058:app", {"BAD": "x"}, ("EDIT_ISSUES",)) == {}, "nothing to ask"


def test_role_has_the_account_among_its_user_actors():
    client = _Client({"/rest/api/3/project/SUP/role/10003": {"actors": [
        {"actorUser": {"accountId": "557058:app"}}, {"actorGroup": {"name": "devs"}}, "noise"]}})
    assert cloud_api.role_has(client, "SUP", "10003", "557058:app")
    assert not cloud_api.role_has(client, "SUP", "10003", "someone-else")


def test_all_projects_reads_every_page_up_to_the_cap_and_says_how_many_there_are():
    total = _jira.MAX_PROJECTS + 30
    client = _Client({"/rest/api/3/project/search": lambda params: {
        "total": total, "isLast": params["startAt"] + 50 >= total,
        "values": [{"key": f"P{n}", "id": str(n)} for n in range(params["startAt"], min(params["startAt"] + 50,
                                                                                         total))]}})
    found, count = cloud_api.all_projects(client)
    assert len(found) == _jira.MAX_PROJECTS and count == total and found["P0"] == "0"


def test_security_levels_name_the_levels_the_app_user_cannot_see():
    client = _Client({
        "/rest/api/3/issuesecurityschemes/project": {"isLast": True, "values": [
            {"projectId": "10000", "issueSecuritySchemeId": "7"}, {"projectId": "99999", "issueSecuritySchemeId": "8"}]},
        "/rest/api/3/issuesecurityschemes/7": {"levels": [{"id": "1", "name": "Staff"}, {"id": "2", "name": "All"}]},
        "/rest/api/3/issuesecurityschemes/level/member": {"isLast": True, "values": [
            {"issueSecurityLevelId": "1", "holder": {"type": "group", "parameter": "staff"}},
            {"issueSecurityLevelId": "2", "holder": {"type": "anyone"}}]}})
    hidden = cloud_api.security_levels(_ctx(), client, [("SUP", "10000")],
                                       lambda holders: any(h.get("type") == "anyone" for h in holders))
    assert hidden == ("SUP: Staff",)
    assert "/rest/api/3/issuesecurityschemes/8" not in [path for path, *_ in client.asked], "only schemes in scope"
