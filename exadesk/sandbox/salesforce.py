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
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets as _secrets
from typing import TypedDict
from urllib.parse import urlencode

from exadesk import clock
from exadesk.sandbox.kit import (DemoLogin, Emulator, Request, Response, Scenario, html_response, json_response,
                                 route)

ORG_ID = "00D5g000004Sbx1EAC"
USER_ID = "0055g00000ExaDsAAB"
DEMO_TOKEN = "00D5g000004Sbx1!AQ4AQDemoAccessTokenForExaDeskSandboxOnly.0123456789_abcdefghij"
ADMIN_ID = "0055g00000AdmInAAB"
ADMIN_TOKEN = "00D5g000004Sbx1!AQ4AQAdminAccessTokenForExaDeskSandboxOnly.9876543210_zyxwvutsrq"  # made up
CONSOLE_GROUP = "exalate_console_admin"  # absent by default: a System Administrator creates it
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
    PermissionsModifyAllData: bool
    PermissionsCustomizeApplication: bool
    PermissionsApiEnabled: bool
    assignees: list[str]  # user ids


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


class SalesforceEmulator(Emulator):
    """Scenario keys: ``tokens`` (token -> user id), ``expired`` (tokens past the session timeout),
    ``users`` (id -> facts and profile), ``org`` (api_enabled, limits, requests_used_up: the 24-hour limit is
    spent, so every data call answers 403 REQUEST_LIMIT_EXCEEDED), ``objects`` (name -> describe flags),
    ``userinfo_scope`` (False: userinfo refuses the token, as for a token without OpenID scopes),
    ``permission_sets`` (name -> permissions and assignee ids), ``groups`` (DeveloperName -> id, type, member ids)."""

    tracker = "salesforce"
    scenario_type = SalesforceScenario
    demo_secrets = {"access_token": DEMO_TOKEN}
    demo_login = DemoLogin(scope=("Case",))

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
                                "profile": {"Name": "Exalate Integration", "PermissionsApiEnabled": True,
                                            "PermissionsModifyAllData": False},
                                "api_via_permission_set": False},
                      ADMIN_ID: {"username": "ada.admin@acme.example.com", "name": "Ada Admin",
                                 "email": "ada.admin@acme.example.com", "user_type": "Standard",
                                 "profile": {"Name": "System Administrator", "PermissionsApiEnabled": True,
                                             "PermissionsModifyAllData": True,
                                             "PermissionsCustomizeApplication": True},
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
        _, user = found
        if not (user["profile"].get("PermissionsApiEnabled") or user.get("api_via_permission_set")):
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
                              (_GROUP_MEMBERS, self._group_members)):
            found = re.fullmatch(shape, soql.strip())
            if found:
                records = answer(found, version)
                return json_response({"totalSize": len(records), "done": True, "records": records})
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
        objects = [{k: v for k, v in {**_describe(name), **desc, "name": name,
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
        body = {**_describe(name), **desc, "name": name, "fields": []}
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
