"""Emulator of Asana's REST API (served under /api/1.0, as at https://app.asana.com/api/1.0).

From Asana's API reference and OpenAPI description: GET /users/{user_gid} (``me``) with
``workspaces``, GET /workspaces, GET /users/{user_gid}/workspace_memberships
(is_active, is_admin, is_guest); every reply wrapped in ``{"data": ...}``; errors as
``{"errors": [{"message", "help"}]}``. A workspace admin can block personal access
tokens: the workspace then no longer appears in /workspaces for that token.
Writes: POST /workspaces/{workspace_gid}/addUser and /removeUser with ``{"data": {"user": gid | email | "me"}}``
(200: the user record, or an empty data record for removeUser). Asana's reference says the caller of removeUser must
be a workspace admin; adding takes a full member, and an admin where the workspace lets only admins invite
(``invites_admins_only``). Others get 403 Forbidden. GET /workspaces/{workspace_gid}/workspace_memberships?user=
reads one user's membership.
"""

from __future__ import annotations

from typing import TypedDict

from exadesk.sandbox.kit import DemoLogin, Emulator, Request, Response, Scenario, json_response, route

HELP = "For more information on API status codes and how to handle them, read the docs on errors: " \
       "https://developers.asana.com/docs/errors"
DEMO_TOKEN = "2/1204000000000001/1204000000000099:5e1f0c0ffee0ddba11c0de0a5a0a5a01"

_MESSAGES = {401: "Not Authorized", 402: "This feature is only available to premium users.",
             403: "Forbidden", 404: "Unknown object: me", 429: "You have made too many requests recently.",
             500: "Server Error"}


class AsanaUser(TypedDict, total=False):
    name: str
    email: str


class AsanaMembership(TypedDict, total=False):
    is_admin: bool
    is_guest: bool
    is_active: bool


class AsanaWorkspace(TypedDict, total=False):
    name: str
    is_organization: bool
    pat_blocked: bool  # the organisation does not accept personal access tokens
    invites_admins_only: bool  # only workspace admins may add members
    members: dict[str, AsanaMembership]  # user gid -> the membership


class AsanaScenario(Scenario, total=False):
    """The Asana emulator's state."""

    tokens: dict[str, str]  # personal access token -> user gid
    users: dict[str, AsanaUser]  # gid -> the user
    workspaces: dict[str, AsanaWorkspace]  # gid -> the workspace


class AsanaEmulator(Emulator):
    """Scenario keys: ``tokens`` (token -> user gid), ``users``, ``workspaces`` (gid -> name, pat_blocked,
    invites_admins_only, and ``members``: user gid -> membership facts, ``None`` for not a member)."""

    tracker = "asana"
    scenario_type = AsanaScenario
    demo_secrets = {"token": DEMO_TOKEN}
    demo_login = DemoLogin(scope=("Acme Corp",))

    def default_scenario(self) -> dict:
        return {
            "tokens": {DEMO_TOKEN: "1204000000000001"},
            "users": {"1204000000000001": {"name": "Exalate Sync", "email": "exalate-sync@acme.example"}},
            "workspaces": {
                "1204000000000500": {"name": "Acme Corp", "is_organization": True, "pat_blocked": False,
                                     "members": {"1204000000000001": {"is_admin": False, "is_guest": False,
                                                                     "is_active": True}}},
                "1204000000000600": {"name": "Acme Labs", "is_organization": False, "pat_blocked": False,
                                     "members": {"1204000000000001": {"is_admin": False, "is_guest": False,
                                                                     "is_active": True}}},
            },
        }

    def error(self, status: int, request: Request) -> Response:
        body = {"message": _MESSAGES.get(status, "Error"), "help": HELP}
        if status >= 500:
            body["phrase"] = "6 sad squid snuggle softly"
        return json_response({"errors": [body]}, status)

    def _user(self, request: Request) -> tuple[str, dict] | None:
        gid = self.scenario["tokens"].get(request.bearer() or "")
        user = self.scenario["users"].get(gid or "")
        return (gid, user) if user else None

    def _workspaces(self, gid: str, via_token: bool) -> list[tuple[str, dict]]:
        """Workspaces the user belongs to; with ``via_token`` only those whose admin lets tokens in."""
        return [(wid, ws) for wid, ws in self.scenario["workspaces"].items()
                if ws.get("members", {}).get(gid) is not None and not (via_token and ws.get("pat_blocked"))]

    @staticmethod
    def _compact(wid: str, ws: dict) -> dict:
        return {"gid": wid, "resource_type": "workspace", "name": ws["name"]}

    @route("GET", "/api/1.0/users/{user_gid}")
    def user(self, request: Request, user_gid: str) -> Response:
        found = self._user(request)
        if not found:
            return self.error(401, request)
        gid, info = found
        if user_gid not in ("me", gid):
            return self.error(404, request)
        body = {"gid": gid, "resource_type": "user", "name": info["name"], "email": info["email"],
                "photo": None, "workspaces": [self._compact(w, ws) for w, ws in self._workspaces(gid, False)]}
        return json_response({"data": body})

    @route("GET", "/api/1.0/workspaces")
    def workspaces(self, request: Request) -> Response:
        found = self._user(request)
        if not found:
            return self.error(401, request)
        gid, _ = found
        return json_response({"data": [self._compact(w, ws) for w, ws in self._workspaces(gid, True)],
                              "next_page": None})

    @route("GET", "/api/1.0/users/{user_gid}/workspace_memberships")
    def memberships(self, request: Request, user_gid: str) -> Response:
        found = self._user(request)
        if not found:
            return self.error(401, request)
        gid, info = found
        if user_gid not in ("me", gid):
            return self.error(404, request)
        fields = set(request.param("opt_fields").split(","))
        return json_response({"data": [self._membership_item(wid, ws, gid, fields)
                                       for wid, ws in self._workspaces(gid, True)], "next_page": None})

    def _membership_item(self, wid: str, ws: dict, gid: str, fields: set[str]) -> dict:
        """A workspace membership record, with the optional fields asked for."""
        facts = ws["members"][gid]
        return {"gid": f"{wid}{gid[-4:]}", "resource_type": "workspace_membership",
                "user": {"gid": gid, "resource_type": "user", "name": self.scenario["users"][gid]["name"]},
                "workspace": self._compact(wid, ws),
                **{name: bool(facts.get(name)) for name in ("is_active", "is_admin", "is_guest") if name in fields}}

    # -- workspace membership (addUser / removeUser) ----------------------------------------------

    def _in_workspace(self, request: Request, workspace_gid: str) -> tuple[str, dict, dict] | Response:
        """(the caller's gid, the workspace, the caller's membership), or the refusal: a workspace the token may not
        use is unknown to it."""
        found = self._user(request)
        if not found:
            return self.error(401, request)
        caller, _ = found
        workspace = self.scenario["workspaces"].get(workspace_gid)
        mine = workspace.get("members", {}).get(caller) if workspace else None
        if workspace is None or mine is None or workspace.get("pat_blocked"):
            return self.error(404, request)
        return caller, workspace, mine

    def _named_user(self, request: Request, caller: str) -> str | None:
        body = request.json()
        wanted = str(((body or {}).get("data") or {}).get("user") or "") if isinstance(body, dict) else ""
        if wanted == "me":
            return caller
        return next((gid for gid, u in self.scenario["users"].items() if wanted in (gid, u["email"])), None)

    def _membership_write(self, request: Request, workspace_gid: str, add: bool) -> Response:
        found = self._in_workspace(request, workspace_gid)
        if isinstance(found, Response):
            return found
        caller, workspace, mine = found
        allowed = mine.get("is_admin") if not add or workspace.get("invites_admins_only") else not mine.get("is_guest")
        if not allowed:
            return self.error(403, request)
        user = self._named_user(request, caller)
        if user is None:
            return json_response({"errors": [{"message": "user: Not a recognized ID or email address", "help": HELP}]},
                                 400)
        members = workspace.setdefault("members", {})
        if not add:
            members.pop(user, None)
            return json_response({"data": {}})
        if members.get(user) is None:  # None: listed, not a member
            members[user] = {"is_admin": False, "is_guest": False, "is_active": True}
        info = self.scenario["users"][user]
        return json_response({"data": {"gid": user, "resource_type": "user", "name": info["name"],
                                       "email": info["email"], "photo": None}})

    @route("POST", "/api/1.0/workspaces/{workspace_gid}/addUser")
    def add_user(self, request: Request, workspace_gid: str) -> Response:
        return self._membership_write(request, workspace_gid, True)

    @route("POST", "/api/1.0/workspaces/{workspace_gid}/removeUser")
    def remove_user(self, request: Request, workspace_gid: str) -> Response:
        return self._membership_write(request, workspace_gid, False)

    @route("GET", "/api/1.0/workspaces/{workspace_gid}/workspace_memberships")
    def workspace_memberships(self, request: Request, workspace_gid: str) -> Response:
        found = self._in_workspace(request, workspace_gid)
        if isinstance(found, Response):
            return found
        _, workspace, _ = found
        wanted, fields = request.param("user"), set(request.param("opt_fields").split(","))
        return json_response({"data": [self._membership_item(workspace_gid, workspace, gid, fields)
                                       for gid, facts in workspace.get("members", {}).items()
                                       if facts is not None and wanted in ("", gid)], "next_page": None})

EMULATOR = AsanaEmulator
