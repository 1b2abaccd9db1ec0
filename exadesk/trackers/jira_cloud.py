"""Jira Cloud: the Exalate app user, its groups, the atlassian-addons-project-access role, and exposure.

This module is what ExaDesk requires of the app user, how each requirement is judged, and the fixes. The reads
(the sign-in probe, the app user, projects, roles, the bulk permission check, security levels) are in
_jira_cloud_api.py.

Written from Atlassian's documentation:
https://developer.atlassian.com/cloud/jira/platform/rest/v3/ (myself, mypermissions, user/search (active users
only), users/search (every user: inactive and deleted too), user/groups,
    project/search, project/{key}/role, project/{key}/permissionscheme; swagger-v3.v3.json)
https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/ (email + API token; passwords are
    refused with "Basic authentication with passwords is deprecated")
https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/ (tokens expire,
    scoped tokens are called through https://api.atlassian.com/ex/jira/{cloudId})
https://support.atlassian.com/organization-administration/docs/manage-api-token-policies/ (an org may block tokens)
https://support.atlassian.com/jira/kb/the-atlassian-addons-project-access-role-in-jira-cloud/
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from datetime import date

from exadesk.foundation import messages
from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.trackers import _jira
from exadesk.trackers import _jira_cloud_api as cloud_api
from exadesk.trackers._jira_cloud_api import API
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.changes import Fix
from exadesk.verification.http import BasicAuth, DeclaredRead, Reply
from exadesk.verification.notices import Notice
from exadesk.verification.registry import register
from exadesk.verification.spec import AdminPolicy, AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec

#: The app user the Exalate app gets on install (seed: it cannot be modified).
APP_NAME = "Exalate"
APP_EMAIL = "com.exalate.jiranode@connect.atlassian.com"
APP_GROUPS = ("atlassian-addons", "atlassian-addons-admin", "jira-core-users", "jira-servicedesk-users",
              "jira-software-users")
ADDONS_ROLE = "atlassian-addons-project-access"
#: Permissions the role must hold in each project's permission scheme (Atlassian's keys).
ROLE_PERMISSIONS = (
    ("ADMINISTER_PROJECTS", "Administer Projects"),
    ("BROWSE_PROJECTS", "Browse Projects"),
    ("MANAGE_SPRINTS_PERMISSION", "Manage sprints"),
    ("SERVICEDESK_AGENT", "Service Project Agent"),
    ("VIEW_DEV_TOOLS", "View Development Tools"),
)

_GROUP_FIX = ("Atlassian manages the app user's groups. Add it back to {group} (Administration, User management, "
              "Groups, {group}, Add members: Exalate), or reinstall or update the app so Jira restores them.")
_ROLE_FIX = ("In the permission scheme of each project listed (Project settings, Permissions, Actions, Edit "
             "permissions), grant '{name}' to Project Role: atlassian-addons-project-access. Remove it only for "
             "projects the integration must never see.")

NOTICES = (
    Notice("atlassian_connect_eos", "jira_cloud", "Atlassian Connect reaches end of support",
           "Atlassian ends support for Connect apps in December 2026 as apps move to Forge; the app user and its "
           "groups may change with the app's Forge version.",
           "Re-run verification after the app is updated to its Forge version.", date(2026, 12, 31),
           source="community.developer.atlassian.com RFC-129"),
    Notice("jira_cloud_token_expiry", "jira_cloud", "Jira Cloud API tokens expire",
           "Atlassian API tokens are created with an expiry date of at most one year.",
           "Enter the token's expiry date in ExaDesk (the instance page, Credential expires, Set date) so it is "
           "watched.", date(2025, 12, 15),
           source="support.atlassian.com manage-api-tokens"),
)

#: Get bulk permissions: a read whose question (projects x permissions) is too big for a query string.
NON_GET_READS = (
    DeclaredRead("POST", "/rest/api/3/permissions/check",
                 "https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/"
                 "#api-rest-api-3-permissions-check-post"),
)

#: Every sentence this adapter writes in a check (exadesk.foundation.strings), with those both Jira flavours share.
TEXTS = {
    **_jira.TEXTS,
    "none": "none",
    "needs_admin": "Not checked: reading this takes a Jira administrator's credential.",
    "admin.is": "Signed in as {who}, a Jira administrator.",
    "admin.not": "{who} is not a Jira administrator, so the app user's groups and the permission schemes cannot be "
                 "read.",
    "app.absence_unconfirmed": "No active app user named {app} was found, and whether a deactivated one exists is "
                               "not confirmed: {why}.",
    "app.absence_unconfirmed_fix": "Open Apps, Manage apps and check the Exalate app is installed and enabled.",
    "app.none": "No app user named {app} was found on this site, active or not.",
    "app.deactivated": "The app user {app} is deactivated: the app is disabled or was uninstalled.",
    "app.deactivated_fix": "Enable the Exalate app in Apps, Manage apps.",
    "app.found": "{app} (account {account}, type app): the proxy user is the app's own account, not a person's, so "
                 "nobody's edits are lost.",
    "app.the_app_user": "The app user",
    "group.unreadable": "This credential may not browse users and groups, so the groups are unknown.",
    "group.member": "The app user is a member of {group}.",
    "group.not_member": "The app user is not in {group} (its groups: {groups}).",
    "role.no_scope": "No projects are in scope, so the role could not be checked.",
    "role.none_exists": "None of the projects in scope exists, so the role could not be checked.",
    "role.no_scope_fix": "Add the keys of the projects to sync.",
    "role.outside": "The app user is not in {role} in: {projects}. It is silently blind there.",
    "role.holds": "The app user holds the role in {projects}.",
    "role.scheme_unreadable": "{project} (permission scheme not readable)",
    "role.lacks": "{role} does not hold '{name}' in: {projects}.",
    "role.granted": "Granted to {role} in {projects}.",
    "levels.hidden": "The app user is not a member of these security levels, so their issues never sync: {levels}.",
    "levels.all": "The app user can see every security level of the projects in scope (or they use none).",
}

SPEC = TrackerSpec(
    non_get_reads=NON_GET_READS,
    texts=TEXTS,
    admin_policy=AdminPolicy(project_admin_basic=True),
    catalogue_order=10,
    notices=NOTICES,
    id="jira_cloud",
    name="Jira Cloud",
    docs_url="https://developer.atlassian.com/cloud/jira/platform/rest/v3/",
    summary="Jira Cloud sites (atlassian.net). The proxy user is the Exalate app user; verification uses an "
            "administrator's email + API token because the app user has no token.",
    url=UrlSpec(example="https://your-site.atlassian.net",
                hint="your site address such as https://your-site.atlassian.net, or, for a scoped API token, "
                     "https://api.atlassian.com/ex/jira/<cloud id>",
                pattern=r"https://([a-z0-9][a-z0-9-]*\.(atlassian\.net|jira\.com)|api\.atlassian\.com/ex/jira/"
                        r"[0-9a-f-]{36})/?",
                site=r"[a-z0-9][a-z0-9-]*\.(atlassian\.net|jira\.com)|api\.atlassian\.com/ex/jira/[0-9a-f-]{36}"),
    scope=ScopeSpec(label="Projects", example="SUP", hint="project keys in capitals, for example SUP",
                    pattern=r"[A-Z][A-Z0-9_]{0,254}", noun="project", entry="key", required=True),
    sync_options=("comments", "attachments", "worklogs", "triggers", "service_desk"),
    auth_methods=(
        AuthMethod(
            id="api_token",
            label="Administrator's email + API token",
            description="The app user has no token of its own, so a Jira administrator's API token reads its groups "
                        "and the permission schemes. Your password does not work here: Jira Cloud accepts only API "
                        "tokens.",
            admin_credential=True,
            fields=(
                Field("email", "Administrator's email", role="user", hint="the email you sign in to Atlassian with",
                      example="admin@example.com", pattern=r"[^@\s]+@[^@\s]+\.[^@\s]+"),
                Field("api_token", "API token", secret=True,
                      hint="an Atlassian API token (new ones start with ATATT; not your password)",
                      pattern=r"(ATATT[A-Za-z0-9_=+/-]{20,}|[A-Za-z0-9]{24})"),
            ),
            steps=(
                Step("Sign in to Atlassian as a Jira administrator (someone with the Administer Jira permission).",
                     link="{url}/jira", link_label="Open Jira"),
                Step("Open your Atlassian account's security page, API tokens section.",
                     link="https://id.atlassian.com/manage-profile/security/api-tokens",
                     link_label="Open API tokens"),
                Step("Choose Create API token (not 'with scopes'), name it after the integration and pick an expiry "
                     "date; Atlassian tokens last at most a year."),
                Step("Copy the token at once (Atlassian shows it only once) and paste it here with your email."),
                Step("A token created 'with scopes' works only through https://api.atlassian.com/ex/jira/<cloud id>: "
                     "use that as the address (ExaDesk shows your cloud id when the site refuses such a token)."),
                Step("If Create API token is missing or tokens are refused, your organisation may block API tokens: "
                     "an organisation admin allows them in admin.atlassian.com, Security, Authentication policies "
                     "or API token settings."),
            ),
        ),
    ),
    requirements=(
        Requirement("ADMINISTER", "Your credential is a Jira administrator's",
                    "Use the email and API token of someone in Administration, Global permissions, 'Administer Jira' "
                    "(usually the jira-administrators or site-admins group): reading groups and permission schemes "
                    "needs it."),
        Requirement("app_user", "The Exalate app user exists",
                    f"Install the Exalate app from Apps, Explore more apps; Jira then creates the app user "
                    f"'{APP_NAME}' ({APP_EMAIL}). If it was removed, reinstall the app."),
        *(Requirement(group, f"App user is in the {group} group", _GROUP_FIX.format(group=group))
          for group in APP_GROUPS),
        Requirement(ADDONS_ROLE, "App user holds the atlassian-addons-project-access role in each project",
                    "Jira puts app users in this role automatically. In each project listed open Project settings, "
                    "People and add the Exalate app user to atlassian-addons-project-access, or update the app so "
                    "Jira grants it again."),
        *(Requirement(key, f"The role holds '{name}' in each project", _ROLE_FIX.format(name=name))
          for key, name in ROLE_PERMISSIONS),
        Requirement("issue_security_levels", "App user can see issues at every security level",
                    "Issues at a security level the app user is not a member of are silently skipped. In "
                    "Administration, Issues, Issue security schemes, open the project's scheme and add Project Role: "
                    "atlassian-addons-project-access to each level listed (or accept that those issues never sync)."),
        Requirement(_jira.SECURITY_KEY, _jira.SECURITY_TITLE, _jira.SECURITY_FIX),
    ),
    admin_requirements=_jira.admin_requirements("Settings (cog), System, Global permissions",
                                                "admin.atlassian.com, Directory, Groups"),
    messages={
        "password_not_token": Message(ErrorKind.AUTH,
                                      "Jira Cloud refused a password: basic authentication with passwords is "
                                      "deprecated, it takes an API token.",
                                      "Create an API token at https://id.atlassian.com/manage-profile/security/"
                                      "api-tokens and enter it instead of your password."),
        "token_rejected": Message(ErrorKind.AUTH,
                                  "Jira Cloud rejected the email + API token at {url}.",
                                  "Check the email and that the token is complete, not expired or revoked. A token "
                                  "created 'with scopes' works only at https://api.atlassian.com/ex/jira/{cloud_id}: "
                                  "use that as the address. If your organisation blocks API tokens, an organisation "
                                  "admin must allow them first (admin.atlassian.com, Security)."),
    },
)


def api_base(url: str) -> str:
    """The site itself serves /rest/api/3; a scoped token's address already carries /ex/jira/{cloudId}."""
    return url.rstrip("/")


def diagnose(reply: Reply, client) -> object:
    """Jira Cloud's own 401 for a password sent where an API token belongs."""
    if reply.status == 401 and b"basic authentication with passwords is deprecated" in reply.body[:4096].lower():
        return messages.problem("jira_cloud.password_not_token", tracker=SPEC.name)
    return None


def _clients(ctx):
    base = api_base(ctx.target.url)
    login = base if cloud_api.is_gateway(base) else f"{base}/login"
    client = ctx.client(base, BasicAuth(ctx.target.value("email"), ctx.target.secrets.get("api_token")),
                        login_url=login, diagnose=diagnose)
    return client, ctx.client(base, None, login_url=login)


def _sign_in_admin(ctx):
    """The one probe for the planner: GET myself with the person's groups (expand=groups)."""
    client, anonymous = _clients(ctx)
    me = cloud_api.identify(ctx, client, anonymous, params={"expand": "groups"})
    ctx.identity = Identity(name=str(me.get("displayName") or ""), login=str(me.get("emailAddress") or ""),
                            id=str(me.get("accountId") or ""), kind="user")
    return client, me


#: The planner's admin facts for the person whose email + API token this is.
verify_admin = adapter(_sign_in_admin, functools.partial(
    _jira.gather_admin, flavour=_jira.AdminFlavour("/rest/api/3", global_keys=("ADMINISTER",), ask_permissions=True)),
    _jira.ADMIN_JUDGES)


# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------

def _sign_in(ctx):
    """The one probe (GET myself) with the administrator's token; the app user checked is found in the reads."""
    client, anonymous = _clients(ctx)
    me = cloud_api.identify(ctx, client, anonymous)
    # The token is an administrator's; the proxy user checked is the app user (ctx.identity, in _gather).
    ctx.signed_in = Identity(name=str(me.get("displayName") or ""), login=str(me.get("emailAddress") or ""),
                             id=str(me.get("accountId") or ""), kind="admin")
    return client, str(me.get("displayName") or me.get("emailAddress") or me.get("accountId") or "")


@dataclass(frozen=True)
class Roles:
    """The atlassian-addons-project-access role in the projects in scope."""

    granted: dict[str, frozenset[str]]  # project -> the ROLE_PERMISSIONS its permission scheme grants the role
    unreadable: frozenset[str]  # projects whose own permission scheme could not be read
    outside: tuple[str, ...]  # projects where the app user is not in the role


@dataclass(frozen=True)
class Facts:
    """What Jira Cloud said about the administrator, the app user, its projects and the permission schemes."""

    admin_label: str
    is_admin: bool
    app: dict | None = None  # the app user (None: not found)
    unread: str = ""  # why an absent app user is not confirmed absent ("" when every user was read)
    groups: dict[str, str] | None = None  # the app user's groups, name -> id; None: not readable (403)
    missing: tuple[str, ...] = ()  # keys in scope that do not exist
    projects: tuple[str, ...] = ()  # keys in scope that exist, in scope order
    roles: Roles | None = None  # None: no project in scope exists
    hidden_levels: tuple[str, ...] | None = None  # "KEY: level" the app user cannot see; None: not read
    exposure: _jira.Exposure | None = None


def _gather(ctx, session) -> Facts:
    client, admin_label = session
    # mypermissions answers 400 without permissions= on Cloud.
    admin = client.get_json(f"{API}/mypermissions", params={"permissions": "ADMINISTER"}, expect=dict)
    if not ((admin.get("permissions") or {}).get("ADMINISTER") or {}).get("havePermission"):
        return Facts(admin_label, is_admin=False)  # project roles answer 401 to others: nothing more is read
    app, unread = cloud_api.find_app_user(client, APP_NAME)
    if app is None:
        return Facts(admin_label, is_admin=True, unread=unread)
    ctx.identity = Identity(name=str(app.get("displayName") or APP_NAME),
                            login=str(app.get("emailAddress") or APP_EMAIL), id=str(app.get("accountId") or ""),
                            kind="app")
    return _gather_for_app_user(ctx, client, Facts(admin_label, is_admin=True, app=app))


#: What the bulk permission check asks of the app user: Browse Projects (exposure) and what the role should give.
_BULK_PERMISSIONS = ("BROWSE_PROJECTS", *(key for key, _ in ROLE_PERMISSIONS))


def _gather_for_app_user(ctx, client, facts: Facts) -> Facts:
    """The app user's groups, the projects in scope and on the site, the role and the schemes, in three rounds of
    concurrent reads (each round needs what the one before read)."""
    account = str(facts.app.get("accountId") or "")
    scope = list(dict.fromkeys(ctx.target.scope))
    group_reply, (found, missing), (site_ids, total), schemes = ctx.gather([
        lambda: client.get(f"{API}/user/groups", params={"accountId": account}, allow=(403,)),
        lambda: cloud_api.projects_by_key(ctx, client, scope),
        lambda: cloud_api.all_projects(client),
        lambda: _jira.Schemes(client, API),
    ])
    groups = None if group_reply.status == 403 else {
        str(g.get("name")): str(g.get("groupId") or "") for g in client.decode(group_reply, list)
        if isinstance(g, dict)}
    projects = tuple(key for key in ctx.target.scope if key in found)
    # One bulk question for every project the role matters in and every project on the site (Get bulk
    # permissions): what the app user may do, whichever grant gives it.
    role_id, holds = ctx.gather([
        lambda: cloud_api.role_id(client, projects[0], ADDONS_ROLE) if projects else "",
        lambda: cloud_api.app_permissions(client, account, {**site_ids, **found}, _BULK_PERMISSIONS)])
    reaches = functools.partial(_reaches, role_id=role_id, groups=groups or {}, account=account)
    browsed = [key for key, pid in site_ids.items() if pid in holds.get("BROWSE_PROJECTS", set())]
    roles, hidden = ctx.gather([
        lambda: _roles(ctx, client, list(projects), found, account, role_id, schemes, holds) if projects else None,
        lambda: cloud_api.security_levels(ctx, client, [(key, found[key]) for key in projects], reaches)
        if projects else None,
    ])
    # After the role's reads: where the schemes differ, the projects' own schemes they read are not read again.
    exposure = schemes.public_exposure(ctx, browsed)
    exposure.checked, exposure.total = min(len(site_ids), _jira.MAX_PROJECTS), max(total, len(site_ids))
    return dataclasses.replace(facts, groups=groups, missing=tuple(missing), projects=projects, roles=roles,
                               hidden_levels=hidden, exposure=exposure)


def _reaches(holders: list[dict], *, role_id: str, groups: dict[str, str], account: str) -> bool:
    """Whether the app user is among ``holders`` (anyone, its role, one of its groups, or itself)."""
    for holder in holders:
        kind, ident = str(holder.get("type") or ""), _jira.holder_id(holder)
        if kind in ("anyone", "applicationRole"):
            return True
        if kind == "projectRole" and role_id and ident == role_id:
            return True
        if kind == "group" and (holder.get("parameter") in groups or ident in groups.values()):
            return True
        if kind == "user" and ident == account:
            return True
    return False


def _roles(ctx, client, projects: list[str], ids: dict[str, str], account: str, role_id: str,
           schemes: _jira.Schemes, holds: dict[str, set[str]]) -> Roles:
    """What the role is granted in each project in scope (which all exist), and where the app user is not in it."""

    def role_holds(scheme: dict | None) -> frozenset[str]:
        return frozenset(key for key, _ in ROLE_PERMISSIONS if scheme is not None and role_id and any(
            h.get("type") == "projectRole" and _jira.holder_id(h) == role_id for h in _jira.holders_of(scheme, key)))

    same = schemes.uniform(role_holds) if schemes.all else None
    if same is None:
        ctx.gather(lambda key=key: schemes.of(key) for key in projects)  # the schemes differ: read each one
    granted = {key: same if same is not None else role_holds(schemes.of(key)) for key in projects}
    # The app user is in the role where it holds everything the role is granted there; elsewhere the role's
    # members are read, to tell "not in the role" from "the role lacks a permission".
    unsure = [key for key in projects if not role_id or any(ids[key] not in holds.get(p, set()) for p in granted[key])
              or not granted[key]]
    members = dict(zip(unsure, ctx.gather(lambda key=key: cloud_api.role_has(client, key, role_id, account)
                                          for key in unsure))) if role_id else {}
    unreadable = frozenset() if same is not None else frozenset(p for p in projects if schemes.of(p) is None)
    return Roles(granted, unreadable, tuple(key for key in unsure if not members.get(key)))


JUDGES = Judges()


def _judge(key: str, judge, *, needs_app: bool = True) -> None:
    """Register ``judge`` for ``key``: without an administrator's credential nothing could be read (not
    confirmed); without the app user the checks about it did not run."""
    def gated(ctx, facts: Facts):
        if not facts.is_admin:
            return ctx.unknown(key, ctx.say("needs_admin"))
        if needs_app and facts.app is None:
            return None  # the app user's own finding says why
        return judge(ctx, facts)
    JUDGES.add(key, gated)


@JUDGES("ADMINISTER")
def _administer(ctx, facts: Facts):
    if facts.is_admin:
        return ctx.passed("ADMINISTER", ctx.say("admin.is", who=facts.admin_label))
    return ctx.failed("ADMINISTER", ctx.say("admin.not", who=facts.admin_label))


def _app_user(ctx, facts: Facts):
    app = facts.app
    if app is None and facts.unread:
        return ctx.unknown("app_user", ctx.say("app.absence_unconfirmed", app=APP_NAME, why=facts.unread),
                           fix=ctx.say("app.absence_unconfirmed_fix"))
    if app is None:
        return ctx.failed("app_user", ctx.say("app.none", app=APP_NAME))
    if app.get("active") is False:
        return ctx.failed("app_user", ctx.say("app.deactivated", app=APP_NAME), fix=ctx.say("app.deactivated_fix"))
    return ctx.passed("app_user", ctx.say("app.found", app=APP_NAME, account=str(app.get("accountId") or "")))


def _group(ctx, facts: Facts, *, group: str):
    if facts.groups is None:
        return ctx.unknown(group, ctx.say("group.unreadable"))
    if group in facts.groups:
        return ctx.passed(group, ctx.say("group.member", group=group))
    return ctx.failed(group, ctx.say("group.not_member", group=group,
                                     groups=", ".join(sorted(facts.groups)) or ctx.say("none")))


def _no_projects(ctx, key: str):
    why = ctx.say("role.no_scope") if not ctx.target.scope else ctx.say("role.none_exists")
    return ctx.unknown(key, why, fix=ctx.say("role.no_scope_fix"))


def _addons_role(ctx, facts: Facts):
    """The role over the projects in scope; also the one finding for keys that do not exist."""
    if facts.missing:
        yield ctx.scope_missing(facts.missing, "the app user")
    if facts.roles is None:
        yield _no_projects(ctx, ADDONS_ROLE)
    elif facts.roles.outside:
        yield ctx.failed(ADDONS_ROLE, ctx.say("role.outside", role=ADDONS_ROLE,
                                              projects=_jira.join_limited(ctx, list(facts.roles.outside))))
    else:
        yield ctx.passed(ADDONS_ROLE, ctx.say("role.holds", projects=_jira.join_limited(ctx, list(facts.projects))))


def _role_permission(ctx, facts: Facts, *, key: str, name: str):
    roles = facts.roles
    if roles is None:
        return _no_projects(ctx, key)
    lacking = [ctx.say("role.scheme_unreadable", project=p) if p in roles.unreadable else p
               for p in facts.projects if key not in roles.granted[p]]
    if lacking:
        return ctx.failed(key, ctx.say("role.lacks", role=ADDONS_ROLE, name=name,
                                       projects=_jira.join_limited(ctx, lacking)))
    return ctx.passed(key, ctx.say("role.granted", role=ADDONS_ROLE,
                                   projects=_jira.join_limited(ctx, list(facts.projects))))


def _issue_security_levels(ctx, facts: Facts):
    if facts.hidden_levels is None:
        return None  # no project in scope exists: the role's finding says so
    if facts.hidden_levels:
        return ctx.warned("issue_security_levels", ctx.say("levels.hidden",
                                                           levels=_jira.join_limited(ctx, list(facts.hidden_levels))))
    return ctx.passed("issue_security_levels", ctx.say("levels.all"))


def _public_projects_only(ctx, facts: Facts):
    return _jira.security_result(ctx, facts.exposure, ctx.say("app.the_app_user"))


_judge("app_user", _app_user, needs_app=False)
for _group_name in APP_GROUPS:
    _judge(_group_name, functools.partial(_group, group=_group_name))
_judge(ADDONS_ROLE, _addons_role)
for _key, _name in ROLE_PERMISSIONS:
    _judge(_key, functools.partial(_role_permission, key=_key, name=_name))
_judge("issue_security_levels", _issue_security_levels)
_judge(_jira.SECURITY_KEY, _public_projects_only)

verify_live = adapter(_sign_in, _gather, JUDGES)


# -- fixes (exadesk fix): the narrowest grant for each failing requirement ---------------------------------
# Atlassian's REST v3 reference: Add user to group (POST /rest/api/3/group/user, "Site administration (that is,
# member of the site-admin group)"), Remove user from group (DELETE, same path with accountId), Add actors to
# project role (POST /rest/api/3/project/{key}/role/{id}, Administer Projects or Administer Jira) and Delete
# actors from project role (DELETE, ?user=accountId), Create permission grant (POST
# /rest/api/3/permissionscheme/{schemeId}/permission, Administer Jira) and Delete permission scheme grant (DELETE
# .../permission/{permissionId}).

_GROUPS_REF = ("https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-groups/"
               "#api-rest-api-3-group-user-post")
_ROLE_ACTORS_REF = ("https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-role-actors/"
                    "#api-rest-api-3-project-projectidorkey-role-id-post")
_SCHEME_GRANT_REF = ("https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permission-schemes/"
                     "#api-rest-api-3-permissionscheme-schemeid-permission-post")
_API = "/rest/api/3"


def fix_client(ctx):
    """The administrator's client for fixes (the fix module makes it writable; verification never sees it)."""
    return _clients(ctx)[0]


def _fix_app_account(client) -> str:
    """The app user's account id, read with GETs; "" when it does not exist (the app_user check says so)."""
    app, _ = cloud_api.find_app_user(client, APP_NAME)
    return str(app.get("accountId") or "") if app else ""


def _plan_group(ctx, group: str):
    client = fix_client(ctx)
    account = _fix_app_account(client)
    if not account:
        return []
    groups = client.get_json("/rest/api/3/user/groups", params={"accountId": account}, expect=list)
    member = group in {str(g.get("name") or "") for g in groups if isinstance(g, dict)}
    return [_jira.group_change(SPEC.check_id(group), "/rest/api/3", group, APP_NAME, ("accountId", account), member,
                               _GROUPS_REF)]


def _plan_role(ctx, key: str):
    client = fix_client(ctx)
    account = _fix_app_account(client)
    if not account:
        return []
    changes = []
    for project in ctx.proxy.scope:
        role_id = cloud_api.role_id(client, project, ADDONS_ROLE)
        if role_id:  # a deleted role comes back only with the app (reinstall); no request makes it
            changes.append(_jira.role_change(client, SPEC.check_id(key), "/rest/api/3", project, (ADDONS_ROLE, role_id),
                                             APP_NAME, account,
                                             cloud_api.role_has(client, project, role_id, account),
                                             _ROLE_ACTORS_REF))
    return changes


def _plan_scheme_grant(ctx, key: str):
    """Grant the permission to atlassian-addons-project-access in each permission scheme a project in scope uses
    without it: the requirement names that role, the narrowest holder there is (only its actors in each project).
    A scheme is shared, so the change names every project that uses it."""
    client = fix_client(ctx)
    scope = list(dict.fromkeys(ctx.proxy.scope))
    found, _ = cloud_api.projects_by_key(ctx, client, scope)
    projects = [project for project in scope if project in found]
    role_id = cloud_api.role_id(client, projects[0], ADDONS_ROLE) if projects else ""
    if not role_id:  # no project, or the role itself was deleted (it comes back with the app)
        return []
    holder = {"type": "projectRole", "value": role_id}
    label = _jira.SCHEME_TEXTS["role_holder"].format(role=ADDONS_ROLE)
    read = ctx.gather(lambda project=project: client.get_json(f"{_API}/project/{project}/permissionscheme",
                                                             params={"expand": "permissions"}, expect=dict)
                      for project in projects)
    in_scope = {str(scheme.get("id")): scheme for scheme in read}  # one change a scheme, however many projects use it
    schemes = _jira.Schemes(client, _API)
    site, total = cloud_api.all_projects(client)
    changes = []
    for scheme_id, scheme in in_scope.items():
        using, unread = _jira.projects_using(ctx, client, _API, schemes, scheme_id, list(site), total)
        changes.append(_jira.scheme_grant_change(
            SPEC.check_id(key), _API, scheme, (key, dict(ROLE_PERMISSIONS)[key]), holder, label,
            _jira.scheme_touches(scheme, holder, label, using, unread, total), _SCHEME_GRANT_REF))
    return changes


FIXES = (
    Fix(APP_GROUPS, _plan_group, "Site administration (membership of the site-admins group)", _GROUPS_REF),
    Fix((ADDONS_ROLE,), _plan_role, "Administer Projects in each project listed, or Administer Jira",
        _ROLE_ACTORS_REF),
    Fix(tuple(key for key, _ in ROLE_PERMISSIONS), _plan_scheme_grant,
        "the Administer Jira global permission (editing a permission scheme takes it)", _SCHEME_GRANT_REF),
)
#: Why the other requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md).
NOT_FIXABLE = {
    **_jira.NOT_FIXABLE,
    "ADMINISTER": "it is about the credential entered here, which must already be a Jira administrator's: no grant "
                  "to the app user changes it.",
    "app_user": "Jira creates the app user when the Exalate app is installed (a deleted one comes back with a "
                "reinstall); no REST call creates an app user.",
    "issue_security_levels": "adding the app's role to an issue security level opens every issue at that level to "
                             "the app, a choice left to a person (who may accept that those issues never sync); "
                             "ExaDesk declares no fix for it.",
}


register(SPEC, sys.modules[__name__])
