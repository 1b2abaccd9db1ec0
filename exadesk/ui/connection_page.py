"""The main area for one connection: the admin access plan as a checklist, checked with each admin's credential."""

from __future__ import annotations

import functools

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStyledItemDelegate,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from exadesk.foundation.checks import CheckResult, Report, Status
from exadesk.foundation.errors import Problem
from exadesk.services import planner
from exadesk.ui import icons, texts


@functools.lru_cache(maxsize=None)
class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's current width (a tree view does not do this itself)."""

    def __init__(self, view: QTreeWidget):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        width = self.view.header().sectionSize(index.column()) - 10
        if not text or width <= 0:
            return hint
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


def plan_status_icon(status: Status) -> QIcon:
    """The status mark from resources/icons/status/<status>.svg (the drawn one when the file is missing)."""
    path = icons.ICON_DIR / "status" / f"{status.value}.svg"
    if path.is_file():
        return icons._svg_icon(path.read_bytes())  # same renderer as the app's other SVG icons
    return icons.status_icon(status)


class ConnectionPage(QWidget):
    """The plan of one connection; "Check now" runs ``engine.verify_admin`` for each side on the app's workers.

    Items turn green as the results arrive; finished runs are stored on the admin credentials (as
    ``exadesk plan`` does), so the plan shows them again later and the readiness report includes them.

    Signals:
        checked: the connection id, once every side's run has finished.
    """

    checked = Signal(str)
    edit_requested = Signal(str)
    COLUMNS = ("status", "side", "title", "detail", "fix")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.workspace_id = ""
        self.connection_id = ""
        self.runs: dict[str, object] = {}  # side id -> VerifyRun
        self._live: dict[str, Report] = {}  # side id -> the report so far (a run in flight, or finished)
        self.plan: planner.Plan | None = None

        self.title = QLabel()
        self.title.setObjectName("connectionTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.verdict = QLabel()
        self.verdict.setObjectName("planVerdict")
        self.check_button = QPushButton(self.tr("&Check now"))
        self.check_button.setAccessibleName(self.tr("Check the administrators now"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check_now)
        self.edit_button = QPushButton(self.tr("&Edit\u2026"))
        self.edit_button.setAccessibleName(self.tr("Edit the connection"))
        self.edit_button.setToolTip(self.tr("Change the name, the instances, the mode or the administrators"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.connection_id))
        # Why "Check now" cannot run (or what it will do), in words on the page and not only in a tooltip.
        self.check_hint = QLabel()
        self.check_hint.setObjectName("fieldHint")
        self.check_hint.setWordWrap(True)

        self.items = QTreeWidget()
        self.items.setColumnCount(len(self.COLUMNS))
        self.items.setHeaderLabels([self.tr("Status"), self.tr("Side"), self.tr("Requirement"),
                                    self.tr("What was found"), self.tr("How to fix")])
        self.items.setRootIsDecorated(False)
        self.items.setWordWrap(True)
        self.items.setUniformRowHeights(False)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setAccessibleName(self.tr("Administrator checklist"))
        header = self.items.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Rows take the height of their wrapped text once the columns know their width.
        self.items.setItemDelegate(_WrappingDelegate(self.items))
        header.sectionResized.connect(lambda *_: self.items.doItemsLayout())

        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        top.addWidget(self.verdict)
        top.addWidget(self.edit_button)
        top.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.check_hint)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.why)

    # -- showing ---------------------------------------------------------------------

    def _connection(self):
        ws = self.session.data.workspace(self.workspace_id)
        conn = next((c for c in ws.connections if c.id == self.connection_id), None) if ws else None
        return ws, conn

    def show_connection(self, workspace_id: str, connection_id: str) -> None:
        """Show a connection's plan from the last stored admin checks (nothing is sent)."""
        if (workspace_id, connection_id) != (self.workspace_id, self.connection_id):
            self._live = {}
        self.workspace_id, self.connection_id = workspace_id, connection_id
        self.refresh()

    def refresh(self) -> None:
        ws, conn = self._connection()
        if conn is None:
            self.plan = None
            self.title.setText(self.tr("Connection not found"))
            self.items.clear()
            self.check_button.setEnabled(False)
            self.edit_button.setEnabled(False)
            self.check_hint.hide()
            return
        reports = planner.stored_reports(ws, conn)
        reports.update(self._live)
        self.plan = planner.plan_for(ws, conn, reports)
        left, right = planner.side_names(ws, conn)
        self.title.setText(conn.name)
        self.subtitle.setText(self.tr("{left} ↔ {right}, {mode} mode").format(
            left=left, right=right, mode=conn.mode.value.capitalize()))
        self.why.setText(self.plan.why_admin)
        self._fill(self.plan)
        running = bool(self.runs)
        reason = self.check_reason(ws, conn)
        self.edit_button.setEnabled(not running)
        self.check_button.setEnabled(not running and not reason)
        self.check_button.setToolTip(reason or self.tr("Check each administrator's rights with their own credential "
                                                       "(reading only)"))
        self.check_hint.setText(reason)
        self.check_hint.setVisible(bool(reason))
        self.verdict.setText(self.tr("Checking…") if running else {
            0: self.tr("Ready to configure"), 1: self.tr("Not ready"), 3: self.tr("To confirm")}[self.plan.exit_code()])

    def check_reason(self, ws, conn) -> str:
        """Why "Check now" cannot run for this connection, or "" when it can."""
        missing = planner.missing_sides(ws, conn)
        if len(missing) == 2:
            return self.tr("Check now needs the connection's instances, and both were removed: choose them again "
                           "with Edit, or remove the connection.")
        if not any(ws.instance(admin_id) for side, admin_id in conn.admins.items() if ws.instance(side)):
            return self.tr("Check now needs an administrator's own credential for at least one side: Edit lets you "
                           "choose or add one.")
        return ""

    def _fill(self, plan: planner.Plan) -> None:
        self.items.clear()
        for item in plan.items:
            row = QTreeWidgetItem([texts.status(item.status), item.side, item.title, item.detail,
                                   item.fix if item.status is not Status.PASS else ""])
            row.setIcon(0, plan_status_icon(item.status))
            row.setToolTip(0, texts.status(item.status))
            for column in (2, 3, 4):  # long sentences wrap in the cell; the tooltip shows them whole too
                row.setToolTip(column, row.text(column))
            row.setToolTip(2, item.why)
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setData(0, Qt.ItemDataRole.AccessibleTextRole, item.status.value)
            self.items.addTopLevelItem(row)
        if plan.problems:
            self.why.setText("\n\n".join([*(p.text() for p in plan.problems), plan.why_admin]))

    def status_of(self, item_id: str) -> Status | None:
        """The status shown for a plan item (tests and accessibility tools read it)."""
        if self.plan is None:
            return None
        return next((i.status for i in self.plan.items if i.id == item_id), None)

    # -- checking --------------------------------------------------------------------

    def check_now(self) -> int:
        """Start one admin run per side with a credential; returns how many started."""
        ws, conn = self._connection()
        if conn is None or self.runs:
            return 0
        from exadesk.verification import engine

        self._live = {}
        started = 0
        targets = planner.admin_targets(ws, conn, settings=self.session.data.settings, secrets=self.session.secrets)
        for side_id, (admin, target) in targets.items():
            if isinstance(target, Problem):  # the secret is not in the keychain: nothing to send
                self._live[side_id] = Report(tracker=admin.tracker, url=admin.url, problem=target)
                continue
            self._live[side_id] = Report(tracker=admin.tracker, url=admin.url)
            self.runs[side_id] = self.session.workers.start(
                target, on_result=lambda result, s=side_id: self._on_result(s, result),
                on_finished=lambda report, s=side_id, a=admin.id: self._on_finished(s, a, report),
                verify=engine.verify_admin)
            started += 1
        self.refresh()
        if not started:
            self.checked.emit(self.connection_id)
        return started

    def cancel(self) -> None:
        for run in self.runs.values():
            run.cancel()

    def _on_result(self, side_id: str, result: CheckResult) -> None:
        report = self._live.get(side_id)
        if report is not None and side_id in self.runs:
            report.checks.append(result)
            self.refresh()

    def _on_finished(self, side_id: str, admin_id: str, report: Report) -> None:
        self.runs.pop(side_id, None)
        self._live[side_id] = report
        kind = report.problem.kind.value if report.problem is not None else ""
        if kind not in ("keychain", "cancelled"):
            from exadesk.services import instances

            def record(data) -> None:
                found = data.find_instance(admin_id)
                if found:
                    instances.record(found[1], report)

            self.session.update_later(record)
        self.refresh()
        if not self.runs:
            self.checked.emit(self.connection_id)
