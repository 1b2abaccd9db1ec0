"""Zendesk fixes against the emulator, with the admin instance's API token: the proxy user made an agent and its
suspension lifted (PUT /api/v2/users/{id}, undone with the value read when planning), a custom role that may work on
every ticket (PUT custom_role_id, undone with the previous one) and group membership (POST
/api/v2/group_memberships, undone with DELETE /api/v2/group_memberships/{id} of the membership made)."""

from __future__ import annotations

import re

import pytest
import requests

from exadesk.foundation.checks import Status
from exadesk.sandbox.zendesk import ADMIN_API_TOKEN, ADMIN_EMAIL, DEMO_API_TOKEN, DEMO_EMAIL
from exadesk.services import fixes
from exadesk.store.model import Instance
from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec
from tests.helpers.fixes import status, statuses, stored, workspace, writes

PROXY, WHO = "9001", f"Exalate Sync ({DEMO_EMAIL})"
USER_PATH = f"/api/v2/users/{PROXY}"
AGENT_EMAIL, AGENT_TOKEN = "max.agent@acme.example", "Zd4g3ntApiT0kenF0rExaDeskSandb0x00000043"  # made up
#: List Groups' user path is described on Zendesk's reference page, not in its OpenAPI description (see
#: tests/data/api-specs/README.md and tests/sandbox/test_zendesk_conformance.py).
GROUPS_OF_USER = re.compile(r"/api/v2/users/\d+/groups")
LIGHT, SYNC_ROLE, LEAD = "360002", "360001", "360003"


def _zd(emulators, scenario: dict | None = None, *, admin: tuple[str, str] = (ADMIN_EMAIL, ADMIN_API_TOKEN),
        scope=(), sync=()):
    scenario = dict(scenario or {})
    emulator = emulators.start("zendesk", {
        **scenario, "api_tokens": {AGENT_TOKEN: 9003},
        "users": {"9003": {"name": "Max Agent", "email": AGENT_EMAIL, "role": "agent", "role_type": 0,
                           "custom_role_id": 360001, "groups": [360100]}, **scenario.get("users", {})}})
    inst = Instance(tracker="zendesk", name="Zendesk", url=emulator.url, auth_method="api_token",
                    values={"email": DEMO_EMAIL}, secret_fields=["api_token"], scope=list(scope), sync=list(sync))
    admin_inst = Instance(tracker="zendesk", name="Zendesk admin", url=emulator.url, auth_method="api_token",
                          values={"email": admin[0]}, secret_fields=["api_token"], role="admin")
    store, ws = stored(inst, admin_inst, secrets={"Zendesk": {"api_token": DEMO_API_TOKEN},
                                                  "Zendesk admin": {"api_token": admin[1]}})
    return emulator, store, ws, inst


def _documented(emulator) -> None:
    """Every request of plan, apply, undo and the checks between is a documented operation; replies as described."""
    api = load_spec("zendesk/oas.yaml")
    listed = [r for r in emulator.requests if not GROUPS_OF_USER.fullmatch(r.path)]
    assert assert_requests_documented(api, emulator.requests, allow=(GROUPS_OF_USER.pattern,)) == len(listed)
    assert assert_replies_conform(api, [r for r in emulator.requests if r.method != "GET"]) >= 1


def _shown(plan) -> list[tuple[str, str, str | None, bool]]:
    return [(c.words, c.call.shown(), c.to_json()["undo"], c.done) for c in plan.changes]


def test_an_end_user_is_made_an_agent_and_undo_makes_it_an_end_user_again(emulators):
    emulator, store, ws, inst = _zd(emulators, {"users": {PROXY: {
        "role": "end-user", "role_type": None, "custom_role_id": None, "groups": []}}})
    assert status(inst, ws, "zendesk.role") is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert not writes(emulator), "planning only reads"
    assert _shown(plan) == [(f"Make {WHO} an agent (it is an end user now)",
                             f'PUT {USER_PATH} {{"user": {{"role": "agent"}}}}',
                             f'PUT {USER_PATH} {{"user": {{"role": "end-user"}}}}', False)]
    assert "agent seats" in plan.changes[0].touches[0]
    assert plan.changes[0].reference.startswith("https://developer.zendesk.com/api-reference/ticketing/users/")
    assert plan.by_hand == [], "the ticket checks wait for the role: no manual step for them"

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and outcome.applied[0]["answer"] == "HTTP 200"
    assert writes(emulator) == [("PUT", USER_PATH)]
    after = statuses(outcome.after)
    assert after["zendesk.role"] is Status.PASS and after["zendesk.ticket_editing"] is Status.PASS
    assert emulator.scenario["users"][PROXY]["role"] == "agent"
    assert fixes.apply(store, plan).applied == [] and len(writes(emulator)) == 1, "a retry sends nothing"

    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert undone.refused is None and statuses(undone.after)["zendesk.role"] is Status.FAIL
    assert emulator.scenario["users"][PROXY]["role"] == "end-user"
    _documented(emulator)


def test_a_suspended_agent_is_let_back_in_and_undo_suspends_it_again(emulators):
    emulator, store, ws, inst = _zd(emulators, {"users": {PROXY: {"suspended": True}}})
    plan = fixes.plan(ws, inst)
    assert _shown(plan) == [(f"Lift the suspension of {WHO}", f'PUT {USER_PATH} {{"user": {{"suspended": false}}}}',
                             f'PUT {USER_PATH} {{"user": {{"suspended": true}}}}', False)]
    outcome = fixes.apply(store, plan)
    assert statuses(outcome.before)["zendesk.role"] is Status.FAIL
    assert statuses(outcome.after)["zendesk.role"] is Status.PASS
    assert emulator.scenario["users"][PROXY]["suspended"] is False
    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert statuses(undone.after)["zendesk.role"] is Status.FAIL and emulator.scenario["users"][PROXY]["suspended"]
    assert writes(emulator) == [("PUT", USER_PATH)] * 2
    _documented(emulator)


def _roles(sync_role: dict | None = None, lead: bool = True) -> dict:
    """A light agent's role, a broad Team lead role (when ``lead``) and changes to the emulator's own Exalate sync
    role (by default it may edit, sees all tickets and comments in public)."""
    full = {"ticket_editing": True, "ticket_access": "all", "ticket_comment_access": "public", "light_agent": False}
    roles = {LIGHT: {"name": "Light agent", "role_type": 1, "configuration": {
        "light_agent": True, "ticket_editing": False, "ticket_access": "all", "ticket_comment_access": "none"}},
        SYNC_ROLE: {"configuration": sync_role or {}}}
    if lead:
        roles[LEAD] = {"name": "Team lead", "role_type": 0, "configuration": {
            **full, "manage_business_rules": True, "ticket_deletion": True, "group_access": True}}
    return {"custom_roles": roles}


def test_a_light_agent_gets_the_narrowest_fitting_custom_role_once_and_undo_gives_the_old_one_back(emulators):
    emulator, store, ws, inst = _zd(emulators, {**_roles(), "users": {PROXY: {
        "role_type": 1, "custom_role_id": int(LIGHT)}}}, sync=("comments",))
    for key in ("zendesk.ticket_editing", "zendesk.ticket_comment_access"):
        assert status(inst, ws, key) is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert not writes(emulator)
    assert [(c.check_id, c.call.shown(), c.to_json()["undo"]) for c in plan.to_apply] == [
        ("zendesk.ticket_editing", f'PUT {USER_PATH} {{"user": {{"custom_role_id": {SYNC_ROLE}}}}}',
         f'PUT {USER_PATH} {{"user": {{"custom_role_id": {LIGHT}}}}}')], "one role meets both: given once"
    change = plan.to_apply[0]
    assert change.words == (f"Give {WHO} the custom role 'Exalate sync' instead of 'Light agent' (it may edit ticket "
                            "properties, see all tickets, add public comments)")
    # The emulator's Exalate sync role also lets agents list and edit end users' profiles (Zendesk's defaults).
    assert change.touches == ("'Exalate sync' also allows end_user_list_access, end_user_profile_access (Zendesk's "
                              "names): no custom role on this account allows what the integration needs with less.",)

    outcome = fixes.apply(store, plan)
    after = statuses(outcome.after)
    assert after["zendesk.ticket_editing"] is Status.PASS and after["zendesk.ticket_comment_access"] is Status.PASS
    assert emulator.scenario["users"][PROXY]["role_type"] == 0
    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert statuses(undone.after)["zendesk.ticket_editing"] is Status.FAIL
    assert emulator.scenario["users"][PROXY]["custom_role_id"] == int(LIGHT)
    _documented(emulator)


def test_a_role_limited_to_its_groups_is_swapped_for_the_only_fitting_one_which_the_preview_calls_broad(emulators):
    narrow = {"ticket_access": "within-groups", "end_user_list_access": "none", "end_user_profile_access": "readonly"}
    emulator, store, ws, inst = _zd(emulators, _roles(narrow))
    assert status(inst, ws, "zendesk.ticket_access") is Status.FAIL
    plan = fixes.plan(ws, inst)
    [change] = plan.to_apply
    assert change.call.body == {"user": {"custom_role_id": int(LEAD)}}
    assert change.inverse.body == {"user": {"custom_role_id": int(SYNC_ROLE)}}
    assert change.touches == ("'Team lead' also allows group_access, manage_business_rules, ticket_deletion "
                              "(Zendesk's names): no custom role on this account allows what the integration needs "
                              "with less.",)
    outcome = fixes.apply(store, plan)
    assert statuses(outcome.after)["zendesk.ticket_access"] is Status.PASS
    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert statuses(undone.after)["zendesk.ticket_access"] is Status.FAIL


def test_no_fitting_role_or_no_custom_role_at_all_is_left_by_hand_and_nothing_is_sent(emulators):
    emulator, store, ws, inst = _zd(emulators, _roles({"ticket_editing": False}, lead=False))
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == []
    assert plan.by_hand[0][0] == "Role may edit tickets"
    assert "No custom role on this account lets an agent edit ticket properties, see all tickets" in plan.by_hand[0][1]
    assert "Create role" in plan.by_hand[0][1]
    assert not writes(emulator)

    emulator, store, ws, inst = _zd(emulators, {"users": {PROXY: {"custom_role_id": None, "role_type": None,
                                                                  "restricted_agent": True}}})
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == [] and [t for t, _ in plan.by_hand] == ["Role sees all tickets"]
    assert f"{WHO} has no custom role (Zendesk has them on Enterprise plans only)" in plan.by_hand[0][1]
    assert not writes(emulator)


def test_group_membership_is_added_for_each_group_missing_and_undo_deletes_the_membership_made(emulators):
    emulator, store, ws, inst = _zd(emulators, scope=("Support", "billing", "360200", "No such group"))
    assert status(inst, ws, "zendesk.groups") is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert not writes(emulator)
    body = '{"group_membership": {"group_id": %s, "user_id": 9001}}'
    assert _shown(plan) == [
        (f"Add {WHO} to the group Support", f"POST /api/v2/group_memberships {body % 360100}",
         "DELETE /api/v2/group_memberships/<the new record's id>", True),
        (f"Add {WHO} to the group Billing", f"POST /api/v2/group_memberships {body % 360200}",
         "DELETE /api/v2/group_memberships/<the new record's id>", False)], "Billing once, by name or id"
    assert "unassigns the open tickets" in plan.changes[1].touches[0]

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and outcome.applied[0]["answer"] == "HTTP 201"
    assert writes(emulator) == [("POST", "/api/v2/group_memberships")]
    created = outcome.applied[0]["undo"]["path"]
    assert re.fullmatch(r"/api/v2/group_memberships/\d+", created)
    assert statuses(outcome.after)["zendesk.groups"] is Status.FAIL, "No such group stays: a name to correct"
    assert 360200 in emulator.scenario["users"][PROXY]["groups"]
    assert fixes.apply(store, plan).applied == [], "a retry sends nothing"

    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert undone.refused is None and writes(emulator)[-1] == ("DELETE", created)
    assert emulator.scenario["users"][PROXY]["groups"] == [360100]
    _documented(emulator)


def test_group_fix_makes_the_check_pass(emulators):
    emulator, store, ws, inst = _zd(emulators, scope=("Billing",))
    outcome = fixes.apply(store, fixes.plan(ws, inst))
    assert statuses(outcome.before)["zendesk.groups"] is Status.FAIL
    assert statuses(outcome.after)["zendesk.groups"] is Status.PASS
    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert statuses(undone.after)["zendesk.groups"] is Status.FAIL


def test_a_membership_made_since_the_plan_is_not_sent_again(emulators):
    emulator, store, ws, inst = _zd(emulators, scope=("Billing",))
    plan = fixes.plan(ws, inst)
    emulator.scenario["users"][PROXY]["groups"].append(360200)  # someone else added it meanwhile
    outcome = fixes.apply(store, plan)
    assert outcome.applied == [] and not writes(emulator)
    assert statuses(outcome.after)["zendesk.groups"] is Status.PASS


@pytest.mark.parametrize("scenario,scope,needs", [
    ({"users": {PROXY: {"role": "end-user", "role_type": None, "custom_role_id": None, "groups": []}}}, (),
     "only admins change another user's role or suspension"),
    ({}, ("Billing",), "or on Enterprise a custom role that may manage group memberships"),
], ids=["role", "groups"])
def test_an_agent_as_administrator_is_refused_with_what_it_needs_and_nothing_changes(emulators, scenario, scope,
                                                                                      needs):
    emulator, store, ws, inst = _zd(emulators, scenario, admin=(AGENT_EMAIL, AGENT_TOKEN), scope=scope)
    before = {uid: dict(u) for uid, u in emulator.scenario["users"].items()}
    plan = fixes.plan(ws, inst)
    assert len(plan.to_apply) == 1 and not writes(emulator)
    outcome = fixes.apply(store, plan)
    assert outcome.run is None and outcome.applied == []
    assert "HTTP 403: Forbidden: You do not have access to this page" in outcome.refused.message
    assert "the Zendesk Admin role" in outcome.refused.next_step and needs in outcome.refused.next_step
    assert emulator.scenario["users"] == before and emulator.scenario["group_memberships"] == {}
    assert workspace(store).fix_runs == []


def test_zendesk_refusals_are_shown_in_its_own_words(emulators):
    """422 RecordInvalid with its details, as the fix history stores a tracker's answer."""
    emulator = emulators.start("zendesk")
    reply = requests.post(f"{emulator.url}/api/v2/group_memberships", auth=(f"{ADMIN_EMAIL}/token", ADMIN_API_TOKEN),
                          json={"group_membership": {"user_id": 9001, "group_id": 360100}}, verify=False, timeout=10)
    assert reply.status_code == 422
    assert fixes._answer(reply.status_code, reply.json()) == ("HTTP 422: RecordInvalid: Record validation errors; "
                                                              "User is already a member of this group")
    reply = requests.put(f"{emulator.url}{USER_PATH}", auth=(f"{ADMIN_EMAIL}/token", ADMIN_API_TOKEN),
                         json={"user": {"custom_role_id": 1}}, verify=False, timeout=10)
    assert (reply.status_code, reply.json()["details"]["custom_role_id"][0]["description"]) == (
        422, "Custom role is invalid")
