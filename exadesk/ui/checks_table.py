"""The checks of one verification as a table: status icon, title, what was found, how to fix; on an instance's page,
a Fix… button beside each failing finding that has a fix."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMenu, QPushButton, QStyledItemDelegate,
                               QTableView, QVBoxLayout, QWidget)

from exadesk.foundation import strings
from exadesk.foundation.checks import CheckResult, Status, fold_not_run
from exadesk.ui import icons, texts

_ORDER = {Status.FAIL: 0, Status.WARN: 1, Status.UNKNOWN: 2, Status.PASS: 3, Status.SKIPPED: 4}


class ChecksModel(QAbstractTableModel):
    """Rows of CheckResults; ``append`` adds one as it arrives. With ``fix_column``, a last column holds the Fix…
    buttons the table puts there (:meth:`ChecksTable.set_fixable`)."""

    COLUMNS = ("status", "title", "detail", "fix")

    def __init__(self, parent=None, *, fix_column: bool = False):
        super().__init__(parent)
        self.rows: list[CheckResult] = []
        self.columns = self.COLUMNS + (("action",) if fix_column else ())

    def headers(self) -> list[str]:
        return [self.tr("Status"), self.tr("Check"), self.tr("What was found"), self.tr("How to fix"),
                self.tr("Fix")][:len(self.columns)]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        check = self.rows[index.row()]
        column = self.columns[index.column()]
        if column == "action":
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "status":
                return texts.check_status(check)
            return self.text(check, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "status":
            return icons.check_icon(check)
        return None

    @staticmethod
    def text(check: CheckResult, column: str) -> str:
        """A cell's text. A title or fix from a tracker's spec is stored in English (reports, history) and shown in
        the person's language: the .ts file holds it under the tracker's id, the first part of the check's id. A
        detail was translated when the check ran (exadesk.foundation.strings)."""
        value = getattr(check, column)
        if column in ("title", "fix") and value:
            return strings.translate(check.id.partition(".")[0], value)
        return value

    def set_checks(self, checks: list[CheckResult], *, sort: bool = True) -> None:
        self.beginResetModel()
        self.rows = sorted(checks, key=lambda c: _ORDER[c.status]) if sort else list(checks)
        self.endResetModel()

    def append(self, check: CheckResult) -> None:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(check)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_checks([])


class _WrappingDelegate(QStyledItemDelegate):
    """Measures a cell's wrapped text at its column's width, with a little room above and below."""

    PADDING = 6

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text or index.column() == 0:
            return QSize(hint.width(), hint.height() + self.PADDING)
        width = max(view.columnWidth(index.column()) - 8, 20)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000),
                                               int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft), str(text))
        return QSize(hint.width(), max(hint.height(), rect.height()) + self.PADDING)


class ChecksTable(QTableView):
    """A read-only, keyboard-navigable table of checks with wrapped texts.

    With ``fix_column`` (an instance's page), :meth:`set_fixable` puts a Fix… button beside each failing finding that
    has a fix; the button, a double-click or Enter on its row, and its context menu emit ``fix_requested(check id)``.
    """

    fix_requested = Signal(str)

    def __init__(self, parent=None, *, fix_column: bool = False):
        super().__init__(parent)
        self.checks = ChecksModel(self, fix_column=fix_column)
        self.fixable: set[str] = set()
        self.setModel(self.checks)
        self.setAccessibleName(self.tr("Checks"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Fixed to the longest status word, so rows arriving one by one never squeeze it.
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(texts.status(s)) for s in Status)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, widest + self.iconSize().width() + 28)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 200)
        if fix_column:
            probe = QPushButton(self.tr("Fix…"))
            header.setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(4, max(probe.sizeHint().width(), metrics.horizontalAdvance(self.tr("Fix"))) + 16)
            self.setColumnHidden(4, True)
            self.doubleClicked.connect(lambda index: self._fix_row(index.row()))
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.customContextMenuRequested.connect(self._menu)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        # Rows as tall as their wrapped text at the column's real width, recomputed when a column changes width
        # (the fix paragraphs were clipped when the columns settled after the rows were measured).
        self.setItemDelegate(_WrappingDelegate(self))
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._refit.start())

    def set_fixable(self, check_ids) -> None:
        """A Fix… button beside each shown check whose id is in ``check_ids`` (failing, with a fix); the column
        shows only when there is one. Call again after the rows change (a reset removes the buttons)."""
        if len(self.checks.columns) <= 4:
            return
        self.fixable = set(check_ids)
        for row, check in enumerate(self.checks.rows):
            if check.id in self.fixable:
                self.setIndexWidget(self.checks.index(row, 4), self._fix_button(check))
        self.setColumnHidden(4, not any(c.id in self.fixable for c in self.checks.rows))

    def _fix_button(self, check: CheckResult) -> QWidget:
        title = ChecksModel.text(check, "title")
        button = QPushButton(self.tr("Fix…"))
        button.setAccessibleName(self.tr("Fix: {check}").format(check=title))
        button.setToolTip(self.tr("Shows the changes that would make “{check}” pass; nothing is changed until you "
                                  "confirm").format(check=title))
        button.clicked.connect(lambda _=False, check_id=check.id: self.fix_requested.emit(check_id))
        cell = QWidget()  # the button at the top of the cell, its own height, however tall the row's texts are
        box = QVBoxLayout(cell)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(button)
        box.addStretch(1)
        return cell

    def _fix_row(self, row: int) -> None:
        if 0 <= row < len(self.checks.rows) and self.checks.rows[row].id in self.fixable:
            self.fix_requested.emit(self.checks.rows[row].id)

    def _menu(self, pos) -> None:
        row = self.indexAt(pos).row()
        if not (0 <= row < len(self.checks.rows)) or self.checks.rows[row].id not in self.fixable:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Fix this check…"), lambda: self._fix_row(row))
        menu.popup(self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid() \
                and self.checks.rows[self.currentIndex().row()].id in self.fixable:
            self._fix_row(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class NotRunLine(QLabel):
    """The one line that stands for the checks a rejected credential (or Cancel) kept from running; hidden otherwise."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("notRunLine")
        self.setWordWrap(True)
        self.hide()


def show_results(table: ChecksTable, line: NotRunLine, checks: list[CheckResult], error_kind) -> None:
    """Fill ``table`` with ``checks``; after a rejected credential or Cancel the ones that never ran become ``line``."""
    shown, folded = fold_not_run(checks, error_kind)
    table.checks.set_checks(shown)
    line.setText(texts.not_run_line(len(folded), error_kind))
    line.setVisible(bool(folded))
    table.setVisible(bool(shown) or not folded)
