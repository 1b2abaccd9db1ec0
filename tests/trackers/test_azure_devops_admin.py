"""Azure DevOps admin checks (the access planner): an administrator's own PAT against the emulator."""

from __future__ import annotations

import pytest

from exadesk.foundation.checks import Status
from exadesk.sandbox.azure_devops import ADMIN_ID, ADMIN_PAT, CONSOLE_GROUP, DEMO_PAT
from exadesk.store.model import ConfigMode
from exadesk.trackers import azure_devops
from tests.helpers.admin_runs import item, plan_with, run_admin, statuses
from tests.helpers.conformance import assert_requests_documented, load_spec

SYSTEM = "azure_devops.admin.project_collection_administrators"
PROJECT = "azure_devops.admin.project_administrators"
MEMBER = "azure_devops.admin.member.exalate_console_admin"
EXISTS = "azure_devops.admin.group.exalate_console_admin"
SCOPE = ("Website", "Backend")
WITH_GROUP = {"groups": {CONSOLE_GROUP: []}}


def _admin_groups(*groups: str) -> dict:
    return {"users": {ADMIN_ID: {"groups": list(groups)}}}


def _run(emulators, scenario=None, scope=SCOPE, token=ADMIN_PAT):
    emulator = emulators.start("azure_devops", scenario or {})
    return run_admin(emulator, {"token": token}, scope=scope), emulator


def test_admin_kinds_map_to_distinct_admin_keys():
    reqs = azure_devops.SPEC.admin_requirements
    assert set(reqs) == {"system_admin", "project_admin", "console_group_member", "console_group_exists"}
    proxy_keys = {r.key for r in azure_devops.SPEC.requirements}
    assert not proxy_keys & {r.key for r in reqs.values()}
    assert {azure_devops.SPEC.check_id(r.key) for r in reqs.values()} == {SYSTEM, PROJECT, MEMBER, EXISTS}


@pytest.mark.parametrize("scenario,expected", [
    ({**WITH_GROUP}, {SYSTEM: Status.PASS, PROJECT: Status.PASS, MEMBER: Status.PASS, EXISTS: Status.PASS}),
    ({}, {SYSTEM: Status.PASS, PROJECT: Status.PASS, MEMBER: Status.FAIL, EXISTS: Status.FAIL}),
    ({**WITH_GROUP, **_admin_groups("[Website]\\Project Administrators", "[Backend]\\Project Administrators")},
     {SYSTEM: Status.FAIL, PROJECT: Status.PASS, MEMBER: Status.FAIL, EXISTS: Status.PASS}),
    ({**WITH_GROUP, **_admin_groups(CONSOLE_GROUP, "[Website]\\Project Administrators")},
     {SYSTEM: Status.FAIL, PROJECT: Status.FAIL, MEMBER: Status.PASS, EXISTS: Status.PASS}),
    # membership through a nested group counts (queryMembership=Expanded)
    ({"groups": {CONSOLE_GROUP: [], "[acme]\\Integration Admins": ["[acme]\\Project Collection Administrators",
                                                                    CONSOLE_GROUP]},
      **_admin_groups("[acme]\\Integration Admins", "[Website]\\Project Administrators",
                      "[Backend]\\Project Administrators")},
     {SYSTEM: Status.PASS, PROJECT: Status.PASS, MEMBER: Status.PASS, EXISTS: Status.PASS}),
    ({**WITH_GROUP, "wire": "service"},
     {SYSTEM: Status.PASS, PROJECT: Status.PASS, MEMBER: Status.PASS, EXISTS: Status.PASS}),
], ids=["all", "no-console-group", "not-collection-admin", "delegated-one-project", "nested", "service-wire"])
def test_admin_facts(scenario, expected, emulators):
    report, _ = _run(emulators, scenario)
    assert report.problem is None
    assert {k: v for k, v in statuses(report).items() if k in expected} == expected
    assert report.identity.login == "dana.admin@acme.example"


def test_missing_group_is_reported_with_the_fix(emulators):
    report, _ = _run(emulators)
    exists = next(c for c in report.checks if c.id == EXISTS)
    assert "[acme]\\exalate_console_admin" in exists.detail
    assert "New group" in exists.fix and "exalate_console_admin" in exists.fix
    member = next(c for c in report.checks if c.id == MEMBER)
    assert "create the group" in member.fix


def test_project_not_found_and_no_scope(emulators):
    report, _ = _run(emulators, WITH_GROUP, scope=("Mobile",))
    missing = next(c for c in report.checks if c.id == "azure_devops.scope")  # one finding: check the name
    assert missing.status is Status.FAIL and missing.detail == "No project Mobile: check the name."
    assert statuses(report)[PROJECT] is Status.UNKNOWN
    report, _ = _run(emulators, WITH_GROUP, scope=())
    assert statuses(report)[PROJECT] is Status.UNKNOWN


def test_proxy_token_is_not_an_admin_unless_its_groups_say_so(emulators):
    report, _ = _run(emulators, WITH_GROUP, token=DEMO_PAT)
    assert statuses(report)[SYSTEM] is Status.PASS and statuses(report)[MEMBER] is Status.FAIL


def test_rejected_token_is_a_problem_not_a_result(emulators):
    report, emulator = _run(emulators, token="d" * 52)
    assert report.problem is not None and report.problem.kind.value == "auth"
    assert len(emulator.requests) == 1
    assert all(c.status is not Status.PASS for c in report.checks)


def test_admin_requests_are_documented(emulators):
    _, emulator = _run(emulators, WITH_GROUP)
    identities = [r for r in emulator.requests if r.path.endswith("/_apis/identities")]
    projects = [r for r in emulator.requests if r.path.endswith("/_apis/projects")]  # the list, once
    assert assert_requests_documented(load_spec("azure-devops/server-7.1/identities-onprem.json"), identities) >= 4
    assert assert_requests_documented(load_spec("azure-devops/server-7.1/core-onprem.json"), projects) == 1
    rest = [r for r in emulator.requests if r not in identities and r not in projects]
    assert [r.path.rsplit("/", 1)[-1] for r in rest] == ["connectionData"]


def test_plan_delegated_admin_outside_the_group_fails_with_the_fix(emulators):
    report, _ = _run(emulators, {**WITH_GROUP, **_admin_groups("[Website]\\Project Administrators",
                                                               "[Backend]\\Project Administrators")})
    plan = plan_with("azure_devops", report, mode=ConfigMode.SCRIPTED, kind="delegated")
    member = item(plan, "plan.console_group_member.")
    assert member.status is Status.FAIL and "Members, Add" in member.fix
    assert item(plan, "plan.console_group_exists.").status is Status.PASS
    assert item(plan, "plan.delegated_project_admin.").status is Status.PASS
    assert plan.exit_code() == 1


def test_plan_missing_group_is_reported(emulators):
    report, _ = _run(emulators)
    plan = plan_with("azure_devops", report, mode=ConfigMode.BASIC, kind="delegated")
    exists = item(plan, "plan.console_group_exists.")
    assert exists.status is Status.FAIL and "New group" in exists.fix


def test_plan_accept_rule_for_a_project_admin_in_the_group(emulators):
    report, _ = _run(emulators, {**WITH_GROUP, **_admin_groups(CONSOLE_GROUP, "[Website]\\Project Administrators",
                                                               "[Backend]\\Project Administrators")})
    plan = plan_with("azure_devops", report, mode=ConfigMode.VISUAL, kind="delegated")
    assert item(plan, "plan.console_group_member.").status is Status.PASS
    assert item(plan, "plan.delegated_project_admin.").status is Status.PASS
    assert item(plan, "plan.accept_rule.").status is Status.WARN


def test_plan_visual_with_admin_on_one_side_only_fails(emulators):
    admin, _ = _run(emulators, WITH_GROUP)
    not_admin, _ = _run(emulators, _admin_groups("[Website]\\Project Administrators"))
    plan = plan_with("azure_devops", admin, mode=ConfigMode.VISUAL, other=("azure_devops", not_admin))
    both = item(plan, "plan.visual_admin_both")
    assert both.status is Status.FAIL and "There" in both.detail
    assert plan.exit_code() == 1


def test_plan_local_admin_passes(emulators):
    report, _ = _run(emulators)
    plan = plan_with("azure_devops", report, mode=ConfigMode.SCRIPTED)
    assert item(plan, "plan.local_admin.").status is Status.PASS
