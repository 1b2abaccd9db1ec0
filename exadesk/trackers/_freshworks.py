"""What Freshdesk and Freshservice share: the API-key sign-in, /api/v2, and the Freshworks error body.

Written from the vendors' API documentation:
https://developers.freshdesk.com/api/#authentication (API key as the Basic user name, any password such as X)
https://developers.freshdesk.com/api/#error (``{"code", "message"}`` and ``{"description", "errors": [...]}``;
codes invalid_credentials, access_denied, require_feature, account_suspended, password_lockout, password_expired)
https://api.freshservice.com/#authentication and https://api.freshservice.com/#error_handling (the same scheme)
https://support.freshdesk.com/support/solutions/articles/225440 (status codes and their reasons)
https://github.com/freshworks/freshworks-api-sdk/blob/main/codegen/freshservice/freshservice-v2.0.1.swagger.yml
(Freshworks' own error-code list: invalid_credentials, access_denied, require_feature, account_suspended,
password_lockout, password_expired)
"""

from __future__ import annotations

from typing import Callable
from urllib.parse import urlsplit

from exadesk.foundation import messages
from exadesk.foundation.errors import ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.changes import admin_role_not_fixable
from exadesk.verification.http import BasicAuth, Reply
from exadesk.verification.spec import CONSOLE_GROUP, Field, UrlSpec, origin

#: The sentences both products' checks share (each product's TEXTS table includes them).
TEXTS = {
    "this_agent": "This agent",
    "admin.has_role": "{who} has the {roles} role.",
    "admin.roles_refused": "{who} may not read roles, which only administrators can.",
    "admin.other_role": "{who} has the role {roles}, not an administrator's.",
    "admin.no_role": "{product} reports no role for {who}.",
    "admin_account.admin": "The proxy user has the {roles} role. If this is a person's own account, their edits "
                           "will not sync.",
    "admin_account.not_admin": "Not an administrator role ({roles}).",
    "admin_account.hidden": "The role names are not visible to this agent.",
    "admin_account.no_role": "No role to judge by.",
    "role.none": "{product} reports no role for this agent.",
    "fields.custom": " Custom fields: {shown}{more}.",
    "fields.no_custom": " There are no custom fields yet.",
}

API_PREFIX = "/api/v2"
#: Freshworks ignores the Basic password when the user name is an API key; its docs use X.
KEY_PASSWORD = "X"


def api_key_field(product: str) -> Field:
    """The API key input; both products show a key of about 20 letters and digits."""
    return Field("api_key", "API key", secret=True, pattern=r"[A-Za-z0-9]{16,64}",
                 hint=f"the API key from the proxy user's {product} Profile Settings: about 20 letters and digits, "
                      "nothing else (not the email, not 'key:X')",
                 example="Ab12Cd34Ef56Gh78Ij90")


def url_spec(domain: str) -> UrlSpec:
    """Addresses of the form https://your-domain.<domain>."""
    return UrlSpec(example=f"https://your-domain.{domain}",
                   hint=f"https://your-domain.{domain} (the address you sign in at, without any page path)",
                   pattern=rf"https://[a-z0-9][a-z0-9-]*\.{domain.replace('.', r'[.]')}",
                   site=rf"[a-z0-9][a-z0-9-]*\.{domain.replace('.', r'[.]')}")


def api_base(url: str) -> str:
    """The API root of an instance: its origin plus /api/v2 (a page path someone pasted is dropped)."""
    parts = urlsplit(url)
    return origin(parts) + API_PREFIX


def auth(api_key: str) -> BasicAuth:
    return BasicAuth(api_key, KEY_PASSWORD)


def error_code(reply: Reply) -> str:
    """The Freshworks error code of a reply: ``code`` at the top, or the first of ``errors``."""
    data = reply.json_or_none()
    if not isinstance(data, dict):
        return ""
    if isinstance(data.get("code"), str):
        return data["code"]
    errors = data.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return str(errors[0].get("code") or "")
    return ""


def error_text(reply: Reply) -> str:
    data = reply.json_or_none()
    if not isinstance(data, dict):
        return ""
    parts = [str(data.get("message") or ""), str(data.get("description") or "")]
    for item in data.get("errors") or []:
        if isinstance(item, dict):
            parts.append(str(item.get("message") or ""))
    return " ".join(p for p in parts if p)


def diagnose_common(reply: Reply, tracker_id: str, tracker_name: str):
    """Freshworks' own signals that hold on both products, or None.

    Each product registers the reasons named here under its id (``common_messages`` plus its own ``not_agent``).
    """
    code = error_code(reply)
    if reply.status == 403 and code == "account_suspended":
        return messages.problem(f"{tracker_id}.account_suspended", tracker=tracker_name)
    if reply.status == 403 and code in ("password_lockout", "password_expired"):
        return messages.problem(f"{tracker_id}.{code}", tracker=tracker_name)
    if reply.status == 403 and code == "require_feature":
        return messages.problem(f"{tracker_id}.require_feature", tracker=tracker_name)
    if reply.status == 401:
        return messages.problem(f"{tracker_id}.invalid_credentials", tracker=tracker_name)
    if reply.status == 403 and reply.url.rstrip("/").endswith("/agents/me"):
        return messages.problem(f"{tracker_id}.not_agent", tracker=tracker_name)
    return None


def common_messages(product: str, key_place: str, billing_place: str, admin_roles: str = "",
                    roles_place: str = "") -> dict[str, Message]:
    """Reasons both products register under their own id; ``key_place`` says where the key is shown, and
    ``admin_roles`` which roles may update agents (``roles_place``: where the built-in roles are listed)."""
    return {
        "fix_not_admin": Message(
            ErrorKind.FORBIDDEN, f"{product} refused to show the proxy user's agent to the administrator's "
                                 "credential: only an administrator may read and update agents. Nothing was changed.",
            f"Use the API key of an agent with the {admin_roles} role as the administrator's credential, then plan "
            "the fix again."),
        "fix_no_builtin_role": Message(
            ErrorKind.BAD_INPUT, f"{product} lists no built-in role called {{role}}, so ExaDesk has no role to give.",
            f"Give the proxy user a role that works on tickets by hand ({roles_place})."),
        "invalid_credentials": Message(
            ErrorKind.AUTH, f"{product} did not accept the API key (\"You have to be logged in to perform this action\").",
            f"Copy the key again from {key_place}: paste only the key itself. ExaDesk sends it as the user name with X "
            "as the password, as Freshworks requires. If anyone reset the key, the old one stopped working "
            "everywhere it was used."),
        "account_suspended": Message(
            ErrorKind.FORBIDDEN, f"The {product} account is suspended (the trial ended or a payment failed), so the "
                                 "helpdesk is read-only and nothing can be synchronised.",
            f"An account administrator reactivates it under {billing_place}; verify again afterwards."),
        "password_lockout": Message(
            ErrorKind.AUTH, f"{product} has locked this agent after too many failed sign-ins.",
            "Wait for the lock to expire or ask an administrator to unlock the agent, then verify again. ExaDesk "
            "does not retry on its own."),
        "password_expired": Message(
            ErrorKind.AUTH, f"The password of this {product} agent has expired, so its API key is refused too.",
            "Sign in to the helpdesk in a browser as the proxy user and set a new password, then verify again."),
        "require_feature": Message(
            ErrorKind.FORBIDDEN, f"This {product} plan does not include a feature the check needs (API access "
                                 "is not part of every plan).",
            f"Check the plan under {billing_place}; API access needs a paid plan."),
    }


# -- administrator checks (the access planner) ------------------------------------------


def admin_requirements(product: str, admin_role: str, roles_place: str, groups_place: str) -> dict:
    """The planner's admin kinds on a Freshworks product. Its API lists groups with their agents only to admins
    and shows nothing about the integration's console, so the group facts are confirmed by hand."""
    from exadesk.verification.spec import Requirement

    return {
        "system_admin": Requirement(
            "admin.role", f"Administrator has the {admin_role} role",
            f"An account administrator gives the person the {admin_role} role ({roles_place})."),
        "console_group_exists": Requirement(
            f"admin.group.{CONSOLE_GROUP}", f"The group {CONSOLE_GROUP} exists",
            f"An administrator creates the group {CONSOLE_GROUP} ({groups_place}, New group).", manual=True,
            steps=(f"Sign in to {product} as an administrator and open {groups_place}.",
                   f"Look for a group named exactly {CONSOLE_GROUP}.",
                   f"If it is missing, choose New group, name it {CONSOLE_GROUP} and save.")),
        "console_group_member": Requirement(
            f"admin.member.{CONSOLE_GROUP}", f"Administrator is a member of {CONSOLE_GROUP}",
            f"An administrator adds the person to {CONSOLE_GROUP} ({groups_place}, {CONSOLE_GROUP}, Agents).",
            manual=True,
            steps=(f"Sign in to {product} as an administrator and open {groups_place}, {CONSOLE_GROUP}.",
                   "Confirm the person is listed among the group's agents; add them if not, and save.")),
    }


#: Why the requirements both products share have no fix (each tracker module's NOT_FIXABLE includes them).
NOT_FIXABLE = {
    "admin.role": admin_role_not_fixable("an administrator"),
    "admin_account": "replacing an administrator's own account with a dedicated agent is a person's choice; ExaDesk's "
                     "fixes never take an administrator's role away.",
}


def role_ids_of(agent: dict) -> list[int] | None:
    """The agent's role ids from GET /agents/me (``roles[].role_id`` in Freshservice, ``role_ids`` in both);
    None when the reply sent neither field, which is "not confirmed", never "no role"."""
    if "roles" not in agent and "role_ids" not in agent:
        return None
    ids = [r.get("role_id") for r in agent.get("roles") or [] if isinstance(r, dict)]
    return [r for r in ids if isinstance(r, int)] or [r for r in agent.get("role_ids") or [] if isinstance(r, int)]


ROLES_FIELD = "role_ids"
AGENT_REPLY = "GET /agents/me"


def role_names(client, role_ids: list[int], role_of) -> tuple[list[dict], bool]:
    """The roles of ``role_ids`` as GET /roles/{id} shows them (``role_of`` unwraps a reply), and whether any read
    was refused (403: both products document the roles endpoint as administrators-only)."""
    roles, refused = [], False
    for role_id in role_ids:
        reply = client.get(f"/roles/{role_id}", allow=(403, 404))
        if reply.status == 403:
            refused = True
        elif reply.status == 200:
            role = dict(role_of(client.decode(reply, dict)))
            role.setdefault("id", role_id)
            roles.append(role)
    return roles, refused


def role_label(role: dict) -> str:
    return str(role.get("name") or role.get("id"))


def who_of(ctx) -> str:
    return (ctx.identity.label() if ctx.identity else "") or ctx.say("this_agent")


def admin_role_result(ctx, role_ids: list[int] | None, roles: list[dict], refused: bool,
                      admin_roles: tuple[str, ...]):
    """One ``admin.role`` result from the person's roles (see :func:`role_names`).

    ``role_ids`` None: the reply did not send them (not confirmed).
    """
    if role_ids is None:
        return ctx.not_sent("admin.role", ROLES_FIELD, AGENT_REPLY)
    who = ctx.identity.label() if ctx.identity else ctx.say("this_agent")
    names = [role_label(r) for r in roles]
    admin = [n for n in names if n in admin_roles]
    if admin:
        return ctx.passed("admin.role", ctx.say("admin.has_role", who=who, roles=", ".join(admin)))
    if refused and not names:
        return ctx.failed("admin.role", ctx.say("admin.roles_refused", who=who))
    if names:
        return ctx.failed("admin.role", ctx.say("admin.other_role", who=who, roles=", ".join(names)))
    return ctx.failed("admin.role", ctx.say("admin.no_role", product=ctx.spec.name, who=who))


def admin_account_result(ctx, role_names: list[str], admin_roles: tuple[str, ...]):
    """Warn when the proxy user holds an administrator role (likely a person's own account)."""
    admin = [n for n in role_names if n in admin_roles]
    if admin:
        return ctx.warned("admin_account", ctx.say("admin_account.admin", roles=", ".join(admin)))
    if role_names:
        return ctx.passed("admin_account", ctx.say("admin_account.not_admin", roles=", ".join(role_names)))
    return ctx.unknown("admin_account", ctx.say("admin_account.hidden"))


def custom_fields_text(ctx, custom: list[str]) -> str:
    """The custom-field part of a ticket-fields result: the first ten names."""
    if not custom:
        return ctx.say("fields.no_custom")
    return ctx.say("fields.custom", shown=", ".join(custom[:10]), more=" …" if len(custom) > 10 else "")


@dataclass(frozen=True)
class AdminFacts:
    """What the planner's admin check reads of the person: their role ids (None: not sent) and the roles' records."""

    role_ids: list[int] | None
    roles: list[dict]
    roles_refused: bool


def admin_verification(sign_in, agent_of: Callable, role_of: Callable, admin_roles: tuple[str, ...]):
    """A product's ``verify_admin``: sign in (``sign_in``), read the person's roles (``agent_of(session)`` is the
    agent record, ``role_of(body)`` a role out of its reply) and judge ``admin.role`` against ``admin_roles``; the
    console group is confirmed by hand."""
    judges = Judges()

    def gather(ctx, session) -> AdminFacts:
        role_ids = role_ids_of(agent_of(session))
        roles, refused = role_names(session.client, role_ids or [], role_of)
        return AdminFacts(role_ids, roles or [], refused)

    @judges("admin.role")
    def _admin_role(ctx, facts: AdminFacts):
        return admin_role_result(ctx, facts.role_ids, facts.roles, facts.roles_refused, admin_roles)

    return adapter(sign_in, gather, judges)
