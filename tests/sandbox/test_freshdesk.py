"""exadesk/sandbox/freshdesk.py: the Freshdesk emulator's scenario keys and the Freshdesk API v2 behaviours it models,
through HTTP: View Me (the agent at the top level, its contact nested), View a Role, List All Ticket Fields (a plain
list). What both Freshworks products share is in test__freshworks.py."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.freshdesk import DEMO_KEY, FreshdeskEmulator
from exadesk.sandbox.kit import ScenarioError

AUTH = (DEMO_KEY, "X")
ACCESS_DENIED = {"code": "access_denied", "message": "You are not authorized to perform this action."}


def _get(emulator, path):
    return requests.get(f"{emulator.url}/api/v2{path}", auth=AUTH, timeout=5)


def test_a_misspelt_key_of_an_agent_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'ticket_scop'"):
        FreshdeskEmulator({"agents": {DEMO_KEY: {"ticket_scop": 1}}})


def test_view_me_is_the_agent_with_its_contact(emulators):
    emulator = emulators.start("freshdesk")
    reply = _get(emulator, "/agents/me")
    assert reply.status_code == 200
    me = reply.json()
    assert "agent" not in me  # Freshdesk sends the agent itself, not wrapped
    assert (me["id"], me["type"], me["ticket_scope"], me["role_ids"], me["occasional"]) == \
        (43000712201, "support_agent", 1, [4], False)
    assert me["contact"]["email"] == "exalate-sync@acme.example" and me["contact"]["name"] == "Exalate Sync"


def test_the_key_of_a_contact_is_not_an_agent(emulators):
    emulator = emulators.start("freshdesk", {"agents": {DEMO_KEY: {"type": "contact"}}})
    reply = _get(emulator, "/agents/me")
    assert reply.status_code == 403 and reply.json() == ACCESS_DENIED


def test_view_a_role_sends_the_role_itself(emulators):
    emulator = emulators.start("freshdesk")
    role = _get(emulator, "/roles/4").json()
    assert role["id"] == 4 and role["name"] == "Agent" and role["default"] is True and role["description"]
    custom = _get(emulator, "/roles/5").json()
    assert custom["name"] == "Notes only" and custom["default"] is False


def test_roles_hidden_from_agents_are_refused_to_an_agent_but_read_by_an_administrator(emulators):
    emulator = emulators.start("freshdesk", {"roles_visible_to_agents": False})
    refused = _get(emulator, "/roles/4")
    assert refused.status_code == 403 and refused.json() == ACCESS_DENIED
    assert _get(emulator, "/agents/me").status_code == 200  # the key itself still works
    emulator.scenario["agents"][DEMO_KEY]["role_ids"] = [2]  # Administrator
    assert _get(emulator, "/roles/4").json()["name"] == "Agent"


def test_ticket_fields_are_a_plain_list_with_default_false_for_custom_fields(emulators):
    emulator = emulators.start("freshdesk")
    fields = _get(emulator, "/ticket_fields").json()
    assert isinstance(fields, list)
    custom = [f["name"] for f in fields if f["default"] is False]
    assert custom == ["cf_category", "cf_sync_id"] and all(f["type"].startswith("custom_") for f in fields
                                                           if f["name"] in custom)
    assert {f["name"] for f in fields if f["default"]} >= {"requester", "subject", "status", "priority"}


def test_ticket_fields_denied_is_access_denied(emulators):
    emulator = emulators.start("freshdesk", {"ticket_fields_denied": True})
    reply = _get(emulator, "/ticket_fields")
    assert reply.status_code == 403 and reply.json() == ACCESS_DENIED
