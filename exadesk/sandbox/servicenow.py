"""Emulator of a ServiceNow instance's REST API: Table API, Aggregate API and the OAuth token endpoint.

From ServiceNow's documentation: POST /api/now/v1/batch (the Batch API: several REST calls in one), GET
/api/now/table/{table} with sysparm_query (encoded query,
``field=value`` joined by ``^``, dot-walked reference fields such as ``role.name``), sysparm_fields and
sysparm_limit, replies ``{"result": [...]}``; GET /api/now/stats/{table}?sysparm_count=true replies
``{"result": {"stats": {"count": "N"}}}``; errors ``{"error": {"message", "detail"}, "status": "failure"}``
(401 "User Not Authenticated" / "Required to provide Auth information"); POST /oauth_token.do with the
password, authorization_code (PKCE) and refresh_token grants (access token 1,800 s, refresh token 8,640,000 s
by default); GET /oauth_auth.do (the browser step: a 302 to the redirect URL with code and state, or
error=access_denied); POST /oauth_revoke_token.do (token=...).
Two kinds of ACL, as the Table API security documentation describes (KB2971488): a table-level ACL the
caller does not pass (a table guarded by an elevated role such as sys_security_acl for security_admin,
often v_plugin and oauth_entity/oauth_credential) answers 403 {"error": {"message": "User Not Authorized",
"detail": ...}, "status": "failure"}; row-level ACLs filter rows instead, so such a table answers an empty 200.
Dates in the Table API are "YYYY-MM-DD HH:MM:SS" (UTC).
"""

from __future__ import annotations

import base64
import hashlib
import secrets as _secrets
from datetime import timedelta
from typing import TypedDict
from urllib.parse import parse_qs, urlencode, urlsplit

from exadesk.foundation import clock
from exadesk.sandbox.kit import (DemoLogin, Emulator, Request, Response, Scenario, html_response, json_response,
                                 route)

DEMO_PASSWORD = "Sbx-ServiceNow-Demo-Pw-7319"
DEMO_CLIENT_ID = "5e1f0c9b2a7d4e3f8a6b1c0d9e8f7a65"
DEMO_CLIENT_SECRET = "Sbx-OAuth-Secret-44f1"
DEMO_REFRESH = "sbxRefreshTokenDemoOnlyQ2xpZW50UmVmcmVzaDAwMDE"
PROXY_ID = "6816f79cc0a8016401c5a33be04be441"
ROLE = "x_exalate_integration"
DELEGATE_PASSWORD = "Sbx-Delegate-Pw-8802"  # a delegated administrator's own password, made up
CONSOLE_GROUP = "exalate_console_admin"  # absent by default: an administrator creates it
#: Tables whose table-level ACL asks for an elevated role on every instance (admin passes all).
ELEVATED_TABLES = {"sys_security_acl": ["security_admin"], "sys_security_acl_role": ["security_admin"]}

#: Reference fields the emulator can dot-walk (table, field) -> referenced table.
REFERENCES = {
    ("sys_user_has_role", "user"): "sys_user",
    ("sys_user_has_role", "role"): "sys_user_role",
    ("sys_security_acl_role", "sys_security_acl"): "sys_security_acl",
    ("sys_security_acl_role", "sys_user_role"): "sys_user_role",
    ("oauth_credential", "user"): "sys_user",
    ("oauth_credential", "peer"): "oauth_entity",
    ("sys_user_grmember", "user"): "sys_user",
    ("sys_user_grmember", "group"): "sys_user_group",
}

HIBERNATING_PAGE = (
    "<!DOCTYPE html><html><head><title>Instance Hibernating page</title></head><body>"
    "<h1>Your instance is hibernating</h1><p>Developer instances hibernate when not in use. Sign in to the "
    "developer portal to wake it up.</p></body></html>")


def _s256(verifier: str) -> str:
    """The PKCE S256 transform (RFC 7636), to check a code_verifier against the stored challenge."""
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def _redirect(redirect_uri: str, **params: str) -> Response:
    sep = "&" if "?" in redirect_uri else "?"
    return Response(302, b"", {"Location": redirect_uri + sep + urlencode(params)}, "text/html")


def _stamp(days: float) -> str:
    return (clock.now() + timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")


# -- the system tables, built from the scenario's users, groups, plugins, ACLs and OAuth clients ------------------


def _flag(value) -> str:
    """ServiceNow's Table API sends booleans as the strings "true" and "false"."""
    return str(bool(value)).lower()


def _sys_user(s: dict) -> list[dict]:
    return [{"sys_id": u.get("sys_id", ""), "user_name": name, "name": u.get("name", name),
             "email": u.get("email", ""), "active": str(u.get("active", True)).lower(),
             "web_service_access_only": _flag(u.get("web_service_access_only")),
             "locked_out": _flag(u.get("locked_out"))}
            for name, u in s["users"].items()]


def _sys_user_role(s: dict) -> list[dict]:
    names = {r for u in s["users"].values() for r in u.get("roles", [])}
    names |= {r for acl in s["write_acls"].values() for a in acl for r in a["roles"]}
    names |= set(s.get("role_catalogue", ()))
    return [{"sys_id": f"role-{n}", "name": n} for n in sorted(names)]


def _sys_user_has_role(s: dict) -> list[dict]:
    return [{"sys_id": f"uhr-{name}-{r}", "user": u.get("sys_id", ""), "role": f"role-{r}",
             "state": "active", "inherited": "false"}
            for name, u in s["users"].items() for r in u.get("roles", [])]


def _sys_user_group(s: dict) -> list[dict]:
    return [{"sys_id": g.get("sys_id") or f"group-{name}", "name": name,
             "active": str(g.get("active", True)).lower()} for name, g in s["groups"].items()]


def _sys_user_grmember(s: dict) -> list[dict]:
    users = s["users"]
    return [{"sys_id": f"grm-{name}-{member}", "group": g.get("sys_id") or f"group-{name}",
             "user": users.get(member, {}).get("sys_id", "")}
            for name, g in s["groups"].items() for member in g.get("members", [])]


def _v_plugin(s: dict) -> list[dict]:
    return [{"sys_id": f"plugin-{pid}", "id": pid, "name": p["name"], "active": p["active"]}
            for pid, p in s["plugins"].items() if p]


def _sys_security_acl(s: dict) -> list[dict]:
    return [{"sys_id": a["sys_id"], "name": t, "operation": "write", "type": "record", "active": "true"}
            for t, acls in s["write_acls"].items() for a in acls]


def _sys_security_acl_role(s: dict) -> list[dict]:
    return [{"sys_id": f"aclr-{a['sys_id']}-{r}", "sys_security_acl": a["sys_id"], "sys_user_role": f"role-{r}"}
            for acls in s["write_acls"].values() for a in acls for r in a["roles"]]


def _oauth_entity(s: dict) -> list[dict]:
    return [{"sys_id": f"entity-{cid}", "client_id": cid, "name": c["name"],
             "refresh_token_lifespan": str(c["refresh_token_lifespan"]),
             "access_token_lifespan": str(c["access_token_lifespan"])}
            for cid, c in s["oauth"]["clients"].items()]


def _oauth_credential(s: dict) -> list[dict]:
    users = s["users"]
    return [{"sys_id": f"cred-{i}", "type": "refresh_token", "user": users.get(t["user"], {}).get("sys_id", ""),
             "peer": f"entity-{t['client_id']}", "expires": _stamp(t.get("expires_in_days", 0))}
            for i, t in enumerate(s["oauth"]["refresh_tokens"].values())]


#: Tables whose records the emulator derives from the scenario; any other table reads ``scenario["tables"]``.
_SYSTEM_TABLE_ROWS = {
    "sys_user": _sys_user, "sys_user_role": _sys_user_role, "sys_user_has_role": _sys_user_has_role,
    "sys_user_group": _sys_user_group, "sys_user_grmember": _sys_user_grmember, "v_plugin": _v_plugin,
    "sys_security_acl": _sys_security_acl, "sys_security_acl_role": _sys_security_acl_role,
    "oauth_entity": _oauth_entity, "oauth_credential": _oauth_credential,
}


class ServiceNowUser(TypedDict, total=False):
    sys_id: str
    name: str
    email: str
    password: str
    active: bool
    locked_out: bool
    password_needs_reset: bool
    sso_only: bool  # signs in only through single sign-on: no password works
    web_service_access_only: bool
    roles: list[str]


class ServiceNowGroup(TypedDict, total=False):
    sys_id: str
    members: list[str]  # user names
    active: bool


class ServiceNowScenario(Scenario, total=False):
    """The ServiceNow emulator's state."""

    users: dict[str, ServiceNowUser]  # user name -> the user
    groups: dict[str, ServiceNowGroup]  # name -> the group
    plugins: dict[str, dict]  # plugin id -> name, active
    tables: dict[str, list[dict]]  # any other table -> its records
    acls: dict[str, dict]  # table -> the roles that may read (and write) it; [] for any signed-in user
    table_acls: dict[str, list[str]]  # table -> the roles without which the whole table answers 403
    write_acls: dict[str, list[dict]]  # table -> its sys_security_acl records (sys_id, roles)
    refuse: list[str]  # tables that answer 403 to everyone
    oauth: dict  # clients, refresh tokens, the browser step (consent, browser_user), codes
    basic_auth_restricted: bool  # Basic authentication needs snc_basic_auth_api_access
    hibernating: bool  # a developer instance asleep: every request gets the hibernation page
    role_catalogue: list[str]  # roles that exist though nobody in users holds them
    _access_tokens: dict[str, dict]  # the emulator's own record of the access tokens it issued


class ServiceNowEmulator(Emulator):
    """Scenario keys: ``users`` (user name -> password, roles, flags), ``roles``, ``plugins``, ``tables``
    (records), ``groups`` (name -> members, active), ``acls`` (row-level: table -> {read/write: roles; [] =
    anyone}; rows the caller may not read are left out), ``table_acls`` (table-level: table -> roles that may
    use it at all; others get 403 User Not Authorized), ``refuse`` (tables answering 403 to everyone),
    ``role_catalogue`` (roles that exist though nobody holds them),
    ``oauth`` (clients, refresh tokens), ``basic_auth_restricted``, ``hibernating``."""

    tracker = "servicenow"
    scenario_type = ServiceNowScenario
    demo_secrets = {"password": DEMO_PASSWORD}
    demo_login = DemoLogin(user="exalate.proxy")

    def default_scenario(self) -> dict:
        return {
            "users": {
                "exalate.proxy": {"sys_id": PROXY_ID, "name": "Exalate Proxy", "email": "exalate.proxy@example.com",
                                  "password": DEMO_PASSWORD, "active": True, "web_service_access_only": True,
                                  "roles": ["itil", "snc_platform_rest_api_access", "import_set_loader",
                                            "import_transformer", ROLE]},
                "admin": {"sys_id": "6816f79cc0a8016401c5a33be04be442", "name": "System Administrator",
                          "password": "Sbx-Admin-Pw-5521", "roles": ["admin"], "web_service_access_only": False},
                "dana.delegate": {"sys_id": "7a1c3e5f9b2d4f6a8c0e1a3b5d7f9c21", "name": "Dana Delegate",
                                  "password": DELEGATE_PASSWORD, "roles": ["itil"], "web_service_access_only": False},
            },
            "groups": {"Service Desk": {"sys_id": "d625dccec0a8016700a222a0f7900d06",
                                        "members": ["dana.delegate", "exalate.proxy"], "active": True}},
            "plugins": {"com.glide.role_management.inh_count": {"name": "Contextual Security: Role Management V2",
                                                                "active": "active"},
                        "com.glide.role_management.inh_count.rest_api": {
                            "name": "Contextual Security: Role Management V2 REST API", "active": "active"}},
            "tables": {
                "incident": [{"sys_id": "9d385017c611228701d22104cc95c371", "number": "INC0000001"}],
                "sys_journal_field": [{"sys_id": "a1b2c3d4e5f60718293a4b5c6d7e8f90", "element": "comments"}],
                "sys_attachment": [{"sys_id": "b1b2c3d4e5f60718293a4b5c6d7e8f90", "file_name": "log.txt"}],
            },
            "acls": {
                "incident": {"read": ["itil"], "write": ["itil"]},
                "sys_journal_field": {"read": ["itil"]},
                "sys_attachment": {"read": ["itil"]},
                "sys_user": {"read": []},
                "sys_user_has_role": {"read": []},
                "sys_user_group": {"read": []},
                "sys_user_grmember": {"read": []},
                "v_plugin": {"read": [ROLE]},
                "oauth_credential": {"read": [ROLE]},
                "oauth_entity": {"read": [ROLE]},
            },
            "table_acls": dict(ELEVATED_TABLES),
            "write_acls": {  # sys_security_acl records (readable by admin and security_admin only)
                "incident": [{"sys_id": "acl00000000000000000000000000001", "roles": ["itil"]}],
            },
            "refuse": [],
            "oauth": {
                "clients": {DEMO_CLIENT_ID: {"secret": DEMO_CLIENT_SECRET, "name": "Exalate",
                                             "refresh_token_lifespan": 8640000, "access_token_lifespan": 1800}},
                "refresh_tokens": {DEMO_REFRESH: {"user": "exalate.proxy", "client_id": DEMO_CLIENT_ID,
                                                  "expires_in_days": 80}},
                # The browser step of the authorization code flow: who signs in, and whether they allow access.
                "consent": "approve", "browser_user": "exalate.proxy", "codes": {},
            },
            "basic_auth_restricted": False,
            "hibernating": False,
            # Roles that exist on the instance though nobody in ``users`` holds them (out-of-box roles).
            "role_catalogue": ["import_set_loader", "import_transformer", "snc_platform_rest_api_access",
                               "snc_basic_auth_api_access", "user_admin"],
        }

    # -- replies -------------------------------------------------------------------

    def error(self, status: int, request: Request) -> Response:
        text = {401: ("User Not Authenticated", "Required to provide Auth information"),
                403: ("User Not Authorized", "Not authorized to perform this operation"),
                404: ("No Record found", "Record doesn't exist or ACL restricts the record retrieval"),
                429: ("Rate limit exceeded", "Too many requests"),
                500: ("Internal server error", "An unexpected error occurred")}.get(status, ("Error", ""))
        return json_response({"error": {"message": text[0], "detail": text[1]}, "status": "failure"}, status)

    def login_page(self, request: Request) -> Response:
        return html_response("<!DOCTYPE html><html><head><title>Log in | ServiceNow</title></head><body>"
                             "<form id='loginPage' action='login.do' method='post'><input name='user_name'>"
                             "<input type='password' name='user_password'><button>Log in</button></form></body></html>")

    def handle(self, request: Request) -> Response | None:
        if self.scenario.get("hibernating"):
            return html_response(HIBERNATING_PAGE)
        return super().handle(request)

    # -- authentication ----------------------------------------------------------------

    def _user(self, name: str) -> dict | None:
        info = self.scenario["users"].get(name)
        return dict(info, user_name=name) if info else None

    def _can_sign_in(self, user: dict | None) -> bool:
        return bool(user) and user.get("active", True) and not user.get("locked_out") \
            and not user.get("password_needs_reset") and not user.get("sso_only")

    def _caller(self, request: Request) -> dict | None:
        basic = request.basic()
        if basic:
            user = self._user(basic[0])
            if not self._can_sign_in(user) or user.get("password") != basic[1]:
                return None
            if self.scenario.get("basic_auth_restricted") and not user.get("web_service_access_only") \
                    and "snc_basic_auth_api_access" not in user.get("roles", []):
                return None
            return user
        token = request.bearer()
        if token:
            grant = self.scenario.setdefault("_access_tokens", {}).get(token)
            if grant and grant["expires"] > clock.now():
                user = self._user(grant["user"])
                return user if self._can_sign_in(user) else None
        return None

    @route("POST", "/oauth_token.do")
    def token(self, request: Request) -> Response:
        form = request.form()
        oauth = self.scenario["oauth"]
        client = oauth["clients"].get(form.get("client_id", ""))
        denied = json_response({"error_description": "access_denied", "error": "server_error"}, 401)
        if not client or client["secret"] != form.get("client_secret"):
            return denied
        grant = form.get("grant_type")
        if grant == "authorization_code":
            code = oauth.get("codes", {}).pop(form.get("code", ""), None)
            if not code or code["client_id"] != form["client_id"] or code["redirect_uri"] != form.get("redirect_uri") \
                    or (code.get("challenge") and _s256(form.get("code_verifier", "")) != code["challenge"]):
                return json_response({"error_description": "invalid authorization code", "error": "invalid_grant"},
                                     401)
            user_name = code["user"]
            refresh = _secrets.token_urlsafe(40)
            oauth["refresh_tokens"][refresh] = {"user": user_name, "client_id": form["client_id"],
                                                "expires_in_days": client["refresh_token_lifespan"] / 86400}
        elif grant == "refresh_token":
            refresh = form.get("refresh_token", "")
            info = oauth["refresh_tokens"].get(refresh)
            if not info or info["client_id"] != form["client_id"] or info.get("expires_in_days", 0) <= 0:
                return denied
            user_name = info["user"]
        elif grant == "password":
            user = self._user(form.get("username", ""))
            if not self._can_sign_in(user) or user.get("password") != form.get("password"):
                return denied
            user_name = user["user_name"]
            refresh = _secrets.token_urlsafe(40)
            oauth["refresh_tokens"][refresh] = {"user": user_name, "client_id": form["client_id"],
                                                "expires_in_days": client["refresh_token_lifespan"] / 86400}
        else:
            return json_response({"error_description": "unsupported grant type", "error": "invalid_request"}, 400)
        if not self._can_sign_in(self._user(user_name)):
            return denied
        access = _secrets.token_urlsafe(32)
        lifespan = int(client.get("access_token_lifespan", 1800))
        self.scenario.setdefault("_access_tokens", {})[access] = {
            "user": user_name, "expires": clock.now() + timedelta(seconds=lifespan)}
        return json_response({"access_token": access, "refresh_token": refresh, "scope": "useraccount",
                              "token_type": "Bearer", "expires_in": lifespan - 1})

    @route("GET", "/oauth_auth.do")
    def authorize(self, request: Request) -> Response:
        """The browser step, answered as the browser would after the user signs in and allows (or denies) access."""
        oauth = self.scenario["oauth"]
        client_id, redirect = request.param("client_id"), request.param("redirect_uri")
        if request.param("response_type") != "code" or client_id not in oauth["clients"] or not redirect:
            return html_response("<html><body><h1>Invalid request</h1><p>invalid client_id or redirect_uri</p>"
                                 "</body></html>", 400)
        state = request.param("state")
        if oauth.get("consent") == "deny":
            return _redirect(redirect, error="access_denied", error_description="The user denied access",
                             state=state)
        code = _secrets.token_urlsafe(24)
        oauth.setdefault("codes", {})[code] = {"user": oauth.get("browser_user", "exalate.proxy"),
                                               "client_id": client_id, "redirect_uri": redirect,
                                               "challenge": request.param("code_challenge")}
        return _redirect(redirect, code=code, state=state)

    @route("POST", "/oauth_revoke_token.do")
    def revoke(self, request: Request) -> Response:
        token = request.form().get("token", "")
        oauth = self.scenario["oauth"]
        found = oauth["refresh_tokens"].pop(token, None) or self.scenario.setdefault("_access_tokens", {}).pop(token,
                                                                                                                  None)
        return json_response({}, 200) if found else json_response({"error": "invalid_token"}, 400)

    # -- data --------------------------------------------------------------------------

    def _table_rows(self, table: str) -> list[dict]:
        """Every record of a table as the instance stores it (before ACLs)."""
        rows = _SYSTEM_TABLE_ROWS.get(table)
        if rows is not None:
            return rows(self.scenario)
        return [dict(r) for r in self.scenario["tables"].get(table, [])]

    def _table_allowed(self, user: dict, table: str) -> bool:
        """The table-level ACL: False answers 403 User Not Authorized (admin passes every ACL)."""
        roles = set(user.get("roles", []))
        if table in self.scenario.get("refuse", []):
            return False
        needed = self.scenario.get("table_acls", {}).get(table)
        return "admin" in roles or needed is None or bool(roles & set(needed))

    def _readable(self, user: dict, table: str) -> bool:
        roles = set(user.get("roles", []))
        if "admin" in roles:
            return True
        if table in ("sys_security_acl", "sys_security_acl_role"):
            return bool(roles & {"security_admin"})
        acl = self.scenario["acls"].get(table)
        if acl is None or "read" not in acl:
            return False
        return not acl["read"] or bool(roles & set(acl["read"]))

    def _field(self, table: str, row: dict, name: str):
        head, _, rest = name.partition(".")
        if not rest:
            return row.get(name)
        ref_table = REFERENCES.get((table, head))
        if not ref_table:
            return None
        target = next((r for r in self._table_rows(ref_table) if r.get("sys_id") == row.get(head)), None)
        return self._field(ref_table, target, rest) if target else None

    def _matches(self, table: str, row: dict, query: str) -> bool:
        for term in filter(None, query.split("^")):
            if term.startswith("ORDERBY"):
                continue
            name, sep, value = term.partition("=")
            if not sep and "IN" in term:  # the encoded query's IN operator: fieldINa,b,c
                name, _, values = term.partition("IN")
                if str(self._field(table, row, name) if "." in name else row.get(name, "")) not in values.split(","):
                    return False
                continue
            if not sep:
                return False
            if str(self._field(table, row, name) if "." in name else row.get(name, "")) != value:
                return False
        return True

    def _visible(self, request: Request, user: dict, table: str) -> list[dict]:
        if not self._readable(user, table):
            return []  # row-level ACLs hide rows; the API does not refuse (table-level ones answer 403)
        rows = self._table_rows(table)
        if table == "sys_user_has_role" and "admin" not in user.get("roles", []):
            rows = [r for r in rows if r["user"] == user.get("sys_id")]
        # Dynamic filter: the instance resolves gs.getUserID() to the caller's sys_id.
        query = request.param("sysparm_query").replace("javascript:gs.getUserID()", user.get("sys_id", ""))
        return [r for r in rows if self._matches(table, r, query)]

    _SYSTEM_TABLES = {"sys_user", "sys_user_role", "sys_user_has_role", "sys_user_group", "sys_user_grmember",
                      "v_plugin", "sys_security_acl",
                      "sys_security_acl_role", "oauth_entity", "oauth_credential"}

    def _exists(self, table: str) -> bool:
        return table in self._SYSTEM_TABLES or table in self.scenario["tables"] or table in self.scenario["acls"]

    @route("POST", "/api/now/v1/batch")
    @route("POST", "/api/now/batch")
    def batch(self, request: Request) -> Response:
        """The Batch API: each rest_request is served as if sent alone (the caller's ACLs apply), its reply body
        base64-encoded in serviced_requests. Sub-requests take no extra round trip, so faults apply to the batch."""
        if self._caller(request) is None:
            return self.error(401, request)
        body = request.json()
        if not isinstance(body, dict) or not isinstance(body.get("rest_requests"), list):
            return json_response({"error": {"message": "Invalid batch request", "detail": None},
                                  "status": "failure"}, 400)
        served = []
        for item in body["rest_requests"]:
            parts = urlsplit(str(item.get("url") or ""))
            sub = Request(str(item.get("method") or "GET").upper(), parts.path,
                          parse_qs(parts.query, keep_blank_values=True), request.headers, b"", request.credential)
            reply = self._route(sub)
            served.append({"id": item.get("id"), "status_code": reply.status, "status_text": "OK",
                           "body": base64.b64encode(reply.encode()).decode(), "execution_time": 3,
                           "headers": [] if item.get("exclude_response_headers") else
                           [{"name": "Content-Type", "value": reply.content_type}]})
        return json_response({"batch_request_id": body.get("batch_request_id"), "serviced_requests": served,
                              "unserviced_requests": []})

    def _route(self, request: Request) -> Response:
        for method, pattern, _template, handler in self._routes:
            match = pattern.match(request.path) if method == request.method else None
            if match:
                return handler(request, **match.groupdict())
        return self.error(404, request)

    @route("GET", "/api/now/table/{table}")
    def table(self, request: Request, table: str) -> Response:
        user = self._caller(request)
        if user is None:
            return self.error(401, request)
        if not self._exists(table):
            return json_response({"error": {"message": f"Invalid table {table}", "detail": None},
                                  "status": "failure"}, 400)
        if not self._table_allowed(user, table):
            return self.error(403, request)
        rows = self._visible(request, user, table)
        limit = request.param("sysparm_limit", "10000")
        rows = rows[: int(limit) if limit.isdigit() else 10000]
        fields = [f for f in request.param("sysparm_fields").split(",") if f]
        if fields:
            rows = [{f: (self._field(table, r, f) if "." in f else r.get(f, "")) or "" for f in fields} for r in rows]
        return json_response({"result": rows}, 200, X_Total_Count=str(len(rows)))

    @route("GET", "/api/now/stats/{table}")
    def stats(self, request: Request, table: str) -> Response:
        user = self._caller(request)
        if user is None:
            return self.error(401, request)
        if not self._table_allowed(user, table):
            return self.error(403, request)
        count = len(self._visible(request, user, table))
        return json_response({"result": {"stats": {"count": str(count)}}})

    # -- role grants an administrator makes (exadesk fix) -------------------------------------------------
    # Table API inserts and deletes on sys_user_has_role pass the table's ACLs only for user_admin and admin;
    # others get 403 with ServiceNow's ACL exception.

    _ROLE_GRANTERS = {"admin", "user_admin"}

    def _acl_refused(self, operation: str) -> Response:
        return json_response({"error": {"message": "Operation Failed",
                                        "detail": f"ACL Exception {operation} Failed due to security constraints"},
                              "status": "failure"}, 403)

    @route("POST", "/api/now/table/sys_user_has_role")
    def grant_role(self, request: Request) -> Response:
        user = self._caller(request)
        if user is None:
            return self.error(401, request)
        if not set(user.get("roles", [])) & self._ROLE_GRANTERS:
            return self._acl_refused("Insert")
        body = request.json() if isinstance(request.json(), dict) else {}
        grantee = next((name for name, u in self.scenario["users"].items() if u.get("sys_id") == body.get("user")), None)
        role = str(body.get("role") or "").removeprefix("role-")
        known = {r["name"] for r in self._table_rows("sys_user_role")}
        if grantee is None or role not in known:
            return json_response({"error": {"message": "Invalid reference", "detail": "user or role not found"},
                                  "status": "failure"}, 400)
        roles = self.scenario["users"][grantee].setdefault("roles", [])
        if role not in roles:
            roles.append(role)
        row = next(r for r in self._table_rows("sys_user_has_role") if r["sys_id"] == f"uhr-{grantee}-{role}")
        return json_response({"result": row}, 201)

    @route("DELETE", "/api/now/table/sys_user_has_role/{sys_id}")
    def revoke_role(self, request: Request, sys_id: str) -> Response:
        user = self._caller(request)
        if user is None:
            return self.error(401, request)
        if not set(user.get("roles", [])) & self._ROLE_GRANTERS:
            return self._acl_refused("Delete")
        for name, u in self.scenario["users"].items():
            for role in list(u.get("roles", [])):
                if f"uhr-{name}-{role}" == sys_id:
                    u["roles"].remove(role)
                    return Response(204, None)
        return self.error(404, request)


#: The setup ExaDesk recommends: a proxy user with a dedicated set of roles and no admin. Tables guarded by an
#: elevated role answer 403 (KB2971488): the ACL tables, the plugin list and the OAuth tables.
NON_ADMIN = {
    "users": {"exalate.proxy": {"roles": ["itil", "snc_platform_rest_api_access", "import_set_loader",
                                          "import_transformer"]}},
    "table_acls": {**ELEVATED_TABLES, "v_plugin": ["admin"], "oauth_entity": ["admin"],
                   "oauth_credential": ["admin"]},
}

EMULATOR = ServiceNowEmulator
