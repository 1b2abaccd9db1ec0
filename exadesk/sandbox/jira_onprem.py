"""Emulator of Jira Server / Data Center's REST API (/rest/api/2) and Jira Service Management's (/rest/servicedeskapi).

From Atlassian's documentation: Bearer personal access tokens (8.14+) and Basic user name + password;
after ``captcha_after`` failed Basic sign-ins Jira answers with X-Seraph-LoginReason: AUTHENTICATION_DENIED and
X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE; login-url=... (403, or 200 on some versions) until the
person signs in through the browser. GET myself, mypermissions (all permissions, optionally for a project),
project (a list), project/{key}/permissionscheme and permissionscheme (every scheme; administrators only), search,
serverInfo (anonymous); servicedeskapi/servicedesk and its queues (agents only).
"""

from __future__ import annotations

import re

from exadesk.sandbox import _jira
from exadesk.sandbox.kit import DemoLogin, Emulator, Request, Response, Scenario, json_response, route

DEMO_PAT = "NDU2OTk1NTY0ODk3OkRlbW9QYXRGb3JFeGFEZXNrU2J4MQ"[:44]
DEMO_PASSWORD = "sandbox-Demo-password-41"

#: Every project permission key of Jira Data Center the emulator reports (with its display name).
PERMISSIONS = {
    "BROWSE_PROJECTS": "Browse Projects", "CREATE_ISSUES": "Create Issues", "EDIT_ISSUES": "Edit Issues",
    "LINK_ISSUES": "Link Issues", "TRANSITION_ISSUES": "Transition Issues", "ADD_COMMENTS": "Add Comments",
    "EDIT_ALL_COMMENTS": "Edit All Comments", "DELETE_ALL_COMMENTS": "Delete All Comments",
    "CREATE_ATTACHMENTS": "Create Attachments", "DELETE_ALL_ATTACHMENTS": "Delete All Attachments",
    "WORK_ON_ISSUES": "Work On Issues", "EDIT_ALL_WORKLOGS": "Edit All Worklogs",
    "DELETE_ALL_WORKLOGS": "Delete All Worklogs", "SET_ISSUE_SECURITY": "Set Issue Security",
    "ADMINISTER_PROJECTS": "Administer Projects",
}
AGENT_GROUP, AGENT_ROLE, AGENT_ROLE_ID = "jira-servicedesk-users", "Service Desk Team", "10101"
DEVELOPERS_ROLE_ID = "10001"
GLOBAL = {"ADMINISTER": "Jira Administrators", "SYSTEM_ADMIN": "Jira System Administrators",
          "USER_PICKER": "Browse Users"}


class JiraOnPremScenario(Scenario, total=False):
    """The Jira on-premise emulator's state."""

    version: str  # Jira's version, as serverInfo sends it
    pats: bool  # personal access tokens exist (Jira 8.14 and later)
    user: dict  # the proxy user: name, key, password, pat, admin, system_admin, active, groups, ...
    people: dict[str, dict]  # more users by name
    groups: list[str]
    captcha_after: int  # failed sign-ins before Jira asks for a CAPTCHA
    captcha_status: int  # the status of that answer
    failed_logins: int  # failed sign-ins so far
    jsm: bool  # Jira Service Management is installed
    omit_permissions: list[str]  # permissions mypermissions leaves out
    projects: dict[str, dict]  # key -> id, name, scheme, denied, visible, service_desk, agent
    schemes: dict[str, dict]  # permission scheme id -> name, grants


class JiraOnPremEmulator(Emulator):
    """Scenario keys: ``user`` (the proxy user, its password and PAT, ``admin``/``system_admin``, ``groups``,
    ``project_admin``: project keys), ``people`` (more accounts by user name, same shape), ``groups`` (the
    server's group names), ``version``,
    ``pats`` (False: Jira before 8.14), ``captcha_after`` (failed Basic sign-ins before the CAPTCHA, None: never),
    ``captcha_status``, ``projects`` (key -> ``denied`` permission keys, ``scheme``, ``visible``,
    ``service_desk`` id, ``agent``, ``team``: user names in its Service Desk Team role), ``schemes``, ``jsm`` (Jira
    Service Management installed)."""

    tracker = "jira_onprem"
    scenario_type = JiraOnPremScenario
    demo_secrets = {"token": DEMO_PAT}
    demo_login = DemoLogin(scope=("SUP",))

    def default_scenario(self) -> dict:
        return {
            "version": "9.12.15",
            "pats": True,
            "user": {"name": "exalate-proxy", "key": "JIRAUSER10100", "displayName": "Exalate Proxy",
                     "emailAddress": "exalate-proxy@example.com", "password": DEMO_PASSWORD, "pat": DEMO_PAT,
                     "admin": True, "system_admin": False, "active": True, "groups": ["jira-software-users"],
                     "project_admin": []},
            "people": {},
            "groups": ["jira-administrators", "jira-software-users", "jira-servicedesk-users", "hr-staff"],
            "captcha_after": 3,
            "captcha_status": 403,
            "failed_logins": 0,
            "jsm": True,
            "projects": {
                "SUP": {"id": 10000, "name": "Support", "scheme": "10000", "denied": [], "visible": True,
                        "service_desk": 1, "agent": True},
                "DEV": {"id": 10001, "name": "Development", "scheme": "10000", "denied": [], "visible": True,
                        "service_desk": None, "agent": False},
            },
            "schemes": {
                "10000": {"name": "Default Permission Scheme", "grants": [
                    {"permission": "BROWSE_PROJECTS", "type": "applicationRole"},
                    {"permission": "CREATE_ISSUES", "type": "applicationRole"},
                    {"permission": "ADMINISTER_PROJECTS", "type": "projectRole", "parameter": "10002"},
                ]},
                "10100": {"name": "Restricted", "grants": [
                    {"permission": "BROWSE_PROJECTS", "type": "group", "parameter": "hr-staff"},
                    {"permission": "BROWSE_PROJECTS", "type": "user", "parameter": "exalate-proxy"},
                ]},
            },
        }

    # -- authentication ------------------------------------------------------------

    def error(self, status: int, request: Request) -> Response:
        return _jira.error(status, request)

    def _captcha(self) -> Response:
        status = int(self.scenario.get("captcha_status", 403))
        headers = {"X-Seraph-LoginReason": "AUTHENTICATION_DENIED",
                   "X-Authentication-Denied-Reason": f"CAPTCHA_CHALLENGE; login-url={self.url}/login.jsp"}
        if status == 200:  # some versions answer 200 with an empty body and only the headers say no
            return Response(200, b"", headers, "text/html;charset=UTF-8")
        return Response(status, b"", headers, "text/html;charset=UTF-8")

    def _user(self, request: Request) -> tuple[dict | None, Response | None]:
        """The signed-in user, or the reply Jira gives instead."""
        user = self.scenario["user"]
        people = {name: {"name": name, **info} for name, info in self.scenario.get("people", {}).items()}
        token = request.bearer()
        if token is not None:
            owner = next((u for u in (user, *people.values()) if token == u.get("pat")), None)
            if not self.scenario.get("pats", True) or owner is None:
                return None, self.error(401, request)
            return owner, None
        basic = request.basic()
        if basic is None:
            return None, self.error(401, request)
        if basic[0] in people:
            user = people[basic[0]]
        limit = self.scenario.get("captcha_after")
        with self._lock:
            if limit is not None and self.scenario["failed_logins"] >= limit:
                return None, self._captcha()
            if basic != (user["name"], user["password"]):
                self.scenario["failed_logins"] += 1
                response = self.error(401, request)
                response.headers["X-Seraph-LoginReason"] = "AUTHENTICATED_FAILED"
                return None, response
        return user, None

    def _project(self, key: str) -> dict | None:
        project = self.scenario["projects"].get(key)
        return project if project and project.get("visible", True) else None

    # -- /rest/api/2 ---------------------------------------------------------------

    @route("GET", "/rest/api/2/serverInfo")
    def server_info(self, request: Request) -> Response:
        version = self.scenario["version"]
        numbers = [int(p) for p in version.split(".")[:3]]
        return json_response({"baseUrl": self.url, "version": version, "versionNumbers": numbers,
                              "deploymentType": "DataCenter", "buildNumber": 9120015, "serverTitle": "Jira"})

    @route("GET", "/rest/api/2/myself")
    def myself(self, request: Request) -> Response:
        user, denied = self._user(request)
        if denied:
            return denied
        body = {"self": f"{self.url}/rest/api/2/user?username={user['name']}", "key": user["key"],
                "name": user["name"], "emailAddress": user["emailAddress"], "displayName": user["displayName"],
                "active": user.get("active", True), "deleted": False, "timeZone": "Europe/Brussels", "locale": "en_GB"}
        if "groups" in request.param("expand").split(","):
            mine = [g for g in user.get("groups", []) if g in self.scenario.get("groups", [])]
            body["groups"] = {"size": len(mine), "items": [{"name": g, "self": f"{self.url}/rest/api/2/group?"
                                                                                  f"groupname={g}"} for g in mine]}
        return json_response(body)

    @route("GET", "/rest/api/2/groups/picker")
    def groups_picker(self, request: Request) -> Response:
        user, denied = self._user(request)
        if denied:
            return denied
        query = request.param("query").lower()
        found = [g for g in self.scenario.get("groups", []) if query in g.lower()]
        found = found[:int(request.param("maxResults") or 20)]
        return json_response({"header": f"Showing {len(found)} of {len(found)} matching groups", "total": len(found),
                              "groups": [{"name": g, "html": g, "labels": []} for g in found]})

    @route("GET", "/rest/api/2/mypermissions")
    def mypermissions(self, request: Request) -> Response:
        user, denied = self._user(request)
        if denied:
            return denied
        key = request.param("projectKey")
        table = {}
        # Global permissions are the user's whatever the context: Jira answers "all permissions in the system and
        # whether the currently logged in user has them", a project given or not.
        held = {"USER_PICKER"} | ({"ADMINISTER"} if user.get("admin") else set()) | \
            ({"ADMINISTER", "SYSTEM_ADMIN"} if user.get("system_admin") else set())
        if key:
            project = self._project(key)
            if project is None:
                return _jira.error(404, request, f"No project could be found with key '{key}'.")
            denied_here = set(project.get("denied", []) if user is self.scenario["user"] else ())
            # A denied permission comes back through a scheme grant that names the user, a group or a role of theirs.
            granted = set(PERMISSIONS) - {p for p in denied_here if not self._granted_by_scheme(user, project, p)}
            if not (user.get("admin") or user.get("system_admin") or key in user.get("project_admin", [])):
                granted.discard("ADMINISTER_PROJECTS")  # Jira administrators administer every project
            granted |= held
        else:  # global context: a project permission held in any project
            granted = set(PERMISSIONS) | held
        for n, (perm, name) in enumerate({**PERMISSIONS, **GLOBAL}.items(), start=1):
            if perm in self.scenario.get("omit_permissions", []):  # a reply without a permission (a plugin's)
                continue
            table[perm] = {"id": str(n), "key": perm, "name": name, "type": "GLOBAL" if perm in GLOBAL else "PROJECT",
                           "description": f"Ability to {name.lower()}.", "havePermission": perm in granted}
        return json_response({"permissions": table})

    def _granted_by_scheme(self, user: dict, project: dict, permission: str) -> bool:
        scheme = self.scenario["schemes"].get(project.get("scheme", ""), {})
        for _, grant in _jira.numbered(project.get("scheme", "0"), scheme):
            if grant["permission"] != permission:
                continue
            kind, parameter = grant["type"], str(grant.get("parameter") or "")
            if (kind == "group" and parameter in user.get("groups", [])) \
                    or (kind == "user" and parameter == user["name"]) \
                    or (kind == "projectRole" and user["name"] in self._actors(project, parameter)):
                return True
        return False

    @route("GET", "/rest/api/2/project")
    def projects(self, request: Request) -> Response:
        user, denied = self._user(request)
        if denied:
            return denied
        out = []
        for key, project in self.scenario["projects"].items():
            if project.get("visible", True) and "BROWSE_PROJECTS" not in project.get("denied", []):
                out.append({"self": f"{self.url}/rest/api/2/project/{project['id']}", "id": str(project["id"]),
                            "key": key, "name": project["name"], "projectTypeKey":
                                "service_desk" if project.get("service_desk") else "software"})
        return json_response(out)

    @route("GET", "/rest/api/2/permissionscheme")
    def permission_schemes(self, request: Request) -> Response:
        user, denied = self._user(request)
        if denied:
            return denied
        if not user.get("admin") and not user.get("system_admin"):
            return self.error(403, request)
        return json_response({"permissionSchemes": [
            _jira.scheme_body(self.url, "/rest/api/2", sid, scheme, cloud=False)
            for sid, scheme in self.scenario["schemes"].items()]})

    @route("GET", "/rest/api/2/project/{key}/permissionscheme")
    def permission_scheme(self, request: Request, key: str) -> Response:
        user, denied = self._user(request)
        if denied:
            return denied
        project = self._project(key)
        if project is None:
            return self.error(404, request)
        if not user.get("admin") and not user.get("system_admin"):
            return self.error(403, request)
        scheme_id = project["scheme"]
        return json_response(_jira.scheme_body(self.url, "/rest/api/2", scheme_id, self.scenario["schemes"][scheme_id],
                                               cloud=False))

    @route("GET", "/rest/api/2/search")
    def search(self, request: Request) -> Response:
        user, denied = self._user(request)
        if denied:
            return denied
        jql = request.param("jql")
        # project = "KEY" or project in ("A", "B"): Jira names each value the user cannot see.
        match = re.match(r'\s*project\s*(?:=|in)\s*\(?(.*?)\)?\s*$', jql, re.I)
        keys = [k.strip().strip('"') for k in match.group(1).split(",")] if match else []
        errors = [f"The value '{key}' does not exist for the field 'project'." for key in keys if key and (
            self._project(key) is None or "BROWSE_PROJECTS" in self._project(key).get("denied", []))]
        if errors:
            return json_response({"errorMessages": errors, "errors": {}}, 400)
        return json_response({"expand": "schema,names", "startAt": 0, "maxResults": int(request.param("maxResults")
                                                                                          or 50),
                              "total": 3, "issues": []})

    # -- /rest/servicedeskapi ------------------------------------------------------

    @route("GET", "/rest/servicedeskapi/servicedesk")
    def service_desks(self, request: Request) -> Response:
        if not self.scenario.get("jsm"):
            return self.error(404, request)
        user, denied = self._user(request)
        if denied:
            return denied
        values = [{"id": str(p["service_desk"]), "projectId": str(p["id"]), "projectName": p["name"],
                   "projectKey": key, "_links": {"self": f"{self.url}/rest/servicedeskapi/servicedesk/"
                                                         f"{p['service_desk']}"}}
                  for key, p in self.scenario["projects"].items() if p.get("service_desk") and p.get("visible", True)]
        return json_response({"size": len(values), "start": 0, "limit": 100, "isLastPage": True, "values": values,
                              "_links": {"base": self.url, "context": ""}})

    @route("GET", "/rest/servicedeskapi/servicedesk/{desk}/queue")
    def queues(self, request: Request, desk: str) -> Response:
        if not self.scenario.get("jsm"):
            return self.error(404, request)
        user, denied = self._user(request)
        if denied:
            return denied
        project = next((p for p in self.scenario["projects"].values() if str(p.get("service_desk")) == desk), None)
        if project is None:
            return self.error(404, request)
        if not (project.get("agent") or self._agent_by_role(user, project)):
            return _jira.error(403, request, "You do not have permission to view the queues of this service desk.")
        return json_response({"size": 1, "start": 0, "limit": 50, "isLastPage": True,
                              "values": [{"id": "1", "name": "All open", "jql": "resolution = EMPTY"}]})

    # -- agents through the Service Desk Team role, and the writes an administrator makes (exadesk fix) ----------
    # A project's ``team`` (user names in its Service Desk Team role) makes an agent of a member who also holds a
    # Service Management licence (the jira-servicedesk-users group). Group changes take Jira Administrators (403
    # otherwise); role actor changes take Administer Projects there or Jira Administrators (404 otherwise, as
    # documented: "does not have permission to modify the actors").

    def _agent_by_role(self, user: dict, project: dict) -> bool:
        return user["name"] in project.get("team", []) and AGENT_GROUP in user.get("groups", [])

    def _account(self, name: str) -> dict | None:
        if name == self.scenario["user"]["name"]:
            return self.scenario["user"]
        person = self.scenario.get("people", {}).get(name)
        return {"name": name, **person} if person is not None else None

    def _account_record(self, name: str) -> dict | None:
        """The stored dict to change (people are stored without their name)."""
        if name == self.scenario["user"]["name"]:
            return self.scenario["user"]
        return self.scenario.get("people", {}).get(name)

    @route("GET", "/rest/api/2/user")
    def user(self, request: Request) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        account = self._account(request.param("username"))
        if account is None:
            return _jira.error(404, request, f"The user named '{request.param('username')}' does not exist")
        body = {"self": f"{self.url}/rest/api/2/user?username={account['name']}", "key": account.get("key", ""),
                "name": account["name"], "displayName": account.get("displayName", account["name"]),
                "active": account.get("active", True)}
        if "groups" in request.param("expand").split(","):
            mine = [g for g in account.get("groups", []) if g in self.scenario.get("groups", [])]
            body["groups"] = {"size": len(mine), "items": [{"name": g} for g in mine]}
        return json_response(body)

    @route("POST", "/rest/api/2/group/user")
    def add_to_group(self, request: Request) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        if not (caller.get("admin") or caller.get("system_admin")):
            return _jira.error(403, request, "You do not have the permission to add users to groups.")
        group, body = request.param("groupname"), request.json()
        record = self._account_record(str(body.get("name") or "")) if isinstance(body, dict) else None
        if group not in self.scenario.get("groups", []) or record is None:
            return _jira.error(404, request, "The group or the user was not found.")
        groups = record.setdefault("groups", [])
        if group in groups:
            return _jira.error(400, request, f"Cannot add user. User is already a member of '{group}'.")
        groups.append(group)
        return json_response({"name": group, "self": f"{self.url}/rest/api/2/group?groupname={group}"}, 201)

    @route("DELETE", "/rest/api/2/group/user")
    def remove_from_group(self, request: Request) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        if not (caller.get("admin") or caller.get("system_admin")):
            return _jira.error(403, request, "You do not have the permission to remove users from groups.")
        group, record = request.param("groupname"), self._account_record(request.param("username"))
        if record is None or group not in record.get("groups", []):
            return _jira.error(404, request, "The group or the user was not found.")
        record["groups"].remove(group)
        return Response(200, None)

    def _roles_of(self, project: dict) -> dict[str, str]:
        """Jira's default project roles (name -> id), and Service Desk Team in a service project."""
        roles = {"Administrators": "10002", "Developers": DEVELOPERS_ROLE_ID, "Users": "10000"}
        if project.get("service_desk"):
            roles[AGENT_ROLE] = AGENT_ROLE_ID
        return roles

    def _actors(self, project: dict, rid: str) -> list[str]:
        """The user names in a project role (the stored list, changed in place by the writes)."""
        if rid == AGENT_ROLE_ID:
            return project.setdefault("team", [])
        return project.setdefault("roles", {}).setdefault(rid, [])

    @route("GET", "/rest/api/2/project/{key}/role")
    def project_roles(self, request: Request, key: str) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        project = self._project(key)
        if project is None:
            return self.error(404, request)
        return json_response({name: f"{self.url}/rest/api/2/project/{key}/role/{rid}"
                              for name, rid in self._roles_of(project).items()})

    @route("GET", "/rest/api/2/project/{key}/role/{rid}")
    def project_role(self, request: Request, key: str, rid: str) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        project = self._project(key)
        if project is None or rid not in self._roles_of(project).values():
            return self.error(404, request)
        team = list(self._actors(project, rid))
        name = next(n for n, r in self._roles_of(project).items() if r == rid)
        return json_response({"self": f"{self.url}/rest/api/2/project/{key}/role/{rid}", "name": name, "id": int(rid),
                              "description": f"{name} role", "actors": [
                                  {"id": n, "displayName": member, "type": "atlassian-user-role-actor",
                                   "name": member} for n, member in enumerate(team, 1)]})

    def _may_change_actors(self, caller: dict, key: str) -> bool:
        return bool(caller.get("admin") or caller.get("system_admin") or key in caller.get("project_admin", []))

    @route("POST", "/rest/api/2/project/{key}/role/{rid}")
    def add_role_actors(self, request: Request, key: str, rid: str) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        project = self._project(key)
        if project is None or rid not in self._roles_of(project).values() or not self._may_change_actors(caller, key):
            return self.error(404, request)
        body = request.json()
        users = body.get("user") if isinstance(body, dict) else None
        if not isinstance(users, list) or not users or any(self._account(str(u)) is None for u in users):
            return _jira.error(404, request, "The user was not found.")
        team = self._actors(project, rid)
        team.extend(u for u in users if u not in team)
        return self.project_role(request, key, rid)

    @route("DELETE", "/rest/api/2/project/{key}/role/{rid}")
    def delete_role_actors(self, request: Request, key: str, rid: str) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        project = self._project(key)
        if project is None or rid not in self._roles_of(project).values() or not self._may_change_actors(caller, key):
            return self.error(404, request)
        team = self._actors(project, rid)
        if request.param("user") not in team:
            return _jira.error(404, request, "The user is not an actor of this role.")
        team.remove(request.param("user"))
        return Response(204, None)

    @route("GET", "/rest/api/2/group/member")
    def group_members(self, request: Request) -> Response:
        """Get users from group: administrators only (403 otherwise), paged."""
        caller, denied = self._user(request)
        if denied:
            return denied
        if not (caller.get("admin") or caller.get("system_admin")):
            return self.error(403, request)
        group = request.param("groupname")
        if group not in self.scenario.get("groups", []):
            return self.error(404, request)
        people = [self.scenario["user"], *({"name": n, **p} for n, p in self.scenario.get("people", {}).items())]
        members = [{"name": p["name"], "key": p.get("key", ""), "displayName": p.get("displayName", p["name"]),
                    "active": p.get("active", True)} for p in people if group in p.get("groups", [])]
        start, size = int(request.param("startAt") or 0), int(request.param("maxResults") or 50)
        return json_response({"self": f"{self.url}/rest/api/2/group/member?groupname={group}", "maxResults": size,
                              "startAt": start, "total": len(members), "isLast": start + size >= len(members),
                              "values": members[start:start + size]})

    # Create a permission grant / Delete a permission grant: Jira administrators only ("not allowed to edit
    # permission schemes": 403).

    @route("POST", "/rest/api/2/permissionscheme/{sid}/permission")
    def create_permission_grant(self, request: Request, sid: str) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        if not (caller.get("admin") or caller.get("system_admin")):
            return _jira.error(403, request, "You are not allowed to edit permission schemes.")
        scheme = self.scenario["schemes"].get(sid)
        if scheme is None:
            return self.error(404, request)
        return _jira.create_grant(request, self.url, "/rest/api/2", sid, scheme, cloud=False)

    @route("DELETE", "/rest/api/2/permissionscheme/{sid}/permission/{pid}")
    def delete_permission_grant(self, request: Request, sid: str, pid: str) -> Response:
        caller, denied = self._user(request)
        if denied:
            return denied
        if not (caller.get("admin") or caller.get("system_admin")):
            return _jira.error(403, request, "You are not allowed to edit permission schemes.")
        scheme = self.scenario["schemes"].get(sid)
        if scheme is None:
            return self.error(404, request)
        return _jira.delete_grant(request, sid, scheme, pid, missing=404)


EMULATOR = JiraOnPremEmulator
