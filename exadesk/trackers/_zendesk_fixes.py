"""Zendesk fixes: the "fix it for me" plans of exadesk/trackers/zendesk.py.

They make the proxy user an agent and lift its suspension, give it a custom role that may work on every ticket, and
add it to the groups in scope. They are apart from the tracker module so that it stays the short first read (its
spec, sign-in and checks); they plan with the administrator's client the tracker signs in (``client_for(ctx)``),
and their sentences are the tracker's (exadesk/trackers/_zendesk_texts.py, ``fix.*``).

Left by hand, with no fix declared: making anyone an admin (the administrator's own Admin role, the console group
of the planner's admin checks), the proxy user being a person's own admin account (a dedicated agent is made in
Admin Center, not by demoting someone), and restricting who opens the console (an app setting in Admin Center).
"""

from __future__ import annotations

import functools

from exadesk.foundation.errors import CheckError
from exadesk.verification.changes import Call, Change, Fix

# -- fixes (exadesk fix) -----------------------------------------------------------------------------------------------
# Zendesk's reference, Users: Show User (GET /api/v2/users/{user_id}; agents) and Update User (PUT, same path,
# {"user": {...}} answered 200 with the user): "role" ("end-user", "agent" or "admin"), "custom_role_id" ("a custom
# role if the user is an agent on the Enterprise plan or above") and "suspended" are writable; changing another
# agent's role, custom role or suspension takes an admin. Custom Roles: List Custom Roles (GET /api/v2/custom_roles;
# agents; Enterprise) with each role's "configuration" and "role_type" (0 a custom agent role). Group Memberships:
# Create Membership (POST /api/v2/group_memberships {"group_membership": {"user_id", "group_id"}}, answered 201 with
# the membership and its id; "Admins, Agents assigned to a custom role with permissions to manage group memberships
# (Enterprise only)") and Delete Membership (DELETE /api/v2/group_memberships/{group_membership_id}, 204; it
# "schedules a job to unassign all working tickets that are assigned to the given user and group combination").
# Groups: List Groups (GET /api/v2/groups, offset pages of up to 100; its user path /api/v2/users/{user_id}/groups).

_USERS_REF = "https://developer.zendesk.com/api-reference/ticketing/users/users/#update-user"
_MEMBERSHIPS_REF = ("https://developer.zendesk.com/api-reference/ticketing/groups/group_memberships/"
                    "#create-membership")
#: What a custom role must allow for the ticket requirements: configuration field -> value (comments when synced).
TICKET_NEEDS = {"ticket_editing": True, "ticket_access": "all"}
COMMENT_NEED = {"ticket_comment_access": "public"}
#: Configuration values that allow nothing beyond working on tickets; any other value of a field not needed counts as
#: reaching beyond, and the role with the fewest such fields is the narrowest.
_NARROW_VALUES = (False, None, "", "none", "readonly", "playonly", "manage-personal")
_MAX_GROUP_PAGES = 20  # List Groups pages of 100 read at most while planning


def _proxy_user(ctx, client) -> dict | None:
    """The proxy user as Show User answers the administrator (its role, custom role and suspension now)."""
    user_id = ctx.proxy_identity.id if ctx.proxy_identity else ""
    if not user_id:
        return None
    user = client.get_json(f"/api/v2/users/{user_id}", expect=dict).get("user")
    return user if isinstance(user, dict) and user.get("id") is not None else None


def _plan_role(ctx, key: str, *, client_for):
    """Make an end user an agent and lift a suspension; each undone by putting back the value read now."""

    client = client_for(ctx)
    user = _proxy_user(ctx, client)
    if user is None:
        return []
    who, path, check_id = ctx.proxy_identity.label(), f"/api/v2/users/{user['id']}", ctx.spec.check_id(key)
    role = str(user.get("role") or "")
    changes = []
    if role and role not in ("agent", "admin"):
        changes.append(Change(check_id, ctx.say("fix.agent", user=who), Call("PUT", path, body={"user": {
            "role": "agent"}}), Call("PUT", path, body={"user": {"role": role}}), _USERS_REF,
            (ctx.say("fix.agent_touches", user=who),)))
    if user.get("suspended") is True:
        changes.append(Change(check_id, ctx.say("fix.unsuspend", user=who), Call("PUT", path, body={"user": {
            "suspended": False}}), Call("PUT", path, body={"user": {"suspended": True}}), _USERS_REF,
            (ctx.say("fix.unsuspend_touches", user=who),)))
    return changes


def ticket_needs(sync) -> dict[str, object]:
    """Configuration field -> the value the integration needs: comments only when synced."""
    return {**TICKET_NEEDS, **(COMMENT_NEED if "comments" in sync else {})}


def allows(role: dict, needs: dict) -> bool:
    """Whether a custom role is an agent role (not light agent, contributor or admin) allowing all of ``needs``."""
    config = role.get("configuration") if isinstance(role.get("configuration"), dict) else {}
    return role.get("role_type", 0) == 0 and config.get("light_agent") is not True \
        and all(config.get(field) == value for field, value in needs.items())


def beyond(role: dict, needs: dict) -> list[str]:
    """The configuration fields (Zendesk's names) a role allows beyond working on tickets, sorted."""
    config = role.get("configuration") if isinstance(role.get("configuration"), dict) else {}
    basic = {*needs, *TICKET_NEEDS, *COMMENT_NEED, "ticket_tag_editing", "assign_tickets_to_any_group"}
    return sorted(f for f, v in config.items() if f not in basic and v not in _NARROW_VALUES)


def narrowest(roles: list[dict], needs: dict) -> dict | None:
    """The custom role allowing ``needs`` with the least beyond working on tickets (then by name), or None."""
    fitting = [r for r in roles if allows(r, needs)]
    return min(fitting, key=lambda r: (len(beyond(r, needs)), str(r.get("name") or ""), str(r.get("id"))),
               default=None)


def _what(ctx, needs: dict) -> str:
    """What the integration needs a role to allow, in words."""
    words = {"ticket_editing": ctx.say("fix.can_edit"), "ticket_access": ctx.say("fix.can_see_all"),
             "ticket_comment_access": ctx.say("fix.can_comment")}
    return ", ".join(words[field] for field in needs)


def _role_touches(ctx, role: dict, name: str, needs: dict) -> str:
    extra = beyond(role, needs)
    if extra:
        return ctx.say("fix.role_also", role=name, fields=", ".join(extra))
    return ctx.say("fix.role_nothing_else", role=name)


def _plan_ticket_role(ctx, key: str, *, client_for):
    """Give the proxy user the narrowest custom role that allows all the ticket requirements at once (so the three
    checks plan one change); undo puts back the custom role it has now."""

    client = client_for(ctx)
    user = _proxy_user(ctx, client)
    if user is None or user.get("role") != "agent" or user.get("suspended") is True:
        return []  # an end user or a suspended agent: the role fix comes first; admins work on every ticket
    who, current = ctx.proxy_identity.label(), user.get("custom_role_id")
    if not current:
        raise CheckError(ctx.problem("fix_no_custom_role", who=who))
    needs = ticket_needs(ctx.proxy.sync)
    listed = client.get_json("/api/v2/custom_roles", expect=dict).get("custom_roles") or []
    roles = [r for r in listed if isinstance(r, dict) and r.get("id") is not None]
    mine = next((r for r in roles if r.get("id") == current), None)
    if mine is not None and allows(mine, needs):
        return []  # its role allows it all (a retry, or someone else): nothing to send
    what = _what(ctx, needs)
    chosen = narrowest(roles, needs)
    if chosen is None:
        raise CheckError(ctx.problem("fix_no_role_fits", what=what))
    path, name = f"/api/v2/users/{user['id']}", str(chosen.get("name") or chosen["id"])
    was = str((mine or {}).get("name") or current)
    return [Change(ctx.spec.check_id(key), ctx.say("fix.custom_role", user=who, role=name, what=what, current=was),
                   Call("PUT", path, body={"user": {"custom_role_id": chosen["id"]}}),
                   Call("PUT", path, body={"user": {"custom_role_id": current}}), _USERS_REF,
                   (_role_touches(ctx, chosen, name, needs),))]


def _all_groups(client) -> list[dict]:
    """Every group the administrator sees (List Groups, deleted ones left out), page by page."""
    found = []
    for page in range(1, _MAX_GROUP_PAGES + 1):
        body = client.get_json("/api/v2/groups", params={"exclude_deleted": "true", "per_page": "100",
                                                          "page": str(page)}, expect=dict)
        found += [g for g in body.get("groups") or [] if isinstance(g, dict) and g.get("id") is not None]
        if not body.get("next_page"):
            break
    return found


def _in_scope(listed: list[dict], scope: list[str]) -> list[dict]:
    """The groups the scope names (by name, any case, or by id), once each; names matching no group left out."""
    found: dict[str, dict] = {}
    for entry in dict.fromkeys(scope):
        group = next((g for g in listed if entry.casefold() in (str(g.get("name") or "").casefold(),
                                                                 str(g.get("id")))), None)
        if group is not None:  # no such group: the name in the scope is what to correct, not a membership
            found.setdefault(str(group["id"]), group)
    return list(found.values())


def _plan_groups(ctx, key: str, *, client_for):
    """Add the proxy user to each group in scope it is not in; undo deletes the membership made."""

    client = client_for(ctx)
    user = _proxy_user(ctx, client)
    scope = [s.strip() for s in ctx.proxy.scope if s.strip()]
    if user is None or user.get("role") not in ("agent", "admin") or not scope:
        return []  # only agents belong to groups: the role fix comes first
    mine = {str(g.get("id")) for g in client.get_json(f"/api/v2/users/{user['id']}/groups", expect=dict)
            .get("groups") or [] if isinstance(g, dict)}
    who, changes = ctx.proxy_identity.label(), []
    for group in _in_scope(_all_groups(client), scope):
        name = str(group.get("name") or group["id"])
        body = {"group_membership": {"user_id": user["id"], "group_id": group["id"]}}
        changes.append(Change(ctx.spec.check_id(key), ctx.say("fix.group", user=who, group=name),
                              Call("POST", "/api/v2/group_memberships", body=body),
                              Call("DELETE", "/api/v2/group_memberships/{created}"), _MEMBERSHIPS_REF,
                              (ctx.say("fix.group_touches", user=who, group=name),),
                              created_from=("group_membership", "id"), done=str(group["id"]) in mine))
    return changes


def role_and_group_fixes(client_for) -> tuple:
    """The tracker's FIXES, planned with the administrator's client (``client_for(ctx)``)."""

    return (
        Fix(("role",), functools.partial(_plan_role, client_for=client_for),
            "the Zendesk Admin role (only admins change another user's role or suspension)", _USERS_REF),
        Fix(tuple(TICKET_NEEDS) + tuple(COMMENT_NEED), functools.partial(_plan_ticket_role, client_for=client_for),
            "the Zendesk Admin role (only admins change an agent's custom role)", _USERS_REF),
        Fix(("groups",), functools.partial(_plan_groups, client_for=client_for),
            "the Zendesk Admin role, or on Enterprise a custom role that may manage group memberships",
            _MEMBERSHIPS_REF),
    )
