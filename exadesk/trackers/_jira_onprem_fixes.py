"""Jira Data Center / Server fixes: the "fix it for me" plans of exadesk/trackers/jira_onprem.py.

They make the proxy user a service desk agent (the jira-servicedesk-users group and each service project's Service
Desk Team role) and give it a missing project permission in the narrowest way (a role that already holds it, else
a permission scheme grant). They are apart from the tracker module so that it stays the short first read (its
spec, sign-in and checks); they plan with the administrator's client the tracker signs in, and use the shared Jira
changes of exadesk/trackers/_jira.py.
"""

from __future__ import annotations

import functools

from exadesk.foundation import messages
from exadesk.foundation.errors import CheckError
from exadesk.trackers import _jira
from exadesk.verification.changes import Fix

# -- fixes (exadesk fix): make the proxy user a service desk agent ------------------------------------------
# Jira Data Center's REST reference (/rest/api/2): Add user to group (POST group/user?groupname=, {"name": user};
# Jira Administrators), Remove user from group (DELETE ?groupname=&username=), Add actors to project role (POST
# project/{key}/role/{id}, {"user": [name]}; Administer Projects or Jira Administrators) and Delete actors (DELETE
# ?user=). An agent of Jira Service Management Data Center is a member of the project's Service Desk Team role with
# a Service Management licence, which the jira-servicedesk-users group gives. Project permissions: Create a
# permission grant in a scheme (POST permissionscheme/{schemeId}/permission, {"holder": {"type", "parameter"},
# "permission"}; 403 "not allowed to edit permission schemes") and Delete a permission grant (DELETE
# permissionscheme/{schemeId}/permission/{permissionId}); a group's size from Get users from group (group/member).

_DC_REF = "https://docs.atlassian.com/software/jira/docs/api/REST/latest/"
_GROUP_REF = _DC_REF + "#api/2/group-addUserToGroup"
_ROLE_REF = _DC_REF + "#api/2/project/{projectIdOrKey}/role-addActorUsers"
AGENT_GROUP, AGENT_ROLE = "jira-servicedesk-users", "Service Desk Team"


def _plan_agent(ctx, key: str, *, client_for):
    client = client_for(ctx)
    identity = ctx.proxy_identity
    name = (identity.login if identity else "") or ctx.proxy.value("username")
    if not name:
        return []
    user = client.get_json("/rest/api/2/user", params={"username": name, "expand": "groups"}, expect=dict)
    groups = {str(g.get("name") or "") for g in (user.get("groups") or {}).get("items") or [] if isinstance(g, dict)}
    check_id = ctx.spec.check_id(key)
    changes = [_jira.group_change(check_id, "/rest/api/2", AGENT_GROUP, name, ("name", name), AGENT_GROUP in groups,
                                  _GROUP_REF)]
    for project in ctx.proxy.scope:
        roles = client.get_json(f"/rest/api/2/project/{project}/role", expect=dict)
        url = str(roles.get(AGENT_ROLE) or "")
        if not url:
            continue  # not a service project
        role_id = url.rstrip("/").rsplit("/", 1)[-1]
        actors = client.get_json(f"/rest/api/2/project/{project}/role/{role_id}", expect=dict).get("actors") or []
        member = name in {str(a.get("name") or "") for a in actors if isinstance(a, dict)}
        changes.append(_jira.role_change(client, check_id, "/rest/api/2", project, (AGENT_ROLE, role_id), name, name,
                                         member, _ROLE_REF))
    return changes


_SCHEME_REF = _DC_REF + "#api/2/permissionscheme-createPermissionGrant"
_API = "/rest/api/2"
#: Holders every signed-in user with product access reaches (Atlassian's "Public" and "Application access").
_EVERYONE = ("anyone", "applicationRole")


def _project_roles(client, project: str) -> dict[str, tuple[str, set[str], set[str]]]:
    """Role id -> (name, user names, group names) of the project's roles, read with GETs."""
    urls = client.get_json(f"{_API}/project/{project}/role", expect=dict)
    ids = {str(url).rstrip("/").rsplit("/", 1)[-1]: name for name, url in urls.items()}
    out = {}
    for role_id, name in ids.items():
        actors = client.get_json(f"{_API}/project/{project}/role/{role_id}", expect=dict).get("actors") or []
        users = {str(a.get("name") or "") for a in actors if isinstance(a, dict)
                 and a.get("type") == "atlassian-user-role-actor"}
        groups = {str(a.get("name") or "") for a in actors if isinstance(a, dict)
                  and a.get("type") == "atlassian-group-role-actor"}
        out[role_id] = (name, users, groups)
    return out


def _group_size(client, group: str) -> int | None:
    reply = client.get(f"{_API}/group/member", params={"groupname": group, "maxResults": 1}, allow=(403, 404))
    total = client.decode(reply, dict).get("total") if reply.status == 200 else None
    return total if isinstance(total, int) else None


def _plan_permission(ctx, key: str, *, client_for, names: dict[str, str]):
    """The narrowest change that gives the proxy user a project permission in each project in scope lacking it.

    In order of preference: add it to a role that already holds the permission in the project's scheme (that one
    project only; never a role that administers the project); else grant the permission to a role it holds in the
    project; else to its smallest group, said to be broad. A scheme grant applies in every project using the
    scheme, which the change names.
    """
    client = client_for(ctx)
    identity = ctx.proxy_identity
    name = (identity.login if identity else "") or ctx.proxy.value("username")
    if not name:
        return []
    user = client.get_json(f"{_API}/user", params={"username": name, "expand": "groups"}, expect=dict)
    groups = {str(g.get("name") or "") for g in (user.get("groups") or {}).get("items") or [] if isinstance(g, dict)}
    keys = [str(p.get("key")) for p in client.get_json(f"{_API}/project", expect=list) if isinstance(p, dict)]
    schemes, check_id, permission = _jira.Schemes(client, _API), ctx.spec.check_id(key), (key, names[key])
    changes = []
    for project in [k for k in dict.fromkeys(ctx.proxy.scope) if k in keys]:
        scheme = client.get_json(f"{_API}/project/{project}/permissionscheme", params={"expand": "permissions"},
                                 expect=dict)
        roles = _project_roles(client, project)
        mine = sorted(rid for rid, (_, users, role_groups) in roles.items() if name in users or role_groups & groups)

        def held(role_id: str) -> set[str]:
            return {perm for perm, h in _jira.grants(scheme) if h.get("type") == "projectRole"
                    and _jira.holder_id(h) == role_id}

        def reaches(h: dict) -> bool:
            kind, ident = str(h.get("type") or ""), _jira.holder_id(h)
            return kind in _EVERYONE or (kind == "group" and ident in groups) or (kind == "user" and ident == name) \
                or (kind == "projectRole" and ident in mine)

        if any(reaches(h) for h in _jira.holders_of(scheme, key)):
            continue  # granted already (a retry, or someone else): nothing to send
        holding = [rid for rid in roles if key in held(rid) and "ADMINISTER_PROJECTS" not in held(rid)]
        if holding:
            role_id = min(holding, key=lambda rid: (len(held(rid)), rid))
            changes.append(_jira.role_change(client, check_id, _API, project, (roles[role_id][0], role_id), name,
                                             name, False, _ROLE_REF))
            continue
        if mine:
            role_id = min(mine, key=lambda rid: (len(held(rid)), rid))
            holder = {"type": "projectRole", "parameter": role_id}
            label, broad = _jira.SCHEME_TEXTS["role_holder"].format(role=roles[role_id][0]), ()
        elif groups:
            sizes = {group: _group_size(client, group) for group in sorted(groups)}
            group = min(sizes, key=lambda g: (sizes[g] is None, sizes[g] or 0, g))
            holder = {"type": "group", "parameter": group}
            label = _jira.SCHEME_TEXTS["group_holder"].format(group=group)
            members = _jira.SCHEME_TEXTS["members"].format(count=sizes[group]) if sizes[group] is not None else ""
            broad = (_jira.SCHEME_TEXTS["broad"].format(who=name, project=project, group=group, members=members,
                                                        permission=permission[1]),)
        else:
            raise CheckError(messages.problem("fix.no_grant_holder", who=name, project=project,
                                              permission=permission[1]))
        using, unread = _jira.projects_using(ctx, client, _API, schemes, str(scheme.get("id")), keys, len(keys))
        changes.append(_jira.scheme_grant_change(check_id, _API, scheme, permission, holder, label,
                                                 broad + _jira.scheme_touches(scheme, holder, label, using, unread,
                                                                              len(keys)), _SCHEME_REF))
    return changes


def agent_and_permission_fixes(client_for, names: dict[str, str]) -> tuple:
    """The tracker's FIXES, planned with the administrator's client (``client_for(ctx)``): the service desk agent,
    and each project permission (``names``: requirement key -> the permission's name in Jira)."""

    return (Fix(("service_desk_agent",), functools.partial(_plan_agent, client_for=client_for),
                "the Jira Administrators global permission (to add to a group) and Administer Projects in each "
                "project listed", _GROUP_REF),
            Fix(tuple(names), functools.partial(_plan_permission, client_for=client_for, names=names),
                "the Jira Administrators global permission (editing a permission scheme takes it; adding the proxy "
                "user to a project role takes Administer Projects there)", _SCHEME_REF))
