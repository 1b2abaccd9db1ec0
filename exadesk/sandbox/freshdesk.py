"""Emulator of Freshdesk's API v2, from https://developers.freshdesk.com/api/.

GET /api/v2/agents/me (the key's agent: id, type, occasional, ticket_scope, role_ids, group_ids, contact),
GET /api/v2/roles/{id} (administrators only; others get 403 access_denied), GET /api/v2/ticket_fields
(a plain list, ``default`` false for custom fields). Errors as Freshworks writes them (see _freshworks).
Agents (https://developers.freshdesk.com/api/#agents): View an Agent (GET /api/v2/agents/{id}, the agent as /me
shows it) and Update an Agent (PUT /api/v2/agents/{id}; administrators only; occasional a boolean, ticket_scope 1, 2
or 3, role_ids at least one existing role; 200 with the updated agent); List All Roles (GET /api/v2/roles, a plain
list, with the same visibility as one role).
"""

from __future__ import annotations

from exadesk.sandbox._freshworks import FreshworksEmulator, FreshworksScenario
from exadesk.sandbox.kit import Request, Response, json_response, route

DEMO_KEY = "FdDemo0Proxy0Key0Sbx1"

ROLES = {
    1: {"name": "Account Administrator", "default": True, "admin": True,
        "description": "Has complete control over the help desk including access to Account or Billing related "
                       "information, and receives Invoices."},
    2: {"name": "Administrator", "default": True, "admin": True,
        "description": "Can configure all features through the Admin tab, but is restricted from viewing Account or "
                       "Billing related information."},
    3: {"name": "Supervisor", "default": True, "admin": False,
        "description": "Can perform all agent related activities and access reports, but cannot access or change "
                       "configurations in the Admin tab."},
    4: {"name": "Agent", "default": True, "admin": False,
        "description": "Can log, view, reply, update and resolve tickets and manage contacts."},
    5: {"name": "Notes only", "default": False, "admin": False, "description": "Can add private notes."},
}

TICKET_FIELDS = [
    {"id": 1, "name": "requester", "label": "Search a requester", "type": "default_requester", "default": True},
    {"id": 2, "name": "subject", "label": "Subject", "type": "default_subject", "default": True},
    {"id": 3, "name": "status", "label": "Status", "type": "default_status", "default": True},
    {"id": 4, "name": "priority", "label": "Priority", "type": "default_priority", "default": True},
    {"id": 5, "name": "cf_category", "label": "Category", "type": "custom_dropdown", "default": False,
     "choices": ["Billing", "Hardware", "Software"]},
    {"id": 6, "name": "cf_sync_id", "label": "Sync ID", "type": "custom_text", "default": False},
]


#: What Update an Agent accepts (https://developers.freshdesk.com/api/#update_agent).
_UPDATABLE = {"occasional", "signature", "ticket_scope", "skill_ids", "group_ids", "role_ids", "email", "language",
              "time_zone", "focus_mode", "agent_type"}


class FreshdeskScenario(FreshworksScenario, total=False):
    """The Freshdesk emulator's state."""

    ticket_fields_denied: bool  # /ticket_fields answers 403


class FreshdeskEmulator(FreshworksEmulator):
    """Scenario keys: ``agents`` (key -> agent), ``roles`` (id -> role), ``ticket_fields_denied``."""

    tracker = "freshdesk"
    scenario_type = FreshdeskScenario
    demo_secrets = {"api_key": DEMO_KEY}

    def default_scenario(self) -> dict:
        return {
            "agents": {
                DEMO_KEY: {"id": 43000712201, "type": "support_agent", "occasional": False, "ticket_scope": 1,
                           "role_ids": [4], "group_ids": [43000118801], "available": True,
                           "name": "Exalate Sync", "email": "exalate-sync@acme.example"},
            },
            "roles": {str(k): v for k, v in ROLES.items()},
            "suspended": False,
            "roles_visible_to_agents": True,
            "ticket_fields_denied": False,
        }

    def _me(self, agent: dict) -> dict:
        body = {
            "available": agent.get("available", True), "occasional": agent.get("occasional", False),
            "signature": None, "id": agent["id"], "ticket_scope": agent.get("ticket_scope"),
            "group_ids": agent.get("group_ids", []), "role_ids": agent.get("role_ids", []), "skill_ids": [],
            "available_since": None, "type": agent.get("type", "support_agent"),
            "created_at": "2025-03-04T09:12:00Z", "updated_at": "2026-10-01T08:00:00Z",
            "contact": {"active": True, "email": agent.get("email"), "job_title": None, "language": "en",
                        "last_login_at": "2026-11-20T10:00:00Z", "mobile": None, "name": agent.get("name"),
                        "phone": None, "time_zone": "Amsterdam", "created_at": "2025-03-04T09:12:00Z",
                        "updated_at": "2026-10-01T08:00:00Z"},
        }
        for name in agent.get("omit", []):  # a reply without a documented field (older API versions, proxies)
            body.pop(name, None)
        return body

    def _is_admin(self, agent: dict) -> bool:
        return any(self.scenario["roles"].get(str(r), {}).get("admin") for r in agent.get("role_ids", []))

    @route("GET", "/api/v2/agents/me")
    def me(self, request: Request) -> Response:
        agent, error = self.agent_for(request)
        if error:
            return error
        if agent.get("type") == "contact":  # a customer's key: not an agent
            return self.forbidden()
        return json_response(self._me(agent), 200, **{k.replace("-", "_"): v for k, v in self.rate_headers().items()})

    @staticmethod
    def _role_body(role_id: str, role: dict) -> dict:
        return {"id": int(role_id), "name": role["name"], "description": role["description"],
                "default": role["default"], "created_at": "2016-02-29T06:32:28Z", "updated_at": "2016-02-29T06:32:28Z"}

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
        return json_response(self._role_body(role_id, role))

    @route("GET", "/api/v2/roles")
    def roles(self, request: Request) -> Response:
        agent, error = self.agent_for(request)
        if error:
            return error
        if not self._is_admin(agent) and not self.scenario.get("roles_visible_to_agents"):
            return self.forbidden()
        return json_response([self._role_body(k, v) for k, v in self.scenario["roles"].items()])

    @route("GET", "/api/v2/agents/{agent_id}")
    def agent(self, request: Request, agent_id: str) -> Response:
        _, error = self.agent_for(request)
        if error:
            return error
        agent = self.agent_by_id(agent_id)
        return json_response(self._me(agent)) if agent is not None else self.error(404, request)

    def _refused_values(self, body: dict) -> list[tuple[str, str, str]]:
        errors = self.unknown_fields(body, _UPDATABLE) + self.boolean(body, "occasional")
        if "ticket_scope" in body and body["ticket_scope"] not in (1, 2, 3):
            errors.append(("ticket_scope", "It should be one of these values: '1,2,3'", "invalid_value"))
        if "role_ids" in body:
            ids = body["role_ids"]
            if not isinstance(ids, list) or not ids:
                errors.append(("role_ids", "It should contain elements", "invalid_value"))
            elif any(str(i) not in self.scenario["roles"] for i in ids):
                errors.append(("role_ids", "There are no records matching the ids", "invalid_value"))
        return errors

    @route("PUT", "/api/v2/agents/{agent_id}")
    def update(self, request: Request, agent_id: str) -> Response:
        return self.update_agent(request, agent_id, self._is_admin, self._refused_values,
                                 lambda agent: json_response(self._me(agent)))

    @route("GET", "/api/v2/ticket_fields")
    def ticket_fields(self, request: Request) -> Response:
        agent, error = self.agent_for(request)
        if error:
            return error
        if self.scenario.get("ticket_fields_denied"):
            return self.forbidden()
        return json_response(TICKET_FIELDS)


EMULATOR = FreshdeskEmulator
