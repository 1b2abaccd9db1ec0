"""What Jira Cloud and Jira Server / Data Center share: reading permission schemes and the security warning.

Written from Atlassian's permission-scheme documentation:
https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permission-schemes/ (holder object)
https://docs.atlassian.com/software/jira/docs/api/REST/latest/#api/2/project/{projectKeyOrId}/permissionscheme
https://support.atlassian.com/jira-cloud-administration/docs/manage-project-permissions/
"""

from __future__ import annotations

from dataclasses import field
from typing import Callable, Iterable

from exadesk.foundation.records import dataclass
from exadesk.verification.adapter import Judges
from exadesk.verification.changes import (CONSOLE_MEMBER_NOT_FIXABLE, Call, Change, admin_role_not_fixable,
                                          console_group_not_fixable)
from exadesk.verification.spec import CONSOLE_GROUP

#: Projects looked at for the security warning; a site with more is reported as partly checked.
MAX_PROJECTS = 200

#: The warning both flavours show (seed: "make sure the proxy user has access only to public projects").
SECURITY_KEY = "public_projects_only"
SECURITY_TITLE = "Proxy user reaches public projects only"
SECURITY_FIX = ("A known weakness of the Connect operation lets the integration read data of every project its user "
                "can browse. Remove the proxy user (or its role or group) from Browse Projects in the permission "
                "scheme of each project listed (Project settings, Permissions, Browse Projects), or accept the risk "
                "knowingly.")


#: The sentences both flavours' checks share (each flavour's TEXTS table includes them).
TEXTS = {
    "security.partly": " Only the first {checked} of {total} projects were looked at.",
    "security.private": "{who} can browse projects that are not public: {projects}.{partly}",
    "security.unreadable": "The permission schemes could not be read with this credential (it takes a Jira "
                           "administrator), so private projects could not be told apart.",
    "security.unreadable_fix": "Verify with a Jira administrator's credential, or check each project's Browse "
                               "Projects permission by hand.",
    "security.partly_unreadable": "{who} reaches only public projects among those checked, but the permission "
                                  "schemes of {projects} could not be read.{partly}",
    "security.none_browsed": "{who} cannot browse any project.",
    "security.public_only": "{who} can browse only public projects ({checked} checked).{partly}",
    "list.more": "{shown} and {count} more",
    # the planner's admin checks
    "planner.none": "none",
    "planner.or": " or ",
    "planner.is_admin": "{who} is a Jira administrator.",
    "planner.not_admin": "{who} does not hold Administer Jira.",
    "planner.groups_unlisted": "Jira did not list {who}'s groups.",
    "planner.groups_unlisted_fix": "Look for the person in {group}'s member list (user management, Groups), or add "
                                   "them there.",
    "planner.member": "{who} is a member of {group}.",
    "planner.not_member": "{who} is not a member of {group} (their groups: {groups}).",
    "planner.group_exists_member": "{group} exists ({who} is in it).",
    "planner.group_exists": "{group} exists.",
    "planner.no_group": "There is no group called {group} on this Jira.",
    "planner.group_unknown": "{who} may not browse groups, so Jira does not say whether {group} exists.",
    "planner.group_unknown_fix": "Ask a Jira administrator to look for {group} in the Groups list, or verify with an "
                                 "administrator's credential.",
    "planner.no_scope": "No projects are in scope, so project-admin rights were not checked.",
    "planner.no_scope_fix": "Add the keys of the projects the connection syncs.",
    "planner.none_exists": "None of the projects in scope exists, so project-admin rights were not checked.",
    "planner.none_exists_fix": "Correct the project keys in the scope.",
    "planner.not_project_admin": "{who} is not project administrator of: {projects}.",
    "planner.project_admin": "{who} administers {projects}.",
}


def grants(scheme: dict) -> list[tuple[str, dict]]:
    """(permission key, holder) pairs of a permission scheme read with ``expand=permissions``."""
    out = []
    for grant in scheme.get("permissions") or []:
        if isinstance(grant, dict) and isinstance(grant.get("holder"), dict):
            out.append((str(grant.get("permission") or ""), grant["holder"]))
    return out


def holders_of(scheme: dict, permission: str) -> list[dict]:
    return [holder for key, holder in grants(scheme) if key == permission]


def holder_id(holder: dict) -> str:
    """The holder's identifier: Cloud recommends ``value``; Server / Data Center only has ``parameter``."""
    return str(holder.get("value") or holder.get("parameter") or "")


def is_public(browse_holders: Iterable[dict]) -> bool:
    """Whether a project is public, judged from who holds Browse Projects in its permission scheme.

    Atlassian's holder types: ``anyone`` is "Public" (anonymous users, Server / Data Center and older Cloud
    schemes), and ``applicationRole`` is "Application access": with no parameter any logged-in user, with one
    every user of that product. Either way everybody who can sign in sees the project, which is what the
    project-access levels "Open" and "Limited" mean. Grants to groups, roles, single users, the lead or
    issue-field holders keep a project private.
    """
    return any(str(h.get("type") or "") in ("anyone", "applicationRole") for h in browse_holders)


class Schemes:
    """Permission schemes: all of the site's in one read, and a project's own only when they differ on the fact
    asked (neither Jira flavour has a bulk read of which project uses which scheme).

    Reading every scheme takes Administer Jira; without it ``all`` is empty and each project's is read.
    """

    def __init__(self, client, api: str):
        self._client, self._api = client, api
        reply = client.get(f"{api}/permissionscheme", params={"expand": "permissions"}, allow=(401, 403))
        listed = client.decode(reply, dict) if reply.status == 200 else {}
        self.all = [s for s in listed.get("permissionSchemes") or [] if isinstance(s, dict)]
        self._of: dict[str, dict | None] = {}

    def uniform(self, fact):
        """``fact(scheme)`` when every scheme of the site gives the same answer, else None."""
        answers = {fact(scheme) for scheme in self.all}
        return answers.pop() if len(answers) == 1 else None

    def any(self) -> dict:
        return self.all[0]

    def of(self, key: str) -> dict | None:
        """The project's own scheme with its grants; None when this credential may not read it."""
        if key not in self._of:
            got = self._client.get(f"{self._api}/project/{key}/permissionscheme", params={"expand": "permissions"},
                                   allow=(403, 404))
            self._of[key] = self._client.decode(got, dict) if got.status == 200 else None
        return self._of[key]

    def public_exposure(self, ctx, projects: list[str], reaches: Callable[[list[dict]], bool] = lambda h: True):
        """:func:`exposure` of ``projects``, reading each project's scheme only when the schemes differ on it."""
        def fact(scheme: dict) -> tuple[bool, bool]:
            browse = holders_of(scheme, "BROWSE_PROJECTS")
            return reaches(browse), is_public(browse)

        same = self.uniform(fact)
        if same is None:
            ctx.gather(lambda key=key: self.of(key) for key in projects[:MAX_PROJECTS])
        return exposure(projects, lambda key: self.any() if same is not None else self.of(key), reaches)


@dataclass
class Exposure:
    """The result of looking at the projects a proxy user can browse."""

    private: list[str] = field(default_factory=list)  # reached and not public
    unreadable: list[str] = field(default_factory=list)  # scheme not readable with this credential
    checked: int = 0
    total: int = 0


def exposure(projects: list[str], scheme_of: Callable[[str], dict | None],
             reaches: Callable[[list[dict]], bool] = lambda holders: True) -> Exposure:
    """Classify projects as private-and-reached from their permission schemes.

    Args:
        projects: keys of projects, at most :data:`MAX_PROJECTS` are looked at.
        scheme_of: the project's permission scheme with grants, or None when it cannot be read.
        reaches: whether the proxy user is among the Browse Projects holders (always true when the list
            comes from the proxy user's own project list).
    """
    found = Exposure(total=len(projects))
    for key in projects[:MAX_PROJECTS]:
        scheme = scheme_of(key)
        found.checked += 1
        if scheme is None:
            found.unreadable.append(key)
            continue
        browse = holders_of(scheme, "BROWSE_PROJECTS")
        if reaches(browse) and not is_public(browse):
            found.private.append(key)
    return found


def security_result(ctx, found: Exposure, who: str):
    """One warning result for :data:`SECURITY_KEY` from an :class:`Exposure`."""
    partly = ctx.say("security.partly", checked=found.checked, total=found.total) \
        if found.total > found.checked else ""
    if found.private:
        return ctx.warned(SECURITY_KEY, ctx.say("security.private", who=who, projects=", ".join(found.private),
                                                partly=partly))
    if found.unreadable and len(found.unreadable) == found.checked:
        return ctx.unknown(SECURITY_KEY, ctx.say("security.unreadable"), fix=ctx.say("security.unreadable_fix"))
    if found.unreadable:
        return ctx.warned(SECURITY_KEY, ctx.say("security.partly_unreadable", who=who,
                                                projects=", ".join(found.unreadable), partly=partly))
    if not found.checked:
        return ctx.passed(SECURITY_KEY, ctx.say("security.none_browsed", who=who))
    # {who} opens the sentence ("The app user ..."), as in the other outcomes above.
    return ctx.passed(SECURITY_KEY, ctx.say("security.public_only", who=who, checked=found.checked, partly=partly))


def join_limited(ctx, items: list[str], limit: int = 10) -> str:
    """A comma list that stays readable for long lists ("A, B and 3 more"), in the check's words."""
    if len(items) <= limit:
        return ", ".join(items)
    return ctx.say("list.more", shown=", ".join(items[:limit]), count=len(items) - limit)


def _join_limited_plain(items: list[str], limit: int = 10) -> str:
    """:func:`join_limited` where no check is running (a fix's preview): the same sentence from the same table."""
    if len(items) <= limit:
        return ", ".join(items)
    return TEXTS["list.more"].format(shown=", ".join(items[:limit]), count=len(items) - limit)


# -- administrator checks (the access planner) ------------------------------------------
# Written from Atlassian's REST references: GET myself?expand=groups (the caller's own groups), GET groups/picker
# (groups matching a query; callers without "Browse users and groups" (USER_PICKER) get an empty list), GET
# mypermissions (global, or with projectKey for one project).

ADMIN_KEY, PROJECT_ADMIN_KEY = "admin.ADMINISTER", "admin.ADMINISTER_PROJECTS"
GROUP_MEMBER_KEY, GROUP_EXISTS_KEY = f"admin.member.{CONSOLE_GROUP}", f"admin.group.{CONSOLE_GROUP}"


def admin_requirements(global_admin_place: str, groups_place: str) -> dict:
    """The planner's admin kinds for a Jira flavour; the places name where its UI shows each fact."""
    from exadesk.verification.spec import Requirement

    return {
        "system_admin": Requirement(
            ADMIN_KEY, "Administrator holds the Administer Jira global permission",
            f"Add the person to a group that holds 'Administer Jira' ({global_admin_place})."),
        "project_admin": Requirement(
            PROJECT_ADMIN_KEY, "Administrator holds Administer Projects in each project in scope",
            "In each project listed open Project settings, People and add the person to the Administrators role "
            "(or grant them Administer Projects in the project's permission scheme)."),
        "console_group_member": Requirement(
            GROUP_MEMBER_KEY, f"Administrator is a member of {CONSOLE_GROUP}",
            f"A Jira administrator adds the person to {CONSOLE_GROUP} ({groups_place}, {CONSOLE_GROUP}, "
            "Add group member)."),
        "console_group_exists": Requirement(
            GROUP_EXISTS_KEY, f"The group {CONSOLE_GROUP} exists",
            f"A Jira administrator creates it ({groups_place}, Create group, name it exactly {CONSOLE_GROUP})."),
    }


#: Why the requirements both Jira flavours share have no fix (each tracker module's NOT_FIXABLE includes them): the
#: administrator's own rights are another person's decision, and the security finding asks for less access, not more.
NOT_FIXABLE = {
    ADMIN_KEY: admin_role_not_fixable("a Jira administrator"),
    PROJECT_ADMIN_KEY: admin_role_not_fixable("a project administrator"),
    GROUP_MEMBER_KEY: CONSOLE_MEMBER_NOT_FIXABLE,
    GROUP_EXISTS_KEY: console_group_not_fixable("a system administrator"),
    SECURITY_KEY: "a warning that asks for less access, not more: taking projects away from the proxy user (permission "
                  "schemes, project roles) is left to a person, and ExaDesk's fixes only grant.",
}


def _have_permission(data: dict, key: str) -> bool:
    perms = data.get("permissions") if isinstance(data.get("permissions"), dict) else {}
    entry = perms.get(key)
    return isinstance(entry, dict) and entry.get("havePermission") is True


@dataclass(frozen=True)
class AdminFlavour:
    """How a Jira flavour answers the planner's admin questions.

    Args:
        api: ``/rest/api/3`` (Cloud) or ``/rest/api/2`` (Server / Data Center).
        global_keys: global permissions any of which makes a Jira administrator.
        ask_permissions: send ``permissions=`` (Cloud requires it; Data Center returns every permission).
    """

    api: str
    global_keys: tuple[str, ...]
    ask_permissions: bool


@dataclass(frozen=True)
class AdminFacts:
    """What Jira said about the signed-in person (``me`` is ``myself?expand=groups``)."""

    flavour: AdminFlavour
    who: str
    mine: dict  # GET mypermissions (global)
    groups: frozenset[str] | None  # the person's groups, lower-cased; None: Jira ignored expand=groups
    picked: frozenset[str] | None  # GET groups/picker for the console group; None: not asked (a member)
    projects: tuple[str, ...]  # the scope
    project_admin: dict[str, bool | None]  # project -> Administer Projects there; None: not found

    def is_admin(self) -> bool:
        return any(_have_permission(self.mine, k) for k in self.flavour.global_keys)


def gather_admin(ctx, session, *, flavour: AdminFlavour) -> AdminFacts:
    """The admin facts in one concurrent batch after the probe (``session`` is (client, me))."""
    client, me = session
    api = flavour.api
    groups_field = me.get("groups") if isinstance(me.get("groups"), dict) else None
    groups = None if groups_field is None else frozenset(
        str(g.get("name") or "").lower() for g in groups_field.get("items") or [] if isinstance(g, dict))
    member = groups is not None and CONSOLE_GROUP in groups
    projects = tuple(ctx.target.scope)
    wanted = ",".join((*flavour.global_keys, "USER_PICKER"))

    def mine_in(key: str):
        params = {"projectKey": key, **({"permissions": "ADMINISTER_PROJECTS"} if flavour.ask_permissions else {})}
        return client.get(f"{api}/mypermissions", params=params, allow=(400, 404))

    def picked():
        found = client.get_json(f"{api}/groups/picker", params={"query": CONSOLE_GROUP, "maxResults": 50},
                                expect=dict)
        return frozenset(str(g.get("name") or "").lower() for g in found.get("groups") or [] if isinstance(g, dict))

    # One project per mypermissions request (neither flavour answers several): with the rest, concurrently.
    mine, names, *replies = ctx.gather([
        lambda: client.get_json(f"{api}/mypermissions",
                                params={"permissions": wanted} if flavour.ask_permissions else None, expect=dict),
        lambda: None if member else picked(),
        *(lambda key=key: mine_in(key) for key in projects),
    ])
    project_admin = {key: _have_permission(client.decode(reply, dict), "ADMINISTER_PROJECTS")
                     if reply.status == 200 else None for key, reply in zip(projects, replies)}
    who = str(me.get("displayName") or me.get("name") or me.get("emailAddress") or me.get("accountId") or "")
    return AdminFacts(flavour, who, mine, groups, names, projects, project_admin)


ADMIN_JUDGES = Judges()


@ADMIN_JUDGES(ADMIN_KEY)
def _administrator(ctx, facts: AdminFacts):
    sent = facts.mine.get("permissions") if isinstance(facts.mine.get("permissions"), dict) else {}
    if facts.is_admin():
        return ctx.passed(ADMIN_KEY, ctx.say("planner.is_admin", who=facts.who))
    if not any(k in sent for k in facts.flavour.global_keys):  # not sent: never a fail
        return ctx.not_sent(ADMIN_KEY, ctx.say("planner.or").join(facts.flavour.global_keys),
                            f"GET {facts.flavour.api}/mypermissions")
    return ctx.failed(ADMIN_KEY, ctx.say("planner.not_admin", who=facts.who))


@ADMIN_JUDGES(PROJECT_ADMIN_KEY)
def _project_administrator(ctx, facts: AdminFacts):
    """Administer Projects in each project in scope; also the one finding for keys that do not exist."""
    if not facts.projects:
        yield ctx.unknown(PROJECT_ADMIN_KEY, ctx.say("planner.no_scope"), fix=ctx.say("planner.no_scope_fix"))
        return
    missing = [key for key, admin in facts.project_admin.items() if admin is None]
    if missing:
        yield ctx.scope_missing(missing, facts.who)
    lacking = [key for key, admin in facts.project_admin.items() if admin is False]
    if len(missing) == len(facts.project_admin):
        yield ctx.unknown(PROJECT_ADMIN_KEY, ctx.say("planner.none_exists"), fix=ctx.say("planner.none_exists_fix"))
    elif lacking:
        yield ctx.failed(PROJECT_ADMIN_KEY, ctx.say("planner.not_project_admin", who=facts.who,
                                                    projects=join_limited(ctx, lacking)))
    else:
        found = [key for key in facts.projects if facts.project_admin.get(key) is not None]
        yield ctx.passed(PROJECT_ADMIN_KEY, ctx.say("planner.project_admin", who=facts.who,
                                                    projects=join_limited(ctx, found)))


@ADMIN_JUDGES(GROUP_MEMBER_KEY)
def _console_group_member(ctx, facts: AdminFacts):
    if facts.groups is None:
        # A Jira that ignores expand=groups says nothing about membership: not a "no".
        return ctx.unknown(GROUP_MEMBER_KEY, ctx.say("planner.groups_unlisted", who=facts.who),
                           fix=ctx.say("planner.groups_unlisted_fix", group=CONSOLE_GROUP))
    if CONSOLE_GROUP in facts.groups:
        return ctx.passed(GROUP_MEMBER_KEY, ctx.say("planner.member", who=facts.who, group=CONSOLE_GROUP))
    return ctx.failed(GROUP_MEMBER_KEY, ctx.say("planner.not_member", who=facts.who, group=CONSOLE_GROUP,
                                                groups=join_limited(ctx, sorted(facts.groups))
                                                or ctx.say("planner.none")))


@ADMIN_JUDGES(GROUP_EXISTS_KEY)
def _console_group_exists(ctx, facts: AdminFacts):
    if facts.picked is None:  # the person is in it
        return ctx.passed(GROUP_EXISTS_KEY, ctx.say("planner.group_exists_member", group=CONSOLE_GROUP, who=facts.who))
    if CONSOLE_GROUP in facts.picked:
        return ctx.passed(GROUP_EXISTS_KEY, ctx.say("planner.group_exists", group=CONSOLE_GROUP))
    if _have_permission(facts.mine, "USER_PICKER") or facts.is_admin():
        return ctx.failed(GROUP_EXISTS_KEY, ctx.say("planner.no_group", group=CONSOLE_GROUP))
    # Jira answers an empty list to people without Browse users and groups, so absence is not proven.
    return ctx.unknown(GROUP_EXISTS_KEY, ctx.say("planner.group_unknown", who=facts.who, group=CONSOLE_GROUP),
                       fix=ctx.say("planner.group_unknown_fix", group=CONSOLE_GROUP))


# -- fixes shared by both flavours (exadesk fix) ------------------------------------------------------------
# Add user to group and Add actors to project role exist on /rest/api/3 (Cloud) and /rest/api/2 (Server / Data
# Center) with the same paths; Cloud names a user by accountId, Server / Data Center by user name.

FIX_TEXTS = {
    "group": "Add {user} to group {group}",
    "group_touches": "Everything granted to {group} (product access, permission-scheme and global grants that name "
                     "the group) applies to {user} as well.",
    "role": "Add {user} to project role {role} in {project}",
    "role_touches": "In {project} the role holds: {permissions} (permission scheme '{scheme}').",
    "role_touches_unread": "Whatever {project}'s permission scheme grants {role} applies as well (this credential may "
                           "not read the scheme, so it is not listed here).",
}


def group_change(check_id: str, api: str, group: str, who: str, user: tuple[str, str], member: bool, reference: str):
    """Adding ``who`` to ``group``; ``user`` is how the API names them: ("accountId", id) or ("name", user name)
    in the body, and ("accountId", id) or ("username", user name) in the removal's query."""

    body_key, value = user
    query_key = "username" if body_key == "name" else body_key
    return Change(check_id, FIX_TEXTS["group"].format(user=who, group=group),
                  Call("POST", f"{api}/group/user", (("groupname", group),), {body_key: value}),
                  Call("DELETE", f"{api}/group/user", (("groupname", group), (query_key, value))),
                  reference, (FIX_TEXTS["group_touches"].format(group=group, user=who),), done=member)


def role_change(client, check_id: str, api: str, project: str, role: tuple[str, str], who: str, actor: str,
                member: bool, reference: str):
    """Adding ``actor`` (an accountId on Cloud, a user name on Server / Data Center) to a project role
    (``role``: name, id), naming what the role holds in the project's permission scheme (read with a GET)."""

    name, role_id = role
    reply = client.get(f"{api}/project/{project}/permissionscheme", params={"expand": "permissions"},
                       allow=(401, 403, 404))
    if reply.status == 200:
        scheme = client.decode(reply, dict)
        held = sorted({perm for perm, holder in grants(scheme)
                       if holder.get("type") == "projectRole" and holder_id(holder) == role_id})
        touches = FIX_TEXTS["role_touches"].format(project=project, permissions=", ".join(held) or "nothing",
                                                   scheme=scheme.get("name") or scheme.get("id") or "?")
    else:
        touches = FIX_TEXTS["role_touches_unread"].format(project=project, role=name)
    path = f"{api}/project/{project}/role/{role_id}"
    return Change(check_id, FIX_TEXTS["role"].format(user=who, role=name, project=project),
                  Call("POST", path, body={"user": [actor]}), Call("DELETE", path, (("user", actor),)),
                  reference, (touches,), done=member)


# -- permission-scheme grants (exadesk fix) -------------------------------------------------------------------
# Create permission grant (POST {api}/permissionscheme/{schemeId}/permission, body {"holder", "permission"}, 201
# with the grant and its id) and Delete permission scheme grant (DELETE .../permission/{permissionId}) exist on
# Cloud (/rest/api/3, "Administer Jira" required) and Server / Data Center (/rest/api/2, "not allowed to edit
# permission schemes" otherwise). A scheme is shared: a grant applies in every project that uses it, so the
# preview names them all.

SCHEME_TEXTS = {
    "grant": "Grant '{permission}' to {holder} in permission scheme '{scheme}'",
    "shared": "The grant applies in every project that uses permission scheme '{scheme}': {projects} ({count} in "
              "all).",
    "shared_partly": "Only the first {checked} of {total} projects could be read; others may use the scheme too.",
    "shared_unread": "The schemes of {projects} could not be read; they may use this scheme too.",
    "holder_holds": "In that scheme {holder} already holds: {permissions}.",
    "role_holder": "project role {role}",
    "group_holder": "group {group}",
    "broad": "{who} holds no project role in {project}, so the narrowest grant is to its group {group}{members}: "
             "every member of that group gets '{permission}' in every project listed, a broader grant than a role.",
    "members": " (members: {count})",
}


def projects_using(ctx, client, api: str, schemes: Schemes, scheme_id: str, keys: list[str],
                   total: int) -> tuple[list[str], list[str]]:
    """(keys of the projects whose permission scheme is ``scheme_id``, keys whose scheme could not be read).

    Neither Jira flavour says which projects use a scheme, so each project's scheme is read, unless the site has
    a single scheme, which every project then uses.
    """
    if len(schemes.all) == 1 and str(schemes.all[0].get("id")) == scheme_id:
        return list(keys), []
    ctx.gather(lambda key=key: schemes.of(key) for key in keys[:MAX_PROJECTS])
    using, unread = [], []
    for key in keys[:MAX_PROJECTS]:
        scheme = schemes.of(key)
        if scheme is None:
            unread.append(key)
        elif str(scheme.get("id")) == scheme_id:
            using.append(key)
    return using, unread


def scheme_touches(scheme: dict, holder: dict, holder_label: str, using: list[str], unread: list[str],
                   total: int) -> tuple[str, ...]:
    """What a grant in ``scheme`` touches: every project sharing it, and what the holder already holds there."""
    name = str(scheme.get("name") or scheme.get("id") or "?")
    out = [SCHEME_TEXTS["shared"].format(scheme=name, count=len(using), projects=", ".join(using) or "none")]
    if unread:
        out.append(SCHEME_TEXTS["shared_unread"].format(projects=_join_limited_plain(unread)))
    if total > MAX_PROJECTS:
        out.append(SCHEME_TEXTS["shared_partly"].format(checked=MAX_PROJECTS, total=total))
    held = sorted({perm for perm, h in grants(scheme) if same_holder(h, holder)})
    out.append(SCHEME_TEXTS["holder_holds"].format(holder=holder_label, permissions=", ".join(held) or "nothing"))
    return tuple(out)


def same_holder(held: dict, holder: dict) -> bool:
    """Whether a grant's holder is ``holder`` (a type and its value / parameter)."""
    return str(held.get("type") or "") == holder["type"] and holder_id(held) == holder_id(holder)


def scheme_grant_change(check_id: str, api: str, scheme: dict, permission: tuple[str, str], holder: dict,
                        holder_label: str, touches: tuple[str, ...], reference: str):
    """Granting ``permission`` (key, name) to ``holder`` in ``scheme``; undone by deleting the grant it creates."""

    key, name = permission
    scheme_id = str(scheme.get("id"))
    path = f"{api}/permissionscheme/{scheme_id}/permission"
    done = any(perm == key and same_holder(h, holder) for perm, h in grants(scheme))
    return Change(check_id, SCHEME_TEXTS["grant"].format(permission=name, holder=holder_label,
                                                         scheme=scheme.get("name") or scheme_id),
                  Call("POST", path, body={"holder": holder, "permission": key}),
                  Call("DELETE", f"{path}/{{created}}"), reference, touches, created_from=("id",), done=done)
