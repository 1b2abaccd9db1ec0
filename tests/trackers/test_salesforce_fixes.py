"""Salesforce fixes: assign the narrowest permission set that grants what the proxy user lacks
(POST sobjects/PermissionSetAssignment, undo DELETE .../{id}), with the admin instance's token."""

from __future__ import annotations

import copy

from exadesk.foundation.checks import Status
from exadesk.sandbox import salesforce as sf
from exadesk.services import fixes
from exadesk.store.model import Instance
from tests.helpers.fixes import status, statuses, stored, workspace, writes

DELEGATE_ID = "0055g00000DeLeGAAB"
DELEGATE_TOKEN = "00D5g000004Sbx1!AQ4AQDelegateAccessTokenForExaDeskSandboxOnly.13579_delegate"  # made up
RCE = {"read": True, "create": True, "edit": True}
SETS = {
    "Case_Read": {"objects": {"Case": {"read": True}}},
    "Case_And_Accounts": {"objects": {"Case": RCE, "Account": RCE}},
    "Case_Sync": {"label": "Case Sync", "objects": {"Case": RCE}},
    "Big_Admin": {"PermissionsModifyAllData": True, "PermissionsApiEnabled": True, "objects": {"Case": RCE}},
    "Api_And_Everything": {"PermissionsApiEnabled": True, "PermissionsViewAllData": True},
    "Api_Only": {"label": "API Only", "PermissionsApiEnabled": True},
}
ASSIGN = "/services/data/v65.0/sobjects/PermissionSetAssignment"


def _sf(emulators, scenario: dict, *, admin_token: str = sf.ADMIN_TOKEN, sync: tuple[str, ...] = ()):
    emulator = emulators.start("salesforce", {
        "tokens": {sf.DEMO_TOKEN: sf.USER_ID, sf.ADMIN_TOKEN: sf.ADMIN_ID, DELEGATE_TOKEN: DELEGATE_ID},
        "users": {DELEGATE_ID: {"username": "dee@acme.example.com", "name": "Dee Delegate", "email": "dee@acme.example",
                                "user_type": "Standard", "profile": {"Name": "Standard User",
                                                                     "PermissionsApiEnabled": True}}},
        "permission_sets": copy.deepcopy(SETS), **scenario})
    inst = Instance(tracker="salesforce", name="SF", url=emulator.url, auth_method="access_token",
                    secret_fields=["access_token"], scope=["Case"], sync=list(sync))
    admin = Instance(tracker="salesforce", name="SF admin", url=emulator.url, auth_method="access_token",
                     secret_fields=["access_token"], role="admin")
    store, ws = stored(inst, admin, secrets={"SF": {"access_token": sf.DEMO_TOKEN},
                                             "SF admin": {"access_token": admin_token}})
    return emulator, store, ws, inst


def _set_id(emulator, name: str) -> str:
    return emulator._set_id(name)


NO_CASE_WRITES = {"objects": {"Case": {"createable": False, "updateable": False}}}


def test_object_permissions_fix_assigns_the_narrowest_set_once_for_create_and_edit_and_undoes(emulators):
    emulator, store, ws, inst = _sf(emulators, NO_CASE_WRITES)
    for key in ("salesforce.PermissionsCreate", "salesforce.PermissionsEdit"):
        assert status(inst, ws, key) is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert not writes(emulator), "planning only reads"
    assert [(c.check_id, c.call.shown(), c.to_json()["undo"]) for c in plan.to_apply] == [
        ("salesforce.PermissionsCreate",
         f'POST {ASSIGN} {{"AssigneeId": "{sf.USER_ID}", "PermissionSetId": "{_set_id(emulator, "Case_Sync")}"}}',
         f"DELETE {ASSIGN}/<the new record's id>")], "one set meets Create and Edit: assigned once"
    change = plan.to_apply[0]
    assert change.words == ("Assign the permission set Case Sync to Exalate Sync (exalate-sync@acme.example.com) "
                            "(it grants Read, Create, Edit on Case)")
    assert change.touches == ("Case Sync grants nothing beyond what the integration's requirements need.",)
    assert change.reference.startswith("https://developer.salesforce.com/")

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and outcome.applied[0]["answer"] == "HTTP 201"
    assert writes(emulator) == [("POST", ASSIGN)]
    after = statuses(outcome.after)
    assert after["salesforce.PermissionsCreate"] is Status.PASS and after["salesforce.PermissionsEdit"] is Status.PASS
    assert outcome.applied[0]["undo"]["path"].startswith(f"{ASSIGN}/0Pa")

    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert undone.refused is None and statuses(undone.after)["salesforce.PermissionsEdit"] is Status.FAIL
    assert sf.USER_ID not in emulator.scenario["permission_sets"]["Case_Sync"]["assignees"]


def test_api_enabled_fix_prefers_a_set_without_broad_permissions_and_a_retry_sends_nothing(emulators):
    emulator, store, ws, inst = _sf(emulators, {"users": {sf.USER_ID: {"profile": {"PermissionsApiEnabled": False}}}})
    assert status(inst, ws, "salesforce.ApiEnabled") is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert [(c.call.shown(), c.to_json()["undo"]) for c in plan.to_apply] == [
        (f'POST {ASSIGN} {{"AssigneeId": "{sf.USER_ID}", "PermissionSetId": "{_set_id(emulator, "Api_Only")}"}}',
         f"DELETE {ASSIGN}/<the new record's id>")], "API Only: no broad permission, no object beyond the scope"
    assert plan.to_apply[0].words.endswith("(it grants API Enabled)")
    outcome = fixes.apply(store, plan)
    assert statuses(outcome.after)["salesforce.ApiEnabled"] is Status.PASS
    again = fixes.apply(store, plan)
    assert again.applied == [] and again.refused is None and len(writes(emulator)) == 1, "assigned once"
    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert statuses(undone.after)["salesforce.ApiEnabled"] is Status.FAIL


def test_when_only_a_broad_set_grants_it_the_preview_says_so(emulators):
    sets = {"Big_Admin": SETS["Big_Admin"]}
    emulator, store, ws, inst = _sf(emulators, {**NO_CASE_WRITES, "permission_sets": copy.deepcopy(sets)})
    [change] = fixes.plan(ws, inst).to_apply
    assert change.call.body["PermissionSetId"] == _set_id(emulator, "Big_Admin")
    assert change.touches == ("Big Admin also grants Modify All Data: no permission set in this org grants Create "
                              "on Case with less.",)


def test_no_set_grants_it_the_plan_says_what_to_create_and_sends_nothing(emulators):
    emulator, store, ws, inst = _sf(emulators, {**NO_CASE_WRITES, "permission_sets": {
        "Case_Read": copy.deepcopy(SETS["Case_Read"])}})
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == []
    assert ("Proxy user can create records of the objects in scope",) == tuple(t for t, _ in plan.by_hand)[:1]
    assert "No permission set in this org grants Create on Case" in plan.by_hand[0][1]
    assert "Setup, Permission Sets, New" in plan.by_hand[0][1]
    assert not writes(emulator)


def test_an_admin_without_assign_permission_sets_is_refused_and_nothing_changes(emulators):
    emulator, store, ws, inst = _sf(emulators, NO_CASE_WRITES, admin_token=DELEGATE_TOKEN)
    outcome = fixes.apply(store, fixes.plan(ws, inst))
    assert outcome.run is None and outcome.applied == []
    assert "HTTP 400: INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY" in outcome.refused.message
    assert "Assign Permission Sets" in outcome.refused.next_step
    assert all(sf.USER_ID not in emulator.scenario["permission_sets"][name].get("assignees", []) for name in SETS)
    assert workspace(store).fix_runs == []


def test_case_comments_follow_the_case_edit_on_case_is_assigned_and_undone(emulators):
    emulator, store, ws, inst = _sf(emulators, {"objects": {"CaseComment": {"createable": False}}},
                                    sync=("comments",))
    assert status(inst, ws, "salesforce.CaseComment") is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert [(c.check_id, c.call.body["PermissionSetId"]) for c in plan.to_apply] == [
        ("salesforce.CaseComment", _set_id(emulator, "Case_Sync"))]
    assert plan.to_apply[0].words.endswith("(it grants Read, Create, Edit on Case)")
    outcome = fixes.apply(store, plan)
    assert statuses(outcome.after)["salesforce.CaseComment"] is Status.PASS
    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert statuses(undone.after)["salesforce.CaseComment"] is Status.FAIL


def test_planning_reads_every_batch_of_a_long_query(emulators):
    """Query More Results: with 2 records a batch, the narrowest set is still found among five."""
    emulator, store, ws, inst = _sf(emulators, {**NO_CASE_WRITES, "query_page_size": 2})
    [change] = fixes.plan(ws, inst).to_apply
    assert change.call.body["PermissionSetId"] == _set_id(emulator, "Case_Sync")
    assert any("/query/01gSbx" in r.path for r in emulator.requests), "the further batches were read"


def test_a_set_tied_to_another_user_licence_is_never_proposed(emulators):
    """A_Case_Integration would win on its name, but it is for the Salesforce Integration licence only."""
    sets = {**copy.deepcopy(SETS), "A_Case_Integration": {"license": "1005g000000IntgAAA", "objects": {"Case": RCE}}}
    emulator, store, ws, inst = _sf(emulators, {**NO_CASE_WRITES, "permission_sets": sets})
    [change] = fixes.plan(ws, inst).to_apply
    assert change.call.body["PermissionSetId"] == _set_id(emulator, "Case_Sync")
    emulator.scenario["users"][sf.USER_ID]["profile"]["UserLicenseId"] = "1005g000000IntgAAA"
    [change] = fixes.plan(ws, inst).to_apply
    assert change.call.body["PermissionSetId"] == _set_id(emulator, "A_Case_Integration"), "its own licence's set"
