"""Emulator of the HP ALM/QC REST API (OpenText ALM 12.x-25.x), from the ALM REST API reference.

Session-based: POST /qcbin/authentication-point/alm-authenticate (XML user + password) sets LWSSO_COOKIE_KEY;
POST /qcbin/rest/site-session sets QCSession and XSRF-TOKEN; a /rest call without them gets 401 "Authentication
failed. Browser based integrations - to login append '?login-form-required=y' to the url you tried to access."
GET /qcbin/rest/is-authenticated, GET /qcbin/rest/domains?include-projects-info=y,
GET .../customization/entities/{entity}/fields, GET .../customization/users/{user}?show-user-groups-names=true
(the User schema: Name and FullName attributes, email, phone, UserActive; with the parameter, the user's group
names), the Site Administration REST API under /qcbin/v2/sa/api/ (site administrators only: others get 403),
DELETE /qcbin/rest/site-session, GET /qcbin/authentication-point/logout. Replies are XML, ALM's default.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as ET
from typing import TypedDict
from xml.sax.saxutils import quoteattr

from exadesk.sandbox.kit import DemoLogin, Emulator, Request, Response, Scenario, route

DEMO_USER = "alm_admin"
DEMO_PASSWORD = "Demo-Alm-Sbx-Pass-7Q"
BROWSER_401 = ("Authentication failed. Browser based integrations - to login append '?login-form-required=y' to the "
               "url you tried to access.")


def _xml(body: str, status: int = 200, **headers: str) -> Response:
    return Response(status, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + body,
                    {k.replace("_", "-"): v for k, v in headers.items()}, "application/xml")


class HpAlmUser(TypedDict, total=False):
    password: str
    projects: list[str]  # DOMAIN/Project the user may sign in to
    admin_of: list[str]  # DOMAIN/Project where the user is in TDAdmin
    groups: dict[str, list[str]]  # DOMAIN/Project -> the user's groups there, where they differ from admin_of
    site_admin: bool  # may use Site Administration


class HpAlmScenario(Scenario, total=False):
    """The HP ALM/QC emulator's state."""

    users: dict[str, HpAlmUser]  # user name -> the user
    domains: dict[str, list[str]]  # domain -> its projects
    drop_session_cookie: bool  # a proxy strips the QCSession cookie
    licenses_free: bool  # a licence is free for the session
    groups_sent: bool  # False: the user reply leaves the group names out


class HpAlmEmulator(Emulator):
    """Scenario keys: ``users`` (name -> password, projects, admin_of projects, groups {project: names} where
    they differ from TDAdmin in admin_of and Viewer elsewhere, site_admin), ``domains`` (domain -> projects),
    ``drop_session_cookie`` (a proxy strips QCSession), ``licenses_free``, ``groups_sent`` (False: a server that
    leaves the group names out of the user reply)."""

    tracker = "hp_alm"
    scenario_type = HpAlmScenario
    demo_secrets = {"password": DEMO_PASSWORD}
    demo_login = DemoLogin(user=DEMO_USER, scope=("DEFAULT/Sync_Project",))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.logins: dict[str, str] = {}  # LWSSO token -> user
        self.sessions: dict[str, str] = {}  # QCSession -> user
        self.logged_out = 0

    def default_scenario(self) -> dict:
        return {
            "users": {DEMO_USER: {"password": DEMO_PASSWORD, "projects": ["DEFAULT/Sync_Project", "DEFAULT/Legacy"],
                                  "admin_of": ["DEFAULT/Sync_Project", "DEFAULT/Legacy"]}},
            "domains": {"DEFAULT": ["Sync_Project", "Legacy"], "FINANCE": ["Ledger"]},
            "drop_session_cookie": False,
            "licenses_free": True,
            "groups_sent": True,
        }

    def error(self, status: int, request: Request) -> Response:
        if status == 401:
            return Response(401, BROWSER_401, {"WWW-Authenticate": "LWSSO realm=\"http://127.0.0.1/qcbin/authentication-point\""},
                            "text/plain")
        titles = {403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error"}
        return _xml(f"<QCRestException><Id>qccore.general-error</Id><Title>{titles.get(status, 'Error')}</Title>"
                    "<StackTrace/></QCRestException>", status)

    # -- session helpers -----------------------------------------------------------

    def _cookies(self, request: Request) -> dict[str, str]:
        out = {}
        for part in request.headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name:
                out[name] = value
        return out

    def _logged_in(self, request: Request) -> str | None:
        return self.logins.get(self._cookies(request).get("LWSSO_COOKIE_KEY", ""))

    def _session_user(self, request: Request) -> str | None:
        user = self._logged_in(request)
        session = self._cookies(request).get("QCSession", "")
        return user if user and self.sessions.get(session) == user else None

    # -- authentication point -------------------------------------------------------

    @route("POST", "/qcbin/authentication-point/alm-authenticate")
    def authenticate(self, request: Request) -> Response:
        try:
            root = ET.fromstring(request.body or b"<x/>")
        except ET.ParseError:
            return self.error(401, request)
        user, password = (root.findtext("user") or ""), (root.findtext("password") or "")
        info = self.scenario["users"].get(user)
        if root.tag != "alm-authentication" or not info or info["password"] != password:
            return Response(401, "Authentication failed.", {}, "text/plain")
        token = secrets.token_hex(16)
        self.logins[token] = user
        return Response(200, b"", {"Set-Cookie": f"LWSSO_COOKIE_KEY={token}; Path=/; HttpOnly"}, "text/plain")

    @route("GET", "/qcbin/authentication-point/logout")
    def logout(self, request: Request) -> Response:
        self.logins.pop(self._cookies(request).get("LWSSO_COOKIE_KEY", ""), None)
        self.logged_out += 1
        return Response(200, b"", {"Set-Cookie": "LWSSO_COOKIE_KEY=; Path=/; Max-Age=0"}, "text/plain")

    # -- rest ------------------------------------------------------------------------

    @route("POST", "/qcbin/rest/site-session")
    def open_session(self, request: Request) -> Response:
        user = self._logged_in(request)
        if not user:
            return self.error(401, request)
        if not self.scenario.get("licenses_free", True):
            return _xml("<QCRestException><Id>qccore.license-not-available</Id><Title>Failed to obtain a license: "
                        "all licenses are in use</Title></QCRestException>", 403)
        session = secrets.token_hex(12)
        self.sessions[session] = user
        cookies = [f"XSRF-TOKEN={secrets.token_hex(8)}; Path=/", f"ALM_USER={user}; Path=/"]
        if not self.scenario.get("drop_session_cookie"):
            cookies.insert(0, f"QCSession={session}; Path=/; HttpOnly")
        response = Response(201, b"", {"Set-Cookie": cookies}, "text/plain")
        return response

    @route("DELETE", "/qcbin/rest/site-session")
    def close_session(self, request: Request) -> Response:
        self.sessions.pop(self._cookies(request).get("QCSession", ""), None)
        return Response(200, b"", {}, "text/plain")

    @route("GET", "/qcbin/rest/is-authenticated")
    def is_authenticated(self, request: Request) -> Response:
        user = self._logged_in(request)
        if not user:
            return self.error(401, request)
        return _xml(f"<AuthenticationInfo><Username>{user}</Username></AuthenticationInfo>")

    @route("GET", "/qcbin/rest/domains")
    def domains(self, request: Request) -> Response:
        user = self._session_user(request)
        if not user:
            return self.error(401, request)
        member = {p.lower() for p in self.scenario["users"][user]["projects"]}
        parts = []
        for domain, projects in self.scenario["domains"].items():
            mine = [p for p in projects if f"{domain}/{p}".lower() in member]
            if not mine:
                continue
            inner = "".join(f"<Project Name={quoteattr(p)}/>" for p in mine) \
                if request.param("include-projects-info") == "y" else ""
            parts.append(f"<Domain Name={quoteattr(domain)}><Projects>{inner}</Projects></Domain>")
        return _xml(f"<Domains>{''.join(parts)}</Domains>")

    @route("GET", "/qcbin/rest/domains/{domain}/projects/{project}/customization/entities/{entity}/fields")
    def fields(self, request: Request, domain: str, project: str, entity: str) -> Response:
        user = self._session_user(request)
        if not user:
            return self.error(401, request)
        key = f"{domain}/{project}".lower()
        if key not in {p.lower() for p in self.scenario["users"][user].get("admin_of", [])}:
            return self.error(403, request)
        return _xml("<Fields>"
                    "<Field PhysicalName=\"BG_BUG_ID\" Name=\"id\" Label=\"Defect ID\"><System>true</System></Field>"
                    "<Field PhysicalName=\"BG_SUMMARY\" Name=\"name\" Label=\"Summary\"><System>true</System></Field>"
                    "<Field PhysicalName=\"BG_USER_01\" Name=\"user-01\" Label=\"Sync ID\"><System>false</System>"
                    "</Field>"
                    "<Field PhysicalName=\"BG_USER_02\" Name=\"user-02\" Label=\"Remote status\"><System>false"
                    "</System></Field></Fields>")


    def _member(self, user: str, domain: str, project: str) -> bool:
        return f"{domain}/{project}".lower() in {p.lower() for p in self.scenario["users"][user]["projects"]}

    def _groups(self, user: str, key: str) -> list[str]:
        info = self.scenario["users"][user]
        explicit = {k.lower(): v for k, v in (info.get("groups") or {}).items()}
        if key.lower() in explicit:
            return list(explicit[key.lower()])
        return ["TDAdmin"] if key.lower() in {p.lower() for p in info.get("admin_of", [])} else ["Viewer"]

    @route("GET", "/qcbin/rest/domains/{domain}/projects/{project}/customization/users/{name}")
    def project_user(self, request: Request, domain: str, project: str, name: str) -> Response:
        """A project member may read a project user; the group names come with show-user-groups-names=true."""
        user = self._session_user(request)
        if not user:
            return self.error(401, request)
        if not self._member(user, domain, project):
            return self.error(403, request)
        if name not in self.scenario["users"] or not self._member(name, domain, project):
            return self.error(404, request)
        groups = ""
        if request.param("show-user-groups-names") == "true" and self.scenario.get("groups_sent", True):
            names = "".join(f"<GroupName>{g}</GroupName>" for g in self._groups(name, f"{domain}/{project}"))
            groups = f"<GroupNames>{names}</GroupNames>"
        return _xml(f"<User Name={quoteattr(name)} FullName={quoteattr(name)}><description/><email/><phone/>"
                    f"<UserActive>Y</UserActive>{groups}</User>")

    @route("GET", "/qcbin/v2/sa/api/domains")
    def site_admin_domains(self, request: Request) -> Response:
        """Site Administration: every domain and project, for site administrators only (others: 403)."""
        user = self._session_user(request)
        if not user:
            return self.error(401, request)
        if not self.scenario["users"][user].get("site_admin"):
            return self.error(403, request)
        parts = "".join(f"<domain><name>{d}</name><projects>"
                        + "".join(f"<project><name>{p}</name></project>" for p in projects)
                        + "</projects></domain>" for d, projects in self.scenario["domains"].items())
        return _xml(f"<domains>{parts}</domains>")


EMULATOR = HpAlmEmulator
