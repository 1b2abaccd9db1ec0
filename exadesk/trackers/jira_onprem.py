"""Jira Server / Data Center: the proxy user's project permissions, service desk agent role, and exposure.

Written from Atlassian's documentation:
https://docs.atlassian.com/software/jira/docs/api/REST/latest/ (myself, mypermissions, project, search, serverInfo)
https://dac-static.atlassian.com/server/jira/platform/jira_software_dc_10003_swagger.v3.json
https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html (Bearer PATs, Jira 8.14+,
    a person creates PATs for their own account only)
https://developer.atlassian.com/server/jira/platform/basic-authentication/ (CAPTCHA after failed logins,
    X-Seraph-LoginReason and X-Authentication-Denied-Reason headers)
https://docs.atlassian.com/jira-servicedesk/REST/latest/ (servicedeskapi: servicedesk list, queues are agent-only)
https://confluence.atlassian.com/adminjiraserver/managing-project-permissions-938847145.html (permission keys)
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import field

from exadesk.foundation import messages
from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.trackers import _jira
from exadesk.trackers._jira_onprem_fixes import agent_and_permission_fixes
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.http import BasicAuth, BearerAuth, Reply
from exadesk.verification.registry import register
from exadesk.verification.spec import AdminPolicy, AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec

#: Jira added personal access tokens in 8.14 (Server and Data Center).
PAT_SINCE = (8, 14)

# A Jira Data Center PAT is 44 base64 characters (an id and a secret, encoded).
_PAT_SHAPE = r"[A-Za-z0-9+/]{43}[A-Za-z0-9+/=]"

_SCHEME_FIX = ("Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, "
               "Edit permissions, then '{name}', Grant, and add the proxy user (or a group or project role it belongs "
               "to).")


def _perm(key: str, name: str, title: str, when: frozenset[str] = frozenset()) -> Requirement:
    return Requirement(key, title, _SCHEME_FIX.format(name=name), when=when)


_ALWAYS = (
    ("BROWSE_PROJECTS", "Browse Projects", "Proxy user can browse the projects"),
    ("CREATE_ISSUES", "Create Issues", "Proxy user can create issues"),
    ("EDIT_ISSUES", "Edit Issues", "Proxy user can edit issues"),
    ("LINK_ISSUES", "Link Issues", "Proxy user can link issues"),
    ("TRANSITION_ISSUES", "Transition Issues", "Proxy user can change issue statuses (transitions)"),
)
_CONDITIONAL = (
    ("ADD_COMMENTS", "Add Comments", "Proxy user can add comments", "comments"),
    ("EDIT_ALL_COMMENTS", "Edit All Comments", "Proxy user can edit all comments", "comments"),
    ("DELETE_ALL_COMMENTS", "Delete All Comments", "Proxy user can delete all comments", "comments"),
    ("CREATE_ATTACHMENTS", "Create Attachments", "Proxy user can add attachments", "attachments"),
    ("DELETE_ALL_ATTACHMENTS", "Delete All Attachments", "Proxy user can delete all attachments", "attachments"),
    ("WORK_ON_ISSUES", "Work On Issues", "Proxy user can log work", "worklogs"),
    ("EDIT_ALL_WORKLOGS", "Edit All Worklogs", "Proxy user can edit all work logs", "worklogs"),
    ("DELETE_ALL_WORKLOGS", "Delete All Worklogs", "Proxy user can delete all work logs", "worklogs"),
    ("SET_ISSUE_SECURITY", "Set Issue Security", "Proxy user can set issue security levels", "security_levels"),
)
PROJECT_PERMISSIONS = tuple(k for k, _, _ in _ALWAYS) + tuple(k for k, _, _, _ in _CONDITIONAL)

#: Every sentence this adapter writes in a check (exadesk.foundation.strings), with those both Jira flavours share.
TEXTS = {
    **_jira.TEXTS,
    "admin_account.sysadmin": "{who} is a Jira system administrator. If this is a person's own account, their edits "
                              "will stop syncing.{extra}",
    "admin_account.desk_synced": " With Jira Service Management synced, requests raised 'on behalf of' a customer "
                                 "through this account would never sync.",
    "admin_account.not_sysadmin": "{who} is not a Jira system administrator.",
    "perm.no_scope": "No projects are in scope, so project permissions could not be checked.",
    "perm.none_exists": "None of the projects in scope exists, so project permissions could not be checked.",
    "scope.add_keys": "Add the keys of the projects to sync.",
    "perm.hidden": "{project} (not found, or the proxy user cannot see it)",
    "perm.lacks": "{who} lacks it in: {projects}.",
    "perm.where": "GET mypermissions for {projects}",
    "perm.has": "{who} has it in {projects}.",
    "search.no_scope": "No projects are in scope.",
    "search.cannot_see": "A search by {who} cannot see: {projects}.",
    "search.can": "{who} can search issues in {projects}.",
    "desk.not_installed": "Jira Service Management is not installed on this Jira (its REST API is missing), so "
                          "there is no service desk to be an agent of.",
    "desk.not_installed_fix": "Install Jira Service Management, or turn off service desk syncing.",
    "desk.none": "none",
    "desk.none_in_scope": "None of the projects in scope ({shown}) is a service project {who} can open.",
    "desk.none_in_scope_fix": "Add the service project's key to the scope, and make the proxy user an agent of it.",
    "desk.others": " Not service projects: {projects}.",
    "desk.not_agent": "{who} is not an agent of: {projects}.{note}",
    "desk.agent": "{who} is an agent of {projects}.{note}",
}

SPEC = TrackerSpec(
    texts=TEXTS,
    admin_policy=AdminPolicy(delegated_needs_project_admin=False),
    catalogue_order=20,
    id="jira_onprem",
    name="Jira Server / Data Center",
    docs_url="https://docs.atlassian.com/software/jira/docs/api/REST/latest/",
    summary="Self-hosted Jira (Server or Data Center); the proxy user's personal access token or password.",
    url=UrlSpec(example="https://jira.example.com",
                hint="the address you open Jira at, including any path such as /jira "
                     "(for example https://jira.example.com or https://intranet.example.com/jira)",
                # No site pattern: a context path (/jira) cannot be told apart from a page path.
                self_hosted=True),
    scope=ScopeSpec(label="Projects", example="SUP", hint="project keys in capitals, for example SUP",
                    pattern=r"[A-Z][A-Z0-9_]{0,254}", noun="project", entry="key", required=True),
    sync_options=("comments", "attachments", "worklogs", "security_levels", "triggers", "service_desk"),
    auth_methods=(
        AuthMethod(
            id="pat",
            label="Personal access token (Jira 8.14 and later)",
            description="A token of the proxy user, sent as a Bearer token. Preferred: it is not a password, it does "
                        "not trigger Jira's CAPTCHA, and it can be revoked on its own.",
            fields=(
                Field("token", "Personal access token", secret=True,
                      hint="the 44-character token Jira showed once when it was created",
                      pattern=_PAT_SHAPE),
            ),
            steps=(
                Step("Sign in to Jira in the browser as the proxy user itself. Jira lets people create tokens only for "
                     "their own account, so an administrator cannot create one for the proxy user; a proxy user that "
                     "normally signs in through single sign-on needs one browser sign-in for this.",
                     link="{url}/login.jsp", link_label="Open Jira's sign-in page"),
                Step("Open the profile picture (top right), Profile, then Personal Access Tokens.",
                     link="{url}/secure/ViewProfile.jspa?selectedTab=com.atlassian.pats.pats-plugin:"
                          "jira-user-personal-access-tokens", link_label="Open Personal Access Tokens"),
                Step("Choose Create token, name it after the integration, and set an expiry your policy allows (or "
                     "none)."),
                Step("Copy the token at once: Jira shows it only once. Paste it here."),
                Step("If the page is missing, Jira is older than 8.14 or tokens are turned off: use the user name + "
                     "password method instead."),
            ),
        ),
        AuthMethod(
            id="password",
            label="User name + password",
            description="The proxy user's user name and password, sent with Basic authentication. Jira shows a "
                        "CAPTCHA after a few wrong passwords; ExaDesk sends a rejected password only once.",
            fields=(
                Field("username", "User name", role="user", hint="the Jira user name (not the display name)",
                      example="exalate-proxy", pattern=r"[^\s:]+"),
                Field("password", "Password", secret=True, hint="the password of that user"),
            ),
            steps=(
                Step("Use the user name the proxy user signs in with (Administration, User management shows it)."),
                Step("Sign in once in the browser with it to make sure the password works and no CAPTCHA is pending.",
                     link="{url}/login.jsp", link_label="Open Jira's sign-in page"),
                Step("If your Jira has turned off Basic authentication, or the account signs in only through single "
                     "sign-on, use a personal access token instead."),
            ),
        ),
    ),
    requirements=(
        *(_perm(key, name, title) for key, name, title in _ALWAYS),
        *(_perm(key, name, title, frozenset({opt})) for key, name, title, opt in _CONDITIONAL),
        Requirement("search_issues", "Proxy user can search for issues (triggers)",
                    "Triggers find issues with a JQL search: give the proxy user Browse Projects in the projects "
                    "listed and check that the project keys are right.", when=frozenset({"triggers"})),
        Requirement("service_desk_agent", "Proxy user is a service desk agent",
                    "Add the proxy user to the Service Desk Team role of each service project (Project settings, "
                    "People) and give it a Jira Service Management licence (Administration, Applications, "
                    "Application access). Without an agent licence it cannot transition, edit or post public "
                    "comments.", when=frozenset({"service_desk"})),
        Requirement(_jira.SECURITY_KEY, _jira.SECURITY_TITLE, _jira.SECURITY_FIX),
        Requirement("admin_account", "Proxy user is not a system administrator's personal account",
                    "Use a dedicated integration account (for example 'exalate-proxy') as proxy user: changes made by "
                    "the proxy user are not synchronised, so a person's own edits would stop syncing. With Jira "
                    "Service Management, requests an agent raises 'on behalf of' a customer through an admin proxy "
                    "user never sync."),
    ),
    admin_requirements=_jira.admin_requirements("Administration, System, Global permissions",
                                                "Administration, User management, Groups"),
    messages={
        "captcha": Message(ErrorKind.AUTH,
                           "Jira now asks for a CAPTCHA for this account because of earlier failed sign-ins, so it "
                           "refuses every password sent through the API.",
                           "Sign in once in the browser at {login_url} and answer the CAPTCHA, then verify again. "
                           "ExaDesk will not send this password again in this run. Prefer a personal access token: "
                           "tokens are not blocked by the CAPTCHA."),
        "auth_denied": Message(ErrorKind.AUTH,
                               "Jira denied this sign-in (X-Seraph-LoginReason: AUTHENTICATION_DENIED).",
                               "Sign in once in the browser at {login_url} to see why (CAPTCHA, locked or inactive "
                               "account), then verify again. Prefer a personal access token."),
        "pat_as_password": Message(ErrorKind.AUTH,
                                   "Jira rejected the password. It looks like a personal access token, and Jira "
                                   "accepts tokens only as Bearer tokens, not as a password.",
                                   "Choose the 'Personal access token' sign-in method and paste the token there."),
        "pat_unsupported": Message(ErrorKind.AUTH,
                                   "Jira rejected the token, and this Jira is version {version}: personal access "
                                   "tokens exist only from Jira 8.14 on.",
                                   "Use the user name + password method, or upgrade Jira."),
        "pat_rejected": Message(ErrorKind.AUTH,
                                "Jira rejected the personal access token.",
                                "Check that you copied the whole token, that it has not expired or been revoked "
                                "(Profile, Personal Access Tokens), and that it was created by the proxy user "
                                "itself."),
    },
)


API = "/rest/api/2"


def api_base(url: str) -> str:
    """Jira serves its REST API under the address people open, including any context path (/jira)."""
    return url.rstrip("/")


def _diagnoser(method: str, password: str):
    looks_like_pat = method == "password" and re.fullmatch(_PAT_SHAPE, password or "") is not None

    def diagnose(reply: Reply, client) -> object:
        """Jira's own sign-in signals: the CAPTCHA headers (on 403, and on 200 for some versions), a PAT as Basic."""
        denied = reply.headers.get("X-Authentication-Denied-Reason", "")
        seraph = reply.headers.get("X-Seraph-LoginReason", "")
        login = _login_url(denied) or client.page.login_url
        if "CAPTCHA_CHALLENGE" in denied.upper():
            return _problem("captcha", login_url=login)
        if "AUTHENTICATION_DENIED" in seraph.upper():
            return _problem("auth_denied", login_url=login)
        if reply.status == 401 and looks_like_pat:
            return _problem("pat_as_password")
        return None

    return diagnose


def _login_url(denied: str) -> str:
    # "CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp"
    match = re.search(r"login-url=(\S+)", denied)
    return match.group(1).rstrip(";,") if match else ""


def _problem(reason: str, **params):
    return messages.problem(f"jira_onprem.{reason}", tracker=SPEC.name, **params)


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text or "")[:3])


def _identify(ctx, client, anonymous, params: dict | None = None):
    """GET myself; a rejected PAT is explained with the server's version (read anonymously)."""
    try:
        return client.get_json("/rest/api/2/myself", params=params, expect=dict)
    except CheckError as exc:
        if exc.kind is not ErrorKind.AUTH or ctx.method.id != "pat" or exc.problem.reason.startswith("jira_onprem."):
            raise
        try:
            info = anonymous.get("/rest/api/2/serverInfo", allow=(401, 403, 404), auth=False).json_or_none()
        except CheckError:
            info = None  # the version only sharpens the message
        version = str(info.get("version") or "") if isinstance(info, dict) else ""
        numbers = info.get("versionNumbers") if isinstance(info, dict) else None
        parts = tuple(numbers) if isinstance(numbers, list) and numbers else _version(version)
        if parts and parts < PAT_SINCE:
            raise CheckError(_problem("pat_unsupported", version=version or ".".join(map(str, parts)))) from None
        raise CheckError(_problem("pat_rejected")) from None


def _clients(ctx):
    target = ctx.target
    method = ctx.method.id
    base = api_base(target.url)
    if method == "password":
        auth = BasicAuth(target.value("username"), target.secrets.get("password"))
    else:
        auth = BearerAuth(target.secrets.get("token"))
    client = ctx.client(base, auth, login_url=f"{base}/login.jsp",
                        diagnose=_diagnoser(method, target.secrets.get("password")))
    return client, ctx.client(base, None, login_url=f"{base}/login.jsp")


def _me(ctx, client, anonymous, params: dict | None = None) -> dict:
    me = _identify(ctx, client, anonymous, params)
    login = str(me.get("name") or "")
    ctx.identity = Identity(name=str(me.get("displayName") or login), login=login, id=str(me.get("key") or ""),
                            kind="user")
    return me


def _sign_in_admin(ctx):
    """The one probe for the planner: GET myself with the person's groups (Server / Data Center honours
    expand=groups as Cloud does: UserBean's "groups")."""
    client, anonymous = _clients(ctx)
    return client, _me(ctx, client, anonymous, params={"expand": "groups"})


#: The planner's admin facts for the person whose credential this is (no project admin needed on-premise).
verify_admin = adapter(_sign_in_admin, functools.partial(
    _jira.gather_admin, flavour=_jira.AdminFlavour(API, global_keys=("ADMINISTER", "SYSTEM_ADMIN"),
                                                   ask_permissions=False)),
    _jira.ADMIN_JUDGES)


# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------


def _sign_in(ctx):
    """The one probe (GET myself); the client for the reads that follow."""
    client, anonymous = _clients(ctx)
    _me(ctx, client, anonymous)
    return client


@dataclass(frozen=True)
class Desks:
    """Jira Service Management's answer: its service desks by project key, and the agent-only queue reads."""

    installed: bool
    by_project: dict[str, str] = field(default_factory=dict)  # project key -> service desk id
    not_agent: tuple[str, ...] = ()  # projects in scope whose queues answered other than 200


@dataclass(frozen=True)
class Facts:
    """What Jira said about the proxy user, its projects, and the site's permission schemes."""

    who: str
    global_perms: dict[str, bool]  # GET mypermissions without a project: SYSTEM_ADMIN lives here
    missing: tuple[str, ...]  # keys in scope the proxy user does not see (one finding: check the key)
    projects: tuple[str, ...]  # keys in scope the proxy user sees, in scope order
    have: dict[str, dict[str, bool] | None]  # mypermissions per project in `projects`; None: not answered
    exposure: _jira.Exposure  # every visible project, judged by its permission scheme
    search_failing: tuple[str, ...] | None = None  # projects a JQL search cannot see; None: not searched
    desks: Desks | None = None  # None: service desk syncing is off, or nothing is in scope


def _my_permissions(client, key: str):
    return client.get(f"{API}/mypermissions", params={"projectKey": key}, allow=(400, 404))


def _gather(ctx, client) -> Facts:
    scope = list(dict.fromkeys(ctx.target.scope))
    desk = ctx.applies("service_desk_agent")
    # Every read that needs nothing but the scope goes at once after the probe: Jira Server / Data Center answers
    # one project per mypermissions request (its REST reference, GET /rest/api/2/mypermissions, takes one
    # projectKey; there is no bulk permission check as on Cloud), so those reads overlap the site-wide ones.
    global_perms, visible, schemes, desk_reply, *mine = ctx.gather([
        lambda: _have(client.get_json(f"{API}/mypermissions", expect=dict)),
        lambda: client.get_json(f"{API}/project", expect=list),
        lambda: _jira.Schemes(client, API),
        lambda: client.get("/rest/servicedeskapi/servicedesk", params={"limit": 100}, allow=(404,)) if desk else None,
        *(lambda key=key: _my_permissions(client, key) for key in scope),
    ])
    mine = dict(zip(scope, mine))
    keys = [str(p.get("key")) for p in visible if isinstance(p, dict) and p.get("key")]
    projects = tuple(key for key in ctx.target.scope if key in keys)
    have = {key: _have(client.decode(mine[key], dict)) if mine[key].status == 200 else None for key in projects}
    # What needs the visible projects: the schemes of each (only when the site's schemes differ), the search and
    # the service desks' agent-only queues, concurrently.
    exposure, search_failing, desks = ctx.gather([
        lambda: schemes.public_exposure(ctx, keys),
        lambda: _search(ctx, client, list(projects)) if ctx.applies("search_issues") and projects else None,
        lambda: _desks(ctx, client, desk_reply, list(projects)) if desk_reply is not None else None,
    ])
    return Facts(who=ctx.identity.label(), global_perms=global_perms,
                 missing=tuple(key for key in scope if key not in keys), projects=projects, have=have,
                 exposure=exposure, search_failing=search_failing, desks=desks)


def _have(data: dict) -> dict[str, bool]:
    perms = data.get("permissions") if isinstance(data.get("permissions"), dict) else {}
    return {str(k): bool(v.get("havePermission")) for k, v in perms.items() if isinstance(v, dict)}


def _search(ctx, client, projects: list[str]) -> tuple[str, ...]:
    """The projects a JQL search by the proxy user cannot see: one search for all, one each only to name them."""
    def search(keys: list[str]):
        # Jira answers 400 ("does not exist for the field 'project'") when the user cannot see a project.
        jql = "project in (" + ", ".join(f'"{key}"' for key in keys) + ")"
        return client.get(f"{API}/search", params={"jql": jql, "maxResults": 0, "fields": "key"}, allow=(400,))

    together = search(projects)
    if together.status == 200:
        client.decode(together, dict)
        return ()
    failing = []
    for key, reply in zip(projects, ctx.gather(lambda key=key: search([key]) for key in projects)):
        if reply.status != 200:
            failing.append(key)
        else:
            client.decode(reply, dict)
    return tuple(failing)


def _desks(ctx, client, reply, projects: list[str]) -> Desks:
    # Jira Service Management serves /rest/servicedeskapi; 404 there means it is not installed.
    if reply.status == 404:
        return Desks(installed=False)
    page = client.decode(reply, dict)
    desks = {str(d.get("projectKey")): str(d.get("id")) for d in page.get("values") or [] if isinstance(d, dict)}
    in_scope = [p for p in projects if p in desks]
    # Queues are shown to agents only: 403 for customers and unlicensed users.
    queues = ctx.gather(lambda key=key: client.get(f"/rest/servicedeskapi/servicedesk/{desks[key]}/queue",
                                                   allow=(403, 404), headers={"X-ExperimentalApi": "opt-in"})
                        for key in in_scope)
    return Desks(installed=True, by_project=desks,
                 not_agent=tuple(key for key, queue in zip(in_scope, queues) if queue.status != 200))


JUDGES = Judges()


def _permission(ctx, facts: Facts, *, perm: str):
    """One project permission over the projects in scope; the first also reports the keys that do not exist."""
    if perm == PROJECT_PERMISSIONS[0] and facts.missing:
        yield ctx.scope_missing(facts.missing)
    if not facts.projects:
        why = ctx.say("perm.no_scope") if not ctx.target.scope else ctx.say("perm.none_exists")
        yield ctx.unknown(perm, why, fix=ctx.say("scope.add_keys"))
        return
    hidden = [p for p, perms in facts.have.items() if perms is None]
    missing_perm = [p for p, perms in facts.have.items() if perms is not None and perm in perms and not perms[perm]]
    unsent = [p for p, perms in facts.have.items() if perms is not None and perm not in perms]
    lacking = missing_perm + [ctx.say("perm.hidden", project=p) for p in hidden]
    if lacking:
        yield ctx.failed(perm, ctx.say("perm.lacks", who=facts.who, projects=_jira.join_limited(ctx, lacking)))
    elif unsent:  # not sent: never a fail
        yield ctx.not_sent(perm, perm, ctx.say("perm.where", projects=_jira.join_limited(ctx, unsent)))
    else:
        yield ctx.passed(perm, ctx.say("perm.has", who=facts.who,
                                       projects=_jira.join_limited(ctx, list(facts.projects))))


for _key in PROJECT_PERMISSIONS:
    JUDGES.add(_key, functools.partial(_permission, perm=_key))


@JUDGES("search_issues")
def _search_issues(ctx, facts: Facts):
    if not facts.projects:
        return ctx.unknown("search_issues", ctx.say("search.no_scope"), fix=ctx.say("scope.add_keys"))
    if facts.search_failing:
        return ctx.failed("search_issues", ctx.say("search.cannot_see", who=facts.who,
                                                   projects=", ".join(facts.search_failing)))
    return ctx.passed("search_issues", ctx.say("search.can", who=facts.who, projects=", ".join(facts.projects)))


@JUDGES("service_desk_agent")
def _service_desk_agent(ctx, facts: Facts):
    desks = facts.desks
    if desks is None:  # not read: nothing in scope (service desk syncing is on, or this judge would not run)
        desks = Desks(installed=True)
    if not desks.installed:
        return ctx.failed("service_desk_agent", ctx.say("desk.not_installed"), fix=ctx.say("desk.not_installed_fix"))
    in_scope = [p for p in facts.projects if p in desks.by_project]
    if not in_scope:
        shown = ", ".join(facts.projects) or ctx.say("desk.none")
        return ctx.unknown("service_desk_agent", ctx.say("desk.none_in_scope", shown=shown, who=facts.who),
                           fix=ctx.say("desk.none_in_scope_fix"))
    others = [p for p in facts.projects if p not in desks.by_project]
    note = ctx.say("desk.others", projects=", ".join(others)) if others else ""
    if desks.not_agent:
        return ctx.failed("service_desk_agent", ctx.say("desk.not_agent", who=facts.who,
                                                        projects=", ".join(desks.not_agent), note=note))
    return ctx.passed("service_desk_agent", ctx.say("desk.agent", who=facts.who, projects=", ".join(in_scope),
                                                    note=note))


@JUDGES(_jira.SECURITY_KEY)
def _public_projects_only(ctx, facts: Facts):
    return _jira.security_result(ctx, facts.exposure, facts.who)


@JUDGES("admin_account")
def _admin_account(ctx, facts: Facts):
    # Global context: the system-administrator flag is the sign of a person's own top-level account.
    if "SYSTEM_ADMIN" not in facts.global_perms:  # not sent: never a pass, nor a fail
        return ctx.not_sent("admin_account", "SYSTEM_ADMIN", f"GET {API}/mypermissions")
    if facts.global_perms["SYSTEM_ADMIN"]:
        extra = ctx.say("admin_account.desk_synced") if "service_desk" in ctx.target.sync else ""
        return ctx.warned("admin_account", ctx.say("admin_account.sysadmin", who=facts.who, extra=extra))
    return ctx.passed("admin_account", ctx.say("admin_account.not_sysadmin", who=facts.who))


verify_live = adapter(_sign_in, _gather, JUDGES)


# -- fixes (exadesk fix): the service desk agent and project permissions (exadesk/trackers/_jira_onprem_fixes.py) --


def fix_client(ctx):
    """The administrator's client for fixes (the fix module makes it writable; verification never sees it)."""
    return _clients(ctx)[0]


FIXES = agent_and_permission_fixes(fix_client, {key: name for key, name, *_ in (*_ALWAYS, *_CONDITIONAL)})
#: Why the other requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md).
NOT_FIXABLE = {
    **_jira.NOT_FIXABLE,
    "search_issues": "the search follows Browse Projects, which its own fix grants; what is left when it fails is a "
                     "wrong project key or a search the server refuses, not a missing grant.",
    "admin_account": "replacing a system administrator's own account with a dedicated proxy user is a person's "
                     "choice; ExaDesk's fixes never take rights away.",
}


register(SPEC, sys.modules[__name__])
