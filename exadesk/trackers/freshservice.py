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
https://api.freshservice.com/#view_an_agent, #update_an_agent, #view_all_role (the fixes: GET and PUT
/api/v2/agents/{id}, GET /api/v2/roles)
https://support.freshservice.com/support/solutions/articles/50000000306 (where an agent finds the API key)
https://community.freshworks.com/how-do-i-11341/how-do-enable-my-api-key-43824 (the API key toggle)
https://community.freshworks.com/how-do-i-11341/permissions-required-for-accessing-api-v2-agents-api-43390
"""

from __future__ import annotations

import sys

from exadesk.foundation import messages
from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.trackers import _freshworks as fw
from exadesk.trackers import _freshworks_fixes as fwfix
from exadesk.verification.adapter import Judges
from exadesk.verification.changes import Fix
from exadesk.verification.http import Reply
from exadesk.verification.registry import register
from exadesk.verification.spec import AuthMethod, Requirement, ScopeSpec, Step, TrackerSpec

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

#: Every sentence this adapter writes in a check (exadesk.foundation.strings), with those both Freshworks products
#: share.
TEXTS = {
    **fw.TEXTS,
    **fwfix.TEXTS,
    "api_access.disabled": "Freshservice says the API key is disabled for this agent.",
    "api_access.refused": "Freshservice refused the key: either it was copied wrongly or reset, or the role has no "
                          "API access.",
    "api_access.accepted": "Freshservice accepted the API key, so the role has API access.",
    "agent.deactivated": "{who} is deactivated.",
    "agent.occasional": "{who} is an occasional agent: it can only act while a day pass is available.",
    "agent.occasional_fix": "Make the proxy user a full-time agent (Admin, User Management, Agents, open the agent).",
    "agent.full_time": "{who} is an active full-time agent.",
    "tickets.global": "Ticket access: Global Access (entire helpdesk).",
    "tickets.group": "Ticket access: Group Access only; tickets of other groups will not sync.",
    "tickets.restricted": "Ticket access: Restricted Access; the proxy user only reaches tickets assigned to it.",
    "tickets.unknown": "Freshservice reported no ticket access level for this agent.",
    "role.builtin": "Roles: {roles} (built-in roles that update tickets and add notes).",
    "role.hidden": "Freshservice shows role details to administrators only (access_denied), so ExaDesk cannot "
                   "confirm the ticket permissions. Confirm them by hand: {manual}",
    "role.custom": "Custom role {roles}: the API does not list a custom role's permissions. Confirm them by hand: "
                   "{manual}",
    "role.unknown": "unknown",
    "fields.refused": "Freshservice refused to list the ticket form fields to this agent.",
    "fields.read": "Reads {count} ticket form fields.{custom}",
    "fix.entire_helpdesk": "Let {who} use the role {role} on the entire helpdesk (now: {scope})",
    "fix.entire_helpdesk_touches": "Everything the role {role} allows (tickets, and problems, changes or releases "
                                   "if it covers them) then applies to the whole helpdesk, not only some groups.",
    "fix.sd_agent_touches": "SD Agent works on tickets in the entire helpdesk; it gives no access to Admin.",
}

SPEC = TrackerSpec(
    texts=TEXTS,
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
                             "Admin, Account Details, Plans & Billing", "Admin or Account Admin",
                             "Admin, User Management, Agents, the agent, Roles"),
        "fix_deactivated": Message(ErrorKind.BAD_INPUT,
                                   "The proxy user's agent is deactivated; ExaDesk does not reactivate agents.",
                                   "Reactivate it by hand (Admin, User Management, Agents, Deactivated, open the "
                                   "agent, Reactivate), then verify again."),
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


@dataclass(frozen=True)
class Session:
    client: object
    agent: dict


@dataclass(frozen=True)
class Facts:
    """What Freshservice said: the agent (GET /agents/me), its roles as GET /roles/{id} shows them, whether a role
    read was refused (access_denied), and the ticket form fields (None: refused or not read)."""
    agent: dict
    role_ids: list[int] | None
    roles: list[dict] | None
    roles_refused: bool
    fields: list | None


def _role_of(body: dict) -> dict:
    return body.get("role") if isinstance(body.get("role"), dict) else {}


def _sign_in(ctx) -> Session:
    """A client for the API key and the agent it belongs to (GET /agents/me, ``{"agent": {...}}``)."""
    client = ctx.client(fw.api_base(ctx.target.url), fw.auth(ctx.target.secrets.get("api_key")),
                        login_url=ctx.target.url, diagnose=diagnose)
    agent = client.get_json("/agents/me", expect=dict).get("agent")
    if not isinstance(agent, dict):
        raise CheckError(messages.problem("http.wrong_shape", tracker=SPEC.name, url=ctx.target.url,
                                          what="an answer without the agent object"))
    _identify(ctx, agent)
    return Session(client, agent)


def _gather(ctx, session: Session) -> Facts:
    """The roles (for role and admin_account) and the ticket form fields, only where those checks apply."""
    role_ids = fw.role_ids_of(session.agent)
    roles, refused = None, False
    if role_ids and (ctx.applies("role") or ctx.applies("admin_account")):
        roles, refused = fw.role_names(session.client, role_ids, _role_of)
    fields = None
    if ctx.applies("custom_fields"):
        reply = session.client.get("/ticket_form_fields", allow=(403,))
        if reply.status != 403:
            data = session.client.decode(reply, dict)
            fields = [f for f in data.get("ticket_fields") or [] if isinstance(f, dict)]
    return Facts(session.agent, role_ids, roles, refused, fields)


JUDGES = Judges()


@JUDGES("api_access")
def _api_access(ctx, facts: Facts):
    return ctx.passed("api_access", ctx.say("api_access.accepted"))


@JUDGES("agent")
def _agent(ctx, facts: Facts):
    who = fw.who_of(ctx)
    if facts.agent.get("active") is False:
        return ctx.failed("agent", ctx.say("agent.deactivated", who=who))
    if facts.agent.get("occasional") is True:
        return ctx.warned("agent", ctx.say("agent.occasional", who=who), fix=ctx.say("agent.occasional_fix"))
    return ctx.passed("agent", ctx.say("agent.full_time", who=who))


@JUDGES("tickets")
def _tickets(ctx, facts: Facts):
    agent = facts.agent
    scope = agent.get("scope") if isinstance(agent.get("scope"), dict) else {}
    ticket_scope = scope.get("ticket")
    reaches = {str(r.get("assignment_scope") or "") for r in agent.get("roles") or [] if isinstance(r, dict)}
    if ticket_scope == "Global Access" or "entire_helpdesk" in reaches:
        return ctx.passed("tickets", ctx.say("tickets.global"))
    if ticket_scope == "Group Access" or reaches & {"member_groups", "specified_groups"}:
        return ctx.warned("tickets", ctx.say("tickets.group"))
    if ticket_scope == "Restricted Access" or "assigned_items" in reaches:
        return ctx.failed("tickets", ctx.say("tickets.restricted"))
    return ctx.unknown("tickets", ctx.say("tickets.unknown"))


def _is_builtin(role: dict) -> bool:
    return role.get("default") is True and fw.role_label(role) in DEFAULT_TICKET_ROLES


@JUDGES("role")
def _role(ctx, facts: Facts):
    if facts.role_ids is None:  # not sent: never a fail
        return ctx.not_sent("role", "roles", fw.AGENT_REPLY)
    if not facts.role_ids:
        return ctx.failed("role", ctx.say("role.none", product=SPEC.name))
    roles = facts.roles or []
    names = [fw.role_label(r) for r in roles]
    custom = [fw.role_label(r) for r in roles if not _is_builtin(r)]
    manual = " ".join(f"{i}. {s}" for i, s in enumerate(_ROLE_STEPS, 1))
    if names and not custom and any(n in DEFAULT_TICKET_ROLES for n in names):
        return ctx.passed("role", ctx.say("role.builtin", roles=", ".join(names)))
    if facts.roles_refused and not names:
        return ctx.unknown("role", ctx.say("role.hidden", manual=manual))
    # no API lists a custom role's permissions: a manual step by nature
    return ctx.manual("role", ctx.say("role.custom", roles=", ".join(custom) or ctx.say("role.unknown"),
                                      manual=manual))


@JUDGES("custom_fields")
def _custom_fields(ctx, facts: Facts):
    if facts.fields is None:
        return ctx.failed("custom_fields", ctx.say("fields.refused"))
    custom = [str(f.get("label") or f.get("name")) for f in facts.fields if f.get("default_field") is False]
    return ctx.passed("custom_fields", ctx.say("fields.read", count=len(facts.fields),
                                               custom=fw.custom_fields_text(ctx, custom)))


@JUDGES("admin_account")
def _admin_account(ctx, facts: Facts):
    if facts.role_ids is None:
        return ctx.not_sent("admin_account", "roles", fw.AGENT_REPLY)
    if not facts.role_ids:
        return ctx.unknown("admin_account", ctx.say("admin_account.no_role"))
    return fw.admin_account_result(ctx, [fw.role_label(r) for r in facts.roles or []], ADMIN_ROLES)


def verify_live(ctx):
    """Sign in, gather, judge; a refused key still says what it means for API access before the run stops."""
    try:
        session = _sign_in(ctx)
    except CheckError as exc:
        if exc.problem.reason == "freshservice.api_key_disabled":
            yield ctx.failed("api_access", ctx.say("api_access.disabled"))
        elif exc.kind is ErrorKind.AUTH:
            yield ctx.unknown("api_access", ctx.say("api_access.refused"))
        raise
    yield from JUDGES.judge(ctx, _gather(ctx, session))


verify_live.judges = JUDGES


#: The planner's admin fact: the Account Admin or Admin role is read live; the console group by hand.
verify_admin = fw.admin_verification(_sign_in, lambda session: session.agent, _role_of, ADMIN_ROLES)


# -- fixes (exadesk fix): the proxy user's agent ---------------------------------------------------------------------
# Freshservice's reference: View an Agent (GET /api/v2/agents/{id}, {"agent": {...}}), Update an Agent (PUT
# /api/v2/agents/{id} with occasional, and roles: [{role_id, assignment_scope entire_helpdesk | member_groups |
# specified_groups | assigned_items, groups (specified_groups only)}], which replaces the agent's roles) and List All
# Roles (GET /api/v2/roles, {"roles": [...]}, administrators only). API access (a role's API key toggle, which the API
# neither shows nor sets) and an administrator's own account (admin_account) stay by hand.

_UPDATE_REF = "https://api.freshservice.com/#update_an_agent"
_SD_AGENT = "SD Agent"
_ENTIRE = "entire_helpdesk"


def fix_client(ctx):
    """The administrator's client for fixes, signed in as ``ctx.target`` (the fix module makes it writable)."""
    return _sign_in(ctx).client


def _proxy_agent(ctx) -> tuple[object, dict | None]:
    client = fix_client(ctx)
    return client, fwfix.proxy_agent(ctx, client, lambda body: body.get("agent"))


def _assignments(agent: dict) -> list[dict]:
    """The agent's roles as Update an Agent takes them back: role_id, assignment_scope, and groups only where the
    scope is specified_groups."""
    out = []
    for role in agent.get("roles") or []:
        if isinstance(role, dict) and role.get("role_id"):
            item = {"role_id": role["role_id"], "assignment_scope": role.get("assignment_scope")}
            if role.get("assignment_scope") == "specified_groups":
                item["groups"] = list(role.get("groups") or [])
            out.append(item)
    return out


def _plan_agent(ctx, key: str):
    _, agent = _proxy_agent(ctx)
    if agent is None:
        return []
    if agent.get("active") is False:
        raise CheckError(ctx.problem("fix_deactivated"))
    return fwfix.full_time_changes(ctx, key, agent, _UPDATE_REF)


def _give_sd_agent(ctx, key: str, client, agent: dict):
    """An agent that holds no role gets SD Agent on the entire helpdesk (meets role and tickets at once)."""
    roles = client.get_json("/roles", params={"per_page": 100}, expect=dict).get("roles") or []
    role = fwfix.role_needed(ctx, fwfix.builtin_role(roles, _SD_AGENT), _SD_AGENT)
    words, why = fwfix.give_role_words(ctx, role)
    return [fwfix.field_change(ctx, key, agent, "roles", [{"role_id": role["id"], "assignment_scope": _ENTIRE}], [],
                               words, _UPDATE_REF, (ctx.say("fix.sd_agent_touches"),), no_inverse=why)]


def _plan_role(ctx, key: str):
    client, agent = _proxy_agent(ctx)
    if agent is None or _assignments(agent):
        return []  # a custom role's permissions are not in the API: by hand
    return _give_sd_agent(ctx, key, client, agent)


def _plan_tickets(ctx, key: str):
    """The agent's first role is let on the entire helpdesk (the others are kept as they are); undo restores them."""
    client, agent = _proxy_agent(ctx)
    if agent is None:
        return []
    old = _assignments(agent)
    if not old:
        return _give_sd_agent(ctx, key, client, agent)
    if any(r["assignment_scope"] == _ENTIRE for r in old):
        return []
    first = old[0]
    new = [{"role_id": first["role_id"], "assignment_scope": _ENTIRE}, *old[1:]]
    role = _role_name(client, first["role_id"])
    scope = (agent.get("scope") or {}).get("ticket") or first["assignment_scope"]
    return [fwfix.field_change(ctx, key, agent, "roles", new, old,
                               ctx.say("fix.entire_helpdesk", who=ctx.proxy_identity.label(), role=role, scope=scope),
                               _UPDATE_REF, (ctx.say("fix.entire_helpdesk_touches", role=role),))]


def _role_name(client, role_id) -> str:
    roles, _ = fw.role_names(client, [role_id], _role_of)
    return fw.role_label(roles[0]) if roles else str(role_id)


_NEEDS = "the Admin or Account Admin role (Freshservice lets only administrators read roles and update agents)"
FIXES = (Fix(("agent",), _plan_agent, _NEEDS, _UPDATE_REF),
         Fix(("tickets",), _plan_tickets, _NEEDS, _UPDATE_REF),
         Fix(("role",), _plan_role, _NEEDS, _UPDATE_REF))
#: Why the other requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md).
NOT_FIXABLE = {
    **fw.NOT_FIXABLE,
    "api_access": "Freshservice's API neither shows nor sets a role's API key toggle; an Account Admin turns it on "
                  "(Admin, User Management, Roles).",
    "custom_fields": "reading ticket form fields comes with a role that can view tickets, which the role fix gives "
                     "when the agent has none; a custom role's permissions are not in Freshservice's API.",
}


register(SPEC, sys.modules[__name__])
