"""Zendesk admin checks (the access planner): an administrator's own credential against the emulator."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from exadesk.foundation.checks import Status
from exadesk.store.model import ConfigMode
from exadesk.sandbox.zendesk import (
    ADMIN_API_TOKEN,
    ADMIN_EMAIL,
    CONSOLE_GROUP,
    DEMO_API_TOKEN,
    DEMO_EMAIL,
)
from exadesk.trackers import zendesk
from tests.helpers.admin_runs import item, plan_with, run_admin, statuses
from tests.helpers.conformance import (
    assert_replies_conform,
    assert_requests_documented,
    load_spec,
)

SYSTEM = "zendesk.admin.role.admin"
MEMBER = "zendesk.admin.member.exalate_console_admin"
EXISTS = "zendesk.admin.group.exalate_console_admin"
GROUPS_OF_USER = re.compile(r"/api/v2/users/\d+/groups")


def _group(*members: str, public: bool = True) -> dict:
    """The console group, with the given user ids in it."""
    users = {uid: {"groups": [360100, 360900]} for uid in members}
    return {"groups": {"360900": {"name": CONSOLE_GROUP, "deleted": False, "is_public": public}}, "users": users}


def _run(emulators, scenario=None, admin=True):
    emulator = emulators.start("zendesk", scenario or {})
    email, token = (ADMIN_EMAIL, ADMIN_API_TOKEN) if admin else (DEMO_EMAIL, DEMO_API_TOKEN)
    return run_admin(emulator, {"api_token": token}, auth_method="api_token", values={"email": email}), emulator


def test_admin_kinds_map_to_distinct_admin_keys():
    reqs = zendesk.SPEC.admin_requirements
    # no project administrators on Zendesk: the planner shows that kind as not applicable
    assert set(reqs) == {"system_admin", "console_group_member", "console_group_exists"}
    assert not {r.key for r in zendesk.SPEC.requirements} & {r.key for r in reqs.values()}


@pytest.mark.parametrize("scenario,admin,expected", [
    (_group("9002"), True, {SYSTEM: Status.PASS, EXISTS: Status.PASS, MEMBER: Status.PASS}),
    ({}, True, {SYSTEM: Status.PASS, EXISTS: Status.FAIL, MEMBER: Status.FAIL}),
    (_group(), True, {SYSTEM: Status.PASS, EXISTS: Status.PASS, MEMBER: Status.FAIL}),
    (_group("9001"), False, {SYSTEM: Status.FAIL, EXISTS: Status.PASS, MEMBER: Status.PASS}),
    (_group(), False, {SYSTEM: Status.FAIL, EXISTS: Status.PASS, MEMBER: Status.FAIL}),
    # an agent does not see a private group it is not in: absence is not proven
    (_group(public=False), False, {SYSTEM: Status.FAIL, EXISTS: Status.UNKNOWN, MEMBER: Status.FAIL}),
    ({}, False, {EXISTS: Status.UNKNOWN, MEMBER: Status.FAIL}),
    # the group on a later page of List Groups
    ({**_group(), "per_page_max": 1}, True, {EXISTS: Status.PASS, MEMBER: Status.FAIL}),
], ids=["admin-in-group", "admin-no-group", "admin-outside", "agent-in-group", "agent-outside", "private-group",
        "agent-no-group", "paged"])
def test_admin_facts(scenario, admin, expected, emulators):
    report, _ = _run(emulators, scenario, admin)
    assert report.problem is None, report.problem
    assert {k: v for k, v in statuses(report).items() if k in expected} == expected


@pytest.mark.parametrize("user,words", [
    ({"role": "agent", "role_type": 0, "custom_role_id": 360001}, "custom role 'Exalate sync'"),
    ({"role": "agent", "role_type": 3, "custom_role_id": None}, "a contributor"),
    ({"role": "agent", "role_type": 1, "custom_role_id": None}, "a light agent"),
    ({"role": "end-user", "role_type": None, "custom_role_id": None}, "an end user"),
], ids=["custom-role", "contributor", "light-agent", "end-user"])
def test_the_role_found_is_reported(user, words, emulators):
    report, _ = _run(emulators, {"users": {"9001": user}}, admin=False)
    system = next(c for c in report.checks if c.id == SYSTEM)
    assert system.status is Status.FAIL and words in system.detail


def test_admin_requests_are_documented_and_replies_conform(emulators):
    api = load_spec("zendesk/oas.yaml")
    _, emulator = _run(emulators, _group(), admin=True)
    assert {r.path for r in emulator.requests} >= {"/api/v2/groups", "/api/v2/users/me"}
    assert assert_requests_documented(api, emulator.requests, allow=(GROUPS_OF_USER.pattern,)) >= 2
    as_described = [replace(r, path="/api/v2/groups") if GROUPS_OF_USER.fullmatch(r.path) else r
                    for r in emulator.requests]
    assert assert_replies_conform(api, as_described) >= 3


def test_missing_group_fix_says_where(emulators):
    report, _ = _run(emulators)
    checks = {c.id: c for c in report.checks}
    assert "People, Team, Groups, Create group" in checks[EXISTS].fix
    assert "create the group" in checks[MEMBER].fix


def test_rejected_token_is_a_problem(emulators):
    emulator = emulators.start("zendesk")
    report = run_admin(emulator, {"api_token": "ZdWr0ngT0kenN0tKn0wnT0TheEmulat0r0000007"}, auth_method="api_token",
                       values={"email": ADMIN_EMAIL})
    assert report.problem is not None and report.problem.reason == "zendesk.token_rejected"
    assert len(emulator.requests) == 1


def test_plan_delegated_outside_group_fails_and_role_option_is_manual(emulators):
    report, _ = _run(emulators, _group(), admin=False)
    plan = plan_with("zendesk", report, mode=ConfigMode.VISUAL, kind="delegated")
    member = item(plan, "plan.console_group_member.")
    assert member.status is Status.FAIL and "Add agents" in member.fix
    assert item(plan, "plan.zendesk_role.").manual
    assert item(plan, "plan.delegated_project_admin.").status is Status.SKIPPED
    assert item(plan, "plan.accept_rule.").status is Status.WARN


def test_plan_visual_with_admin_on_one_side_only_fails(emulators):
    admin, _ = _run(emulators, admin=True)
    agent, _ = _run(emulators, admin=False)
    plan = plan_with("zendesk", admin, mode=ConfigMode.VISUAL, other=("zendesk", agent))
    assert item(plan, "plan.visual_admin_both").status is Status.FAIL
