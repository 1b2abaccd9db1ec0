"""exadesk.services.planner: the administrator rules applied to admin reports (no network; reports are built by
hand)."""

from __future__ import annotations

import pytest

from exadesk.foundation import clock, messages
from exadesk.foundation.checks import CheckResult, Identity, Report, Status
from exadesk.services.planner import CONSOLE_GROUP, WHY_ADMIN, plan_for, stored_reports
from exadesk.store.model import ConfigMode, Connection, Instance, Verification, Workspace
from exadesk.verification import registry


def _report(tracker: str, *, who=("Dana Admin", "dana@example.com"), problem=None, **kinds: Status) -> Report:
    """An admin report whose check for each planner kind (``system_admin=Status.PASS``) has that status."""
    spec = registry.get(tracker).spec
    report = Report(tracker=tracker, url="https://example.invalid", identity=Identity(*who), problem=problem)
    for kind, status in kinds.items():
        req = spec.admin_requirements[kind]
        report.checks.append(CheckResult(spec.check_id(req.key), status, req.title, f"{kind} is {status.value}",
                                         req.fix if status is not Status.PASS else ""))
    return report


def _plan(left: str, right: str, mode: ConfigMode, reports: dict | None = None, kinds: dict | None = None):
    """A plan for a connection Left (tracker ``left``) -> Right; reports and kinds keyed "left"/"right"."""
    a, b = Instance(tracker=left, name="Left", url="https://a.invalid", auth_method=""), Instance(tracker=right, name="Right",
                                                                                   url="https://b.invalid", auth_method="")
    ws = Workspace(name="W", instances=[a, b])
    ids = {"left": a.id, "right": b.id}
    conn = Connection(name="c", left=a.id, right=b.id, mode=mode,
                      admin_kinds={ids[k]: v for k, v in (kinds or {}).items()})
    plan = plan_for(ws, conn, {ids[k]: v for k, v in (reports or {}).items()})
    return plan, {i.id if i.side == "both sides" else f"{i.id.rsplit('.', 1)[0]}@{i.side}": i for i in plan.items}


ADMIN, NOT_ADMIN = Status.PASS, Status.FAIL


def test_local_admins_on_both_sides_make_a_ready_scripted_plan():
    plan, items = _plan("jira_cloud", "github", ConfigMode.SCRIPTED,
                        {"left": _report("jira_cloud", system_admin=ADMIN),
                         "right": _report("github", system_admin=ADMIN)})
    assert items["plan.local_admin@Left"].status is Status.PASS
    assert items["plan.local_admin@Right"].status is Status.PASS
    assert plan.exit_code() == 0 and plan.ready
    assert "plan.visual_admin_both" not in items


def test_visual_needs_the_same_person_admin_on_both_and_comes_first():
    plan, items = _plan("jira_cloud", "github", ConfigMode.VISUAL,
                        {"left": _report("jira_cloud", system_admin=ADMIN),
                         "right": _report("github", who=("Dana Admin", "dana"), system_admin=NOT_ADMIN)})
    both = items["plan.visual_admin_both"]
    assert plan.items[0] is both
    assert both.status is Status.FAIL and "Right" in both.detail and "Basic or Scripted" in both.fix
    assert plan.exit_code() == 1


def test_visual_passes_for_one_person_matched_by_email_local_part():
    _, items = _plan("jira_cloud", "github", ConfigMode.VISUAL,
                     {"left": _report("jira_cloud", who=("D. Admin", "dana@example.com"), system_admin=ADMIN),
                      "right": _report("github", who=("", "dana"), system_admin=ADMIN)})
    assert items["plan.visual_admin_both"].status is Status.PASS


def test_visual_with_two_different_names_is_a_warning_not_a_proof():
    plan, items = _plan("jira_cloud", "github", ConfigMode.VISUAL,
                        {"left": _report("jira_cloud", system_admin=ADMIN),
                         "right": _report("github", who=("Rey Reader", "rey"), system_admin=ADMIN)})
    both = items["plan.visual_admin_both"]
    assert both.status is Status.WARN and "Rey Reader" in both.detail and "Dana Admin" in both.detail
    assert plan.exit_code() == 0


def test_visual_with_one_credential_missing_is_inconclusive():
    plan, items = _plan("jira_cloud", "github", ConfigMode.VISUAL, {"left": _report("jira_cloud", system_admin=ADMIN)})
    assert items["plan.visual_admin_both"].status is Status.UNKNOWN
    assert items["plan.local_admin@Right"].status is Status.UNKNOWN
    assert plan.exit_code() == 3 and not plan.ready


@pytest.mark.parametrize("tracker,mode,allowed", [
    ("jira_cloud", ConfigMode.BASIC, True),
    ("jira_cloud", ConfigMode.VISUAL, False),
    ("jira_cloud", ConfigMode.SCRIPTED, False),
    ("jira_onprem", ConfigMode.BASIC, False),
    ("github", ConfigMode.BASIC, False),
])
def test_a_project_admin_may_set_up_only_basic_on_jira_cloud(tracker, mode, allowed):
    report = _report(tracker, system_admin=NOT_ADMIN, project_admin=ADMIN)
    plan, items = _plan(tracker, "github", mode, {"left": report}, {"left": "project"})
    item = items["plan.project_admin@Left"]
    assert item.status is (Status.PASS if allowed else Status.FAIL)
    assert items["plan.app_version@Left"].manual and "5.2.0" in items["plan.app_version@Left"].title
    if not allowed:
        assert "only on Jira Cloud" in item.detail and item.fix


def test_a_delegated_admin_outside_the_group_fails_with_the_fix():
    report = _report("jira_cloud", system_admin=NOT_ADMIN, project_admin=ADMIN, console_group_member=NOT_ADMIN,
                     console_group_exists=ADMIN)
    plan, items = _plan("jira_cloud", "github", ConfigMode.SCRIPTED, {"left": report}, {"left": "delegated"})
    member = items["plan.console_group_member@Left"]
    assert member.status is Status.FAIL and CONSOLE_GROUP in member.fix
    assert items["plan.console_group_exists@Left"].status is Status.PASS
    assert items["plan.delegated_project_admin@Left"].status is Status.PASS
    assert "plan.accept_rule@Left" not in items  # Scripted connections are not accepted from invitations
    assert plan.exit_code() == 1


def test_a_missing_group_is_reported():
    report = _report("jira_cloud", system_admin=NOT_ADMIN, project_admin=ADMIN, console_group_member=NOT_ADMIN,
                     console_group_exists=NOT_ADMIN)
    _, items = _plan("jira_cloud", "github", ConfigMode.SCRIPTED, {"left": report}, {"left": "delegated"})
    exists = items["plan.console_group_exists@Left"]
    assert exists.status is Status.FAIL and "Create group" in exists.fix


@pytest.mark.parametrize("mode", [ConfigMode.BASIC, ConfigMode.VISUAL])
def test_the_accept_rule_is_shown_for_a_project_admin_in_the_group(mode):
    report = _report("jira_cloud", system_admin=NOT_ADMIN, project_admin=ADMIN, console_group_member=ADMIN,
                     console_group_exists=ADMIN)
    _, items = _plan("jira_cloud", "github", mode, {"left": report}, {"left": "delegated"})
    rule = items["plan.accept_rule@Left"]
    assert rule.status is Status.WARN and "Public Basic or Visual" in rule.why and rule.fix


def test_the_accept_rule_does_not_bind_a_system_admin():
    report = _report("jira_cloud", system_admin=ADMIN, project_admin=ADMIN, console_group_member=ADMIN,
                     console_group_exists=ADMIN)
    _, items = _plan("jira_cloud", "github", ConfigMode.BASIC, {"left": report}, {"left": "delegated"})
    assert items["plan.accept_rule@Left"].status is Status.SKIPPED


def test_on_jira_onprem_a_delegated_admin_needs_no_project_admin():
    report = _report("jira_onprem", system_admin=NOT_ADMIN, project_admin=NOT_ADMIN, console_group_member=ADMIN,
                     console_group_exists=ADMIN)
    plan, items = _plan("jira_onprem", "github", ConfigMode.SCRIPTED,
                        {"left": report, "right": _report("github", system_admin=ADMIN)}, {"left": "delegated"})
    assert "plan.delegated_project_admin@Left" not in items
    assert plan.exit_code() == 0


def test_github_has_no_delegated_administration():
    plan, items = _plan("jira_cloud", "github", ConfigMode.SCRIPTED,
                        {"right": _report("github", system_admin=ADMIN)}, {"right": "delegated"})
    item = items["plan.delegated_unavailable@Right"]
    assert item.status is Status.FAIL and CONSOLE_GROUP in item.detail and "system" in item.fix
    assert plan.exit_code() == 1


def test_freshdesk_groups_are_manual_with_steps_and_do_not_block():
    report = _report("freshdesk", system_admin=NOT_ADMIN)  # the engine adds manual checks; here: none reported
    plan, items = _plan("freshdesk", "github", ConfigMode.SCRIPTED, {"left": None}, {"left": "delegated"})
    member = items["plan.console_group_member@Left"]
    assert member.manual and member.status is Status.UNKNOWN and "Admin, Team, Groups" in member.detail
    # Freshdesk has no project administrators: not applicable rather than unknown.
    assert items["plan.delegated_project_admin@Left"].status is Status.SKIPPED
    assert report.checks[0].id == "freshdesk.admin.role"


def test_zendesk_and_salesforce_alternatives_are_listed_for_delegated_admins():
    _, items = _plan("zendesk", "salesforce", ConfigMode.SCRIPTED, {}, {"left": "delegated", "right": "delegated"})
    assert items["plan.zendesk_role@Left"].manual and "Contributor" in items["plan.zendesk_role@Left"].title
    assert items["plan.salesforce_profile@Right"].manual


def test_a_run_that_stopped_makes_the_plan_inconclusive_and_keeps_the_problem():
    problem = messages.problem("http.timeout", tracker="Jira Cloud", url="https://example.invalid")
    report = Report(tracker="jira_cloud", url="https://example.invalid", problem=problem)
    plan, items = _plan("jira_cloud", "github", ConfigMode.SCRIPTED, {"left": report})
    assert items["plan.local_admin@Left"].status is Status.UNKNOWN
    assert plan.problems == [problem]
    assert plan.exit_code() == 3
    data = plan.to_json()
    assert data["errors"][0]["kind"] == problem.kind.value and data["ready"] is False


def test_json_has_every_item_and_the_reason_for_admin_access():
    plan, _ = _plan("jira_cloud", "github", ConfigMode.BASIC, {})
    data = plan.to_json()
    assert data["mode"] == "basic" and data["why_admin"] == WHY_ADMIN and "scripts" in WHY_ADMIN
    assert {i["id"] for i in data["items"]} == {i.id for i in plan.items}
    assert all(set(i) >= {"id", "side", "title", "why", "status", "detail", "fix", "manual"} for i in data["items"])


def test_stored_admin_verifications_stand_in_for_fresh_reports():
    side = Instance(tracker="jira_cloud", name="Jira", url="https://a.invalid", auth_method="")
    admin = Instance(tracker="jira_cloud", name="Dana", url="https://a.invalid", auth_method="", role="admin")
    other = Instance(tracker="github", name="Repo", url="https://github.com", auth_method="")
    spec = registry.get("jira_cloud").spec
    key = spec.admin_requirements["system_admin"].key
    admin.record(Verification(at=clock.now(), ready=False, identity="Dana Admin (dana@example.com)",
                              checks=[CheckResult(spec.check_id(key), Status.FAIL, "t", "not an admin", "fix")]))
    ws = Workspace(name="W", instances=[side, admin, other])
    conn = Connection(name="c", left=side.id, right=other.id, admins={side.id: admin.id})
    rebuilt = stored_reports(ws, conn)
    assert rebuilt[side.id].identity == Identity(name="Dana Admin", login="dana@example.com")
    plan = plan_for(ws, conn)  # no reports given: the stored ones
    local = next(i for i in plan.items if i.id == f"plan.local_admin.{side.id}")
    assert local.status is Status.FAIL and local.detail == "not an admin"
