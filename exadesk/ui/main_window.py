"""The main window: sidebar, the selected instance / workspace / tracker, menus, and verification runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QTimer, QUrl, Qt
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QInputDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from exadesk.errors import ExaDeskError
from exadesk.model import Workspace
from exadesk.ui import icons
from exadesk.ui.session import Session
from exadesk.ui.sidebar import Sidebar
from exadesk.ui.views import FirstRunPage, WorkspacePage

# The instance and tracker pages, the tracker registry and the check engine are imported on
# first use: none of them is needed for the first paint.

USER_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"
ONLINE_GUIDE = "https://github.com/exadesk/exadesk/blob/main/docs/user-guide.md"


def ui_settings() -> QSettings:
    """Window geometry and the like, in an INI file beside the data file (moved by EXADESK_HOME)."""
    from exadesk import paths

    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The ExaDesk window.

    Attributes:
        session: data, keychain and workers.
        runs: verification runs in flight, by instance id.
    """

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.runs: dict[str, object] = {}
        self._live: dict[str, list] = {}
        self._finished: dict[str, object] = {}  # reports waiting to be recorded
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.timeout.connect(self._record_finished)
        self.setWindowTitle(self.tr("ExaDesk"))
        self.setWindowIcon(icons.app_icon())
        self.setAccessibleName(self.tr("ExaDesk main window"))

        self.sidebar = Sidebar()
        self.first_run = FirstRunPage()
        self.workspace_page = WorkspacePage()
        self._instance_page = None
        self._tracker_page = None
        self.nothing = QWidget()
        hint = QLabel(self.tr("Choose an instance or a tracker in the sidebar."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self.nothing).addWidget(hint)
        self.stack = QStackedWidget()
        for page in (self.first_run, self.workspace_page, self.nothing):
            self.stack.addWidget(page)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._menus()

        self.sidebar.workspace_selected.connect(self.show_workspace)
        self.sidebar.instance_selected.connect(self.show_instance)
        self.sidebar.tracker_selected.connect(self.show_tracker)
        self.sidebar.tracker_activated.connect(self.start_wizard)
        self.first_run.create_workspace.connect(self.create_workspace)
        self.first_run.try_sandbox.connect(self.try_sandbox)
        self.workspace_page.verify_all.connect(self.verify_workspace)
        session.changed.connect(self.refresh)
        session.problem.connect(self.show_problem)

        self.statusBar().showMessage(self.tr("Ready"))
        self._restore_geometry()
        self._tracker_names: dict[str, str] = {}
        self.refresh()
        # The tracker modules (and the HTTP stack they import) load right after the first paint.
        self._painted = False
        self.installEventFilter(self)
        for problem in session.load_warnings:
            self.statusBar().showMessage(problem.text())

    # -- pages made on first use ----------------------------------------------------------

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
            self.stack.addWidget(page)
            self._instance_page = page
        return self._instance_page

    @property
    def tracker_page(self):
        if self._tracker_page is None:
            from exadesk.ui.views import TrackerPage

            page = TrackerPage()
            page.setup.connect(self.start_wizard)
            self.stack.addWidget(page)
            self._tracker_page = page
        return self._tracker_page

    def _showing_instance(self, inst_id: str) -> bool:
        page = self._instance_page
        return page is not None and page.instance_id == inst_id and self.stack.currentWidget() is page

    # -- menus -----------------------------------------------------------------------

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_workspace_action = QAction(self.tr("&New workspace…"), self)
        self.new_workspace_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_workspace_action.triggered.connect(self.ask_new_workspace)
        self.sandbox_action = QAction(self.tr("Start the &sandbox"), self)
        self.sandbox_action.triggered.connect(self.try_sandbox)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.new_workspace_action, self.sandbox_action, self.settings_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.open_guide)
        about = QAction(self.tr("&About ExaDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(guide)
        help_menu.addAction(about)

    def open_guide(self) -> None:
        url = QUrl.fromLocalFile(str(USER_GUIDE)) if USER_GUIDE.is_file() else QUrl(ONLINE_GUIDE)
        QDesktopServices.openUrl(url)

    def about(self):
        from exadesk.ui.about import show_about  # the packaging side's dialog: version, keychain, folders

        self.about_dialog = show_about(self)
        return self.about_dialog

    # -- showing -----------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:
        if obj is self and not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.removeEventFilter(self)
            QTimer.singleShot(0, self.load_trackers)
        return False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._painted:  # a platform that never paints a hidden-then-shown window still gets its catalogue
            QTimer.singleShot(1000, self.load_trackers)

    def load_trackers(self) -> None:
        """Fill the catalogue and the tracker names (deferred: the window paints first)."""
        if self._tracker_names:
            return
        from exadesk import trackers

        loaded = trackers.all_trackers()
        self._tracker_names = {t.id: t.spec.name for t in loaded}
        self.sidebar.fill_catalogue(loaded)
        self.refresh()

    def _names(self) -> dict[str, str]:
        return self._tracker_names

    def refresh(self, select: str = "") -> None:
        data = self.session.data
        self.sidebar.fill(data, self._names(), select)
        if not data.workspaces:
            self.stack.setCurrentWidget(self.first_run)
        elif self.stack.currentWidget() is self.first_run:
            if not self.sidebar.current_id():
                self.sidebar.select(data.workspaces[0].id)
        current = self.stack.currentWidget()
        if current is self._instance_page and not self.session.find(self._instance_page.instance_id):
            self.stack.setCurrentWidget(self.nothing)

    def show_workspace(self, ws_id: str) -> None:
        ws = self.session.data.workspace(ws_id)
        if ws is None:
            return
        self.workspace_page.show_workspace(ws)
        self.stack.setCurrentWidget(self.workspace_page)

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
        from exadesk import trackers

        self.load_trackers()
        self.tracker_page.show_tracker(trackers.get(tracker_id).spec, bool(self.session.data.workspaces))
        self.stack.setCurrentWidget(self.tracker_page)

    def show_problem(self, problem) -> None:
        QMessageBox.warning(self, self.tr("ExaDesk"), problem.text())

    # -- workspaces ----------------------------------------------------------------------

    def create_workspace(self, name: str) -> str:
        ws = Workspace(name=name.strip())
        self.session.update(lambda data: data.workspaces.append(ws), select=ws.id)
        return ws.id

    def ask_new_workspace(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New workspace"), self.tr("Workspace name:"))
        if ok and name.strip():
            self.create_workspace(name)

    def current_workspace(self) -> Workspace | None:
        key = self.sidebar.current_id() or self.workspace_page.workspace_id
        found = self.session.find(key)
        if found:
            return found[0]
        return self.session.data.workspace(key) if key else (self.session.data.workspaces or [None])[0]

    def try_sandbox(self) -> None:
        from exadesk.ui.sandbox_demo import install_demo

        try:
            ws_id = install_demo(self.session)
        except ExaDeskError as exc:
            self.show_problem(exc.problem)
            return
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Sandbox"),
                                self.tr("The emulators could not start ({error}).").format(error=type(exc).__name__))
            return
        self.sidebar.select(ws_id)
        self.statusBar().showMessage(self.tr("Sandbox running: {count} emulators on this computer.").format(
            count=len(self.session.demo.emulators)))

    # -- wizard and editing -----------------------------------------------------------------

    def start_wizard(self, tracker_id: str, flow=None):
        self.load_trackers()
        from exadesk.ui.wizard import SetupWizard
        from exadesk.wizard_flow import WizardFlow

        workspace = self.current_workspace()
        if workspace is None:
            QMessageBox.information(self, self.tr("ExaDesk"), self.tr("Create a workspace first."))
            return None
        flow = flow or WizardFlow(tracker=tracker_id)
        wizard = SetupWizard(flow, self.session, workspace.id, self)
        wizard.saved.connect(lambda inst_id: self.sidebar.select(inst_id))
        wizard.open()
        self.wizard = wizard
        return wizard

    def edit_instance(self, inst_id: str):
        from exadesk.wizard_flow import WizardFlow

        found = self.session.find(inst_id)
        if not found:
            return None
        ws, inst = found
        self.sidebar.select(ws.id)
        self.sidebar.select(inst_id)
        return self.start_wizard(inst.tracker, WizardFlow.for_instance(inst))

    def replace_secret(self, inst_id: str):
        from exadesk.ui.secret_dialog import ReplaceSecretDialog

        found = self.session.find(inst_id)
        if not found:
            return None
        dialog = ReplaceSecretDialog(self.session, found[1], self)
        dialog.saved.connect(lambda: self.verify_instance(inst_id))
        dialog.open()
        self.secret_dialog = dialog
        return dialog

    def remove_instance(self, inst_id: str, confirm: bool = True) -> bool:
        found = self.session.find(inst_id)
        if not found:
            return False
        ws, inst = found
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Remove instance"),
                self.tr("Remove {name} from {workspace}? Its secrets are deleted from the keychain. Nothing changes "
                        "on the tracker itself.").format(name=inst.name, workspace=ws.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.cancel_instance(inst_id)
        if inst.secret_fields:
            try:
                self.session.secrets.delete(inst.id, inst.secret_fields)
            except ExaDeskError as exc:
                self.show_problem(exc.problem)
                return False

        def change(data) -> None:
            for w in data.workspaces:
                w.instances = [i for i in w.instances if i.id != inst_id]

        return self.session.update(change, select=ws.id)

    def open_settings(self):
        from exadesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session, self)
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    # -- verification --------------------------------------------------------------------

    def verify_instance(self, inst_id: str) -> bool:
        found = self.session.find(inst_id)
        if not found or inst_id in self.runs:
            return False
        ws, inst = found
        from exadesk import instances

        target, problems = instances.target_for(inst, ws, secrets=self.session.secrets, settings=self.session.data.settings)
        showing = self._showing_instance(inst_id)
        if problems:
            if showing:
                from exadesk.ui.problem_view import support_details

                self.instance_page.show_problem(problems[0], support_details(problems[0], tracker=inst.tracker,
                                                                             url=inst.url, method=inst.auth_method))
            return False
        self._live[inst_id] = []
        if showing:
            self.instance_page.start_run()
        self.runs[inst_id] = self.session.workers.start(
            target, on_result=lambda r, i=inst_id: self._on_result(i, r),
            on_finished=lambda report, i=inst_id: self._on_finished(i, report))
        self.statusBar().showMessage(self.tr("Verifying {name}…").format(name=inst.name))
        return True

    def verify_workspace(self, ws_id: str) -> int:
        ws = self.session.data.workspace(ws_id)
        started = 0
        for inst in list(ws.instances if ws else []):
            started += bool(self.verify_instance(inst.id))
        return started

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

    def _on_finished(self, inst_id: str, report) -> None:
        self.runs.pop(inst_id, None)
        self._live.pop(inst_id, None)
        self._finished[inst_id] = report
        if self._showing_instance(inst_id) or not self.runs:
            self._record_finished()  # the person is looking at it: no delay
        elif not self._record_timer.isActive():
            self._record_timer.start(self.RECORD_BATCH_MS)

    def _record_finished(self) -> None:
        from exadesk import instances

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
        settings.sync()

    def closeEvent(self, event) -> None:
        self.save_geometry()
        self.session.shutdown()
        self._record_finished()
        super().closeEvent(event)
