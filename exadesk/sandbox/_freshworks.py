"""What the Freshdesk and Freshservice emulators share, from the Freshworks API documentation.

Both products take the agent's API key as the Basic user name with any password
(https://developers.freshdesk.com/api/#authentication, https://api.freshservice.com/#authentication),
serve /api/v2, and answer errors as ``{"code", "message"}`` (401 invalid_credentials "You have to be
logged in to perform this action.", 403 access_denied, 403 account_suspended) with Retry-After on 429, and a
request whose values are refused as 400 ``{"description": "Validation failed", "errors": [{"field", "message",
"code"}]}`` (https://developers.freshdesk.com/api/#error, https://api.freshservice.com/#error_handling; codes such as
invalid_value, datatype_mismatch, invalid_field, missing_field). Update an Agent (PUT /api/v2/agents/{id}) changes
only the fields its body names and is an administrator's (403 access_denied for any other agent).
"""

from __future__ import annotations

from typing import ClassVar, TypedDict

from exadesk.sandbox.kit import Emulator, Request, Response, Scenario, json_response

ERRORS = {
    401: ("invalid_credentials", "You have to be logged in to perform this action."),
    403: ("access_denied", "You are not authorized to perform this action."),
    404: ("", ""),
    429: ("", "You have exceeded the limit of requests per minute"),
    500: ("", "We're sorry, but something went wrong."),
}

_JSON_TYPES = {str: "String", int: "Integer", float: "Number", list: "Array", dict: "Object", type(None): "Null"}


class FreshworksRole(TypedDict, total=False):
    name: str
    description: str
    default: bool  # one of the product's own roles
    admin: bool  # grants administration (an agent with it may read roles)


class FreshworksAgent(TypedDict, total=False):
    """An agent as either product keeps it; each product reads its own fields (Freshdesk ``role_ids``,
    Freshservice ``roles``)."""

    id: int
    name: str
    email: str
    first_name: str
    last_name: str
    type: str  # Freshdesk: "support_agent", "field_agent", or "contact" (a customer's key)
    occasional: bool
    available: bool
    ticket_scope: int  # Freshdesk: 1 global, 2 group, 3 restricted
    role_ids: list[int]  # Freshdesk
    group_ids: list[int]
    roles: list[dict]  # Freshservice: role_id, assignment_scope, groups
    active: bool
    api_access: bool  # Freshservice: False refuses the key (its role has no API access)
    admin: bool
    requester: bool  # Freshservice: the key is a requester's, not an agent's
    omit: list[str]  # fields the reply leaves out (older API versions, proxies)


class FreshworksScenario(Scenario, total=False):
    """What the Freshdesk and Freshservice emulators' states share."""

    agents: dict[str, FreshworksAgent]  # API key -> the agent
    roles: dict[str, FreshworksRole]  # role id -> the role
    suspended: bool  # the account is suspended (403 account_suspended)
    roles_visible_to_agents: bool  # an agent that is not an admin may read roles


class FreshworksEmulator(Emulator):
    """Scenario keys: ``agents`` (API key -> agent facts), ``suspended`` (the account is suspended)."""

    scenario_type = FreshworksScenario
    #: status -> (code, message) of the product's error bodies; a product overrides what its documentation words
    #: differently.
    errors: ClassVar[dict[int, tuple[str, str]]] = ERRORS

    def error(self, status: int, request: Request) -> Response:
        code, message = self.errors.get(status, ("", "Error"))
        if status == 404:
            return Response(404, b"", {}, "application/json")  # Freshworks answers an unknown id with an empty 404
        body = {"code": code, "message": message} if code else {"message": message}
        return json_response(body, status)

    def agent_for(self, request: Request) -> tuple[dict | None, Response | None]:
        """The agent whose key signs the request, or the error Freshworks would answer with."""
        basic = request.basic()
        agent = self.scenario["agents"].get(basic[0]) if basic else None
        if agent is None:
            return None, self.error(401, request)
        if self.scenario.get("suspended"):
            return None, json_response({"code": "account_suspended", "message": "Your account has been suspended."},
                                       403)
        return agent, None

    def forbidden(self) -> Response:
        return json_response({"code": "access_denied", "message": "You are not authorized to perform this action."},
                             403)

    @staticmethod
    def invalid(errors: list[tuple[str, str, str]]) -> Response:
        """400 in Freshworks' validation shape, one ``(field, message, code)`` an error."""
        return json_response({"description": "Validation failed",
                              "errors": [{"field": f, "message": m, "code": c} for f, m, c in errors]}, 400)

    def agent_by_id(self, agent_id: str) -> dict | None:
        """The agent with that id, whichever key it signs in with."""
        return next((a for a in self.scenario["agents"].values() if str(a.get("id")) == agent_id), None)

    def update_agent(self, request: Request, agent_id: str, is_admin, validate, reply) -> Response:
        """Update an Agent: the caller must be an administrator (``is_admin(agent)``); ``validate(body)`` lists the
        refused values; the named fields are stored and ``reply(agent)`` answers with the agent."""
        caller, error = self.agent_for(request)
        if error:
            return error
        if not is_admin(caller):
            return self.forbidden()
        agent = self.agent_by_id(agent_id)
        if agent is None:
            return self.error(404, request)
        body = request.json()
        if not isinstance(body, dict):
            return self.invalid([("", "Request body has invalid json format", "invalid_json")])
        errors = validate(body)
        if errors:
            return self.invalid(errors)
        agent.update(body)
        return reply(agent)

    @staticmethod
    def unknown_fields(body: dict, allowed: set[str]) -> list[tuple[str, str, str]]:
        return [(name, "Unexpected/invalid field in request", "invalid_field") for name in body if name not in allowed]

    @staticmethod
    def boolean(body: dict, name: str) -> list[tuple[str, str, str]]:
        if name in body and not isinstance(body[name], bool):
            return [(name, f"Value set is of type {_JSON_TYPES.get(type(body[name]), 'Object')}.It should be a/an "
                           "Boolean", "datatype_mismatch")]
        return []

    @staticmethod
    def rate_headers() -> dict[str, str]:
        return {"X-RateLimit-Total": "700", "X-RateLimit-Remaining": "699", "X-RateLimit-Used-CurrentRequest": "1"}
