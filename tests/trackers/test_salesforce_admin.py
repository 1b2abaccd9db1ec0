"""Salesforce admin checks (the access planner): an administrator's own access token against the emulator."""

from __future__ import annotations

import pytest

from exadesk.foundation.checks import Status
from exadesk.store.model import ConfigMode
from exadesk.sandbox.salesforce import (
    ADMIN_ID,
    ADMIN_TOKEN,
    CONSOLE_GROUP,
    DEMO_TOKEN,
    USER_ID,
)
from exadesk.trackers import salesforce
from tests.helpers.admin_runs import item, plan_with, run_admin, statuses

SYSTEM = "salesforce.admin.system_administrator"
MEMBER = "salesforce.admin.member.exalate_console_admin"
EXISTS = "salesforce.admin.group.exalate_console_admin"
PROFILE = {"Name": "Standard User", "PermissionsApiEnabled": True, "PermissionsModifyAllData": False,
           "PermissionsCustomizeApplication": False}


def _group(*members: str, kind: str = "Regular") -> dict:
    return {"groups": {CONSOLE_GROUP: {"id": "00G5g0000009ExaAAA", "type": kind, "members": list(members)}}}


def _run(emulators, scenario=None, token=ADMIN_TOKEN):
    emulator = emulators.start("salesforce", scenario or {})
    return run_admin(emulator, {"access_token": token}), emulator


def test_admin_kinds_map_to_distinct_admin_keys():
    reqs = salesforce.SPEC.admin_requirements
    # no project administrators on Salesforce: the planner shows that kind as not applicable
    assert set(reqs) == {"system_admin", "console_group_member", "console_group_exists"}
    assert not {r.key for r in salesforce.SPEC.requirements} & {r.key for r in reqs.values()}


@pytest.mark.parametrize("scenario,token,expected", [
    (_group(ADMIN_ID), ADMIN_TOKEN, {SYSTEM: Status.PASS, EXISTS: Status.PASS, MEMBER: Status.PASS}),
    ({}, ADMIN_TOKEN, {SYSTEM: Status.PASS, EXISTS: Status.FAIL, MEMBER: Status.FAIL}),
    (_group(USER_ID), ADMIN_TOKEN, {SYSTEM: Status.PASS, EXISTS: Status.PASS, MEMBER: Status.FAIL}),
    (_group(USER_ID), DEMO_TOKEN, {SYSTEM: Status.FAIL, EXISTS: Status.PASS, MEMBER: Status.PASS}),
    # a group of another type (a queue) with that name is not the public group
    (_group(USER_ID, kind="Queue"), DEMO_TOKEN, {EXISTS: Status.FAIL, MEMBER: Status.FAIL}),
    # Customize Application on a custom profile counts
    ({"users": {USER_ID: {"profile": {"PermissionsCustomizeApplication": True}}}}, DEMO_TOKEN, {SYSTEM: Status.PASS}),
    # and so does a permission set that grants Modify All Data
    ({"permission_sets": {"Exalate_Admins": {"PermissionsModifyAllData": True, "assignees": [USER_ID]}}}, DEMO_TOKEN,
     {SYSTEM: Status.PASS}),
    ({"permission_sets": {"Exalate_Admins": {"PermissionsModifyAllData": True, "assignees": [ADMIN_ID]}}},
     DEMO_TOKEN, {SYSTEM: Status.FAIL}),
], ids=["admin-in-group", "admin-no-group", "admin-outside", "delegate-in-group", "queue-not-group",
        "customize-application", "permission-set", "permission-set-of-another"])
def test_admin_facts(scenario, token, expected, emulators):
    report, _ = _run(emulators, scenario, token)
    assert report.problem is None, report.problem
    assert {k: v for k, v in statuses(report).items() if k in expected} == expected


def test_details_name_profile_and_permission_set(emulators):
    report, _ = _run(emulators, {"permission_sets": {"Exalate_Admins": {"PermissionsCustomizeApplication": True,
                                                                        "assignees": [USER_ID]}}}, DEMO_TOKEN)
    system = next(c for c in report.checks if c.id == SYSTEM)
    assert "Exalate_Admins" in system.detail and "Exalate Integration" in system.detail
    report, _ = _run(emulators, {"users": {USER_ID: {"profile": PROFILE}}}, DEMO_TOKEN)
    system = next(c for c in report.checks if c.id == SYSTEM)
    assert system.status is Status.FAIL and "Standard User" in system.detail and "Permission Sets" in system.fix


def test_admin_requests_are_soql_reads(emulators):
    _, emulator = _run(emulators, _group(ADMIN_ID))
    queries = [r.param("q") for r in emulator.requests if r.path.endswith("/query")]
    assert any("FROM Group WHERE Type = 'Regular' AND DeveloperName = 'exalate_console_admin'" in q for q in queries)
    assert any("FROM GroupMember WHERE GroupId" in q for q in queries)
    assert all(r.method == "GET" for r in emulator.requests)


def test_expired_token_is_a_problem(emulators):
    report, _ = _run(emulators, {"expired": [ADMIN_TOKEN]})
    assert report.problem is not None and report.problem.kind.value == "auth"
    assert all(c.status is not Status.PASS for c in report.checks)


def test_plan_delegated_outside_group_fails_and_profile_option_is_manual(emulators):
    report, _ = _run(emulators, _group(ADMIN_ID), DEMO_TOKEN)
    plan = plan_with("salesforce", report, mode=ConfigMode.SCRIPTED, kind="delegated")
    member = item(plan, "plan.console_group_member.")
    assert member.status is Status.FAIL and "Public Groups" in member.fix
    assert item(plan, "plan.salesforce_profile.").manual
    assert item(plan, "plan.delegated_project_admin.").status is Status.SKIPPED
    assert plan.exit_code() == 1


def test_plan_missing_group_is_reported(emulators):
    report, _ = _run(emulators)
    plan = plan_with("salesforce", report, mode=ConfigMode.BASIC, kind="delegated")
    exists = item(plan, "plan.console_group_exists.")
    assert exists.status is Status.FAIL and "Public Groups, New" in exists.fix
