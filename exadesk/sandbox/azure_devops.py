"""Emulator of an Azure DevOps collection's REST API (as Azure DevOps Server serves it, one host for all).

From Microsoft's documentation and API descriptions (MicrosoftDocs/vsts-rest-api-specs 7.1):
GET /{collection}/_apis/connectionData (authenticatedUser; a preview resource: an api-version without -preview is
refused), GET /{collection}/_apis/identities
(identityIds / searchFilter=General&filterValue / descriptors, queryMembership None|Direct|Expanded),
GET /{collection}/_apis/projects (the list, $top and continuationToken),
GET /{collection}/_apis/projects/{projectId} (name or id); api-version is required on the described APIs.
Graph memberships (vssps.dev.azure.com/{organization} on Services; graph.json 7.1): PUT and DELETE
/{organization}/_apis/graph/memberships/{subjectDescriptor}/{containerDescriptor} (api-version 7.1-preview.1, the PAT
scope vso.graph_manage; 200 and the GraphMembership, as the description documents). Adding to or removing from a
group takes Manage group membership on it: Project Collection Administrators for theirs, a project's Project
Administrators (or the collection's) for the project's groups; others get 403 "Access Denied: ... needs the
following permission(s) ...: Manage group membership" (the service's AccessCheckException shape, as
microsoft/terraform-provider-azuredevops#86 shows it). connectionData names the deployment (``scenario["deployment"]``):
"hosted" for Services, "onPremises" for Server, which documents no Graph. A PAT arrives as Basic with any user name and
the token as password. A refused token gets a 302 to the sign-in page unless the request carries X-TFS-FedAuthRedirect:
Suppress (as Microsoft's clients send), then a bare 401. Errors are the service's exception JSON ({"$id",
"innerException", "message", "typeName", "typeKey", "errorCode", "eventId"}).

On Services the identities API lives on vssps.dev.azure.com/{organization}; here every host's paths are
served by the one loopback server, like a Server collection (the adapter maps hosts, the emulator does not).

Wire format: by default replies are what the service itself sends ({"count", "value"} wrappers, descriptors as
"Type;identifier" strings), as responses recorded from dev.azure.com show (tests/data/recorded/azure_devops/).
``scenario["wire"] = "documented"`` follows the API description instead (lists as bare arrays, descriptors as
{identityType, identifier} objects), which the service does not send.
"""

from __future__ import annotations

import base64
import hashlib
from typing import TypedDict

from exadesk.sandbox.kit import (DemoLogin, Emulator, Request, Response, Scenario, html_response, json_response,
                                 route)

DEMO_PAT = "sbxdemo2patforexadesk7azuredevops2emulatoronly3abcde"  # 52 chars of [a-z2-7], made up
OTHER_ORG_PAT = "sbxotherorg2pat7notforthisorganisation3emulatoronly2"
PROXY_ID = "8c3f4d2a-6b1e-4f7a-9d5c-2e8b7a6f1c30"
ADMIN_PAT = "sbxadmin2pat7forexadesk3azuredevops4emulatoronlyqrst"  # an administrator's own token, made up
ADMIN_ID = "2f6a9c41-3d7e-4b52-8a1f-5c9e0b7d4a16"
CONSOLE_GROUP = "[acme]\\exalate_console_admin"  # absent by default: a collection administrator creates it
TENANT = "d3b5c1e2-7a4f-4b8e-9c6d-1f2a3b4c5d6e"
SCOPES = ("vso.work_full", "vso.project", "vso.profile", "vso.identity", "vso.memberentitlementmanagement",
          "vso.graph_manage")
GRAPH_VERSION = "7.1-preview.1"

SIGNIN_PAGE = (
    "<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body>"
    "<form method='post' action='https://login.microsoftonline.com/common/oauth2/authorize'>"
    "<p>Sign in to your account</p><input type='email' name='loginfmt'></form></body></html>")
IIS_401_PAGE = (
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"><html><head><title>401 - Unauthorized: Access is "
    "denied due to invalid credentials.</title></head><body><div id=\"header\"><h1>Server Error</h1></div>"
    "<div id=\"content\"><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2><h3>You do not "
    "have permission to view this directory or page using the credentials that you supplied.</h3></div>"
    "</body></html>")


def _exception(message: str, type_key: str, status: int, event_id: int = 3000) -> Response:
    return json_response({"$id": "1", "innerException": None, "message": message,
                          "typeName": f"Microsoft.TeamFoundation.Framework.Server.{type_key}, "
                                      "Microsoft.TeamFoundation.Framework.Server",
                          "typeKey": type_key, "errorCode": 0, "eventId": event_id}, status)


def _sid(name: str) -> str:
    digest = hashlib.sha256(name.lower().encode()).digest()
    parts = [str(int.from_bytes(digest[i:i + 4], "big")) for i in range(0, 24, 4)]
    return "S-1-9-1551374245-" + "-".join(parts)


def subject_descriptor(prefix: str, key: str) -> str:
    """A Graph subject descriptor: the subject type, a dot, and its identifier in unpadded base64url (a group's SID,
    a user's id)."""
    return f"{prefix}.{base64.urlsafe_b64encode(key.encode()).decode().rstrip('=')}"


def _guid(name: str) -> str:
    h = hashlib.md5(name.lower().encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def descriptor_text(value) -> str:
    """A descriptor as the query string carries it: ``Type;identifier`` (the service's form of either wire format)."""
    if isinstance(value, dict):
        return f"{value.get('identityType', '')};{value.get('identifier', '')}"
    return str(value)


class AzureDevOpsPat(TypedDict, total=False):
    user: str  # the user id
    collections: list[str]  # the organisations or collections it is valid in
    scopes: list[str]  # its scopes (all that ExaDesk reads when absent)


class AzureDevOpsUser(TypedDict, total=False):
    name: str
    account: str  # the sign-in name
    groups: list[str]  # groups the user is a direct member of


class AzureDevOpsProject(TypedDict, total=False):
    id: str
    description: str


class AzureDevOpsScenario(Scenario, total=False):
    """The Azure DevOps emulator's state."""

    collection: str  # the organisation (Services) or collection (Server) the address names
    pats: dict[str, AzureDevOpsPat]  # personal access token -> the token
    users: dict[str, AzureDevOpsUser]  # id -> the user
    groups: dict[str, list[str]]  # group -> the groups it is a member of (nesting)
    projects: dict[str, AzureDevOpsProject]  # name -> the project
    wire: str  # "service" (what the service sends, the default) or "documented" (what the API description says)
    deployment: str  # "hosted" (Azure DevOps Services, the default) or "onPremises" (Server: no Graph)
    signin_203: bool  # answer every credential with 203 and the sign-in page
    conditional_access: bool  # refuse a known token for conditional access (VS403463)
    iis_basic_auth: bool  # IIS answers 401 to Basic before Azure DevOps Server sees it


class AzureDevOpsEmulator(Emulator):
    """Scenario keys: ``collection``, ``pats`` (token -> user id and the collections it is for), ``users``
    (id -> name, account, groups; a group not in ``groups`` does not exist and is ignored), ``groups`` (group ->
    parent groups), ``projects``, ``wire``, ``deployment`` ("hosted" or "onPremises"), and the
    field-note switches ``signin_203``, ``conditional_access``, ``iis_basic_auth``."""

    tracker = "azure_devops"
    scenario_type = AzureDevOpsScenario
    demo_secrets = {"token": DEMO_PAT}
    demo_login = DemoLogin(scope=("Website",))

    def default_scenario(self) -> dict:
        return {
            "collection": "acme",
            "pats": {DEMO_PAT: {"user": PROXY_ID, "collections": ["acme"]},
                     OTHER_ORG_PAT: {"user": PROXY_ID, "collections": ["contoso"]},
                     ADMIN_PAT: {"user": ADMIN_ID, "collections": ["acme"]}},
            "users": {PROXY_ID: {"name": "Exalate Proxy", "account": "exalate.proxy@acme.example",
                                 "groups": ["[acme]\\Project Collection Administrators",
                                            "[Website]\\Project Administrators",
                                            "[Backend]\\Project Administrators"]},
                      ADMIN_ID: {"name": "Dana Admin", "account": "dana.admin@acme.example",
                                 "groups": ["[acme]\\Project Collection Administrators",
                                            "[Website]\\Project Administrators",
                                            "[Backend]\\Project Administrators", CONSOLE_GROUP]}},
            # group -> groups it is a member of (nesting); every group named here exists
            "groups": {
                "[acme]\\Project Collection Administrators": [],
                "[acme]\\Project Collection Valid Users": [],
                "[acme]\\Integration Admins": ["[acme]\\Project Collection Administrators"],
                "[Website]\\Project Administrators": ["[acme]\\Project Collection Valid Users"],
                "[Backend]\\Project Administrators": ["[acme]\\Project Collection Valid Users"],
            },
            "projects": {"Website": {"id": "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c"},
                         "Backend": {"id": "8b2a1c4d-3e5f-4a6b-9c7d-0e1f2a3b4c5d"}},
            "wire": "service",
            "deployment": "hosted",
            "signin_203": False,
            "conditional_access": False,
            "iis_basic_auth": False,
        }

    @property
    def url(self) -> str:
        """The collection address a person would type (the server root has no collection)."""
        return f"{self.root_url}/{self.scenario['collection']}"

    @property
    def root_url(self) -> str:
        return Emulator.url.fget(self)

    # -- replies ---------------------------------------------------------------------

    def error(self, status: int, request: Request) -> Response:
        if status == 401:
            response = Response(401, b"", {"WWW-Authenticate": 'Bearer authorization_uri=https://login.microsoftonline.'
                                                               'com/common, Basic realm="https://dev.azure.com/"'},
                                "text/plain")
            return response
        messages = {403: ("TF400893: Access denied.", "AccessCheckException"),
                    404: ("TF400898: An Internal Error Occurred.", "NotFoundException"),
                    429: ("TF400733: The request has been throttled.", "RequestBlockedException"),
                    500: ("TF246017: Azure DevOps could not connect to the database.", "DatabaseConnectionException")}
        text, key = messages.get(status, ("Error", "VssServiceException"))
        return _exception(text, key, status)

    def login_page(self, request: Request) -> Response:
        return html_response(SIGNIN_PAGE)

    def _wrap(self, items: list) -> object:
        return {"count": len(items), "value": items} if self.scenario["wire"] == "service" else items

    def _descriptor(self, kind: str, identifier: str):
        if self.scenario["wire"] == "service":
            return f"{kind};{identifier}"
        return {"identityType": kind, "identifier": identifier}

    # -- authentication -------------------------------------------------------------------

    def _authenticate(self, request: Request, collection: str | None) -> tuple[dict | None, Response | None]:
        """(user, None) or (None, the refusal)."""
        if self.scenario.get("iis_basic_auth"):
            return None, html_response(IIS_401_PAGE, 401, WWW_Authenticate='Basic realm="ado.example.com"')
        basic = request.basic()
        if basic is None:
            return None, html_response(SIGNIN_PAGE, 203)  # the service's answer to a malformed credential
        if self.scenario.get("signin_203"):
            return None, html_response(SIGNIN_PAGE, 203)
        pat = self.scenario["pats"].get(basic[1])
        if pat is None:
            if request.headers.get("x-tfs-fedauthredirect", "").lower() != "suppress":
                # Browsers get the sign-in page; clients ask for the plain 401 with X-TFS-FedAuthRedirect: Suppress.
                return None, Response(302, b"", {"Location": "https://app.vssps.visualstudio.com/_signin?realm="
                                                             f"dev.azure.com&reply_to={self.url}%2F&redirect=1"},
                                      "text/html")
            return None, self.error(401, request)
        if self.scenario.get("conditional_access"):
            return None, _exception("VS403463: The conditional access policy defined by your Azure Active Directory "
                                    "administrator has failed.", "UnauthorizedRequestException", 401)
        if collection is None:
            return None, _exception("TF400813: Resource not available for anonymous access. Client authentication "
                                    "required.", "UnauthorizedRequestException", 401)
        if collection.lower() not in [c.lower() for c in pat["collections"]] or \
                collection.lower() != self.scenario["collection"].lower():
            return None, _exception(f"TF400813: The user '{TENANT}\\{pat['user']}' is not authorized to access this "
                                    "resource.", "UnauthorizedRequestException", 401)
        user = self.scenario["users"].get(pat["user"])
        return dict(user, id=pat["user"], scopes=pat.get("scopes", SCOPES)), None

    # -- identities -----------------------------------------------------------------------

    def _group_identity(self, name: str) -> dict:
        return {"id": _guid(name), "descriptor": self._descriptor("Microsoft.TeamFoundation.Identity", _sid(name)),
                "subjectDescriptor": subject_descriptor("vssgp", _sid(name)), "providerDisplayName": name,
                "isActive": True, "isContainer": True, "members": [], "memberOf": [], "memberIds": [],
                "resourceVersion": 2, "metaTypeId": 255,
                "properties": {"SchemaClassName": {"$type": "System.String", "$value": "Group"},
                               "Account": {"$type": "System.String", "$value": name}}}

    def _expanded(self, groups: list[str]) -> list[str]:
        seen: list[str] = []
        todo = list(groups)
        while todo:
            group = todo.pop()
            if group in seen or group not in self.scenario["groups"]:
                continue
            seen.append(group)
            todo.extend(self.scenario["groups"][group])
        return seen

    def _user_identity(self, user_id: str, membership: str) -> dict:
        user = self.scenario["users"][user_id]
        direct = [g for g in user.get("groups", []) if g in self.scenario["groups"]]
        groups = {"expanded": self._expanded(direct), "direct": direct}.get(membership.lower(), [])
        return {"id": user_id, "descriptor": self._descriptor("Microsoft.IdentityModel.Claims.ClaimsIdentity",
                                                              f"{TENANT}\\{user['account']}"),
                "subjectDescriptor": subject_descriptor("aad", user_id),
                "providerDisplayName": user["name"], "isActive": True,  # no isContainer: recorded users lack it
                "members": [], "memberIds": [], "resourceVersion": 2, "metaTypeId": 0,
                "memberOf": [self._descriptor("Microsoft.TeamFoundation.Identity", _sid(g)) for g in groups],
                "properties": {"SchemaClassName": {"$type": "System.String", "$value": "User"},
                               "Account": {"$type": "System.String", "$value": user["account"]}}}

    # -- routes ---------------------------------------------------------------------------

    @route("GET", "/_apis/connectionData")
    def server_connection_data(self, request: Request) -> Response:
        _, refusal = self._authenticate(request, None)
        return refusal

    @route("GET", "/{collection}/_apis/connectionData")
    def connection_data(self, request: Request, collection: str) -> Response:
        user, refusal = self._authenticate(request, collection)
        if refusal:
            return refusal
        version = request.param("api-version")
        if version and "-preview" not in version:
            return _exception(f"The requested version \"{version}\" of the resource is under preview. The -preview "
                              "flag must be supplied in the api-version for such requests. For example: "
                              f"\"{version}-preview\"", "VssInvalidPreviewVersionException", 400)
        me = {"id": user["id"], "descriptor": f"Microsoft.IdentityModel.Claims.ClaimsIdentity;{TENANT}\\"
                                              f"{user['account']}",
              "subjectDescriptor": subject_descriptor("aad", user["id"]),
              "providerDisplayName": user["name"], "isActive": True, "members": [], "memberOf": [],
              "resourceVersion": 2, "metaTypeId": 0,
              "properties": {"Account": {"$type": "System.String", "$value": user["account"]}}}
        return json_response({"authenticatedUser": me, "authorizedUser": me,
                              "instanceId": _guid(self.scenario["collection"]), "deploymentId": _guid("deployment"),
                              "deploymentType": self.scenario.get("deployment", "hosted"), "locationServiceData": {
                                  "serviceOwner": "00025394-6065-48ca-87d9-7f5672854ef7",
                                  "defaultAccessMappingMoniker": "PublicAccessMapping", "lastChangeId": 1}})

    @route("GET", "/{collection}/_apis/identities")
    def identities(self, request: Request, collection: str) -> Response:
        user, refusal = self._authenticate(request, collection)
        if refusal:
            return refusal
        if "vso.identity" not in user["scopes"]:
            return self.error(401, request)  # a PAT without the scope is refused like an unknown one
        if not request.param("api-version"):
            return _exception("No api-version was supplied for the \"GET\" request. The version must be supplied "
                              "either as part of the Accept header (e.g. \"application/json; api-version=1.0\") or "
                              "as a query parameter (e.g. '?api-version=1.0').", "VssApiVersionNotSpecifiedException",
                              400)
        membership = request.param("queryMembership", "None")
        out = []
        if request.param("identityIds"):
            for wanted in request.param("identityIds").split(","):
                if wanted.strip().lower() in (u.lower() for u in self.scenario["users"]):
                    key = next(u for u in self.scenario["users"] if u.lower() == wanted.strip().lower())
                    out.append(self._user_identity(key, membership))
        elif request.param("descriptors"):
            by_descriptor = {descriptor_text(self._group_identity(g)["descriptor"]).lower(): g
                             for g in self.scenario["groups"]}
            for wanted in request.param("descriptors").split(","):
                if wanted.strip().lower() in by_descriptor:
                    out.append(self._group_identity(by_descriptor[wanted.strip().lower()]))
        elif request.param("searchFilter").lower() == "general":
            value = request.param("filterValue").lower()
            out = [self._group_identity(g) for g in self.scenario["groups"] if g.lower() == value]
            out += [self._user_identity(uid, membership) for uid, u in self.scenario["users"].items()
                    if value in (u["account"].lower(), u["name"].lower())]
        else:
            return _exception("VS403439: Please specify one of: descriptors, identityIds, subjectDescriptors or a "
                              "search filter.", "ArgumentException", 400)
        return json_response(self._wrap(out))

    @route("GET", "/{collection}/_apis/projects")
    def projects(self, request: Request, collection: str) -> Response:
        """Every project, as GET _apis/projects lists them ($top, continuationToken)."""
        user, refusal = self._authenticate(request, collection)
        if refusal:
            return refusal
        items = [{"id": info["id"], "name": name, "description": info.get("description", ""),
                  "url": f"{self.url}/_apis/projects/{info['id']}", "state": "wellFormed", "revision": 411,
                  "visibility": "private", "lastUpdateTime": "2026-09-14T08:21:43.903Z"}
                 for name, info in self.scenario["projects"].items()]
        start = int(request.param("continuationToken") or 0)
        top = int(request.param("$top") or 100)
        page = items[start:start + top]
        headers = {"x-ms-continuationtoken": str(start + top)} if start + top < len(items) else {}
        return json_response(self._wrap(page), 200, **headers)

    @route("GET", "/{collection}/_apis/projects/{project_id}")
    def project(self, request: Request, collection: str, project_id: str) -> Response:
        user, refusal = self._authenticate(request, collection)
        if refusal:
            return refusal
        for name, info in self.scenario["projects"].items():
            if project_id.lower() in (name.lower(), info["id"].lower()):
                return json_response({"id": info["id"], "name": name, "description": info.get("description", ""),
                                      "url": f"{self.url}/_apis/projects/{info['id']}", "state": "wellFormed",
                                      "revision": 411, "visibility": "private",
                                      "lastUpdateTime": "2026-09-14T08:21:43.903Z",
                                      "_links": {"self": {"href": f"{self.url}/_apis/projects/{info['id']}"}},
                                      "defaultTeam": {"id": _guid(name + " Team"), "name": f"{name} Team",
                                                      "url": f"{self.url}/_apis/projects/{info['id']}/teams/"}})
        return _exception(f"TF200016: The following project does not exist: {project_id}. Verify that the name of "
                          "the project is correct and that the project exists on the specified Azure DevOps Server.",
                          "ProjectDoesNotExistWithNameException", 404)

    # -- Graph memberships (writes) -------------------------------------------------------

    def _subject(self, descriptor: str) -> tuple[str, str] | None:
        """("user", id) or ("group", name) for a Graph subject descriptor, None when nothing has it."""
        for user_id in self.scenario["users"]:
            if descriptor == subject_descriptor("aad", user_id):
                return "user", user_id
        for name in self.scenario["groups"]:
            if descriptor == subject_descriptor("vssgp", _sid(name)):
                return "group", name
        return None

    def _may_manage(self, caller: dict, group: str) -> bool:
        """Manage group membership: the collection's administrators everywhere; a project's administrators for the
        groups of their project."""
        held = self._expanded([g for g in caller.get("groups", []) if g in self.scenario["groups"]])
        collection = f"[{self.scenario['collection']}]\\Project Collection Administrators".lower()
        if collection in (g.lower() for g in held):
            return True
        project = group.split("]", 1)[0] + "]\\Project Administrators"
        return not group.lower().startswith(f"[{self.scenario['collection'].lower()}]") and \
            project.lower() in (g.lower() for g in held)

    def _membership_write(self, request: Request, collection: str, subject: str, container: str, add: bool):
        caller, refusal = self._authenticate(request, collection)
        if refusal:
            return refusal
        if "vso.graph_manage" not in caller["scopes"]:
            return self.error(401, request)
        if request.param("api-version") != GRAPH_VERSION:
            return _exception(f"The requested REST API version of {request.param('api-version') or '(none)'} is "
                              "out of range for this server.", "VssVersionOutOfRangeException", 400)
        member, group = self._subject(subject), self._subject(container)
        if member is None or group is None or group[0] != "group":
            return self.error(404, request)
        if not self._may_manage(caller, group[1]):
            return _exception(f"Access Denied: {caller['name']} needs the following permission(s) on the resource "
                              f"{group[1]} to perform this action: Manage group membership", "AccessCheckException",
                              403)
        kind, key = member
        direct = self.scenario["users"][key].setdefault("groups", []) if kind == "user" \
            else self.scenario["groups"][key]
        if add and group[1] not in direct:
            direct.append(group[1])
        elif not add:
            if group[1] not in direct:
                return self.error(404, request)
            direct.remove(group[1])
        if not add:
            return Response(200, b"", {}, "application/json")
        return json_response({"containerDescriptor": container, "memberDescriptor": subject,
                              "_links": {"container": {"href": f"{self.url}/_apis/Graph/Groups/{container}"},
                                         "member": {"href": f"{self.url}/_apis/Graph/Users/{subject}"}}})

    @route("PUT", "/{collection}/_apis/graph/memberships/{subject}/{container}")
    def add_membership(self, request: Request, collection: str, subject: str, container: str) -> Response:
        return self._membership_write(request, collection, subject, container, True)

    @route("DELETE", "/{collection}/_apis/graph/memberships/{subject}/{container}")
    def remove_membership(self, request: Request, collection: str, subject: str, container: str) -> Response:
        return self._membership_write(request, collection, subject, container, False)


EMULATOR = AzureDevOpsEmulator
