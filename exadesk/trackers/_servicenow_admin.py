"""ServiceNow with the administrator's own credential: the planner's admin checks and the fixes.

The planner (exadesk.services.planner) asks whether the person configuring the integration holds the admin role and is
in the console group (a sys_user_group, membership in sys_user_grmember); ServiceNow has no project administrators.
The fixes grant the proxy user a missing role through the Table API (sys_user_has_role). Both sign in as the
administrator with exadesk/trackers/servicenow.py's own sign-in; their sentences are keys of its TEXTS.
"""

from __future__ import annotations

import functools

from exadesk.foundation.records import dataclass
from exadesk.trackers._servicenow_api import any_visible, roles, rows, true
from exadesk.verification.adapter import Judges
from exadesk.verification.changes import (CONSOLE_MEMBER_NOT_FIXABLE, Call, Change, Fix, admin_role_not_fixable,
                                          console_group_not_fixable)
from exadesk.verification.spec import CONSOLE_GROUP, Requirement

_GROUPS_PLACE = "User Administration, Groups"
#: No "project_admin": ServiceNow has no projects; what a person may do on the synced tables comes from roles,
#: so the planner shows that kind as not applicable. The group is checked before the membership of it.
ADMIN_REQUIREMENTS = {
    "system_admin": Requirement(
        "admin.role.admin", "Administrator holds the admin role",
        "An administrator opens User Administration, Users, the person, the Roles tab, Edit, and adds admin."),
    "console_group_exists": Requirement(
        f"admin.group.{CONSOLE_GROUP}", f"The group {CONSOLE_GROUP} exists",
        f"An administrator opens {_GROUPS_PLACE}, New, and names the group exactly {CONSOLE_GROUP}."),
    "console_group_member": Requirement(
        f"admin.member.{CONSOLE_GROUP}", f"Administrator is a member of {CONSOLE_GROUP}",
        f"An administrator opens {_GROUPS_PLACE}, {CONSOLE_GROUP}, the Group Members tab, Edit, and adds the person."),
}
_ROLE, _MEMBER, _GROUP = (ADMIN_REQUIREMENTS[kind].key for kind in
                          ("system_admin", "console_group_member", "console_group_exists"))

#: The sentences of the admin checks (part of the tracker's TEXTS).
ADMIN_TEXTS = {
    "admin.person_holds": "{who} holds the admin role.",
    "admin.person_lacks": "{who} does not hold the admin role (roles: {roles}).",
    "admin.person_roles_hidden": "{who}'s roles are not visible to them (sys_user_has_role ACLs).",
    "admin.person_roles_hidden_fix": "An administrator checks the person's Roles tab (User Administration, Users).",
    "group.exists": "The group {group} exists.",
    "group.inactive": "The group {group} exists but is not active.",
    "group.inactive_fix": "An administrator opens User Administration, Groups, {group}, ticks Active and saves.",
    "group.absent": "There is no group called {group} on this instance.",
    "group.unreadable": "{who} may not read groups, so the instance does not say whether {group} exists.",
    "group.unreadable_fix": "Ask an administrator to look for {group} in User Administration, Groups.",
    "member.is": "{who} is a member of {group}.",
    "member.no_group": "{who} cannot be in {group}: the group does not exist yet.",
    "member.no_group_fix": "First create the group {group}, then add the person to it.",
    "member.not": "{who} is not a member of {group}.",
    "member.unreadable": "{who} may not read group memberships, so the instance does not say whether they are in "
                         "{group}.",
    "member.unreadable_fix": "Ask an administrator to check User Administration, Groups, {group}, Group Members.",
}


@dataclass(frozen=True)
class AdminFacts:
    """The person's roles, the console group and their membership of it."""

    who: str
    roles: frozenset[str]  # refused (403) or hidden: empty, and the admin role is then not confirmed
    group: dict | None  # the console group's row, when visible
    group_absent: bool  # absence proven: no row, and the caller may read groups at all
    member: bool
    members_readable: bool  # memberships readable at all (decides "not a member" against "not confirmed")


def gather_admin(ctx, session) -> AdminFacts:
    client = session.client
    held, groups, member = ctx.gather([
        lambda: roles(client, session.sys_id),
        lambda: rows(client, "sys_user_group", f"name={CONSOLE_GROUP}", "sys_id,name,active", 1) or [],
        lambda: rows(client, "sys_user_grmember", f"user={session.sys_id}^group.name={CONSOLE_GROUP}", "sys_id",
                     1) or []])
    is_admin = "admin" in (held or ())
    # ACLs hide rows rather than refuse: absence counts only when the caller can read groups at all.
    absent = not groups and (is_admin or any_visible(client, "sys_user_group"))
    readable = bool(member) or absent or is_admin or any_visible(client, "sys_user_grmember")
    return AdminFacts(who=ctx.identity.label(), roles=held or frozenset(), group=groups[0] if groups else None,
                      group_absent=absent, member=bool(member), members_readable=readable)


ADMIN_JUDGES = Judges()


@ADMIN_JUDGES(_ROLE)
def _admin_role(ctx, facts: AdminFacts):
    if "admin" in facts.roles:
        return ctx.passed(_ROLE, ctx.say("admin.person_holds", who=facts.who))
    if facts.roles:
        return ctx.failed(_ROLE, ctx.say("admin.person_lacks", who=facts.who, roles=", ".join(sorted(facts.roles))))
    return ctx.unknown(_ROLE, ctx.say("admin.person_roles_hidden", who=facts.who),
                       fix=ctx.say("admin.person_roles_hidden_fix"))


@ADMIN_JUDGES(_GROUP)
def _group_exists(ctx, facts: AdminFacts):
    if facts.group is not None and true(facts.group.get("active")):
        return ctx.passed(_GROUP, ctx.say("group.exists", group=CONSOLE_GROUP))
    if facts.group is not None:
        return ctx.failed(_GROUP, ctx.say("group.inactive", group=CONSOLE_GROUP),
                          fix=ctx.say("group.inactive_fix", group=CONSOLE_GROUP))
    if facts.group_absent:
        return ctx.failed(_GROUP, ctx.say("group.absent", group=CONSOLE_GROUP))
    return ctx.unknown(_GROUP, ctx.say("group.unreadable", who=facts.who, group=CONSOLE_GROUP),
                       fix=ctx.say("group.unreadable_fix", group=CONSOLE_GROUP))


@ADMIN_JUDGES(_MEMBER)
def _group_member(ctx, facts: AdminFacts):
    if facts.member:
        return ctx.passed(_MEMBER, ctx.say("member.is", who=facts.who, group=CONSOLE_GROUP))
    if facts.group_absent:
        return ctx.failed(_MEMBER, ctx.say("member.no_group", who=facts.who, group=CONSOLE_GROUP),
                          fix=ctx.say("member.no_group_fix", group=CONSOLE_GROUP))
    if facts.members_readable:
        return ctx.failed(_MEMBER, ctx.say("member.not", who=facts.who, group=CONSOLE_GROUP))
    return ctx.unknown(_MEMBER, ctx.say("member.unreadable", who=facts.who, group=CONSOLE_GROUP),
                       fix=ctx.say("member.unreadable_fix", group=CONSOLE_GROUP))


# -- fixes (exadesk fix): a role through sys_user_has_role -----------------------------------------------
# ServiceNow's Table API: POST /api/now/table/sys_user_has_role {user, role} creates the grant and answers the new
# record (its sys_id); DELETE /api/now/table/sys_user_has_role/{sys_id} removes it. Granting roles takes user_admin
# (or admin); other callers get 403 "ACL Exception Insert Failed due to security constraints".

_TABLE_API_REF = "https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html"
#: Requirement key -> the roles that meet it (each the narrowest named role; never admin).
FIX_ROLES = {
    "import_set": ("import_set_loader", "import_transformer"),
    "snc_platform_rest_api_access": ("snc_platform_rest_api_access",),
    "snc_basic_auth_api_access": ("snc_basic_auth_api_access",),
}
FIX_TEXTS = {
    "role": "Give {user} the role {role}",
    "role_touches": "Every access control that admits {role}, and every role it contains, applies to {user} as "
                    "well.",
    "no_role": "There is no role called {role} on this instance.",
}


def _plan_roles(ctx, key: str, *, client_for):
    client = client_for(ctx)
    username = ctx.proxy.value("username")
    users = rows(client, "sys_user", f"user_name={username}", "sys_id,user_name", 1) if username else []
    if not users:
        return []  # the proxy user's own check names why
    user_id = str(users[0].get("sys_id") or "")
    held = {str(r.get("role.name") or "") for r in rows(client, "sys_user_has_role", f"user={user_id}^state=active",
                                                        "role.name")}
    changes = []
    for role in FIX_ROLES[key]:
        found = rows(client, "sys_user_role", f"name={role}", "sys_id,name", 1)
        if not found:
            continue  # a role the instance lacks cannot be granted; the check's own fix stays the way
        changes.append(Change(
            ctx.spec.check_id(key), FIX_TEXTS["role"].format(user=username, role=role),
            Call("POST", "/api/now/table/sys_user_has_role", body={"user": user_id,
                                                                   "role": str(found[0].get("sys_id") or "")}),
            Call("DELETE", "/api/now/table/sys_user_has_role/{created}"), _TABLE_API_REF,
            (FIX_TEXTS["role_touches"].format(role=role, user=username),), created_from=("result", "sys_id"),
            done=role in held))
    return changes


#: Why the administrator's own requirements have no fix (the tracker module's NOT_FIXABLE includes them).
ADMIN_NOT_FIXABLE = {
    _ROLE: admin_role_not_fixable("an administrator (the admin role)", ", and never admin"),
    _GROUP: console_group_not_fixable("a system administrator"),
    _MEMBER: CONSOLE_MEMBER_NOT_FIXABLE,
}


def role_fixes(client_for) -> tuple:
    """The tracker's FIXES: a missing role granted with the administrator's client (``client_for(ctx)``)."""

    return (Fix(tuple(FIX_ROLES), functools.partial(_plan_roles, client_for=client_for),
                "the user_admin role (or admin) to grant roles", _TABLE_API_REF),)


def not_fixable(plugin_id: str) -> dict[str, str]:
    """The tracker's NOT_FIXABLE (scripts/fix_table.py shows it in docs/fixes.md): the fixes grant one named role
    through sys_user_has_role, and only where one role is the answer; here is why the other requirements have none."""
    table_acls = ("which role the table's ACLs admit differs from instance to instance (ACL conditions and scripts), "
                  "so there is no one narrowest role to grant; an administrator chooses it.")
    return {
        **ADMIN_NOT_FIXABLE,
        "admin": "it asks for less: replacing admin with a dedicated role is a person's design, and ExaDesk's fixes "
                 "never take a role away.",
        plugin_id: "activating a plugin changes the whole instance, not the proxy user; ExaDesk's fixes only grant the "
                   "proxy user roles, so an administrator activates it (System Definition, Plugins).",
        **dict.fromkeys(("read", "write", "sys_journal_field", "sys_attachment"), table_acls),
        "refresh_token_lifespan": "a new refresh token comes only from the proxy user signing in again; an "
                                  "administrator's API call cannot issue one for them.",
    }
