"""The instance page: the results get the room, and a rejected credential is folded to one line."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from exadesk.foundation.checks import CheckResult, Status
from exadesk.store.model import Instance, Verification, Workspace
from exadesk.ui.instance_page import InstancePage

AT = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def _checks(status: Status, count: int) -> list[CheckResult]:
    fix = ("Open the project's permission scheme, find this permission and grant it to a role the proxy user holds, "
           "then verify again. ") * 2
    return [CheckResult(f"jira_cloud.check{i}", status, f"Check number {i}", "What was found, in a sentence.", fix)
            for i in range(count)]


def _page(qtbot, inst: Instance) -> InstancePage:
    page = InstancePage()
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show_instance(Workspace(name="Acme", instances=[inst]), inst)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_checks_get_the_room_and_what_changed_only_its_lines(qtbot):
    inst = Instance(tracker="jira_cloud", name="Acme Jira", url="https://acme.atlassian.net", auth_method="api_token")
    inst.history = [Verification(at=AT + timedelta(hours=h), ready=False, checks=_checks(Status.FAIL, 8))
                    for h in range(3)]
    page = _page(qtbot, inst)
    beside = page.changes_area.height() + page.timeline.height() + page.changes_heading.height()
    assert page.table.height() > 2 * beside, (page.table.height(), beside)
    assert page.timeline.height() < 150


def test_a_rejected_credential_on_the_page_is_its_problem_and_one_line(qtbot):
    inst = Instance(tracker="jira_cloud", name="Acme Jira", url="https://acme.atlassian.net", auth_method="api_token")
    inst.history = [Verification(at=AT, ready=False, checks=_checks(Status.UNKNOWN, 11), error_kind="auth",
                                 error_reason="jira_cloud.rejected",
                                 error_message="Jira Cloud rejected the email + API token. Check the email.")]
    page = _page(qtbot, inst)
    assert page.not_run.isVisible() and page.not_run.text() == "11 checks could not run until sign-in works."
    assert page.table.checks.rowCount() == 0 and not page.table.isVisible()
    assert page.problem_view.isVisible()


def test_a_long_fix_is_never_clipped_when_the_columns_settle(qtbot):
    from PySide6.QtCore import QRect, Qt

    from exadesk.ui.checks_table import ChecksTable

    table = ChecksTable()
    qtbot.addWidget(table)
    table.resize(700, 500)
    table.show()
    qtbot.waitExposed(table)
    table.checks.set_checks(_checks(Status.FAIL, 3))
    table.resize(1100, 500)  # the columns stretch after the rows were measured, then narrow again
    table.resize(620, 500)
    qtbot.wait(50)
    fix_column = 3
    width = table.columnWidth(fix_column) - 8
    needed = table.fontMetrics().boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap),
                                              table.checks.rows[0].fix).height()
    assert all(table.rowHeight(r) >= needed for r in range(3)), ([table.rowHeight(r) for r in range(3)], needed)
