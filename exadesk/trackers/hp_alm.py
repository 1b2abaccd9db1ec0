"""HP ALM/QC (OpenText ALM, formerly Micro Focus), an admin user and password; support ended in November 2024.

Written from the ALM REST API reference:
https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/Authenticate_LWSSO.html
(POST /qcbin/authentication-point/alm-authenticate with <alm-authentication><user/><password/>; LWSSO_COOKIE_KEY)
https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/sessions.html
(POST and DELETE /qcbin/rest/site-session: QCSession, XSRF-TOKEN cookies)
https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/is_authenticated.htm (GET /qcbin/rest/is-authenticated)
https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/domains.htm
(GET /qcbin/rest/domains?include-projects-info=y)
https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/customization_entity_fields.htm
(GET /qcbin/rest/domains/{domain}/projects/{project}/customization/entities/{entity}/fields)
https://admhelp.microfocus.com/alm/api_refs/REST_core/Content/REST_API_Core/REST/users_by_name.html
(GET /qcbin/rest/domains/{domain}/projects/{project}/customization/users/{user}?show-user-groups-names=true: a
project user with its group names, readable by a project member. The User schema documents Name, FullName,
email, phone, UserActive; the element holding the group names is not in the schema we found, so GroupName,
group-name and Group elements are all read, and a reply without any is "not confirmed")
https://admhelp.microfocus.com/alm/api_refs/site_admin_rest/Content/SA_REST_API/ (Site Administration REST API
under /qcbin/v2/sa/api/, site administrators only: a 403 means the user is not one)
https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/Logout.html (GET /qcbin/authentication-point/logout)
https://admhelp.microfocus.com/alm/en/26.1/online_help/Content/api_rest_api_reference_core.htm
"""

from __future__ import annotations

import hashlib
import sys
import xml.etree.ElementTree as ET
from datetime import date
from html import escape  # same &, <, > escaping as xml.sax.saxutils, without importing urllib.request and ssl
from urllib.parse import quote, urlsplit

from exadesk.foundation import messages
from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.verification.adapter import Judges
from exadesk.verification.http import Auth, DeclaredRead, Reply
from exadesk.verification.notices import Notice
from exadesk.verification.registry import register
from exadesk.verification.spec import AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec, origin

RETIRED = ("Support for HP ALM/QC ended in November 2024 (only basic maintenance was given before that). ExaDesk "
           "still checks an existing setup, but plan a move to a supported tracker.")
XML = {"Accept": "application/xml"}

NOTICES = (
    Notice("hp_alm_retired", "hp_alm", "HP ALM/QC support has ended",
           "Support for the HP ALM/QC integration ended in November 2024.",
           "Keep existing setups running only as long as needed and plan a move to a supported tracker.",
           date(2024, 11, 30)),
)

#: ALM's sign-in and its site session (opened and closed): they create a session, never tracker data.
NON_GET_READS = (
    DeclaredRead("POST", "/authentication-point/alm-authenticate",
                 "https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/Authenticate_LWSSO.html"),
    DeclaredRead("POST", "/rest/site-session",
                 "https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/sessions.html"),
    DeclaredRead("DELETE", "/rest/site-session",
                 "https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/sessions.html"),
)

#: Every sentence this adapter writes in a check (exadesk.foundation.strings).
TEXTS = {
    "none": "none",
    "session.refused_login": "ALM rejected the log-in of {user}.",
    "session.not_kept": "{user} logged in, but ALM did not keep a site session.",
    "session.opened": "Logged in as {name} and opened a site session.",
    "site.not_admin": " {user} is not a site administrator (Site Administration answered 403), so it sees only the "
                      "projects it is a member of and cannot be shown to see every project: add it to each new "
                      "project that syncs.",
    "site.admin": " {user} is a site administrator (Site Administration answers it).",
    "projects.missing": "{user} does not see: {missing} (sees {count} projects).{site}",
    "projects.all": "{user} sees every project in scope: {projects}.{site}",
    "fields.count": "{project} ({count} user fields)",
    "fields.hidden": "The field configuration is hidden from {user} in: {projects}.",
    "fields.none_visible": "None of the projects in scope is visible to this user.",
    "fields.read": "Reads the defect field configuration of {projects}.",
    "tdadmin.groups_of": "{project} (groups: {groups})",
    "tdadmin.lacking": "{user} is not in TDAdmin in: {projects}.",
    "tdadmin.group_names": "the user's group names",
    "tdadmin.where": "GET customization/users/{user}?show-user-groups-names=true",
    "tdadmin.own_record": "its own project user record in {projects}",
    "tdadmin.none_visible": "None of the projects in scope is visible to this user, so its groups there are unknown.",
    "tdadmin.admin": "{user} is in TDAdmin in {projects}.",
}

SPEC = TrackerSpec(
    non_get_reads=NON_GET_READS,
    texts=TEXTS,
    catalogue_order=110,
    notices=NOTICES,
    id="hp_alm",
    name="HP ALM/QC",
    docs_url="https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/RESTAPI_Fwk_Title.htm",
    summary="Retired: support ended in November 2024. Checks an existing ALM/QC setup with the admin user's login.",
    retired=RETIRED,
    url=UrlSpec(example="https://alm.example.com/qcbin",
                hint="the ALM server address ending in /qcbin, as you open it in a browser",
                pattern=r"https://[A-Za-z0-9.-]+(:\d{1,5})?/qcbin(/.*)?", site=r"[^/?#@\s]+/qcbin",
                self_hosted=True),
    scope=ScopeSpec(label="Projects", example="DEFAULT/Sync_Project",
                    hint="DOMAIN/PROJECT, for example DEFAULT/Sync_Project",
                    pattern=r"[A-Za-z0-9_ .-]+/[A-Za-z0-9_ .-]+", noun="project", entry="DOMAIN/PROJECT",
                    required=True),
    sync_options=("comments", "attachments"),
    auth_methods=(
        AuthMethod(
            id="password",
            label="Admin user + password",
            description="The ALM/QC administrator the integration signs in as. The password is used to open an ALM "
                        "session and is closed again (logged out) after the check.",
            fields=(
                Field("username", "User name", role="user", pattern=r"[^\s:<>&]{1,60}",
                      hint="the ALM user name (not an email), without spaces", example="alm_admin"),
                Field("password", "Password", secret=True, hint="the ALM password of that user"),
            ),
            steps=(
                Step("Note first: support for HP ALM/QC ended in November 2024. ExaDesk keeps checking an existing "
                     "setup, but no new features or fixes come for it."),
                Step("Use the ALM administrator account the integration already signs in with (the console log-in "
                     "of the integration).", link="{url}/", link_label="Open ALM"),
                Step("Make sure that user can open Site Administration and is in the TDAdmin group of every project "
                     "that syncs.", link="{url}/SiteAdmin.jsp", link_label="Open Site Administration"),
                Step("Enter the user name and password here; ExaDesk logs in, reads, and logs out again."),
            ),
        ),
    ),
    requirements=(
        Requirement("site_session", "The admin user can log in and open an ALM session",
                    "Check the user name and password by signing in to ALM in a browser; make sure the account is "
                    "active in Site Administration, Site Users."),
        Requirement("all_projects", "The admin user sees every project that syncs",
                    "Add the user to each project: Site Administration, Site Projects, open the project, Project "
                    "Users, Add user, and put it in the TDAdmin group."),
        Requirement("user_fields", "The admin user can read the projects' user field configuration",
                    "Put the user in the project's TDAdmin group (Site Administration, Site Projects, the project, "
                    "Project Users), which can read and customise project fields."),
        # Read live from the user's group names in each project; the steps serve when ALM does not show them.
        Requirement("TDAdmin", "The user has administrative permissions in each project",
                    "Put the user in the TDAdmin group of each project (Site Administration, Site Projects, the "
                    "project, Project Users).",
                    steps=("Open Site Administration (/qcbin/SiteAdmin.jsp) as a site administrator.",
                           "Open Site Projects, choose each synced project, then Project Users.",
                           "Confirm the integration's user is listed and ticked in the TDAdmin column.")),
    ),
    # An administrator's own credential is not verified live for ALM (no verify_admin): confirmed by hand.
    admin_requirements={
        "system_admin": Requirement(
            "admin.site_admin", "Administrator is an ALM site administrator",
            "A site administrator adds the person in Site Administration, Site Users, and ticks them as a site "
            "administrator (Site Administrators tab).", manual=True,
            steps=("Open Site Administration (/qcbin/SiteAdmin.jsp) and sign in as the person.",
                   "If Site Administration opens, they are a site administrator; if it refuses, they are not.")),
        "project_admin": Requirement(
            "admin.TDAdmin", "Administrator is in TDAdmin of each project in scope",
            "Put the person in the TDAdmin group of each project (Site Administration, Site Projects, the project, "
            "Project Users).", manual=True,
            steps=("Open Site Administration (/qcbin/SiteAdmin.jsp) as a site administrator.",
                   "Open Site Projects, choose each synced project, then Project Users.",
                   "Confirm the person is listed and ticked in the TDAdmin column.")),
    },
    messages={
        "session_missing": Message(
            ErrorKind.UNEXPECTED_RESPONSE,
            "ALM answered 'Browser based integrations - to login append ?login-form-required=y': the request reached "
            "ALM without a site session, although the log-in worked.",
            "A proxy or load balancer in front of ALM probably drops the session cookies (LWSSO_COOKIE_KEY, "
            "QCSession) or sends requests to another server: ask the ALM administrator to pass cookies through and "
            "keep sessions sticky, then verify again."),
        "license": Message(
            ErrorKind.FORBIDDEN, "ALM refused to open a session: no license is free for this user right now.",
            "Close other ALM sessions of this user (Site Administration, Site Connections) or wait, then verify "
            "again."),
    },
)


class _AlmLogin(Auth):
    """The log-in credential: sent in the XML body, so no header; fingerprinted for the one-probe rule."""

    def __init__(self, user: str, password: str):
        self._user, self._password = user, password

    def headers(self) -> dict[str, str]:
        return {}

    def fingerprint(self) -> str:
        return hashlib.sha256(f"alm\0{self._user}\0{self._password}".encode()).hexdigest()

    def body(self) -> bytes:
        return (f"<alm-authentication><user>{escape(self._user, quote=False)}</user>"
                f"<password>{escape(self._password, quote=False)}</password></alm-authentication>").encode()


def api_base(url: str) -> str:
    """The /qcbin root of the server: kept when typed, added when not, a page after it dropped."""
    parts = urlsplit(url)
    path = parts.path
    cut = path.lower().find("/qcbin")
    root = path[:cut] if cut >= 0 else path.rstrip("/")
    return f"{origin(parts)}{root}/qcbin"


def diagnose(reply: Reply, client):
    """ALM's own signals: the missing site-session 401 and the license refusal."""
    path = urlsplit(reply.url).path
    if reply.status == 401 and "/rest/" in path and "login-form-required" in reply.text:
        return messages.problem("hp_alm.session_missing", tracker=SPEC.name)
    if reply.status == 403 and "/rest/site-session" in path and "license" in reply.text.lower():
        return messages.problem("hp_alm.license", tracker=SPEC.name)
    return None


def _xml(reply: Reply, client) -> ET.Element:
    head = reply.body[:2048].lower()
    if b"<!doctype" in head or b"<!entity" in head:  # no entity tricks in a data reply
        raise CheckError(messages.problem("http.wrong_shape", tracker=SPEC.name, url=client.base_url,
                                          what="an XML document type declaration"))
    try:
        return ET.fromstring(reply.body)
    except ET.ParseError:
        raise CheckError(messages.problem("http.invalid_json", tracker=SPEC.name, url=client.base_url)) from None


# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------


@dataclass(frozen=True)
class Session:
    """An open ALM site session and what the sign-in read with it."""

    client: object
    user: str  # as typed
    name: str  # as ALM knows it (is-authenticated)
    visible: dict[str, str]  # "domain/project" lower-cased -> as ALM spells it
    site_admin: int  # Site Administration's answer: 200 (a site administrator), 403 (not one), 404 (no such API)


@dataclass(frozen=True)
class Facts:
    """What ALM said about the user and each project in scope it sees."""

    session: Session
    scope: tuple[str, ...]  # never empty: the scope is required (engine.validate)
    user_fields: dict[str, int | None]  # project in scope it sees -> user-defined defect fields; None: refused
    groups: dict[str, list[str] | None]  # project (as ALM spells it) -> group names; None: none sent
    groups_hidden: tuple[str, ...]  # projects whose user record this user may not read

    @property
    def missing(self) -> list[str]:
        return [p for p in self.scope if p.lower() not in self.session.visible]


def _log_in(ctx, client) -> None:
    """The one probe: ALM's log-in with the user and password in the body."""
    user = ctx.target.value("username")
    login = _AlmLogin(user, ctx.target.secrets.get("password"))
    client.request("POST", "/authentication-point/alm-authenticate", data=login.body(), auth=login,
                   headers={"Content-Type": "application/xml", **XML})


def _sign_in(ctx, client) -> Session:
    """Open the site session, then read who is signed in, the projects and Site Administration's answer at once
    (the project list needs the site session, so it proves the session step worked)."""
    client.request("POST", "/rest/site-session", headers=XML, allow=(200, 201))
    info, domains, site = ctx.gather([
        lambda: _xml(client.get("/rest/is-authenticated", headers=XML), client),
        lambda: _xml(client.get("/rest/domains", params={"include-projects-info": "y"}, headers=XML), client),
        # Site Administration answers site administrators only (403 for others; 404 before ALM 12.60).
        lambda: client.get("/v2/sa/api/domains", headers=XML, allow=(403, 404)).status,
    ])
    user = ctx.target.value("username")
    name = (info.findtext("Username") or user).strip()
    ctx.identity = Identity(name=name, login=name, kind="ALM user")
    visible = {f"{d.get('Name')}/{p.get('Name')}".lower(): f"{d.get('Name')}/{p.get('Name')}"
               for d in domains.iter("Domain") for p in d.iter("Project")}
    return Session(client, user, name, visible, site)


def _gather(ctx, session: Session) -> Facts:
    client = session.client
    scope = tuple(ctx.target.scope)
    seen = [session.visible[p.lower()] for p in scope if p.lower() in session.visible]

    def fields_of(project: str):
        return client.get(f"{_project_path(project)}/customization/entities/defect/fields", headers=XML,
                          allow=(401, 403))

    def user_in(project: str):  # the user's own project user record, with its groups (a project member may read it)
        return client.get(f"{_project_path(project)}/customization/users/{quote(session.user, safe='')}",
                          params={"show-user-groups-names": "true"}, headers=XML, allow=(403, 404))

    # ALM reads one project's fields and one project's user record a request (its REST API has no cross-project
    # read of either): all of them at once.
    replies = ctx.gather([*(lambda p=p: fields_of(p) for p in seen), *(lambda p=p: user_in(p) for p in seen)])
    fields = dict(zip(seen, replies[:len(seen)]))
    users = dict(zip(seen, replies[len(seen):]))
    user_fields = {p: _user_defined(_xml(fields[session.visible[p.lower()]], client))
                   if fields[session.visible[p.lower()]].status == 200 else None
                   for p in scope if p.lower() in session.visible}
    groups = {p: _group_names(_xml(reply, client)) for p, reply in users.items() if reply.status == 200}
    return Facts(session, scope, user_fields, groups, tuple(p for p, r in users.items() if r.status != 200))


def _user_defined(fields: ET.Element) -> int:
    return len([f for f in fields.iter("Field")
                if (f.get("PhysicalName") or "").upper().split("_", 1)[-1].startswith("USER_")])


JUDGES = Judges()


@JUDGES("site_session")
def _site_session(ctx, facts: Facts):
    return ctx.passed("site_session", ctx.say("session.opened", name=facts.session.name))


def _site_sentence(ctx, session: Session) -> str:
    """What Site Administration says about the user: a 403 means no site administrator, who sees only the projects
    it is a member of; a 404 is a server without the Site Administration REST API (before ALM 12.60)."""
    if session.site_admin == 403:
        return ctx.say("site.not_admin", user=session.user)
    if session.site_admin == 200:
        return ctx.say("site.admin", user=session.user)
    return ""


@JUDGES("all_projects")
def _all_projects(ctx, facts: Facts):
    site, user = _site_sentence(ctx, facts.session), facts.session.user
    if facts.missing:
        return ctx.failed("all_projects", ctx.say("projects.missing", user=user, missing=", ".join(facts.missing),
                                                  count=len(facts.session.visible), site=site))
    return ctx.passed("all_projects", ctx.say("projects.all", user=user, projects=", ".join(facts.scope), site=site))


@JUDGES("user_fields")
def _user_fields(ctx, facts: Facts):
    hidden = [p for p, count in facts.user_fields.items() if count is None]
    counts = [ctx.say("fields.count", project=p, count=count) for p, count in facts.user_fields.items()
              if count is not None]
    if hidden:
        return ctx.failed("user_fields", ctx.say("fields.hidden", user=facts.session.user, projects=", ".join(hidden)))
    if facts.missing and not counts:
        return ctx.unknown("user_fields", ctx.say("fields.none_visible"))
    return ctx.passed("user_fields", ctx.say("fields.read", projects=", ".join(counts)))


def _group_names(user: ET.Element) -> list[str] | None:
    """The group names in a project user reply; None when the reply carries none of the group elements."""
    found = [e for e in user.iter() if e.tag.lower() in ("groupname", "group-name", "group")]
    if not found:
        return None
    names = [(e.get("Name") or e.get("name") or e.text or "").strip() for e in found]
    return [n for n in names if n]


@JUDGES("TDAdmin")
def _tdadmin(ctx, facts: Facts):
    """TDAdmin from the user's own group names in each visible project in scope."""
    user = facts.session.user
    admin_in = [p for p, groups in facts.groups.items() if groups and any(g.lower() == "tdadmin" for g in groups)]
    lacking = [ctx.say("tdadmin.groups_of", project=p, groups=", ".join(groups) or ctx.say("none"))
               for p, groups in facts.groups.items() if groups is not None and p not in admin_in]
    steps = " ".join(f"{i}. {s}" for i, s in enumerate(SPEC.requirement("TDAdmin").steps, 1))
    if lacking:
        return ctx.failed("TDAdmin", ctx.say("tdadmin.lacking", user=user, projects="; ".join(lacking)))
    if any(groups is None for groups in facts.groups.values()):
        return ctx.not_sent("TDAdmin", ctx.say("tdadmin.group_names"), ctx.say("tdadmin.where", user=user))
    if facts.groups_hidden:
        return ctx.denied("TDAdmin", ctx.say("tdadmin.own_record", projects=", ".join(facts.groups_hidden)), steps)
    if not admin_in:
        return ctx.unknown("TDAdmin", ctx.say("tdadmin.none_visible"))
    return ctx.passed("TDAdmin", ctx.say("tdadmin.admin", user=user, projects=", ".join(admin_in)))


def verify_live(ctx):
    """The three steps inside ALM's site session, which holds a licence: it is closed (logged out) once the facts
    are read, whatever happened, and before the judging."""
    client = ctx.client(api_base(ctx.target.url), None, login_url=ctx.target.url, diagnose=diagnose)
    user = ctx.target.value("username")
    try:
        _log_in(ctx, client)
    except CheckError as exc:
        if exc.kind is ErrorKind.AUTH:
            yield ctx.failed("site_session", ctx.say("session.refused_login", user=user))
        raise
    try:
        try:
            session = _sign_in(ctx, client)
        except CheckError as exc:
            if exc.problem.reason in ("hp_alm.session_missing", "hp_alm.license"):
                yield ctx.failed("site_session", ctx.say("session.not_kept", user=user))
            raise
        facts = _gather(ctx, session)
    finally:
        _logout(client)
    yield from JUDGES.judge(ctx, facts)


verify_live.judges = JUDGES


def _project_path(project: str) -> str:
    domain, _, name = project.partition("/")
    return f"/rest/domains/{quote(domain, safe='')}/projects/{quote(name, safe='')}"


def _logout(client) -> None:
    """Close the site session (frees the ALM license) and the log-in; a failure here changes no result."""
    for method, path in (("DELETE", "/rest/site-session"), ("GET", "/authentication-point/logout")):
        try:
            client.request(method, path, headers=XML, retry=False, allow=(200, 201, 204, 401))
        except CheckError:
            pass


#: Why no requirement has a fix (scripts/fix_table.py shows them in docs/fixes.md): HP ALM/QC is retired, and ExaDesk
#: declares no FIXES for it.
_RETIRED_NO_FIX = ("HP ALM/QC is retired (support ended in November 2024): ExaDesk declares no fixes for it, so a site "
                   "administrator makes the change in Site Administration.")
NOT_FIXABLE = {req.key: _RETIRED_NO_FIX for req in SPEC.requirements if not req.manual}


register(SPEC, sys.modules[__name__])
