"""Emulator of Zendesk Support's REST API (/api/v2 on https://{subdomain}.zendesk.com).

From Zendesk's API reference and OpenAPI description: GET /api/v2/users/me (role,
role_type, custom_role_id, restricted_agent; anonymous callers get a user without
an id), GET /api/v2/custom_roles (allowed for agents, with ``configuration``).
Writes (what ``exadesk fix`` sends): Show User (GET /api/v2/users/{user_id}, agents) and Update User (PUT, same
path, ``{"user": {...}}``; 200 with the user): a user's role, custom role or suspension is changed by admins only,
others get 403; an unknown role or custom role is 422 RecordInvalid with ``details``; a user made an end user
loses its custom role and group memberships. Create Membership (POST /api/v2/group_memberships
``{"group_membership": {"user_id", "group_id"}}``; 201 with the membership) and Delete Membership (DELETE
/api/v2/group_memberships/{id}; 204): admins, and agents whose custom role has ``group_access``; an end user, a
missing group or a membership that exists already is 422 RecordInvalid.
OAuth: GET /oauth/authorizations/new (the browser step: a 302 to the redirect URL with code and state, or
error=access_denied), POST /oauth/tokens (JSON or form; authorization_code with code_verifier, refresh_token
with a new refresh token each time), DELETE /api/v2/oauth/tokens/current.json (revokes the token sent).
Authentication: Basic ``{email}/token:{api token}`` or ``Bearer {oauth token}``;
email + password is refused like a wrong token, with 401 ``{"error":"Couldn't
authenticate you"}``. A restricted agent gets 403 "You do not have access to this page".
"""

from __future__ import annotations

import base64
import hashlib
import secrets as _secrets
from typing import TypedDict
from urllib.parse import urlencode

from exadesk.sandbox.kit import DemoLogin, Emulator, Request, Response, Scenario, json_response, route

DEMO_EMAIL = "exalate-sync@acme.example"
DEMO_API_TOKEN = "Zd3m0ApiT0kenF0rExaDeskSandb0x0000000001"
DEMO_OAUTH = "zdoauth0demo0access0token0for0exadesk0sandbox0000000000000000001"
DEMO_CLIENT_ID = "exalate_sync"
ADMIN_EMAIL = "ada.admin@acme.example"
ADMIN_API_TOKEN = "Zd4dm1nApiT0kenF0rExaDeskSandb0x00000042"  # an admin's own token, made up
CONSOLE_GROUP = "exalate_console_admin"  # absent by default: an admin creates it

_FULL_ROLE = {
    "assign_tickets_to_any_group": True, "chat_access": False, "end_user_list_access": "full",
    "end_user_profile_access": "full", "explore_access": "none", "forum_access": "readonly",
    "forum_access_restricted_content": False, "group_access": False, "light_agent": False, "macro_access": "readonly",
    "manage_business_rules": False, "manage_contextual_workspaces": False, "manage_dynamic_content": False,
    "manage_extensions_and_channels": False, "manage_facebook": False, "manage_organization_fields": False,
    "manage_ticket_fields": False, "manage_ticket_forms": False, "manage_user_fields": False, "moderate_forums": False,
    "organization_editing": False, "organization_notes_editing": False, "report_access": "none",
    "side_conversation_create": False, "ticket_access": "all", "ticket_comment_access": "public",
    "ticket_deletion": False, "ticket_editing": True, "ticket_merge": False, "ticket_tag_editing": True,
    "twitter_search_access": False, "user_view_access": "readonly", "view_access": "readonly",
    "view_deleted_tickets": False, "voice_access": False, "voice_dashboard_access": False,
}


class ZendeskUser(TypedDict, total=False):
    name: str
    email: str
    role: str  # "end-user", "agent" or "admin"
    role_type: int | None  # 0 custom, 1 light agent, 2 chat agent, 4 admin, ...
    custom_role_id: int | None
    restricted_agent: bool
    suspended: bool
    denied: list[str]  # endpoints that answer 403 to this user ("custom_roles")
    groups: list[int]  # the groups the user is a member of


class ZendeskGroup(TypedDict, total=False):
    name: str
    deleted: bool
    is_public: bool


class ZendeskCustomRole(TypedDict, total=False):
    name: str
    role_type: int
    configuration: dict  # the role's permissions, as Zendesk sends them
    omit: list[str]  # configuration fields the reply leaves out


class ZendeskScenario(Scenario, total=False):
    """The Zendesk emulator's state."""

    token_access: bool  # API token access is turned on in the Admin Center
    api_tokens: dict[str, int]  # API token -> user id
    oauth_tokens: dict[str, int]  # OAuth access token -> user id
    oauth: dict  # clients, the browser step (consent, browser_user), codes, refresh tokens
    users: dict[str, ZendeskUser]  # id -> the user
    groups: dict[str, ZendeskGroup]  # id -> the group
    custom_roles: dict[str, ZendeskCustomRole]  # id -> the role
    per_page_max: int  # the largest page the list endpoints send
    #: id -> {"user_id", "group_id"}: the memberships Create Membership made (a user's ``groups`` lists them too)
    group_memberships: dict[str, dict]


def _record_not_found() -> Response:
    """Zendesk's 404 for a record id that does not exist (an unknown path is InvalidEndpoint instead)."""
    return json_response({"error": "RecordNotFound", "description": "Not found"}, 404)


class ZendeskEmulator(Emulator):
    """Scenario keys: ``users`` (id -> facts), ``api_tokens`` / ``oauth_tokens`` (token -> user id),
    ``token_access`` (the account's API token switch), ``custom_roles`` (id -> name, role_type, configuration),
    ``groups`` (id -> name, deleted, is_public; users list their group ids; a private group is listed only to
    admins and its members), ``per_page_max`` (List Groups' page size cap, 100), ``group_memberships`` (the
    memberships made through the API, by id)."""

    tracker = "zendesk"
    scenario_type = ZendeskScenario
    demo_secrets = {"api_token": DEMO_API_TOKEN}
    demo_login = DemoLogin(user=DEMO_EMAIL, scope=("Support",))

    def default_scenario(self) -> dict:
        return {
            "token_access": True,
            "api_tokens": {DEMO_API_TOKEN: 9001, ADMIN_API_TOKEN: 9002},
            "oauth_tokens": {DEMO_OAUTH: 9001},
            # OAuth clients (public: PKCE, no secret) and the browser step (who signs in; approve or deny).
            "oauth": {"clients": {DEMO_CLIENT_ID: {"kind": "public"}}, "consent": "approve", "browser_user": 9001,
                      "codes": {}, "refresh_tokens": {}},
            "users": {
                "9001": {"name": "Exalate Sync", "email": DEMO_EMAIL, "role": "agent", "role_type": 0,
                         "custom_role_id": 360001, "restricted_agent": False, "suspended": False,
                         "denied": [], "groups": [360100]},
                "9002": {"name": "Ada Admin", "email": ADMIN_EMAIL, "role": "admin", "role_type": 4,
                         "custom_role_id": None, "restricted_agent": False, "suspended": False, "denied": [],
                         "groups": [360100]},
            },
            "groups": {"360100": {"name": "Support", "deleted": False}, "360200": {"name": "Billing",
                                                                              "deleted": False}},
            "custom_roles": {"360001": {"name": "Exalate sync", "role_type": 0, "configuration": dict(_FULL_ROLE)}},
            "group_memberships": {},
        }

    def error(self, status: int, request: Request) -> Response:
        if status == 401:
            return json_response({"error": "Couldn't authenticate you"}, 401)
        if status == 403:
            return json_response({"error": "Forbidden", "description": "You do not have access to this page. Please "
                                  "contact the account owner of this help desk for further help."}, 403)
        if status == 404:
            return json_response({"error": "InvalidEndpoint", "description": "Not found"}, 404)
        if status == 429:
            return Response(429, "Too Many Requests", {}, "text/plain")
        return json_response({"error": {"title": "Internal Server Error",
                                        "message": "Something went wrong on our end."}}, status)

    def _caller(self, request: Request) -> tuple[str, dict] | None | bool:
        """The authenticated user; ``None`` for an anonymous caller; False for a rejected credential."""
        basic = request.basic()
        if basic:
            name, secret = basic
            email, token_suffix, _ = name.partition("/token")
            user_id = self.scenario["api_tokens"].get(secret) if token_suffix == "/token" else None
            if user_id is None or not self.scenario["token_access"]:
                return False  # includes email + password: Zendesk removed password sign-in for the API
        else:
            bearer = request.bearer()
            if bearer is None:
                return None
            user_id = self.scenario["oauth_tokens"].get(bearer)
            if user_id is None:
                return False
            email = None
        user = self.scenario["users"].get(str(user_id))
        if not user or (email is not None and email.lower() != user["email"].lower()):
            return False
        return str(user_id), user

    def _user_json(self, user_id: str | None, user: dict | None) -> dict:
        if user is None:
            return {"id": None, "url": None, "name": "Anonymous user", "email": "invalid@example.com",
                    "role": "end-user", "role_type": None, "custom_role_id": None, "active": True,
                    "verified": False, "restricted_agent": True, "suspended": False}
        return {"id": int(user_id), "url": f"{self.url}/api/v2/users/{user_id}.json", "name": user["name"],
                "email": user["email"], "role": user["role"], "role_type": user.get("role_type"),
                "custom_role_id": user.get("custom_role_id"), "active": True, "verified": True,
                "restricted_agent": bool(user.get("restricted_agent")), "suspended": bool(user.get("suspended")),
                "time_zone": "Amsterdam", "locale": "en-US", "created_at": "2025-02-03T10:00:00Z"}

    @route("GET", "/api/v2/users/me")
    def me(self, request: Request) -> Response:
        caller = self._caller(request)
        if caller is False:
            return self.error(401, request)
        user_id, user = caller if caller else (None, None)
        body = self._user_json(user_id, user)
        body["authenticity_token"] = "zd-csrf-0000"
        return json_response({"user": body})

    @route("GET", "/api/v2/custom_roles")
    def custom_roles(self, request: Request) -> Response:
        caller = self._caller(request)
        if not caller:
            return self.error(401, request)
        _, user = caller
        if user["role"] not in ("agent", "admin") or "custom_roles" in user.get("denied", []):
            return self.error(403, request)
        roles = [{"id": int(rid), "name": role["name"], "description": "", "role_type": role.get("role_type", 0),
                  "configuration": {k: v for k, v in role.get("configuration", {}).items()
                                    if k not in role.get("omit", [])},  # omit: a reply without a field
                  "team_member_count": 1,
                  "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"}
                 for rid, role in self.scenario["custom_roles"].items()]
        return json_response({"custom_roles": roles})


    def _group_json(self, gid) -> dict:
        group = self.scenario["groups"][str(gid)]
        return {"id": int(gid), "name": group["name"], "deleted": group["deleted"], "default": False,
                "is_public": group.get("is_public", True), "description": "",
                "url": f"{self.url}/api/v2/groups/{gid}.json",
                "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"}

    @route("GET", "/api/v2/groups")
    @route("GET", "/api/v2/groups.json")  # the path next_page and previous_page name
    def groups(self, request: Request) -> Response:
        """List Groups with offset pagination (page, per_page up to 100; next_page a URL or null)."""
        caller = self._caller(request)
        if not caller:
            return self.error(401, request)
        _, user = caller
        if user["role"] not in ("agent", "admin"):
            return self.error(403, request)
        mine = {str(g) for g in user.get("groups", [])}
        visible = [gid for gid, g in self.scenario["groups"].items()
                   if (user["role"] == "admin" or g.get("is_public", True) or gid in mine)
                   and not (g["deleted"] and request.param("exclude_deleted") == "true")]
        per_page = min(int(request.param("per_page", "100") or 100), self.scenario.get("per_page_max", 100))
        page = max(int(request.param("page", "1") or 1), 1)
        chunk = visible[(page - 1) * per_page: page * per_page]
        more = page * per_page < len(visible)
        next_page = f"{self.url}/api/v2/groups.json?page={page + 1}&per_page={per_page}" if more else None
        previous = f"{self.url}/api/v2/groups.json?page={page - 1}&per_page={per_page}" if page > 1 else None
        return json_response({"groups": [self._group_json(gid) for gid in chunk], "next_page": next_page,
                              "previous_page": previous, "count": len(visible)})

    @route("GET", "/api/v2/users/{user_id}/groups")
    def user_groups(self, request: Request, user_id: str) -> Response:
        found = self._staff_and_user(request, user_id)
        if isinstance(found, Response):
            return found
        _caller, member = found
        groups = [self._group_json(gid) for gid in member.get("groups", []) if str(gid) in self.scenario["groups"]]
        return json_response({"groups": groups, "next_page": None, "previous_page": None, "count": len(groups)})

    # -- users and group memberships (Show User, Update User, Create Membership, Delete Membership) ------------

    @staticmethod
    def _invalid(field: str, description: str, error: str = "InvalidValue") -> Response:
        """Zendesk's 422: ``{"error": "RecordInvalid", "description", "details": {field: [{description, error}]}}``."""
        return json_response({"error": "RecordInvalid", "description": "Record validation errors",
                              "details": {field: [{"description": description, "error": error}]}}, 422)

    def _staff(self, request: Request) -> tuple[str, dict] | Response:
        """The calling agent or admin, or the refusal (401 for no credential, 403 for an end user)."""
        caller = self._caller(request)
        if not caller:
            return self.error(401, request)
        if caller[1]["role"] not in ("agent", "admin"):
            return self.error(403, request)
        return caller

    def _staff_and_user(self, request: Request, user_id: str) -> tuple[dict, dict] | Response:
        """The calling agent or admin and the user asked about, or the refusal (as :meth:`_staff`; 404 for no such
        user)."""
        caller = self._staff(request)
        if isinstance(caller, Response):
            return caller
        user = self.scenario["users"].get(user_id)
        return _record_not_found() if user is None else (caller[1], user)

    def _refused_membership_change(self, request: Request) -> Response | None:
        """Why the caller may not add or remove a group membership (as :meth:`_staff`, 403 without group access)."""
        caller = self._staff(request)
        if isinstance(caller, Response):
            return caller
        return None if self._may_manage_memberships(caller[1]) else self.error(403, request)

    @route("GET", "/api/v2/users/{user_id}")
    def show_user(self, request: Request, user_id: str) -> Response:
        found = self._staff_and_user(request, user_id)
        if isinstance(found, Response):
            return found
        _caller, user = found
        return json_response({"user": self._user_json(user_id, user)})

    @route("PUT", "/api/v2/users/{user_id}")
    def update_user(self, request: Request, user_id: str) -> Response:
        found = self._staff_and_user(request, user_id)
        if isinstance(found, Response):
            return found
        caller, user = found
        body = request.json()
        changes = body.get("user") if isinstance(body, dict) and isinstance(body.get("user"), dict) else None
        if changes is None:
            return json_response({"error": "InvalidEndpoint", "description": "user parameter is missing"}, 400)
        if caller["role"] != "admin" and {"role", "custom_role_id", "suspended"} & set(changes):
            return self.error(403, request)  # only admins change an agent's role, custom role or suspension
        refused = self._update(user, changes)
        return refused or json_response({"user": self._user_json(user_id, user)})

    def _update(self, user: dict, changes: dict) -> Response | None:
        if "role" in changes and changes["role"] not in ("end-user", "agent", "admin"):
            return self._invalid("role", f"Role: {changes['role']} is not a valid role")
        role_id = changes.get("custom_role_id")
        role = self.scenario["custom_roles"].get(str(role_id)) if role_id is not None else None
        if "custom_role_id" in changes and role_id is not None and role is None:
            return self._invalid("custom_role_id", "Custom role is invalid")
        if "role" in changes:
            user["role"] = changes["role"]
            user["role_type"] = 4 if user["role"] == "admin" else None
            if user["role"] == "end-user":  # an end user has no agent role and belongs to no group
                user["custom_role_id"], user["groups"] = None, []
                memberships = self.scenario.setdefault("group_memberships", {})
                for mid in [m for m, v in memberships.items() if str(v["user_id"]) == self._id_of(user)]:
                    del memberships[mid]
        if "custom_role_id" in changes:
            user["custom_role_id"] = role_id
            user["role_type"] = role.get("role_type", 0) if role is not None else None
        if "suspended" in changes:
            user["suspended"] = changes["suspended"] is True
        return None

    def _id_of(self, user: dict) -> str:
        return next((uid for uid, u in self.scenario["users"].items() if u is user), "")

    def _membership_json(self, mid: str, membership: dict) -> dict:
        return {"id": int(mid), "user_id": int(membership["user_id"]), "group_id": int(membership["group_id"]),
                "default": False, "url": f"{self.url}/api/v2/group_memberships/{mid}.json",
                "created_at": "2026-03-02T10:00:00Z", "updated_at": "2026-03-02T10:00:00Z"}

    def _may_manage_memberships(self, user: dict) -> bool:
        """Admins, and agents with a custom role that may manage groups (Enterprise)."""
        if user["role"] == "admin":
            return True
        role = self.scenario["custom_roles"].get(str(user.get("custom_role_id")))
        return bool(role and role.get("configuration", {}).get("group_access"))

    @route("POST", "/api/v2/group_memberships")
    def create_membership(self, request: Request) -> Response:
        refused = self._refused_membership_change(request)
        if refused is not None:
            return refused
        body = request.json()
        wanted = body.get("group_membership") if isinstance(body, dict) else None
        wanted = wanted if isinstance(wanted, dict) else {}
        user_id, group_id = str(wanted.get("user_id", "")), str(wanted.get("group_id", ""))
        user, group = self.scenario["users"].get(user_id), self.scenario["groups"].get(group_id)
        if user is None or user["role"] not in ("agent", "admin"):
            return self._invalid("user_id", "User must be an agent")
        if group is None or group.get("deleted"):
            return self._invalid("group_id", "Group is invalid")
        if int(group_id) in [int(g) for g in user.get("groups", [])]:
            return self._invalid("user_id", "User is already a member of this group", "DuplicateValue")
        memberships = self.scenario.setdefault("group_memberships", {})
        mid = str(max([int(m) for m in memberships] + [4600000]) + 1)
        memberships[mid] = {"user_id": int(user_id), "group_id": int(group_id)}
        user.setdefault("groups", []).append(int(group_id))
        return json_response({"group_membership": self._membership_json(mid, memberships[mid])}, 201)

    @route("DELETE", "/api/v2/group_memberships/{membership_id}")
    def delete_membership(self, request: Request, membership_id: str) -> Response:
        refused = self._refused_membership_change(request)
        if refused is not None:
            return refused
        membership = self.scenario.setdefault("group_memberships", {}).pop(membership_id, None)
        if membership is None:
            return _record_not_found()
        user = self.scenario["users"].get(str(membership["user_id"]))
        if user is not None:
            user["groups"] = [g for g in user.get("groups", []) if int(g) != int(membership["group_id"])]
        return Response(204, b"", {}, "application/json")

    # -- OAuth 2.0 (authorization code with PKCE, refresh with rotation, revocation) ----------------

    def _oauth_error(self, error: str, description: str, status: int = 400) -> Response:
        return json_response({"error": error, "error_description": description}, status)

    def _issue(self, user_id, client_id: str) -> Response:
        oauth = self.scenario["oauth"]
        access, refresh = "zdat" + _secrets.token_hex(32), "zdrt" + _secrets.token_hex(32)
        self.scenario["oauth_tokens"][access] = user_id
        oauth["refresh_tokens"][refresh] = {"user": user_id, "client_id": client_id, "access": access}
        return json_response({"access_token": access, "token_type": "bearer", "scope": "read",
                              "refresh_token": refresh, "expires_in": oauth.get("expires_in", 3600),
                              "refresh_token_expires_in": oauth.get("refresh_token_expires_in", 2592000)})

    @route("GET", "/oauth/authorizations/new")
    def authorize(self, request: Request) -> Response:
        """The browser step, answered as the browser would after the user signs in and allows (or denies) access."""
        oauth = self.scenario["oauth"]
        client_id, redirect = request.param("client_id"), request.param("redirect_uri")
        client = oauth["clients"].get(client_id)
        if client is None or not redirect or request.param("response_type") != "code":
            return Response(400, "<html><body>Invalid authorization request</body></html>", {}, "text/html")
        if client.get("kind") == "public" and request.param("code_challenge_method") != "S256":
            return Response(400, "<html><body>Public clients must use PKCE</body></html>", {}, "text/html")
        state = request.param("state")
        if oauth.get("consent") == "deny":
            params = {"error": "access_denied", "error_description": "The end-user or authorization server denied "
                                                                     "the request.", "state": state}
        else:
            code = _secrets.token_hex(20)
            oauth["codes"][code] = {"user": oauth["browser_user"], "client_id": client_id, "redirect_uri": redirect,
                                    "challenge": request.param("code_challenge")}
            params = {"code": code, "state": state}
        return Response(302, b"", {"Location": redirect + ("&" if "?" in redirect else "?") + urlencode(params)},
                        "text/html")

    @route("POST", "/oauth/tokens")
    def tokens(self, request: Request) -> Response:
        form = request.json() if "json" in request.headers.get("content-type", "") else request.form()
        form = form if isinstance(form, dict) else {}
        oauth = self.scenario["oauth"]
        client = oauth["clients"].get(str(form.get("client_id", "")))
        if client is None:
            return self._oauth_error("invalid_client", "Client authentication failed.", 401)
        if client.get("kind") == "confidential" and form.get("client_secret") != client.get("secret") \
                and not form.get("code_verifier"):
            return self._oauth_error("invalid_client", "Client authentication failed.", 401)
        grant = form.get("grant_type")
        if grant == "authorization_code":
            code = oauth["codes"].pop(str(form.get("code", "")), None)
            if not code or code["client_id"] != form["client_id"] or code["redirect_uri"] != form.get("redirect_uri"):
                return self._oauth_error("invalid_grant", "The provided authorization grant is invalid, expired, "
                                                          "revoked, or does not match the redirection URI.")
            verifier = str(form.get("code_verifier", "")).encode()
            if code["challenge"] and code["challenge"] != base64.urlsafe_b64encode(
                    hashlib.sha256(verifier).digest()).rstrip(b"=").decode():
                return self._oauth_error("invalid_grant", "The code verifier does not match the code challenge.")
            return self._issue(code["user"], form["client_id"])
        if grant == "refresh_token":
            info = oauth["refresh_tokens"].pop(str(form.get("refresh_token", "")), None)  # single use: rotated
            if not info or info["client_id"] != form["client_id"]:
                return self._oauth_error("invalid_grant", "The provided authorization grant is invalid, expired, "
                                                          "or revoked.")
            self.scenario["oauth_tokens"].pop(info["access"], None)
            return self._issue(info["user"], form["client_id"])
        return self._oauth_error("unsupported_grant_type", "The authorization grant type is not supported.")

    @route("DELETE", "/api/v2/oauth/tokens/current.json")
    def revoke_current(self, request: Request) -> Response:
        token = request.bearer() or ""
        if self.scenario["oauth_tokens"].pop(token, None) is None:
            return self.error(401, request)
        oauth = self.scenario["oauth"]
        for refresh, info in list(oauth["refresh_tokens"].items()):
            if info.get("access") == token:
                del oauth["refresh_tokens"][refresh]
        return Response(204, b"", {}, "application/json")


EMULATOR = ZendeskEmulator
