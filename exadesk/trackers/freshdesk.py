"""Freshdesk (your-domain.freshdesk.com), the proxy user's API key.

Written from Freshdesk's documentation:
https://developers.freshdesk.com/api/#authentication (API key as the Basic user name, X as the password)
https://developers.freshdesk.com/api/#me (GET /api/v2/agents/me: role_ids, ticket_scope, type, occasional, contact)
https://developers.freshdesk.com/api/#agents (ticket_scope 1 global, 2 group, 3 restricted; type support_agent,
field_agent, collaborator)
https://developers.freshdesk.com/api/#view_role (GET /api/v2/roles/{id}: name, description, default)
https://developers.freshdesk.com/api/#list_all_ticket_fields (GET /api/v2/ticket_fields: default / custom fields)
https://developers.freshdesk.com/api/#error (error codes, including account_suspended)
https://support.freshdesk.com/support/solutions/articles/215517 (where an agent finds the API key)
https://support.freshdesk.com/support/solutions/articles/97079 (ticket scope and agent roles)
https://support.freshdesk.com/support/solutions/articles/226392 (a suspended account is read-only)
"""

from __future__ import annotations

import sys

from exadesk.checks import Identity
from exadesk.errors import ErrorKind
from exadesk.http import Reply
from exadesk.messages import Message
from exadesk.trackers import _freshworks as fw
from exadesk.trackers import register
from exadesk.trackers.base import AuthMethod, Requirement, ScopeSpec, Step, TrackerSpec

#: Freshdesk's built-in roles; each lets an agent view, reply to, update and resolve tickets.
DEFAULT_TICKET_ROLES = ("Account Administrator", "Administrator", "Supervisor", "Agent")
ADMIN_ROLES = ("Account Administrator", "Administrator")
TICKET_SCOPES = {1: "Global Access (all tickets)", 2: "Group Access (tickets of its groups and its own)",
                 3: "Restricted Access (only tickets assigned to it)"}

_ROLE_STEPS = (
    "Sign in to Freshdesk as an administrator and open Admin, Team, Agents.",
    "Open the proxy user's agent and note its role under Roles.",
    "Open Admin, Team, Roles, and open that role.",
    "Under Tickets, confirm it may view tickets, reply, add notes and edit ticket properties (fields, status, "
    "priority, custom fields).",
)

SPEC = TrackerSpec(
    catalogue_order=80,
    id="freshdesk",
    name="Freshdesk",
    docs_url="https://developers.freshdesk.com/api/",
    summary="A Freshdesk helpdesk; the proxy user is an agent and signs in with its API key.",
    url=fw.url_spec("freshdesk.com"),
    scope=ScopeSpec(label="Tickets", example="all tickets",
                    hint="nothing to list: the agent's ticket scope decides which tickets it can sync"),
    sync_options=("comments", "attachments", "triggers"),
    auth_methods=(
        AuthMethod(
            id="api_key",
            label="API key",
            description="The proxy user's personal API key. It acts with that agent's role and ticket scope, and "
                        "stops working if anyone resets it.",
            fields=(fw.api_key_field("Freshdesk"),),
            steps=(
                Step("Sign in to Freshdesk as the proxy user (the agent the integration acts as), not as yourself.",
                     link="{url}/a/", link_label="Open Freshdesk"),
                Step("Click the profile picture at the top right and choose Profile Settings.",
                     link="{url}/a/profile/settings", link_label="Open Profile Settings"),
                Step("On the right, find the API Key section and choose View API Key."),
                Step("Complete the CAPTCHA that Freshdesk shows before it reveals the key."),
                Step("Copy the key and paste it here. Do not choose Reset: that revokes the key everywhere it is "
                     "already used."),
                Step("Later you can change the proxy user in the integration under General Settings, Configure."),
            ),
        ),
    ),
    requirements=(
        Requirement("agent", "Proxy user is a Freshdesk agent",
                    "Make the proxy user a full-time support agent: Admin, Team, Agents, New agent (or convert the "
                    "contact to an agent), with the Agent role."),
        Requirement("ticket_scope", "Agent can see every ticket that syncs",
                    "Give the agent Global Access: Admin, Team, Agents, open the agent, and under Scope choose All "
                    "tickets (Global Access)."),
        Requirement("role", "Role allows viewing, updating and commenting on tickets",
                    "Give the agent the built-in Agent role (Admin, Team, Agents, open the agent, Roles), or add "
                    "the ticket permissions to its custom role.",
                    steps=_ROLE_STEPS),
        Requirement("ticket_fields", "Agent can read the ticket fields (custom fields, categories)",
                    "Give the agent the Agent role, which can read every ticket field including custom fields and "
                    "category drop-downs."),
        Requirement("admin_account", "Proxy user is not an administrator's own account",
                    "Use a dedicated agent (for example 'exalate-sync') with the Agent role: changes made by the "
                    "proxy user are not synchronised, so an administrator's own edits would stop syncing."),
    ),
    admin_requirements=fw.admin_requirements("Freshdesk", "Administrator or Account Administrator",
                                             "Admin, Team, Agents, the person, Roles", "Admin, Team, Groups"),
    messages={
        **fw.common_messages("Freshdesk", "the proxy user's Profile Settings (View API Key)",
                             "Admin, Account, Plans & Billing"),
        "not_agent": Message(ErrorKind.FORBIDDEN,
                             "Freshdesk refused to show an agent profile for this API key: the key belongs to a "
                             "customer contact or to an account without agent access.",
                             "Use the API key of an agent: sign in as the proxy user agent, open Profile Settings, "
                             "View API Key. To make the account an agent: Admin, Team, Agents."),
    },
)


def diagnose(reply: Reply, client):
    """Freshdesk's 401/403 bodies: bad key, suspended account, lockout, a key that is not an agent's."""
    return fw.diagnose_common(reply, SPEC.id, SPEC.name)


def _signed_in(ctx):
    """A client for the API key and the agent it belongs to (GET /agents/me); sets the identity."""
    client = ctx.client(fw.api_base(ctx.target.url), fw.auth(ctx.target.secrets.get("api_key")),
                        login_url=ctx.target.url, diagnose=diagnose)
    me = client.get_json("/agents/me", expect=dict)
    contact = me.get("contact") if isinstance(me.get("contact"), dict) else {}
    ctx.identity = Identity(name=str(contact.get("name") or ""), login=str(contact.get("email") or ""),
                            id=str(me.get("id") or ""), kind=str(me.get("type") or "") or "agent")
    return client, me


def verify_admin(ctx):
    """The planner's admin facts: the Administrator role is read live; the console group by hand."""
    client, me = _signed_in(ctx)
    yield fw.admin_role_result(ctx, client, fw.role_ids_of(me), ADMIN_ROLES, lambda body: body)


def verify_live(ctx):
    client, me = _signed_in(ctx)
    agent_type = str(me.get("type") or "")
    who = ctx.identity.label() or "This agent"

    if agent_type == "collaborator":
        yield ctx.failed("agent", f"{who} is a collaborator, who can only add private notes to tickets shared with "
                                  "them; a proxy user must be a support agent.")
    elif me.get("occasional") is True:
        yield ctx.warned("agent", f"{who} is an occasional agent: it can only act while a day pass is available.",
                         fix="Make the proxy user a full-time agent (Admin, Team, Agents, open the agent, Agent type "
                             "Full time).")
    else:
        yield ctx.passed("agent", f"{who} is a {'support agent' if not agent_type else agent_type.replace('_', ' ')}.")

    scope = me.get("ticket_scope")
    if scope == 1:
        yield ctx.passed("ticket_scope", TICKET_SCOPES[1] + ".")
    elif scope == 2:
        yield ctx.warned("ticket_scope", f"{TICKET_SCOPES[2]}: tickets of other groups will not sync.")
    elif scope == 3:
        yield ctx.failed("ticket_scope", f"{TICKET_SCOPES[3]}: the proxy user cannot see or update tickets that "
                                         "are not assigned to it.")
    elif "ticket_scope" not in me:
        yield ctx.not_sent("ticket_scope", "ticket_scope", fw.AGENT_REPLY)
    else:
        yield ctx.unknown("ticket_scope", f"Freshdesk reported no known ticket scope ({scope!r}).")

    yield from _role_checks(ctx, client, me)

    fields_reply = client.get("/ticket_fields", allow=(403,))
    if fields_reply.status == 403:
        yield ctx.failed("ticket_fields", "Freshdesk refused to list the ticket fields to this agent.")
    else:
        fields = client.decode(fields_reply, list)
        custom = [str(f.get("label") or f.get("name")) for f in fields if isinstance(f, dict) and f.get("default") is False]
        shown = f" Custom fields: {', '.join(custom[:10])}{' …' if len(custom) > 10 else ''}." if custom else \
            " There are no custom fields yet."
        yield ctx.passed("ticket_fields", f"Reads {len(fields)} ticket fields.{shown}")


def _role_checks(ctx, client, me: dict):
    role_ids = fw.role_ids_of(me)
    if role_ids is None:  # not sent: never a fail
        yield ctx.not_sent("role", fw.ROLES_FIELD, fw.AGENT_REPLY)
        yield ctx.not_sent("admin_account", fw.ROLES_FIELD, fw.AGENT_REPLY)
        return
    if not role_ids:
        yield ctx.failed("role", "Freshdesk reports no role for this agent.")
        yield ctx.unknown("admin_account", "No role to judge by.")
        return
    names, custom, hidden = [], [], []
    for role_id in role_ids:
        reply = client.get(f"/roles/{role_id}", allow=(403, 404))
        if reply.status != 200:
            hidden.append(str(role_id))
            continue
        role = client.decode(reply, dict)
        name = str(role.get("name") or role_id)
        names.append(name)
        if not (role.get("default") is True and name in DEFAULT_TICKET_ROLES):
            custom.append(name)
    manual = " ".join(f"{i}. {s}" for i, s in enumerate(_ROLE_STEPS, 1))
    if any(n in DEFAULT_TICKET_ROLES for n in names) and not custom:
        yield ctx.passed("role", f"Role: {', '.join(names)} (a built-in role that views, replies to and updates "
                                 "tickets).")
    elif hidden and not names:
        # Only administrators may read roles through the API: not a fault of the key.
        yield ctx.unknown("role", "Freshdesk does not show role details to this agent, so ExaDesk cannot confirm "
                                  f"the ticket permissions through the API. Confirm them by hand: {manual}")
    else:  # no API lists a custom role's permissions: a manual step by nature
        yield ctx.manual("role", f"Custom role {', '.join(custom or hidden)}: the API does not list a custom "
                                  f"role's permissions. Confirm them by hand: {manual}")
    yield fw.admin_account_result(ctx, names, ADMIN_ROLES)


register(SPEC, sys.modules[__name__])
