"""Asana, personal access tokens (the proxy user's own token).

Written from Asana's API documentation and its OpenAPI description (Asana/openapi defs/asana_oas.yaml):
https://developers.asana.com/docs/personal-access-token
https://developers.asana.com/reference/getuser (GET /users/me, ``workspaces``)
https://developers.asana.com/reference/getworkspaces (GET /workspaces)
https://developers.asana.com/reference/getworkspacemembershipsforuser (is_admin, is_guest, is_active)
https://developers.asana.com/docs/errors (``{"errors": [{"message", "help"}]}``, 401, 402, 403)
https://help.asana.com/s/article/service-accounts (service accounts: Enterprise only)
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

from exadesk.checks import Identity
from exadesk.errors import ErrorKind
from exadesk.http import BearerAuth, Reply
from exadesk.messages import Message
from exadesk.trackers import register
from exadesk.trackers.base import AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec, origin

_DEDICATED_FIX = ("Create a dedicated Asana member for the integration (for example 'exalate-sync'), or a service "
                  "account if you are on Asana Enterprise (Admin console, Apps, Service accounts), and use its token.")

SPEC = TrackerSpec(
    catalogue_order=100,
    id="asana",
    name="Asana",
    docs_url="https://developers.asana.com/docs",
    summary="Asana workspaces; the proxy user's personal access token.",
    url=UrlSpec(example="https://app.asana.com", hint="https://app.asana.com (Asana has one address for everyone)",
                pattern=r"https://app\.asana\.com(/.*)?", default="https://app.asana.com",
                site=r"app\.asana\.com"),
    scope=ScopeSpec(label="Workspaces", example="Acme Corp",
                    hint="a workspace or organisation name as Asana shows it, or its numeric id (gid)",
                    noun="workspace", entry="name"),
    auth_methods=(
        AuthMethod(
            id="pat",
            label="Personal access token",
            description="A token that acts as the proxy user in every workspace the user belongs to. Asana ties it to "
                        "a person: it stops working when that person is removed.",
            fields=(
                Field("token", "Personal access token", secret=True,
                      hint="an Asana personal access token: a digit, a slash, the user's number, a colon and 32 "
                           "letters or digits (older tokens: 0/ and 32 letters or digits)",
                      example="2/1200000000000001/1200000000000002:0123456789abcdef0123456789abcdef",
                      pattern=r"(?:0/[0-9a-f]{32}|[1-9]/[0-9]+(?:/[0-9]+)?:[0-9a-f]{32})"),
            ),
            steps=(
                Step("Sign in to Asana as the proxy user (the account the integration acts as), not as yourself.",
                     link="{url}/", link_label="Open Asana"),
                Step("Click the profile picture (top right) and choose Settings."),
                Step("Open the Apps tab and choose Manage Developer Apps.",
                     link="{url}/0/my-apps", link_label="Open the developer console"),
                Step("Choose Create New Personal Access Token (under Personal access tokens)."),
                Step("Name it after the integration (for example 'Exalate'), agree to the terms and choose Create "
                     "token."),
                Step("Copy the token at once: Asana shows it only once. If you lose it, create a new one."),
                Step("If Asana says personal access tokens are blocked, a workspace admin has turned them off (Admin "
                     "console, Security, or Apps): ask them to allow tokens for the proxy user."),
            ),
        ),
    ),
    requirements=(
        Requirement("workspaces", "Token reaches every workspace in scope",
                    "Add the proxy user to the workspace (workspace, Invite), check the workspace names, or ask a "
                    "workspace admin whether personal access tokens are blocked there (Admin console, Apps)."),
        Requirement("member", "Proxy user is a full member, not a guest",
                    "Make the proxy user a member of the workspace: a workspace admin changes it in Admin console, "
                    "Members (guests only see what is shared with them)."),
        Requirement("is_admin", "Proxy user is not a workspace admin's own account", _DEDICATED_FIX),
    ),
    # Asana has no project administrators for integrations and no exalate_console_admin group: the person who
    # configures the integration is an admin of the workspace (organisation) it syncs.
    admin_requirements={
        "system_admin": Requirement("admin.workspace_admin", "Administrator is an admin of each workspace in scope",
                                    "An Asana super admin makes the person an admin: Admin console, Members, the "
                                    "person, Set as admin."),
    },
    messages={
        "token_rejected": Message(ErrorKind.AUTH,
                                  "Asana did not accept the personal access token ({detail}).",
                                  "Check that you copied the whole token and that it was not deleted (Settings, Apps, "
                                  "Manage Developer Apps). A workspace admin may also have disabled personal access "
                                  "tokens or this app for the workspace: ask them (Admin console, Apps)."),
        "premium_only": Message(ErrorKind.FORBIDDEN,
                                "Asana answered that this needs a paid plan ({detail}).",
                                "Upgrade the workspace to a paid plan (Admin console, Billing), or leave the "
                                "feature that needs it out of the sync."),
    },
)


def api_base(url: str) -> str:
    """app.asana.com serves its API at /api/1.0; a loopback address is a self-hosted test server with the same path."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in ("app.asana.com", "asana.com", "www.asana.com"):
        return "https://app.asana.com/api/1.0"
    return origin(parts) + "/api/1.0"


def error_text(reply: Reply) -> str:
    """The first message of Asana's error body ``{"errors": [{"message": ...}]}``."""
    data = reply.json_or_none()
    errors = data.get("errors") if isinstance(data, dict) else None
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return str(errors[0].get("message") or "")
    return ""


def diagnose(reply: Reply, client) -> object:
    """Asana's own answers: 401 (token wrong, deleted or blocked) and 402 (paid plan only)."""
    from exadesk import messages

    if reply.status == 401 and not reply.looks_like_html():
        return messages.problem("asana.token_rejected", tracker=SPEC.name,
                                detail=error_text(reply) or "HTTP 401")
    if reply.status == 402:
        return messages.problem("asana.premium_only", tracker=SPEC.name, detail=error_text(reply) or "HTTP 402")
    return None


def _match(entry: str, workspaces: list[dict]) -> dict | None:
    wanted = entry.strip().casefold()
    for ws in workspaces:
        if str(ws.get("gid")) == entry.strip() or str(ws.get("name") or "").strip().casefold() == wanted:
            return ws
    return None


def _signed_in(ctx):
    """A client for the token and the user it belongs to (``GET /users/me``); sets the identity."""
    client = ctx.client(api_base(ctx.target.url), BearerAuth(ctx.target.secrets.get("token")),
                        login_url="https://app.asana.com/", diagnose=diagnose)
    me = client.get_json("/users/me", params={"opt_fields": "name,email,workspaces,workspaces.name"}, expect=dict)
    user = me.get("data") if isinstance(me.get("data"), dict) else {}
    gid = str(user.get("gid") or "")
    ctx.identity = Identity(name=str(user.get("name") or ""), login=str(user.get("email") or ""), id=gid, kind="user")
    return client, user


def _memberships(client) -> dict[str, dict]:
    """The token owner's workspace memberships by workspace gid."""
    memberships = client.get_json("/users/me/workspace_memberships",
                                  params={"opt_fields": "is_active,is_admin,is_guest,workspace,workspace.name",
                                          "limit": 100}, expect=dict)
    return {str(item["workspace"].get("gid")): item for item in memberships.get("data") or []
            if isinstance(item, dict) and isinstance(item.get("workspace"), dict)}


def verify_admin(ctx):
    """The planner's admin fact on Asana: the person is an admin of each workspace in scope."""
    client, _ = _signed_in(ctx)
    who = ctx.identity.label()
    by_workspace = _memberships(client)
    workspaces = [dict(item["workspace"]) for item in by_workspace.values()]
    scope = [s for s in ctx.target.scope if s.strip()]
    if not scope:
        yield ctx.unknown("admin.workspace_admin", "No workspaces are in scope, so admin rights were not checked.",
                          fix="Add the workspaces the connection syncs.")
        return
    lacking = []
    for entry in scope:
        found = _match(entry, workspaces)
        item = by_workspace.get(str(found.get("gid"))) if found else None
        if item is None:
            lacking.append(f"{entry} (not a member, or tokens are blocked there)")
        elif item.get("is_admin") is not True or item.get("is_active") is False:
            lacking.append(entry)
    if lacking:
        yield ctx.failed("admin.workspace_admin", f"{who} is not an admin of: {', '.join(lacking)}.")
    else:
        yield ctx.passed("admin.workspace_admin", f"{who} is an admin of {', '.join(scope)}.")


def verify_live(ctx):
    client, user = _signed_in(ctx)

    listed = client.get_json("/workspaces", params={"limit": 100}, expect=dict)
    reachable = [w for w in listed.get("data") or [] if isinstance(w, dict)]
    member_of = [w for w in user.get("workspaces") or [] if isinstance(w, dict)]
    names = ", ".join(str(w.get("name")) for w in reachable) or "none"

    scope = [s for s in ctx.target.scope if s.strip()]
    if not scope:
        if reachable:
            yield ctx.passed("workspaces", f"No workspaces named; the token reaches: {names}.")
        else:
            yield ctx.failed("workspaces", "The token reaches no workspace at all.")
        in_scope = reachable
    else:
        in_scope, missing = [], []
        for entry in scope:
            found = _match(entry, reachable)
            if found:
                in_scope.append(found)
            elif _match(entry, member_of):
                missing.append(f"{entry} (the user is a member, but the token may not use it: personal access "
                               "tokens are likely blocked there by an admin)")
            else:  # the token's one scope check already is the single finding for a misspelt name
                missing.append(f"{entry} (no workspace by that name that this user belongs to: check the name)")
        if missing:
            yield ctx.failed("workspaces", f"Not reachable with this token: {'; '.join(missing)}. "
                                           f"It reaches: {names}.")
        else:
            yield ctx.passed("workspaces", f"Reaches {', '.join(str(w.get('name')) for w in in_scope)}.")

    if not in_scope:
        yield ctx.unknown("member", "No reachable workspace to check the membership in.")
        yield ctx.unknown("is_admin", "No reachable workspace to check.")
        return

    by_workspace = _memberships(client)
    guests, inactive, admins, unknown = [], [], [], []
    for ws in in_scope:
        name = str(ws.get("name") or ws.get("gid"))
        item = by_workspace.get(str(ws.get("gid")))
        if item is None:
            unknown.append(name)
        elif item.get("is_guest") is True:
            guests.append(name)
        elif item.get("is_active") is False:
            inactive.append(name)
        if item is not None and item.get("is_admin") is True:
            admins.append(name)
    if guests or inactive:
        parts = [f"a guest in {', '.join(guests)}"] if guests else []
        parts += [f"not active in {', '.join(inactive)}"] if inactive else []
        yield ctx.failed("member", f"{ctx.identity.label()} is {' and '.join(parts)}.")
    elif unknown:
        yield ctx.unknown("member", f"Asana listed no membership for {', '.join(unknown)}.")
    else:
        yield ctx.passed("member", f"Full member of {', '.join(str(w.get('name')) for w in in_scope)}.")
    if admins:
        yield ctx.warned("is_admin", f"{ctx.identity.label()} is an admin of {', '.join(admins)}. A personal access "
                                     "token always acts as a person; if this is someone's own admin account, their "
                                     "edits stop syncing and the setup ends when they leave.")
    else:
        yield ctx.passed("is_admin", "The proxy user is not a workspace admin.")


register(SPEC, sys.modules[__name__])
