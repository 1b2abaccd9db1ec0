"""The main area for one instance: details, the checks of the last verification, and actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QScrollArea, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from exadesk.foundation.checks import Report, Verdict
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.store.model import Instance, Workspace
from exadesk.ui import icons, texts
from exadesk.ui.checks_table import ChecksTable, NotRunLine, show_results
from exadesk.ui.problem_view import ProblemView, support_details
from exadesk.ui.sidebar import badge_key
from exadesk.verification import registry
from exadesk.verification.registry import field_label


#: How many lines "What changed" and the verification timeline show before they scroll (the checks take the rest).
CHANGES_LINES = 4
TIMELINE_ROWS = 4


def _when(dt) -> str:
    if dt is None:
        return ""
    return dt.astimezone().strftime("%d %b %Y, %H:%M")


class InstancePage(QWidget):
    """Signals:
        verify_requested, edit_requested, replace_secret_requested, remove_requested, cancel_requested: instance id.
    """

    verify_requested = Signal(str)
    cancel_requested = Signal(str)
    edit_requested = Signal(str)
    replace_secret_requested = Signal(str)
    remove_requested = Signal(str)
    expiry_requested = Signal(str)
    sign_in_requested = Signal(str)
    fix_requested = Signal(str)  # instance id: fix all that can be fixed
    fix_check_requested = Signal(str, str)  # instance id, check id: fix that finding alone
    undo_run_requested = Signal(str, str)  # instance id, fix run id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.instance_id = ""
        self.icon = QLabel()
        self.title = QLabel()
        self.title.setObjectName("instanceTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel()
        self.badge.setObjectName("stateBadge")

        self.verify_button = QPushButton(self.tr("&Verify now"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.secret_button = QPushButton(self.tr("Replace &secret…"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.sign_in_button = QPushButton(self.tr("Sign &in again…"))
        self.sign_in_button.setAccessibleName(self.tr("Sign in again with the browser"))
        self.sign_in_button.setToolTip(self.tr("The tracker no longer accepts the saved sign-in; sign in again in "
                                               "the browser"))
        self.sign_in_button.hide()
        self.sign_in_button.clicked.connect(lambda: self.sign_in_requested.emit(self.instance_id))
        self.fix_button = QPushButton(self.tr("Fi&x all…"))
        self.fix_button.setAccessibleName(self.tr("Fix all that can be fixed"))
        self.fix_button.setToolTip(self.tr("Fix all that can be fixed: shows the changes that would make every "
                                           "failing check with a fix pass, made with an administrator's credential; "
                                           "you choose which to make, and nothing is changed until you confirm. The "
                                           "Fix… beside a check fixes that one alone"))
        self.fix_button.hide()
        self.fix_button.clicked.connect(lambda: self.fix_requested.emit(self.instance_id))
        self.expiry_button = QPushButton(self.tr("Set &date…"))
        self.expiry_button.setAccessibleName(self.tr("Enter or clear the credential's expiry date"))
        self.expiry_button.setToolTip(self.tr("Enter the date the credential expires when the tracker does not "
                                              "report it, so ExaDesk warns you in time"))
        self.expiry_button.clicked.connect(lambda: self.expiry_requested.emit(self.instance_id))
        for button, name in ((self.verify_button, self.tr("Verify now")), (self.cancel_button, self.tr("Cancel verification")),
                             (self.edit_button, self.tr("Edit instance")), (self.secret_button, self.tr("Replace secret")),
                             (self.remove_button, self.tr("Remove instance"))):
            button.setAccessibleName(name)
        self.verify_button.setDefault(True)
        self.cancel_button.hide()
        self.verify_button.clicked.connect(lambda: self.verify_requested.emit(self.instance_id))
        self.cancel_button.clicked.connect(lambda: self.cancel_requested.emit(self.instance_id))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.instance_id))
        self.secret_button.clicked.connect(lambda: self.replace_secret_requested.emit(self.instance_id))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.instance_id))

        header = QHBoxLayout()
        header.addWidget(self.icon)
        header.addWidget(self.title, 1)
        header.addWidget(self.badge)

        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._detail_labels: dict[str, QLabel] = {}
        for key, label in (("tracker", self.tr("Tracker")), ("url", self.tr("Address")),
                           ("method", self.tr("Sign-in method")), ("proxy_user", self.tr("Proxy user")),
                           ("sync", self.tr("Synced")), ("scope", self.tr("In scope")),
                           ("secrets", self.tr("Secrets")), ("expires", self.tr("Credential expires")),
                           ("last", self.tr("Last verified"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self._detail_labels[key] = value
            if key == "expires":
                value.setWordWrap(False)  # a date: beside its button, never broken over two lines
                row = QHBoxLayout()
                row.addWidget(value)
                row.addWidget(self.expiry_button)
                row.addStretch(1)
                self.details.addRow(label + ":", row)
            else:
                self.details.addRow(label + ":", value)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Verification progress"))
        self.progress.hide()
        self.problem_view = ProblemView()
        self.table = ChecksTable(fix_column=True)
        self.table.fix_requested.connect(lambda check_id: self.fix_check_requested.emit(self.instance_id, check_id))
        self.not_run = NotRunLine()
        self.empty = QLabel(self.tr("Not verified yet. Choose Verify now to check the proxy user live; "
                                    "ExaDesk only reads, it never changes anything on the tracker."))
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyState")

        actions = QHBoxLayout()
        for button in (self.verify_button, self.cancel_button, self.sign_in_button, self.fix_button, self.edit_button,
                       self.secret_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addLayout(self.details)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem_view)
        layout.addWidget(self.empty)
        layout.addWidget(self.not_run)
        layout.addWidget(self.table, 1)
        self.changes_heading = QLabel(self.tr("What changed"))
        bold = self.changes_heading.font()
        bold.setBold(True)
        self.changes_heading.setFont(bold)
        self.changes = QLabel()
        self.changes.setObjectName("driftText")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.setAccessibleName(self.tr("What changed"))
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName(self.tr("Verification history"))
        self.timeline.setRootIsDecorated(False)
        self.timeline.setUniformRowHeights(True)
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("Result"), self.tr("Missing or the reason")])
        self.timeline.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.timeline.header().setStretchLastSection(True)
        # The results get the room: "What changed" and the timeline take only the lines they need, up to a few.
        self.changes_area = QScrollArea()
        self.changes_area.setWidget(self.changes)
        self.changes_area.setWidgetResizable(True)
        self.changes_area.setFrameShape(QFrame.Shape.NoFrame)
        self.changes_area.setMaximumHeight(self.fontMetrics().lineSpacing() * CHANGES_LINES + 8)
        layout.addWidget(self.changes_heading)
        layout.addWidget(self.changes_area)
        layout.addWidget(self.timeline)
        # The fix runs applied for this instance (exadesk.services.fixes), each of which can be undone from here.
        self.runs_heading = QLabel(self.tr("Fix runs"))
        self.runs_heading.setFont(bold)
        self.undo_run_button = QPushButton(self.tr("&Undo fix run…"))
        self.undo_run_button.setAccessibleName(self.tr("Undo the chosen fix run"))
        self.undo_run_button.setToolTip(self.tr("Shows the run's changes and reverses them after you confirm"))
        self.undo_run_button.clicked.connect(self._undo_chosen_run)
        runs_header = QHBoxLayout()
        runs_header.addWidget(self.runs_heading)
        runs_header.addStretch(1)
        runs_header.addWidget(self.undo_run_button)
        self.runs = QTreeWidget()
        self.runs.setObjectName("fixRuns")
        self.runs.setAccessibleName(self.tr("Fix runs"))
        self.runs.setRootIsDecorated(False)
        self.runs.setUniformRowHeights(True)
        self.runs.setHeaderLabels([self.tr("When"), self.tr("By"), self.tr("State"), self.tr("Changes")])
        self.runs.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.runs.header().setStretchLastSection(True)
        self.runs.itemSelectionChanged.connect(self._run_chosen)
        self.runs.itemDoubleClicked.connect(lambda *_: self._undo_chosen_run())
        layout.addLayout(runs_header)
        layout.addWidget(self.runs)

    def show_instance(self, workspace: Workspace, inst: Instance, running: bool = False) -> None:
        self.instance_id = inst.id
        try:
            spec = registry.get(inst.tracker).spec
            tracker_name = spec.name
            try:
                method = spec.auth_method(inst.auth_method).label
            except KeyError:
                method = inst.auth_method
        except KeyError:
            spec, tracker_name, method = None, inst.tracker, inst.auth_method
        self.icon.setPixmap(icons.tracker_icon(inst.tracker, tracker_name).pixmap(32, 32))
        self.title.setText(inst.name)
        key = badge_key(inst)
        self.badge.setText(texts.badge(key))
        self.badge.setToolTip(texts.badge_help(key))
        from exadesk.ui.theme import BADGE_COLOURS

        self.badge.setStyleSheet(f"#stateBadge {{ background: {BADGE_COLOURS.get(key)}; color: white; "
                                 "border-radius: 8px; padding: 2px 10px; }")
        labels = self._detail_labels
        labels["tracker"].setText(f"{tracker_name} · {workspace.name}")
        labels["url"].setText(inst.url)
        labels["method"].setText(method)
        labels["proxy_user"].setText(inst.proxy_user or self.tr("Known after the first verification"))
        labels["sync"].setText(", ".join(texts.sync_label(s) for s in inst.sync) or self.tr("Items and fields only"))
        labels["scope"].setText(", ".join(inst.scope) or self.tr("Nothing listed"))
        secret_names = ", ".join(field_label(inst.tracker, inst.auth_method, name) for name in inst.secret_fields)
        labels["secrets"].setText(self.tr("In the keychain: {names}").format(names=secret_names)
                                  if inst.secret_fields else self.tr("None"))
        labels["expires"].setText(_when(inst.token_expires_at) or self.tr("Not known"))
        self.expiry_button.setText(self.tr("Change &date…") if inst.token_expires_at else self.tr("Set &date…"))
        last = inst.last
        labels["last"].setText(_when(last.at) if last else self.tr("Never"))
        self.sign_in_button.setVisible(bool(last and last.error_reason == "oauth.sign_in_again"))
        from exadesk.services import fixes

        self.fix_button.setVisible(bool(fixes.fixable_checks(inst)))
        self.show_history(inst)
        self.show_fix_runs(fixes.runs_of(workspace, inst.id))
        self.set_running(running)
        if not running:
            show_results(self.table, self.not_run, last.checks if last else [], last.error_kind if last else None)
            self.table.set_fixable(fixes.fixable_checks(inst))
            if last and last.error_message:
                problem = Problem(ErrorKind(last.error_kind) if last.error_kind else ErrorKind.UNEXPECTED_RESPONSE,
                                  last.error_message, "", reason=last.error_reason or "")
                self.problem_view.show_problem(problem, support_details(problem, tracker=inst.tracker, url=inst.url,
                                                                        method=inst.auth_method))
            else:
                self.problem_view.show_problem(None)
            self.empty.setVisible(last is None)
            if last is None:
                self.table.hide()

    def show_history(self, inst: Instance) -> None:
        """"What changed" (exadesk.store.history.drift) and one timeline row per stored run, newest first."""
        from html import escape

        from exadesk.store import history

        sentences = history.drift(inst)
        if sentences:
            self.changes.setText("<ul style='margin-left:-20px; margin-top:0px; margin-bottom:0px'>"
                                 + "".join(f"<li>{escape(s)}</li>" for s in sentences) + "</ul>")
        elif len(inst.history) > 1:
            self.changes.setText(escape(self.tr("Nothing changed between the stored verifications.")))
        else:
            self.changes.setText(escape(self.tr("Changes appear here once the instance was verified twice.")))
        self.timeline.clear()
        rows = history.timeline(inst)
        for row in rows:
            verdict = Verdict(row["verdict"])
            result = texts.verdict(verdict)
            why = ", ".join(row["failing"] if verdict is not Verdict.NOT_CONFIRMED else row["not_confirmed"]) \
                or (row["error"] or "")
            self.timeline.addTopLevelItem(QTreeWidgetItem([_when(row["at"]), result, why]))
        self.timeline.setVisible(bool(rows))
        if rows:
            row_height = self.timeline.sizeHintForRow(0) if self.timeline.topLevelItemCount() else 0
            row_height = max(row_height, self.fontMetrics().height() + 4)
            self.timeline.setFixedHeight(self.timeline.header().sizeHint().height() + 2 * self.timeline.frameWidth()
                                         + row_height * min(len(rows), TIMELINE_ROWS) + 2)
        self._fit_changes()

    def show_fix_runs(self, runs) -> None:
        """One row per fix run, newest first: when, by whom, applied or undone, and its changes in words."""
        from exadesk.services import fixes

        self.runs.clear()
        for run in runs:
            item = QTreeWidgetItem([_when(run.at), run.by, fixes.run_state(run),
                                    "; ".join(entry["words"] for entry in run.changes)])
            item.setToolTip(3, "\n".join(entry["words"] for entry in run.changes))
            item.setData(0, Qt.ItemDataRole.UserRole, run.id)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, bool(fixes.to_undo(run)))
            self.runs.addTopLevelItem(item)
        for widget in (self.runs_heading, self.runs, self.undo_run_button):
            widget.setVisible(bool(runs))
        if runs:
            self.runs.setCurrentItem(self.runs.topLevelItem(0))
            row_height = max(self.runs.sizeHintForRow(0), self.fontMetrics().height() + 4)
            self.runs.setFixedHeight(self.runs.header().sizeHint().height() + 2 * self.runs.frameWidth()
                                     + row_height * min(len(runs), TIMELINE_ROWS) + 2)
        self._run_chosen()

    def _run_chosen(self) -> None:
        item = self.runs.currentItem()
        self.undo_run_button.setEnabled(bool(item and item.data(0, Qt.ItemDataRole.UserRole + 1)))

    def _undo_chosen_run(self) -> None:
        item = self.runs.currentItem()
        if item is not None:
            self.undo_run_requested.emit(self.instance_id, str(item.data(0, Qt.ItemDataRole.UserRole)))

    def _fit_changes(self) -> None:
        """"What changed" as tall as its text at the page's width, up to CHANGES_LINES lines (then it scrolls)."""
        width = max(self.width() - 40, 400)
        needed = self.changes.heightForWidth(width)
        if needed <= 0:
            needed = self.changes.sizeHint().height()
        self.changes_area.setFixedHeight(min(needed, self.fontMetrics().lineSpacing() * CHANGES_LINES) + 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_changes()

    def set_running(self, running: bool) -> None:
        self.verify_button.setEnabled(not running)
        self.edit_button.setEnabled(not running)
        self.secret_button.setEnabled(not running)
        self.remove_button.setEnabled(not running)
        self.fix_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self.empty.hide()
            self.table.show()

    def start_run(self) -> None:
        self.table.checks.clear()
        self.not_run.hide()
        self.problem_view.show_problem(None)
        self.set_running(True)

    def add_result(self, result) -> None:
        self.table.checks.append(result)

    def show_problem(self, problem: Problem, details: str = "") -> None:
        self.problem_view.show_problem(problem, details)

    def finish_run(self, report: Report) -> None:
        self.set_running(False)
        self.empty.hide()
        show_results(self.table, self.not_run, report.checks, report.problem.kind if report.problem else None)
