"""Freshdesk (your-domain.freshdesk.com), the proxy user's API key.

Written from Freshdesk's documentation:
https://developers.freshdesk.com/api/#authentication (API key as the Basic user name, X as the password)
https://developers.freshdesk.com/api/#me (GET /api/v2/agents/me: role_ids, ticket_scope, type, occasional, contact)
https://developers.freshdesk.com/api/#agents (ticket_scope 1 global, 2 group, 3 restricted; type support_agent,
field_agent, collaborator)
https://developers.freshdesk.com/api/#view_role (GET /api/v2/roles/{id}: name, description, default)
https://developers.freshdesk.com/api/#list_all_ticket_fields (GET /api/v2/ticket_fields: default / custom fields)
https://developers.freshdesk.com/api/#error (error codes, including account_suspended)
https://developers.freshdesk.com/api/#view_agent, #update_agent, #list_all_roles (the fixes: GET and PUT
/api/v2/agents/{id}, GET /api/v2/roles)
https://support.freshdesk.com/support/solutions/articles/215517 (where an agent finds the API key)
https://support.freshdesk.com/support/solutions/articles/97079 (ticket scope and agent roles)
https://support.freshdesk.com/support/solutions/articles/226392 (a suspended account is read-only)
"""

from __future__ import annotations

import sys

from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.trackers import _freshworks as fw
from exadesk.trackers import _freshworks_fixes as fwfix
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.changes import Fix
from exadesk.verification.http import Reply
from exadesk.verification.registry import register
from exadesk.verification.spec import AuthMethod, Requirement, ScopeSpec, Step, TrackerSpec

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

#: Every sentence this adapter writes in a check (exadesk.foundation.strings), with those both Freshworks products
#: share.
TEXTS = {
    **fw.TEXTS,
    **fwfix.TEXTS,
    "agent.collaborator": "{who} is a collaborator, who can only add private notes to tickets shared with them; a "
                          "proxy user must be a support agent.",
    "agent.occasional": "{who} is an occasional agent: it can only act while a day pass is available.",
    "agent.occasional_fix": "Make the proxy user a full-time agent (Admin, Team, Agents, open the agent, Agent type "
                            "Full time).",
    "agent.support_agent": "support agent",
    "agent.is": "{who} is a {kind}.",
    "scope.global": "Global Access (all tickets).",
    "scope.group": "Group Access (tickets of its groups and its own): tickets of other groups will not sync.",
    "scope.restricted": "Restricted Access (only tickets assigned to it): the proxy user cannot see or update "
                        "tickets that are not assigned to it.",
    "scope.unknown": "Freshdesk reported no known ticket scope ({scope}).",
    "role.builtin": "Role: {roles} (a built-in role that views, replies to and updates tickets).",
    "role.hidden": "Freshdesk does not show role details to this agent, so ExaDesk cannot confirm the ticket "
                   "permissions through the API. Confirm them by hand: {manual}",
    "role.custom": "Custom role {roles}: the API does not list a custom role's permissions. Confirm them by hand: "
                   "{manual}",
    "fields.refused": "Freshdesk refused to list the ticket fields to this agent.",
    "fields.read": "Reads {count} ticket fields.{custom}",
    "fix.global_scope": "Give {who} Global Access to tickets (now: {scope})",
    "fix.global_scope_touches": "The agent then sees and can update every ticket of the helpdesk, in every group.",
    "fix.agent_role_touches": "The Agent role views, replies to, updates and resolves tickets and manages contacts; "
                              "it gives no access to the Admin tab.",
}

SPEC = TrackerSpec(
    texts=TEXTS,
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
                             "Admin, Account, Plans & Billing", "Administrator or Account Administrator",
                             "Admin, Team, Agents, the agent, Roles"),
        "fix_own_agent": Message(ErrorKind.BAD_INPUT,
                                 "The administrator's API key is the proxy user's own, and Freshdesk does not let an "
                                 "agent change its own {field}.",
                                 "Use another administrator's API key as the administrator's credential, or change "
                                 "it by hand: Admin, Team, Agents, open the proxy user's agent."),
        "fix_collaborator": Message(ErrorKind.BAD_INPUT,
                                    "The proxy user is a collaborator; Freshdesk's API does not turn a collaborator "
                                    "into a support agent.",
                                    "Make it a support agent by hand: Admin, Team, Agents, open the agent, and "
                                    "convert it to a support agent (or create a support agent for the integration)."),
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


@dataclass(frozen=True)
class Session:
    client: object
    me: dict


@dataclass(frozen=True)
class Facts:
    """What Freshdesk said: the agent (GET /agents/me), its roles as GET /roles/{id} shows them (None: not read),
    whether a role read was refused, and the ticket fields (None: refused or not read)."""
    me: dict
    role_ids: list[int] | None
    roles: list[dict] | None
    roles_refused: bool
    fields: list | None


def _sign_in(ctx) -> Session:
    """A client for the API key and the agent it belongs to (GET /agents/me); sets the identity."""
    client = ctx.client(fw.api_base(ctx.target.url), fw.auth(ctx.target.secrets.get("api_key")),
                        login_url=ctx.target.url, diagnose=diagnose)
    me = client.get_json("/agents/me", expect=dict)
    contact = me.get("contact") if isinstance(me.get("contact"), dict) else {}
    ctx.identity = Identity(name=str(contact.get("name") or ""), login=str(contact.get("email") or ""),
                            id=str(me.get("id") or ""), kind=str(me.get("type") or "") or "agent")
    return Session(client, me)


def _read_roles(ctx, session: Session, role_ids):
    if not role_ids:
        return None, False
    return fw.role_names(session.client, role_ids, lambda body: body)


def _gather(ctx, session: Session) -> Facts:
    """The roles (for role and admin_account) and the ticket fields, only where those checks apply."""
    role_ids = fw.role_ids_of(session.me)
    roles, refused = (_read_roles(ctx, session, role_ids)
                      if ctx.applies("role") or ctx.applies("admin_account") else (None, False))
    fields = None
    if ctx.applies("ticket_fields"):
        reply = session.client.get("/ticket_fields", allow=(403,))
        fields = None if reply.status == 403 else session.client.decode(reply, list)
    return Facts(session.me, role_ids, roles, refused, fields)


JUDGES = Judges()


@JUDGES("agent")
def _agent(ctx, facts: Facts):
    agent_type = str(facts.me.get("type") or "")
    who = fw.who_of(ctx)
    if agent_type == "collaborator":
        return ctx.failed("agent", ctx.say("agent.collaborator", who=who))
    if facts.me.get("occasional") is True:
        return ctx.warned("agent", ctx.say("agent.occasional", who=who), fix=ctx.say("agent.occasional_fix"))
    kind = agent_type.replace("_", " ") if agent_type else ctx.say("agent.support_agent")
    return ctx.passed("agent", ctx.say("agent.is", who=who, kind=kind))


@JUDGES("ticket_scope")
def _ticket_scope(ctx, facts: Facts):
    scope = facts.me.get("ticket_scope")
    if scope == 1:
        return ctx.passed("ticket_scope", ctx.say("scope.global"))
    if scope == 2:
        return ctx.warned("ticket_scope", ctx.say("scope.group"))
    if scope == 3:
        return ctx.failed("ticket_scope", ctx.say("scope.restricted"))
    if "ticket_scope" not in facts.me:
        return ctx.not_sent("ticket_scope", "ticket_scope", fw.AGENT_REPLY)
    return ctx.unknown("ticket_scope", ctx.say("scope.unknown", scope=repr(scope)))


def _is_builtin(role: dict) -> bool:
    return role.get("default") is True and fw.role_label(role) in DEFAULT_TICKET_ROLES


@JUDGES("role")
def _role(ctx, facts: Facts):
    if facts.role_ids is None:  # not sent: never a fail
        return ctx.not_sent("role", fw.ROLES_FIELD, fw.AGENT_REPLY)
    if not facts.role_ids:
        return ctx.failed("role", ctx.say("role.none", product=SPEC.name))
    roles = facts.roles or []
    names = [fw.role_label(r) for r in roles]
    custom = [fw.role_label(r) for r in roles if not _is_builtin(r)]
    shown = {int(r["id"]) if str(r["id"]).isdigit() else r["id"] for r in roles}
    hidden = [str(i) for i in facts.role_ids if i not in shown]
    manual = " ".join(f"{i}. {s}" for i, s in enumerate(_ROLE_STEPS, 1))
    if any(n in DEFAULT_TICKET_ROLES for n in names) and not custom:
        return ctx.passed("role", ctx.say("role.builtin", roles=", ".join(names)))
    if hidden and not names:
        # Only administrators may read roles through the API: not a fault of the key.
        return ctx.unknown("role", ctx.say("role.hidden", manual=manual))
    # no API lists a custom role's permissions: a manual step by nature
    return ctx.manual("role", ctx.say("role.custom", roles=", ".join(custom or hidden), manual=manual))


@JUDGES("ticket_fields")
def _ticket_fields(ctx, facts: Facts):
    if facts.fields is None:
        return ctx.failed("ticket_fields", ctx.say("fields.refused"))
    custom = [str(f.get("label") or f.get("name")) for f in facts.fields
              if isinstance(f, dict) and f.get("default") is False]
    return ctx.passed("ticket_fields", ctx.say("fields.read", count=len(facts.fields),
                                               custom=fw.custom_fields_text(ctx, custom)))


@JUDGES("admin_account")
def _admin_account(ctx, facts: Facts):
    if facts.role_ids is None:
        return ctx.not_sent("admin_account", fw.ROLES_FIELD, fw.AGENT_REPLY)
    if not facts.role_ids:
        return ctx.unknown("admin_account", ctx.say("admin_account.no_role"))
    return fw.admin_account_result(ctx, [fw.role_label(r) for r in facts.roles or []], ADMIN_ROLES)


verify_live = adapter(_sign_in, _gather, JUDGES)


#: The planner's admin facts: the Administrator role is read live; the console group by hand.
verify_admin = fw.admin_verification(_sign_in, lambda session: session.me, lambda body: body, ADMIN_ROLES)


# -- fixes (exadesk fix): the proxy user's agent ---------------------------------------------------------------------
# Freshdesk's reference: View an Agent (GET /api/v2/agents/{id}), Update an Agent (PUT /api/v2/agents/{id} with
# occasional true/false, ticket_scope 1 Global, 2 Group, 3 Restricted, role_ids "at least one role"; "current logged
# in agent can't update his/her ticket_scope" or role_ids) and List All Roles (GET /api/v2/roles: id, name, default).
# Updating agents is an administrator's (403 access_denied otherwise). Making someone an account administrator, or
# the proxy user no longer one (admin_account), is a person's decision and stays by hand.

_UPDATE_REF = "https://developers.freshdesk.com/api/#update_agent"
_AGENT_ROLE = "Agent"


def fix_client(ctx):
    """The administrator's client for fixes, signed in as ``ctx.target`` (the fix module makes it writable)."""
    return _sign_in(ctx).client


def _proxy_agent(ctx, own_field: str = "") -> tuple[object, dict | None]:
    """The admin's client and the proxy user's agent. ``own_field``: a field Freshdesk does not let an agent change
    on itself ("current logged in agent can't update his/her ticket_scope", role_ids): refused, by hand, when the
    administrator's key is the proxy user's own."""
    client = fix_client(ctx)
    agent = fwfix.proxy_agent(ctx, client, lambda body: body)
    if own_field and agent is not None and ctx.identity and str(ctx.identity.id) == str(agent.get("id")):
        raise CheckError(ctx.problem("fix_own_agent", field=own_field))
    return client, agent


def _plan_agent(ctx, key: str):
    _, agent = _proxy_agent(ctx)
    if agent is None:
        return []
    if agent.get("type") == "collaborator":
        raise CheckError(ctx.problem("fix_collaborator"))
    return fwfix.full_time_changes(ctx, key, agent, _UPDATE_REF)


def _plan_ticket_scope(ctx, key: str):
    _, agent = _proxy_agent(ctx, "ticket_scope")
    if agent is None or agent.get("ticket_scope") not in TICKET_SCOPES:
        return []
    old = agent["ticket_scope"]
    return [fwfix.field_change(ctx, key, agent, "ticket_scope", 1, old,
                               ctx.say("fix.global_scope", who=ctx.proxy_identity.label(), scope=TICKET_SCOPES[old]),
                               _UPDATE_REF, (ctx.say("fix.global_scope_touches"),))]


def _plan_role(ctx, key: str):
    """An agent that holds no role gets the built-in Agent role (a custom role's permissions stay by hand)."""
    client, agent = _proxy_agent(ctx, "role_ids")
    if agent is None or agent.get("role_ids"):
        return []
    role = fwfix.role_needed(ctx, fwfix.builtin_role(client.get_json("/roles", expect=list), _AGENT_ROLE), _AGENT_ROLE)
    words, why = fwfix.give_role_words(ctx, role)
    return [fwfix.field_change(ctx, key, agent, "role_ids", [role["id"]], list(agent.get("role_ids") or []), words,
                               _UPDATE_REF, (ctx.say("fix.agent_role_touches"),), no_inverse=why)]


_NEEDS = "the Administrator or Account Administrator role (Freshdesk lets only administrators update agents)"
FIXES = (Fix(("agent",), _plan_agent, _NEEDS, _UPDATE_REF),
         Fix(("ticket_scope",), _plan_ticket_scope, _NEEDS, _UPDATE_REF),
         Fix(("role",), _plan_role, _NEEDS, _UPDATE_REF))
#: Why the other requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md).
NOT_FIXABLE = {
    **fw.NOT_FIXABLE,
    "ticket_fields": "reading ticket fields comes with the agent's role, which the role fix gives when the agent has "
                     "none; a custom role's permissions are not in Freshdesk's API, so they stay by hand.",
}


register(SPEC, sys.modules[__name__])
