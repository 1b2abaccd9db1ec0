"""Zendesk Support, email + API token or an OAuth access token.

Written from Zendesk's API documentation and its OpenAPI description (developer.zendesk.com/zendesk/oas.yaml):
https://developer.zendesk.com/api-reference/introduction/security-and-auth/ (Basic "{email}/token:{token}", Bearer)
https://developer.zendesk.com/api-reference/ticketing/users/users/#show-self (GET /api/v2/users/me)
https://developer.zendesk.com/api-reference/ticketing/account-configuration/custom_roles/ (configuration)
https://developer.zendesk.com/api-reference/ticketing/groups/groups/#list-groups (GET /api/v2/users/{user_id}/groups)
https://developer.zendesk.com/documentation/api-basics/authentication/oauth-migration (API tokens retired)
https://support.zendesk.com/hc/en-us/articles/4408889192858 (turning on token access, Admin Center)
https://support.zendesk.com/hc/en-us/articles/4409155971354 (standard agent roles)
"""

from __future__ import annotations

import sys
from datetime import date

from exadesk.checks import Identity
from exadesk.errors import ErrorKind
from exadesk.http import Auth, BasicAuth, BearerAuth, Reply
from exadesk.messages import Message
from exadesk.notices import Notice
from exadesk.oauth import OAuthProfile
from exadesk.trackers import register
from exadesk.trackers.base import (
    CONSOLE_GROUP, AdminPolicy, AuthMethod, DelegatedStep, Field, Requirement, ScopeSpec, Step, Target, TrackerSpec,
    UrlSpec, sign_in_method,
)

#: role_type values of GET /api/v2/users/me (Zendesk's user object).
ROLE_TYPES = {0: "custom role", 1: "light agent", 2: "chat-only agent", 3: "contributor", 4: "admin",
              5: "billing admin"}
#: role_types that may not edit tickets whatever else they are allowed.
NO_TICKET_EDITING = {1: "light agent", 2: "chat-only agent", 3: "contributor"}

_ROLES_STEP = "Admin Center, People, Team, Roles"
#: ticket_access values of a custom role's configuration, in words.
TICKET_ACCESS = {"all": "all tickets", "within-groups": "only tickets in the agent's groups",
                 "within-groups-and-public-groups": "only tickets in the agent's groups and public groups",
                 "within-organization": "only tickets in the agent's organisation",
                 "assigned-only": "only tickets assigned to the agent"}

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


def make_diagnose(method: str):
    """Zendesk's own 401 and 403 answers, worded for the sign-in method in use."""
    from exadesk import messages

    def diagnose(reply: Reply, client) -> object:
        if reply.status == 401 and not reply.looks_like_html():
            reason = "zendesk.oauth_rejected" if method in ("oauth_token", "oauth") else "zendesk.token_rejected"
            return messages.problem(reason, tracker=SPEC.name, detail=error_text(reply) or "HTTP 401")
        if reply.status == 403 and "do not have access" in error_text(reply):
            from urllib.parse import urlsplit

            return messages.problem("zendesk.restricted_agent", tracker=SPEC.name, what=urlsplit(reply.url).path)
        return None

    return diagnose


def _sign_in(ctx):
    """The client and the signed-in user (``/api/v2/users/me``); sets ``ctx.identity``."""
    method = ctx.target.auth_method or "api_token"
    client = ctx.client(ctx.target.url, credential(ctx.target), login_url=ctx.target.url + "/access/login",
                        diagnose=make_diagnose(method))
    body = client.get_json("/api/v2/users/me", expect=dict)
    user = body.get("user") if isinstance(body.get("user"), dict) else {}
    ctx.identity = Identity(name=str(user.get("name") or ""), login=str(user.get("email") or ""),
                            id=str(user.get("id") or ""), kind=str(user.get("role") or ""))
    return client, user


def verify_live(ctx):
    client, user = _sign_in(ctx)
    role = str(user.get("role") or "")
    role_type = user.get("role_type")
    if user.get("id") is None:
        # /users/me answers anonymous callers too; no id means the credential was not used.
        yield ctx.failed("role", "Zendesk answered as an anonymous visitor, so the credential identified nobody.",
                         fix="Check the address is the account the token belongs to and enter the credential again.")
        return
    label = ctx.identity.label()
    kind = (ROLE_TYPES.get(role_type, role) if role != "end-user" else "end user") or "user without a role"

    if role not in ("agent", "admin") or user.get("suspended") is True:
        state = "suspended" if user.get("suspended") is True else f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"
        yield ctx.failed("role", f"{label} is {state}.")
        for key in ("ticket_editing", "ticket_access", "ticket_comment_access"):
            if ctx.applies(key):
                yield ctx.failed(key, "Only agents and admins can work on tickets.")
        yield ctx.passed("admin", f"{label} is not an admin.")
        return
    yield ctx.passed("role", f"{label} is {'an admin' if role == 'admin' else 'an agent'} ({kind}).")

    config = None
    role_name = kind
    if role == "agent" and user.get("custom_role_id"):
        # Listing roles is allowed for agents; showing one needs manage_roles (Zendesk's reference).
        roles = client.get_json("/api/v2/custom_roles", expect=dict)
        for item in roles.get("custom_roles") or []:
            if isinstance(item, dict) and item.get("id") == user.get("custom_role_id"):
                config = item.get("configuration") if isinstance(item.get("configuration"), dict) else {}
                role_name = f"custom role '{item.get('name')}'"
        if config is None:
            for key in ("ticket_editing", "ticket_access", "ticket_comment_access"):
                if ctx.applies(key):
                    yield ctx.unknown(key, f"Zendesk did not list the custom role {user.get('custom_role_id')} of "
                                           f"{label}.")
            yield from _group_result(ctx, client, user, label)
            yield from _admin_result(ctx, role, label)
            return

    if role == "admin":
        yield ctx.passed("ticket_editing", "Admins can edit tickets.")
        yield ctx.passed("ticket_access", "Admins see all tickets.")
        if ctx.applies("ticket_comment_access"):
            yield ctx.passed("ticket_comment_access", "Admins can add public comments.")
    elif role_type in NO_TICKET_EDITING:
        what = NO_TICKET_EDITING[role_type]
        yield ctx.failed("ticket_editing", f"{label} is a {what}, which cannot edit tickets.")
        yield ctx.failed("ticket_access", f"A {what} cannot work on tickets.")
        if ctx.applies("ticket_comment_access"):
            yield ctx.failed("ticket_comment_access", f"A {what} can only add private comments.")
    elif config is not None:
        where = "GET /api/v2/custom_roles"
        if "ticket_editing" not in config:  # not sent: never a fail
            yield ctx.not_sent("ticket_editing", "ticket_editing", where)
        elif config.get("ticket_editing") is True:
            yield ctx.passed("ticket_editing", f"The {role_name} may edit ticket properties.")
        else:
            yield ctx.failed("ticket_editing", f"The {role_name} may not edit ticket properties.")
        access = str(config.get("ticket_access") or "")
        if "ticket_access" not in config:
            yield ctx.not_sent("ticket_access", "ticket_access", where)
        elif access == "all":
            yield ctx.passed("ticket_access", f"The {role_name} sees all tickets.")
        else:
            seen = TICKET_ACCESS.get(access, f"tickets '{access or 'unknown'}'")
            yield ctx.failed("ticket_access", f"The {role_name} sees {seen}.")
        if ctx.applies("ticket_comment_access"):
            if config.get("ticket_comment_access") == "public":
                yield ctx.passed("ticket_comment_access", f"The {role_name} may add public comments.")
            else:
                yield ctx.failed("ticket_comment_access", f"The {role_name} may only add private comments.")
    else:
        # A standard agent (no custom role on this plan): full ticket rights unless Zendesk flags restrictions.
        yield ctx.passed("ticket_editing", "Agents can edit tickets.")
        if user.get("restricted_agent") is True:
            yield ctx.failed("ticket_access", f"{label} is a restricted agent (limited to its groups or "
                                              "organisation).")
        else:
            yield ctx.passed("ticket_access", f"{label} is not restricted.")
        if ctx.applies("ticket_comment_access"):
            yield ctx.passed("ticket_comment_access", "Agents can add public comments.")
    yield from _group_result(ctx, client, user, label)
    yield from _admin_result(ctx, role, label)


def _group_result(ctx, client, user: dict, label: str):
    wanted = [s.strip() for s in ctx.target.scope if s.strip()]
    if not wanted:
        yield ctx.unknown("groups", "No groups are in scope, so group membership was not checked.",
                          fix="Add the groups whose tickets are synced.")
        return
    groups = _user_groups(client, user)
    names = {str(g.get("name") or "").casefold() for g in groups} | {str(g.get("id")) for g in groups}
    missing = [w for w in wanted if w.casefold() not in names]
    if missing:
        member = ", ".join(str(g.get("name")) for g in groups) or "no group"
        yield ctx.failed("groups", f"{label} is not in: {', '.join(missing)} (member of {member}).")
    else:
        yield ctx.passed("groups", f"{label} belongs to {', '.join(wanted)}.")


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


def _role_found(client, user: dict) -> str:
    """The role Zendesk shows for ``user``, in words (the custom role's name when the list shows it)."""
    role, role_type = str(user.get("role") or ""), user.get("role_type")
    if role == "end-user":
        return "an end user"
    if role == "agent" and user.get("custom_role_id"):
        reply = client.get("/api/v2/custom_roles", allow=(403,))
        if reply.status == 200:
            for item in client.decode(reply, dict).get("custom_roles") or []:
                if isinstance(item, dict) and item.get("id") == user.get("custom_role_id"):
                    return f"an agent with the custom role '{item.get('name')}'"
        return f"an agent with custom role {user.get('custom_role_id')}"
    kind = ROLE_TYPES.get(role_type, role or "user without a role")
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def verify_admin(ctx):
    """The planner's admin facts for the person whose credential this is: the Admin role (or the role found),
    and the console group (exists, member). Zendesk has no projects, so no project administrators."""
    keys = {kind: req.key for kind, req in ADMIN_REQUIREMENTS.items()}
    client, user = _sign_in(ctx)
    if user.get("id") is None:
        yield ctx.failed(keys["system_admin"], "Zendesk answered as an anonymous visitor, so the credential "
                                               "identified nobody.",
                         fix="Check the address is the account the credential belongs to and enter it again.")
        return
    label = ctx.identity.label()
    is_admin = user.get("role") == "admin" and user.get("suspended") is not True
    if is_admin:
        yield ctx.passed(keys["system_admin"], f"{label} is a Zendesk admin.")
    else:
        found = "suspended" if user.get("suspended") is True else _role_found(client, user)
        yield ctx.failed(keys["system_admin"], f"{label} is {found}, not an admin.")

    if user.get("role") not in ("agent", "admin"):
        for kind in ("console_group_exists", "console_group_member"):
            yield ctx.unknown(keys[kind], "End users may not read groups.",
                              fix=f"Ask a Zendesk admin to look in {_GROUPS_STEP}.")
    elif any(str(g.get("name") or "").casefold() == CONSOLE_GROUP for g in _user_groups(client, user)):
        yield ctx.passed(keys["console_group_exists"], f"{CONSOLE_GROUP} exists ({label} is in it).")
        yield ctx.passed(keys["console_group_member"], f"{label} is a member of {CONSOLE_GROUP}.")
    else:
        listed = _group_listed(client, CONSOLE_GROUP)
        if listed:
            yield ctx.passed(keys["console_group_exists"], f"{CONSOLE_GROUP} exists.")
            yield ctx.failed(keys["console_group_member"], f"{label} is not a member of {CONSOLE_GROUP}.")
        elif listed is False and is_admin:
            yield ctx.failed(keys["console_group_exists"], f"There is no group called {CONSOLE_GROUP} on this account.")
            yield ctx.failed(keys["console_group_member"], f"{label} cannot be in {CONSOLE_GROUP}: the group does not "
                                                           "exist yet.",
                             fix=f"First create the group {CONSOLE_GROUP}, then add the person to it.")
        else:
            # Agents do not see private groups they are not in, so for them an absent group proves nothing.
            yield ctx.unknown(keys["console_group_exists"], f"{CONSOLE_GROUP} is not among the groups {label} can "
                                                            "see (a private group is hidden from non-members).",
                              fix=f"Ask a Zendesk admin to look for {CONSOLE_GROUP} in {_GROUPS_STEP}.")
            yield ctx.failed(keys["console_group_member"], f"{label} is not a member of {CONSOLE_GROUP}.")



def _admin_result(ctx, role: str, label: str):
    if role == "admin":
        yield ctx.warned("admin", f"{label} is a Zendesk admin (the default proxy user). If this is a person's own "
                                  "account, their edits stop syncing and the setup ends when they leave.")
    else:
        yield ctx.passed("admin", f"{label} is not an admin.")


register(SPEC, sys.modules[__name__])
