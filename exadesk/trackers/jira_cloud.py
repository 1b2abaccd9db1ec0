"""Jira Cloud: the Exalate app user, its groups, the atlassian-addons-project-access role, and exposure.

Written from Atlassian's documentation:
https://developer.atlassian.com/cloud/jira/platform/rest/v3/ (myself, mypermissions, user/search, user/groups,
    project/search, project/{key}/role, project/{key}/permissionscheme; swagger-v3.v3.json)
https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/ (email + API token; passwords are
    refused with "Basic authentication with passwords is deprecated")
https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/ (tokens expire,
    scoped tokens are called through https://api.atlassian.com/ex/jira/{cloudId})
https://support.atlassian.com/organization-administration/docs/manage-api-token-policies/ (an org may block tokens)
https://support.atlassian.com/jira/kb/the-atlassian-addons-project-access-role-in-jira-cloud/
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from exadesk import messages
from exadesk.checks import Identity
from exadesk.errors import CheckError, ErrorKind
from exadesk.http import BasicAuth, Reply
from exadesk.messages import Message
from exadesk.trackers import _jira
from exadesk.trackers.base import AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec

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

SPEC = TrackerSpec(
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
                    pattern=r"[A-Z][A-Z0-9_]{0,254}"),
    sync_options=("comments", "attachments", "worklogs", "triggers", "service_desk"),
    auth_methods=(
        AuthMethod(
            id="api_token",
            label="Administrator's email + API token",
            description="The app user has no token of its own, so a Jira administrator's API token reads its groups "
                        "and the permission schemes. Your password does not work here: Jira Cloud accepts only API "
                        "tokens.",
            admin_credential=True,
            notices=("atlassian_connect_eos", "jira_cloud_token_expiry"),
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


def _is_gateway(url: str) -> bool:
    return (urlsplit(url).hostname or "").lower() == "api.atlassian.com" or "/ex/jira/" in url


def diagnose(reply: Reply, client) -> object:
    """Jira Cloud's own 401 for a password sent where an API token belongs."""
    if reply.status == 401 and b"basic authentication with passwords is deprecated" in reply.body[:4096].lower():
        return messages.problem("jira_cloud.password_not_token", tracker=SPEC.name)
    return None


def _identify(ctx, client, anonymous, params: dict | None = None) -> dict:
    """GET myself; a plain rejection is explained with the site's cloud id (read anonymously)."""
    try:
        return client.get_json("/rest/api/3/myself", params=params, expect=dict)
    except CheckError as exc:
        if exc.kind is not ErrorKind.AUTH or exc.problem.reason != "auth":
            raise
        cloud_id = "<cloud id>"
        if not _is_gateway(ctx.target.url):
            try:
                info = anonymous.get("/_edge/tenant_info", allow=(401, 403, 404), auth=False).json_or_none()
            except CheckError:
                info = None  # the cloud id only sharpens the message
            if isinstance(info, dict) and re.fullmatch(r"[0-9a-f-]{36}", str(info.get("cloudId") or "")):
                cloud_id = str(info["cloudId"])
        raise CheckError(messages.problem("jira_cloud.token_rejected", tracker=SPEC.name, url=ctx.target.url,
                                          cloud_id=cloud_id)) from None


def _find_app_user(client) -> dict | None:
    # The email is the app's fixed address; privacy settings may hide emails, so the name is the fallback.
    for query in (APP_EMAIL, APP_NAME):
        users = client.get_json("/rest/api/3/user/search", params={"query": query, "maxResults": 50}, expect=list)
        apps = [u for u in users if isinstance(u, dict) and u.get("accountType") == "app"]
        exact = [u for u in apps if str(u.get("emailAddress") or "").lower() == APP_EMAIL
                 or (query == APP_NAME and u.get("displayName") == APP_NAME)]
        if exact:
            return exact[0]
    return None


def _clients(ctx):
    base = api_base(ctx.target.url)
    login = base if _is_gateway(base) else f"{base}/login"
    client = ctx.client(base, BasicAuth(ctx.target.value("email"), ctx.target.secrets.get("api_token")),
                        login_url=login, diagnose=diagnose)
    return client, ctx.client(base, None, login_url=login)


def verify_admin(ctx):
    """The planner's admin facts for the person whose email + API token this is."""
    client, anonymous = _clients(ctx)
    me = _identify(ctx, client, anonymous, params={"expand": "groups"})
    ctx.identity = Identity(name=str(me.get("displayName") or ""), login=str(me.get("emailAddress") or ""),
                            id=str(me.get("accountId") or ""), kind="user")
    yield from _jira.verify_admin_with(ctx, client, "/rest/api/3", me, global_keys=("ADMINISTER",),
                                       ask_permissions=True)


def verify_live(ctx):
    target = ctx.target
    client, anonymous = _clients(ctx)

    me = _identify(ctx, client, anonymous)
    admin_label = str(me.get("displayName") or me.get("emailAddress") or me.get("accountId") or "")
    # The token is an administrator's; the proxy user checked is the app user (ctx.identity, below).
    ctx.signed_in = Identity(name=str(me.get("displayName") or ""), login=str(me.get("emailAddress") or ""),
                             id=str(me.get("accountId") or ""), kind="admin")
    # mypermissions answers 400 without permissions= on Cloud.
    admin = client.get_json("/rest/api/3/mypermissions", params={"permissions": "ADMINISTER"}, expect=dict)
    has_admin = bool(((admin.get("permissions") or {}).get("ADMINISTER") or {}).get("havePermission"))
    if has_admin:
        yield ctx.passed("ADMINISTER", f"Signed in as {admin_label}, a Jira administrator.")
    else:
        yield ctx.failed("ADMINISTER", f"{admin_label} is not a Jira administrator, so the app user's groups and the "
                                       "permission schemes cannot be read.")
        # Project roles answer 401 to non-administrators, which would look like a rejected credential.
        for req in SPEC.requirements:
            if req.key != "ADMINISTER":
                yield ctx.unknown(req.key, "Not checked: reading this takes a Jira administrator's credential.")
        return

    app = _find_app_user(client)
    if app is None:
        yield ctx.failed("app_user", f"No app user named {APP_NAME} ({APP_EMAIL}) was found on this site.")
        return
    account = str(app.get("accountId") or "")
    ctx.identity = Identity(name=str(app.get("displayName") or APP_NAME),
                            login=str(app.get("emailAddress") or APP_EMAIL), id=account, kind="app")
    if app.get("active") is False:
        yield ctx.failed("app_user", f"The app user {APP_NAME} is deactivated: the app is disabled or was "
                                     "uninstalled.", fix="Enable the Exalate app in Apps, Manage apps.")
    else:
        yield ctx.passed("app_user", f"{APP_NAME} (account {account}, type app): the proxy user is the app's own "
                                     "account, not a person's, so nobody's edits are lost.")

    reply = client.get("/rest/api/3/user/groups", params={"accountId": account}, allow=(403,))
    if reply.status == 403:
        for group in APP_GROUPS:
            yield ctx.unknown(group, "This credential may not browse users and groups, so the groups are unknown.")
        groups: dict[str, str] = {}
    else:
        found = client.decode(reply, list)
        groups = {str(g.get("name")): str(g.get("groupId") or "") for g in found if isinstance(g, dict)}
        for group in APP_GROUPS:
            if group in groups:
                yield ctx.passed(group, f"The app user is a member of {group}.")
            else:
                yield ctx.failed(group, f"The app user is not in {group} (its groups: "
                                        f"{', '.join(sorted(groups)) or 'none'}).")

    schemes: dict[str, dict | None] = {}

    def scheme_of(key: str) -> dict | None:
        if key not in schemes:
            got = client.get(f"/rest/api/3/project/{key}/permissionscheme", params={"expand": "permissions"},
                             allow=(403, 404))
            schemes[key] = client.decode(got, dict) if got.status == 200 else None
        return schemes[key]

    projects = list(target.scope)
    role_id = ""
    if not projects:
        for key in (ADDONS_ROLE, *(k for k, _ in ROLE_PERMISSIONS)):
            yield ctx.unknown(key, "No projects are in scope, so the role could not be checked.",
                              fix="Add the keys of the projects to sync.")
    else:
        role_id, results = _role_checks(ctx, client, projects, account, scheme_of)
        yield from results

    def reaches(holders: list[dict]) -> bool:
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

    if projects:
        yield _security_levels(ctx, client, projects, reaches)

    keys, total = _all_projects(client)
    found = _jira.exposure(keys, scheme_of, reaches)
    found.total = max(found.total, total)
    yield _jira.security_result(ctx, found, "The app user")


def _role_checks(ctx, client, projects: list[str], account: str, scheme_of):
    """The role's id and one result per role requirement, aggregated over the projects in scope."""
    results = []
    missing_role, not_member = [], []
    role_id = ""
    lacking: dict[str, list[str]] = {key: [] for key, _ in ROLE_PERMISSIONS}
    for project in projects:
        roles = client.get("/rest/api/3/project/" + project + "/role", allow=(404,))
        if roles.status == 404:
            missing_role.append(f"{project} (not found)")
            for key in lacking:
                lacking[key].append(f"{project} (not found)")
            continue
        urls = client.decode(roles, dict)
        url = str(urls.get(ADDONS_ROLE) or "")
        this_id = url.rstrip("/").rsplit("/", 1)[-1] if url else ""
        if not this_id:
            missing_role.append(project)
        else:
            role_id = role_id or this_id  # project roles are shared by every project in Jira Cloud
            role = client.get_json(f"/rest/api/3/project/{project}/role/{this_id}", expect=dict)
            actors = {str((a.get("actorUser") or {}).get("accountId") or "") for a in role.get("actors") or []
                      if isinstance(a, dict)}
            if account not in actors:
                not_member.append(project)
        scheme = scheme_of(project)
        for key in lacking:
            if scheme is None:
                lacking[key].append(f"{project} (permission scheme not readable)")
            elif not any(h.get("type") == "projectRole" and _jira.holder_id(h) == this_id and this_id
                         for h in _jira.holders_of(scheme, key)):
                lacking[key].append(project)
    gone = missing_role + not_member
    if gone:
        results.append(ctx.failed(ADDONS_ROLE, f"The app user is not in {ADDONS_ROLE} in: "
                                               f"{_jira.join_limited(gone)}. It is silently blind there."))
    else:
        results.append(ctx.passed(ADDONS_ROLE, f"The app user holds the role in {_jira.join_limited(projects)}."))
    for key, name in ROLE_PERMISSIONS:
        if lacking[key]:
            results.append(ctx.failed(key, f"{ADDONS_ROLE} does not hold '{name}' in: "
                                           f"{_jira.join_limited(lacking[key])}."))
        else:
            results.append(ctx.passed(key, f"Granted to {ADDONS_ROLE} in {_jira.join_limited(projects)}."))
    return role_id, results


def _security_levels(ctx, client, projects: list[str], reaches):
    """Field note: the role removed from an issue security level leaves the app user blind to those issues."""
    hidden, members_of = [], {}
    for project in projects:
        reply = client.get(f"/rest/api/3/project/{project}/issuesecuritylevelscheme", allow=(403, 404))
        if reply.status != 200:
            continue  # no issue security scheme: every issue is visible to whoever browses the project
        scheme = client.decode(reply, dict)
        scheme_id = str(scheme.get("id") or "")
        if scheme_id not in members_of:
            members_of[scheme_id] = _level_members(client, scheme_id)
        for level in scheme.get("levels") or []:
            if isinstance(level, dict) and not reaches(members_of[scheme_id].get(str(level.get("id")), [])):
                hidden.append(f"{project}: {level.get('name') or level.get('id')}")
    if hidden:
        return ctx.warned("issue_security_levels", f"The app user is not a member of these security levels, so their "
                                                   f"issues never sync: {_jira.join_limited(hidden)}.")
    return ctx.passed("issue_security_levels", "The app user can see every security level of the projects in scope "
                                               "(or they use none).")


def _level_members(client, scheme_id: str) -> dict[str, list[dict]]:
    """Holders of each level of an issue security scheme, by level id."""
    out: dict[str, list[dict]] = {}
    start = 0
    while True:
        page = client.get_json("/rest/api/3/issuesecurityschemes/level/member",
                               params={"schemeId": scheme_id, "startAt": start, "maxResults": 100}, expect=dict)
        values = [m for m in page.get("values") or [] if isinstance(m, dict)]
        for member in values:
            if isinstance(member.get("holder"), dict):
                out.setdefault(str(member.get("issueSecurityLevelId")), []).append(member["holder"])
        if page.get("isLast", True) or not values or start > 5000:
            return out
        start += len(values)


def _all_projects(client) -> tuple[list[str], int]:
    """Keys of the projects the administrator sees (all of them for an admin) up to the cap, and their number."""
    keys: list[str] = []
    start = total = 0
    while len(keys) < _jira.MAX_PROJECTS + 1:
        page = client.get_json("/rest/api/3/project/search", params={"startAt": start, "maxResults": 50},
                               expect=dict)
        values = [p for p in page.get("values") or [] if isinstance(p, dict)]
        keys.extend(str(p.get("key")) for p in values if p.get("key"))
        total = int(page.get("total") or 0) if str(page.get("total") or "").isdigit() else len(keys)
        if page.get("isLast", True) or not values:
            break
        start += len(values)
    return keys, max(total, len(keys))
