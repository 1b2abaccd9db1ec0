"""ServiceNow: the proxy user by user name + password (Basic) or OAuth (refresh token).

Written from ServiceNow's documentation:
https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html (Table API, sysparm_query/fields/limit)
https://www.servicenow.com/docs/r/api-reference/rest-apis/c_AggregateAPI.html (/api/now/stats/{table})
https://www.servicenow.com/docs/r/api-reference/rest-apis/batch-api.html (POST /api/now/v1/batch: rest_requests,
    serviced_requests with base64 bodies; ACLs apply to each sub-request)
https://www.servicenow.com/docs/r/api-reference/rest-apis/c_RESTAPIResponseCodes.html (error body {"error": {...}})
https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthApplications.html (/oauth_token.do,
    password and refresh_token grants; refresh token lifespan 8,640,000 s = 100 days, access token 1,800 s)
https://www.servicenow.com/docs/r/api-reference/rest-apis/user-role-inheritance-api.html (the Role Management V2
    REST API plugin, com.glide.role_management.inh_count.rest_api, depends on com.glide.role_management.inh_count)
https://www.servicenow.com/docs/r/platform-security/access-control/... (sys_security_acl, sys_security_acl_role)
Table API security (KB2971488): a table whose table-level ACL the caller does not pass answers 403
{"error": {"message": "User Not Authorized", ...}, "status": "failure"}; row-level ACLs filter rows instead.
For a non-admin proxy user that is sys_security_acl (security_admin), often v_plugin and oauth_entity/
oauth_credential, sometimes sys_user_has_role: only the checks needing such a table are "not confirmed".
Basic authentication restriction (Australia release, KB3025707): web-service-access-only accounts or the
snc_basic_auth_api_access role.
"""

from __future__ import annotations

import base64
import sys
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from exadesk import clock, messages, oauth
from exadesk.checks import Identity
from exadesk.errors import CheckError, ErrorKind
from exadesk.http import BasicAuth, BearerAuth, DeclaredRead, Reply
from exadesk.messages import Message
from exadesk.trackers import register
from exadesk.trackers.base import (
    CONSOLE_GROUP, AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec, origin,
)

PLUGIN_ID = "com.glide.role_management.inh_count.rest_api"
REFRESH_WARNING = timedelta(days=14)
DEFAULT_REFRESH_LIFESPAN = timedelta(days=100)
#: Roles that ServiceNow's own ACLs grant on the tables most often synced, used only when the
#: instance does not let the proxy user read its ACLs (sys_security_acl is admin-only by default).
_KNOWN_WRITE_ROLES = {
    "incident": {"itil", "sn_incident_write"},
    "problem": {"itil", "problem_manager"},
    "change_request": {"itil", "sn_change_write"},
    "sc_req_item": {"itil", "catalog_admin"},
    "sc_task": {"itil"},
}
_ADMIN_ROLES = {"admin"}  # admin passes ACLs; security_admin does not by itself

_USER_FIELD = Field("username", "User name", role="user", hint="the proxy user's user name (user ID), not the email",
                    example="exalate.proxy", pattern=r"[^\s:^][^:^]*")

_BASIC_STEPS = (
    Step("Sign in to ServiceNow as an administrator and open User Administration, Users. Create a dedicated user "
         "for the integration (for example exalate.proxy) rather than using a person's account.",
         link="{url}/sys_user_list.do", link_label="Open Users"),
    Step("On the new user tick 'Web service access only' (it can then use the API but not the browser) and set a "
         "password. Since the Australia release Basic sign-in is refused for other accounts unless they hold the "
         "snc_basic_auth_api_access role."),
    Step("Give the user a dedicated role with the rights the integration needs (itil for incidents, "
         "snc_platform_rest_api_access, the import set roles, and read/write on the tables you sync) instead of "
         "admin."),
    Step("Check that the plugin 'Contextual Security: Role Management V2 REST API' is active (System Definition, "
         "Plugins). After an upgrade it may need to be activated by hand.",
         link="{url}/v_plugin_list.do", link_label="Open Plugins"),
    Step("Enter the user name and password here. The password is used to sign in; ExaDesk keeps it only in your "
         "system keychain."),
)

_OAUTH_STEPS = (
    Step("As an administrator open System OAuth, Application Registry, New, 'Create an OAuth API endpoint for "
         "external clients'. Name it after the integration.",
         link="{url}/oauth_entity_list.do", link_label="Open Application Registry"),
    Step("Set 'Refresh Token Lifespan' longer than the default 8,640,000 seconds (100 days) if your policy allows: "
         "the integration stops when the refresh token runs out and a new one is needed."),
    Step("Save, then copy the Client ID and Client Secret."),
    Step("Get the first refresh token by signing in once as the proxy user (password grant on "
         "{url}/oauth_token.do, or the browser sign-in ExaDesk offers) and paste it here with the proxy user's user "
         "name."),
    Step("Give the proxy user a dedicated role (not admin) with read/write on the tables you sync, and check that "
         "the Role Management V2 REST API plugin is active (System Definition, Plugins)."),
)

_GROUPS_PLACE = "User Administration, Groups"
#: No "project_admin": ServiceNow has no projects; what a person may do on the synced tables comes from roles,
#: so the planner shows that kind as not applicable.
ADMIN_REQUIREMENTS = {
    "system_admin": Requirement(
        "admin.role.admin", "Administrator holds the admin role",
        "An administrator opens User Administration, Users, the person, the Roles tab, Edit, and adds admin."),
    "console_group_member": Requirement(
        f"admin.member.{CONSOLE_GROUP}", f"Administrator is a member of {CONSOLE_GROUP}",
        f"An administrator opens {_GROUPS_PLACE}, {CONSOLE_GROUP}, the Group Members tab, Edit, and adds the person."),
    "console_group_exists": Requirement(
        f"admin.group.{CONSOLE_GROUP}", f"The group {CONSOLE_GROUP} exists",
        f"An administrator opens {_GROUPS_PLACE}, New, and names the group exactly {CONSOLE_GROUP}."),
}

OAUTH = oauth.OAuthProfile(
    tracker="servicenow", name="ServiceNow", method_id="oauth",
    authorize_path="/oauth_auth.do", token_path="/oauth_token.do", revoke_path="/oauth_revoke_token.do",
    scopes=("useraccount",), client_secret="required", password_grant=True, user_required=True,
    refresh_lifespan=timedelta(seconds=8_640_000),
    register_steps=(
        "As an administrator open System OAuth, Application Registry, New, 'Create an OAuth API endpoint for "
        "external clients'.",
        "Set Redirect URL to http://127.0.0.1 (ExaDesk listens there on a free port for the browser's answer).",
        "Set 'Refresh Token Lifespan' longer than the default 8,640,000 seconds (100 days) if your policy allows.",
        "Save, then give ExaDesk the Client ID and Client Secret.",
    ),
    register_link="{url}/oauth_entity_list.do",
    docs=("https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthApplications.html",),
)

def _batch_of_gets(body) -> bool:
    inner = body.get("rest_requests") if isinstance(body, dict) else None
    return isinstance(inner, list) and all(isinstance(r, dict) and r.get("method") == "GET" for r in inner)


#: The Batch API (GET sub-requests only) and the OAuth token endpoint (a token, never tracker data).
NON_GET_READS = (
    DeclaredRead("POST", "/api/now/v1/batch", "https://www.servicenow.com/docs/r/api-reference/rest-apis/batch-api.html",
                 body=_batch_of_gets),
    DeclaredRead("POST", "/oauth_token.do",
                 "https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthApplications.html"),
)

SPEC = TrackerSpec(
    non_get_reads=NON_GET_READS,
    catalogue_order=50,
    oauth=OAUTH,
    id="servicenow",
    name="ServiceNow",
    docs_url="https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html",
    summary="A ServiceNow instance; the proxy user signs in with a password or an OAuth refresh token.",
    url=UrlSpec(example="https://acme.service-now.com",
                hint="the instance address without a path, such as https://acme.service-now.com",
                pattern=r"https://[A-Za-z0-9.-]+(:\d+)?", site=r"[A-Za-z0-9.-]+(:\d+)?"),
    scope=ScopeSpec(label="Tables", example="incident", hint="a table name such as incident or change_request",
                    default=("incident",), pattern=r"[a-z][a-z0-9_]*", noun="table", entry="table name"),
    sync_options=("comments", "attachments"),
    auth_methods=(
        AuthMethod(
            id="basic",
            label="User name + password",
            description="The proxy user's own user name and password (Basic authentication).",
            fields=(_USER_FIELD, Field("password", "Password", secret=True, hint="the proxy user's password")),
            steps=_BASIC_STEPS,
        ),
        AuthMethod(
            id="oauth",
            label="OAuth (refresh token)",
            description="An OAuth application of the instance; ExaDesk trades the refresh token for a 30-minute "
                        "access token. It works as long as the refresh token lives (100 days by default).",
            fields=(
                _USER_FIELD,
                Field("client_id", "Client ID", hint="the 32 hexadecimal characters from the Application Registry",
                      example="0f1e2d3c4b5a69788796a5b4c3d2e1f0", pattern=r"[0-9a-fA-F]{32}"),
                Field("client_secret", "Client secret", secret=True, hint="the client secret from the Application "
                      "Registry", pattern=r"\S{6,}"),
                Field("refresh_token", "Refresh token", secret=True,
                      hint="a long string of letters, digits, - and _ without spaces", pattern=r"[A-Za-z0-9_.~+/=-]{20,}"),
            ),
            steps=_OAUTH_STEPS,
        ),
    ),
    requirements=(
        Requirement("admin", "Proxy user has a dedicated role rather than admin",
                    "Create a role for the integration (User Administration, Roles) with read/write on the synced "
                    "tables, give it to the proxy user, and remove admin."),
        Requirement(PLUGIN_ID, "Role Management V2 REST API plugin is installed and active",
                    "Open System Definition, Plugins, find 'Contextual Security: Role Management V2 REST API' "
                    f"({PLUGIN_ID}) and activate it. Instances since New York have it; after an upgrade it may need "
                    "activating by hand."),
        Requirement("read", "Proxy user can read the tables in scope",
                    "Give the proxy user a role that the table's read ACLs allow (System Security, Access Control "
                    "(ACL), operation read), for incident usually itil."),
        Requirement("write", "Proxy user can write the tables in scope",
                    "Give the proxy user a role that the table's write ACLs allow (System Security, Access Control "
                    "(ACL), operation write), for incident usually itil."),
        Requirement("snc_platform_rest_api_access", "Proxy user may use the REST API",
                    "Give the proxy user the snc_platform_rest_api_access role (User Administration, Users, the user, "
                    "Roles, Edit)."),
        Requirement("import_set", "Proxy user has the import set roles",
                    "Give the proxy user import_set_loader and import_transformer (User Administration, Users, the "
                    "user, Roles, Edit)."),
        Requirement("sys_journal_field", "Proxy user can read comments and work notes (sys_journal_field)",
                    "Give the proxy user a role the sys_journal_field read ACLs allow (System Security, Access "
                    "Control (ACL), table sys_journal_field).", when=frozenset({"comments"})),
        Requirement("sys_attachment", "Proxy user can read attachments (sys_attachment)",
                    "Give the proxy user a role the sys_attachment read ACLs allow (System Security, Access Control "
                    "(ACL), table sys_attachment).", when=frozenset({"attachments"})),
        Requirement("snc_basic_auth_api_access", "Basic sign-in is allowed for this account",
                    "Tick 'Web service access only' on the proxy user (User Administration, Users), or give it the "
                    "snc_basic_auth_api_access role; from the Australia release Basic sign-in is refused otherwise.",
                    methods=frozenset({"basic"})),
        Requirement("refresh_token_lifespan", "OAuth refresh token is not about to run out",
                    "Get a new refresh token (sign in again as the proxy user) and replace it in ExaDesk; consider a "
                    "longer Refresh Token Lifespan in System OAuth, Application Registry.",
                    methods=frozenset({"oauth"})),
        Requirement("write_confirmed", "A test write by the proxy user succeeds",
                    "Ask an administrator to review the write ACLs of the table (System Security, Access Control).",
                    manual=True,
                    steps=("Sign in as an administrator and open System Security, Impersonate User, the proxy user.",
                           "Open a record of each synced table (for example an incident), add a work note and save.",
                           "ExaDesk only reads, and ACL conditions and scripts decide writes record by record, so "
                           "only a real write proves it.")),
    ),
    messages={
        "not_authenticated": Message(
            ErrorKind.AUTH, "ServiceNow did not accept the proxy user's sign-in (User Not Authenticated).",
            "Check the user name and password. The same answer comes when the account is locked out, must reset its "
            "password, signs in only through SSO, or Basic sign-in is restricted (Australia release: only "
            "web-service-access-only accounts or the snc_basic_auth_api_access role). Sign in once in the browser at "
            "{login_url} as the proxy user to see which; ExaDesk will not retry, so the account is not locked further."),
        "oauth_rejected": Message(
            ErrorKind.AUTH, "ServiceNow refused the OAuth credential ({error}).",
            "The refresh token may have run out (100 days by default, not extended on use) or been revoked, or the "
            "client ID/secret are wrong. Get a new refresh token and check the Application Registry entry."),
        "token_other_user": Message(
            ErrorKind.AUTH, "The refresh token acts as {owner}, not as the proxy user {user}.",
            "Get the refresh token by signing in as {user}, or correct the user name."),
        "user_refused": Message(
            ErrorKind.FORBIDDEN, "ServiceNow refused to show the proxy user its own user record (sys_user answered "
            "403 User Not Authorized).",
            "Ask an administrator to let the proxy user read its own sys_user record (System Security, Access Control "
            "(ACL), table sys_user); ServiceNow's own ACLs allow it by default."),
        "user_not_found": Message(
            ErrorKind.NOT_FOUND, "No user {user} is visible on this instance.",
            "Check the user name (User Administration, Users, the User ID column) and that it matches the credential."),
    },
    admin_requirements=ADMIN_REQUIREMENTS,
)


def api_base(url: str) -> str:
    """The Table API lives on the instance itself."""
    parts = urlsplit(url)
    return origin(parts)


def _error_text(reply: Reply) -> tuple[str, str]:
    data = reply.json_or_none()
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        return str(error.get("message") or ""), str(error.get("detail") or "")
    if isinstance(error, str):  # the OAuth endpoint: {"error": "server_error", "error_description": "access_denied"}
        return error, str(data.get("error_description") or "")
    return "", ""


def diagnose(reply: Reply, client):
    """ServiceNow's own error bodies: User Not Authenticated (401) and User Not Authorized (403)."""
    if reply.status not in (400, 401, 403):
        return None
    message, detail = _error_text(reply)
    params = {"tracker": SPEC.name, "login_url": client.base_url + "/login.do", "url": client.base_url}
    if urlsplit(reply.url).path.endswith("/oauth_token.do"):
        return messages.problem("servicenow.oauth_rejected", error=detail or message or f"HTTP {reply.status}", **params)
    # A locked account, a password to reset and a Basic restriction all answer the same 401 "User Not
    # Authenticated"; the message names every cause (ServiceNow never says which).
    if reply.status == 401 and (message or detail):
        return messages.problem("servicenow.not_authenticated", **params)
    # 403 "User Not Authorized" stays generic: table probes accept it as an answer (allow=(403,)).
    return None


def refreshed_access_token(client, target) -> str:
    """A new access token from the stored refresh token, through ExaDesk's one OAuth client (exadesk.oauth).

    A refusal is ServiceNow's own ``servicenow.oauth_rejected`` with the tracker's words; the grant is sent once.
    """
    try:
        tokens = oauth.refresh(client, OAUTH, target.secrets.get("refresh_token"), target.value("client_id"),
                               target.secrets.get("client_secret"))
    except oauth.OAuthError as exc:
        raise CheckError(messages.problem("servicenow.oauth_rejected", tracker=SPEC.name,
                                          error=exc.error or "no access token")) from None
    return tokens.access_token


def _rows(client, table: str, query: str, fields: str, limit: int = 1000) -> list[dict] | None:
    """The rows of ``table`` the caller may see; None when the table-level ACL refuses it (403 User Not
    Authorized): only the checks that need this table become "not confirmed", the others still run."""
    reply = client.get(f"/api/now/table/{table}", params={
        "sysparm_query": query, "sysparm_fields": fields, "sysparm_limit": str(limit),
        "sysparm_display_value": "false", "sysparm_exclude_reference_link": "true"}, allow=(403,))
    if reply.status == 403:
        return None
    data = client.decode(reply, dict)
    result = data.get("result")
    if not isinstance(result, list):
        raise CheckError(messages.problem("http.wrong_shape", tracker=SPEC.name, what="no result list",
                                          url=client.base_url))
    return [r for r in result if isinstance(r, dict)]


#: Sub-requests in one Batch API call (each is served in turn; a handful keeps a call far from its 30 s quota).
BATCH_SIZE = 25


def _tables_readable(ctx, client, tables: list[str]) -> list[tuple[str, str]]:
    """:func:`_table_readable` for many tables: their first reads go together through the Batch API (GET
    sub-requests only), one call per :data:`BATCH_SIZE`; a table the batch did not serve is read on its own."""
    chunks = [tables[i:i + BATCH_SIZE] for i in range(0, len(tables), BATCH_SIZE)] if len(tables) > 1 else []
    served: dict[str, Reply] = {}
    for answer in ctx.gather(lambda chunk=chunk: _batch_first_reads(client, chunk) for chunk in chunks):
        served.update(answer)
    return ctx.gather(lambda t=t: _table_readable(client, t, served.get(t)) for t in tables)


def _first_read(table: str) -> str:
    return f"/api/now/table/{table}?sysparm_limit=1&sysparm_fields=sys_id"


def _batch_first_reads(client, tables: list[str]) -> dict[str, Reply]:
    """Each table's first read through POST /api/now/v1/batch; {} when the instance does not serve the batch."""
    body = {"batch_request_id": "exadesk", "rest_requests": [
        {"id": str(n), "method": "GET", "url": _first_read(table), "exclude_response_headers": True,
         "headers": [{"name": "Accept", "value": "application/json"}]} for n, table in enumerate(tables)]}
    reply = client.request("POST", "/api/now/v1/batch", json_body=body, allow=(400, 403, 404))
    if reply.status != 200:
        return {}  # an older instance, or the batch endpoint is restricted: the tables are read one by one
    data = client.decode(reply, dict)
    out = {}
    for item in data.get("serviced_requests") or []:
        if not isinstance(item, dict) or not str(item.get("id", "")).isdigit() or int(item["id"]) >= len(tables):
            continue
        try:
            inner = base64.b64decode(str(item.get("body") or ""), validate=True)
        except ValueError:
            continue
        status = int(item.get("status_code") or 0)
        out[tables[int(item["id"])]] = Reply(status, reply.headers, inner, client.url(_first_read(
            tables[int(item["id"])])))
    return out


def _table_readable(client, table: str, first: Reply | None = None) -> tuple[str, str]:
    """('yes'|'no'|'hidden'|'missing', detail) for a table: rows seen, refused, none visible, or no such table.

    ``first`` is the table's first read when a batch already made it."""
    reply = first or client.get(f"/api/now/table/{table}", params={"sysparm_limit": "1", "sysparm_fields": "sys_id"},
                                allow=(400, 403, 404))
    if reply.status == 403:
        return "no", "read refused (403)"
    if reply.status == 400 and b"invalid table" in reply.body[:4096].lower():
        return "missing", "no such table"  # ServiceNow's answer for a table name it does not know
    if reply.status in (400, 404):
        return "no", f"no such table, or no access to it ({reply.status})"
    data = client.decode(reply, dict)
    if isinstance(data.get("result"), list) and data["result"]:
        return "yes", "records readable"
    # ACLs filter rows rather than refuse: an empty page may mean 'all hidden'. The aggregate API says
    # whether records exist that the proxy user may count.
    stats = client.get(f"/api/now/stats/{table}", params={"sysparm_count": "true"}, allow=(403, 404))
    count = None
    if stats.status == 200:
        body = client.decode(stats, dict)
        result = body.get("result") if isinstance(body.get("result"), dict) else {}
        stats_part = result.get("stats") if isinstance(result.get("stats"), dict) else {}
        raw = str(stats_part.get("count", ""))
        count = int(raw) if raw.isdigit() else None
    if count:
        return "hidden", f"{count} records exist but none is readable"
    return "hidden", "no records visible (the table may be empty, or ACLs hide every row)"


def _sign_in(ctx):
    """Sign in with the entered credential; returns the client, the user's record, sys_id and active roles."""
    target = ctx.target
    base = api_base(target.url)
    client = ctx.client(base, None, login_url=base + "/login.do", diagnose=diagnose)
    username = target.value("username")
    if ctx.method.id == "oauth":
        # A stored sign-in arrives with an access token the engine just refreshed (exadesk.tokens).
        access = target.secrets.get("access_token") or refreshed_access_token(client, target)
        client.auth = BearerAuth(access)
    else:
        client.auth = BasicAuth(username, target.secrets.get("password"))

    # An OAuth token names no user, so ask who it acts as (a dynamic filter the instance resolves).
    query = "sys_id=javascript:gs.getUserID()" if ctx.method.id == "oauth" else f"user_name={username}"
    users = _rows(client, "sys_user", query, "sys_id,user_name,name,email,active,web_service_access_only", 1)
    if users is None:  # without its own record nothing can be said about the account: the run stops here
        raise CheckError(messages.problem("servicenow.user_refused", tracker=SPEC.name, user=username))
    if not users:
        raise CheckError(messages.problem("servicenow.user_not_found", tracker=SPEC.name, user=username))
    user = users[0]
    if str(user.get("user_name") or "").lower() != username.lower():
        raise CheckError(messages.problem("servicenow.token_other_user", tracker=SPEC.name, user=username,
                                          owner=str(user.get("user_name") or "another user")))
    sys_id = str(user.get("sys_id") or "")
    ctx.identity = Identity(name=str(user.get("name") or username), login=str(user.get("user_name") or username),
                            id=sys_id, kind="web service" if _true(user.get("web_service_access_only")) else "user")

    role_rows = _rows(client, "sys_user_has_role", f"user={sys_id}^state=active", "role.name,inherited")
    roles = None if role_rows is None else {str(r.get("role.name") or "") for r in role_rows} - {""}
    return client, user, sys_id, roles


#: What an administrator does when a table is refused to the proxy user (the manual step of each check).
_ROLES_STEPS = ("As an administrator open User Administration, Users, the proxy user, and its Roles tab; it should "
                "hold the integration's dedicated role, not admin.")
_PLUGIN_STEPS = ("As an administrator open System Definition, Plugins and check that 'Contextual Security: Role "
                 f"Management V2 REST API' ({PLUGIN_ID}) is installed and active.")
_ROLES_TABLE = "its roles (sys_user_has_role answered 403 User Not Authorized)"


def verify_live(ctx):
    target = ctx.target
    username = target.value("username")
    client, user, sys_id, roles = _sign_in(ctx)
    refused_roles = roles is None
    roles = roles or set()
    is_admin = bool(roles & _ADMIN_ROLES)
    roles_seen = bool(roles)
    shown = ", ".join(sorted(roles)) or "none visible"

    # -- admin -------------------------------------------------------------------
    if "admin" in roles or username.lower() == "admin":
        who = "the built-in admin account" if username.lower() == "admin" else f"{username} holds the admin role"
        yield ctx.warned("admin", f"The proxy user is {who}. The integration works, but it can change anything on "
                                  "the instance, and a person's admin account would stop their own edits syncing.")
    elif refused_roles:
        yield ctx.denied("admin", _ROLES_TABLE, _ROLES_STEPS)
    elif not roles_seen:
        yield ctx.unknown("admin", "The proxy user's roles are not visible to it (sys_user_has_role ACLs).",
                          fix="Check the user's Roles tab as an administrator (User Administration, Users).")
    else:
        yield ctx.passed("admin", f"Roles: {shown}.")

    # -- plugin ------------------------------------------------------------------
    yield _plugin_result(ctx, client)

    # -- read --------------------------------------------------------------------
    tables = list(dict.fromkeys(target.scope)) or list(SPEC.scope.default)
    readable, refused, hidden, missing = [], [], [], []
    for table, (state, detail) in zip(tables, _tables_readable(ctx, client, tables)):
        if state == "missing":
            missing.append(table)
        else:
            {"yes": readable, "no": refused, "hidden": hidden}[state].append(f"{table} ({detail})")
    if missing:
        yield ctx.scope_missing(missing)
        tables = [t for t in tables if t not in missing]
    if not tables:
        yield ctx.unknown("read", "None of the tables in scope exists, so reading could not be checked.")
    elif refused:
        yield ctx.failed("read", f"Cannot read: {', '.join(refused)}.")
    elif hidden:
        yield ctx.unknown("read", f"Not proven: {', '.join(hidden)}. ServiceNow hides rows the ACLs deny instead "
                                  "of refusing, so an empty answer is not proof either way.",
                          fix="Open one record of the table while impersonating the proxy user (System Security, "
                              "Impersonate User).")
    else:
        yield ctx.passed("read", f"Readable: {', '.join(readable)}.")

    # -- write (from roles and ACLs; nothing is written) ---------------------------
    if tables:
        yield _write_result(ctx, client, tables, roles, is_admin)
    else:
        yield ctx.unknown("write", "None of the tables in scope exists, so writing could not be checked.")

    # -- REST API access and import set roles --------------------------------------
    if refused_roles:
        yield ctx.denied("snc_platform_rest_api_access", _ROLES_TABLE, _ROLES_STEPS)
        yield ctx.denied("import_set", _ROLES_TABLE, _ROLES_STEPS)
    elif not roles_seen:
        yield ctx.unknown("snc_platform_rest_api_access", "The proxy user's roles are not visible to it.")
        yield ctx.unknown("import_set", "The proxy user's roles are not visible to it.")
    else:
        if "snc_platform_rest_api_access" in roles or is_admin:
            yield ctx.passed("snc_platform_rest_api_access", "The role is granted." if not is_admin else
                             "admin includes it.")
        else:
            yield ctx.warned("snc_platform_rest_api_access",
                             "The proxy user lacks snc_platform_rest_api_access. It reached the API now, but instances "
                             "that restrict REST access by role refuse it.")
        import_roles = sorted(r for r in roles if r.startswith(("import_set", "import_transformer")))
        if import_roles or is_admin:
            yield ctx.passed("import_set", f"Import set roles: {', '.join(import_roles) or 'through admin'}.")
        else:
            yield ctx.failed("import_set", f"No import set role among: {shown}.")

    # -- comments and attachments -----------------------------------------------------
    for key in ("sys_journal_field", "sys_attachment"):
        if not ctx.applies(key):
            continue
        state, detail = _table_readable(client, key)
        if state == "yes":
            yield ctx.passed(key, f"{key}: {detail}.")
        elif state == "no":
            yield ctx.failed(key, f"{key}: {detail}.")
        else:
            yield ctx.unknown(key, f"{key}: {detail}.")

    # -- Basic sign-in restriction -------------------------------------------------------
    if ctx.method.id == "basic":
        if _true(user.get("web_service_access_only")) or "snc_basic_auth_api_access" in roles:
            why = "web service access only" if _true(user.get("web_service_access_only")) else \
                "holds snc_basic_auth_api_access"
            yield ctx.passed("snc_basic_auth_api_access", f"The account is {why}.")
        elif refused_roles:
            yield ctx.denied("snc_basic_auth_api_access", "whether it holds snc_basic_auth_api_access ("
                             "sys_user_has_role answered 403 User Not Authorized); it is not 'Web service access "
                             "only'", _ROLES_STEPS)
        elif not roles_seen:
            yield ctx.unknown("snc_basic_auth_api_access", "The account is not web-service-access-only and its roles "
                                                           "are not visible.")
        else:
            yield ctx.warned("snc_basic_auth_api_access",
                             "Basic sign-in works today, but the account is neither 'Web service access only' nor "
                             "holds snc_basic_auth_api_access; the Basic authentication restriction (Australia "
                             "release) refuses such accounts.")

    # -- OAuth refresh token lifespan ------------------------------------------------------
    if ctx.method.id == "oauth":
        yield _refresh_token_result(ctx, client, sys_id)


def _plugin_result(ctx, client):
    """The Role Management V2 REST API plugin: active, inactive, not installed, or not confirmed (v_plugin refused
    or every row hidden)."""
    plugins = _rows(client, "v_plugin", f"id={PLUGIN_ID}", "id,name,active", 1)
    if plugins is None:
        return ctx.denied(PLUGIN_ID, "the plugin list (v_plugin answered 403 User Not Authorized)", _PLUGIN_STEPS)
    if plugins:
        state = str(plugins[0].get("active") or "").lower()
        name = plugins[0].get("name") or PLUGIN_ID
        if state in ("active", "true"):
            return ctx.passed(PLUGIN_ID, f"{name} is active.")
        return ctx.failed(PLUGIN_ID, f"{name} is installed but {state or 'inactive'}.")
    if _any_visible(client, "v_plugin"):
        # The list answers and shows other plugins: the V2 plugin's row is absent, so it is not installed.
        return ctx.failed(PLUGIN_ID, f"The plugin {PLUGIN_ID} is not installed: the instance's plugin list shows "
                                     "other plugins but not this one.")
    return ctx.unknown(PLUGIN_ID, "The plugin list (v_plugin) shows no plugin at all to the proxy user (its rows are "
                                  f"hidden), so the plugin could not be checked. Confirm it by hand: {_PLUGIN_STEPS}")


def _any_visible(client, table: str) -> bool:
    """Whether the caller sees any record of ``table``: ACLs hide rows instead of refusing, so an empty answer to a
    filtered query proves nothing unless the table is readable at all (a refused table shows nothing)."""
    return bool(_rows(client, table, "", "sys_id", 1))


def verify_admin(ctx):
    """The planner's admin facts for the person signing in: the admin role, and the console group (a
    sys_user_group) and their membership of it (sys_user_grmember). ServiceNow has no project administrators."""
    keys = {kind: req.key for kind, req in ADMIN_REQUIREMENTS.items()}
    client, _, sys_id, roles = _sign_in(ctx)
    who = ctx.identity.label()
    roles = roles or set()  # refused (403) or hidden: the admin role is then not confirmed below
    is_admin = "admin" in roles
    if is_admin:
        yield ctx.passed(keys["system_admin"], f"{who} holds the admin role.")
    elif roles:
        yield ctx.failed(keys["system_admin"], f"{who} does not hold the admin role (roles: {', '.join(sorted(roles))}).")
    else:
        yield ctx.unknown(keys["system_admin"], f"{who}'s roles are not visible to them (sys_user_has_role ACLs).",
                          fix="An administrator checks the person's Roles tab (User Administration, Users).")

    groups = _rows(client, "sys_user_group", f"name={CONSOLE_GROUP}", "sys_id,name,active", 1) or []
    # ACLs hide rows rather than refuse: absence counts only when the caller can read groups at all.
    absent = not groups and (is_admin or _any_visible(client, "sys_user_group"))
    if groups and _true(groups[0].get("active")):
        yield ctx.passed(keys["console_group_exists"], f"The group {CONSOLE_GROUP} exists.")
    elif groups:
        yield ctx.failed(keys["console_group_exists"], f"The group {CONSOLE_GROUP} exists but is not active.",
                         fix=f"An administrator opens {_GROUPS_PLACE}, {CONSOLE_GROUP}, ticks Active and saves.")
    elif absent:
        yield ctx.failed(keys["console_group_exists"], f"There is no group called {CONSOLE_GROUP} on this instance.")
    else:
        yield ctx.unknown(keys["console_group_exists"], f"{who} may not read groups, so the instance does not say "
                                                        f"whether {CONSOLE_GROUP} exists.",
                          fix=f"Ask an administrator to look for {CONSOLE_GROUP} in {_GROUPS_PLACE}.")

    member = _rows(client, "sys_user_grmember", f"user={sys_id}^group.name={CONSOLE_GROUP}", "sys_id", 1) or []
    if member:
        yield ctx.passed(keys["console_group_member"], f"{who} is a member of {CONSOLE_GROUP}.")
    elif absent:
        yield ctx.failed(keys["console_group_member"], f"{who} cannot be in {CONSOLE_GROUP}: the group does not "
                                                       "exist yet.",
                         fix=f"First create the group {CONSOLE_GROUP}, then add the person to it.")
    elif is_admin or _any_visible(client, "sys_user_grmember"):
        yield ctx.failed(keys["console_group_member"], f"{who} is not a member of {CONSOLE_GROUP}.")
    else:
        yield ctx.unknown(keys["console_group_member"], f"{who} may not read group memberships, so the instance does "
                                                        f"not say whether they are in {CONSOLE_GROUP}.",
                          fix=f"Ask an administrator to check {_GROUPS_PLACE}, {CONSOLE_GROUP}, Group Members.")


def _true(value) -> bool:
    return str(value).lower() in ("true", "1")


def _write_result(ctx, client, tables: list[str], roles: set[str], is_admin: bool):
    if is_admin:
        return ctx.passed("write", f"The proxy user holds admin, which ACLs allow to write {', '.join(tables)}.")
    allowed, denied, unknown = [], [], []
    # Every table's write ACLs and their roles in two reads (an encoded query's IN operator), not two per table.
    names = ",".join(tables)
    # sys_security_acl is guarded by security_admin: a 403 (None) falls back to the roles known to write.
    all_acls = _rows(client, "sys_security_acl", f"nameIN{names}^operation=write^active=true", "sys_id,name",
                     100 * len(tables)) or []
    all_roles = (_rows(client, "sys_security_acl_role",
                       f"sys_security_acl.nameIN{names}^sys_security_acl.operation=write",
                       "sys_security_acl,sys_user_role.name", 1000 * len(tables)) or []) if all_acls else []
    for table in tables:
        acls = [a for a in all_acls if str(a.get("name")) == table]
        if acls:
            ids = {str(a.get("sys_id")) for a in acls}
            acl_roles = [row for row in all_roles if str(row.get("sys_security_acl")) in ids]
            by_acl: dict[str, set[str]] = {str(a.get("sys_id")): set() for a in acls}
            for row in acl_roles:
                by_acl.setdefault(str(row.get("sys_security_acl")), set()).add(str(row.get("sys_user_role.name") or ""))
            open_to = [needed for needed in by_acl.values() if not (needed - {""}) or (needed & roles)]
            if open_to:
                names = sorted({r for needed in open_to for r in needed if r and r in roles})
                allowed.append(f"{table} (ACL roles held: {', '.join(names) or 'no role needed'})")
            else:
                needed = sorted({r for s in by_acl.values() for r in s if r})
                denied.append(f"{table} (write ACLs ask for {', '.join(needed)})")
            continue
        known = _KNOWN_WRITE_ROLES.get(table)
        if known and roles & known:
            allowed.append(f"{table} (holds {', '.join(sorted(roles & known))}; ACLs not readable)")
        elif known and roles:
            denied.append(f"{table} (none of {', '.join(sorted(known))}; ACLs not readable)")
        else:
            unknown.append(table)
    if denied:
        return ctx.failed("write", f"Roles do not allow writing: {'; '.join(denied)}.")
    if unknown:
        return ctx.unknown("write", f"Write access to {', '.join(unknown)} could not be worked out: the ACLs "
                                    "(sys_security_acl, guarded by security_admin) and the proxy user's roles do not "
                                    "show it. Confirm it with a test write (see the manual check).")
    return ctx.passed("write", f"By roles and ACLs: {'; '.join(allowed)}. ACL conditions and scripts can still "
                               "refuse single records; the manual check confirms it.")


def _refresh_token_result(ctx, client, user_sys_id: str):
    client_id = ctx.target.value("client_id")
    # Both OAuth tables are often guarded by admin (403): then the expiry is not confirmed, with the manual step.
    entities = _rows(client, "oauth_entity", f"client_id={client_id}", "sys_id,name,refresh_token_lifespan", 1) or []
    lifespan = None
    if entities and str(entities[0].get("refresh_token_lifespan") or "").isdigit():
        lifespan = timedelta(seconds=int(entities[0]["refresh_token_lifespan"]))
    tokens = _rows(client, "oauth_credential", f"type=refresh_token^user={user_sys_id}^peer.client_id={client_id}"
                                               "^ORDERBYDESCexpires", "expires,type", 1) or []
    expires = _parse_time(tokens[0].get("expires")) if tokens else None
    counted = ""
    issued = _parse_iso(ctx.sign_in.refresh_token_issued_at)  # a browser sign-in ExaDesk made
    if expires is None and issued is not None:
        # Not readable here, but the token's life started at that sign-in and is not extended on use.
        expires = issued + (lifespan or DEFAULT_REFRESH_LIFESPAN)
        counted = " (counted from when ExaDesk signed in)"
    if expires is None:
        span = f"{lifespan.days} days" if lifespan else "100 days unless the application sets another lifespan"
        return ctx.unknown("refresh_token_lifespan",
                           f"ServiceNow does not let the proxy user read its token records, so the refresh token's "
                           f"expiry is unknown. A refresh token lives {span} from when it was issued and is not "
                           "extended when used.",
                           fix="As an administrator open System OAuth, Manage Tokens and note the refresh token's "
                               "Expires date.")
    ctx.token_expires_at = expires
    left = expires - clock.now()
    when = expires.strftime("%d %b %Y")
    if left <= timedelta(0):
        return ctx.failed("refresh_token_lifespan", f"The refresh token expired on {when}{counted}.")
    if left <= REFRESH_WARNING:
        return ctx.warned("refresh_token_lifespan", f"The refresh token runs out on {when} ({left.days} days "
                                                    f"left){counted}; after that the integration stops until a new "
                                                    "one is entered.")
    return ctx.passed("refresh_token_lifespan", f"The refresh token runs out on {when} ({left.days} days "
                                                f"left){counted}.")


def _parse_iso(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _parse_time(value) -> datetime | None:
    # Table API date-times are "YYYY-MM-DD HH:MM:SS" in UTC when sysparm_display_value=false.
    try:
        return datetime.strptime(str(value or ""), "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


# -- fixes (exadesk fix): a role through sys_user_has_role -----------------------------------------------
# ServiceNow's Table API: POST /api/now/table/sys_user_has_role {user, role} creates the grant and answers the new
# record (its sys_id); DELETE /api/now/table/sys_user_has_role/{sys_id} removes it. Granting roles takes user_admin
# (or admin); other callers get 403 "ACL Exception Insert Failed due to security constraints".

_TABLE_API_REF = "https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html"
#: Requirement key -> the roles that meet it (each the narrowest named role; never admin).
FIX_ROLES = {
    "import_set": ("import_set_loader", "import_transformer"),
    "snc_platform_rest_api_access": ("snc_platform_rest_api_access",),
    "snc_basic_auth_api_access": ("snc_basic_auth_api_access",),
}
FIX_TEXTS = {
    "role": "Give {user} the role {role}",
    "role_touches": "Every access control that admits {role}, and every role it contains, applies to {user} as "
                    "well.",
    "no_role": "There is no role called {role} on this instance.",
}


def fix_client(ctx):
    """The administrator's client for fixes, signed in as ``ctx.target`` (the fix module makes it writable)."""
    return _sign_in(ctx)[0]


def _plan_roles(ctx, key: str):
    from exadesk.fixes import Call, Change

    client = fix_client(ctx)
    username = ctx.proxy.value("username")
    users = _rows(client, "sys_user", f"user_name={username}", "sys_id,user_name", 1) if username else []
    if not users:
        return []  # the proxy user's own check names why
    user_id = str(users[0].get("sys_id") or "")
    held = {str(r.get("role.name") or "") for r in _rows(client, "sys_user_has_role", f"user={user_id}^state=active",
                                                         "role.name")}
    changes = []
    for role in FIX_ROLES[key]:
        found = _rows(client, "sys_user_role", f"name={role}", "sys_id,name", 1)
        if not found:
            continue  # a role the instance lacks cannot be granted; the check's own fix stays the way
        changes.append(Change(
            SPEC.check_id(key), FIX_TEXTS["role"].format(user=username, role=role),
            Call("POST", "/api/now/table/sys_user_has_role", body={"user": user_id,
                                                                   "role": str(found[0].get("sys_id") or "")}),
            Call("DELETE", "/api/now/table/sys_user_has_role/{created}"), _TABLE_API_REF,
            (FIX_TEXTS["role_touches"].format(role=role, user=username),), created_from=("result", "sys_id"),
            done=role in held))
    return changes


def _fixes():
    from exadesk.fixes import Fix

    return (Fix(tuple(FIX_ROLES), _plan_roles, "the user_admin role (or admin) to grant roles", _TABLE_API_REF),)


FIXES = _fixes()


register(SPEC, sys.modules[__name__])
