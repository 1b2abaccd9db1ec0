"""Emulator of the Jira Cloud platform REST API (/rest/api/3) with an installed Connect app.

From Atlassian's documentation (swagger-v3.v3.json and the REST reference): Basic email:api_token (a password
gets 401 "Basic authentication with passwords is deprecated"), scoped tokens only through
/ex/jira/{cloudId} (as api.atlassian.com serves them), GET /_edge/tenant_info (anonymous, the cloud id),
myself, mypermissions (400 without ``permissions``), user/search (the app user: accountType "app"),
user/groups, project/search (``keys`` and ``id`` filters), project/{key}/role and role/{id} (actors),
project/{key}/permissionscheme, permissionscheme (every scheme), POST permissions/check (Get bulk permissions: what
an account may do in many projects), issuesecurityschemes/project (which project uses which issue security scheme)
and issuesecurityschemes/{id} (its levels); the writes of exadesk fix: group/user, project role actors, and
permissionscheme/{id}/permission (Create permission grant, Delete permission scheme grant).
"""

from __future__ import annotations

from exadesk.sandbox import _jira
from exadesk.sandbox.kit import DemoLogin, Emulator, Request, Response, Scenario, json_response, route

DEMO_EMAIL = "site-admin@example.com"
DEMO_TOKEN = "ATATT3xFfGF0DemoSandboxTokenForExaDesk0nly0ab12cd34ef56gh78ij90=A1B2C3D4"
DEMO_SCOPED = "ATATT3xFfGF0ScopedDemoTokenForExaDeskSandbox0only0zz99yy88xx77=E5F6A7B8"
APP_ACCOUNT = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"
ADMIN_ACCOUNT = "5b10a2844c20165700ede21g"
CLOUD_ID = "f1e2d3c4-b5a6-4789-8abc-0123456789ab"
PASSWORD_DEPRECATED = ("Basic authentication with passwords is deprecated.  For more information, see: "
                       "https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/")
ROLE_ADMINS, ROLE_ADDONS = "10002", "10003"
GROUP_IDS = {"atlassian-addons": "0a1b", "atlassian-addons-admin": "1b2c", "jira-core-users": "2c3d",
             "jira-servicedesk-users": "3d4e", "jira-software-users": "4e5f", "hr-staff": "5f6a",
             "jira-administrators": "6a7b"}
ROLE_GRANTS = ("ADMINISTER_PROJECTS", "BROWSE_PROJECTS", "MANAGE_SPRINTS_PERMISSION", "SERVICEDESK_AGENT",
               "VIEW_DEV_TOOLS")


class JiraCloudScenario(Scenario, total=False):
    """The Jira Cloud emulator's state."""

    cloud_id: str
    admin: dict  # the signed-in person: email, token, password, displayName, administer, groups, ...
    people: dict[str, dict]  # more accounts by account id
    more_users: int  # extra made-up accounts in the user search (paging)
    groups: list[str]
    scoped_tokens: list[str]  # API tokens with scopes (they go through api.atlassian.com)
    app_user: dict  # the integration's app account: present, active, displayName, groups
    addons_role_deleted: bool  # the atlassian-addons-project-access role no longer exists
    projects: dict[str, dict]  # key -> id, name, scheme, role_members, security_scheme
    security_schemes: dict[str, dict]  # id -> name, levels
    schemes: dict[str, dict]  # permission scheme id -> name, revoked, grants


class JiraCloudEmulator(Emulator):
    """Scenario keys: ``admin`` (email, token, password, ``administer``, ``groups``, ``project_admin``: project
    keys, ``browse_users``), ``people`` (more accounts by email, same shape plus ``accountId``), ``groups`` (the
    site's group names), ``scoped_tokens``, ``app_user``
    (``present``, ``active``, ``groups``), ``more_users`` (ordinary accounts listed by Get all users before the app),
    ``projects`` (key -> ``scheme``, ``role_members``), ``schemes``
    (id -> ``name``, ``grants``, ``revoked``: role grants removed), ``security_schemes`` (id -> levels and
    their members), ``addons_role_deleted``; an account's ``site_admin`` (default: ``administer``) lets it change
    group membership."""

    tracker = "jira_cloud"
    scenario_type = JiraCloudScenario
    demo_secrets = {"api_token": DEMO_TOKEN}
    demo_login = DemoLogin(user=DEMO_EMAIL, scope=("SUP",))

    def default_scenario(self) -> dict:
        return {
            "cloud_id": CLOUD_ID,
            "admin": {"email": DEMO_EMAIL, "token": DEMO_TOKEN, "password": "Sandbox-Admin-Password-1",
                      "displayName": "Site Admin", "administer": True, "groups": ["jira-administrators"],
                      "project_admin": [], "browse_users": True},
            "people": {},
            "groups": sorted(GROUP_IDS),
            "scoped_tokens": [DEMO_SCOPED],
            # App accounts have no e-mail address (Atlassian's profile visibility: accountType "app").
            "app_user": {"present": True, "active": True, "displayName": "Exalate",
                         "groups": ["atlassian-addons", "atlassian-addons-admin", "jira-core-users",
                                    "jira-servicedesk-users", "jira-software-users"]},
            "projects": {
                "SUP": {"id": "10000", "name": "Support", "scheme": "10000", "role_members": [APP_ACCOUNT],
                        "security_scheme": "10200"},
                "DEV": {"id": "10001", "name": "Development", "scheme": "10000", "role_members": [APP_ACCOUNT]},
            },
            "security_schemes": {
                "10200": {"name": "Support security", "levels": {
                    "10021": {"name": "Staff only", "members": [
                        {"type": "group", "parameter": "support-staff"},
                        {"type": "projectRole", "parameter": ROLE_ADDONS}]},
                    "10022": {"name": "Reporter only", "members": [
                        {"type": "reporter"}, {"type": "projectRole", "parameter": ROLE_ADDONS}]},
                }},
            },
            "schemes": {
                # Atlassian's default scheme as the seed shows it: the role plus "Any logged in user".
                "10000": {"name": "Default software scheme", "revoked": [], "grants": [
                    {"permission": "BROWSE_PROJECTS", "type": "applicationRole"},
                    {"permission": "MANAGE_SPRINTS_PERMISSION", "type": "applicationRole"},
                    {"permission": "ADMINISTER_PROJECTS", "type": "projectRole", "parameter": ROLE_ADMINS},
                ]},
                "10100": {"name": "Private HR scheme", "revoked": [], "grants": [
                    {"permission": "BROWSE_PROJECTS", "type": "group", "parameter": "hr-staff"},
                ]},
            },
        }

    # -- helpers -------------------------------------------------------------------

    def error(self, status: int, request: Request) -> Response:
        return _jira.error(status, request)

    def _caller(self, request: Request) -> dict:
        """The account a Basic header names (the site admin, or one of ``people``); {} when none."""
        basic = request.basic()
        if basic is None:
            return {}
        admin = self.scenario["admin"]
        if basic[0] == admin["email"]:
            return {"accountId": ADMIN_ACCOUNT, **admin}
        person = self.scenario.get("people", {}).get(basic[0])
        return {"email": basic[0], **person} if person else {}

    def _auth(self, request: Request, cloud: str | None) -> Response | None:
        """None when the caller is a known account with its token; otherwise Jira's refusal."""
        basic = request.basic()
        admin = self._caller(request)
        if basic is None or not admin:
            return self.error(401, request)
        secret = basic[1]
        if secret == admin.get("password"):
            return Response(401, PASSWORD_DEPRECATED, {}, "text/plain;charset=UTF-8")
        if secret in self.scenario.get("scoped_tokens", []):
            # Scoped tokens only work through the API gateway path with the site's cloud id.
            return None if cloud == self.scenario["cloud_id"] else self.error(401, request)
        if secret != admin["token"]:
            return self.error(401, request)
        if cloud is not None and cloud != self.scenario["cloud_id"]:
            return self.error(404, request)
        return None

    def _app(self) -> dict | None:
        app = self.scenario["app_user"]
        if not app.get("present", True):
            return None
        body = {"self": f"{self.url}/rest/api/3/user?accountId={APP_ACCOUNT}", "accountId": APP_ACCOUNT,
                "accountType": "app", "displayName": app["displayName"], "active": app.get("active", True),
                "avatarUrls": {"48x48": f"{self.url}/avatar/app.png"}, "timeZone": "Etc/UTC", "locale": "en_US"}
        if app.get("emailAddress"):
            body["emailAddress"] = app["emailAddress"]
        return body

    def _scheme(self, scheme_id: str) -> dict:
        scheme = dict(self.scenario["schemes"][scheme_id])
        scheme["grants"] = self._grants_of(scheme)
        return _jira.scheme_body(self.url, "/rest/api/3", scheme_id, scheme, cloud=True)

    @staticmethod
    def _grants_of(scheme: dict) -> list[dict]:
        """The scheme's own grants plus the role's grants Jira makes on install (unless ``revoked``)."""
        grants = list(scheme.get("grants", []))
        for permission in ROLE_GRANTS:
            if permission not in scheme.get("revoked", []):
                grants.append({"permission": permission, "type": "projectRole", "parameter": ROLE_ADDONS})
        return grants

    def _editable_scheme(self, scheme_id: str) -> dict | None:
        """The stored scheme with the install-time role grants written out, so a write sees what a read showed."""
        scheme = self.scenario["schemes"].get(scheme_id)
        if scheme is not None:
            scheme["grants"] = [dict(grant, id=n) for n, grant in
                                _jira.numbered(scheme_id, {"grants": self._grants_of(scheme)})]
            scheme["revoked"] = list(ROLE_GRANTS)
        return scheme

    # -- routes (the site, and the gateway form /ex/jira/{cloud}) -----------------------

    @route("GET", "/_edge/tenant_info")
    def tenant_info(self, request: Request) -> Response:
        return json_response({"cloudId": self.scenario["cloud_id"]})

    @route("GET", "/rest/api/3/myself")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/myself")
    def myself(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        admin = self._caller(request)
        account = admin["accountId"]
        body = {"self": f"{self.url}/rest/api/3/user?accountId={account}", "accountId": account,
                "accountType": "atlassian", "active": True, "displayName": admin["displayName"],
                "emailAddress": admin["email"], "timeZone": "Europe/Brussels", "locale": "en_GB",
                "avatarUrls": {"48x48": f"{self.url}/avatar/admin.png"}}
        if "groups" in request.param("expand").split(","):
            mine = [g for g in admin.get("groups", []) if g in self.scenario.get("groups", [])]
            body["groups"] = {"size": len(mine), "items": [
                {"name": g, "groupId": GROUP_IDS.get(g, "9f9f"),
                 "self": f"{self.url}/rest/api/3/group?groupId={GROUP_IDS.get(g, '9f9f')}"} for g in mine]}
        return json_response(body)

    @route("GET", "/rest/api/3/mypermissions")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/mypermissions")
    def mypermissions(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        wanted = [p for p in request.param("permissions").split(",") if p]
        if not wanted:
            return json_response({"errorMessages": ["The 'permissions' query parameter is required."], "errors": {}},
                                 400)
        caller = self._caller(request)
        administer = bool(caller.get("administer"))
        have = {"ADMINISTER": administer, "USER_PICKER": administer or bool(caller.get("browse_users"))}
        key = request.param("projectKey")
        if key:
            if key not in self.scenario["projects"]:
                return _jira.error(404, request, f"No project could be found with key '{key}'.")
            # Jira administrators may administer every project.
            have = {"ADMINISTER_PROJECTS": administer or key in caller.get("project_admin", []),
                    "BROWSE_PROJECTS": True}
        return json_response({"permissions": {p: {"id": str(n), "key": p, "name": p.replace("_", " ").title(),
                                                  "type": "GLOBAL", "description": "", "havePermission":
                                                      have.get(p, False)}
                                              for n, p in enumerate(wanted, start=1)}})

    @route("GET", "/rest/api/3/groups/picker")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/groups/picker")
    def groups_picker(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        caller = self._caller(request)
        query = request.param("query").lower()
        # Documented: without Browse users and groups the list is empty, not an error.
        allowed = caller.get("administer") or caller.get("browse_users")
        found = [g for g in self.scenario.get("groups", []) if allowed and query in g.lower()]
        found = found[:int(request.param("maxResults") or 20)]
        return json_response({"header": f"Showing {len(found)} of {len(found)} matching groups", "total": len(found),
                              "groups": [{"name": g, "html": g, "groupId": GROUP_IDS.get(g, "9f9f"), "labels": []}
                                         for g in found]})

    @route("GET", "/rest/api/3/user/search")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/user/search")
    def user_search(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        query = request.param("query").lower()
        app = self._app()
        found = []
        # "Returns a list of active users that match the search string": an inactive account is never found here.
        if app and app["active"] and query and (app["displayName"].lower().startswith(query)
                                                or app.get("emailAddress", "").lower().startswith(query)):
            found.append(app)
        return json_response(found)

    @route("GET", "/rest/api/3/users/search")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/users/search")
    def all_users(self, request: Request, cloud: str | None = None) -> Response:
        """Get all users: "active users, inactive users and previously deleted users", a bare paged array."""
        denied = self._auth(request, cloud)
        if denied:
            return denied
        if not self.scenario["admin"].get("browse_users", True):
            return self.error(403, request)
        admin = self.scenario["admin"]
        users = [{"self": f"{self.url}/rest/api/3/user?accountId={ADMIN_ACCOUNT}", "accountId": ADMIN_ACCOUNT,
                  "accountType": "atlassian", "displayName": admin["displayName"], "active": True}]
        users += [{"self": f"{self.url}/rest/api/3/user?accountId={p['accountId']}", "accountId": p["accountId"],
                   "accountType": "atlassian", "displayName": p.get("displayName", email), "active": True}
                  for email, p in self.scenario.get("people", {}).items() if p.get("accountId")]
        users += [{"self": f"{self.url}/rest/api/3/user?accountId=5b10ac8d82e05b22cc7d{i:04d}",
                   "accountId": f"5b10ac8d82e05b22cc7d{i:04d}", "accountType": "atlassian",
                   "displayName": f"Person {i}", "active": i % 7 != 0} for i in range(self.scenario.get("more_users", 0))]
        app = self._app()
        if app:
            users.append(app)
        start, size = int(request.param("startAt") or 0), min(int(request.param("maxResults") or 50), 1000)
        return json_response(users[start:start + size])

    @route("GET", "/rest/api/3/user/groups")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/user/groups")
    def user_groups(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        if request.param("accountId") != APP_ACCOUNT or not self._app():
            return self.error(404, request)
        return json_response([{"name": g, "groupId": GROUP_IDS.get(g, "9f9f"),
                               "self": f"{self.url}/rest/api/3/group?groupId={GROUP_IDS.get(g, '9f9f')}"}
                              for g in self.scenario["app_user"]["groups"]])

    @route("GET", "/rest/api/3/project/search")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/project/search")
    def project_search(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        start, size = int(request.param("startAt") or 0), int(request.param("maxResults") or 50)
        items = list(self.scenario["projects"].items())
        keys, ids = request.query.get("keys", [])[:50], request.query.get("id", [])[:50]  # documented: up to 50 each
        if keys or ids:
            items = [(key, p) for key, p in items if key in keys or p["id"] in ids]
        page = items[start:start + size]
        values = [{"self": f"{self.url}/rest/api/3/project/{p['id']}", "id": p["id"], "key": key, "name": p["name"],
                   "projectTypeKey": "software", "simplified": False, "style": "classic", "isPrivate": False}
                  for key, p in page]
        return json_response({"self": f"{self.url}/rest/api/3/project/search?startAt={start}", "startAt": start,
                              "maxResults": size, "total": len(items), "isLast": start + size >= len(items),
                              "values": values})

    @route("GET", "/rest/api/3/permissionscheme")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/permissionscheme")
    def permission_schemes(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        if not self._caller(request).get("administer"):
            return self.error(403, request)
        return json_response({"permissionSchemes": [self._scheme(sid) for sid in self.scenario["schemes"]]})

    def _app_holds(self, project: dict, permission: str) -> bool:
        """Whether the app user holds ``permission`` in ``project``, through any grant of its scheme."""
        app = self.scenario["app_user"]
        if not app.get("present", True) or app.get("active", True) is False:
            return False
        for grant in self._scheme(project["scheme"])["permissions"]:
            if grant["permission"] != permission:
                continue
            holder = grant["holder"]
            kind, param = holder["type"], holder.get("parameter", "")
            if kind in ("anyone", "applicationRole") or (kind == "group" and param in app.get("groups", [])) \
                    or (kind == "user" and param == APP_ACCOUNT):
                return True
            if kind == "projectRole" and param == ROLE_ADDONS and not self.scenario.get("addons_role_deleted") \
                    and APP_ACCOUNT in project.get("role_members", []):
                return True
        return False

    @route("POST", "/rest/api/3/permissions/check")
    @route("POST", "/ex/jira/{cloud}/rest/api/3/permissions/check")
    def bulk_permissions(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        body = request.json()
        if not isinstance(body, dict):
            return self.error(400, request)
        caller = self._caller(request)
        account = body.get("accountId") or caller["accountId"]
        if account != caller["accountId"] and not caller.get("administer"):
            return self.error(403, request)  # documented: other users' permissions take Administer Jira
        by_id = {p["id"]: p for p in self.scenario["projects"].values()}
        out = []
        for ask in body.get("projectPermissions") or []:
            asked = [str(n) for n in ask.get("projects") or [] if n is not None][:1000]
            for permission in ask.get("permissions") or []:
                if not permission:
                    continue
                granted = [int(pid) for pid in asked if pid in by_id and account == APP_ACCOUNT
                           and self._app_holds(by_id[pid], permission)]  # invalid ids are ignored, as documented
                out.append({"permission": permission, "projects": granted, "issues": []})
        return json_response({"globalPermissions": [], "projectPermissions": out})

    @route("GET", "/rest/api/3/issuesecurityschemes/project")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/issuesecurityschemes/project")
    def security_scheme_projects(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        if not self._caller(request).get("administer"):
            return self.error(403, request)
        ids, schemes = set(request.query.get("projectId", [])), set(request.query.get("issueSecuritySchemeId", []))
        values = [{"issueSecuritySchemeId": p["security_scheme"], "projectId": p["id"]}
                  for p in self.scenario["projects"].values() if p.get("security_scheme")
                  and (not ids or p["id"] in ids) and (not schemes or p["security_scheme"] in schemes)]
        start, size = int(request.param("startAt") or 0), int(request.param("maxResults") or 50)
        return json_response({"startAt": start, "maxResults": size, "total": len(values),
                              "isLast": start + size >= len(values), "values": values[start:start + size]})

    @route("GET", "/rest/api/3/issuesecurityschemes/{sid}")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/issuesecurityschemes/{sid}")
    def security_scheme(self, request: Request, sid: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        scheme = self.scenario.get("security_schemes", {}).get(sid)
        if scheme is None:
            return self.error(404, request)
        levels = [{"id": lid, "name": level["name"], "description": level.get("description", ""),
                   "self": f"{self.url}/rest/api/3/securitylevel/{lid}"} for lid, level in scheme["levels"].items()]
        return json_response({"id": int(sid), "name": scheme["name"], "description": "",
                              "self": f"{self.url}/rest/api/3/issuesecurityschemes/{sid}", "levels": levels})

    @route("GET", "/rest/api/3/project/{key}/role")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/project/{key}/role")
    def project_roles(self, request: Request, key: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        if key not in self.scenario["projects"]:
            return self.error(404, request)
        caller = self._caller(request)
        if not (caller.get("administer") or caller.get("project_admin")):  # Administer Projects in any project
            return self.error(401, request)  # documented: 401 when the caller lacks administrative permissions
        roles = {"Administrators": ROLE_ADMINS}
        if not self.scenario.get("addons_role_deleted"):
            roles["atlassian-addons-project-access"] = ROLE_ADDONS
        return json_response({name: f"{self.url}/rest/api/3/project/{key}/role/{rid}" for name, rid in roles.items()})

    @route("GET", "/rest/api/3/project/{key}/role/{rid}")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/project/{key}/role/{rid}")
    def project_role(self, request: Request, key: str, rid: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        project = self.scenario["projects"].get(key)
        if project is None or rid not in (ROLE_ADMINS, ROLE_ADDONS):
            return self.error(404, request)
        members = project.get("role_members", []) if rid == ROLE_ADDONS else [ADMIN_ACCOUNT]
        actors = [{"id": n, "displayName": "Exalate" if m == APP_ACCOUNT else "Site Admin", "type":
                   "atlassian-user-role-actor", "actorUser": {"accountId": m}} for n, m in enumerate(members, 1)]
        name = "atlassian-addons-project-access" if rid == ROLE_ADDONS else "Administrators"
        return json_response({"self": f"{self.url}/rest/api/3/project/{key}/role/{rid}", "name": name,
                              "id": int(rid), "description": f"{name} role", "actors": actors})

    @route("GET", "/rest/api/3/project/{key}/issuesecuritylevelscheme")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/project/{key}/issuesecuritylevelscheme")
    def issue_security_scheme(self, request: Request, key: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        project = self.scenario["projects"].get(key)
        scheme_id = (project or {}).get("security_scheme")
        if not scheme_id:
            return self.error(404, request)
        scheme = self.scenario["security_schemes"][scheme_id]
        levels = [{"id": lid, "name": level["name"], "description": level.get("description", ""),
                   "self": f"{self.url}/rest/api/3/securitylevel/{lid}"} for lid, level in scheme["levels"].items()]
        return json_response({"id": int(scheme_id), "name": scheme["name"], "description": "",
                              "self": f"{self.url}/rest/api/3/issuesecurityschemes/{scheme_id}", "levels": levels})

    @route("GET", "/rest/api/3/issuesecurityschemes/level/member")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/issuesecurityschemes/level/member")
    def security_level_members(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        if not self._caller(request).get("administer"):
            return self.error(403, request)
        wanted = set(request.query.get("schemeId", []))
        values = []
        for scheme_id, scheme in self.scenario.get("security_schemes", {}).items():
            if wanted and scheme_id not in wanted:
                continue
            for lid, level in scheme["levels"].items():
                for n, holder in enumerate(level.get("members", []), start=1):
                    entry = {"type": holder["type"]}
                    if holder.get("parameter"):
                        entry.update(parameter=holder["parameter"], value=holder["parameter"])
                    values.append({"id": f"{lid}{n}", "issueSecurityLevelId": lid, "issueSecuritySchemeId": scheme_id,
                                   "holder": entry})
        start, size = int(request.param("startAt") or 0), int(request.param("maxResults") or 50)
        page = values[start:start + size]
        return json_response({"startAt": start, "maxResults": size, "total": len(values),
                              "isLast": start + size >= len(values), "values": page})

    @route("GET", "/rest/api/3/project/{key}/permissionscheme")
    @route("GET", "/ex/jira/{cloud}/rest/api/3/project/{key}/permissionscheme")
    def permission_scheme(self, request: Request, key: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        project = self.scenario["projects"].get(key)
        if project is None:
            return self.error(404, request)
        if not self._role_admin(request, key):  # documented: Administer Jira, or Administer Projects there
            return self.error(403, request)
        return json_response(self._scheme(project["scheme"]))

    # -- writes an administrator makes (exadesk fix) ------------------------------------------
    # Add/Remove user to/from group need "Site administration (that is, member of the site-admin group)": the
    # caller's ``site_admin`` (default: whether it administers Jira); others get 403. Project role actors need
    # Administer Projects in the project or Administer Jira; others get 401 ("lacks administrative permissions").

    def _site_admin(self, request: Request) -> bool:
        caller = self._caller(request)
        return bool(caller.get("site_admin", caller.get("administer")))

    @route("POST", "/rest/api/3/group/user")
    @route("POST", "/ex/jira/{cloud}/rest/api/3/group/user")
    def add_to_group(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        group, body = request.param("groupname"), request.json()
        account = body.get("accountId") if isinstance(body, dict) else None
        if not group or not account:
            return _jira.error(400, request, "You must specify a group name and an account ID.")
        if not self._site_admin(request):
            return _jira.error(403, request, "You do not have permission to add users to groups.")
        if group not in self.scenario.get("groups", []) or account != APP_ACCOUNT or not self._app():
            return _jira.error(404, request, f"The group '{group}' or the user does not exist.")
        groups = self.scenario["app_user"]["groups"]
        if group in groups:
            return _jira.error(400, request, f"Cannot add user. User is already a member of '{group}'.")
        groups.append(group)
        return json_response({"name": group, "groupId": GROUP_IDS.get(group, "9f9f"),
                              "self": f"{self.url}/rest/api/3/group?groupId={GROUP_IDS.get(group, '9f9f')}"}, 201)

    @route("DELETE", "/rest/api/3/group/user")
    @route("DELETE", "/ex/jira/{cloud}/rest/api/3/group/user")
    def remove_from_group(self, request: Request, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        group, account = request.param("groupname"), request.param("accountId")
        if not group or not account:
            return _jira.error(400, request, "You must specify a group name and an account ID.")
        if not self._site_admin(request):
            return _jira.error(403, request, "You do not have permission to remove users from groups.")
        groups = self.scenario["app_user"]["groups"]
        if account != APP_ACCOUNT or group not in groups:
            return _jira.error(404, request, f"The user is not a member of '{group}'.")
        groups.remove(group)
        return Response(200, None)

    def _role_admin(self, request: Request, key: str) -> bool:
        caller = self._caller(request)
        return bool(caller.get("administer")) or key in caller.get("project_admin", [])

    @route("POST", "/rest/api/3/project/{key}/role/{rid}")
    @route("POST", "/ex/jira/{cloud}/rest/api/3/project/{key}/role/{rid}")
    def add_role_actors(self, request: Request, key: str, rid: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        project = self.scenario["projects"].get(key)
        if project is None or rid != ROLE_ADDONS or self.scenario.get("addons_role_deleted"):
            return self.error(404, request)
        if not self._role_admin(request, key):
            return self.error(401, request)
        body = request.json()
        users = body.get("user") if isinstance(body, dict) else None
        if not isinstance(users, list) or not users:
            return _jira.error(400, request, "You must specify a user or a group.")
        if any(u != APP_ACCOUNT for u in users):
            return _jira.error(404, request, "The user does not exist or is not active.")
        members = project.setdefault("role_members", [])
        if APP_ACCOUNT not in members:
            members.append(APP_ACCOUNT)
        return self.project_role(request, key, rid, cloud)

    @route("DELETE", "/rest/api/3/project/{key}/role/{rid}")
    @route("DELETE", "/ex/jira/{cloud}/rest/api/3/project/{key}/role/{rid}")
    def delete_role_actors(self, request: Request, key: str, rid: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        project = self.scenario["projects"].get(key)
        if project is None or rid != ROLE_ADDONS or not self._role_admin(request, key):
            return self.error(404, request)  # documented: 404 also when the caller may not administer it
        user = request.param("user")
        members = project.setdefault("role_members", [])
        if not user or user not in members:
            return _jira.error(400, request, "The user is not an actor of this role.")
        members.remove(user)
        return Response(204, None)

    # Create permission grant and Delete permission scheme grant take Administer Jira (403 otherwise); an unknown
    # grant id is a 400, as documented.

    @route("POST", "/rest/api/3/permissionscheme/{sid}/permission")
    @route("POST", "/ex/jira/{cloud}/rest/api/3/permissionscheme/{sid}/permission")
    def create_permission_grant(self, request: Request, sid: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        if not self._caller(request).get("administer"):
            return self.error(403, request)
        scheme = self._editable_scheme(sid)
        if scheme is None:
            return self.error(404, request)
        return _jira.create_grant(request, self.url, "/rest/api/3", sid, scheme, cloud=True)

    @route("DELETE", "/rest/api/3/permissionscheme/{sid}/permission/{pid}")
    @route("DELETE", "/ex/jira/{cloud}/rest/api/3/permissionscheme/{sid}/permission/{pid}")
    def delete_permission_grant(self, request: Request, sid: str, pid: str, cloud: str | None = None) -> Response:
        denied = self._auth(request, cloud)
        if denied:
            return denied
        if not self._caller(request).get("administer"):
            return self.error(403, request)
        scheme = self._editable_scheme(sid)
        if scheme is None:
            return self.error(404, request)
        return _jira.delete_grant(request, sid, scheme, pid, missing=400)


EMULATOR = JiraCloudEmulator
