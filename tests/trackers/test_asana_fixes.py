"""Asana fix: workspace membership (POST /workspaces/{gid}/addUser, undo removeUser) with the admin instance's
token."""

from __future__ import annotations

from exadesk.foundation.checks import Status
from exadesk.sandbox import asana as asana_emulator
from exadesk.services import fixes
from exadesk.store.model import Instance
from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec
from tests.helpers.fixes import status, statuses, stored, workspace, writes

PROXY, ADMIN, MEMBER = "1204000000000001", "1204000000000002", "1204000000000003"
ADMIN_TOKEN = "2/1204000000000002/1204000000000098:0a1b2c3d4e5f60718293a4b5c6d7e8f9"  # made up
MEMBER_TOKEN = "2/1204000000000003/1204000000000097:9f8e7d6c5b4a39281706f5e4d3c2b1a0"  # made up
CORP, LABS = "1204000000000500", "1204000000000600"
FULL = {"is_admin": False, "is_guest": False, "is_active": True}


def _asana(emulators, admin_token: str = ADMIN_TOKEN, **labs):
    emulator = emulators.start("asana", {
        "tokens": {ADMIN_TOKEN: ADMIN, MEMBER_TOKEN: MEMBER},
        "users": {ADMIN: {"name": "Ada Admin", "email": "ada@acme.example"},
                  MEMBER: {"name": "Max Member", "email": "max@acme.example"}},
        "workspaces": {CORP: {"members": {ADMIN: {**FULL, "is_admin": True}}},
                       LABS: {"members": {PROXY: None, ADMIN: {**FULL, "is_admin": True}, MEMBER: FULL}, **labs}}})
    inst = Instance(tracker="asana", name="Asana", url=emulator.url, auth_method="pat", secret_fields=["token"],
                    scope=["Acme Corp", "Acme Labs"])
    admin = Instance(tracker="asana", name="Asana admin", url=emulator.url, auth_method="pat", secret_fields=["token"],
                     role="admin")
    store, ws = stored(inst, admin, secrets={"Asana": {"token": asana_emulator.DEMO_TOKEN},
                                             "Asana admin": {"token": admin_token}})
    return emulator, store, ws, inst


def test_workspace_membership_fix_adds_the_proxy_user_and_undo_removes_it(emulators):
    emulator, store, ws, inst = _asana(emulators)
    assert status(inst, ws, "asana.workspaces") is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert not writes(emulator), "planning only reads"
    body = f'{{"data": {{"user": "{PROXY}"}}}}'
    assert [(c.words, c.call.shown(), c.inverse.shown(), c.done) for c in plan.changes] == [
        ("Add Exalate Sync (exalate-sync@acme.example) to the workspace Acme Corp",
         f"POST /workspaces/{CORP}/addUser {body}", f"POST /workspaces/{CORP}/removeUser {body}", True),
        ("Add Exalate Sync (exalate-sync@acme.example) to the workspace Acme Labs",
         f"POST /workspaces/{LABS}/addUser {body}", f"POST /workspaces/{LABS}/removeUser {body}", False)]
    assert "owner of the administrator's token" in plan.to_apply[0].touches[1]

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and outcome.applied[0]["answer"] == "HTTP 200"
    assert writes(emulator) == [("POST", f"/api/1.0/workspaces/{LABS}/addUser")]
    assert statuses(outcome.before)["asana.workspaces"] is Status.FAIL
    assert statuses(outcome.after)["asana.workspaces"] is Status.PASS
    assert fixes.apply(store, plan).applied == [], "a retry sends nothing"

    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert undone.refused is None and statuses(undone.after)["asana.workspaces"] is Status.FAIL
    assert PROXY not in emulator.scenario["workspaces"][LABS]["members"]
    # Plan, apply, undo and the checks between: every request a documented operation, replies as described.
    api = load_spec("asana/asana_oas.yaml", mount="/api/1.0")
    assert assert_requests_documented(api, emulator.requests) == len(emulator.requests)
    assert assert_replies_conform(api, [r for r in emulator.requests if r.method == "POST"]) == 2


def test_a_member_where_only_admins_invite_is_refused_and_hears_what_it_needs(emulators):
    emulator, store, ws, inst = _asana(emulators, MEMBER_TOKEN, invites_admins_only=True)
    plan = fixes.plan(ws, inst)
    assert [c.words.rsplit(" ", 2)[-2:] for c in plan.to_apply] == [["Acme", "Labs"]]
    outcome = fixes.apply(store, plan)
    assert outcome.run is None and outcome.applied == []
    assert "HTTP 403: Forbidden" in outcome.refused.message
    assert "admin rights where the workspace lets only admins invite" in outcome.refused.next_step
    assert emulator.scenario["workspaces"][LABS]["members"].get(PROXY) is None
    assert workspace(store).fix_runs == []
