"""Emulator of a Salesforce org's REST API (My Domain host), from Salesforce's REST API and OAuth docs.

GET /services/oauth2/userinfo (OpenID Connect claims plus user_id, organization_id),
GET /services/data/ (versions), GET /services/data/vXX.X/query?q= (only the SOQL shapes
``SELECT ... FROM User WHERE Id = '...'`` with Profile fields, PermissionSetAssignment by AssigneeId with
PermissionSet permission filters, Group by Type and DeveloperName, GroupMember by GroupId and UserOrGroupId),
GET .../chatter/users/me,
GET .../sobjects (Describe Global: every object the user can access, with its flags) and
GET .../sobjects/{name}/describe (queryable, createable, updateable), GET .../limits.
OAuth: GET /services/oauth2/authorize (the browser step: a 302 to the callback with code and state, or
error=access_denied), POST /services/oauth2/token (authorization_code with PKCE, refresh_token,
response_type=device_code and grant_type=device; replies carry instance_url and id; errors
``{"error", "error_description"}`` with 400), POST /services/oauth2/revoke (token=...).
Errors are a JSON list ``[{"message", "errorCode"}]``: INVALID_SESSION_ID (401),
API_DISABLED_FOR_ORG (403, both for an org without API and for a user without API Enabled: REST does not tell them
apart), NOT_FOUND (404), REQUEST_LIMIT_EXCEEDED. The OAuth userinfo endpoint answers without API Enabled.
A query answers at most ``query_page_size`` records (2,000 by default) and a ``nextRecordsUrl`` for the rest (GET
.../query/{locator}, Query More Results). Permission sets (SOAP API Developer Guide, PermissionSet, ObjectPermissions,
PermissionSetAssignment): the SOQL shapes listing the sets not owned by a profile, their object permissions and a user's
assignments; POST .../sobjects/PermissionSetAssignment {AssigneeId, PermissionSetId} (201 {id, success, errors}) and
DELETE .../sobjects/PermissionSetAssignment/{id} (204). Assigning takes Assign Permission Sets (or Manage Users); others
get 400 INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY, a second assignment 400 DUPLICATE_VALUE, a set tied to another
user licence (``license``) 400 FIELD_INTEGRITY_EXCEPTION. An assigned set adds
its API Enabled and its object permissions to what the user's profile gives (the describe flags); Edit on Case also
makes CaseComment createable (case comments follow the case's access).
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets as _secrets
from typing import TypedDict
from urllib.parse import urlencode

from exadesk.foundation import clock
from exadesk.sandbox.kit import (DemoLogin, Emulator, Request, Response, Scenario, html_response, json_response,
                                 route)

ORG_ID = "00D5g000004Sbx1EAC"
USER_ID = "0055g00000ExaDsAAB"
DEMO_TOKEN = "00D5g000004Sbx1!AQ4AQDemoAccessTokenForExaDeskSandboxOnly.0123456789_abcdefghij"
ADMIN_ID = "0055g00000AdmInAAB"
ADMIN_TOKEN = "00D5g000004Sbx1!AQ4AQAdminAccessTokenForExaDeskSandboxOnly.9876543210_zyxwvutsrq"  # made up
CONSOLE_GROUP = "exalate_console_admin"  # absent by default: a System Administrator creates it
SALESFORCE_LICENSE = "1005g000000SbxSAAS"  # the Salesforce user licence's id (made up)
VERSIONS = ("63.0", "64.0", "65.0")
DEMO_CLIENT_ID = "3MVG9SbxExaDeskDemoConsumerKey0000000000000000000000000000000000000000000000001"

_ERRORS = {401: ("INVALID_SESSION_ID", "Session expired or invalid"),
           403: ("INSUFFICIENT_ACCESS", "insufficient access rights on object id"),
           404: ("NOT_FOUND", "The requested resource does not exist"),
           429: ("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."),
           500: ("UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact "
                                      "support: 1929385727-12345 (-1532012)")}


def _describe(name: str, read: bool = True, create: bool = True, edit: bool = True) -> dict:
    return {"name": name, "label": name, "queryable": read, "retrieveable": read, "searchable": read,
            "createable": create, "updateable": edit, "deletable": False, "custom": name.endswith("__c")}


_PERMISSION_SETS = (r"SELECT Id, PermissionSet\.Name FROM PermissionSetAssignment WHERE AssigneeId = "
                    r"'(?P<id>[A-Za-z0-9]{15,18})' AND \((?P<filters>.+)\)")
_SET_LIST = (r"SELECT Id, Name, Label, LicenseId, (?P<fields>Permissions\w+(?:, Permissions\w+)*) FROM PermissionSet "
             r"WHERE IsOwnedByProfile = false")
_SET_OBJECTS = (r"SELECT ParentId, SobjectType, PermissionsRead, PermissionsCreate, PermissionsEdit FROM "
                r"ObjectPermissions WHERE Parent\.IsOwnedByProfile = false")
_ASSIGNED = r"SELECT Id, PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '(?P<id>[A-Za-z0-9]{15,18})'"
#: Object permission -> the describe flag it opens for the user.
_GRANTS = {"read": ("queryable", "retrieveable", "searchable"), "create": ("createable",), "edit": ("updateable",)}
#: Child objects whose access follows the parent's: Edit on the parent lets the user create them.
_FOLLOWS = {"CaseComment": "Case"}


def _record_id(prefix: str, *parts: str) -> str:
    """An 18-character Salesforce id with the object's key prefix (made up from ``parts``)."""
    return prefix + hashlib.md5("/".join(parts).encode()).hexdigest()[:12] + "AAA"


_GROUPS = r"SELECT Id, DeveloperName FROM Group WHERE Type = '(?P<type>\w+)' AND DeveloperName = '(?P<name>\w+)'"
_GROUP_MEMBERS = (r"SELECT Id FROM GroupMember WHERE GroupId = '(?P<group>[A-Za-z0-9]{15,18})' "
                  r"AND UserOrGroupId = '(?P<user>[A-Za-z0-9]{15,18})'")


class SalesforceUser(TypedDict, total=False):
    username: str
    name: str
    email: str
    user_type: str  # "Standard", ...
    profile: dict  # the profile's Name and its Permissions* flags
    api_via_permission_set: bool  # API Enabled comes from a permission set, not the profile


class SalesforcePermissionSet(TypedDict, total=False):
    id: str  # its record id (derived from the name when absent)
    PermissionsApiEnabled: bool
    PermissionsModifyAllData: bool
    PermissionsViewAllData: bool
    PermissionsCustomizeApplication: bool
    PermissionsManageUsers: bool
    PermissionsAuthorApex: bool
    PermissionsAssignPermissionSets: bool
    assignees: list[str]  # user ids
    objects: dict[str, dict]  # object name -> its object permissions (read, create, edit, ...)
    label: str  # its label (the name with spaces when absent)
    license: str  # the id of the licence it needs, when it needs one


class SalesforceGroup(TypedDict, total=False):
    id: str
    type: str  # "Regular" (the default), "Organization", ...
    members: list[str]  # user ids


class SalesforceOrg(TypedDict, total=False):
    api_enabled: bool  # False: every REST call answers API_DISABLED_FOR_ORG
    requests_used_up: bool  # the daily API request limit is reached
    daily_max: int
    daily_remaining: int
    limits_visible: bool  # /limits answers (it needs View Setup)


class SalesforceScenario(Scenario, total=False):
    """The Salesforce emulator's state."""

    tokens: dict[str, str]  # access token -> user id
    oauth: dict  # clients, the browser step (consent, browser_user), codes, refresh tokens, device flow
    expired: list[str]  # access tokens that have expired
    userinfo_scope: bool  # the tokens carry the scope that userinfo needs
    users: dict[str, SalesforceUser]  # id -> the user
    permission_sets: dict[str, SalesforcePermissionSet]  # name -> the permission set
    groups: dict[str, SalesforceGroup]  # developer name -> the group
    org: SalesforceOrg
    objects: dict[str, dict]  # name -> its describe
    query_page_size: int  # records per batch of a query (nextRecordsUrl for the rest)


class SalesforceEmulator(Emulator):
    """Scenario keys: ``tokens`` (token -> user id), ``expired`` (tokens past the session timeout),
    ``users`` (id -> facts and profile), ``org`` (api_enabled, limits, requests_used_up: the 24-hour limit is
    spent, so every data call answers 403 REQUEST_LIMIT_EXCEEDED), ``objects`` (name -> describe flags),
    ``userinfo_scope`` (False: userinfo refuses the token, as for a token without OpenID scopes),
    ``permission_sets`` (name -> system permissions, ``objects`` {name: {read, create, edit}} and assignee ids),
    ``groups`` (DeveloperName -> id, type, member ids)."""

    tracker = "salesforce"
    scenario_type = SalesforceScenario
    demo_secrets = {"access_token": DEMO_TOKEN}
    demo_login = DemoLogin(scope=("Case",))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._cursors: dict[str, list[dict]] = {}  # query locator -> the whole result (Query More Results)

    def default_scenario(self) -> dict:
        return {
            "tokens": {DEMO_TOKEN: USER_ID, ADMIN_TOKEN: ADMIN_ID},
            # OAuth: connected/external client apps, and the browser step (who signs in; approve or deny).
            "oauth": {"clients": {DEMO_CLIENT_ID: {"secret": "", "require_secret": False, "device_flow": True}},
                      "consent": "approve", "browser_user": USER_ID, "codes": {}, "refresh_tokens": {},
                      "devices": {}, "device_interval": 5, "device_pending_polls": 1},
            "expired": [],
            "userinfo_scope": True,
            "users": {USER_ID: {"username": "exalate-sync@acme.example.com", "name": "Exalate Sync",
                                "email": "it@acme.example.com", "user_type": "Standard",
                                "profile": {"Name": "Exalate Integration", "UserLicenseId": SALESFORCE_LICENSE,
                                            "PermissionsApiEnabled": True,
                                            "PermissionsModifyAllData": False},
                                "api_via_permission_set": False},
                      ADMIN_ID: {"username": "ada.admin@acme.example.com", "name": "Ada Admin",
                                 "email": "ada.admin@acme.example.com", "user_type": "Standard",
                                 "profile": {"Name": "System Administrator", "UserLicenseId": SALESFORCE_LICENSE,
                                             "PermissionsApiEnabled": True,
                                             "PermissionsModifyAllData": True,
                                             "PermissionsCustomizeApplication": True,
                                             "PermissionsAssignPermissionSets": True},
                                 "api_via_permission_set": False}},
            "permission_sets": {"Exalate_Integration": {"PermissionsModifyAllData": False,
                                                        "PermissionsCustomizeApplication": False,
                                                        "assignees": [USER_ID]}},
            "groups": {"AllInternalUsers": {"id": "00G5g000001AllUsAAA", "type": "Organization", "members": []}},
            "org": {"api_enabled": True, "daily_max": 15000, "daily_remaining": 14890, "limits_visible": True},
            "objects": {"Case": _describe("Case"), "CaseComment": _describe("CaseComment"),
                        "ContentVersion": _describe("ContentVersion", edit=True),
                        "Account": _describe("Account", create=False, edit=False)},
        }

    def error(self, status: int, request: Request, code: str | None = None, message: str | None = None) -> Response:
        default_code, default_message = _ERRORS.get(status, ("UNKNOWN_EXCEPTION", "Error"))
        status_out = 403 if status == 429 else status  # Salesforce answers the API limit with 403
        return json_response([{"message": message or default_message, "errorCode": code or default_code}],
                             status_out)

    def _fault_response(self, kind, request, fault):
        if kind == "429":  # the kit's rate-limit fault: HTTP 429 with Retry-After, as a proxy in front would answer
            return Response(429, [{"message": "Too many requests", "errorCode": "REQUEST_LIMIT_EXCEEDED"}],
                            {"Retry-After": str(fault.get("retry_after", 30))})
        return super()._fault_response(kind, request, fault)

    # -- helpers -----------------------------------------------------------------

    def _caller(self, request: Request) -> tuple[str, dict] | Response:
        token = request.bearer() or ""
        if token in self.scenario["expired"] or token not in self.scenario["tokens"]:
            return self.error(401, request)
        user_id = self.scenario["tokens"][token]
        return user_id, self.scenario["users"][user_id]

    def _data_caller(self, request: Request, version: str) -> tuple[str, dict] | Response:
        """The caller of a data API resource, or the org's / user's API-disabled answer."""
        found = self._caller(request)
        if isinstance(found, Response):
            return found
        if not re.fullmatch(r"v\d+\.\d", version) or version[1:] not in VERSIONS:
            return self.error(404, request)
        if self.scenario["org"].get("requests_used_up"):
            return self.error(403, request, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
        if not self.scenario["org"]["api_enabled"]:
            return self.error(403, request, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization.")
        user_id, user = found
        if not (user["profile"].get("PermissionsApiEnabled") or user.get("api_via_permission_set")
                or any(pset.get("PermissionsApiEnabled") is True for _, pset in self._assigned(user_id))):
            # REST answers a user without API Enabled exactly as an org without API (forcedotcom/salesforcedx-vscode
            # #2387); "API is disabled for this User" (API_CURRENTLY_DISABLED) is the SOAP login's answer.
            return self.error(403, request, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization.")
        return found

    # -- routes ------------------------------------------------------------------

    @route("GET", "/services/oauth2/userinfo")
    def userinfo(self, request: Request) -> Response:
        token = request.bearer() or ""
        if token in self.scenario["expired"] or token not in self.scenario["tokens"]:
            return Response(403, "Bad_OAuth_Token", {}, "text/plain")
        if not self.scenario["userinfo_scope"]:
            return Response(403, "Insufficient_Scope", {}, "text/plain")
        user_id = self.scenario["tokens"][token]
        user = self.scenario["users"][user_id]
        return json_response({
            "sub": f"{self.url}/id/{ORG_ID}/{user_id}", "user_id": user_id, "organization_id": ORG_ID,
            "preferred_username": user["username"], "nickname": user["username"].split("@")[0],
            "name": user["name"], "email": user["email"], "email_verified": True, "user_type": user["user_type"].upper(),
            "active": True, "zoneinfo": "Europe/Amsterdam", "locale": "en_US", "language": "en_US",
            "urls": {"rest": f"{self.url}/services/data/v{{version}}/", "sobjects": f"{self.url}/services/data/v{{version}}/sobjects/"},
        })

    @route("GET", "/services/data/")
    def versions(self, request: Request) -> Response:
        return json_response([{"label": f"Release {v}", "url": f"/services/data/v{v}", "version": v} for v in VERSIONS])

    @route("GET", "/services/data")
    def versions_no_slash(self, request: Request) -> Response:
        return self.versions(request)

    @route("GET", "/services/data/{version}/chatter/users/me")
    def chatter_me(self, request: Request, version: str) -> Response:
        found = self._data_caller(request, version)
        if isinstance(found, Response):
            return found
        user_id, user = found
        return json_response({"id": user_id, "username": user["username"], "name": user["name"],
                              "displayName": user["name"], "email": user["email"], "userType": "Internal",
                              "type": "User"})

    @route("GET", "/services/data/{version}/query")
    def query(self, request: Request, version: str) -> Response:
        found = self._data_caller(request, version)
        if isinstance(found, Response):
            return found
        soql = request.param("q")
        for shape, answer in ((_PERMISSION_SETS, self._permission_sets), (_GROUPS, self._groups),
                              (_GROUP_MEMBERS, self._group_members), (_SET_LIST, self._set_list),
                              (_SET_OBJECTS, self._set_objects), (_ASSIGNED, self._assignments)):
            found = re.fullmatch(shape, soql.strip())
            if found:
                return self._page(answer(found, version), version)
        match = re.fullmatch(r"SELECT (?P<fields>.+) FROM User WHERE Id = '(?P<id>[A-Za-z0-9]{15,18})'", soql.strip())
        if not match:
            return self.error(400, request, "MALFORMED_QUERY", "unexpected token (this emulator knows one query shape)")
        user = self.scenario["users"].get(match["id"])
        records = []
        if user:
            record = {"attributes": {"type": "User", "url": f"/services/data/{version}/sobjects/User/{match['id']}"}}
            values = {"Id": match["id"], "Username": user["username"], "Name": user["name"],
                      "UserType": user["user_type"], "IsActive": True}
            for field in (f.strip() for f in match["fields"].split(",")):
                if field.startswith("Profile."):
                    profile = record.setdefault("Profile", {"attributes": {"type": "Profile"}})
                    profile[field[8:]] = user["profile"].get(field[8:])
                else:
                    record[field] = values.get(field)
            records.append(record)
        return json_response({"totalSize": len(records), "done": True, "records": records})

    def _permission_sets(self, match, version: str) -> list[dict]:
        wanted = [f for f in re.findall(r"PermissionSet\.(\w+) = true", match["filters"])]
        out = []
        for name, pset in self.scenario["permission_sets"].items():
            if match["id"] in pset.get("assignees", []) and any(pset.get(f) is True for f in wanted):
                out.append({"attributes": {"type": "PermissionSetAssignment"}, "Id": f"0Pa{name[:12]:0<12}",
                            "PermissionSet": {"attributes": {"type": "PermissionSet"}, "Name": name}})
        return out

    def _page(self, records: list[dict], version: str, start: int = 0) -> Response:
        """A query result from ``start``: at most ``query_page_size`` records (Salesforce's batch is 2,000), with
        ``nextRecordsUrl`` while more remain (Query More Results)."""
        size = self.scenario.get("query_page_size") or 2000
        body = {"totalSize": len(records), "done": start + size >= len(records), "records": records[start:start + size]}
        if not body["done"]:
            cursor = f"01gSbx{len(self._cursors):06d}"
            self._cursors[cursor] = records
            body["nextRecordsUrl"] = f"/services/data/{version}/query/{cursor}-{start + size}"
        return json_response(body)

    @route("GET", "/services/data/{version}/query/{locator}")
    def query_more(self, request: Request, version: str, locator: str) -> Response:
        found = self._data_caller(request, version)
        if isinstance(found, Response):
            return found
        cursor, _, start = locator.rpartition("-")
        if cursor not in self._cursors or not start.isdigit():
            return self.error(400, request, "INVALID_QUERY_LOCATOR", "invalid query locator")
        return self._page(self._cursors[cursor], version, int(start))

    # -- permission sets ---------------------------------------------------------

    def _set_id(self, name: str) -> str:
        return self.scenario["permission_sets"][name].get("id") or _record_id("0PS", name)

    def _assigned(self, user_id: str) -> list[tuple[str, dict]]:
        return [(name, pset) for name, pset in self.scenario["permission_sets"].items()
                if user_id in pset.get("assignees", [])]

    def _set_list(self, match, version: str) -> list[dict]:
        fields = [f.strip() for f in match["fields"].split(",")]
        return [{"attributes": {"type": "PermissionSet"}, "Id": self._set_id(name), "Name": name,
                 "Label": pset.get("label", name.replace("_", " ")), "LicenseId": pset.get("license"),
                 **{f: pset.get(f) is True for f in fields}}
                for name, pset in self.scenario["permission_sets"].items()]

    def _set_objects(self, match, version: str) -> list[dict]:
        return [{"attributes": {"type": "ObjectPermissions"}, "ParentId": self._set_id(name), "SobjectType": obj,
                 "PermissionsRead": bool(grant.get("read")), "PermissionsCreate": bool(grant.get("create")),
                 "PermissionsEdit": bool(grant.get("edit"))}
                for name, pset in self.scenario["permission_sets"].items()
                for obj, grant in pset.get("objects", {}).items()]

    def _assignments(self, match, version: str) -> list[dict]:
        return [{"attributes": {"type": "PermissionSetAssignment"}, "Id": _record_id("0Pa", name, match["id"]),
                 "PermissionSetId": self._set_id(name)} for name, _ in self._assigned(match["id"])]

    def _granted(self, user_id: str, name: str, desc: dict) -> dict:
        """The describe flags of ``name`` for the user: the profile's, opened further by its assigned sets."""
        out = dict(desc)
        for _, pset in self._assigned(user_id):
            for permission, flags in _GRANTS.items():
                if pset.get("objects", {}).get(name, {}).get(permission):
                    out.update({flag: True for flag in flags})
            if pset.get("objects", {}).get(_FOLLOWS.get(name, ""), {}).get("edit"):
                out.update(createable=True)
        return out

    def _may_assign(self, user_id: str, user: dict) -> bool:
        wanted = ("PermissionsAssignPermissionSets", "PermissionsManageUsers")
        return any(user["profile"].get(p) is True for p in wanted) or any(
            pset.get(p) is True for _, pset in self._assigned(user_id) for p in wanted)

    @route("POST", "/services/data/{version}/sobjects/PermissionSetAssignment")
    def assign(self, request: Request, version: str) -> Response:
        found = self._data_caller(request, version)
        if isinstance(found, Response):
            return found
        body = request.json() if isinstance(request.json(), dict) else {}
        assignee, set_id = str(body.get("AssigneeId") or ""), str(body.get("PermissionSetId") or "")
        if not assignee or not set_id:
            return self.error(400, request, "REQUIRED_FIELD_MISSING",
                              "Required fields are missing: [AssigneeId, PermissionSetId]")
        if not self._may_assign(*found):
            return self.error(400, request, "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                              f"insufficient access rights on cross-reference id: {set_id}")
        name = next((n for n in self.scenario["permission_sets"] if self._set_id(n) == set_id), None)
        if name is None or assignee not in self.scenario["users"]:
            return self.error(400, request, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")
        licence = self.scenario["permission_sets"][name].get("license")
        if licence and licence != self.scenario["users"][assignee]["profile"].get("UserLicenseId"):
            # A set tied to a user licence is only for users of that licence (Setup says "The user license doesn't
            # allow the permission", as SalesforceLabs/MultiOrgSecuritySummary#5 quotes it).
            return self.error(400, request, "FIELD_INTEGRITY_EXCEPTION",
                              f"The user license doesn't allow the permission set {name}.")
        assignees = self.scenario["permission_sets"][name].setdefault("assignees", [])
        record = _record_id("0Pa", name, assignee)
        if assignee in assignees:
            return self.error(400, request, "DUPLICATE_VALUE",
                              f"duplicate value found: <unknown> duplicates value on record with id: {record}")
        assignees.append(assignee)
        return json_response({"id": record, "success": True, "errors": []}, 201)

    @route("DELETE", "/services/data/{version}/sobjects/PermissionSetAssignment/{record}")
    def unassign(self, request: Request, version: str, record: str) -> Response:
        found = self._data_caller(request, version)
        if isinstance(found, Response):
            return found
        if not self._may_assign(*found):
            return self.error(400, request, "INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id")
        for name, pset in self.scenario["permission_sets"].items():
            for assignee in list(pset.get("assignees", [])):
                if _record_id("0Pa", name, assignee) == record:
                    pset["assignees"].remove(assignee)
                    return Response(204, b"", {}, "application/json")
        return self.error(404, request, "ENTITY_IS_DELETED", "entity is deleted")

    def _groups(self, match, version: str) -> list[dict]:
        return [{"attributes": {"type": "Group", "url": f"/services/data/{version}/sobjects/Group/{g['id']}"},
                 "Id": g["id"], "DeveloperName": name}
                for name, g in self.scenario["groups"].items()
                if name == match["name"] and g.get("type", "Regular") == match["type"]]

    def _group_members(self, match, version: str) -> list[dict]:
        return [{"attributes": {"type": "GroupMember"}, "Id": f"011{match['user'][3:15]}"}
                for g in self.scenario["groups"].values()
                if g["id"] == match["group"] and match["user"] in g.get("members", [])]

    @route("GET", "/services/data/{version}/sobjects")
    @route("GET", "/services/data/{version}/sobjects/")
    def describe_global(self, request: Request, version: str) -> Response:
        """Describe Global: the objects the caller can access, each with its flags for the caller."""
        found = self._data_caller(request, version)
        if isinstance(found, Response):
            return found
        user_id, _ = found
        objects = [{k: v for k, v in {**_describe(name), **self._granted(user_id, name, desc), "name": name,
                                      "urls": {"sobject": f"/services/data/{version}/sobjects/{name}",
                                               "describe": f"/services/data/{version}/sobjects/{name}/describe"}}.items()
                    if k not in desc.get("omit", []) + ["omit"]}  # omit: a reply without a documented field
                   for name, desc in self.scenario["objects"].items() if desc is not None]
        return json_response({"encoding": "UTF-8", "maxBatchSize": 200, "sobjects": objects})

    @route("GET", "/services/data/{version}/sobjects/{name}/describe")
    def describe(self, request: Request, version: str, name: str) -> Response:
        found = self._data_caller(request, version)
        if isinstance(found, Response):
            return found
        desc = self.scenario["objects"].get(name)
        if desc is None:
            return self.error(404, request)
        body = {**_describe(name), **self._granted(found[0], name, desc), "name": name, "fields": []}
        for key in desc.get("omit", []) + ["omit"]:  # omit: a reply without a documented field
            body.pop(key, None)
        return json_response(body)

    @route("GET", "/services/data/{version}/limits")
    def limits(self, request: Request, version: str) -> Response:
        found = self._data_caller(request, version)
        if isinstance(found, Response):
            return found
        org = self.scenario["org"]
        if not org["limits_visible"]:
            return self.error(403, request, "INSUFFICIENT_ACCESS", "The user does not have View Setup and "
                                                                    "Configuration permission")
        return json_response({"DailyApiRequests": {"Max": org["daily_max"], "Remaining": org["daily_remaining"]},
                              "DataStorageMB": {"Max": 1024, "Remaining": 1000}})

    # -- OAuth 2.0 (web server flow with PKCE, device flow, refresh, revoke) -------------------

    def _oauth_error(self, error: str, description: str, status: int = 400) -> Response:
        return json_response({"error": error, "error_description": description}, status)

    def _issue(self, user_id: str, client_id: str, with_refresh: bool, refresh: str = "") -> Response:
        access = f"{ORG_ID[:15]}!AQ" + _secrets.token_urlsafe(48).replace("-", "_")
        self.scenario["tokens"][access] = user_id
        body = {"access_token": access, "signature": _secrets.token_urlsafe(16), "scope": "api refresh_token id",
                "instance_url": self.url, "id": f"{self.url}/id/{ORG_ID}/{user_id}", "token_type": "Bearer",
                "issued_at": str(int(clock.now().timestamp() * 1000))}
        if with_refresh:
            refresh = "5Aep861" + _secrets.token_urlsafe(48).replace("-", "_")
            self.scenario["oauth"]["refresh_tokens"][refresh] = {"user": user_id, "client_id": client_id,
                                                                 "access": [access]}
            body["refresh_token"] = refresh
        elif refresh:
            self.scenario["oauth"]["refresh_tokens"][refresh].setdefault("access", []).append(access)
        return json_response(body)

    @route("GET", "/services/oauth2/authorize")
    def authorize(self, request: Request) -> Response:
        """The browser step, answered as the browser would after the user logs in and allows (or denies) access."""
        oauth = self.scenario["oauth"]
        client_id, redirect = request.param("client_id"), request.param("redirect_uri")
        if client_id not in oauth["clients"] or not redirect or request.param("response_type") != "code":
            return html_response("<html><body><p>error=invalid_client_id&amp;error_description=client identifier "
                                 "invalid</p></body></html>", 400)
        state = request.param("state")
        if oauth.get("consent") == "deny":
            params = {"error": "access_denied", "error_description": "end-user denied authorization", "state": state}
        else:
            code = "aPrx" + _secrets.token_urlsafe(32)
            oauth["codes"][code] = {"user": oauth["browser_user"], "client_id": client_id, "redirect_uri": redirect,
                                    "challenge": request.param("code_challenge")}
            params = {"code": code, "state": state}
        return Response(302, b"", {"Location": redirect + ("&" if "?" in redirect else "?") + urlencode(params)},
                        "text/html")

    @route("POST", "/services/oauth2/token")
    def token(self, request: Request) -> Response:
        form = request.form()
        oauth = self.scenario["oauth"]
        client = oauth["clients"].get(form.get("client_id", ""))
        if client is None:
            return self._oauth_error("invalid_client_id", "client identifier invalid")
        if form.get("response_type") == "device_code":
            if not client.get("device_flow"):
                return self._oauth_error("invalid_request", "device flow not enabled for this app")
            device = _secrets.token_urlsafe(24)
            oauth["devices"][device] = {"client_id": form["client_id"], "polls": 0}
            return json_response({"device_code": device, "user_code": _secrets.token_hex(4).upper(),
                                  "verification_uri": f"{self.url}/setup/connect",
                                  "interval": oauth.get("device_interval", 5)})
        if client.get("require_secret") and form.get("client_secret") != client.get("secret"):
            return self._oauth_error("invalid_client", "invalid client credentials")
        grant = form.get("grant_type")
        if grant == "authorization_code":
            code = oauth["codes"].pop(form.get("code", ""), None)
            if not code or code["client_id"] != form["client_id"] or code["redirect_uri"] != form.get("redirect_uri"):
                return self._oauth_error("invalid_grant", "invalid authorization code")
            verifier = form.get("code_verifier", "").encode()
            if code["challenge"] and code["challenge"] != base64.urlsafe_b64encode(
                    hashlib.sha256(verifier).digest()).rstrip(b"=").decode():
                return self._oauth_error("invalid_grant", "invalid code verifier")
            return self._issue(code["user"], form["client_id"], True)
        if grant == "refresh_token":
            info = oauth["refresh_tokens"].get(form.get("refresh_token", ""))
            if not info or info["client_id"] != form["client_id"]:
                return self._oauth_error("invalid_grant", "expired access/refresh token")
            return self._issue(info["user"], form["client_id"], False, form["refresh_token"])
        if grant == "device":
            device = oauth["devices"].get(form.get("code", ""))
            if device is None:
                return self._oauth_error("invalid_grant", "expired authorization code")
            device["polls"] += 1
            if oauth.get("consent") == "deny":
                return self._oauth_error("access_denied", "end-user denied authorization")
            if device["polls"] <= oauth.get("device_pending_polls", 1):
                return self._oauth_error("authorization_pending", "authorization pending")
            del oauth["devices"][form["code"]]
            return self._issue(oauth["browser_user"], form["client_id"], True)
        return self._oauth_error("unsupported_grant_type", "grant type not supported")

    @route("POST", "/services/oauth2/revoke")
    def revoke(self, request: Request) -> Response:
        token = request.form().get("token", "")
        info = self.scenario["oauth"]["refresh_tokens"].pop(token, None)
        if info:  # revoking a refresh token ends the access tokens issued from it
            for access in info.get("access", []):
                self.scenario["tokens"].pop(access, None)
            return Response(200, b"", {}, "text/plain")
        if self.scenario["tokens"].pop(token, None):
            return Response(200, b"", {}, "text/plain")
        return self._oauth_error("unsupported_token_type", "this token type is not supported")


EMULATOR = SalesforceEmulator
