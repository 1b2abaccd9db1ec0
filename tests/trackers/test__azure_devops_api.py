"""Azure DevOps' REST reads (exadesk/trackers/_azure_devops_api.py): hosts, the PAT's headers, the service's own
refusals, list replies, descriptors, groups by name and projects, against clients answering from tables. The
sign-in and the checks against the emulator are in test_azure_devops.py."""

from __future__ import annotations

import base64
import json
from types import SimpleNamespace

from requests.structures import CaseInsensitiveDict

from exadesk.trackers import _azure_devops_api as ado_api
from exadesk.verification import registry
from exadesk.verification.http import Reply


def test_locate_maps_hosts():
    cloud = ado_api.locate("https://dev.azure.com/acme")
    assert (cloud.core, cloud.identities, cloud.name, cloud.hosted) == (
        "https://dev.azure.com/acme", "https://vssps.dev.azure.com/acme", "acme", True)
    assert ado_api.locate("https://acme.visualstudio.com").identities == "https://vssps.dev.azure.com/acme"
    server = ado_api.locate("https://ado.example.com/tfs/DefaultCollection")
    assert (server.core, server.identities, server.name) == (
        "https://ado.example.com/tfs/DefaultCollection", "https://ado.example.com/tfs/DefaultCollection",
        "DefaultCollection")
    assert ado_api.locate("http://127.0.0.1:8080/acme").identities == "http://127.0.0.1:8080/acme"


def test_a_pat_is_basic_with_an_empty_user_and_asks_for_a_401_not_a_redirect():
    headers = ado_api.PatAuth("", "pat-secret").headers()
    assert base64.b64decode(headers["Authorization"].removeprefix("Basic ")) == b":pat-secret"
    assert headers["X-TFS-FedAuthRedirect"] == "Suppress"


def _reply(status: int, body, content_type: str = "application/json", **headers) -> Reply:
    raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    return Reply(status, CaseInsensitiveDict({"Content-Type": content_type, **headers}), raw,
                 "https://dev.azure.com/acme/_apis/connectionData")


def test_diagnose_names_the_services_own_refusals():
    registry.all_trackers()  # registers the azure_devops reasons
    client = SimpleNamespace(base_url="https://dev.azure.com/acme")

    def reason(reply):
        found = ado_api.diagnose(reply, client)
        return found.reason if found else None

    assert reason(_reply(203, "<html><body>Sign in</body></html>", "text/html")) == "azure_devops.signin_page"
    assert reason(_reply(401, {"message": "VS403463: blocked by policy"})) == "azure_devops.conditional_access"
    assert reason(_reply(401, {"message": "TF400813: The user 'anonymous' is not authorized"})) == \
        "azure_devops.collection_missing"
    assert reason(_reply(401, {"message": "TF400813: Resource not available for anonymous"})) == \
        "azure_devops.collection_missing"
    assert reason(_reply(401, {"message": "TF400813: The user 'x' is not authorized to access this resource."})) \
        == "azure_devops.wrong_organization"
    assert reason(_reply(401, "<html>401</html>", "text/html", **{"WWW-Authenticate": "Basic realm=x"})) == \
        "azure_devops.iis_basic_auth"
    assert reason(_reply(404, {"message": "TF400813"})) is None and reason(_reply(401, {"message": "no"})) is None


def test_list_replies_are_the_bare_array_or_the_value_wrapper():
    assert ado_api.values([{"id": 1}, "noise"]) == [{"id": 1}]
    assert ado_api.values({"count": 1, "value": [{"id": 2}]}) == [{"id": 2}]
    assert ado_api.values({"id": 3}) == [] and ado_api.values(None) == []


def test_a_descriptor_string_and_object_compare_equal():
    sent = "Microsoft.TeamFoundation.Identity;S-1-9-1551374245-1"
    documented = {"identityType": "Microsoft.TeamFoundation.Identity", "identifier": "S-1-9-1551374245-1"}
    assert ado_api.descriptor_key(sent) == ado_api.descriptor_key(documented) == sent.lower()
    assert ado_api.descriptor_key(None) == ""


def test_identity_properties_are_read_bare_or_wrapped():
    assert ado_api.identity_property({"properties": {"Account": {"$value": "ann@acme.example"}}}, "Account") == \
        "ann@acme.example"
    assert ado_api.identity_property({"properties": {"Account": "ann"}}, "Account") == "ann"
    assert ado_api.identity_property({"properties": "noise"}, "Account") == ""


class _Identities:
    """The identities API: answers every GET with ``found`` and records the params asked."""

    def __init__(self, found: list[dict]):
        self.found, self.asked = found, []

    def get_json(self, path, params=None, expect=None):
        self.asked.append(params)
        return {"count": len(self.found), "value": self.found}


def test_a_group_is_found_by_its_scoped_name_only():
    pca = {"providerDisplayName": "[acme]\\Project Collection Administrators", "id": "1"}
    website = {"providerDisplayName": "[Website]\\Project Administrators", "id": "2"}
    client = _Identities([website, pca])
    assert ado_api.find_group(client, "[ACME]\\Project Collection Administrators") == pca
    assert ado_api.find_group(client, "Project Administrators") is None, "every project has one: never unscoped"
    assert client.asked[0]["searchFilter"] == "General" and client.asked[0]["queryMembership"] == "None"


def _session(core=None, ims=None, sent=()):
    return ado_api.Session(ado_api.locate("https://dev.azure.com/acme"), core, ims, set(), "Ann", list(sent))


def test_all_projects_follow_the_continuation_token():
    pages = {"": ([{"name": "Website"}], "next"), "next": ([{"name": "Backend"}, "noise"], "")}

    class Core:
        def get(self, path, params=None):
            body, token = pages[params.get("continuationToken", "")]
            return SimpleNamespace(body={"value": body}, headers={"x-ms-continuationtoken": token} if token else {})

        def decode(self, reply):
            return reply.body

    assert ado_api.all_projects(_session(core=Core())) == [{"name": "Website"}, {"name": "Backend"}]


def test_group_names_are_read_by_descriptor_fifty_at_a_time():
    ims = _Identities([{"providerDisplayName": "[acme]\\Project Collection Valid Users",
                        "properties": {"Account": {"$value": "[acme]\\Readers"}}}])
    ctx = SimpleNamespace(gather=lambda calls: [call() for call in calls])
    names = ado_api.group_names(ctx, _session(ims=ims, sent=[f"vssgp;{n}" for n in range(60)]))
    assert names == frozenset({"[acme]\\project collection valid users", "[acme]\\readers"})
    assert [len(params["descriptors"].split(",")) for params in ims.asked] == [50, 10]


def test_the_problems_name_the_tracker_as_its_spec_does():
    from exadesk.trackers import azure_devops

    assert ado_api.NAME == azure_devops.SPEC.name
    assert azure_devops.locate is ado_api.locate and azure_devops.diagnose is ado_api.diagnose, "the surface stays"
