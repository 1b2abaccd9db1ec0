"""The main window: sidebar, the selected instance / workspace / tracker, menus, and verification runs."""

from __future__ import annotations


from PySide6.QtCore import QEvent, QSettings, QTimer, Signal
from PySide6.QtWidgets import (QLabel, QMainWindow, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from exadesk.errors import ErrorKind, ExaDeskError
from exadesk.model import InstanceState, Workspace
from exadesk.ui import icons
from exadesk.ui.session import Session
from exadesk.ui.sidebar import Sidebar
from exadesk.ui.views import FirstRunPage, WorkspacePage

# The instance and tracker pages, the tracker registry and the check engine are imported on
# first use: none of them is needed for the first paint.



def ui_settings() -> QSettings:
    """Window geometry and the like, in an INI file beside the data file (moved by EXADESK_HOME)."""
    from exadesk import paths

    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)


#: window.ini key: whether the desktop was dark when the window last closed (None: never recorded).
SYSTEM_DARK_KEY = "theme/system_dark"


def remembered_system_dark() -> bool | None:
    """The desktop's scheme as recorded at the last close, or None (then start-up asks the desktop)."""
    value = ui_settings().value(SYSTEM_DARK_KEY)
    return None if value is None else str(value).lower() == "true"


class MainWindow(QMainWindow):
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
        self.verify_all_run = None  # the workspace's Verify all in progress (a _VerifyAll)
        self.verify_all_summary: dict[str, str] = {}  # workspace id -> how its last Verify all went
        self.stack = QStackedWidget()
        self.stack.addWidget(self.workspace_page)
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

    # -- menus -----------------------------------------------------------------------

    def _menus(self) -> None:
        """The menu bar's titles (in the first frame); their actions follow right after it (_fill_menus)."""
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.workspace_menu = self.menuBar().addMenu(self.tr("&Workspace"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))

    def _fill_menus(self) -> None:
        # setShortcuts, not setShortcut: PySide6 resolves setShortcut's overloads through the Qt namespace,
        # whose first use costs ~11 ms before the first paint (and setShortcuts also takes every platform binding).
        from PySide6.QtGui import QAction, QKeySequence

        file_menu = self.file_menu
        self.new_workspace_action = QAction(self.tr("&New workspace…"), self)
        self.new_workspace_action.setShortcuts(QKeySequence.StandardKey.New)
        self.new_workspace_action.triggered.connect(self.ask_new_workspace)
        self.sandbox_action = QAction(self.tr("Start the &sandbox"), self)
        self.sandbox_action.triggered.connect(self.try_sandbox)
        self.sandbox_credentials_action = QAction(self.tr("Sandbox &credentials…"), self)
        self.sandbox_credentials_action.triggered.connect(self.show_sandbox_credentials)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcuts(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.import_action = QAction(self.tr("&Import bundle…"), self)
        self.import_action.triggered.connect(self.import_bundle)
        self.export_bundle_action = QAction(self.tr("Export workspace &bundle…"), self)
        self.export_bundle_action.triggered.connect(self.export_bundle)
        self.export_report_action = QAction(self.tr("Export &readiness report…"), self)
        self.export_report_action.setShortcuts([QKeySequence("Ctrl+E")])
        self.export_report_action.triggered.connect(self.export_report)
        file_menu.addAction(self.new_workspace_action)
        file_menu.addSeparator()
        for action in (self.import_action, self.export_bundle_action, self.export_report_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.sandbox_action, self.sandbox_credentials_action, self.settings_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        file_menu.aboutToShow.connect(self._update_actions)

        ws_menu = self.workspace_menu
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_filter)
        self.rename_action = QAction(self.tr("&Rename workspace…"), self)
        self.rename_action.setShortcuts([QKeySequence("F2")])
        self.rename_action.triggered.connect(lambda: self.rename_workspace())
        self.archive_action = QAction(self.tr("&Archive workspace"), self)
        self.archive_action.triggered.connect(lambda: self.archive_workspace())
        self.show_archived_action = QAction(self.tr("Show a&rchived workspaces"), self)
        self.show_archived_action.setCheckable(True)
        self.show_archived_action.toggled.connect(self.set_show_archived)
        self.verify_all_action = QAction(self.tr("&Verify all"), self)
        self.verify_all_action.triggered.connect(lambda: self._with_workspace(self.verify_workspace))
        self.new_connection_action = QAction(self.tr("New &connection…"), self)
        self.new_connection_action.triggered.connect(lambda: self.new_connection())
        self.expiring_action = QAction(self.tr("&Expiring credentials…"), self)
        self.expiring_action.triggered.connect(self.show_expiring)
        for action in (self.find_action, self.rename_action, self.archive_action, self.show_archived_action):
            ws_menu.addAction(action)
        ws_menu.addSeparator()
        for action in (self.verify_all_action, self.new_connection_action, self.expiring_action):
            ws_menu.addAction(action)
        ws_menu.aboutToShow.connect(self._update_actions)
        for action in (self.find_action, self.rename_action, self.export_report_action):
            self.addAction(action)  # shortcuts work before the menu was ever opened
        help_menu = self.help_menu
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcuts(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.open_guide)
        about = QAction(self.tr("&About ExaDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(guide)
        help_menu.addAction(about)

    def open_guide(self):
        """Help, User guide: the guide inside the app (a desktop may have nothing that opens Markdown)."""
        from exadesk.ui.guide import GuideWindow

        if self.guide_window is None:
            self.guide_window = GuideWindow(self)
        from PySide6.QtGui import QGuiApplication

        already = self.guide_window.isVisible()
        self.guide_window.show()
        if already and QGuiApplication.platformName() not in ("offscreen", "minimal"):
            self.guide_window.raise_()  # chosen again: bring it forward (window-less platforms cannot)
            self.guide_window.activateWindow()
        return self.guide_window

    def _update_actions(self) -> None:
        ws = self.current_workspace()
        has = ws is not None
        for action in (self.rename_action, self.archive_action, self.export_bundle_action, self.export_report_action,
                       self.verify_all_action, self.new_connection_action):
            action.setEnabled(has)
        self.archive_action.setText(self.tr("Restore workspace") if has and ws.archived
                                    else self.tr("&Archive workspace"))
        self.new_connection_action.setEnabled(has and len([i for i in ws.instances if i.role != "admin"]) >= 2)
        self.verify_all_action.setEnabled(has and not ws.archived and self.verify_all_run is None)
        self.sandbox_credentials_action.setEnabled(self.session.demo is not None)

    def _with_workspace(self, action) -> None:
        ws = self.current_workspace()
        if ws is not None:
            action(ws.id)

    def sidebar_menu(self, kind: str, key: str, where) -> None:
        """The sidebar's context menu for a workspace, an instance, a connection or empty space."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        if kind == "workspace":
            ws = self.session.data.workspace(key)
            menu.addAction(self.tr("&Rename…"), lambda: self.rename_workspace(key))
            menu.addAction(self.tr("Restore") if ws and ws.archived else self.tr("&Archive"),
                           lambda: self.archive_workspace(key))
            menu.addSeparator()
            menu.addAction(self.tr("&Verify all"), lambda: self.verify_workspace(key)).setEnabled(
                bool(ws and not ws.archived and self.verify_all_run is None))
            menu.addAction(self.tr("New &connection…"), lambda: self.new_connection(key))
            menu.addAction(self.tr("Export &readiness report…"), lambda: self.export_report(key))
            menu.addAction(self.tr("Export &bundle…"), lambda: self.export_bundle(key))
        elif kind == "instance":
            menu.addAction(self.tr("&Verify now"), lambda: self.verify_instance(key))
            menu.addAction(self.tr("&Edit…"), lambda: self.edit_instance(key))
            menu.addAction(self.tr("Credential &expiry date…"), lambda: self.set_expiry(key))
            menu.addSeparator()
            menu.addAction(self.tr("&Remove…"), lambda: self.remove_instance(key))
        elif kind == "connection":
            menu.addAction(self.tr("&Edit connection\u2026"), lambda: self.edit_connection(key))
            menu.addAction(self.tr("&Remove connection"), lambda: self.remove_connection(key))
        else:
            menu.addAction(self.new_workspace_action)
            menu.addAction(self.import_action)
        menu.addSeparator()
        menu.addAction(self.show_archived_action)
        self.context_menu = menu
        menu.popup(where)

    def about(self):
        from exadesk.ui.about import show_about  # the packaging side's dialog: version, keychain, folders

        self.about_dialog = show_about(self)
        return self.about_dialog

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
        from exadesk import trackers

        loaded = trackers.all_trackers()
        self._tracker_names = {t.id: t.spec.name for t in loaded}
        self.sidebar.fill_catalogue(loaded)
        self.refresh()
        self.show_expiry_status()

    def expiring(self) -> list:
        """exadesk.expiry.expiring over the stored data (30 days, archived workspaces left out)."""
        from exadesk import expiry

        return expiry.expiring(self.session.data)

    def show_expiry_status(self) -> str:
        """The expiry line in the status bar (nothing when no credential expires soon)."""
        from exadesk import expiry

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
        from exadesk import trackers

        self.load_trackers()
        self.tracker_page.show_tracker(trackers.get(tracker_id).spec, bool(self.session.data.workspaces))
        self.stack.setCurrentWidget(self.tracker_page)

    def show_problem(self, problem) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("ExaDesk"), problem.text())

    # -- workspaces ----------------------------------------------------------------------

    def _workspace_change(self, change, select: str = "") -> str:
        """Apply a workspace change from exadesk.instances; its ValueError (name taken, empty) is shown, "" returned."""
        from PySide6.QtWidgets import QMessageBox

        from exadesk import instances

        result = {}

        def apply(data) -> None:
            result["ws"] = change(instances, data)

        try:
            ok = self.session.update(apply, select=select)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Workspace"), _sentence(str(exc)))
            return ""
        ws = result.get("ws")
        return ws.id if ok and ws is not None else ""

    def create_workspace(self, name: str) -> str:
        ws_id = self._workspace_change(lambda instances, data: instances.create_workspace(data, name))
        if ws_id:
            self.sidebar.select(ws_id)
        return ws_id

    def ask_new_workspace(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("New workspace"), self.tr("Workspace name:"))
        if ok and name.strip():
            self.create_workspace(name)

    def rename_workspace(self, ws_id: str = "", new_name: str | None = None) -> bool:
        from PySide6.QtWidgets import QInputDialog

        ws = self.session.data.workspace(ws_id) if ws_id else self.current_workspace()
        if ws is None:
            return False
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, self.tr("Rename workspace"), self.tr("New name:"), text=ws.name)
            if not ok or new_name.strip() == ws.name:
                return False
        return bool(self._workspace_change(lambda instances, data: instances.rename_workspace(data, ws.id, new_name),
                                           select=ws.id))

    def archive_workspace(self, ws_id: str = "", archived: bool | None = None) -> bool:
        """Archive the workspace (or restore an archived one); archived ones leave the sidebar unless shown."""
        ws = self.session.data.workspace(ws_id) if ws_id else self.current_workspace()
        if ws is None:
            return False
        archived = (not ws.archived) if archived is None else archived
        done = bool(self._workspace_change(
            lambda instances, data: instances.archive_workspace(data, ws.id, archived), select=ws.id))
        if done:
            self.statusBar().showMessage(
                self.tr("{name} archived; Workspace \u2192 Show archived workspaces shows it again.").format(name=ws.name)
                if archived else self.tr("{name} restored.").format(name=ws.name))
            if archived and not self.sidebar.show_archived:
                remaining = [w for w in self.session.data.workspaces if not w.archived]
                if remaining:
                    self.sidebar.select(remaining[0].id)
                else:
                    self.stack.setCurrentWidget(self.nothing)
        return done

    def set_show_archived(self, on: bool) -> None:
        self.sidebar.show_archived = on
        if self.show_archived_action.isChecked() != on:
            self.show_archived_action.setChecked(on)
        self.refresh()

    def focus_filter(self) -> None:
        from PySide6.QtCore import Qt

        self.sidebar.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sidebar.filter_edit.selectAll()

    def current_workspace(self) -> Workspace | None:
        data = self.session.data
        if self.stack.currentWidget() is self.workspace_page or not self.sidebar.current_id():
            key = self.sidebar.current_workspace_id() or self.workspace_page.workspace_id
        else:
            key = self.sidebar.current_workspace_id()
        ws = data.workspace(key) if key else None
        if ws is not None:
            return ws
        return next((w for w in data.workspaces if not w.archived), None)

    def try_sandbox(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from exadesk.ui.sandbox_demo import DEMO_WORKSPACE, DemoSecrets, install

        demo_ws = self.session.data.workspace(DEMO_WORKSPACE)
        if demo_ws is not None:  # its instances are made anew: a summary of an earlier Verify all no longer holds
            self.verify_all_summary.pop(demo_ws.id, None)
        try:
            installed = install(self.session)
        except ExaDeskError as exc:
            self.show_problem(exc.problem)
            return
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Sandbox"),
                                self.tr("The emulators could not start ({error}).").format(error=type(exc).__name__))
            return
        self.sidebar.select(installed.workspace_id)
        self.show_workspace(installed.workspace_id)
        text = self.tr("Sandbox running: {count} emulators on this computer.").format(
            count=len(self.session.demo.emulators))
        if installed.kept:
            text += " " + self.tr("Your own instances in {workspace} were kept as they were: {names}.").format(
                workspace=DEMO_WORKSPACE, names=", ".join(installed.kept))
        if isinstance(self.session.secrets, DemoSecrets):
            text += " " + self.tr("No keychain is available, so its made-up credentials are kept in memory until "
                                  "ExaDesk closes.")
        self.statusBar().showMessage(text)
        self.show_sandbox_credentials()

    def show_sandbox_credentials(self):
        """File → Sandbox credentials…: the demo instances with their made-up credentials, each with Copy."""
        from exadesk.ui.sandbox_demo import DEMO_WORKSPACE, SandboxDialog, demo_entries

        if self.session.demo is None:
            return None
        entries = demo_entries(self.session.demo)
        ws = self.session.data.workspace(DEMO_WORKSPACE)
        ids = {(i.tracker, i.name): i.id for i in ws.instances} if ws else {}
        for entry in entries:  # the stored instance of each entry (ids are kept across restarts)
            entry.instance.id = ids.get((entry.instance.tracker, entry.instance.name), entry.instance.id)
        dialog = SandboxDialog(entries, self)
        dialog.open_instance.connect(lambda inst_id: self.sidebar.select(inst_id))
        dialog.open()
        self.sandbox_dialog = dialog
        return dialog

    # -- wizard and editing -----------------------------------------------------------------

    def start_wizard(self, tracker_id: str, flow=None, role: str = "proxy"):
        from PySide6.QtWidgets import QMessageBox

        self.load_trackers()
        from exadesk.ui.wizard import SetupWizard
        from exadesk.wizard_flow import WizardFlow

        workspace = self.current_workspace()
        if workspace is None:
            QMessageBox.information(self, self.tr("ExaDesk"), self.tr("Create a workspace first."))
            return None
        flow = flow or WizardFlow(tracker=tracker_id)
        wizard = SetupWizard(flow, self.session, workspace.id, self)
        if role == "admin":
            wizard.setWindowTitle(self.tr("Add an administrator's credential for {tracker}").format(
                tracker=self._tracker_names.get(tracker_id, tracker_id)))
            wizard.saved.connect(self._mark_admin)
            wizard.workspace_choice = False  # the connection's workspace
        wizard.saved.connect(lambda inst_id: self.sidebar.select(inst_id))
        wizard.saved.connect(self.show_saved_status)
        wizard.open()
        self.wizard = wizard
        return wizard

    def show_saved_status(self, inst_id: str) -> str:
        """The status bar says what was just saved and in which state, replacing an older line (a Verify all's
        "11 of 11 ready" must not outlive a failing instance saved after it)."""
        from exadesk.ui import texts

        found = self.session.find(inst_id)
        if found is None:
            return ""
        ws, inst = found
        state = inst.state.value
        text = self.tr("Saved {name} in {workspace}: {state}. {meaning}").format(
            name=inst.name, workspace=ws.name, state=texts.badge(state), meaning=texts.badge_help(state))
        if inst.state is InstanceState.PREPARED_OFFLINE and inst.secret_fields and not self._has_secret(inst):
            text = self.tr("Saved {name} in {workspace} without its secret (prepared offline); enter it with "
                           "Replace secret once a keychain works.").format(name=inst.name, workspace=ws.name)
        self.statusBar().showMessage(text.strip())
        return text.strip()

    def _has_secret(self, inst) -> bool:
        try:
            return all(self.session.secrets.get(inst.id, name) for name in inst.secret_fields)
        except ExaDeskError:
            return False

    def _mark_admin(self, inst_id: str) -> None:
        """An instance added from "New connection…" holds an admin's credential (as ``exadesk add --role admin``)."""
        def change(data) -> None:
            found = data.find_instance(inst_id)
            if found:
                found[1].role = "admin"

        self.session.update(change, select=inst_id)

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
        from PySide6.QtWidgets import QMessageBox

        found = self.session.find(inst_id)
        if not found:
            return False
        ws, inst = found
        if confirm:
            from exadesk.instances import removal_warning

            text = self.tr("Remove {name} from {workspace}? Its secrets are deleted from the keychain. Nothing changes "
                           "on the tracker itself.").format(name=inst.name, workspace=ws.name)
            warning = removal_warning(ws, inst)  # the core's sentence names each connection that uses it
            if warning:
                text += "\n\n" + warning
            answer = QMessageBox.question(
                self, self.tr("Remove instance"), text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.cancel_instance(inst_id)

        def change(data) -> None:
            for w in data.workspaces:
                w.instances = [i for i in w.instances if i.id != inst_id]

        from exadesk import instances, recovery

        # The data file first, then its secret fields and any sign-in tokens: a crash in between leaves
        # entries the next start removes, never an instance without its secret.
        secrets = self.session.secrets if instances.keychain_fields(inst) else None
        return self.session.write_with(lambda: recovery.remove_with_secrets(self.session.store, secrets, inst, change),
                                       select=ws.id)

    # -- handover, connections, expiry (their modules load on first use) ---------------------------

    def _workspace_for(self, ws_id: str = "") -> Workspace | None:
        from PySide6.QtWidgets import QMessageBox

        ws = self.session.data.workspace(ws_id) if ws_id else self.current_workspace()
        if ws is None:
            QMessageBox.information(self, self.tr("ExaDesk"), self.tr("Create a workspace first."))
        return ws

    def export_report(self, ws_id: str = "", path: str | None = None):
        """File → Export readiness report…: HTML, PDF or Markdown of the workspace, through a save dialog."""
        from exadesk.ui.handover import export_report

        ws = self._workspace_for(ws_id)
        return export_report(self, ws, path) if ws else None

    def export_bundle(self, ws_id: str = ""):
        from exadesk.ui.handover import ExportBundleDialog

        ws = self._workspace_for(ws_id)
        if ws is None:
            return None
        dialog = ExportBundleDialog(self.session, ws, self)
        dialog.exported.connect(lambda path: self.statusBar().showMessage(
            self.tr("Bundle written to {path}.").format(path=path)))
        dialog.open()
        self.bundle_dialog = dialog
        return dialog

    def import_bundle(self, path: str | None = None):
        """File → Import bundle…: the preview first, the passphrase when it holds secrets, then the import."""
        from exadesk.ui.handover import ImportBundleDialog, choose_bundle

        path = path or choose_bundle(self)
        if not path:
            return None
        dialog = ImportBundleDialog(self.session, path, self)
        dialog.imported.connect(self._imported)
        dialog.open()
        self.bundle_dialog = dialog
        return dialog

    def _imported(self, ws_id: str) -> None:
        self.session.changed.emit(ws_id)
        self.sidebar.select(ws_id)
        ws = self.session.data.workspace(ws_id)
        if ws is not None:
            self.statusBar().showMessage(self.tr("Imported {name}.").format(name=ws.name))

    def new_connection(self, ws_id: str = ""):
        from exadesk.ui.connection_dialog import NewConnectionDialog

        ws = self._workspace_for(ws_id)
        if ws is None:
            return None
        dialog = NewConnectionDialog(self.session, ws.id, self)
        dialog.add_admin.connect(lambda tracker_id: self.start_wizard(tracker_id, role="admin"))
        dialog.created.connect(lambda conn_id: self.sidebar.select(conn_id))
        dialog.open()
        self.connection_dialog = dialog
        return dialog

    def edit_connection(self, conn_id: str):
        """The connection dialog filled with the connection; saving keeps its id (and its place in the sidebar)."""
        from exadesk.ui.connection_dialog import NewConnectionDialog

        ws = next((w for w in self.session.data.workspaces if any(c.id == conn_id for c in w.connections)), None)
        if ws is None:
            return None
        dialog = NewConnectionDialog(self.session, ws.id, self, connection_id=conn_id)
        dialog.add_admin.connect(lambda tracker_id: self.start_wizard(tracker_id, role="admin"))
        dialog.created.connect(lambda cid: self.sidebar.select(cid))
        dialog.open()
        self.connection_dialog = dialog
        return dialog

    def remove_connection(self, conn_id: str, confirm: bool = True) -> bool:
        from PySide6.QtWidgets import QMessageBox

        ws = next((w for w in self.session.data.workspaces if any(c.id == conn_id for c in w.connections)), None)
        if ws is None:
            return False
        conn = next(c for c in ws.connections if c.id == conn_id)
        if confirm and QMessageBox.question(
                self, self.tr("Remove connection"),
                self.tr("Remove the connection {name}? The instances and their secrets stay.").format(name=conn.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return False

        def change(data) -> None:
            target = data.workspace(ws.id)
            if target is not None:
                target.connections = [c for c in target.connections if c.id != conn_id]

        return self.session.update(change, select=ws.id)

    def show_expiring(self):
        """Workspace → Expiring credentials…: every credential expiring within 30 days, soonest first."""
        from exadesk.ui.expiry_dialog import ExpiringDialog

        dialog = ExpiringDialog(self.expiring(), self)
        dialog.open_instance.connect(lambda inst_id: self.sidebar.select(inst_id))
        dialog.open()
        self.expiring_dialog = dialog
        return dialog

    def fix_instance(self, inst_id: str):
        """Fix…: the plan of the changes the failing checks need, applied after the person confirms
        (exadesk.fixes, as ``exadesk fix``); the verification that follows is stored like any other."""
        from exadesk.ui.fix_dialog import FixDialog

        found = self.session.find(inst_id)
        if not found or inst_id in self.runs:
            return None
        ws, inst = found
        dialog = FixDialog(self.session, ws, inst, self)
        dialog.applied.connect(lambda outcome, i=inst_id: self._fixed(i, outcome))
        dialog.open()
        dialog.start()
        self.fix_dialog = dialog
        return dialog

    def _fixed(self, inst_id: str, outcome) -> None:
        from exadesk import instances

        def record(data) -> None:
            found = data.find_instance(inst_id)
            if found is not None and outcome.after is not None:
                instances.record(found[1], outcome.after)

        self.session.update(record, select=inst_id)

    def set_expiry(self, inst_id: str):
        """Enter or clear the expiry date of an instance's credential (exadesk.expiry.set_expiry)."""
        from exadesk.ui.expiry_dialog import ExpiryDateDialog

        found = self.session.find(inst_id)
        if not found:
            return None
        dialog = ExpiryDateDialog(found[1], self)
        dialog.chosen.connect(lambda when, i=inst_id: self.store_expiry(i, when))
        dialog.open()
        self.expiry_dialog = dialog
        return dialog

    def store_expiry(self, inst_id: str, when) -> bool:
        from exadesk import expiry

        def change(data) -> None:
            found = data.find_instance(inst_id)
            if found:
                expiry.set_expiry(found[1], when)

        done = self.session.update(change, select=inst_id)
        if done:
            self.show_expiry_status()
        return done

    def sign_in_again(self, inst_id: str):
        """The instance page's "Sign in again": the browser sign-in dialog, then a verification."""
        from exadesk.ui.oauth_dialog import OAuthDialog

        found = self.session.find(inst_id)
        if not found:
            return None
        inst = found[1]
        client_id = inst.values.get("client_id", "")
        client_secret = ""
        if "client_secret" in inst.secret_fields:
            try:
                client_secret = self.session.secrets.get(inst.id, "client_secret") or ""
            except ExaDeskError as exc:
                self.show_problem(exc.problem)
                return None
        try:
            dialog = OAuthDialog(inst, client_id, client_secret, secrets=self.session.secrets,
                                 workers=self.session.workers, parent=self)
        except ValueError:
            return None

        def signed_in(instance) -> None:
            def change(data) -> None:
                stored = data.find_instance(instance.id)
                if stored:
                    stored[1].values = dict(instance.values)
                    stored[1].secret_fields = list(instance.secret_fields)
                    stored[1].token_expires_at = instance.token_expires_at

            if self.session.update(change, select=instance.id):
                self.verify_instance(instance.id)

        dialog.signed_in.connect(signed_in)
        dialog.open()
        self.oauth_dialog = dialog
        return dialog

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

    def verify_workspace(self, ws_id: str, force: bool = False) -> int:
        """Verify all: the workspace's pending or stale instances (exadesk.instances.pending), at most
        :data:`exadesk.instances.PER_HOST` against one host and the workers' bound in flight, with progress and
        Stop; each result is stored with its time as it finishes. Returns how many will be verified."""
        from exadesk import instances

        ws = self.session.data.workspace(ws_id)
        if ws is None or ws.archived or self.verify_all_run is not None:
            return 0
        chosen = [inst.id for _, inst in instances.pending(self.session.data, workspace=ws.id, force=force)
                  if inst.id not in self.runs]
        if not chosen:
            self.statusBar().showMessage(self.tr("Nothing to verify in {name}: every instance was verified in the "
                                                 "last 7 days.").format(name=ws.name))
            self.verify_all_summary[ws.id] = self.tr("Nothing to verify: every instance was verified in the last "
                                                     "7 days.")
            if self.workspace_page.workspace_id == ws.id:
                self.workspace_page.set_progress(0, 0, self.verify_all_summary[ws.id])
            return 0
        self.verify_all_run = _VerifyAll(self, ws.id, chosen, instances.PER_HOST)
        self.verify_all_run.pump()
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

    def _on_finished(self, inst_id: str, report) -> None:
        self.runs.pop(inst_id, None)
        self._live.pop(inst_id, None)
        kind = report.problem.kind if report.problem is not None else None
        # As verify_all does: a run that asked nothing of the tracker keeps the instance's last result.
        if not (self.verify_all_run is not None and inst_id in self.verify_all_run.chosen
                and kind in (ErrorKind.KEYCHAIN, ErrorKind.CANCELLED)):
            self._finished[inst_id] = report
        if self.verify_all_run is not None:
            self.verify_all_run.finished(inst_id, report)
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
        from exadesk.ui import theme

        settings.setValue(SYSTEM_DARK_KEY, theme.system_is_dark())
        settings.sync()

    def closeEvent(self, event) -> None:
        self.save_geometry()
        if self.verify_all_run is not None:
            self.verify_all_run.cancel()
        if self._connection_page is not None:
            self._connection_page.cancel()
        self.session.shutdown()
        self._record_finished()
        super().closeEvent(event)


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else text


class _VerifyAll:
    """One workspace's Verify all in the window: a queue fed to the workers with a per-host bound.

    The workers' pool bounds how many run at once; this queue also keeps at most ``per_host`` on one host,
    so 50 instances on one Jira stay polite (exadesk.instances.verify_all's rule). Results are stored as
    each run finishes (the window's batched writer), so a Stop keeps everything already verified.
    """

    def __init__(self, window: MainWindow, workspace_id: str, chosen: list[str], per_host: int):
        self.window, self.workspace_id = window, workspace_id
        self.chosen = list(chosen)
        self.queue = list(chosen)
        self.per_host = per_host
        self.total, self.done = len(chosen), 0
        self.hosts: dict[str, str] = {}
        self.busy: dict[str, int] = {}
        self.results = {"ready": 0, "not_ready": 0, "other": 0}
        self.cancelled = False

    def _host(self, inst_id: str) -> str:
        if inst_id not in self.hosts:
            from urllib.parse import urlsplit

            found = self.window.session.find(inst_id)
            self.hosts[inst_id] = (urlsplit(found[1].url).hostname or found[1].url).lower() if found else ""
        return self.hosts[inst_id]

    def pump(self) -> None:
        """Start queued instances while the pool has room and their host is under its bound."""
        window = self.window
        room = window.session.workers.pool.maxThreadCount() - window.session.workers.in_flight
        for inst_id in list(self.queue):
            if room <= 0 or self.cancelled:
                break
            host = self._host(inst_id)
            if self.busy.get(host, 0) >= self.per_host:
                continue
            self.queue.remove(inst_id)
            if window.verify_instance(inst_id):
                self.busy[host] = self.busy.get(host, 0) + 1
                room -= 1
            else:  # its secret is missing or it vanished: counted, nothing sent
                self.done += 1
                self.results["other"] += 1
        self.show()
        if self.done >= self.total or (self.cancelled and not self._running()):
            self.end()

    def _running(self) -> bool:
        return any(i in self.window.runs for i in self.chosen)

    def finished(self, inst_id: str, report) -> None:
        if inst_id not in self.chosen:
            return
        host = self._host(inst_id)
        self.busy[host] = max(0, self.busy.get(host, 0) - 1)
        self.done += 1
        code = report.exit_code()
        self.results["ready" if code == 0 else "not_ready" if code == 1 else "other"] += 1  # 2 and 3: not confirmed
        self.pump()

    def cancel(self) -> None:
        self.cancelled = True
        self.queue.clear()
        for inst_id in self.chosen:
            self.window.cancel_instance(inst_id)
        if not self._running():
            self.end()

    def text(self) -> str:
        tr = self.window.tr
        return tr("{done} of {total} verified: {ready} ready, {not_ready} not ready, {other} not "
                  "confirmed.").format(done=self.done, total=self.total, **self.results)

    def show(self) -> None:
        window = self.window
        window.statusBar().showMessage(self.text())
        page = window.workspace_page
        if page.workspace_id == self.workspace_id:
            page.set_progress(self.done, self.total if window.verify_all_run is self else 0, self.text())

    def end(self) -> None:
        window = self.window
        if window.verify_all_run is not self:
            return
        window.verify_all_run = None
        window._record_finished()
        text = self.text()
        if self.cancelled:
            text = window.tr("Stopped. {summary}").format(summary=text)
        window.verify_all_summary[self.workspace_id] = text
        window.statusBar().showMessage(text)
        if window.workspace_page.workspace_id == self.workspace_id:
            window.workspace_page.set_progress(0, 0, window.tr("Last Verify all: {summary}").format(summary=text))
