"""Fix it for me (exadesk.services.fixes) against the emulators: per fix, the check fails, the plan lists exactly the
requests, apply, the check passes, undo, the check fails again; a refused change leaves nothing half-applied and
says what the administrator needs; a retry never sends a change twice; no secret reaches the plan."""

from __future__ import annotations

import json

import pytest

from exadesk.foundation.checks import Status
from exadesk.sandbox import jira_cloud as jira_emulator
from exadesk.sandbox import servicenow as sn_emulator
from exadesk.sandbox.kit import json_response
from exadesk.services import fixes
from exadesk.store.model import Connection, Instance
from exadesk.verification import registry
from exadesk.verification.http import HttpClient, Page, is_declared_read
from tests.helpers.fixes import github_scenario
from tests.helpers.fixes import status as _status
from tests.helpers.fixes import stored as _store

APP = jira_emulator.APP_ACCOUNT
ALL_BUT_SOFTWARE = ["atlassian-addons", "atlassian-addons-admin", "jira-core-users", "jira-servicedesk-users"]
#: A Jira user who is neither site admin nor Jira administrator (made up for these tests).
PAT_EMAIL, PAT_TOKEN = "pat@example.com", "ATATT3xFfGF0PatProjectAdminTokenOnlyForTests0000=11223344"
PAT = {"accountId": "5b10a2844c20165700ede301", "displayName": "Pat Project", "administer": False,
       "browse_users": True, "project_admin": [], "groups": ["jira-software-users"], "token": PAT_TOKEN}


def _jira(emulators, extra: dict | None = None):
    scenario = {"app_user": {"groups": list(ALL_BUT_SOFTWARE)}, "people": {PAT_EMAIL: PAT}}
    scenario.update(extra or {})
    emulator = emulators.start("jira_cloud", scenario)
    inst = Instance(tracker="jira_cloud", name="Jira", url=emulator.url, auth_method="api_token",
                    values={"email": jira_emulator.DEMO_EMAIL}, secret_fields=["api_token"], scope=["SUP"])
    return emulator, inst


def _writes(emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path + ("?" + "&".join(f"{k}={v[0]}" for k, v in sorted(r.query.items())) if r.query else ""))
            for r in emulator.requests if r.method not in ("GET", "HEAD")
            and not is_declared_read(r.method, r.path, reads=registry.get("jira_cloud").spec.non_get_reads)]


# -- Jira Cloud ---------------------------------------------------------------------------------------------


def test_jira_cloud_group_fix_plans_applies_verifies_and_undoes(emulators):
    emulator, inst = _jira(emulators)
    store, ws = _store(inst, secrets={"Jira": {"api_token": jira_emulator.DEMO_TOKEN}})
    check = "jira_cloud.jira-software-users"
    assert _status(inst, ws, check) is Status.FAIL

    plan = fixes.plan(ws, inst)
    assert not _writes(emulator), "planning only reads"
    assert [(c.call.shown(), c.inverse.shown()) for c in plan.to_apply] == [
        (f'POST /rest/api/3/group/user?groupname=jira-software-users {{"accountId": "{APP}"}}',
         f"DELETE /rest/api/3/group/user?groupname=jira-software-users&accountId={APP.replace(':', '%3A')}")]
    assert plan.to_apply[0].words == "Add Exalate to group jira-software-users"
    assert plan.to_apply[0].reference.startswith("https://developer.atlassian.com/cloud/jira/platform/rest/v3/")

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and len(outcome.applied) == 1
    assert _writes(emulator) == [("POST", "/rest/api/3/group/user?groupname=jira-software-users")]
    assert {c.id: c.status for c in outcome.before.checks}[check] is Status.FAIL
    assert {c.id: c.status for c in outcome.after.checks}[check] is Status.PASS
    ws = store.load().data.workspace("Acme")
    run = ws.fix_runs[-1]
    assert run.by == "Jira (site-admin@example.com)" and run.at == outcome.run.at
    assert run.changes[0]["answer"] == "HTTP 201" and run.changes[0]["undo"]["method"] == "DELETE"

    undone = fixes.undo(store, ws, run.id)
    assert undone.refused is None and len(undone.applied) == 1
    assert {c.id: c.status for c in undone.after.checks}[check] is Status.FAIL
    assert store.load().data.workspace("Acme").fix_runs[-1].changes[0]["undone_at"]


def test_jira_cloud_role_fix_names_what_the_role_holds_and_undoes(emulators):
    emulator, inst = _jira(emulators, {"app_user": {"groups": ALL_BUT_SOFTWARE + ["jira-software-users"]},
                                       "projects": {"SUP": {"id": "10000", "name": "Support", "scheme": "10000",
                                                            "role_members": []}}})
    store, ws = _store(inst, secrets={"Jira": {"api_token": jira_emulator.DEMO_TOKEN}})
    check = "jira_cloud.atlassian-addons-project-access"
    assert _status(inst, ws, check) is Status.FAIL
    plan = fixes.plan(ws, inst)
    path = f"/rest/api/3/project/SUP/role/{jira_emulator.ROLE_ADDONS}"
    assert [(c.call.shown(), c.inverse.shown()) for c in plan.to_apply] == [
        (f'POST {path} {{"user": ["{APP}"]}}', f"DELETE {path}?user={APP.replace(':', '%3A')}")]
    assert "BROWSE_PROJECTS" in plan.to_apply[0].touches[0] and "Default software scheme" in plan.to_apply[0].touches[0]
    outcome = fixes.apply(store, plan)
    assert {c.id: c.status for c in outcome.after.checks}[check] is Status.PASS
    undone = fixes.undo(store, store.load().data.workspace("Acme"), outcome.run.id)
    assert {c.id: c.status for c in undone.after.checks}[check] is Status.FAIL


def test_an_admin_without_the_right_changes_nothing_and_hears_what_it_needs(emulators):
    emulator, inst = _jira(emulators)
    admin = Instance(tracker="jira_cloud", name="Pat on Jira", url=emulator.url, auth_method="api_token",
                     values={"email": PAT_EMAIL}, secret_fields=["api_token"], role="admin")
    store, ws = _store(inst, admin, secrets={"Jira": {"api_token": jira_emulator.DEMO_TOKEN},
                                             "Pat on Jira": {"api_token": PAT_TOKEN}})
    plan = fixes.plan(ws, inst)
    assert plan.admin.name == "Pat on Jira", "the workspace's admin instance makes the change"
    outcome = fixes.apply(store, plan)
    assert outcome.run is None and outcome.applied == []
    assert outcome.refused.reason == "fix.refused" and "HTTP 403" in outcome.refused.message
    assert "site-admins" in outcome.refused.next_step
    assert emulator.scenario["app_user"]["groups"] == ALL_BUT_SOFTWARE, "nothing half-applied"
    assert store.load().data.workspace("Acme").fix_runs == []


def test_a_retry_does_not_send_a_change_twice(emulators):
    emulator, inst = _jira(emulators)
    store, ws = _store(inst, secrets={"Jira": {"api_token": jira_emulator.DEMO_TOKEN}})
    plan = fixes.plan(ws, inst)
    assert len(fixes.apply(store, plan).applied) == 1
    # The same plan applied again (a retry): the state is read first, the member is not added twice.
    again = fixes.apply(store, plan)
    assert again.applied == [] and again.refused is None and again.run is None
    assert [m for m, _ in _writes(emulator)] == ["POST"], "the group add was sent once"
    # And a fresh plan has nothing left to do for that check.
    fresh = fixes.plan(store.load().data.workspace("Acme"), inst)
    assert not [c for c in fresh.to_apply if c.check_id == "jira_cloud.jira-software-users"]


def test_no_admin_instance_is_a_sentence_naming_what_to_add(emulators):
    emulator = emulators.start("servicenow")
    inst = Instance(tracker="servicenow", name="SN", url=emulator.url, auth_method="basic",
                    values={"username": "exalate.proxy"}, secret_fields=["password"])
    store, ws = _store(inst, secrets={"SN": {"password": sn_emulator.DEMO_PASSWORD}})
    with pytest.raises(fixes.FixError) as caught:
        fixes.plan(ws, inst)
    problem = caught.value.problem
    assert problem.reason == "fix.no_admin" and "never the proxy user's" in problem.message
    assert "exadesk add servicenow --role admin" in problem.next_step
    assert not emulator.requests, "nothing was sent"


# -- ServiceNow ---------------------------------------------------------------------------------------------


def _servicenow(emulators, admin_user: str, admin_password: str, *, via_connection: bool = False):
    emulator = emulators.start("servicenow", {
        "users": {"exalate.proxy": {"roles": ["itil", "snc_platform_rest_api_access", sn_emulator.ROLE]}},
        "acls": {"sys_user_role": {"read": []}}})
    inst = Instance(tracker="servicenow", name="SN", url=emulator.url, auth_method="basic",
                    values={"username": "exalate.proxy"}, secret_fields=["password"], scope=["incident"])
    admin = Instance(tracker="servicenow", name="SN admin", url=emulator.url + "/", auth_method="basic",
                     values={"username": admin_user}, secret_fields=["password"],
                     role="proxy" if via_connection else "admin")
    other = Instance(tracker="github", name="Repo", url="https://api.github.com", auth_method="token")
    connections = [Connection(name="Sync", left=inst.id, right=other.id, admins={inst.id: admin.id})] \
        if via_connection else []
    store, ws = _store(inst, admin, other, connections=connections,
                       secrets={"SN": {"password": sn_emulator.DEMO_PASSWORD}, "SN admin": {"password": admin_password}})
    return emulator, store, ws, inst


def test_servicenow_role_fix_through_sys_user_has_role(emulators):
    emulator, store, ws, inst = _servicenow(emulators, "admin", "Sbx-Admin-Pw-5521", via_connection=True)
    check = "servicenow.import_set"
    assert _status(inst, ws, check) is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert plan.admin.name == "SN admin", "a connection's admin of that side makes the change"
    user = sn_emulator.PROXY_ID
    assert [c.call.shown() for c in plan.to_apply] == [
        f'POST /api/now/table/sys_user_has_role {{"role": "role-{role}", "user": "{user}"}}'
        for role in ("import_set_loader", "import_transformer")]
    assert [c.to_json()["undo"] for c in plan.to_apply] == \
        ["DELETE /api/now/table/sys_user_has_role/<the new record's id>"] * 2
    outcome = fixes.apply(store, plan)
    assert outcome.refused is None
    assert [e["undo"]["path"] for e in outcome.applied] == [
        f"/api/now/table/sys_user_has_role/uhr-exalate.proxy-{role}" for role in ("import_set_loader",
                                                                                 "import_transformer")]
    assert {c.id: c.status for c in outcome.after.checks}[check] is Status.PASS
    undone = fixes.undo(store, store.load().data.workspace("Acme"), outcome.run.id)
    assert [e["words"] for e in undone.applied] == ["Give exalate.proxy the role import_transformer",
                                                    "Give exalate.proxy the role import_set_loader"], "reverse order"
    assert {c.id: c.status for c in undone.after.checks}[check] is Status.FAIL


def test_servicenow_admin_without_user_admin_is_refused_before_anything_changes(emulators):
    emulator, store, ws, inst = _servicenow(emulators, "dana.delegate", sn_emulator.DELEGATE_PASSWORD)
    outcome = fixes.apply(store, fixes.plan(ws, inst))
    assert outcome.applied == [] and outcome.refused is not None
    assert "ACL Exception Insert Failed" in outcome.refused.message and "user_admin" in outcome.refused.next_step
    assert emulator.scenario["users"]["exalate.proxy"]["roles"] == ["itil", "snc_platform_rest_api_access",
                                                                      sn_emulator.ROLE]


def test_a_refusal_midway_keeps_what_was_applied_recorded_for_undo(emulators):
    emulator, store, ws, inst = _servicenow(emulators, "admin", "Sbx-Admin-Pw-5521")
    plan = fixes.plan(ws, inst)
    # The instance refuses the second grant (the role was made elevated meanwhile, say): 403 on its insert.
    original = emulator.handle

    def second_refused(request, seen=[]):
        if request.method == "POST":
            seen.append(request)
            if len(seen) == 2:
                return emulator._acl_refused("Insert")
        return original(request)

    emulator.handle = second_refused
    outcome = fixes.apply(store, plan)
    assert len(outcome.applied) == 1 and outcome.refused is not None
    assert "applied and recorded before it: 1 change" in outcome.refused.message
    run = store.load().data.workspace("Acme").fix_runs[-1]
    assert [c["words"] for c in run.changes] == ["Give exalate.proxy the role import_set_loader"]
    emulator.handle = original
    fixes.undo(store, store.load().data.workspace("Acme"), run.id)
    assert "import_set_loader" not in emulator.scenario["users"]["exalate.proxy"]["roles"]


# -- Jira on-premise ----------------------------------------------------------------------------------------

ONPREM_ADMIN_PASSWORD = "Jira-Admin-Password-For-Tests-1"  # made up
ONPREM_PEOPLE = {
    "jadmin": {"key": "JIRAUSER10001", "displayName": "Jo Admin", "emailAddress": "jo@example.com",
               "password": ONPREM_ADMIN_PASSWORD, "admin": True, "groups": ["jira-administrators"]},
    "lee": {"key": "JIRAUSER10002", "displayName": "Lee Lead", "emailAddress": "lee@example.com",
            "password": ONPREM_ADMIN_PASSWORD, "admin": False, "project_admin": ["SUP"], "groups": []},
}


def _onprem(emulators, admin_user: str):
    from exadesk.sandbox import jira_onprem as onprem_emulator

    emulator = emulators.start("jira_onprem", {
        "people": ONPREM_PEOPLE, "user": {"groups": ["jira-software-users"]},
        "projects": {"SUP": {"id": 10000, "name": "Support", "scheme": "10000", "denied": [], "visible": True,
                             "service_desk": 1, "agent": False, "team": []}}})
    inst = Instance(tracker="jira_onprem", name="DC", url=emulator.url, auth_method="pat", secret_fields=["token"],
                    scope=["SUP"], sync=["service_desk"])
    admin = Instance(tracker="jira_onprem", name="DC admin", url=emulator.url, auth_method="password",
                     values={"username": admin_user}, secret_fields=["password"], role="admin")
    store, ws = _store(inst, admin, secrets={"DC": {"token": onprem_emulator.DEMO_PAT},
                                             "DC admin": {"password": ONPREM_ADMIN_PASSWORD}})
    return emulator, store, ws, inst


def test_jira_onprem_agent_fix_adds_the_licence_group_and_the_service_desk_team_role(emulators):
    emulator, store, ws, inst = _onprem(emulators, "jadmin")
    check = "jira_onprem.service_desk_agent"
    assert _status(inst, ws, check) is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert [(c.words, c.call.shown(), c.inverse.shown()) for c in plan.to_apply] == [
        ("Add exalate-proxy to group jira-servicedesk-users",
         'POST /rest/api/2/group/user?groupname=jira-servicedesk-users {"name": "exalate-proxy"}',
         "DELETE /rest/api/2/group/user?groupname=jira-servicedesk-users&username=exalate-proxy"),
        ("Add exalate-proxy to project role Service Desk Team in SUP",
         'POST /rest/api/2/project/SUP/role/10101 {"user": ["exalate-proxy"]}',
         "DELETE /rest/api/2/project/SUP/role/10101?user=exalate-proxy")]
    assert plan.to_apply[1].reference.startswith("https://docs.atlassian.com/software/jira/docs/api/REST/")
    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and len(outcome.applied) == 2
    assert {c.id: c.status for c in outcome.after.checks}[check] is Status.PASS
    undone = fixes.undo(store, store.load().data.workspace("Acme"), outcome.run.id)
    assert [e["words"] for e in undone.applied][0].startswith("Add exalate-proxy to project role"), "reverse order"
    assert {c.id: c.status for c in undone.after.checks}[check] is Status.FAIL
    assert emulator.scenario["user"]["groups"] == ["jira-software-users"]


def test_jira_onprem_project_admin_cannot_add_to_a_group_and_nothing_is_half_done(emulators):
    emulator, store, ws, inst = _onprem(emulators, "lee")
    outcome = fixes.apply(store, fixes.plan(ws, inst))
    assert outcome.applied == [] and "HTTP 403" in outcome.refused.message
    assert "Jira Administrators" in outcome.refused.next_step
    assert emulator.scenario["projects"]["SUP"]["team"] == [], "the role was not changed after the refusal"


# -- GitHub ------------------------------------------------------------------------------------------------

GH_PROXY, GH_ADMIN = "ghp_" + "ProxyTokenForFixTests".ljust(36, "0"), "ghp_" + "AdminTokenForFixTests".ljust(36, "0")


def _github(emulators, proxy_role: str | None):
    emulator = emulators.start("github", github_scenario(GH_PROXY, GH_ADMIN, proxy_role))
    inst = Instance(tracker="github", name="Repo", url=emulator.url, auth_method="classic", secret_fields=["token"],
                    scope=["acme/portal"])
    admin = Instance(tracker="github", name="Dana on GitHub", url=emulator.url, auth_method="classic",
                     secret_fields=["token"], role="admin")
    store, ws = _store(inst, admin, secrets={"Repo": {"token": GH_PROXY}, "Dana on GitHub": {"token": GH_ADMIN}})
    return emulator, store, ws, inst


def test_a_failing_check_without_a_fix_is_listed_by_hand_with_the_trackers_reason(emulators):
    emulator, store, ws, inst = _github(emulators, "push")
    emulator.scenario["tokens"][GH_PROXY]["scopes"] = ["read:org"]  # the token lacks repo: only its owner can change it
    assert _status(inst, ws, "github.repo") is Status.FAIL
    plan = fixes.plan(ws, inst)
    reason = fixes.not_fixable_of("github")["repo"]
    title = registry.get("github").spec.requirement("repo").title
    assert (title, reason[0].upper() + reason[1:]) in plan.by_hand
    assert all(c.check_id != "github.repo" for c in plan.changes)


def test_github_admin_role_for_an_existing_collaborator_and_its_undo(emulators):
    emulator, store, ws, inst = _github(emulators, "push")
    assert _status(inst, ws, "github.admin") is Status.FAIL
    plan = fixes.plan(ws, inst)
    path = "/repos/acme/portal/collaborators/exalate-proxy"
    assert [(c.words, c.call.shown(), c.inverse.shown()) for c in plan.to_apply] == [
        ("Give exalate-proxy the Admin role on acme/portal (now write)", f'PUT {path} {{"permission": "admin"}}',
         f'PUT {path} {{"permission": "push"}}')]
    assert "no narrower role" in plan.to_apply[0].touches[0]
    outcome = fixes.apply(store, plan)
    assert {c.id: c.status for c in outcome.after.checks}["github.admin"] is Status.PASS
    undone = fixes.undo(store, store.load().data.workspace("Acme"), outcome.run.id)
    assert {c.id: c.status for c in undone.after.checks}["github.admin"] is Status.FAIL
    assert emulator.scenario["repos"]["acme/portal"]["collaborators"]["exalate-proxy"] == "push"


def test_github_invitation_waits_for_the_proxy_user_to_accept(emulators):
    import requests

    emulator, store, ws, inst = _github(emulators, None)
    plan = fixes.plan(ws, inst)
    [change] = plan.to_apply
    assert change.words == "Invite exalate-proxy to acme/portal with the Admin role"
    assert "must accept it" in change.touches[0]
    assert change.inverse.shown() == "DELETE /repos/acme/portal/collaborators/exalate-proxy"
    outcome = fixes.apply(store, plan)
    assert outcome.applied[0]["answer"] == "HTTP 201"
    assert {c.id: c.status for c in outcome.after.checks}["github.admin"] is Status.FAIL, "not until accepted"
    assert [c.done for c in fixes.plan(store.load().data.workspace("Acme"), inst).changes] == [True], \
        "the pending invitation is not sent again"
    [invitation_id] = emulator.scenario["repos"]["acme/portal"]["invitations"]
    accepted = requests.patch(f"{emulator.url}/api/v3/user/repository_invitations/{invitation_id}",
                              headers={"Authorization": f"Bearer {GH_PROXY}"}, timeout=5)
    assert accepted.status_code == 204
    assert _status(inst, ws, "github.admin") is Status.PASS
    undone = fixes.undo(store, store.load().data.workspace("Acme"), outcome.run.id)
    assert {c.id: c.status for c in undone.after.checks}["github.admin"] is Status.FAIL
    assert "exalate-proxy" not in emulator.scenario["repos"]["acme/portal"]["collaborators"]


def test_github_collaborator_without_admin_rights_is_refused(emulators):
    emulator, store, ws, inst = _github(emulators, "push")
    emulator.scenario["repos"]["acme/portal"]["collaborators"]["dana"] = "maintain"
    outcome = fixes.apply(store, fixes.plan(ws, inst))
    assert outcome.applied == [] and "Must have admin rights to Repository." in outcome.refused.message
    assert "Admin role on each repository" in outcome.refused.next_step


# -- secrets and the read-only rule ----------------------------------------------------------------------------


def test_no_secret_reaches_the_plan_or_the_history(emulators):
    emulator, inst = _jira(emulators)
    store, ws = _store(inst, secrets={"Jira": {"api_token": jira_emulator.DEMO_TOKEN}})
    plan = fixes.plan(ws, inst)
    fixes.apply(store, plan)
    shown = json.dumps(plan.to_json()) + store.path.read_text()
    assert jira_emulator.DEMO_TOKEN not in shown


def test_verification_clients_refuse_a_fix_request(emulators):
    emulator, inst = _jira(emulators)
    client = HttpClient(base_url=emulator.url, page=Page("Jira Cloud"), verifying=True)
    with pytest.raises(Exception) as caught:
        client.request("POST", "/rest/api/3/group/user", params={"groupname": "x"}, json_body={"accountId": APP})
    assert getattr(caught.value, "problem").reason == "http.not_a_read"
    assert not emulator.requests


def test_every_declared_fix_names_a_real_requirement_and_a_reference():
    covered = set()
    for tracker in registry.all_trackers():
        for key, fix in fixes.fixes_of(tracker.id).items():
            assert tracker.spec.requirement(key), key
            assert fix.reference.startswith("https://") and fix.needs
            assert callable(getattr(tracker.module, "fix_client", None)), tracker.id
            covered.add(tracker.id)
    assert {"github", "jira_cloud", "jira_onprem", "servicenow"} <= covered


def test_a_reason_for_no_fix_is_declared_data_next_to_the_fixes():
    """not_fixable_of reads the module's NOT_FIXABLE (none declared: an empty mapping), a copy the caller may keep."""
    import types

    from exadesk.verification.spec import TrackerSpec

    spec = TrackerSpec("throwaway_nf", "Throwaway", "https://example.com", None, (), (), None)
    module = types.SimpleNamespace(NOT_FIXABLE={"admin": "making someone an administrator is left to a person"})
    registry.register(spec, module)
    try:
        found = fixes.not_fixable_of("throwaway_nf")
        assert found == {"admin": "making someone an administrator is left to a person"}
        found.clear()
        assert fixes.not_fixable_of("throwaway_nf") and fixes.fixes_of("throwaway_nf") == {}
        del module.NOT_FIXABLE
        assert fixes.not_fixable_of("throwaway_nf") == {}
    finally:
        registry.unregister("throwaway_nf")


def test_only_the_fix_module_makes_a_client_that_may_write():
    """Verification's clients refuse writes (verifying=True); the one writing client is made in
    exadesk/services/fixes.py."""
    import pathlib
    import re

    root = pathlib.Path(fixes.__file__).parent.parent
    writers, readers = [], []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"HttpClient\((.*?)\)\n", text, re.S):
            (writers if "verifying=False" in match.group(1) else readers).append(path.relative_to(root).as_posix())
    assert writers == ["services/fixes.py"]
    engine_source = (root / "verification" / "engine.py").read_text(encoding="utf-8")
    assert "verifying=True" in engine_source
    assert not any(p.startswith("trackers/") for p in writers + readers), "adapters get clients, never make them"


# -- a subset of the plan (a per-finding Fix…, the changes the person ticked, ``exadesk fix --check``) ---------------

TWO_MISSING = ["atlassian-addons", "atlassian-addons-admin", "jira-core-users"]  # software and service desk missing


def test_only_the_chosen_change_is_sent_and_the_other_check_still_fails(emulators):
    emulator, inst = _jira(emulators, {"app_user": {"groups": list(TWO_MISSING)}})
    store, ws = _store(inst, secrets={"Jira": {"api_token": jira_emulator.DEMO_TOKEN}})
    plan = fixes.plan(ws, inst)
    assert [c.check_id for c in plan.to_apply] == ["jira_cloud.jira-servicedesk-users",
                                                   "jira_cloud.jira-software-users"]
    chosen = plan.only([1])
    assert [c.check_id for c in chosen.changes] == ["jira_cloud.jira-software-users"]
    assert len(plan.changes) == 2, "the plan shown is left as it was"

    outcome = fixes.apply(store, chosen)
    assert outcome.refused is None and [e["check"] for e in outcome.applied] == ["jira_cloud.jira-software-users"]
    assert _writes(emulator) == [("POST", "/rest/api/3/group/user?groupname=jira-software-users")]
    after = {c.id: c.status for c in outcome.after.checks}
    assert after["jira_cloud.jira-software-users"] is Status.PASS
    assert after["jira_cloud.jira-servicedesk-users"] is Status.FAIL, "the change left out was not made"
    assert [c["check"] for c in store.load().data.workspace("Acme").fix_runs[-1].changes] == [
        "jira_cloud.jira-software-users"]

    # A retry of the same subset sends nothing twice; the full plan then sends only what is still missing.
    assert fixes.apply(store, chosen).applied == []
    rest = fixes.apply(store, plan)
    assert [e["check"] for e in rest.applied] == ["jira_cloud.jira-servicedesk-users"]
    assert [m for m, _ in _writes(emulator)] == ["POST", "POST"]


def test_plan_only_for_one_check_leaves_the_others_out(emulators):
    emulator, inst = _jira(emulators, {"app_user": {"groups": list(TWO_MISSING)}})
    store, ws = _store(inst, secrets={"Jira": {"api_token": jira_emulator.DEMO_TOKEN}})
    plan = fixes.plan(ws, inst, only={"jira_cloud.jira-software-users"})
    assert [c.words for c in plan.changes] == ["Add Exalate to group jira-software-users"]
    assert plan.by_hand == [] and list(plan.needs) == ["jira_cloud.jira-software-users"]
    assert "jira_cloud.jira-servicedesk-users" in fixes.fixable_in("jira_cloud", plan.before.checks)
    outcome = fixes.apply(store, plan)
    assert _writes(emulator) == [("POST", "/rest/api/3/group/user?groupname=jira-software-users")]
    assert {c.id: c.status for c in outcome.after.checks}["jira_cloud.jira-servicedesk-users"] is Status.FAIL


def test_a_refusal_in_a_subset_stops_it_and_is_recorded(emulators):
    emulator, inst = _jira(emulators, {"app_user": {"groups": ["atlassian-addons", "atlassian-addons-admin"]}})
    store, ws = _store(inst, secrets={"Jira": {"api_token": jira_emulator.DEMO_TOKEN}})
    plan = fixes.plan(ws, inst)
    assert len(plan.to_apply) == 3
    original = emulator.handle

    def second_refused(request, seen=[]):
        if request.method == "POST" and "/group/user" in request.path:
            seen.append(request)
            if len(seen) == 2:
                return json_response({"errorMessages": ["You are not a site administrator"]}, 403)
        return original(request)

    emulator.handle = second_refused
    outcome = fixes.apply(store, plan.only([0, 2]))
    assert len(outcome.applied) == 1 and outcome.refused is not None
    assert outcome.applied[0]["check"] == plan.changes[0].check_id
    assert "applied and recorded before it: 1 change" in outcome.refused.message
    assert [c["check"] for c in store.load().data.workspace("Acme").fix_runs[-1].changes] == [
        plan.changes[0].check_id]
    left_out = plan.changes[1].call.shown().split()[1]
    assert left_out not in [p for _, p in _writes(emulator)], "the change not chosen was never sent"
