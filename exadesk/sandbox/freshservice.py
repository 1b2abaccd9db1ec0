"""Emulator of Freshservice's API v2, from https://api.freshservice.com/ and Freshworks' swagger description.

GET /api/v2/agents/me ({"agent": {...}} with scope, roles[].role_id/assignment_scope, active, occasional),
GET /api/v2/roles/{id} ({"role": {...}}; administrators only, others get 403 {"code":"access_denied"} while
/agents/me works), GET /api/v2/ticket_form_fields ({"ticket_fields": [...]}). A key whose role lacks API access
is refused like any bad key (401 invalid_credentials); the ``disabled_message`` scenario answers with the
"Your API key is disabled" sentence the profile page shows.
Agents (https://api.freshservice.com/#agents, and the agent object of Freshworks' swagger description): View an
Agent (GET /api/v2/agents/{id}, {"agent": {...}}) and Update an Agent (PUT /api/v2/agents/{id}: occasional a
boolean; roles a non-empty list of {role_id, assignment_scope, groups} that replaces the agent's roles, groups
required for specified_groups; 200 {"agent": {...}}), both for administrators only; List All Roles (GET
/api/v2/roles, {"roles": [...]}, administrators only).
"""

from __future__ import annotations

from exadesk.sandbox._freshworks import ERRORS, FreshworksEmulator, FreshworksScenario
from exadesk.sandbox.kit import Request, Response, json_response, route

DEMO_KEY = "FsDemo0Proxy0Key0Sbx1"

ROLES = {
    "21000150292": {"name": "Account Admin", "default": True, "admin": True,
                    "description": "Has complete control over the help desk including access to Account or Billing "
                                   "related information, and receives Invoices."},
    "21000150293": {"name": "Admin", "default": True, "admin": True,
                    "description": "Can configure all features through the Admin tab, but is restricted from "
                                   "viewing Account or Billing related information."},
    "21000150294": {"name": "SD Supervisor", "default": True, "admin": False,
                    "description": "Can perform all agent related activities and access reports."},
    "21000150295": {"name": "SD Agent", "default": True, "admin": False,
                    "description": "Can log, view, reply, update and resolve tickets and manage contacts."},
    "21000150301": {"name": "Triage (custom)", "default": False, "admin": False,
                    "description": "Views tickets and adds private notes."},
}

TICKET_FIELDS = [
    {"id": 21001, "name": "requester", "label": "Requester", "field_type": "default_requester",
     "default_field": True},
    {"id": 21002, "name": "subject", "label": "Subject", "field_type": "default_subject", "default_field": True},
    {"id": 21003, "name": "status", "label": "Status", "field_type": "default_status", "default_field": True},
    {"id": 21004, "name": "category", "label": "Category", "field_type": "default_category", "default_field": True},
    {"id": 21005, "name": "sync_reference", "label": "Sync reference", "field_type": "custom_text",
     "default_field": False},
]

_SCOPE_LEVEL = {"entire_helpdesk": "Global Access", "member_groups": "Group Access",
                "specified_groups": "Group Access", "assigned_items": "Restricted Access"}


#: What Update an Agent accepts (https://api.freshservice.com/#update_an_agent).
_UPDATABLE = {"first_name", "last_name", "occasional", "job_title", "email", "work_phone_number",
              "mobile_phone_number", "department_ids", "can_see_all_tickets_from_associated_departments",
              "reporting_manager_id", "address", "time_zone", "time_format", "language", "location_id",
              "background_information", "scoreboard_level_id", "member_of", "observer_of", "roles", "custom_fields"}


class FreshserviceScenario(FreshworksScenario, total=False):
    """The Freshservice emulator's state."""

    fields_denied: bool  # the ticket form fields answer 403
    disabled_message: bool  # a refused key gets the "Your API key is disabled" sentence


class FreshserviceEmulator(FreshworksEmulator):
    """Scenario keys: ``agents`` (key -> agent with ``api_access``), ``roles``, ``fields_denied``."""

    tracker = "freshservice"
    scenario_type = FreshserviceScenario
    demo_secrets = {"api_key": DEMO_KEY}
    # Freshworks' Freshservice description (RateLimitError, InternalServerError): a 429 names the domain's
    # allotment, a 500 carries the code internal_error.
    errors = {**ERRORS, 429: ("", "The API rate limit allotted for your Freshservice domain has been exhausted"),
              500: ("internal_error", "We're sorry, but something went wrong.")}

    def default_scenario(self) -> dict:
        return {
            "agents": {
                DEMO_KEY: {"id": 21000418005, "first_name": "Exalate", "last_name": "Sync",
                           "email": "exalate-sync@acme.example", "active": True, "occasional": False,
                           "api_access": True, "admin": False,
                           "roles": [{"role_id": 21000150295, "assignment_scope": "entire_helpdesk", "groups": None}]},
            },
            "roles": dict(ROLES),
            "roles_visible_to_agents": True,
            "suspended": False,
            "fields_denied": False,
            "disabled_message": False,
        }

    def agent_for(self, request: Request):
        agent, error = super().agent_for(request)
        if agent is not None and not agent.get("api_access", True):
            if self.scenario.get("disabled_message"):
                return None, json_response({"code": "invalid_credentials",
                                            "message": "Your API key is disabled. Please contact your admin to "
                                                       "enable it."}, 401)
            return None, self.error(401, request)
        return agent, error

    def _agent_body(self, agent: dict) -> dict:
        roles = agent.get("roles", [])
        level = _SCOPE_LEVEL.get(roles[0]["assignment_scope"], "Restricted Access") if roles else "Restricted Access"
        body = {
            "id": agent["id"], "first_name": agent.get("first_name"), "last_name": agent.get("last_name"),
            "occasional": agent.get("occasional", False), "job_title": "Integration", "email": agent.get("email"),
            "work_phone_number": None, "mobile_phone_number": None, "reporting_manager_id": None,
            "time_zone": "Amsterdam", "language": "en", "location_id": None, "scoreboard_level_id": 1,
            "scope": {"ticket": level, "problem": level, "change": level, "release": level, "asset": "Global Access"},
            "group_ids": [], "member_of": [], "observer_of": [],
            "role_ids": [r["role_id"] for r in roles], "roles": roles,
            "last_login_at": "2026-11-20T10:00:00Z", "active": agent.get("active", True), "has_logged_in": True,
            "created_at": "2025-03-04T09:12:00Z", "updated_at": "2026-10-01T08:00:00Z",
        }
        for name in agent.get("omit", []):  # a reply without a documented field
            body.pop(name, None)
        return body

    @route("GET", "/api/v2/agents/me")
    def me(self, request: Request) -> Response:
        agent, error = self.agent_for(request)
        if error:
            return error
        if agent.get("requester"):
            return self.forbidden()
        return json_response({"agent": self._agent_body(agent)}, 200,
                             **{k.replace("-", "_"): v for k, v in self.rate_headers().items()})

    def _is_admin(self, agent: dict) -> bool:
        return any(self.scenario["roles"].get(str(r.get("role_id")), {}).get("admin") for r in agent.get("roles", []))

    @staticmethod
    def _role_body(role_id: str, role: dict) -> dict:
        return {"id": int(role_id), "name": role["name"], "description": role["description"],
                "default": role["default"], "created_at": "2022-08-29T14:16:59Z", "updated_at": "2022-09-29T10:19:47Z"}

    @route("GET", "/api/v2/roles/{role_id}")
    def role(self, request: Request, role_id: str) -> Response:
        agent, error = self.agent_for(request)
        if error:
            return error
        if not self._is_admin(agent) and not self.scenario.get("roles_visible_to_agents"):
            return self.forbidden()
        role = self.scenario["roles"].get(role_id)
        if role is None:
            return self.error(404, request)
        return json_response({"role": self._role_body(role_id, role)})

    @route("GET", "/api/v2/roles")
    def roles(self, request: Request) -> Response:
        agent, error = self.agent_for(request)
        if error:
            return error
        if not self._is_admin(agent):
            return self.forbidden()
        return json_response({"roles": [self._role_body(k, v) for k, v in self.scenario["roles"].items()]})

    @route("GET", "/api/v2/agents/{agent_id}")
    def agent(self, request: Request, agent_id: str) -> Response:
        caller, error = self.agent_for(request)
        if error:
            return error
        if not self._is_admin(caller):
            return self.forbidden()
        agent = self.agent_by_id(agent_id)
        return json_response({"agent": self._agent_body(agent)}) if agent is not None else self.error(404, request)

    def _refused_values(self, body: dict) -> list[tuple[str, str, str]]:
        errors = self.unknown_fields(body, _UPDATABLE) + self.boolean(body, "occasional")
        if "roles" not in body:
            return errors
        roles = body["roles"]
        if not isinstance(roles, list) or not roles:
            return errors + [("roles", "It should contain elements", "invalid_value")]
        for role in roles:
            scope = role.get("assignment_scope") if isinstance(role, dict) else None
            if not isinstance(role, dict) or str(role.get("role_id")) not in self.scenario["roles"]:
                errors.append(("role_id", "There are no records matching the ids", "invalid_value"))
            elif scope not in _SCOPE_LEVEL:
                errors.append(("assignment_scope", "It should be one of these values: 'entire_helpdesk,"
                               "member_groups,specified_groups,assigned_items'", "invalid_value"))
            elif scope == "specified_groups" and not role.get("groups"):
                errors.append(("groups", "It should not be blank as this is a mandatory field", "missing_field"))
        return errors

    def _store_roles(self, body: dict) -> dict:
        """The roles as the agent keeps them: groups only for specified_groups, else null."""
        if "roles" in body:
            body = {**body, "roles": [{"role_id": int(r["role_id"]), "assignment_scope": r["assignment_scope"],
                                       "groups": list(r["groups"]) if r["assignment_scope"] == "specified_groups"
                                       else None} for r in body["roles"]]}
        return body

    @route("PUT", "/api/v2/agents/{agent_id}")
    def update(self, request: Request, agent_id: str) -> Response:
        def refused(body: dict):
            errors = self._refused_values(body)
            if not errors:
                body.update(self._store_roles(body))
            return errors

        return self.update_agent(request, agent_id, self._is_admin, refused,
                                 lambda agent: json_response({"agent": self._agent_body(agent)}))

    @route("GET", "/api/v2/ticket_form_fields")
    def ticket_form_fields(self, request: Request) -> Response:
        agent, error = self.agent_for(request)
        if error:
            return error
        if self.scenario.get("fields_denied"):
            return self.forbidden()
        return json_response({"ticket_fields": TICKET_FIELDS})


EMULATOR = FreshserviceEmulator
