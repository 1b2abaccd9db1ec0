"""The checks of one verification as a table: status icon, title, what was found, how to fix."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStyledItemDelegate, QTableView

from exadesk.foundation import strings
from exadesk.foundation.checks import CheckResult, Status, fold_not_run
from exadesk.ui import icons, texts

_ORDER = {Status.FAIL: 0, Status.WARN: 1, Status.UNKNOWN: 2, Status.PASS: 3, Status.SKIPPED: 4}


class ChecksModel(QAbstractTableModel):
    """Rows of CheckResults; ``append`` adds one as it arrives."""

    COLUMNS = ("status", "title", "detail", "fix")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[CheckResult] = []

    def headers(self) -> list[str]:
        return [self.tr("Status"), self.tr("Check"), self.tr("What was found"), self.tr("How to fix")]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        check = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
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
    """A read-only, keyboard-navigable table of checks with wrapped texts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.checks = ChecksModel(self)
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
