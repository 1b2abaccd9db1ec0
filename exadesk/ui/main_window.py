"""The main window: sidebar, the selected instance / workspace / tracker, menus, and verification runs."""

from __future__ import annotations


from PySide6.QtCore import QEvent, QSettings, QTimer, Signal
from PySide6.QtWidgets import (QLabel, QMainWindow, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from exadesk.foundation import paths
from exadesk.services import expiry
from exadesk.ui import icons, theme
from exadesk.ui.session import Session
from exadesk.ui.sidebar import Sidebar
from exadesk.ui.views import FirstRunPage, WorkspacePage
from exadesk.ui.window_dialogs import WindowDialogs
from exadesk.ui.window_menus import WindowMenus
from exadesk.ui.window_workspaces import WorkspaceActions

# The instance and connection pages, the tracker registry and the check engine are imported on
# first use: none of them is needed for the first paint.



def ui_settings() -> QSettings:
    """Window geometry and the like, in an INI file beside the data file (moved by EXADESK_HOME)."""
    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)


#: window.ini key: whether the desktop was dark when the window last closed (None: never recorded).
SYSTEM_DARK_KEY = "theme/system_dark"


def remembered_system_dark() -> bool | None:
    """The desktop's scheme as recorded at the last close, or None (then start-up asks the desktop)."""
    value = ui_settings().value(SYSTEM_DARK_KEY)
    return None if value is None else str(value).lower() == "true"


class MainWindow(WindowMenus, WorkspaceActions, WindowDialogs, QMainWindow):
    """The ExaDesk window.

    Attributes:
        session: data, keychain and workers.
        runs: verification runs in flight, by instance id.
    """

    #: Emitted once, right after the window's first paint (deferred start-up work hangs on it).
    first_painted = Signal()

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.runs: dict[str, object] = {}
        self.guide_window = None  # Help, User guide, made on first use
        self._live: dict[str, list] = {}
        self._finished: dict[str, object] = {}  # reports waiting to be recorded
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.timeout.connect(self._record_finished)
        self.setWindowTitle(self.tr("ExaDesk"))
        self.setWindowIcon(icons.app_icon())
        self.setAccessibleName(self.tr("ExaDesk main window"))

        self.sidebar = Sidebar()
        self._first_run = None
        self._nothing = None
        self.workspace_page = WorkspacePage()
        self._instance_page = None
        self._tracker_page = None
        self._connection_page = None
        self.verify_all_run = None  # the workspace's Verify all in progress (a ui.verify_all.VerifyAllAdapter)
        self.verify_all_summary: dict[str, str] = {}  # workspace id -> how its last Verify all went
        self.stack = QStackedWidget()
        self.stack.addWidget(self.workspace_page)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([350, 800])  # room for "Jira Server / Data Center" beside a "Not confirmed" badge
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._menus()

        self.sidebar.workspace_selected.connect(self.show_workspace)
        self.sidebar.instance_selected.connect(self.show_instance)
        self.sidebar.tracker_selected.connect(self.show_tracker)
        self.sidebar.tracker_activated.connect(self.start_wizard)
        self.sidebar.connection_selected.connect(self.show_connection)
        self.sidebar.menu_requested.connect(self.sidebar_menu)
        self.workspace_page.verify_all.connect(self.verify_workspace)
        self.workspace_page.cancel_verify.connect(self.cancel_verify_all)
        self.workspace_page.open_instance.connect(lambda inst_id: self.sidebar.select(inst_id))
        session.changed.connect(self.refresh)
        session.problem.connect(self.show_problem)

        self.statusBar().showMessage(self.tr("Ready"))
        self._restore_geometry()
        self._tracker_names: dict[str, str] = {}
        self._starting = True
        self.refresh()
        self._starting = False
        if not self.workspace_page.workspace_id:  # no workspace could be opened (none, or all archived)
            self.stack.setCurrentWidget(self.first_run)
        # The tracker modules (and the HTTP stack they import) load right after the first paint.
        self._painted = False
        self._after_paint_done = False
        self.installEventFilter(self)
        for problem in session.load_warnings:
            self.statusBar().showMessage(problem.text())

    # -- pages made on first use ----------------------------------------------------------

    @property
    def first_run(self):
        """The page offered while there is no workspace (made when first shown)."""
        if self._first_run is None:
            page = FirstRunPage()
            page.create_workspace.connect(self.create_workspace)
            page.try_sandbox.connect(self.try_sandbox)
            self.stack.addWidget(page)
            self._first_run = page
        return self._first_run

    @property
    def nothing(self):
        """The empty page with a hint, shown when nothing is selected."""
        if self._nothing is None:
            from PySide6.QtCore import Qt

            page = QWidget()
            hint = QLabel(self.tr("Choose an instance or a tracker in the sidebar."))
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            QVBoxLayout(page).addWidget(hint)
            self.stack.addWidget(page)
            self._nothing = page
        return self._nothing

    @property
    def instance_page(self):
        if self._instance_page is None:
            from exadesk.ui.instance_page import InstancePage

            page = InstancePage()
            page.verify_requested.connect(self.verify_instance)
            page.cancel_requested.connect(self.cancel_instance)
            page.edit_requested.connect(self.edit_instance)
            page.replace_secret_requested.connect(self.replace_secret)
            page.remove_requested.connect(self.remove_instance)
            page.expiry_requested.connect(self.set_expiry)
            page.sign_in_requested.connect(self.sign_in_again)
            page.fix_requested.connect(self.fix_instance)
            page.fix_check_requested.connect(lambda inst_id, check_id: self.fix_instance(inst_id, only={check_id}))
            page.undo_run_requested.connect(self.undo_fix_run)
            self.stack.addWidget(page)
            self._instance_page = page
        return self._instance_page

    @property
    def tracker_page(self):
        if self._tracker_page is None:
            from exadesk.ui.tracker_page import TrackerPage

            page = TrackerPage()
            page.setup.connect(self.start_wizard)
            self.stack.addWidget(page)
            self._tracker_page = page
        return self._tracker_page

    @property
    def connection_page(self):
        if self._connection_page is None:
            from exadesk.ui.connection_page import ConnectionPage

            page = ConnectionPage(self.session)
            page.edit_requested.connect(self.edit_connection)
            self.session.changed.connect(lambda _select: page.refresh() if page.connection_id else None)
            self.stack.addWidget(page)
            self._connection_page = page
        return self._connection_page

    def _showing_instance(self, inst_id: str) -> bool:
        page = self._instance_page
        return page is not None and page.instance_id == inst_id and self.stack.currentWidget() is page

    # -- showing -----------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:
        if obj is self and not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.removeEventFilter(self)
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._painted:  # a platform that never paints a hidden-then-shown window still gets its catalogue
            QTimer.singleShot(1000, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the first frame does not show: the tracker catalogue, then whatever waits on ``first_painted``."""
        if self._after_paint_done:
            return
        self._after_paint_done = True
        self._fill_menus()
        self.sidebar.finish_start_up()
        self.workspace_page.finish_start_up()
        self.load_trackers()
        if self.session.load_blocked is not None:
            QTimer.singleShot(0, self.ask_about_data_file)
        self.first_painted.emit()

    def ask_about_data_file(self):
        """The data file is unreadable (or from a newer ExaDesk): offer to restore a copy or start empty."""
        from exadesk.ui.data_file_dialog import DataFileDialog

        self.data_file_dialog = DataFileDialog(self.session, self)
        self.data_file_dialog.open()
        return self.data_file_dialog

    def load_trackers(self) -> None:
        """Fill the catalogue and the tracker names (deferred: the window paints first)."""
        if self._tracker_names:
            return
        from exadesk.verification import registry

        loaded = registry.all_trackers()
        self._tracker_names = {t.id: t.spec.name for t in loaded}
        self.sidebar.fill_catalogue(loaded)
        self.refresh()
        self.show_expiry_status()

    def expiring(self) -> list:
        """exadesk.services.expiry.expiring over the stored data (30 days, archived workspaces left out)."""
        return expiry.expiring(self.session.data)

    def show_expiry_status(self) -> str:
        """The expiry line in the status bar (nothing when no credential expires soon)."""
        text = expiry.status_bar_text(self.expiring())
        if text and not self.runs:
            self.statusBar().showMessage(text)
        return text

    def _names(self) -> dict[str, str]:
        return self._tracker_names

    def refresh(self, select: str = "") -> None:
        data = self.session.data
        self.sidebar.fill(data, self._names(), select)
        if self.stack.currentWidget() is self.workspace_page and self.sidebar.current_kind() != "workspace":
            ws = data.workspace(self.workspace_page.workspace_id)
            if ws is not None:
                self.show_workspace(ws.id)
        if not data.workspaces:
            self.stack.setCurrentWidget(self.first_run)
        elif self._starting or self.stack.currentWidget() is self._first_run:
            if not self.sidebar.current_id():
                self.sidebar.select(data.workspaces[0].id)
        current = self.stack.currentWidget()
        if current is self._instance_page and not self.session.find(self._instance_page.instance_id):
            self.stack.setCurrentWidget(self.nothing)

    def show_workspace(self, ws_id: str) -> None:
        ws = self.session.data.workspace(ws_id)
        if ws is None:
            return
        self.workspace_page.show_workspace(ws, [e for e in self.expiring() if e.workspace_id == ws.id])
        run = self.verify_all_run
        if run is not None and run.workspace_id == ws.id:
            self.workspace_page.set_progress(run.done, run.total, run.text())
        else:
            last = self.verify_all_summary.get(ws.id, "")
            self.workspace_page.set_progress(0, 0, self.tr("Last Verify all: {summary}").format(summary=last)
                                             if last else "")
        self.stack.setCurrentWidget(self.workspace_page)

    def show_connection(self, ws_id: str, conn_id: str) -> None:
        self.connection_page.show_connection(ws_id, conn_id)
        self.stack.setCurrentWidget(self.connection_page)

    def show_instance(self, inst_id: str) -> None:
        found = self.session.find(inst_id)
        if found is None:
            return
        ws, inst = found
        running = inst_id in self.runs
        self.instance_page.show_instance(ws, inst, running)
        if running:
            self.instance_page.table.checks.set_checks(self._live.get(inst_id, []), sort=False)
        self.stack.setCurrentWidget(self.instance_page)

    def show_tracker(self, tracker_id: str) -> None:
        from exadesk.verification import registry

        self.load_trackers()
        self.tracker_page.show_tracker(registry.get(tracker_id).spec, bool(self.session.data.workspaces))
        self.stack.setCurrentWidget(self.tracker_page)

    def show_problem(self, problem) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("ExaDesk"), problem.text())

    # -- verification --------------------------------------------------------------------

    def verify_instance(self, inst_id: str) -> bool:
        found = self.session.find(inst_id)
        if not found or inst_id in self.runs:
            return False
        ws, inst = found
        from exadesk.services import instances

        target, problems = instances.target_for(inst, ws, secrets=self.session.secrets, settings=self.session.data.settings)
        showing = self._showing_instance(inst_id)
        if problems:
            if showing:
                from exadesk.ui.problem_view import support_details

                self.instance_page.show_problem(problems[0], support_details(problems[0], tracker=inst.tracker,
                                                                             url=inst.url, method=inst.auth_method))
            return False
        if self.verify_all_run is not None and not self.verify_all_run.withdraw(inst_id):
            return False  # Verify all is verifying it already: one run, whose results show live
        self._live[inst_id] = []
        if showing:
            self.instance_page.start_run()
        self.runs[inst_id] = self.session.workers.start(
            target, on_result=lambda r, i=inst_id: self._on_result(i, r),
            on_finished=lambda report, i=inst_id: self._on_finished(i, report))
        self.statusBar().showMessage(self.tr("Verifying {name}…").format(name=inst.name))
        return True

    def verify_workspace(self, ws_id: str, force: bool = False) -> int:
        """Verify all: the workspace's pending or stale instances (exadesk.services.instances.pending) through the
        core's one verify-all (exadesk.ui.verify_all adapts it), with progress and Stop; each result is stored with its
        time as it finishes. Returns how many will be verified."""
        from exadesk.services import instances
        from exadesk.ui import verify_all

        ws = self.session.data.workspace(ws_id)
        if ws is None or ws.archived or self.verify_all_run is not None:
            return 0
        chosen = [(w, inst) for w, inst in instances.pending(self.session.data, workspace=ws.id, force=force)
                  if inst.id not in self.runs]
        if not chosen:
            self.statusBar().showMessage(self.tr("Nothing to verify in {name}: every instance was verified in the "
                                                 "last 7 days.").format(name=ws.name))
            self.verify_all_summary[ws.id] = self.tr("Nothing to verify: every instance was verified in the last "
                                                     "7 days.")
            if self.workspace_page.workspace_id == ws.id:
                self.workspace_page.set_progress(0, 0, self.verify_all_summary[ws.id])
            return 0
        verify_all.start(self, ws.id, chosen)
        return len(chosen)

    def cancel_verify_all(self) -> None:
        run = self.verify_all_run
        if run is not None:
            run.cancel()

    def cancel_instance(self, inst_id: str) -> None:
        run = self.runs.get(inst_id)
        if run is not None:
            run.cancel()

    def _on_result(self, inst_id: str, result) -> None:
        self._live.setdefault(inst_id, []).append(result)
        if self._showing_instance(inst_id):
            self.instance_page.add_result(result)

    #: Finished runs are written together at most this often, so 50 runs finishing at once
    #: cost one write and one sidebar rebuild instead of fifty.
    RECORD_BATCH_MS = 150

    def _run_started(self, inst_id: str, run) -> None:
        """An instance of Verify all started: it runs like one verified on its own (live results, Cancel)."""
        self.runs[inst_id] = run
        self._live[inst_id] = []
        if self._showing_instance(inst_id):
            self.instance_page.start_run()

    def _on_finished(self, inst_id: str, report, store: bool = True) -> None:
        """A run ended; ``store`` False keeps the instance's last result (Verify all's rule, decided by the core)."""
        self.runs.pop(inst_id, None)
        self._live.pop(inst_id, None)
        if store:
            self._finished[inst_id] = report
        if self._showing_instance(inst_id) or not self.runs:
            self._record_finished()  # the person is looking at it: no delay
        elif not self._record_timer.isActive():
            self._record_timer.start(self.RECORD_BATCH_MS)

    def _record_finished(self) -> None:
        from exadesk.services import instances

        self._record_timer.stop()
        finished, self._finished = self._finished, {}
        if not finished:
            return

        def change(data) -> None:
            for ws in data.workspaces:
                for inst in ws.instances:
                    if inst.id in finished:
                        instances.record(inst, finished[inst.id])

        self.session.update_later(change, select=self.sidebar.current_id())
        if not self.runs:
            self.statusBar().showMessage(self.tr("Verification finished."))

    # -- window state ----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = ui_settings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        splitter = settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_geometry(self) -> None:
        settings = ui_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue(SYSTEM_DARK_KEY, theme.system_is_dark())
        settings.sync()

    def closeEvent(self, event) -> None:
        self.save_geometry()
        run = self.verify_all_run
        if run is not None:
            run.cancel()
            run.wait(5.0)  # cancelled runs end at their next step; what finished is stored below
        if self._connection_page is not None:
            self._connection_page.cancel()
        self.session.shutdown()
        self._record_finished()
        super().closeEvent(event)
