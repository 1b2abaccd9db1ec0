"""Freshservice fixes: the proxy user's agent made full-time, its first role let on the entire helpdesk and, when it
holds no role, given SD Agent, each with Update an Agent (PUT /api/v2/agents/{id}) and the admin instance's API key;
undo sets back the value read when the plan was made."""

from __future__ import annotations

from exadesk.foundation.checks import Status
from exadesk.sandbox import freshservice as fs
from exadesk.services import fixes
from exadesk.store.model import Instance
from tests.helpers.conformance import assert_requests_documented, load_spec
from tests.helpers.fixes import status, statuses, stored, workspace, writes

PROXY = 21000418005
ADMIN_KEY, MEMBER_KEY = "FsAdmin0Key0Sbx0000001", "FsMember0Key0Sbx000001"  # made up
ADMIN_ROLE, SD_AGENT, TRIAGE = 21000150293, 21000150295, 21000150301
PUT = f"/api/v2/agents/{PROXY}"
#: Documented on the HTML reference only (Freshworks' swagger description has no View Me, roles or ticket form
#: fields): https://api.freshservice.com/#view_me, #view_all_role, #view_a_role, #ticket_form_fields.
HTML_ONLY = (r"^/api/v2/agents/me$", r"^/api/v2/roles(/\d+)?$", r"^/api/v2/ticket_form_fields$")


def _fs(emulators, proxy: dict, admin_key: str = ADMIN_KEY):
    def agent(id_: int, first: str, role: int) -> dict:
        return {"id": id_, "first_name": first, "last_name": "Example", "email": f"{first.lower()}@acme.example",
                "active": True, "occasional": False, "api_access": True,
                "roles": [{"role_id": role, "assignment_scope": "entire_helpdesk", "groups": None}]}

    emulator = emulators.start("freshservice", {"agents": {
        fs.DEMO_KEY: proxy, ADMIN_KEY: agent(21000418006, "Ada", ADMIN_ROLE),
        MEMBER_KEY: agent(21000418007, "Max", SD_AGENT)}})
    inst = Instance(tracker="freshservice", name="FS", url=emulator.url, auth_method="api_key",
                    secret_fields=["api_key"])
    admin = Instance(tracker="freshservice", name="FS admin", url=emulator.url, auth_method="api_key",
                     secret_fields=["api_key"], role="admin")
    store, ws = stored(inst, admin, secrets={"FS": {"api_key": fs.DEMO_KEY}, "FS admin": {"api_key": admin_key}})
    return emulator, store, ws, inst


def _proxy(emulator) -> dict:
    return emulator.scenario["agents"][fs.DEMO_KEY]


def _documented(emulator) -> None:
    api = load_spec("freshservice/freshservice-v2.0.1.swagger.yml")
    assert assert_requests_documented(api, emulator.requests, allow=HTML_ONLY) >= 4
    assert {(r.method, r.path) for r in emulator.requests} >= {("GET", PUT), ("PUT", PUT)}


def test_occasional_agent_and_group_scoped_role_are_fixed_and_undone(emulators):
    emulator, store, ws, inst = _fs(emulators, {"occasional": True, "roles": [
        {"role_id": SD_AGENT, "assignment_scope": "specified_groups", "groups": [21000188001]},
        {"role_id": TRIAGE, "assignment_scope": "assigned_items", "groups": None}]})
    assert status(inst, ws, "freshservice.agent") is Status.WARN
    assert status(inst, ws, "freshservice.tickets") is Status.WARN
    plan = fixes.plan(ws, inst)
    assert not writes(emulator), "planning only reads"
    old = (f'[{{"assignment_scope": "specified_groups", "groups": [21000188001], "role_id": {SD_AGENT}}}, '
           f'{{"assignment_scope": "assigned_items", "role_id": {TRIAGE}}}]')
    new = (f'[{{"assignment_scope": "entire_helpdesk", "role_id": {SD_AGENT}}}, '
           f'{{"assignment_scope": "assigned_items", "role_id": {TRIAGE}}}]')
    assert [(c.check_id, c.words, c.call.shown(), c.inverse.shown()) for c in plan.to_apply] == [
        ("freshservice.agent", "Make Exalate Sync (exalate-sync@acme.example) a full-time agent (it is an occasional "
         "agent now)", f'PUT /agents/{PROXY} {{"occasional": false}}', f'PUT /agents/{PROXY} {{"occasional": true}}'),
        ("freshservice.tickets", "Let Exalate Sync (exalate-sync@acme.example) use the role SD Agent on the entire "
         "helpdesk (now: Group Access)", f'PUT /agents/{PROXY} {{"roles": {new}}}',
         f'PUT /agents/{PROXY} {{"roles": {old}}}')]
    assert plan.to_apply[1].touches == ("Everything the role SD Agent allows (tickets, and problems, changes or "
                                        "releases if it covers them) then applies to the whole helpdesk, not only "
                                        "some groups.",)
    assert all(c.reference == "https://api.freshservice.com/#update_an_agent" for c in plan.to_apply)

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and [e["answer"] for e in outcome.applied] == ["HTTP 200", "HTTP 200"]
    assert writes(emulator) == [("PUT", PUT), ("PUT", PUT)]
    after = statuses(outcome.after)
    assert after["freshservice.agent"] is Status.PASS and after["freshservice.tickets"] is Status.PASS
    assert fixes.apply(store, plan).applied == [], "a retry sends nothing"
    assert len(writes(emulator)) == 2

    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert undone.refused is None and len(undone.applied) == 2
    assert statuses(undone.after)["freshservice.agent"] is Status.WARN
    assert statuses(undone.after)["freshservice.tickets"] is Status.WARN
    assert _proxy(emulator)["occasional"] is True
    assert _proxy(emulator)["roles"][0] == {"role_id": SD_AGENT, "assignment_scope": "specified_groups",
                                            "groups": [21000188001]}, "the groups are back too"
    _documented(emulator)


def test_an_agent_without_a_role_gets_sd_agent_once_for_role_and_tickets_with_no_undo(emulators):
    emulator, store, ws, inst = _fs(emulators, {"roles": []})
    assert status(inst, ws, "freshservice.role") is Status.FAIL
    assert status(inst, ws, "freshservice.tickets") is Status.FAIL
    plan = fixes.plan(ws, inst)
    [change] = plan.to_apply
    assert change.check_id == "freshservice.tickets", "one change meets both checks and is listed once"
    assert change.call.shown() == \
        f'PUT /agents/{PROXY} {{"roles": [{{"assignment_scope": "entire_helpdesk", "role_id": {SD_AGENT}}}]}}'
    assert change.words == "Give Exalate Sync (exalate-sync@acme.example) the built-in role SD Agent"
    assert change.inverse is None and "at least one role" in change.no_inverse
    outcome = fixes.apply(store, plan)
    after = statuses(outcome.after)
    assert after["freshservice.role"] is Status.PASS and after["freshservice.tickets"] is Status.PASS
    assert len(writes(emulator)) == 1
    _documented(emulator)


def test_an_admin_credential_that_is_not_an_administrator_hears_what_it_needs_before_anything_changes(emulators):
    emulator, store, ws, inst = _fs(emulators, {"occasional": True}, admin_key=MEMBER_KEY)
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == []
    [(title, why)] = plan.by_hand
    assert title == "Proxy user is an active agent"
    assert "only an administrator may read and update agents" in why and "Admin or Account Admin role" in why
    assert not writes(emulator) and _proxy(emulator)["occasional"] is True


def test_a_refused_update_names_what_the_admin_needs(emulators):
    emulator, store, ws, inst = _fs(emulators, {"occasional": True})
    plan = fixes.plan(ws, inst)
    emulator.scenario["agents"][ADMIN_KEY]["roles"] = [{"role_id": SD_AGENT, "assignment_scope": "entire_helpdesk"}]
    outcome = fixes.apply(store, plan)  # the admin lost its role since the plan was shown
    assert outcome.run is None and "HTTP 403" in outcome.refused.message
    assert "Admin or Account Admin role" in outcome.refused.next_step
    assert _proxy(emulator)["occasional"] is True


def test_api_access_and_the_admin_account_stay_by_hand(emulators):
    emulator, store, ws, inst = _fs(emulators, {"roles": [{"role_id": ADMIN_ROLE, "assignment_scope":
                                                           "entire_helpdesk"}]})
    assert status(inst, ws, "freshservice.admin_account") is Status.WARN
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == [] and not writes(emulator)
    assert not {"api_access", "admin_account"} & set(fixes.fixes_of("freshservice"))


def test_a_deactivated_agent_is_left_by_hand(emulators):
    emulator, store, ws, inst = _fs(emulators, {"active": False})
    assert status(inst, ws, "freshservice.agent") is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == []
    [(title, why)] = plan.by_hand
    assert title == "Proxy user is an active agent" and "ExaDesk does not reactivate agents" in why
    assert "Reactivate" in why and not writes(emulator)


def test_update_an_agent_refuses_bad_roles_in_freshworks_validation_shape(emulators):
    emulator, store, ws, inst = _fs(emulators, {})
    from exadesk.verification.http import HttpClient, Page
    from exadesk.trackers import _freshworks as fw

    client = HttpClient(base_url=emulator.url + "/api/v2", page=Page("Freshservice"), auth=fw.auth(ADMIN_KEY),
                        verifying=False)
    bad = client.request("PUT", f"/agents/{PROXY}", json_body={"occasional": "no", "roles": [
        {"role_id": SD_AGENT, "assignment_scope": "specified_groups"}]}, allow=range(400, 500), retry=False)
    assert bad.status == 400 and bad.json_or_none() == {"description": "Validation failed", "errors": [
        {"field": "occasional", "message": "Value set is of type String.It should be a/an Boolean",
         "code": "datatype_mismatch"},
        {"field": "groups", "message": "It should not be blank as this is a mandatory field", "code": "missing_field"}]}
    empty = client.request("PUT", f"/agents/{PROXY}", json_body={"roles": []}, allow=range(400, 500), retry=False)
    assert empty.status == 400 and empty.json_or_none()["errors"][0]["field"] == "roles"
    assert _proxy(emulator).get("occasional") is False and _proxy(emulator)["roles"][0]["role_id"] == SD_AGENT
