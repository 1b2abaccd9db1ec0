"""Both Jira adapters and emulators held against Atlassian's published API descriptions."""

from __future__ import annotations

import pytest

from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec
from tests.helpers.scenarios import Case, run_case

# Jira Service Management's /rest/servicedeskapi is not part of the Jira Software DC description and Atlassian
# publishes no DC description of it (api-specs/README.md); it follows docs.atlassian.com/jira-servicedesk/REST.
DC_UNDESCRIBED = (r"^/rest/servicedeskapi/",)
# /_edge/tenant_info is Atlassian's anonymous cloud-id lookup (named in their scoped-token docs), outside the
# platform REST API description.
CLOUD_UNDESCRIBED = (r"^/_edge/tenant_info$",)
# The DC description types GET /api/2/project's 200 reply as one ProjectBean, yet the operation is documented as
# "Returns all projects which are visible for the currently logged in user" and Jira returns an array of them.
DC_MISDESCRIBED_REPLIES = ("/rest/api/2/project",)

DC_CASES = [
    Case("ready", args=("--project", "SUP", "--project", "DEV", "--sync",
                        "comments,attachments,worklogs,security-levels,triggers,service-desk")),
    Case("missing-link", {"projects": {"SUP": {"denied": ["LINK_ISSUES"]}}}, args=("--project", "SUP"), code=1),
    Case("hidden-project", {"projects": {"SUP": {"visible": False}}}, args=("--project", "SUP", "--sync", "triggers"),
         code=1),
    Case("not-admin", {"user": {"admin": False}}, args=("--project", "SUP"), code=3),  # schemes not readable
    Case("old-jira-pat", {"pats": False, "version": "8.5.3"}, args=("--project", "SUP"), code=1, kind="auth"),
]

CLOUD_CASES = [
    Case("ready", args=("--project", "SUP", "--project", "DEV")),
    Case("private-project", {"projects": {"HR": {"id": "10002", "name": "HR", "scheme": "10100"}}},
         args=("--project", "SUP")),
    Case("role-removed", {"projects": {"SUP": {"role_members": []}}}, args=("--project", "SUP"), code=1),
    Case("no-app-user", {"app_user": {"present": False}}, args=("--project", "SUP"), code=1),
    Case("token-rejected", secrets={"api_token": "ATATT3xFfGF0" + "R" * 40}, args=("--project", "SUP"), code=1,
         kind="auth"),
]


@pytest.mark.parametrize("case", DC_CASES, ids=str)
def test_jira_onprem_against_the_data_center_description(case, emulators, cli, monkeypatch):
    api = load_spec("jira-dc/jira_software_dc_10003_swagger.v3.json", mount="/rest")
    _, emulator = run_case(case, "jira_onprem", emulators, cli, monkeypatch, base_args=())
    assert assert_requests_documented(api, emulator.requests, allow=DC_UNDESCRIBED) >= 1
    replies = [r for r in emulator.requests if r.path not in DC_MISDESCRIBED_REPLIES]
    assert_replies_conform(api, replies)


def test_jira_onprem_project_list_is_an_array_of_documented_projects(emulators, cli, monkeypatch):
    """The one reply the description mistypes: each element must still be a documented ProjectBean."""
    import json

    import jsonschema

    api = load_spec("jira-dc/jira_software_dc_10003_swagger.v3.json", mount="/rest")
    _, emulator = run_case(DC_CASES[0], "jira_onprem", emulators, cli, monkeypatch, base_args=())
    listed = [r for r in emulator.requests if r.path == "/rest/api/2/project"]
    assert listed
    schema = api.document["components"]["schemas"]["ProjectBean"]
    for request in listed:
        body = json.loads(request.reply_body)
        assert isinstance(body, list) and body
        for project in body:
            jsonschema.Draft4Validator({k: v for k, v in schema.items() if k != "example"}).validate(
                {k: v for k, v in project.items() if k in schema.get("properties", {})})


@pytest.mark.parametrize("case", CLOUD_CASES, ids=str)
def test_jira_cloud_against_the_platform_description(case, emulators, cli, monkeypatch):
    api = load_spec("jira-cloud/swagger-v3.v3.json")
    _, emulator = run_case(case, "jira_cloud", emulators, cli, monkeypatch,
                           base_args=("--user", "site-admin@example.com"))
    assert assert_requests_documented(api, emulator.requests, allow=CLOUD_UNDESCRIBED) >= 1
    assert_replies_conform(api, emulator.requests)


def test_jira_onprem_reports_global_permissions_with_a_project_given_too(emulators):
    """Atlassian: mypermissions "returns all permissions in the system and whether the currently logged in user has
    them"; a project given narrows the project permissions only (the emulator said no to every global one)."""
    import requests

    from exadesk.sandbox import jira_onprem as jo

    emulator = emulators.start("jira_onprem")  # the demo user administers Jira and is no system administrator
    for params in ({}, {"projectKey": "SUP"}):
        reply = requests.get(emulator.url + "/rest/api/2/mypermissions", params=params, timeout=5,
                             headers={"Authorization": f"Bearer {jo.DEMO_PAT}"})
        perms = reply.json()["permissions"]
        assert perms["ADMINISTER"]["havePermission"] is True, params
        assert perms["SYSTEM_ADMIN"]["havePermission"] is False, params
