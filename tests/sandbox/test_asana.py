"""exadesk/sandbox/asana.py: the Asana emulator's scenario keys and the Asana behaviours it models, through HTTP."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.asana import DEMO_TOKEN, AsanaEmulator
from exadesk.sandbox.kit import ScenarioError

CORP, LABS, ME = "1204000000000500", "1204000000000600", "1204000000000001"


def test_a_misspelt_key_of_a_membership_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'is_gest'"):
        AsanaEmulator({"workspaces": {CORP: {"name": "Acme Corp", "members": {ME: {"is_gest": True}}}}})


def test_a_workspace_that_blocks_personal_access_tokens_is_not_listed_to_one():
    # The user still belongs to it (users/me names it), but the token's workspace list leaves it out.
    scenario = {"workspaces": {CORP: {"name": "Acme Corp", "pat_blocked": True, "members": {ME: {"is_admin": False}}},
                               LABS: {"name": "Acme Labs", "members": {ME: {"is_admin": False}}}}}
    with AsanaEmulator(scenario) as emulator:
        auth = {"Authorization": f"Bearer {DEMO_TOKEN}"}
        me = requests.get(f"{emulator.url}/api/1.0/users/me", headers=auth, timeout=5).json()["data"]
        listed = requests.get(f"{emulator.url}/api/1.0/workspaces", headers=auth, timeout=5).json()["data"]
    assert {w["gid"] for w in me["workspaces"]} == {CORP, LABS}
    assert [w["gid"] for w in listed] == [LABS]


def test_an_unknown_token_gets_asanas_error_body():
    with AsanaEmulator() as emulator:
        reply = requests.get(f"{emulator.url}/api/1.0/users/me", headers={"Authorization": "Bearer nope"}, timeout=5)
    assert reply.status_code == 401
    error = reply.json()["errors"][0]
    assert error["message"] == "Not Authorized" and "developers.asana.com" in error["help"]
