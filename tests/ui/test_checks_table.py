"""The checks as a table (exadesk/ui/checks_table.py): failures first, words and icons per status, and the one line
that stands for checks that never ran. The row heights of long fixes are tested in tests/ui/test_instance_page.py."""

from __future__ import annotations

from PySide6.QtCore import Qt

from exadesk.foundation.checks import CheckResult, Status
from exadesk.foundation.errors import ErrorKind
from exadesk.ui.checks_table import ChecksModel, ChecksTable, NotRunLine, show_results

PASS = CheckResult("t.pass", Status.PASS, "Passes", "Found it.")
FAIL = CheckResult("t.fail", Status.FAIL, "Fails", "Missing.", "Grant it.")
MANUAL = CheckResult("t.manual", Status.UNKNOWN, "By hand", manual=True)
UNDECIDED = CheckResult("t.undecided", Status.UNKNOWN, "Undecided")
WARN = CheckResult("t.warn", Status.WARN, "Warns")


def _cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_failures_come_first_and_each_column_shows_its_field(qapp):
    model = ChecksModel()
    model.set_checks([PASS, UNDECIDED, FAIL, WARN])
    assert [c.id for c in model.rows] == ["t.fail", "t.warn", "t.undecided", "t.pass"]
    assert model.headers() == ["Status", "Check", "What was found", "How to fix"]
    assert [_cell(model, 0, c) for c in range(4)] == ["Failed", "Fails", "Missing.", "Grant it."]
    assert _cell(model, 0, 3, Qt.ItemDataRole.AccessibleTextRole) == "Grant it."
    assert not _cell(model, 0, 0, Qt.ItemDataRole.DecorationRole).isNull()
    model.set_checks([PASS, FAIL], sort=False)  # in the order they arrived
    assert [c.id for c in model.rows] == ["t.pass", "t.fail"]


def test_rows_arrive_one_by_one_and_clear(qapp):
    model = ChecksModel()
    inserted = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    model.append(PASS)
    model.append(MANUAL)
    assert inserted == [(0, 0), (1, 1)] and model.rowCount() == 2
    assert _cell(model, 1, 0) == "Confirm by hand"
    model.clear()
    assert model.rowCount() == 0


def test_after_a_rejected_credential_the_undecided_checks_are_one_line(qtbot):
    table, line = ChecksTable(), NotRunLine()
    qtbot.addWidget(table)
    qtbot.addWidget(line)
    show_results(table, line, [MANUAL, UNDECIDED, UNDECIDED], ErrorKind.AUTH)
    assert [c.id for c in table.checks.rows] == ["t.manual"]  # a by-hand step stays listed
    assert line.text() == "2 checks could not run until sign-in works." and not line.isHidden()
    show_results(table, line, [PASS, UNDECIDED], None)
    assert table.checks.rowCount() == 2 and line.isHidden()


def test_the_table_is_read_only_and_tab_leaves_it(qtbot):
    table = ChecksTable()
    qtbot.addWidget(table)
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert not table.tabKeyNavigation() and table.accessibleName() == "Checks"
