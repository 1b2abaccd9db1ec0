"""Emulator of Asana's REST API (served under /api/1.0, as at https://app.asana.com/api/1.0).

From Asana's API reference and OpenAPI description: GET /users/{user_gid} (``me``) with
``workspaces``, GET /workspaces, GET /users/{user_gid}/workspace_memberships
(is_active, is_admin, is_guest); every reply wrapped in ``{"data": ...}``; errors as
``{"errors": [{"message", "help"}]}``. A workspace admin can block personal access
tokens: the workspace then no longer appears in /workspaces for that token.
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
    members: dict[str, AsanaMembership]  # user gid -> the membership


class AsanaScenario(Scenario, total=False):
    """The Asana emulator's state."""

    tokens: dict[str, str]  # personal access token -> user gid
    users: dict[str, AsanaUser]  # gid -> the user
    workspaces: dict[str, AsanaWorkspace]  # gid -> the workspace


class AsanaEmulator(Emulator):
    """Scenario keys: ``tokens`` (token -> user gid), ``users``, ``workspaces`` (gid -> name, pat_blocked, and
    ``members``: user gid -> membership facts, ``None`` for not a member)."""

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
        data = []
        for wid, ws in self._workspaces(gid, True):
            facts = ws["members"][gid]
            item = {"gid": f"{wid}{gid[-4:]}", "resource_type": "workspace_membership",
                    "user": {"gid": gid, "resource_type": "user", "name": info["name"]},
                    "workspace": self._compact(wid, ws)}
            for name in ("is_active", "is_admin", "is_guest"):
                if name in fields:
                    item[name] = bool(facts.get(name))
            data.append(item)
        return json_response({"data": data, "next_page": None})


EMULATOR = AsanaEmulator
