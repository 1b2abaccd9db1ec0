"""Freshdesk fixes: the proxy user's agent made full-time, given Global Access and, when it holds no role, the
built-in Agent role, each with Update an Agent (PUT /api/v2/agents/{id}) and the admin instance's API key; undo sets
back the value read when the plan was made."""

from __future__ import annotations

from exadesk.foundation.checks import Status
from exadesk.sandbox import freshdesk as fd
from exadesk.services import fixes
from exadesk.store.model import Instance
from tests.helpers.conformance import assert_requests_documented, load_spec
from tests.helpers.fixes import status, statuses, stored, workspace, writes

PROXY = 43000712201
ADMIN_KEY, MEMBER_KEY = "FdAdmin0Key0Sbx0000001", "FdMember0Key0Sbx000001"  # made up
PUT = f"/api/v2/agents/{PROXY}"


def _fd(emulators, proxy: dict, admin_key: str = ADMIN_KEY):
    emulator = emulators.start("freshdesk", {"agents": {
        fd.DEMO_KEY: proxy,
        ADMIN_KEY: {"id": 43000712202, "type": "support_agent", "ticket_scope": 1, "role_ids": [2],
                    "name": "Ada Admin", "email": "ada@acme.example"},
        MEMBER_KEY: {"id": 43000712203, "type": "support_agent", "ticket_scope": 1, "role_ids": [4],
                     "name": "Max Member", "email": "max@acme.example"}}})
    inst = Instance(tracker="freshdesk", name="FD", url=emulator.url, auth_method="api_key", secret_fields=["api_key"])
    admin = Instance(tracker="freshdesk", name="FD admin", url=emulator.url, auth_method="api_key",
                     secret_fields=["api_key"], role="admin")
    store, ws = stored(inst, admin, secrets={"FD": {"api_key": fd.DEMO_KEY}, "FD admin": {"api_key": admin_key}})
    return emulator, store, ws, inst


def _proxy(emulator) -> dict:
    return emulator.scenario["agents"][fd.DEMO_KEY]


def test_occasional_agent_and_ticket_scope_are_fixed_and_undone(emulators):
    emulator, store, ws, inst = _fd(emulators, {"occasional": True, "ticket_scope": 3})
    assert status(inst, ws, "freshdesk.agent") is Status.WARN
    assert status(inst, ws, "freshdesk.ticket_scope") is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert not writes(emulator), "planning only reads"
    assert [(c.check_id, c.words, c.call.shown(), c.inverse.shown()) for c in plan.to_apply] == [
        ("freshdesk.agent", "Make Exalate Sync (exalate-sync@acme.example) a full-time agent (it is an occasional "
         "agent now)", f'PUT /agents/{PROXY} {{"occasional": false}}', f'PUT /agents/{PROXY} {{"occasional": true}}'),
        ("freshdesk.ticket_scope", "Give Exalate Sync (exalate-sync@acme.example) Global Access to tickets (now: "
         "Restricted Access (only tickets assigned to it))", f'PUT /agents/{PROXY} {{"ticket_scope": 1}}',
         f'PUT /agents/{PROXY} {{"ticket_scope": 3}}')]
    assert all(c.reference == "https://developers.freshdesk.com/api/#update_agent" for c in plan.to_apply)
    assert "agent licences" in plan.to_apply[0].touches[0]
    assert plan.admin_user == "FD admin"

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and [e["answer"] for e in outcome.applied] == ["HTTP 200", "HTTP 200"]
    assert writes(emulator) == [("PUT", PUT), ("PUT", PUT)]
    after = statuses(outcome.after)
    assert after["freshdesk.agent"] is Status.PASS and after["freshdesk.ticket_scope"] is Status.PASS
    assert fixes.apply(store, plan).applied == [], "a retry sends nothing"
    assert len(writes(emulator)) == 2

    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert undone.refused is None and len(undone.applied) == 2
    assert statuses(undone.after)["freshdesk.agent"] is Status.WARN
    assert statuses(undone.after)["freshdesk.ticket_scope"] is Status.FAIL
    assert _proxy(emulator)["occasional"] is True and _proxy(emulator)["ticket_scope"] == 3
    # Plan, apply, undo and the verifications between: every request a documented operation.
    api = load_spec("freshdesk/api-v2-reference.json")
    assert assert_requests_documented(api, emulator.requests) == len(emulator.requests)


def test_an_agent_without_a_role_gets_the_built_in_agent_role_with_no_undo(emulators):
    emulator, store, ws, inst = _fd(emulators, {"role_ids": []})
    assert status(inst, ws, "freshdesk.role") is Status.FAIL
    plan = fixes.plan(ws, inst)
    [change] = plan.to_apply
    assert (change.words, change.call.shown(), change.inverse) == (
        "Give Exalate Sync (exalate-sync@acme.example) the built-in role Agent", f'PUT /agents/{PROXY} {{"role_ids": [4]}}',
        None)
    assert "at least one role" in change.no_inverse
    assert any(r.path == "/api/v2/roles" and r.method == "GET" for r in emulator.requests), "the role found by name"
    outcome = fixes.apply(store, plan)
    assert statuses(outcome.after)["freshdesk.role"] is Status.PASS
    assert outcome.applied[0]["undo"] is None and "at least one role" in outcome.applied[0]["no_undo"]
    assert "at least one role" in fixes.undo_preview(outcome.run)[0]
    api = load_spec("freshdesk/api-v2-reference.json")
    assert assert_requests_documented(api, emulator.requests) == len(emulator.requests)


def test_an_admin_credential_that_is_not_an_administrator_is_refused_and_nothing_changes(emulators):
    emulator, store, ws, inst = _fd(emulators, {"occasional": True}, admin_key=MEMBER_KEY)
    plan = fixes.plan(ws, inst)
    assert len(plan.to_apply) == 1
    outcome = fixes.apply(store, plan)
    assert outcome.run is None and outcome.applied == []
    assert "HTTP 403: You are not authorized to perform this action." in outcome.refused.message
    assert "Administrator or Account Administrator role" in outcome.refused.next_step
    assert _proxy(emulator)["occasional"] is True
    assert workspace(store).fix_runs == []


def test_a_collaborator_is_left_by_hand_with_a_sentence(emulators):
    emulator, store, ws, inst = _fd(emulators, {"type": "collaborator"})
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == []
    [(title, why)] = plan.by_hand
    assert title == "Proxy user is a Freshdesk agent" and "does not turn a collaborator into a support agent" in why
    assert not writes(emulator)


def test_making_someone_an_administrator_or_not_stays_by_hand(emulators):
    emulator, store, ws, inst = _fd(emulators, {"role_ids": [1]})
    assert status(inst, ws, "freshdesk.admin_account") is Status.WARN
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == [] and "freshdesk.admin_account" not in plan.needs
    assert not writes(emulator)


def test_update_an_agent_refuses_bad_values_in_freshworks_validation_shape(emulators):
    emulator, store, ws, inst = _fd(emulators, {})
    from exadesk.verification.http import HttpClient, Page
    from exadesk.trackers import _freshworks as fw

    client = HttpClient(base_url=emulator.url + "/api/v2", page=Page("Freshdesk"), auth=fw.auth(ADMIN_KEY),
                        verifying=False)
    reply = client.request("PUT", f"/agents/{PROXY}", json_body={"ticket_scope": 7, "role_ids": [], "colour": "x"},
                           allow=range(400, 500), retry=False)
    assert reply.status == 400
    assert reply.json_or_none() == {"description": "Validation failed", "errors": [
        {"field": "colour", "message": "Unexpected/invalid field in request", "code": "invalid_field"},
        {"field": "ticket_scope", "message": "It should be one of these values: '1,2,3'", "code": "invalid_value"},
        {"field": "role_ids", "message": "It should contain elements", "code": "invalid_value"}]}
    assert _proxy(emulator)["ticket_scope"] == 1 and _proxy(emulator)["role_ids"] == [4], "nothing stored"
    missing = client.request("PUT", "/agents/1", json_body={"occasional": False}, allow=range(400, 500), retry=False)
    assert missing.status == 404


def test_the_proxy_users_own_key_may_not_change_its_own_ticket_scope(emulators):
    """Freshdesk's Update an Agent: "current logged in agent can't update his/her ticket_scope"."""
    emulator, store, ws, inst = _fd(emulators, {"ticket_scope": 2, "role_ids": [2]}, admin_key=fd.DEMO_KEY)
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == [] and not writes(emulator)
    [(title, why)] = plan.by_hand
    assert title == "Agent can see every ticket that syncs"
    assert "does not let an agent change its own ticket_scope" in why and "another administrator" in why
