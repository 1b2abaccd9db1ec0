"""The emulators' replies hold the shapes of responses recorded from the real services (keys and JSON types).

Where an emulator sends a key the real service did not, or a value of another type, the emulator is wrong (the
recordings are the evidence; see tests/data/recorded/). A key the recording has and the emulator leaves out is
allowed: emulators answer with what the adapters read.
"""

from __future__ import annotations

import requests

from exadesk.sandbox import azure_devops as ado
from exadesk.sandbox import github as gh
from exadesk.sandbox import jira_cloud as jc
from exadesk.sandbox import jira_onprem as jo
from exadesk.sandbox import zendesk as zd
from tests.helpers import replay as rp


def _kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


#: Keys a recording predates: the vendor added them later and documents them today. Key name -> where.
GITHUB_LATER = dict.fromkeys(("documentation_url", "status"),
                             "GitHub's basic-error schema (message, documentation_url, status); the recording of "
                             "2012 has only message")
ZENDESK_LATER = dict.fromkeys(
    ("role_type", "team_member_count", "assign_tickets_to_any_group", "explore_access", "manage_contextual_workspaces",
     "manage_organization_fields", "manage_ticket_fields", "manage_ticket_forms", "manage_user_fields",
     "side_conversation_create", "view_deleted_tickets", "voice_dashboard_access", "default", "is_public",
     "description"),
    "Zendesk's OpenAPI description (info.version 2.0.0, July 2024) documents it; the recordings are from 2015")

JIRA_LATER = {
    "projectTypeKey": "Jira 7.0 added project types; Atlassian's Server / Data Center REST reference documents "
                      "projectTypeKey on every project. The recording is from Apache's Jira of 2016",
    "value": "Atlassian's Cloud permission-scheme reference documents holder.value (recommended over parameter); "
             "the recording is from 2018",
}


def shape_differences(emulated, recorded, where: str = "$", later: dict[str, str] | None = None) -> list[str]:
    """Where the emulated JSON differs in shape from the recorded one: keys it invents, types that differ.
    A null on either side matches any type (a field may be empty); arrays compare their first items; keys named
    in ``later`` postdate the recording."""
    later = later or {}
    kinds = (_kind(emulated), _kind(recorded))
    if "null" in kinds:
        return []
    if kinds[0] != kinds[1]:
        return [f"{where}: {kinds[0]} where the service sent {kinds[1]}"]
    out = []
    if isinstance(emulated, dict):
        for key, value in emulated.items():
            if key in recorded:
                out += shape_differences(value, recorded[key], f"{where}.{key}", later)
            elif key not in later:
                out.append(f"{where}.{key}: not in the recorded reply")
    elif isinstance(emulated, list) and emulated and recorded:
        out += shape_differences(emulated[0], recorded[0], f"{where}[0]", later)
    return out


def test_shape_differences_reports_invented_keys_and_types():
    assert shape_differences({"a": 1, "b": [{"c": "x"}]}, {"a": 2, "b": [{"c": "y", "d": 1}]}) == []
    assert shape_differences({"a": "1", "z": 0}, {"a": 1}) == ["$.a: string where the service sent number",
                                                               "$.z: not in the recorded reply"]
    assert shape_differences([{"a": None}], {"value": []}) == ["$: array where the service sent object"]


def _get(emulator, path: str, **kwargs):
    reply = requests.get(emulator.url + path, timeout=5, **kwargs)
    assert reply.status_code == 200, reply.text
    return reply


# -- GitHub ---------------------------------------------------------------------------------------------------------


def test_github_emulator_matches_recorded_shapes(emulators):
    emulator = emulators.start("github")
    recorded = {i.path: i for i in rp.load("github/classic-token.json")}
    classic = {"Authorization": f"Bearer {gh.DEMO_CLASSIC}"}
    user = _get(emulator, "/api/v3/user", headers=classic)
    assert shape_differences(user.json(), rp.bodies("github/classic-token.json")[0]) == []
    repo = _get(emulator, "/api/v3/repos/acme/website", headers=classic)
    assert shape_differences(repo.json(), rp.bodies("github/classic-token.json")[1]) == []
    # Classic tokens: the scopes header on every reply, the expiry as GitHub writes it.
    for reply, path in ((user, "/user"), (repo, "/repos/jacquev6/PyGithub")):
        recorded_headers = {k.lower() for k in recorded[path].headers}
        assert "x-oauth-scopes" in recorded_headers and "X-OAuth-Scopes" in reply.headers
    assert user.headers["github-authentication-token-expiration"].endswith(" UTC")
    assert {k.lower(): v for k, v in recorded["/user"].headers.items()}[
        "github-authentication-token-expiration"].endswith(" UTC")

    fine = _get(emulator, "/api/v3/repos/acme/website", headers={"Authorization": f"Bearer {gh.DEMO_FINE}"})
    (fine_recorded,) = rp.load("github/fine-grained-repository.json")
    assert "X-OAuth-Scopes" not in fine.headers and "x-oauth-scopes" not in fine_recorded.headers
    assert fine.headers["X-Accepted-GitHub-Permissions"] == fine_recorded.headers["x-accepted-github-permissions"]
    assert shape_differences(fine.json(), rp.bodies("github/fine-grained-repository.json")[0]) == []

    refused = requests.get(emulator.url + "/api/v3/user", headers={"Authorization": "Bearer ghp_" + "Z" * 36},
                           timeout=5)
    assert refused.status_code == 401
    assert shape_differences(refused.json(), rp.bodies("github/bad-credentials.json")[0], later=GITHUB_LATER) == []


# -- Azure DevOps -----------------------------------------------------------------------------------------------------


def test_azure_devops_emulator_matches_recorded_shapes(emulators):
    emulator = emulators.start("azure_devops")
    auth = ("", ado.DEMO_PAT)
    headers = {"X-TFS-FedAuthRedirect": "Suppress"}
    found = _get(emulator, "/_apis/identities", auth=auth, headers=headers,
                 params={"searchFilter": "General", "filterValue": "exalate.proxy@acme.example", "api-version": "7.1"})
    assert shape_differences(found.json(), rp.bodies("azure_devops/identities-search.json")[0]) == []
    project = _get(emulator, "/_apis/projects/Website", auth=auth, headers=headers, params={"api-version": "7.1"})
    assert shape_differences(project.json(), rp.bodies("azure_devops/project.json")[0]) == []
    refused = requests.get(emulator.url + "/_apis/connectionData", auth=("", "b" * 52), headers=headers, timeout=5)
    (recorded,) = rp.load("azure_devops/refused-401.json")
    assert (refused.status_code, refused.content) == (recorded.status, recorded.body.encode())
    assert "Basic realm=" in refused.headers["WWW-Authenticate"] and "Basic realm=" in recorded.headers[
        "www-authenticate"]


# -- Zendesk ----------------------------------------------------------------------------------------------------------


def test_zendesk_emulator_matches_recorded_shapes(emulators):
    emulator = emulators.start("zendesk")
    admin = (f"{zd.ADMIN_EMAIL}/token", zd.ADMIN_API_TOKEN)
    me = _get(emulator, "/api/v2/users/me", auth=admin).json()
    assert shape_differences(me, rp.bodies("zendesk/users-me-admin.json")[0], later=ZENDESK_LATER) == []
    roles = _get(emulator, "/api/v2/custom_roles", auth=admin).json()
    assert shape_differences(roles, rp.bodies("zendesk/custom-roles.json")[0], later=ZENDESK_LATER) == []
    groups = _get(emulator, "/api/v2/groups", auth=admin).json()
    assert shape_differences(groups, rp.bodies("zendesk/groups.json")[0], later=ZENDESK_LATER) == []
    user_groups = _get(emulator, f"/api/v2/users/{me['user']['id']}/groups", auth=admin).json()
    assert shape_differences(user_groups, rp.bodies("zendesk/user-groups.json")[0], later=ZENDESK_LATER) == []


# -- Jira (andygrunwald/go-jira's testing/mock-data) ----------------------------------------------------------------


def test_jira_onprem_emulator_matches_recorded_shapes(emulators):
    emulator = emulators.start("jira_onprem")
    pat = {"Authorization": f"Bearer {jo.DEMO_PAT}"}
    projects = _get(emulator, "/rest/api/2/project", headers=pat).json()
    assert projects and shape_differences(projects, rp.bodies("jira/apache-projects.json")[0],
                                          later=JIRA_LATER) == []
    schemes = _get(emulator, "/rest/api/2/permissionscheme", headers=pat, params={"expand": "permissions"}).json()
    assert schemes["permissionSchemes"][0]["permissions"]
    assert shape_differences(schemes, rp.bodies("jira/permission-schemes.json")[0]) == []


def test_jira_cloud_emulator_matches_recorded_shapes(emulators):
    emulator = emulators.start("jira_cloud")
    schemes = _get(emulator, "/rest/api/3/permissionscheme", auth=(jc.DEMO_EMAIL, jc.DEMO_TOKEN),
                   params={"expand": "permissions"}).json()
    assert schemes["permissionSchemes"][0]["permissions"]
    assert shape_differences(schemes, rp.bodies("jira/permission-schemes.json")[0], later=JIRA_LATER) == []
