"""ServiceNow's REST API as ExaDesk reads it: the Table, Batch and aggregate APIs under ACLs, its error bodies, the
OAuth refresh, and the records the checks of exadesk/trackers/servicenow.py need. It judges nothing and writes no
sentence a person reads: the checks word what these facts mean.

ServiceNow's ACLs answer in two ways, and every read here keeps them apart (KB2971488): a table whose table-level
ACL the caller does not pass answers 403 "User Not Authorized" (here: None, or the state ``"no"``), while row-level
ACLs filter rows, so an empty page proves nothing by itself (the state ``"hidden"``, with the aggregate API's count
when it answers).

https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html (Table API, sysparm_query/fields/limit)
https://www.servicenow.com/docs/r/api-reference/rest-apis/c_AggregateAPI.html (/api/now/stats/{table})
https://www.servicenow.com/docs/r/api-reference/rest-apis/batch-api.html (POST /api/now/v1/batch: rest_requests,
    serviced_requests with base64 bodies; ACLs apply to each sub-request)
https://www.servicenow.com/docs/r/api-reference/rest-apis/c_RESTAPIResponseCodes.html (error body {"error": {...}})
https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthApplications.html (/oauth_token.do,
    refresh_token grant; oauth_entity.refresh_token_lifespan, oauth_credential.expires)
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from exadesk.foundation import messages
from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import CheckError
from exadesk.foundation.records import dataclass
from exadesk.verification import oauth
from exadesk.verification.http import BasicAuth, BearerAuth, Reply
from exadesk.verification.spec import origin

def api_base(url: str) -> str:
    """The Table API lives on the instance itself."""
    return origin(urlsplit(url))


@dataclass(frozen=True)
class Session:
    """The signed-in client and the account's own sys_user record."""

    client: object
    user: dict
    sys_id: str


def sign_in(ctx, profile: oauth.OAuthProfile) -> Session:
    """Sign in with the entered credential (Basic, or OAuth with ``profile``) and read the account's own record: the
    one probe. Sets ``ctx.identity``; the run stops when the record is refused, absent, or names another user."""
    target, name = ctx.target, ctx.spec.name
    base = api_base(target.url)
    client = ctx.client(base, None, login_url=base + "/login.do", diagnose=diagnose)
    username = target.value("username")
    if ctx.method.id == "oauth":
        # A stored sign-in arrives with an access token the engine just refreshed (exadesk.verification.tokens).
        client.auth = BearerAuth(target.secrets.get("access_token") or refreshed_access_token(client, profile, target))
    else:
        client.auth = BasicAuth(username, target.secrets.get("password"))
    # An OAuth token names no user, so ask who it acts as (a dynamic filter the instance resolves).
    query = "sys_id=javascript:gs.getUserID()" if ctx.method.id == "oauth" else f"user_name={username}"
    users = rows(client, "sys_user", query, "sys_id,user_name,name,email,active,web_service_access_only", 1)
    if users is None:  # without its own record nothing can be said about the account: the run stops here
        raise CheckError(messages.problem("servicenow.user_refused", tracker=name, user=username))
    if not users:
        raise CheckError(messages.problem("servicenow.user_not_found", tracker=name, user=username))
    user = users[0]
    if str(user.get("user_name") or "").lower() != username.lower():
        raise CheckError(messages.problem("servicenow.token_other_user", tracker=name, user=username,
                                          owner=str(user.get("user_name") or "another user")))
    sys_id = str(user.get("sys_id") or "")
    ctx.identity = Identity(name=str(user.get("name") or username), login=str(user.get("user_name") or username),
                            id=sys_id, kind="web service" if true(user.get("web_service_access_only")) else "user")
    return Session(client, user, sys_id)


#: Sub-requests in one Batch API call (each is served in turn; a handful keeps a call far from its 30 s quota).
BATCH_SIZE = 25


def rows(client, table: str, query: str, fields: str, limit: int = 1000) -> list[dict] | None:
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
        raise CheckError(messages.problem("http.wrong_shape", tracker=client.page.tracker, what="no result list",
                                          url=client.base_url))
    return [r for r in result if isinstance(r, dict)]


def any_visible(client, table: str) -> bool:
    """Whether the caller sees any record of ``table``: ACLs hide rows instead of refusing, so an empty answer to a
    filtered query proves nothing unless the table is readable at all (a refused table shows nothing)."""
    return bool(rows(client, table, "", "sys_id", 1))


@dataclass(frozen=True)
class TableAccess:
    """What the first read of a table showed.

    state: ``yes`` (rows seen), ``no`` (refused, or no such table or no access), ``hidden`` (no row visible) or
    ``missing`` (ServiceNow does not know the table); ``status`` is the refusing HTTP status, ``count`` the records
    the aggregate API counted when none was visible (None when it did not say).
    """

    state: str
    status: int = 0
    count: int | None = None


def tables_access(ctx, client, tables: list[str]) -> list[TableAccess]:
    """:func:`table_access` for many tables: their first reads go together through the Batch API (GET
    sub-requests only), one call per :data:`BATCH_SIZE`; a table the batch did not serve is read on its own."""
    chunks = [tables[i:i + BATCH_SIZE] for i in range(0, len(tables), BATCH_SIZE)] if len(tables) > 1 else []
    served: dict[str, Reply] = {}
    for answer in ctx.gather(lambda chunk=chunk: _batch_first_reads(client, chunk) for chunk in chunks):
        served.update(answer)
    return ctx.gather(lambda t=t: table_access(client, t, served.get(t)) for t in tables)


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
        table = tables[int(item["id"])]
        out[table] = Reply(int(item.get("status_code") or 0), reply.headers, inner, client.url(_first_read(table)))
    return out


def table_access(client, table: str, first: Reply | None = None) -> TableAccess:
    """Whether ``table`` is readable: rows seen, refused, none visible, or no such table.

    ``first`` is the table's first read when a batch already made it."""
    reply = first or client.get(f"/api/now/table/{table}", params={"sysparm_limit": "1", "sysparm_fields": "sys_id"},
                                allow=(400, 403, 404))
    if reply.status == 403:
        return TableAccess("no", 403)
    if reply.status == 400 and b"invalid table" in reply.body[:4096].lower():
        return TableAccess("missing")  # ServiceNow's answer for a table name it does not know
    if reply.status in (400, 404):
        return TableAccess("no", reply.status)
    data = client.decode(reply, dict)
    if isinstance(data.get("result"), list) and data["result"]:
        return TableAccess("yes")
    # ACLs filter rows rather than refuse: an empty page may mean 'all hidden'. The aggregate API says
    # whether records exist that the proxy user may count.
    return TableAccess("hidden", count=_count(client, table))


def _count(client, table: str) -> int | None:
    stats = client.get(f"/api/now/stats/{table}", params={"sysparm_count": "true"}, allow=(403, 404))
    if stats.status != 200:
        return None
    body = client.decode(stats, dict)
    result = body.get("result") if isinstance(body.get("result"), dict) else {}
    stats_part = result.get("stats") if isinstance(result.get("stats"), dict) else {}
    raw = str(stats_part.get("count", ""))
    return int(raw) if raw.isdigit() else None


def true(value) -> bool:
    """A Table API boolean ("true"/"false" strings when sysparm_display_value=false)."""
    return str(value).lower() in ("true", "1")


def parse_time(value) -> datetime | None:
    """A Table API date-time: "YYYY-MM-DD HH:MM:SS" in UTC when sysparm_display_value=false."""
    try:
        return datetime.strptime(str(value or ""), "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


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
    params = {"tracker": client.page.tracker, "login_url": client.base_url + "/login.do", "url": client.base_url}
    if urlsplit(reply.url).path.endswith("/oauth_token.do"):
        return messages.problem("servicenow.oauth_rejected", error=detail or message or f"HTTP {reply.status}", **params)
    # A locked account, a password to reset and a Basic restriction all answer the same 401 "User Not
    # Authenticated"; the message names every cause (ServiceNow never says which).
    if reply.status == 401 and (message or detail):
        return messages.problem("servicenow.not_authenticated", **params)
    # 403 "User Not Authorized" stays generic: table probes accept it as an answer (allow=(403,)).
    return None


def refreshed_access_token(client, profile, target) -> str:
    """A new access token from the stored refresh token, through ExaDesk's one OAuth client
    (exadesk.verification.oauth).

    A refusal is ServiceNow's own ``servicenow.oauth_rejected`` with the tracker's words; the grant is sent once.
    """
    try:
        tokens = oauth.refresh(client, profile, target.secrets.get("refresh_token"), target.value("client_id"),
                               target.secrets.get("client_secret"))
    except oauth.OAuthError as exc:
        raise CheckError(messages.problem("servicenow.oauth_rejected", tracker=profile.name,
                                          error=exc.error or "no access token")) from None
    return tokens.access_token


def roles(client, user_sys_id: str) -> frozenset[str] | None:
    """The user's active roles; None when sys_user_has_role answered 403 (the checks needing it are then not
    confirmed)."""
    found = rows(client, "sys_user_has_role", f"user={user_sys_id}^state=active", "role.name,inherited")
    return None if found is None else frozenset(str(r.get("role.name") or "") for r in found) - {""}


@dataclass(frozen=True)
class Plugin:
    """A plugin's rows in v_plugin (None: refused), and whether the list shows any plugin at all (read only when the
    plugin's own row is absent: an empty answer to a filtered query proves nothing by itself)."""

    rows: tuple[dict, ...] | None
    list_visible: bool = False


def plugin(client, plugin_id: str) -> Plugin:
    found = rows(client, "v_plugin", f"id={plugin_id}", "id,name,active", 1)
    if found is None or found:
        return Plugin(None if found is None else tuple(found))
    return Plugin((), list_visible=any_visible(client, "v_plugin"))


def write_acls(client, tables: list[str]) -> tuple[tuple[dict, ...] | None, tuple[dict, ...]]:
    """The tables' active write ACLs (sys_security_acl) and the roles each asks for (sys_security_acl_role), in two
    reads (an encoded query's IN operator), not two per table. sys_security_acl is guarded by security_admin: a 403
    or no ACL at all is (None, ())."""
    names = ",".join(tables)
    acls = rows(client, "sys_security_acl", f"nameIN{names}^operation=write^active=true", "sys_id,name",
                100 * len(tables))
    if not acls:
        return None, ()
    acl_roles = rows(client, "sys_security_acl_role", f"sys_security_acl.nameIN{names}^sys_security_acl.operation=write",
                     "sys_security_acl,sys_user_role.name", 1000 * len(tables)) or []
    return tuple(acls), tuple(acl_roles)


def refresh_token_record(client, client_id: str, user_sys_id: str) -> tuple[timedelta | None, datetime | None]:
    """The OAuth application's refresh token lifespan (oauth_entity) and the user's newest refresh token's expiry
    (oauth_credential); each None when not readable (both tables are often guarded by admin)."""
    entities = rows(client, "oauth_entity", f"client_id={client_id}", "sys_id,name,refresh_token_lifespan", 1) or []
    lifespan = None
    if entities and str(entities[0].get("refresh_token_lifespan") or "").isdigit():
        lifespan = timedelta(seconds=int(entities[0]["refresh_token_lifespan"]))
    tokens = rows(client, "oauth_credential", f"type=refresh_token^user={user_sys_id}^peer.client_id={client_id}"
                                              "^ORDERBYDESCexpires", "expires,type", 1) or []
    return lifespan, parse_time(tokens[0].get("expires")) if tokens else None
