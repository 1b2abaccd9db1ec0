"""Zendesk Support, email + API token or an OAuth access token.

Written from Zendesk's API documentation and its OpenAPI description (developer.zendesk.com/zendesk/oas.yaml):
https://developer.zendesk.com/api-reference/introduction/security-and-auth/ (Basic "{email}/token:{token}", Bearer)
https://developer.zendesk.com/api-reference/ticketing/users/users/#show-self (GET /api/v2/users/me)
https://developer.zendesk.com/api-reference/ticketing/account-configuration/custom_roles/ (configuration)
https://developer.zendesk.com/api-reference/ticketing/groups/groups/#list-groups (GET /api/v2/users/{user_id}/groups)
https://developer.zendesk.com/documentation/api-basics/authentication/oauth-migration (API tokens retired)
https://support.zendesk.com/hc/en-us/articles/4408889192858 (turning on token access, Admin Center)
https://support.zendesk.com/hc/en-us/articles/4409155971354 (standard agent roles)
https://developer.zendesk.com/api-reference/ticketing/users/users/#update-user (fixes: role, custom role, suspension)
https://developer.zendesk.com/api-reference/ticketing/groups/group_memberships/ (fixes: group membership)
"""

from __future__ import annotations

import sys
from datetime import date

from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.trackers._zendesk_fixes import role_and_group_fixes
from exadesk.trackers._zendesk_texts import TEXTS
from exadesk.verification.adapter import Judges, Later, adapter
from exadesk.verification.changes import CONSOLE_MEMBER_NOT_FIXABLE, admin_role_not_fixable, console_group_not_fixable
from exadesk.verification.http import Auth, BasicAuth, BearerAuth, Reply
from exadesk.verification.notices import Notice
from exadesk.verification.oauth import OAuthProfile, sign_in_method
from exadesk.verification.registry import register
from exadesk.verification.spec import (
    CONSOLE_GROUP, AdminPolicy, AuthMethod, DelegatedStep, Field, Requirement, ScopeSpec, Step, Target, TrackerSpec,
    UrlSpec,
)

#: role_types that may not edit tickets whatever else they are allowed: light agent, chat-only agent, contributor.
LIMITED_ROLE_TYPES = frozenset({1, 2, 3})

_ROLES_STEP = "Admin Center, People, Team, Roles"
_ROLES_READ = "GET /api/v2/custom_roles"

_GROUPS_STEP = "Admin Center, People, Team, Groups"
#: No "project_admin": Zendesk has no projects (the planner shows that kind as not applicable); its delegated-admin
#: options are a custom role or the Contributor role, which the plan lists and the system_admin check names.
ADMIN_REQUIREMENTS = {
    "system_admin": Requirement(
        "admin.role.admin", "Administrator has the Zendesk Admin role",
        f"An admin opens Admin Center, People, Team, Team members, the person, and sets Role to Admin. A delegated "
        f"administrator may instead have a custom role with limited permissions, or the Contributor role "
        f"({_ROLES_STEP})."),
    "console_group_member": Requirement(
        f"admin.member.{CONSOLE_GROUP}", f"Administrator is a member of {CONSOLE_GROUP}",
        f"An admin opens {_GROUPS_STEP}, {CONSOLE_GROUP}, Add agents, and adds the person."),
    "console_group_exists": Requirement(
        f"admin.group.{CONSOLE_GROUP}", f"The group {CONSOLE_GROUP} exists",
        f"An admin opens {_GROUPS_STEP}, Create group, and names it exactly {CONSOLE_GROUP}."),
}

NOTICES = (
    Notice("zendesk_api_tokens", "zendesk", "Zendesk API tokens are being retired",
           "Tokens unused for 30 days are deactivated (since 28 July 2026), no new tokens can be created since "
           "27 October 2026, and every API token stops working on 30 April 2027.",
           "Use OAuth instead of email + API token.", date(2027, 4, 30), frozenset({"api_token"}),
           "developer.zendesk.com oauth-migration"),
)

OAUTH = OAuthProfile(
    tracker="zendesk", name="Zendesk", method_id="oauth",
    authorize_path="/oauth/authorizations/new", token_path="/oauth/tokens",
    revoke_path="/api/v2/oauth/tokens/current.json", revoke_style="bearer_delete",
    scopes=("read",), client_secret="optional", token_body="json",
    register_steps=(
        "In Admin Center open Apps and integrations, APIs, OAuth clients, Add OAuth client.",
        "Client kind: Public (ExaDesk uses PKCE and keeps no client secret). Redirect URLs: "
        "http://127.0.0.1/callback.",
        "Save, then give ExaDesk the client's Identifier.",
    ),
    register_link="{url}/admin/apps-integrations/apis/oauth-clients",
    docs=("https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/",
          "https://developer.zendesk.com/documentation/api-basics/authentication/refresh-token",
          "https://developer.zendesk.com/documentation/api-basics/authentication/revoking-oauth-token"),
)

SPEC = TrackerSpec(
    texts=TEXTS,
    admin_policy=AdminPolicy(delegated_steps=(DelegatedStep(
        "zendesk_role", "Zendesk: a custom role or the Contributor role",
        "On Zendesk a delegated administrator can instead have a custom role with limited permissions, "
        "or the agent role Contributor.",
        "Confirm in Admin Center, People, Team, Roles which role the person has.",
        "Give the person a custom role that includes access to the integration, or the Contributor "
        "role."),)),
    catalogue_order=70,
    notices=NOTICES,
    oauth=OAUTH,
    id="zendesk",
    name="Zendesk",
    docs_url="https://developer.zendesk.com/api-reference/",
    summary="Zendesk Support; the proxy user is an agent (by default the admin who installs the integration).",
    url=UrlSpec(example="https://acme.zendesk.com", hint="https://your-subdomain.zendesk.com",
                pattern=r"https://[a-z0-9][a-z0-9-]*\.zendesk\.com/?", site=r"[a-z0-9][a-z0-9-]*\.zendesk\.com"),
    scope=ScopeSpec(label="Groups", example="Support",
                    hint="the name or id of a Zendesk group whose tickets are synced (Admin Center, People, Team, "
                         "Groups)"),
    sync_options=("comments", "attachments", "triggers"),
    auth_methods=(
        AuthMethod(
            id="api_token",
            label="Email + API token",
            description="The proxy user's email and an API token of the account. Zendesk is retiring API tokens "
                        "(all stop on 30 April 2027): prefer OAuth for new setups.",
            fields=(
                Field("email", "Proxy user's email", role="user",
                      hint="the email the proxy user signs in with (ExaDesk adds /token itself)",
                      example="exalate-sync@acme.com", pattern=r"[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+(/token)?"),
                Field("api_token", "API token", secret=True,
                      hint="a Zendesk API token: 40 letters and digits, not your password",
                      example="x" * 40, pattern=r"[A-Za-z0-9]{40}"),
            ),
            steps=(
                Step("Sign in to Zendesk as an admin and open Admin Center, Apps and integrations, APIs, API tokens.",
                     link="{url}/admin/apps-integrations/apis/api-tokens", link_label="Open API tokens"),
                Step("Make sure token access is turned on (Settings on the same page). Turning it off later stops "
                     "every token of the account at once."),
                Step("Choose Add API token, name it after the integration (for example 'Exalate'), and copy the token "
                     "at once: Zendesk shows it only once."),
                Step("Enter the proxy user's email (the agent the integration acts as) and the token. Zendesk expects "
                     "the user name as email/token; ExaDesk adds /token for you, other tools may need it typed."),
                Step("Your password does not work here: Zendesk removed email + password sign-in for the API."),
                Step("Zendesk is retiring API tokens: tokens unused for 30 days are switched off, none can be made "
                     "after 27 October 2026, and all stop on 30 April 2027. Use OAuth instead where you can."),
            ),
        ),
        AuthMethod(
            id="oauth_token",
            label="OAuth access token",
            description="An OAuth access token issued to the proxy user (Zendesk's replacement for API tokens).",
            fields=(
                Field("access_token", "OAuth access token", secret=True,
                      hint="an OAuth access token issued by your Zendesk account (letters and digits, at least 20)",
                      example="x" * 64, pattern=r"[A-Za-z0-9._~+/=-]{20,}"),
            ),
            steps=(
                Step("An admin registers an OAuth client in Admin Center, Apps and integrations, APIs, OAuth clients.",
                     link="{url}/admin/apps-integrations/apis/oauth-clients", link_label="Open OAuth clients"),
                Step("Sign in as the proxy user and authorise the client with the read and write scopes; the "
                     "integration's sign-in does this for you."),
                Step("Paste the access token you received. It acts as the user who authorised the client."),
            ),
        ),
        sign_in_method(
            OAUTH, label="Sign in with the browser (OAuth)",
            description="Sign in as the proxy user in the browser through your account's OAuth client; ExaDesk "
                        "renews the access token with the refresh token before each check (Zendesk's replacement "
                        "for API tokens).",
            client_id_hint="the OAuth client's Identifier (Admin Center, Apps and integrations, APIs, OAuth clients)",
            client_id_example="exalate_sync", client_id_pattern=r"[A-Za-z0-9_.-]+"),
    ),
    requirements=(
        Requirement("role", "Proxy user is an agent or admin",
                    f"Give the proxy user the Agent or Admin role ({_ROLES_STEP}, or People, Team members, the user, "
                    "Role). End users cannot see or change tickets through the API."),
        Requirement("ticket_editing", "Role may edit tickets",
                    f"Use a role that can edit ticket properties: Admin, Agent, or a custom role with 'Edit ticket "
                    f"properties' on ({_ROLES_STEP}, the role, Tickets). Light agents and contributors cannot."),
        Requirement("ticket_access", "Role sees all tickets",
                    f"Set the role's ticket access to 'All tickets in the account' ({_ROLES_STEP}, the role, Tickets), "
                    "or the sync misses tickets outside the agent's groups or organisation."),
        Requirement("ticket_comment_access", "Role may add public comments",
                    f"Allow public comments in the role ({_ROLES_STEP}, the role, Tickets, 'Can add public comments').",
                    when=frozenset({"comments"})),
        Requirement("groups", "Proxy user belongs to the groups in scope",
                    "Add the proxy user to each group: Admin Center, People, Team, Groups, the group, Add agents. "
                    "Agents limited to their groups only see those groups' tickets."),
        Requirement("admin", "Proxy user is not a person's own admin account",
                    "Create a dedicated agent for the integration (for example 'exalate-sync') and use it as proxy "
                    "user; its own edits are not synced, so a person's account would lose theirs."),
        Requirement("console_access", "Console access restricted to roles or groups",
                    "Restrict who can open the integration's console in Zendesk: Admin Center, Apps and integrations, "
                    "Zendesk Support apps, the app, Settings, Enable role restrictions / Enable group restrictions.",
                    manual=True,
                    steps=("Open Admin Center, Apps and integrations, Apps, Zendesk Support apps.",
                           "Open the integration's app and its Settings (or the install screen when installing).",
                           "Tick Enable role restrictions and pick the roles allowed (Admin; for delegated admins a "
                           "custom role with limited permissions, or the Contributor role), and/or Enable group "
                           "restrictions and pick groups.",
                           "Save. Scripts in the console can read and change any ticket, so keep the list short.")),
    ),
    messages={
        "token_rejected": Message(ErrorKind.AUTH, "Zendesk did not accept the email and API token ({detail}).",
                                  "Check the email is the proxy user's and the token is copied whole. The token may "
                                  "be deleted or switched off (unused for 30 days), or token access may be off: an "
                                  "admin checks Admin Center, Apps and integrations, APIs, API tokens. Zendesk is "
                                  "retiring API tokens; OAuth is the lasting fix."),
        "oauth_rejected": Message(ErrorKind.AUTH, "Zendesk did not accept the OAuth access token ({detail}).",
                                  "The token may be revoked or expired: sign in again to get a new one, and check the "
                                  "address is the account the token was issued for."),
        "restricted_agent": Message(ErrorKind.FORBIDDEN,
                                    "Zendesk refused the proxy user access to {what}: its role does not allow it "
                                    "(a restricted agent).",
                                    "Give the proxy user the Admin role, or a role that can see all tickets ("
                                    + _ROLES_STEP + "), then verify again."),
        "fix_no_custom_role": Message(ErrorKind.BAD_INPUT, "{who} has no custom role (Zendesk has them on Enterprise "
                                      "plans only), so ExaDesk has no role to give it instead.",
                                      "An admin opens Admin Center, People, Team, Team members, the user, and makes "
                                      "it an agent that sees all tickets and may edit them and add public comments, "
                                      "then verifies again."),
        "fix_no_role_fits": Message(ErrorKind.BAD_INPUT, "No custom role on this account lets an agent {what}, so "
                                    "ExaDesk has no role to give.",
                                    f"Create one that does ({_ROLES_STEP}, Create role), then run the fix again: "
                                    "ExaDesk then gives it to the proxy user."),
    },
    admin_requirements=ADMIN_REQUIREMENTS,
)


def user_name(email: str) -> str:
    """Zendesk's Basic user name for API tokens: ``{email}/token`` (without it, 401 "Couldn't authenticate you")."""
    email = email.strip()
    return email if email.endswith("/token") else f"{email}/token"


def credential(target: Target) -> Auth:
    """The Authorization for the target's sign-in method (reused by the OAuth sign-in when it lands)."""
    if (target.auth_method or "api_token") in ("oauth_token", "oauth"):
        return BearerAuth(target.secrets.get("access_token"))
    return BasicAuth(user_name(target.value("email")), target.secrets.get("api_token"))


def error_text(reply: Reply) -> str:
    """Zendesk's error sentence: ``{"error": "...", "description": "..."}`` or ``{"error": {"title", "message"}}``."""
    data = reply.json_or_none()
    if not isinstance(data, dict):
        return ""
    error = data.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or error.get("title") or "")
    return str(data.get("description") or error or "")


def make_diagnose(method: str, *, proxy: bool = True):
    """Zendesk's own 401 and 403 answers, worded for the sign-in method in use. A 403 is the proxy user's restricted
    role only when the client is the proxy user's (``proxy``): an administrator's refused fix says what it needs."""
    from exadesk.foundation import messages

    def diagnose(reply: Reply, client) -> object:
        if reply.status == 401 and not reply.looks_like_html():
            reason = "zendesk.oauth_rejected" if method in ("oauth_token", "oauth") else "zendesk.token_rejected"
            return messages.problem(reason, tracker=SPEC.name, detail=error_text(reply) or "HTTP 401")
        if proxy and reply.status == 403 and "do not have access" in error_text(reply):
            from urllib.parse import urlsplit

            return messages.problem("zendesk.restricted_agent", tracker=SPEC.name, what=urlsplit(reply.url).path)
        return None

    return diagnose


def _sign_in(ctx, *, proxy: bool = True):
    """The client and the signed-in user (``/api/v2/users/me``); sets ``ctx.identity``."""
    method = ctx.target.auth_method or "api_token"
    client = ctx.client(ctx.target.url, credential(ctx.target), login_url=ctx.target.url + "/access/login",
                        diagnose=make_diagnose(method, proxy=proxy))
    body = client.get_json("/api/v2/users/me", expect=dict)
    user = body.get("user") if isinstance(body.get("user"), dict) else {}
    ctx.identity = Identity(name=str(user.get("name") or ""), login=str(user.get("email") or ""),
                            id=str(user.get("id") or ""), kind=str(user.get("role") or ""))
    return client, user


# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------


def _kind_words(ctx, role_type, role: str) -> str:
    """The user's role in words (role_type of Zendesk's user object; the role itself when the type is unknown)."""
    if role == "end-user":
        return ctx.say("kind.end_user")
    words = {0: ctx.say("kind.custom_role"), 1: ctx.say("kind.light_agent"), 2: ctx.say("kind.chat_only_agent"),
             3: ctx.say("kind.contributor"), 4: ctx.say("kind.admin"), 5: ctx.say("kind.billing_admin")}
    return words.get(role_type, role) or ctx.say("kind.no_role")


def _a(ctx, kind: str) -> str:
    """``kind`` with its article: "an admin", "a light agent"."""
    return ctx.say("article.an", kind=kind) if kind[:1] in "aeiou" else ctx.say("article.a", kind=kind)


def _seen(ctx, access: str) -> str:
    """A custom role's ticket_access in words."""
    words = {"all": ctx.say("access.all"), "within-groups": ctx.say("access.within_groups"),
             "within-groups-and-public-groups": ctx.say("access.within_public_groups"),
             "within-organization": ctx.say("access.within_organization"),
             "assigned-only": ctx.say("access.assigned_only")}
    return words.get(access) or ctx.say("access.other", access=access or ctx.say("access.unknown"))


@dataclass(frozen=True)
class Facts:
    """What Zendesk said about the proxy user (GET /api/v2/users/me) and, read when a judge first needs them, its
    custom role (GET /api/v2/custom_roles) and its groups (GET /api/v2/users/{id}/groups)."""

    who: str
    user: dict
    kind: str  # the role in words
    #: (configuration or None when the list does not show the role, the role's name); None unless a custom-role agent
    custom_role: Later | None
    groups: Later | None  # the user's groups; None when no group is in scope
    scope: tuple[str, ...]

    @property
    def anonymous(self) -> bool:
        # /users/me answers anonymous callers too; no id means the credential was not used.
        return self.user.get("id") is None

    @property
    def role(self) -> str:
        return str(self.user.get("role") or "")

    @property
    def working(self) -> bool:
        """An agent or admin that is not suspended: one who can work on tickets at all."""
        return self.role in ("agent", "admin") and self.user.get("suspended") is not True


def _read_custom_role(client, user: dict):
    """Listing roles is allowed for agents; showing one needs manage_roles (Zendesk's reference)."""
    roles = client.get_json("/api/v2/custom_roles", expect=dict)
    found = None
    for item in roles.get("custom_roles") or []:
        if isinstance(item, dict) and item.get("id") == user.get("custom_role_id"):
            config = item.get("configuration") if isinstance(item.get("configuration"), dict) else {}
            found = (config, str(item.get("name")))
    return found or (None, "")


def _gather(ctx, session) -> Facts:
    client, user = session
    role = str(user.get("role") or "")
    custom = role == "agent" and bool(user.get("custom_role_id")) and user.get("id") is not None
    scope = tuple(s.strip() for s in ctx.target.scope if s.strip())
    return Facts(who=ctx.identity.label(), user=user, kind=_kind_words(ctx, user.get("role_type"), role),
                 custom_role=Later(lambda: _read_custom_role(client, user)) if custom else None,
                 groups=Later(lambda: _user_groups(client, user)) if scope else None, scope=scope)


JUDGES = Judges()


@JUDGES("role")
def _role(ctx, facts: Facts):
    if facts.anonymous:
        return ctx.failed("role", ctx.say("role.anonymous"), fix=ctx.say("role.anonymous_fix"))
    if not facts.working:
        if facts.user.get("suspended") is True:
            return ctx.failed("role", ctx.say("role.suspended", who=facts.who))
        return ctx.failed("role", ctx.say("role.is", who=facts.who, role=_a(ctx, facts.kind)))
    if facts.role == "admin":
        return ctx.passed("role", ctx.say("role.admin", who=facts.who, kind=facts.kind))
    return ctx.passed("role", ctx.say("role.agent", who=facts.who, kind=facts.kind))


def _ticket_rule(ctx, facts: Facts):
    """Which rule decides the ticket requirements: ("skip"|"none"|"unlisted"|"admin"|"limited"|"custom"|"agent",
    the custom role's configuration, its name in words)."""
    if facts.anonymous:
        return "skip", None, ""
    if not facts.working:
        return "none", None, ""
    config, name = facts.custom_role.get() if facts.custom_role is not None else (None, "")
    if facts.custom_role is not None and config is None:
        return "unlisted", None, ""
    if facts.role == "admin":
        return "admin", None, ""
    if facts.user.get("role_type") in LIMITED_ROLE_TYPES:
        return "limited", None, ""
    if facts.custom_role is not None:
        return "custom", config, ctx.say("kind.custom_named", name=name)
    return "agent", None, ""


def _ticket_common(ctx, facts: Facts, key: str, rule: str):
    """The answers every ticket requirement shares: no working role, a custom role Zendesk did not list."""
    if rule == "none":
        return ctx.failed(key, ctx.say("tickets.not_agent"))
    return ctx.unknown(key, ctx.say("tickets.role_unlisted", role_id=facts.user.get("custom_role_id"), who=facts.who))


@JUDGES("ticket_editing")
def _ticket_editing(ctx, facts: Facts):
    rule, config, name = _ticket_rule(ctx, facts)
    if rule == "skip":
        return None
    if rule in ("none", "unlisted"):
        return _ticket_common(ctx, facts, "ticket_editing", rule)
    if rule == "admin":
        return ctx.passed("ticket_editing", ctx.say("editing.admin"))
    if rule == "limited":
        return ctx.failed("ticket_editing", ctx.say("editing.limited", who=facts.who, kind=facts.kind))
    if rule == "agent":
        return ctx.passed("ticket_editing", ctx.say("editing.agent"))
    if "ticket_editing" not in config:  # not sent: never a fail
        return ctx.not_sent("ticket_editing", "ticket_editing", _ROLES_READ)
    if config.get("ticket_editing") is True:
        return ctx.passed("ticket_editing", ctx.say("editing.role_may", role=name))
    return ctx.failed("ticket_editing", ctx.say("editing.role_may_not", role=name))


@JUDGES("ticket_access")
def _ticket_access(ctx, facts: Facts):
    rule, config, name = _ticket_rule(ctx, facts)
    if rule == "skip":
        return None
    if rule in ("none", "unlisted"):
        return _ticket_common(ctx, facts, "ticket_access", rule)
    if rule == "admin":
        return ctx.passed("ticket_access", ctx.say("access.admin"))
    if rule == "limited":
        return ctx.failed("ticket_access", ctx.say("access.limited", kind=facts.kind))
    if rule == "agent":
        if facts.user.get("restricted_agent") is True:
            return ctx.failed("ticket_access", ctx.say("access.restricted", who=facts.who))
        return ctx.passed("ticket_access", ctx.say("access.not_restricted", who=facts.who))
    if "ticket_access" not in config:
        return ctx.not_sent("ticket_access", "ticket_access", _ROLES_READ)
    access = str(config.get("ticket_access") or "")
    if access == "all":
        return ctx.passed("ticket_access", ctx.say("access.role_all", role=name))
    return ctx.failed("ticket_access", ctx.say("access.role_sees", role=name, seen=_seen(ctx, access)))


@JUDGES("ticket_comment_access")
def _ticket_comment_access(ctx, facts: Facts):
    rule, config, name = _ticket_rule(ctx, facts)
    if rule == "skip":
        return None
    if rule in ("none", "unlisted"):
        return _ticket_common(ctx, facts, "ticket_comment_access", rule)
    if rule == "admin":
        return ctx.passed("ticket_comment_access", ctx.say("comments.admin"))
    if rule == "limited":
        return ctx.failed("ticket_comment_access", ctx.say("comments.limited", kind=facts.kind))
    if rule == "agent":
        return ctx.passed("ticket_comment_access", ctx.say("comments.agent"))
    if config.get("ticket_comment_access") == "public":
        return ctx.passed("ticket_comment_access", ctx.say("comments.role_public", role=name))
    return ctx.failed("ticket_comment_access", ctx.say("comments.role_private", role=name))


@JUDGES("groups")
def _groups(ctx, facts: Facts):
    if facts.anonymous or not facts.working:
        return None
    if facts.groups is None:
        return ctx.unknown("groups", ctx.say("groups.no_scope"), fix=ctx.say("groups.no_scope_fix"))
    groups = facts.groups.get()
    names = {str(g.get("name") or "").casefold() for g in groups} | {str(g.get("id")) for g in groups}
    missing = [w for w in facts.scope if w.casefold() not in names]
    if missing:
        member = ", ".join(str(g.get("name")) for g in groups) or ctx.say("groups.no_group")
        return ctx.failed("groups", ctx.say("groups.missing", who=facts.who, missing=", ".join(missing),
                                            member=member))
    return ctx.passed("groups", ctx.say("groups.member", who=facts.who, names=", ".join(facts.scope)))


@JUDGES("admin")
def _admin(ctx, facts: Facts):
    if facts.anonymous:
        return None
    if facts.working and facts.role == "admin":
        return ctx.warned("admin", ctx.say("admin.is_admin", who=facts.who))
    return ctx.passed("admin", ctx.say("admin.not_admin", who=facts.who))


verify_live = adapter(_sign_in, _gather, JUDGES)


def _user_groups(client, user: dict) -> list[dict]:
    """The user's groups (List Groups' user path), deleted ones left out."""
    body = client.get_json(f"/api/v2/users/{user.get('id')}/groups", expect=dict)
    return [g for g in body.get("groups") or [] if isinstance(g, dict) and not g.get("deleted")]


def _group_listed(client, name: str, max_pages: int = 20) -> bool | None:
    """Whether List Groups shows a group called ``name``; None when it cannot tell (refused, or too many pages)."""
    for page in range(1, max_pages + 1):
        reply = client.get("/api/v2/groups", params={"exclude_deleted": "true", "per_page": "100", "page": str(page)},
                           allow=(403,))
        if reply.status == 403:
            return None
        body = client.decode(reply, dict)
        if any(isinstance(g, dict) and str(g.get("name") or "").casefold() == name.casefold()
               for g in body.get("groups") or []):
            return True
        if not body.get("next_page"):
            return False
    return None


def _role_found(ctx, client, user: dict) -> str:
    """The role Zendesk shows for ``user``, in words (the custom role's name when the list shows it)."""
    role = str(user.get("role") or "")
    if role == "end-user":
        return ctx.say("found.end_user")
    if role == "agent" and user.get("custom_role_id"):
        reply = client.get("/api/v2/custom_roles", allow=(403,))
        if reply.status == 200:
            for item in client.decode(reply, dict).get("custom_roles") or []:
                if isinstance(item, dict) and item.get("id") == user.get("custom_role_id"):
                    return ctx.say("found.custom_named", name=item.get("name"))
        return ctx.say("found.custom_id", role_id=user.get("custom_role_id"))
    return _a(ctx, _kind_words(ctx, user.get("role_type"), role))


def _console_group(ctx, client, user: dict, is_admin: bool, keys: dict):
    """The console group's two facts: it exists, the person is in it."""
    label, group = ctx.identity.label(), CONSOLE_GROUP
    if user.get("role") not in ("agent", "admin"):
        for kind in ("console_group_exists", "console_group_member"):
            yield ctx.unknown(keys[kind], ctx.say("console.end_user"),
                              fix=ctx.say("console.end_user_fix", step=_GROUPS_STEP))
        return
    if any(str(g.get("name") or "").casefold() == CONSOLE_GROUP for g in _user_groups(client, user)):
        yield ctx.passed(keys["console_group_exists"], ctx.say("console.exists_in", group=group, who=label))
        yield ctx.passed(keys["console_group_member"], ctx.say("console.member", group=group, who=label))
        return
    listed = _group_listed(client, CONSOLE_GROUP)
    if listed:
        yield ctx.passed(keys["console_group_exists"], ctx.say("console.exists", group=group))
        yield ctx.failed(keys["console_group_member"], ctx.say("console.not_member", group=group, who=label))
    elif listed is False and is_admin:
        yield ctx.failed(keys["console_group_exists"], ctx.say("console.missing", group=group))
        yield ctx.failed(keys["console_group_member"], ctx.say("console.cannot_be_in", group=group, who=label),
                         fix=ctx.say("console.create_first", group=group))
    else:
        # Agents do not see private groups they are not in, so for them an absent group proves nothing.
        yield ctx.unknown(keys["console_group_exists"], ctx.say("console.hidden", group=group, who=label),
                          fix=ctx.say("console.hidden_fix", group=group, step=_GROUPS_STEP))
        yield ctx.failed(keys["console_group_member"], ctx.say("console.not_member", group=group, who=label))


def verify_admin(ctx):
    """The planner's admin facts for the person whose credential this is: the Admin role (or the role found),
    and the console group (exists, member). Zendesk has no projects, so no project administrators."""
    keys = {kind: req.key for kind, req in ADMIN_REQUIREMENTS.items()}
    client, user = _sign_in(ctx)
    if user.get("id") is None:
        yield ctx.failed(keys["system_admin"], ctx.say("role.anonymous"), fix=ctx.say("admin.anonymous_fix"))
        return
    label = ctx.identity.label()
    is_admin = user.get("role") == "admin" and user.get("suspended") is not True
    if is_admin:
        yield ctx.passed(keys["system_admin"], ctx.say("admin.zendesk_admin", who=label))
    else:
        found = ctx.say("found.suspended") if user.get("suspended") is True else _role_found(ctx, client, user)
        yield ctx.failed(keys["system_admin"], ctx.say("admin.found", who=label, found=found))
    yield from _console_group(ctx, client, user, is_admin, keys)


# -- fixes (exadesk fix): role, suspension, custom role, groups (exadesk/trackers/_zendesk_fixes.py) ----------------


def fix_client(ctx):
    """The administrator's client for fixes (the fix module makes it writable; verification never sees it)."""
    return _sign_in(ctx, proxy=False)[0]


FIXES = role_and_group_fixes(fix_client)
#: Why the other requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md; the fix module's
#: docstring says the same).
NOT_FIXABLE = {
    "admin": "a dedicated agent is made in Admin Center, not by demoting someone: replacing a person's own admin "
             "account is a person's choice, and ExaDesk's fixes never take rights away.",
    ADMIN_REQUIREMENTS["system_admin"].key: admin_role_not_fixable("a Zendesk admin"),
    ADMIN_REQUIREMENTS["console_group_member"].key: CONSOLE_MEMBER_NOT_FIXABLE,
    ADMIN_REQUIREMENTS["console_group_exists"].key: console_group_not_fixable("an admin"),
}


register(SPEC, sys.modules[__name__])
