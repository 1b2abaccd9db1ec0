"""What the Freshdesk and Freshservice fixes share ("fix it for me", exadesk/services/fixes.py).

Both products change an agent with Update an Agent (PUT /api/v2/agents/{id}, a JSON body naming only the fields to
change; 200 with the agent; 403 access_denied for an agent who is not an administrator; 400 ``{"description",
"errors": [{"field", "message", "code"}]}`` for a value it refuses) and show one with View an Agent (GET
/api/v2/agents/{id}). Each change here sets one field of the proxy user's agent and its undo sets back the value
read when the plan was made, so planning only reads (the agent, and the product's roles where a role is given).
Both products require every agent to hold at least one role (Freshdesk: "At least one role should be associated
with the agent"; Freshservice's agent object lists role_ids as required), so giving a role to an agent that
reports none has no undo.

https://developers.freshdesk.com/api/#update_agent, https://developers.freshdesk.com/api/#view_agent
https://api.freshservice.com/#update_an_agent, https://api.freshservice.com/#view_an_agent
"""

from __future__ import annotations

from exadesk.foundation import messages
from exadesk.foundation.errors import CheckError
from exadesk.trackers import _freshworks as fw
from exadesk.verification.changes import Call, Change

#: The sentences both products' fixes say (each product's TEXTS table includes them).
TEXTS = {
    "fix.full_time": "Make {who} a full-time agent (it is an occasional agent now)",
    "fix.full_time_seat": "A full-time agent takes one of the account's agent licences for good; an occasional agent "
                          "only uses day passes while it works.",
    "fix.give_role": "Give {who} the built-in role {role}",
    "fix.role_no_undo": "{product} requires every agent to hold at least one role, so the earlier state (no role) "
                        "cannot be restored through its API.",
}


def _who(ctx) -> str:
    return ctx.proxy_identity.label()


def agent_path(agent_id: str) -> str:
    """Update an Agent / View an Agent, below the client's /api/v2."""
    return f"/agents/{agent_id}"


def proxy_agent(ctx, client, unwrap) -> dict | None:
    """The proxy user's agent as the administrator's credential sees it (View an Agent), or None when the
    verification named no agent. ``unwrap`` takes the agent out of the reply (Freshservice wraps it in ``agent``).

    Raises:
        CheckError: the product refused the read (403): the credential is not an administrator's; the sentence says
            what it needs, and nothing was changed.
    """
    agent_id = ctx.proxy_identity.id if ctx.proxy_identity else ""
    if not agent_id:
        return None
    reply = client.get(agent_path(agent_id), allow=(403,))
    if reply.status == 403:
        raise CheckError(messages.problem(f"{ctx.spec.id}.fix_not_admin", tracker=ctx.spec.name))
    agent = unwrap(client.decode(reply, dict))
    if not isinstance(agent, dict):
        raise CheckError(messages.problem("http.wrong_shape", tracker=ctx.spec.name, url=ctx.target.url,
                                          what="an answer without the agent object"))
    return {**agent, "id": agent.get("id") or agent_id}


def field_change(ctx, key: str, agent: dict, field: str, new, old, words: str, reference: str,
                 touches: tuple[str, ...] = (), no_inverse: str = ""):
    """One Update an Agent that sets ``field`` to ``new``; its undo sets ``old`` back (none when ``no_inverse``
    says why). Already ``new``: done, nothing is sent."""

    path = agent_path(str(agent["id"]))
    inverse = None if no_inverse else Call("PUT", path, body={field: old})
    return Change(ctx.spec.check_id(key), words, Call("PUT", path, body={field: new}), inverse, reference, touches,
                  no_inverse=no_inverse, done=old == new)


def full_time_changes(ctx, key: str, agent: dict, reference: str) -> list:
    """Make an occasional agent full-time (``{"occasional": false}``; undo ``true``); nothing for a full-time one."""
    if agent.get("occasional") is not True:
        return []
    return [field_change(ctx, key, agent, "occasional", False, True, ctx.say("fix.full_time", who=_who(ctx)),
                         reference, (ctx.say("fix.full_time_seat"),))]


def builtin_role(roles: list, name: str) -> dict | None:
    """The product's own role called ``name`` (``default`` true) among ``roles`` as List All Roles shows them."""
    return next((r for r in roles if isinstance(r, dict) and r.get("default") is True and r.get("name") == name),
                None)


def role_needed(ctx, role: dict | None, name: str) -> dict:
    """The built-in role ``name``, or the sentence saying it is missing (a by-hand fix)."""
    if role is None or not role.get("id"):
        raise CheckError(messages.problem(f"{ctx.spec.id}.fix_no_builtin_role", tracker=ctx.spec.name, role=name))
    return role


def give_role_words(ctx, role: dict) -> tuple[str, str]:
    """The words of giving ``role`` to an agent that holds none, and why it has no undo."""
    return (ctx.say("fix.give_role", who=_who(ctx), role=fw.role_label(role)),
            ctx.say("fix.role_no_undo", product=ctx.spec.name))
