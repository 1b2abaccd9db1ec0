"""Responses recorded from the real services by other projects, replayed into the adapters through `exadesk check`.

Each recording under tests/data/recorded/ names the repository, file, commit and licence it was copied from. The
replay server answers only what was recorded: a request the adapter makes that was not recorded fails the test.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from exadesk.foundation import clock
from tests.helpers import replay as rp

CLASSIC = "ghp_" + "R" * 36  # any token of the right form: the replay server does not judge credentials
FINE = "github_pat_" + "R" * 40
PAT = "r" * 52


@pytest.fixture
def replay():
    """Start replay servers; at the end every request must have been recorded."""
    started: list[rp.ReplayServer] = []

    def start(interactions, mount: str = "") -> rp.ReplayServer:
        server = rp.ReplayServer(interactions, mount).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
    unrecorded = [r for server in started for r in server.unrecorded]
    assert not unrecorded, f"the adapter made requests nothing was recorded for: {unrecorded}"


def _check(cli, monkeypatch, tracker: str, url: str, secrets: dict[str, str], *args: str):
    for i, (name, value) in enumerate(secrets.items()):
        monkeypatch.setenv(f"REPLAY_SECRET_{i}", value)
        args += ("--secret-env", f"{name}=REPLAY_SECRET_{i}")
    return cli("check", tracker, "--url", url, "--json", *args)


# -- GitHub (PyGithub's tests/ReplayData) ------------------------------------------------------------------------


@pytest.mark.parametrize("today,expiry", [
    (datetime(2025, 1, 10, tzinfo=timezone.utc), "pass"),
    (datetime(2025, 2, 1, tzinfo=timezone.utc), "warn"),  # the recorded token expires 2025-02-04 16:42:10 UTC
    (datetime(2025, 3, 1, tzinfo=timezone.utc), "fail"),
])
def test_github_classic_token_recorded(replay, cli, monkeypatch, today, expiry):
    server = replay(rp.load("github/classic-token.json"), mount="/api/v3")
    with clock.pinned(today):
        result = _check(cli, monkeypatch, "github", server.url, {"token": CLASSIC}, "--project", "jacquev6/PyGithub")
    statuses = result.statuses()
    assert statuses["github.repo"] == "pass" and "read:discussion, repo" in result.check("github.repo")["detail"]
    assert statuses["github.admin"] == "pass"
    assert statuses["github.token_expiry"] == expiry
    assert "04 Feb 2025" in result.check("github.token_expiry")["detail"]
    assert result.code == (1 if expiry == "fail" else 0)
    assert result.json()["identity"]["login"] == "jacquev6"


def test_github_bad_credentials_recorded(replay, cli, monkeypatch):
    server = replay(rp.load("github/bad-credentials.json"), mount="/api/v3")
    result = _check(cli, monkeypatch, "github", server.url, {"token": CLASSIC}, "--project", "jacquev6/PyGithub")
    assert result.code == 1
    assert result.json()["error"]["kind"] == "auth"
    assert [(m, p) for m, p, _, _ in server.requests] == [("GET", "/api/v3/user")]  # a refused token is sent once


def test_github_fine_grained_token_recorded(replay, cli, monkeypatch):
    # GET /user from one recording (no X-OAuth-Scopes), the repository from a fine-grained token's recording.
    server = replay(rp.load("github/user.json") + rp.load("github/fine-grained-repository.json"), mount="/api/v3")
    result = _check(cli, monkeypatch, "github", server.url, {"token": FINE}, "--auth", "fine_grained",
                    "--project", "PyGithub/PyGithub")
    statuses = result.statuses()
    assert statuses["github.repository_access"] == "pass"
    assert statuses["github.admin"] == "pass"
    assert "github.repo" not in statuses  # a classic token's scope check does not apply
    assert result.code == 0


def test_github_accepted_permissions_as_recorded():
    from exadesk.trackers.github import accepted_permissions

    headers = {i.path: i.headers for name in ("github/fine-grained-repository.json",
                                              "github/accepted-permissions-on-404.json") for i in rp.load(name)}
    assert accepted_permissions(headers["/repos/PyGithub/PyGithub"]["x-accepted-github-permissions"]) == \
        "Metadata (read)"
    assert accepted_permissions(headers["/orgs/BeaverSoftware/properties/schema/property_1"]
                                ["x-accepted-github-permissions"]) == "Organization custom properties (read)"


# -- Azure DevOps (Azure/azure-devops-cli-extension's cassettes) ----------------------------------------------------


def test_azure_devops_refused_token_recorded(replay, cli, monkeypatch):
    # The service's answer to a refused credential sent with X-TFS-FedAuthRedirect: Suppress (recorded on another
    # resource of the same organisation), served where the adapter asks first: connectionData.
    refused = rp.load("azure_devops/refused-401.json", method="GET", path="/v-anvashist0376/_apis/connectionData",
                      query={})
    server = replay(refused)
    result = _check(cli, monkeypatch, "azure_devops", f"{server.url}/v-anvashist0376", {"token": PAT},
                    "--project", "projectTest000001")
    assert result.code == 1
    error = result.json()["error"]
    assert error["kind"] == "auth" and error["reason"] == "auth"  # a refused token, not single sign-on
    (method, path, query, headers), = server.requests
    assert headers["x-tfs-fedauthredirect"] == "Suppress" and query["api-version"] == "7.1-preview.1"


# -- Zendesk (zendesk/zendesk_api_client_rb's cassettes) ------------------------------------------------------------


def test_zendesk_admin_recorded(replay, cli, monkeypatch):
    server = replay(rp.load("zendesk/users-me-admin.json"))
    result = _check(cli, monkeypatch, "zendesk", server.url, {"api_token": "R" * 40},
                    "--user", "sdavidovitz+qa@zendesk.com")
    statuses = result.statuses()
    assert statuses["zendesk.role"] == "pass" and "an admin" in result.check("zendesk.role")["detail"]
    assert statuses["zendesk.ticket_editing"] == "pass" and statuses["zendesk.ticket_access"] == "pass"
    assert statuses["zendesk.admin"] == "warn"  # an admin proxy user: a person's edits would stop syncing
    assert statuses["zendesk.groups"] == "unknown"  # no group in scope
    assert result.json()["identity"]["login"] == "sdavidovitz+qa@zendesk.com"


# -- Jira Server / Data Center (andygrunwald/go-jira's testing/mock-data) ---------------------------------------------

#: Replies nothing recorded, written from the examples of Atlassian's Jira Server REST reference (GET myself,
#: GET mypermissions: https://docs.atlassian.com/software/jira/docs/api/REST/latest/). They only carry the check to
#: the requests that were recorded: the project list and the permission schemes.
JIRA_DOCUMENTED = [
    rp.Interaction("GET", "/rest/api/2/myself", 200, {"Content-Type": "application/json;charset=UTF-8"},
                   '{"self":"http://www.example.com/jira/rest/api/2/user?username=fred","key":"fred","name":"fred",'
                   '"emailAddress":"fred@example.com","displayName":"Fred F. User","active":true,'
                   '"timeZone":"Australia/Sydney"}', source="Atlassian's example"),
    rp.Interaction("GET", "/rest/api/2/mypermissions", 200, {"Content-Type": "application/json;charset=UTF-8"},
                   '{"permissions":{"EDIT_ISSUES":{"id":"12","key":"EDIT_ISSUES","name":"Edit Issues",'
                   '"type":"PROJECT","description":"Ability to edit issues.","havePermission":true}}}',
                   source="Atlassian's example"),
]


def _jira_onprem_replay(replay):
    # The schemes were recorded on a Cloud site (/rest/api/3); Server / Data Center serves the same bean at /2.
    schemes = rp.load("jira/permission-schemes.json", path="/rest/api/2/permissionscheme")
    return replay(rp.load("jira/apache-projects.json") + schemes + JIRA_DOCUMENTED)


def test_jira_onprem_recorded_project_list_and_schemes(replay, cli, monkeypatch):
    server = _jira_onprem_replay(replay)
    result = _check(cli, monkeypatch, "jira_onprem", server.url, {"token": "R" * 44}, "--project", "ABDERA")
    statuses = result.statuses()
    assert "jira_onprem.scope" not in statuses  # ABDERA is among the 567 projects Apache's Jira listed
    assert statuses["jira_onprem.EDIT_ISSUES"] == "pass"
    assert statuses["jira_onprem.LINK_ISSUES"] == "unknown"  # not in the reply: not confirmed, never a fail
    assert statuses["jira_onprem.admin_account"] == "unknown"  # SYSTEM_ADMIN not in the reply: never a pass
    # Both recorded schemes give Browse Projects to a project role and a group, never to everyone: every project
    # the proxy user lists is private, and a site of 567 projects is looked at only in part.
    security = result.check("jira_onprem.public_projects_only")
    assert security["status"] == "warn"
    assert "AGILA, AAR, ABDERA" in security["detail"]
    assert "Only the first 200 of 567 projects were looked at." in security["detail"]
    assert result.json()["identity"]["login"] == "fred"
    paths = [path for _, path, _, _ in server.requests]
    assert paths.count("/rest/api/2/permissionscheme") == 1  # uniform schemes: no per-project reads


def test_jira_onprem_recorded_project_list_names_a_misspelt_key(replay, cli, monkeypatch):
    server = _jira_onprem_replay(replay)
    result = _check(cli, monkeypatch, "jira_onprem", server.url, {"token": "R" * 44}, "--project", "ABDERA",
                    "--project", "ABDRA")
    scope = result.check("jira_onprem.scope")
    assert scope["status"] == "fail" and "ABDRA" in scope["detail"] and "ABDERA" not in scope["detail"]
    assert result.code == 1
