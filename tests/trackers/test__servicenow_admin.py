"""exadesk/trackers/_servicenow_admin.py: the administrator's own checks (the access planner's) and the role fixes,
through an administrator's sign-in against the emulator."""

from __future__ import annotations

import pytest

from exadesk.foundation.checks import Status
from exadesk.store.model import ConfigMode
from exadesk.sandbox.servicenow import (
    CONSOLE_GROUP,
    DELEGATE_PASSWORD,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
)
from exadesk.trackers import servicenow
from tests.helpers.admin_runs import item, plan_with, run_admin, statuses

SYSTEM = "servicenow.admin.role.admin"
MEMBER = "servicenow.admin.member.exalate_console_admin"
EXISTS = "servicenow.admin.group.exalate_console_admin"
ADMIN_PASSWORD = "Sbx-Admin-Test-Pw-6617"
ADMIN_USER = {"users": {"sam.admin": {"sys_id": "5b7d9f1a3c5e7a9b1d3f5a7c9e1b3d5f", "name": "Sam Admin",
                                      "password": ADMIN_PASSWORD, "roles": ["admin"]}}}


def _group(*members: str, active: bool = True) -> dict:
    return {"groups": {CONSOLE_GROUP: {"sys_id": "e1f3a5c7b9d1f3a5c7e9b1d3f5a7c9e1", "members": list(members),
                                       "active": active}}}


def _run(emulators, scenario=None, user="dana.delegate", password=DELEGATE_PASSWORD):
    emulator = emulators.start("servicenow", {**ADMIN_USER, **(scenario or {})})
    return run_admin(emulator, {"password": password}, auth_method="basic", values={"username": user}), emulator


def test_admin_kinds_map_to_distinct_admin_keys():
    reqs = servicenow.SPEC.admin_requirements
    # no project administrators on ServiceNow: the planner shows that kind as not applicable
    assert set(reqs) == {"system_admin", "console_group_member", "console_group_exists"}
    assert not {r.key for r in servicenow.SPEC.requirements} & {r.key for r in reqs.values()}


@pytest.mark.parametrize("user,password,scenario,expected", [
    ("sam.admin", ADMIN_PASSWORD, _group("sam.admin"),
     {SYSTEM: Status.PASS, EXISTS: Status.PASS, MEMBER: Status.PASS}),
    ("sam.admin", ADMIN_PASSWORD, {}, {SYSTEM: Status.PASS, EXISTS: Status.FAIL, MEMBER: Status.FAIL}),
    ("dana.delegate", DELEGATE_PASSWORD, _group("dana.delegate"),
     {SYSTEM: Status.FAIL, EXISTS: Status.PASS, MEMBER: Status.PASS}),
    ("dana.delegate", DELEGATE_PASSWORD, _group("sam.admin"),
     {SYSTEM: Status.FAIL, EXISTS: Status.PASS, MEMBER: Status.FAIL}),
    ("dana.delegate", DELEGATE_PASSWORD, {}, {SYSTEM: Status.FAIL, EXISTS: Status.FAIL, MEMBER: Status.FAIL}),
    ("dana.delegate", DELEGATE_PASSWORD, _group("dana.delegate", active=False),
     {EXISTS: Status.FAIL, MEMBER: Status.PASS}),
    # ACLs hide rows instead of refusing: with nothing visible, absence is not proven
    ("dana.delegate", DELEGATE_PASSWORD,
     {"acls": {"sys_user_group": {"read": ["admin"]}, "sys_user_grmember": {"read": ["admin"]}}},
     {EXISTS: Status.UNKNOWN, MEMBER: Status.UNKNOWN}),
    ("dana.delegate", DELEGATE_PASSWORD, {**_group("sam.admin"), "acls": {"sys_user_grmember": {"read": ["admin"]}}},
     {EXISTS: Status.PASS, MEMBER: Status.UNKNOWN}),
], ids=["admin-in-group", "admin-no-group", "delegate-in-group", "delegate-outside", "delegate-no-group",
        "inactive-group", "groups-hidden", "memberships-hidden"])
def test_admin_facts(user, password, scenario, expected, emulators):
    report, _ = _run(emulators, scenario, user, password)
    assert report.problem is None, report.problem
    assert {k: v for k, v in statuses(report).items() if k in expected} == expected
    assert report.identity.login == user


def test_fixes_name_the_place(emulators):
    report, _ = _run(emulators)
    checks = {c.id: c for c in report.checks}
    assert "Roles tab" in checks[SYSTEM].fix and "x_exalate_integration" not in checks[SYSTEM].fix
    assert "User Administration, Groups, New" in checks[EXISTS].fix
    assert "create the group" in checks[MEMBER].fix


def test_admin_requests_are_table_reads(emulators):
    _, emulator = _run(emulators, _group("dana.delegate"))
    tables = {r.path for r in emulator.requests}
    assert tables <= {"/api/now/table/sys_user", "/api/now/table/sys_user_has_role", "/api/now/table/sys_user_group",
                      "/api/now/table/sys_user_grmember"}, tables
    assert all(r.method == "GET" and r.param("sysparm_query") is not None for r in emulator.requests)


def test_oauth_admin_sign_in(emulators):
    emulator = emulators.start("servicenow", {**ADMIN_USER, **_group("sam.admin")})
    refresh = "sbxAdminRefreshTokenOnlyForTests0042QmFzZQ"
    emulator.scenario["oauth"]["refresh_tokens"][refresh] = {"user": "sam.admin", "client_id": DEMO_CLIENT_ID,
                                                             "expires_in_days": 50}
    report = run_admin(emulator, {"client_secret": DEMO_CLIENT_SECRET, "refresh_token": refresh},
                       auth_method="oauth", values={"username": "sam.admin", "client_id": DEMO_CLIENT_ID})
    assert report.problem is None, report.problem
    assert statuses(report)[SYSTEM] is Status.PASS and statuses(report)[MEMBER] is Status.PASS


def test_wrong_password_is_a_problem_sent_once(emulators):
    report, emulator = _run(emulators, password="Sbx-Wrong-Pw-0000")
    assert report.problem is not None and report.problem.kind.value == "auth"
    assert len(emulator.requests) == 1


def test_plan_delegated_admin_outside_the_group_fails_with_the_fix(emulators):
    report, _ = _run(emulators, _group("sam.admin"))
    plan = plan_with("servicenow", report, mode=ConfigMode.SCRIPTED, kind="delegated")
    member = item(plan, "plan.console_group_member.")
    assert member.status is Status.FAIL and "Group Members" in member.fix
    project = item(plan, "plan.delegated_project_admin.")
    assert project.status is Status.SKIPPED and "Not applicable" in project.detail
    assert plan.exit_code() == 1


def test_plan_missing_group_is_reported(emulators):
    report, _ = _run(emulators)
    plan = plan_with("servicenow", report, mode=ConfigMode.VISUAL, kind="delegated")
    assert item(plan, "plan.console_group_exists.").status is Status.FAIL
    assert item(plan, "plan.accept_rule.").status is Status.WARN


def test_plan_visual_with_admin_on_one_side_only_fails(emulators):
    admin, _ = _run(emulators, None, "sam.admin", ADMIN_PASSWORD)
    delegate, _ = _run(emulators)
    plan = plan_with("servicenow", admin, mode=ConfigMode.VISUAL, other=("servicenow", delegate))
    assert item(plan, "plan.visual_admin_both").status is Status.FAIL
    assert item(plan, "plan.local_admin.").status is Status.PASS
    assert item(plan, "plan.local_admin.", side="There").status is Status.FAIL
