"""exadesk/sandbox/freshservice.py: the Freshservice emulator's scenario keys and the Freshservice API v2 behaviours it
models, through HTTP: replies wrapped in their object's name ({"agent"}, {"role"}, {"ticket_fields"}), the agent's
scope per module from its roles' assignment scope, a key without API access refused like a wrong one, and the error
bodies Freshworks' Freshservice description gives. What both Freshworks products share is in test__freshworks.py."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.freshservice import DEMO_KEY, FreshserviceEmulator
from exadesk.sandbox.kit import ScenarioError

AUTH = (DEMO_KEY, "X")
ROLE = 21000150295  # SD Agent
ACCESS_DENIED = {"code": "access_denied", "message": "You are not authorized to perform this action."}
NOT_LOGGED_IN = {"code": "invalid_credentials", "message": "You have to be logged in to perform this action."}


def _get(emulator, path):
    return requests.get(f"{emulator.url}/api/v2{path}", auth=AUTH, timeout=5)


def _scoped(scope: str) -> dict:
    return {"agents": {DEMO_KEY: {"roles": [{"role_id": ROLE, "assignment_scope": scope, "groups": None}]}}}


def test_a_misspelt_key_of_an_agent_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'api_acces'"):
        FreshserviceEmulator({"agents": {DEMO_KEY: {"api_acces": False}}})


def test_view_me_wraps_the_agent_and_lists_its_role_assignments(emulators):
    emulator = emulators.start("freshservice")
    reply = _get(emulator, "/agents/me")
    assert reply.status_code == 200
    agent = reply.json()["agent"]
    assert (agent["id"], agent["email"], agent["active"], agent["occasional"]) == \
        (21000418005, "exalate-sync@acme.example", True, False)
    assert agent["roles"] == [{"role_id": ROLE, "assignment_scope": "entire_helpdesk", "groups": None}]
    assert agent["role_ids"] == [ROLE] and agent["scope"]["ticket"] == "Global Access"


@pytest.mark.parametrize("assignment,level", [
    ("entire_helpdesk", "Global Access"), ("member_groups", "Group Access"), ("specified_groups", "Group Access"),
    ("assigned_items", "Restricted Access"),
])
def test_the_agents_ticket_scope_follows_its_roles_assignment_scope(assignment, level, emulators):
    emulator = emulators.start("freshservice", _scoped(assignment))
    scope = _get(emulator, "/agents/me").json()["agent"]["scope"]
    assert scope["ticket"] == scope["problem"] == scope["change"] == scope["release"] == level
    assert scope["asset"] == "Global Access"


def test_the_key_of_a_requester_is_not_an_agent(emulators):
    emulator = emulators.start("freshservice", {"agents": {DEMO_KEY: {"requester": True}}})
    reply = _get(emulator, "/agents/me")
    assert reply.status_code == 403 and reply.json() == ACCESS_DENIED


def test_a_key_without_api_access_is_refused_like_a_wrong_key_or_with_the_disabled_sentence(emulators):
    emulator = emulators.start("freshservice", {"agents": {DEMO_KEY: {"api_access": False}}})
    refused = _get(emulator, "/agents/me")
    assert refused.status_code == 401 and refused.json() == NOT_LOGGED_IN
    emulator.scenario["disabled_message"] = True
    disabled = _get(emulator, "/agents/me")
    assert disabled.status_code == 401 and disabled.json()["code"] == "invalid_credentials"
    assert disabled.json()["message"].startswith("Your API key is disabled.")


def test_view_a_role_wraps_the_role(emulators):
    emulator = emulators.start("freshservice")
    role = _get(emulator, f"/roles/{ROLE}").json()["role"]
    assert role["id"] == ROLE and role["name"] == "SD Agent" and role["default"] is True


def test_roles_hidden_from_agents_are_refused_while_view_me_works(emulators):
    # Field notes: {"code":"access_denied"} on the admin endpoints while /agents/me answers.
    emulator = emulators.start("freshservice", {"roles_visible_to_agents": False})
    refused = _get(emulator, f"/roles/{ROLE}")
    assert refused.status_code == 403 and refused.json() == ACCESS_DENIED
    assert _get(emulator, "/agents/me").status_code == 200
    emulator.scenario["agents"][DEMO_KEY]["roles"] = [{"role_id": 21000150293, "assignment_scope": "entire_helpdesk"}]
    assert _get(emulator, f"/roles/{ROLE}").json()["role"]["name"] == "SD Agent"  # an Admin reads them


def test_ticket_form_fields_are_wrapped_and_mark_custom_fields(emulators):
    emulator = emulators.start("freshservice")
    fields = _get(emulator, "/ticket_form_fields").json()["ticket_fields"]
    assert [f["name"] for f in fields if f["default_field"] is False] == ["sync_reference"]
    assert {f["name"] for f in fields if f["default_field"]} >= {"requester", "subject", "status"}


def test_ticket_form_fields_denied_is_access_denied(emulators):
    emulator = emulators.start("freshservice", {"fields_denied": True})
    reply = _get(emulator, "/ticket_form_fields")
    assert reply.status_code == 403 and reply.json() == ACCESS_DENIED


@pytest.mark.parametrize("kind,body", [
    ("429", {"message": "The API rate limit allotted for your Freshservice domain has been exhausted"}),
    ("500", {"code": "internal_error", "message": "We're sorry, but something went wrong."}),
])
def test_rate_limit_and_server_errors_are_worded_as_freshservice_documents(kind, body, emulators):
    # Freshworks' Freshservice description: RateLimitError {message}, InternalServerError {code, message}.
    emulator = emulators.start("freshservice", {"fault": kind})
    reply = _get(emulator, "/agents/me")
    assert reply.status_code == int(kind) and reply.json() == body
