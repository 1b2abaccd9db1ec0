"""Azure DevOps: every requirement of the seeds, the field notes and each emulator misbehaviour, through `exadesk check
--json`."""

from __future__ import annotations

import pytest

from exadesk.sandbox.azure_devops import DEMO_PAT, OTHER_ORG_PAT, PROXY_ID
from tests.helpers.scenarios import Case, kit_fault_cases, run_case

PROJECTS = ("--project", "Website", "--project", "Backend")
PCA = "azure_devops.project_collection_administrators"
PA = "azure_devops.project_administrators"


def _groups(*groups: str) -> dict:
    return {"users": {PROXY_ID: {"groups": list(groups)}}}


CASES = [
    Case("ready", passed=(PCA, PA)),
    Case("ready-as-the-service-sends-it", {"wire": "service"}, passed=(PCA, PA)),
    Case("ready-as-the-description-says", {"wire": "documented"}, passed=(PCA, PA)),
    Case("not-collection-admin", _groups("[Website]\\Project Administrators", "[Backend]\\Project Administrators"),
         code=1, fail=(PCA,), passed=(PA,)),
    Case("collection-admin-through-a-nested-group",
         _groups("[acme]\\Integration Admins", "[Website]\\Project Administrators", "[Backend]\\Project Administrators"),
         passed=(PCA, PA)),
    Case("not-admin-of-one-project", _groups("[acme]\\Project Collection Administrators",
                                             "[Website]\\Project Administrators"), code=1, fail=(PA,), passed=(PCA,)),
    # Issue 19 item 7: a project that does not exist is one finding; Website (the demo's) is still checked.
    Case("project-missing", args=("--project", "Mobile"), code=1, fail=("azure_devops.scope",), passed=(PA,)),
    Case("token-without-identity-scope", {"pats": {DEMO_PAT: {"scopes": ["vso.work_full", "vso.project"]}}}, code=1,
         kind="forbidden", reason="azure_devops.scope_missing"),
    # field notes
    Case("203-sign-in-page", {"signin_203": True}, code=1, kind="auth", reason="azure_devops.signin_page"),
    Case("pat-for-another-org", secrets={"token": OTHER_ORG_PAT}, code=1, kind="auth",
         reason="azure_devops.wrong_organization"),
    Case("conditional-access", {"conditional_access": True}, code=1, kind="forbidden",
         reason="azure_devops.conditional_access"),
    Case("iis-basic-auth", {"iis_basic_auth": True}, code=1, kind="auth", reason="azure_devops.iis_basic_auth"),
    # kit misbehaviours
    Case("bad-token", secrets={"token": "b" * 52}, code=1, kind="auth", reason="auth"),
    *kit_fault_cases((PCA, PA)),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_scenarios(case, emulators, cli, monkeypatch):
    run_case(case, "azure_devops", emulators, cli, monkeypatch, base_args=PROJECTS)



def test_pat_goes_as_basic_with_empty_user(emulators, cli, monkeypatch):
    _, emulator = run_case(Case("ready", passed=(PCA,)), "azure_devops", emulators, cli, monkeypatch,
                           base_args=PROJECTS)
    assert all(r.basic() == ("", DEMO_PAT) for r in emulator.requests)


@pytest.mark.parametrize("case", [
    Case("bad-token", secrets={"token": "c" * 52}, code=1, kind="auth"),
    Case("other-org", secrets={"token": OTHER_ORG_PAT}, code=1, kind="auth"),
    Case("signin-203", {"signin_203": True}, code=1, kind="auth"),
], ids=str)
def test_rejected_token_is_sent_once(case, emulators, cli, monkeypatch):
    _, emulator = run_case(case, "azure_devops", emulators, cli, monkeypatch, base_args=PROJECTS)
    assert len(emulator.requests) == 1


def test_field_note_messages_name_cause_and_next_step(emulators, cli, monkeypatch):
    result, _ = run_case(Case("other-org", secrets={"token": OTHER_ORG_PAT}, code=1, kind="auth"), "azure_devops",
                         emulators, cli, monkeypatch, base_args=PROJECTS)
    error = result.json()["error"]
    assert "TF400813" in error["message"] and "organisation" in error["next_step"]
    result, _ = run_case(Case("ca", {"conditional_access": True}, code=1, kind="forbidden"), "azure_devops",
                         emulators, cli, monkeypatch, base_args=PROJECTS)
    error = result.json()["error"]
    assert "VS403463" in error["message"] and "IP addresses" in error["next_step"]


def test_server_address_without_collection_is_explained(emulators, cli, monkeypatch):
    """ADO Server: the server root refuses PATs with 'Resource not available for anonymous access'."""
    emulator = emulators.start("azure_devops")
    monkeypatch.setenv("TOK", DEMO_PAT)
    result = cli("check", "azure_devops", "--url", emulator.root_url, "--secret-env", "TOK", "--project", "Website",
                 "--json")
    assert result.code == 1
    error = result.json()["error"]
    assert error["reason"] == "azure_devops.collection_missing"
    assert "collection" in error["next_step"]
    assert len(emulator.requests) == 1


def test_203_is_a_login_page_in_the_generic_layer(emulators):
    """Without the tracker's own recognition the HTTP layer still calls a 203 + HTML a sign-in page."""
    from exadesk.foundation.errors import CheckError
    from exadesk.verification.http import BasicAuth, HttpClient, Page

    emulator = emulators.start("azure_devops", {"signin_203": True})
    client = HttpClient(emulator.url, Page("Azure DevOps"), BasicAuth("", DEMO_PAT))
    with pytest.raises(CheckError) as info:
        client.get("/_apis/connectionData")
    assert info.value.problem.reason == "http.login_page"


def test_locate_maps_hosts():
    from exadesk.trackers.azure_devops import locate

    cloud = locate("https://dev.azure.com/acme")
    assert (cloud.core, cloud.identities, cloud.name, cloud.hosted) == (
        "https://dev.azure.com/acme", "https://vssps.dev.azure.com/acme", "acme", True)
    assert locate("https://acme.visualstudio.com").identities == "https://vssps.dev.azure.com/acme"
    server = locate("https://ado.example.com/tfs/DefaultCollection")
    assert (server.core, server.identities, server.name) == (
        "https://ado.example.com/tfs/DefaultCollection", "https://ado.example.com/tfs/DefaultCollection",
        "DefaultCollection")
    assert locate("http://127.0.0.1:8080/acme").identities == "http://127.0.0.1:8080/acme"


# A Services page address (https://dev.azure.com/acme/Website) is trimmed to the organisation: test_addresses.py.
@pytest.mark.parametrize("url", ["https://ado.example.com/tfs", "https://ado.example.com"])
def test_offline_validation_asks_for_org_or_collection(url, cli, monkeypatch):
    monkeypatch.setenv("TOK", DEMO_PAT)
    result = cli("check", "azure_devops", "--url", url, "--secret-env", "TOK", "--json")
    assert result.code == 2
    failing = [c for c in result.json()["checks"] if c["id"].startswith("azure_devops.url") and c["status"] == "fail"]
    assert len(failing) == 1
    check = failing[0]
    assert "dev.azure.com/your-organisation" in check["fix"] and "DefaultCollection" in check["fix"]


def test_offline_validation_of_token_shows_form_without_echo(cli, monkeypatch):
    monkeypatch.setenv("TOK", "not a token at all")
    result = cli("check", "azure_devops", "--url", "https://dev.azure.com/acme", "--secret-env", "TOK", "--json")
    assert result.code == 2
    assert "52" in result.check("azure_devops.field.token")["fix"]
    assert "not a token at all" not in result.out


def test_every_request_suppresses_the_sign_in_redirect_and_connection_data_names_its_version(emulators, cli,
                                                                                             monkeypatch):
    # Microsoft's client (azure-devops-python-api, azure/devops/client.py) sends X-TFS-FedAuthRedirect: Suppress on
    # every request; connectionData is a preview resource (location_client.py: version='7.1-preview.1').
    _, emulator = run_case(Case("ready", passed=(PCA, PA)), "azure_devops", emulators, cli, monkeypatch,
                           base_args=PROJECTS)
    assert emulator.requests and all(r.headers.get("x-tfs-fedauthredirect") == "Suppress" for r in emulator.requests)
    connection = [r for r in emulator.requests if r.path.endswith("/_apis/connectionData")]
    assert [r.param("api-version") for r in connection] == ["7.1-preview.1"]


def test_without_the_suppress_header_a_bad_token_is_redirected_to_sign_in(emulators):
    import requests

    emulator = emulators.start("azure_devops")
    url = f"{emulator.url}/_apis/connectionData?api-version=7.1-preview.1"
    bare = requests.get(url, auth=("", "b" * 52), allow_redirects=False, timeout=5)
    assert bare.status_code == 302 and "_signin" in bare.headers["Location"]
    suppressed = requests.get(url, auth=("", "b" * 52), headers={"X-TFS-FedAuthRedirect": "Suppress"},
                              allow_redirects=False, timeout=5)
    assert suppressed.status_code == 401 and suppressed.content == b""


# GET without api-version is served (many clients call it so); a released version number is refused, as for every
# preview resource ("the -preview flag must be supplied").
@pytest.mark.parametrize("version,status", [("", 200), ("7.1", 400), ("7.1-preview.1", 200), ("7.1-preview", 200)])
def test_connection_data_is_a_preview_resource(emulators, version, status):
    import requests

    emulator = emulators.start("azure_devops")
    reply = requests.get(f"{emulator.url}/_apis/connectionData", params={"api-version": version} if version else {},
                         auth=("", DEMO_PAT), headers={"X-TFS-FedAuthRedirect": "Suppress"}, timeout=5)
    assert reply.status_code == status
    if status == 400:
        assert "-preview" in reply.json()["message"]


def test_each_requirement_is_judged_from_the_facts_alone():
    """The judges read only the facts: membership by descriptor, Project Administrators by group name."""
    import threading

    from exadesk.foundation.checks import Status
    from exadesk.trackers import azure_devops
    from exadesk.verification.spec import Target, VerifyContext

    ctx = VerifyContext(azure_devops.SPEC, Target("azure_devops", "https://dev.azure.com/acme",
                                                  scope=["website", "Backend", "Mobile"]),
                        lambda *a, **k: None, threading.Event())
    facts = azure_devops.Facts(who="Proxy", collection="acme", member_of=frozenset({"x;pca"}),
                               scope=("website", "Backend", "Mobile"),
                               pca={"descriptor": "X;PCA"}, projects={"website": "Website", "backend": "Backend"},
                               group_names=frozenset({"[website]\\project administrators"}))
    results = [(r.id, r.status, r.detail) for r in azure_devops.JUDGES.judge(ctx, facts)]
    assert results == [
        (PCA, Status.PASS, "Proxy is a member of [acme]\\Project Collection Administrators."),
        ("azure_devops.scope", Status.FAIL, "No project Mobile: check the name."),
        (PA, Status.FAIL, "Proxy is not in Project Administrators of Backend.")]
    unscoped = azure_devops.Facts(who="Proxy", collection="acme", member_of=frozenset(), scope=(), pca=None)
    assert [(r.id, r.status) for r in azure_devops.JUDGES.judge(ctx, unscoped)] == [
        (PCA, Status.FAIL), (PA, Status.UNKNOWN)]
