"""Freshservice (your-domain.freshservice.com), the proxy user's API key.

Written from Freshservice's documentation:
https://api.freshservice.com/#authentication (API key as the Basic user name, X as the password)
https://api.freshservice.com/#view_me (GET /api/v2/agents/me: {"agent": {active, occasional, scope, roles, ...}})
https://api.freshservice.com/#agent_attributes (scope.ticket Global/Group/Restricted Access; roles[].role_id and
assignment_scope entire_helpdesk, member_groups, specified_groups, assigned_items)
https://api.freshservice.com/#view_a_role (GET /api/v2/roles/{id}: {"role": {name, default, ...}}; admins only)
https://api.freshservice.com/#ticket_form_fields (GET /api/v2/ticket_form_fields: {"ticket_fields": [...]})
https://api.freshservice.com/#error_handling (403 {"code": "access_denied"}, 401 invalid_credentials)
https://github.com/freshworks/freshworks-api-sdk/blob/main/codegen/freshservice/freshservice-v2.0.1.swagger.yml
(Freshworks' own description of the agent object and error codes)
https://support.freshservice.com/support/solutions/articles/50000000306 (where an agent finds the API key)
https://community.freshworks.com/how-do-i-11341/how-do-enable-my-api-key-43824 (the API key toggle)
https://community.freshworks.com/how-do-i-11341/permissions-required-for-accessing-api-v2-agents-api-43390
"""

from __future__ import annotations

import sys

from exadesk import messages
from exadesk.checks import Identity
from exadesk.errors import CheckError, ErrorKind
from exadesk.http import Reply
from exadesk.messages import Message
from exadesk.trackers import _freshworks as fw
from exadesk.trackers import register
from exadesk.trackers.base import AuthMethod, Requirement, ScopeSpec, Step, TrackerSpec

#: Freshservice's built-in roles that work on tickets: view, update, reply and add notes.
DEFAULT_TICKET_ROLES = ("Account Admin", "Admin", "SD Supervisor", "SD Agent")
ADMIN_ROLES = ("Account Admin", "Admin")

#: What an Account Admin does when the proxy user's key is refused (read by the freshservice_api_key page).
API_ACCESS_STEPS = (
    "Sign in to Freshservice as an Account Admin (being an organisation admin is not enough).",
    "Open Admin (the gear at the bottom left), User Management, Roles.",
    "Open the agent role of the proxy user and go to its Permissions tab.",
    "Turn on the API key toggle and save.",
    "If your Freshservice shows the toggle on the agent instead: Admin, User Management, Agents, open the proxy user, "
    "Permissions tab, turn on API key.",
    "Ask the proxy user to open Profile Settings again: the API key is shown now. Copy it and verify again.",
)

_ROLE_STEPS = (
    "Sign in to Freshservice as an administrator and open Admin, User Management, Agents.",
    "Open the proxy user's agent and note its roles.",
    "Open Admin, User Management, Roles, and open each of those roles.",
    "Under Tickets, confirm the role may view and edit tickets, reply and add notes, and edit ticket fields "
    "(including custom fields and related items such as tasks).",
)

SPEC = TrackerSpec(
    catalogue_order=90,
    id="freshservice",
    name="Freshservice",
    docs_url="https://api.freshservice.com/",
    summary="A Freshservice service desk; the proxy user is an agent whose role has API access.",
    url=fw.url_spec("freshservice.com"),
    scope=ScopeSpec(label="Tickets", example="all tickets",
                    hint="nothing to list: the agent's roles decide which tickets it can sync"),
    sync_options=("comments", "attachments", "triggers"),
    auth_methods=(
        AuthMethod(
            id="api_key",
            label="API key",
            description="The proxy user's personal API key. It works only when the agent's role has API access, "
                        "and acts with that agent's roles.",
            fields=(fw.api_key_field("Freshservice"),),
            custom_page="freshservice_api_key",
            steps=(
                Step("Sign in to Freshservice as the proxy user (the agent the integration acts as), not as "
                     "yourself.", link="{url}/", link_label="Open Freshservice"),
                Step("Make sure the proxy user's role has API access. If Profile Settings later says 'Your API key "
                     "is disabled', an Account Admin must turn it on first (see 'The key is rejected')."),
                Step("Click the profile picture at the top right and choose Profile Settings.",
                     link="{url}/support/profile/edit", link_label="Open Profile Settings"),
                Step("On the right, find Your API Key and choose Show API Key (confirm the CAPTCHA if asked)."),
                Step("Copy the key and paste it here. Do not regenerate it: that stops the old key everywhere."),
            ),
        ),
    ),
    requirements=(
        Requirement("api_access", "The proxy user's role has API access",
                    "An Account Admin turns on the API key toggle on the Permissions tab of the proxy user's role "
                    "(Admin, User Management, Roles).",
                    steps=API_ACCESS_STEPS),
        Requirement("agent", "Proxy user is an active agent",
                    "Make the proxy user an active full-time agent: Admin, User Management, Agents (reactivate it or "
                    "convert the requester to an agent)."),
        Requirement("tickets", "Agent can reach every ticket that syncs",
                    "Give the role access to the entire helpdesk: Admin, User Management, Agents, open the agent, "
                    "Roles, and set the scope of its ticket role to Entire helpdesk."),
        Requirement("role", "Role allows updating tickets and adding comments",
                    "Give the agent the built-in SD Agent role (Admin, User Management, Agents, open the agent, "
                    "Roles), or add the ticket permissions to its custom role.",
                    steps=_ROLE_STEPS),
        Requirement("custom_fields", "Agent can read the ticket form fields (custom fields)",
                    "Give the agent a role that can view tickets; ticket form fields are readable with it."),
        Requirement("admin_account", "Proxy user is not an administrator's own account",
                    "Use a dedicated agent (for example 'exalate-sync') with the SD Agent role: changes made by the "
                    "proxy user are not synchronised, so an administrator's own edits would stop syncing."),
    ),
    admin_requirements=fw.admin_requirements("Freshservice", "Account Admin or Admin",
                                             "Admin, User Management, Agents, the person, Roles",
                                             "Admin, User Management, Groups"),
    messages={
        **fw.common_messages("Freshservice", "the proxy user's Profile Settings (Your API Key)",
                             "Admin, Account Details, Plans & Billing"),
        # A refused key: either mistyped or reset, or the role lacks API access; both fixes are named.
        "invalid_credentials": Message(
            ErrorKind.AUTH, "Freshservice did not accept the API key (\"You have to be logged in to perform this "
                            "action\").",
            "Copy the key again from the proxy user's Profile Settings (Your API Key). If Profile Settings says "
            "'Your API key is disabled', the role has no API access: an Account Admin turns on the API key toggle "
            "under Admin, User Management, Roles, the agent role, Permissions tab."),
        "api_key_disabled": Message(
            ErrorKind.AUTH, "Freshservice says the proxy user's API key is disabled: its role has no API access.",
            "Only an Account Admin can fix this: Admin, User Management, Roles, open the proxy user's agent role, "
            "Permissions tab, turn on the API key toggle. Then verify again."),
        "not_agent": Message(ErrorKind.FORBIDDEN,
                             "Freshservice refused to show an agent profile for this API key: it belongs to a "
                             "requester or an account without agent access.",
                             "Use the API key of an agent: sign in as the proxy user, open Profile Settings, Your "
                             "API Key. To make the account an agent: Admin, User Management, Agents."),
    },
)


def diagnose(reply: Reply, client):
    """Freshservice's 401/403 bodies: a disabled or refused key, suspension, a key that is not an agent's."""
    if reply.status in (401, 403) and "api key is disabled" in fw.error_text(reply).lower():
        return _problem("api_key_disabled")
    return fw.diagnose_common(reply, SPEC.id, SPEC.name)


def _problem(reason: str):
    return messages.problem(f"{SPEC.id}.{reason}", tracker=SPEC.name)


def _identify(ctx, agent: dict) -> None:
    name = " ".join(str(agent.get(k) or "") for k in ("first_name", "last_name")).strip()
    ctx.identity = Identity(name=name, login=str(agent.get("email") or ""), id=str(agent.get("id") or ""),
                            kind="occasional agent" if agent.get("occasional") else "agent")


def verify_admin(ctx):
    """The planner's admin facts: the Account Admin or Admin role is read live; the console group by hand."""
    client = ctx.client(fw.api_base(ctx.target.url), fw.auth(ctx.target.secrets.get("api_key")),
                        login_url=ctx.target.url, diagnose=diagnose)
    agent = client.get_json("/agents/me", expect=dict).get("agent")
    if not isinstance(agent, dict):
        raise CheckError(messages.problem("http.wrong_shape", tracker=SPEC.name, url=ctx.target.url,
                                          what="an answer without the agent object"))
    _identify(ctx, agent)
    yield fw.admin_role_result(ctx, client, fw.role_ids_of(agent), ADMIN_ROLES,
                               lambda body: body.get("role") if isinstance(body.get("role"), dict) else {})


def verify_live(ctx):
    client = ctx.client(fw.api_base(ctx.target.url), fw.auth(ctx.target.secrets.get("api_key")),
                        login_url=ctx.target.url, diagnose=diagnose)
    try:
        me = client.get_json("/agents/me", expect=dict)
    except CheckError as exc:
        if exc.problem.reason == "freshservice.api_key_disabled":
            yield ctx.failed("api_access", "Freshservice says the API key is disabled for this agent.")
        elif exc.kind is ErrorKind.AUTH:
            yield ctx.unknown("api_access", "Freshservice refused the key: either it was copied wrongly or reset, "
                                            "or the role has no API access.")
        raise
    agent = me.get("agent")
    if not isinstance(agent, dict):
        raise CheckError(messages.problem("http.wrong_shape", tracker=SPEC.name, url=ctx.target.url,
                                          what="an answer without the agent object"))
    _identify(ctx, agent)
    who = ctx.identity.label() or "This agent"
    yield ctx.passed("api_access", "Freshservice accepted the API key, so the role has API access.")

    if agent.get("active") is False:
        yield ctx.failed("agent", f"{who} is deactivated.")
    elif agent.get("occasional") is True:
        yield ctx.warned("agent", f"{who} is an occasional agent: it can only act while a day pass is available.",
                         fix="Make the proxy user a full-time agent (Admin, User Management, Agents, open the agent).")
    else:
        yield ctx.passed("agent", f"{who} is an active full-time agent.")

    yield _ticket_reach(ctx, agent)
    yield from _role_checks(ctx, client, agent)

    fields_reply = client.get("/ticket_form_fields", allow=(403,))
    if fields_reply.status == 403:
        yield ctx.failed("custom_fields", "Freshservice refused to list the ticket form fields to this agent.")
    else:
        data = client.decode(fields_reply, dict)
        fields = [f for f in data.get("ticket_fields") or [] if isinstance(f, dict)]
        custom = [str(f.get("label") or f.get("name")) for f in fields if f.get("default_field") is False]
        shown = f" Custom fields: {', '.join(custom[:10])}{' …' if len(custom) > 10 else ''}." if custom else \
            " There are no custom fields yet."
        yield ctx.passed("custom_fields", f"Reads {len(fields)} ticket form fields.{shown}")


def _ticket_reach(ctx, agent: dict):
    scope = agent.get("scope") if isinstance(agent.get("scope"), dict) else {}
    ticket_scope = scope.get("ticket")
    assignments = [r for r in agent.get("roles") or [] if isinstance(r, dict)]
    reaches = {str(r.get("assignment_scope") or "") for r in assignments}
    if ticket_scope == "Global Access" or "entire_helpdesk" in reaches:
        return ctx.passed("tickets", "Ticket access: Global Access (entire helpdesk).")
    if ticket_scope == "Group Access" or reaches & {"member_groups", "specified_groups"}:
        return ctx.warned("tickets", "Ticket access: Group Access only; tickets of other groups will not sync.")
    if ticket_scope == "Restricted Access" or "assigned_items" in reaches:
        return ctx.failed("tickets", "Ticket access: Restricted Access; the proxy user only reaches tickets assigned "
                                     "to it.")
    return ctx.unknown("tickets", "Freshservice reported no ticket access level for this agent.")


def _role_checks(ctx, client, agent: dict):
    role_ids = fw.role_ids_of(agent)
    if role_ids is None:  # not sent: never a fail
        yield ctx.not_sent("role", "roles", fw.AGENT_REPLY)
        yield ctx.not_sent("admin_account", "roles", fw.AGENT_REPLY)
        return
    if not role_ids:
        yield ctx.failed("role", "Freshservice reports no role for this agent.")
        yield ctx.unknown("admin_account", "No role to judge by.")
        return
    names, custom, denied = [], [], False
    for role_id in role_ids:
        reply = client.get(f"/roles/{role_id}", allow=(403, 404))
        if reply.status == 403:
            denied = True  # {"code":"access_denied"}: roles are an admin endpoint, the key itself is fine
            continue
        if reply.status != 200:
            continue
        body = client.decode(reply, dict)
        role = body.get("role") if isinstance(body.get("role"), dict) else {}
        name = str(role.get("name") or role_id)
        names.append(name)
        if not (role.get("default") is True and name in DEFAULT_TICKET_ROLES):
            custom.append(name)
    manual = " ".join(f"{i}. {s}" for i, s in enumerate(_ROLE_STEPS, 1))
    if names and not custom and any(n in DEFAULT_TICKET_ROLES for n in names):
        yield ctx.passed("role", f"Roles: {', '.join(names)} (built-in roles that update tickets and add notes).")
    elif denied and not names:
        yield ctx.unknown("role", "Freshservice shows role details to administrators only (access_denied), so "
                                  f"ExaDesk cannot confirm the ticket permissions. Confirm them by hand: {manual}")
    else:  # no API lists a custom role's permissions: a manual step by nature
        yield ctx.manual("role", f"Custom role {', '.join(custom) or 'unknown'}: the API does not list a custom "
                                  f"role's permissions. Confirm them by hand: {manual}")
    yield fw.admin_account_result(ctx, names, ADMIN_ROLES)


register(SPEC, sys.modules[__name__])
