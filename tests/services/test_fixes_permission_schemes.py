"""Permission-scheme grants (exadesk.services.fixes with the Jira modules' fixes) against the emulators: the check
fails, the plan lists exactly the requests and every project that shares the scheme, apply, the check passes, undo, the
check fails again; an administrator lacking the right changes nothing and hears what it needs."""

from __future__ import annotations

from exadesk.foundation.checks import Status
from exadesk.sandbox import jira_cloud as cloud_emulator
from exadesk.sandbox import jira_onprem as onprem_emulator
from exadesk.services import fixes
from exadesk.store.model import Instance
from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec
from tests.services.test_fixes import PAT, PAT_EMAIL, PAT_TOKEN, _status, _store, _writes  # the fix tests' own helpers

#: The Data Center description types GET /api/2/project's reply as one project; Jira returns a list
#: (tests/sandbox/test_jira_conformance.py checks each element).
DC_MISDESCRIBED_REPLIES = ("/rest/api/2/project",)

# -- Jira Cloud: the atlassian-addons-project-access role's permissions ---------------------------------------

ROLE = cloud_emulator.ROLE_ADDONS
APP = cloud_emulator.APP_ACCOUNT
CLOUD_SCENARIO = {
    # SUP (in scope), DEV and OPS share the default scheme; HR has a scheme of its own.
    "projects": {"OPS": {"id": "10002", "name": "Operations", "scheme": "10000", "role_members": [APP]},
                 "HR": {"id": "10003", "name": "HR", "scheme": "10100", "role_members": [APP]}},
    "schemes": {"10000": {"revoked": ["VIEW_DEV_TOOLS"]}},
    "people": {PAT_EMAIL: {**PAT, "project_admin": ["SUP"]}},
}


def _cloud(emulators):
    emulator = emulators.start("jira_cloud", CLOUD_SCENARIO)
    inst = Instance(tracker="jira_cloud", name="Jira", url=emulator.url, auth_method="api_token",
                    values={"email": cloud_emulator.DEMO_EMAIL}, secret_fields=["api_token"], scope=["SUP"])
    return emulator, inst


def _grant_ids(emulator, scheme: str, permission: str) -> list[int]:
    scheme_body = emulator._scheme(scheme)
    return [g["id"] for g in scheme_body["permissions"] if g["permission"] == permission
            and g["holder"]["type"] == "projectRole" and g["holder"].get("parameter") == ROLE]


def test_jira_cloud_scheme_grant_names_every_sharing_project_applies_and_undoes(emulators):
    emulator, inst = _cloud(emulators)
    store, ws = _store(inst, secrets={"Jira": {"api_token": cloud_emulator.DEMO_TOKEN}})
    check = "jira_cloud.VIEW_DEV_TOOLS"
    assert _status(inst, ws, check) is Status.FAIL

    plan = fixes.plan(ws, inst)
    assert not _writes(emulator), "planning only reads"
    [change] = plan.to_apply
    path = "/rest/api/3/permissionscheme/10000/permission"
    assert change.call.shown() == (f'POST {path} {{"holder": {{"type": "projectRole", "value": "{ROLE}"}}, '
                                   f'"permission": "VIEW_DEV_TOOLS"}}')
    assert change.to_json()["undo"] == f"DELETE {path}/<the new record's id>"
    assert change.words == ("Grant 'View Development Tools' to project role atlassian-addons-project-access in "
                            "permission scheme 'Default software scheme'")
    shared = change.touches[0]
    assert shared == ("The grant applies in every project that uses permission scheme 'Default software scheme': "
                      "SUP, DEV, OPS (3 in all).") and "HR" not in shared
    assert "already holds: ADMINISTER_PROJECTS, BROWSE_PROJECTS, MANAGE_SPRINTS_PERMISSION, SERVICEDESK_AGENT" \
        in change.touches[1], "what else the role can do there"
    assert change.reference.endswith("#api-rest-api-3-permissionscheme-schemeid-permission-post")

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and len(outcome.applied) == 1
    assert _writes(emulator) == [("POST", path)]
    [created] = _grant_ids(emulator, "10000", "VIEW_DEV_TOOLS")
    assert outcome.applied[0]["undo"] == {"method": "DELETE", "path": f"{path}/{created}", "params": [],
                                          "body": None}
    assert {c.id: c.status for c in outcome.after.checks}[check] is Status.PASS
    assert fixes.plan(store.load().data.workspace("Acme"), inst).to_apply == [], "nothing left, nothing twice"
    again = fixes.apply(store, plan)  # a retry of the same plan: the grant is read as in place and not sent again
    assert again.applied == [] and again.run is None and _writes(emulator) == [("POST", path)]

    undone = fixes.undo(store, store.load().data.workspace("Acme"), outcome.run.id)
    assert undone.refused is None and len(undone.applied) == 1
    assert _grant_ids(emulator, "10000", "VIEW_DEV_TOOLS") == []
    assert {c.id: c.status for c in undone.after.checks}[check] is Status.FAIL
    # Every request the fix sent (reads, the grant, its deletion) is in Atlassian's description, and so is every reply.
    api = load_spec("jira-cloud/swagger-v3.v3.json")
    assert assert_requests_documented(api, emulator.requests, allow=(r"^/_edge/tenant_info$",)) >= 1
    assert_replies_conform(api, emulator.requests)


def test_jira_cloud_project_admin_cannot_edit_the_scheme_and_nothing_changes(emulators):
    emulator, inst = _cloud(emulators)
    admin = Instance(tracker="jira_cloud", name="Pat on Jira", url=emulator.url, auth_method="api_token",
                     values={"email": PAT_EMAIL}, secret_fields=["api_token"], role="admin")
    store, ws = _store(inst, admin, secrets={"Jira": {"api_token": cloud_emulator.DEMO_TOKEN},
                                             "Pat on Jira": {"api_token": PAT_TOKEN}})
    plan = fixes.plan(ws, inst)
    [change] = [c for c in plan.to_apply if c.check_id == "jira_cloud.VIEW_DEV_TOOLS"]
    # A project admin reads SUP's scheme but not the other projects': the preview says so rather than guess.
    assert any("could not be read" in t and "DEV" in t and "OPS" in t for t in change.touches)
    before = emulator._scheme("10000")["permissions"]
    outcome = fixes.apply(store, plan)
    assert outcome.applied == [] and outcome.run is None
    assert outcome.refused.reason == "fix.refused" and "HTTP 403" in outcome.refused.message
    assert "Administer Jira" in outcome.refused.next_step
    assert emulator._scheme("10000")["permissions"] == before, "nothing half-applied"
    assert store.load().data.workspace("Acme").fix_runs == []


# -- Jira Server / Data Center: the proxy user's project permissions -----------------------------------------

ADMIN_PASSWORD = "Jira-Admin-Password-For-Tests-2"  # made up
PEOPLE = {
    "jadmin": {"key": "JIRAUSER10001", "displayName": "Jo Admin", "password": ADMIN_PASSWORD, "admin": True,
               "groups": ["jira-administrators", "jira-software-users"]},
    "lee": {"key": "JIRAUSER10002", "displayName": "Lee Lead", "password": ADMIN_PASSWORD, "admin": False,
            "project_admin": ["SUP"], "groups": ["jira-software-users"]},
}


def _onprem(emulators, admin_user: str, extra: dict):
    scenario = {"people": PEOPLE, "user": {"groups": ["jira-software-users"]},
                "projects": {"SUP": {"denied": ["EDIT_ISSUES"], "service_desk": None},
                             "OPS": {"id": 10003, "name": "Operations", "scheme": "10000"},
                             "HR": {"id": 10002, "name": "HR", "scheme": "10100"}}}
    for key, value in extra.items():
        scenario[key] = {**scenario.get(key, {}), **value}
    emulator = emulators.start("jira_onprem", scenario)
    inst = Instance(tracker="jira_onprem", name="DC", url=emulator.url, auth_method="pat", secret_fields=["token"],
                    scope=["SUP"])
    admin = Instance(tracker="jira_onprem", name="DC admin", url=emulator.url, auth_method="password",
                     values={"username": admin_user}, secret_fields=["password"], role="admin")
    store, ws = _store(inst, admin, secrets={"DC": {"token": onprem_emulator.DEMO_PAT},
                                             "DC admin": {"password": ADMIN_PASSWORD}})
    return emulator, store, ws, inst


def _round_trip(store, ws, inst, check: str, plan):
    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and len(outcome.applied) == 1
    assert {c.id: c.status for c in outcome.after.checks}[check] is Status.PASS
    undone = fixes.undo(store, store.load().data.workspace("Acme"), outcome.run.id)
    assert undone.refused is None and len(undone.applied) == 1
    assert {c.id: c.status for c in undone.after.checks}[check] is Status.FAIL
    return outcome


def test_jira_onprem_grant_goes_to_a_role_the_proxy_user_holds_and_names_the_sharing_projects(emulators):
    developers = onprem_emulator.DEVELOPERS_ROLE_ID
    emulator, store, ws, inst = _onprem(emulators, "jadmin", {"projects": {"SUP": {
        "denied": ["EDIT_ISSUES"], "service_desk": None, "roles": {developers: ["exalate-proxy"]}}}})
    check = "jira_onprem.EDIT_ISSUES"
    assert _status(inst, ws, check) is Status.FAIL
    plan = fixes.plan(ws, inst)
    [change] = plan.to_apply
    path = "/rest/api/2/permissionscheme/10000/permission"
    assert change.call.shown() == (f'POST {path} {{"holder": {{"parameter": "{developers}", "type": "projectRole"}}, '
                                   f'"permission": "EDIT_ISSUES"}}')
    assert change.words == ("Grant 'Edit Issues' to project role Developers in permission scheme "
                            "'Default Permission Scheme'")
    assert "SUP, DEV, OPS (3 in all)" in change.touches[0]
    assert "HR" not in change.touches[0]
    assert change.touches[1] == "In that scheme project role Developers already holds: nothing."
    assert not any("broader" in t for t in change.touches)
    outcome = _round_trip(store, ws, inst, check, plan)
    assert outcome.applied[0]["undo"]["path"].startswith(f"{path}/")
    assert [g for g in emulator.scenario["schemes"]["10000"]["grants"] if g["permission"] == "EDIT_ISSUES"] == []


def test_jira_onprem_prefers_adding_to_a_role_that_already_holds_the_permission(emulators):
    developers = onprem_emulator.DEVELOPERS_ROLE_ID
    emulator, store, ws, inst = _onprem(emulators, "jadmin", {"schemes": {"10000": {
        "name": "Default Permission Scheme", "grants": [
            {"permission": "BROWSE_PROJECTS", "type": "applicationRole"},
            {"permission": "EDIT_ISSUES", "type": "projectRole", "parameter": developers},
            {"permission": "EDIT_ISSUES", "type": "projectRole", "parameter": "10002"},
            {"permission": "ADMINISTER_PROJECTS", "type": "projectRole", "parameter": "10002"}]}}})
    check = "jira_onprem.EDIT_ISSUES"
    plan = fixes.plan(ws, inst)
    [change] = plan.to_apply
    role_path = f"/rest/api/2/project/SUP/role/{developers}"
    assert (change.words, change.call.shown(), change.inverse.shown()) == (
        "Add exalate-proxy to project role Developers in SUP", f'POST {role_path} {{"user": ["exalate-proxy"]}}',
        f"DELETE {role_path}?user=exalate-proxy"), "the role, not Administrators (it administers the project)"
    assert "EDIT_ISSUES" in change.touches[0]
    _round_trip(store, ws, inst, check, plan)
    assert emulator.scenario["projects"]["SUP"]["roles"][developers] == []


def test_jira_onprem_only_a_group_is_a_broad_grant_and_says_so(emulators):
    emulator, store, ws, inst = _onprem(emulators, "jadmin", {})
    check = "jira_onprem.EDIT_ISSUES"
    plan = fixes.plan(ws, inst)
    [change] = plan.to_apply
    assert change.words == ("Grant 'Edit Issues' to group jira-software-users in permission scheme "
                            "'Default Permission Scheme'")
    assert change.touches[0] == (
        "exalate-proxy holds no project role in SUP, so the narrowest grant is to its group jira-software-users "
        "(members: 3): every member of that group gets 'Edit Issues' in every project listed, a broader grant "
        "than a role.")
    assert "SUP, DEV, OPS" in change.touches[1]
    _round_trip(store, ws, inst, check, plan)
    api = load_spec("jira-dc/jira_software_dc_10003_swagger.v3.json", mount="/rest")
    assert assert_requests_documented(api, emulator.requests) >= 1
    assert_replies_conform(api, [r for r in emulator.requests if r.path not in DC_MISDESCRIBED_REPLIES])


def test_jira_onprem_project_admin_may_not_edit_the_scheme_and_nothing_is_half_done(emulators):
    emulator, store, ws, inst = _onprem(emulators, "jadmin", {})
    plan = fixes.plan(ws, inst)
    emulator.scenario["people"]["jadmin"]["admin"] = False  # the right was taken away after the preview
    grants = [dict(g) for g in emulator.scenario["schemes"]["10000"]["grants"]]
    outcome = fixes.apply(store, plan)
    assert outcome.applied == [] and outcome.run is None
    assert "HTTP 403" in outcome.refused.message and "not allowed to edit permission schemes" in outcome.refused.message
    assert "Jira Administrators" in outcome.refused.next_step
    assert emulator.scenario["schemes"]["10000"]["grants"] == grants, "the scheme was not changed"
    assert store.load().data.workspace("Acme").fix_runs == []


def test_jira_onprem_with_no_role_and_no_group_nothing_narrow_is_proposed_and_it_says_why(emulators):
    emulator, store, ws, inst = _onprem(emulators, "jadmin", {"user": {"groups": []}})
    plan = fixes.plan(ws, inst)
    assert [c for c in plan.to_apply if c.check_id == "jira_onprem.EDIT_ISSUES"] == []
    [(title, why)] = [(t, w) for t, w in plan.by_hand if t == "Proxy user can edit issues"]
    assert why == ("exalate-proxy holds no project role in SUP and is in no group, so ExaDesk has nothing narrow to "
                   "grant 'Edit Issues' to. Add exalate-proxy to a project role of SUP (Project settings, Users and "
                   "roles), then run the fix again.")
    assert not _writes(emulator)
