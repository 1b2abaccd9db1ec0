"""Asana, personal access tokens (the proxy user's own token).

Written from Asana's API documentation and its OpenAPI description (Asana/openapi defs/asana_oas.yaml):
https://developers.asana.com/docs/personal-access-token
https://developers.asana.com/reference/getuser (GET /users/me, ``workspaces``)
https://developers.asana.com/reference/getworkspaces (GET /workspaces)
https://developers.asana.com/reference/getworkspacemembershipsforuser (is_admin, is_guest, is_active)
https://developers.asana.com/docs/errors (``{"errors": [{"message", "help"}]}``, 401, 402, 403)
https://help.asana.com/s/article/service-accounts (service accounts: Enterprise only)
https://developers.asana.com/reference/adduserforworkspace and removeuserforworkspace (the fix and its undo)
"""

from __future__ import annotations

import dataclasses
import sys
from urllib.parse import urlsplit

from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.changes import Call, Change, Fix, admin_role_not_fixable
from exadesk.verification.http import BearerAuth, Reply
from exadesk.verification.registry import register
from exadesk.verification.spec import AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec, origin

_DEDICATED_FIX = ("Create a dedicated Asana member for the integration (for example 'exalate-sync'), or a service "
                  "account if you are on Asana Enterprise (Admin console, Apps, Service accounts), and use its token.")

#: Every sentence this adapter writes in a check (exadesk.foundation.strings).
TEXTS = {
    "none": "none",
    "and": " and ",
    "workspaces.unnamed": "No workspaces named; the token reaches: {names}.",
    "workspaces.none_reached": "The token reaches no workspace at all.",
    "workspaces.token_blocked": "{entry} (the user is a member, but the token may not use it: personal access "
                                "tokens are likely blocked there by an admin)",
    "workspaces.no_such": "{entry} (no workspace by that name that this user belongs to: check the name)",
    "workspaces.unreachable": "Not reachable with this token: {missing}. It reaches: {names}.",
    "workspaces.reached": "Reaches {names}.",
    "member.nothing_reachable": "No reachable workspace to check the membership in.",
    "member.guest_in": "a guest in {names}",
    "member.inactive_in": "not active in {names}",
    "member.not_full": "{who} is {parts}.",
    "member.not_listed": "Asana listed no membership for {names}.",
    "member.full": "Full member of {names}.",
    "is_admin.nothing_reachable": "No reachable workspace to check.",
    "is_admin.admin_of": "{who} is an admin of {names}. A personal access token always acts as a person; if this is "
                         "someone's own admin account, their edits stop syncing and the setup ends when they leave.",
    "is_admin.not_admin": "The proxy user is not a workspace admin.",
    "admin.no_scope": "No workspaces are in scope, so admin rights were not checked.",
    "admin.no_scope_fix": "Add the workspaces the connection syncs.",
    "admin.not_member": "{entry} (not a member, or tokens are blocked there)",
    "admin.lacking": "{who} is not an admin of: {names}.",
    "admin.is_admin": "{who} is an admin of {names}.",
    "fix.add": "Add {user} to the workspace {workspace}",
    "fix.guest": "In an organization, a user whose e-mail domain is not the organization's joins as a guest; the "
                 "membership check then says so, and only an Asana admin can change it.",
    "fix.undo_owner": "Undoing it (removeUser) hands the proxy user's tasks and projects in {workspace} over to the "
                      "owner of the administrator's token.",
}

SPEC = TrackerSpec(
    texts=TEXTS,
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
    from exadesk.foundation import messages

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


# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What Asana said about the token's user and the workspaces in scope."""

    who: str
    scope: tuple[str, ...]  # the workspaces named (blank entries left out)
    reachable: tuple[dict, ...]  # GET /workspaces: what the token may use
    member_of: tuple[dict, ...]  # GET /users/me: every workspace the user belongs to
    #: GET /users/me/workspace_memberships by workspace gid; None when nothing in scope was reachable (not read).
    memberships: dict[str, dict] | None

    def in_scope(self) -> list[dict]:
        """The reachable workspaces in scope (all of them when none is named)."""
        if not self.scope:
            return list(self.reachable)
        return [found for found in (_match(entry, list(self.reachable)) for entry in self.scope) if found]


def _sign_in(ctx):
    client, user = _signed_in(ctx)
    return client, user


def _gather(ctx, session) -> Facts:
    client, user = session
    listed = client.get_json("/workspaces", params={"limit": 100}, expect=dict)
    facts = Facts(who=ctx.identity.label(), scope=tuple(s for s in ctx.target.scope if s.strip()),
                  reachable=tuple(w for w in listed.get("data") or [] if isinstance(w, dict)),
                  member_of=tuple(w for w in user.get("workspaces") or [] if isinstance(w, dict)),
                  memberships=None)
    if not facts.in_scope():
        return facts
    return dataclasses.replace(facts, memberships=_memberships(client))


JUDGES = Judges()


def _names(workspaces) -> str:
    return ", ".join(str(w.get("name") or w.get("gid")) for w in workspaces)


@JUDGES("workspaces")
def _workspaces(ctx, facts: Facts):
    reaches = _names(facts.reachable) or ctx.say("none")
    if not facts.scope:
        if facts.reachable:
            return ctx.passed("workspaces", ctx.say("workspaces.unnamed", names=reaches))
        return ctx.failed("workspaces", ctx.say("workspaces.none_reached"))
    missing = []
    for entry in facts.scope:
        if _match(entry, list(facts.reachable)):
            continue
        if _match(entry, list(facts.member_of)):
            missing.append(ctx.say("workspaces.token_blocked", entry=entry))
        else:  # the token's one scope check already is the single finding for a misspelt name
            missing.append(ctx.say("workspaces.no_such", entry=entry))
    if missing:
        return ctx.failed("workspaces", ctx.say("workspaces.unreachable", missing="; ".join(missing), names=reaches))
    return ctx.passed("workspaces", ctx.say("workspaces.reached", names=_names(facts.in_scope())))


@JUDGES("member")
def _member(ctx, facts: Facts):
    if facts.memberships is None:
        return ctx.unknown("member", ctx.say("member.nothing_reachable"))
    guests, inactive, unknown = [], [], []
    for ws in facts.in_scope():
        name = str(ws.get("name") or ws.get("gid"))
        item = facts.memberships.get(str(ws.get("gid")))
        if item is None:
            unknown.append(name)
        elif item.get("is_guest") is True:
            guests.append(name)
        elif item.get("is_active") is False:
            inactive.append(name)
    if guests or inactive:
        parts = [ctx.say("member.guest_in", names=", ".join(guests))] if guests else []
        parts += [ctx.say("member.inactive_in", names=", ".join(inactive))] if inactive else []
        return ctx.failed("member", ctx.say("member.not_full", who=facts.who, parts=ctx.say("and").join(parts)))
    if unknown:
        return ctx.unknown("member", ctx.say("member.not_listed", names=", ".join(unknown)))
    return ctx.passed("member", ctx.say("member.full", names=_names(facts.in_scope())))


@JUDGES("is_admin")
def _is_admin(ctx, facts: Facts):
    if facts.memberships is None:
        return ctx.unknown("is_admin", ctx.say("is_admin.nothing_reachable"))
    admins = [str(ws.get("name") or ws.get("gid")) for ws in facts.in_scope()
              if (facts.memberships.get(str(ws.get("gid"))) or {}).get("is_admin") is True]
    if admins:
        return ctx.warned("is_admin", ctx.say("is_admin.admin_of", who=facts.who, names=", ".join(admins)))
    return ctx.passed("is_admin", ctx.say("is_admin.not_admin"))


verify_live = adapter(_sign_in, _gather, JUDGES)


# -- the administrator's own credential (exadesk.services.planner) -----------------------------------------------------


@dataclass(frozen=True)
class AdminFacts:
    """The administrator's workspace memberships and the workspaces in scope."""

    who: str
    scope: tuple[str, ...]
    by_workspace: dict[str, dict]


def _gather_admin(ctx, session) -> AdminFacts:
    client, _ = session
    return AdminFacts(who=ctx.identity.label(), scope=tuple(s for s in ctx.target.scope if s.strip()),
                      by_workspace=_memberships(client))


ADMIN_JUDGES = Judges()


@ADMIN_JUDGES("admin.workspace_admin")
def _workspace_admin(ctx, facts: AdminFacts):
    """The planner's admin fact on Asana: the person is an admin of each workspace in scope."""
    if not facts.scope:
        return ctx.unknown("admin.workspace_admin", ctx.say("admin.no_scope"), fix=ctx.say("admin.no_scope_fix"))
    workspaces = [dict(item["workspace"]) for item in facts.by_workspace.values()]
    lacking = []
    for entry in facts.scope:
        found = _match(entry, workspaces)
        item = facts.by_workspace.get(str(found.get("gid"))) if found else None
        if item is None:
            lacking.append(ctx.say("admin.not_member", entry=entry))
        elif item.get("is_admin") is not True or item.get("is_active") is False:
            lacking.append(entry)
    if lacking:
        return ctx.failed("admin.workspace_admin", ctx.say("admin.lacking", who=facts.who, names=", ".join(lacking)))
    return ctx.passed("admin.workspace_admin", ctx.say("admin.is_admin", who=facts.who, names=", ".join(facts.scope)))


verify_admin = adapter(_sign_in, _gather_admin, ADMIN_JUDGES)


# -- fixes (exadesk fix): workspace membership ---------------------------------------------------------------------
# Asana's reference: Add a user to a workspace or organization (POST /workspaces/{workspace_gid}/addUser
# {"data": {"user": gid}}) and Remove a user from a workspace or organization (POST .../removeUser, same body; "the
# user making this call must be an admin in the workspace"; with a personal access token the removed user's
# resources go to the token's owner). Get the workspace memberships for a workspace (?user=) tells whether the
# proxy user is already in.

_ADD_USER_REF = "https://developers.asana.com/reference/adduserforworkspace"


def fix_client(ctx):
    """The administrator's client for fixes, signed in as ``ctx.target`` (the fix module makes it writable)."""
    return _signed_in(ctx)[0]


def _plan_membership(ctx, key: str):
    user = ctx.proxy_identity.id if ctx.proxy_identity else ""
    if not user:
        return []
    client = fix_client(ctx)
    listed = client.get_json("/workspaces", params={"limit": 100}, expect=dict)
    reachable = [w for w in listed.get("data") or [] if isinstance(w, dict)]
    changes = []
    for entry in (s for s in ctx.proxy.scope if s.strip()):
        workspace = _match(entry, reachable)
        if workspace is None:
            continue  # the administrator does not see it either: the name is the problem, not the membership
        gid, name = str(workspace.get("gid")), str(workspace.get("name") or workspace.get("gid"))
        member = client.get_json(f"/workspaces/{gid}/workspace_memberships", params={"user": user, "limit": 1},
                                 expect=dict).get("data")
        body = {"data": {"user": user}}
        changes.append(Change(SPEC.check_id(key), ctx.say("fix.add", user=ctx.proxy_identity.label(), workspace=name),
                              Call("POST", f"/workspaces/{gid}/addUser", body=body),
                              Call("POST", f"/workspaces/{gid}/removeUser", body=body), _ADD_USER_REF,
                              (ctx.say("fix.guest"), ctx.say("fix.undo_owner", workspace=name)), done=bool(member)))
    return changes


FIXES = (Fix(("workspaces",), _plan_membership, "full membership of each workspace listed, and admin rights where "
             "the workspace lets only admins invite (undoing takes an admin)", _ADD_USER_REF),)
#: Why the other requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md).
NOT_FIXABLE = {
    "member": "Asana's reference documents no call that turns a guest into a full member; a workspace admin does it "
              "in the Admin console.",
    "is_admin": "replacing a workspace admin's own account with a dedicated proxy user is a person's choice; ExaDesk's "
                "fixes never take rights away.",
    "admin.workspace_admin": admin_role_not_fixable("a workspace admin"),
}


register(SPEC, sys.modules[__name__])
