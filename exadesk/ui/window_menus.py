"""The main window's menu bar (titles in the first frame, actions right after it) and the sidebar's context menu."""

from __future__ import annotations

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu


class WindowMenus:
    """File, Workspace and Help, the sidebar's context menu and the actions' enabled states (a MainWindow part).

    Uses the window's ``session``, ``sidebar`` and workspace methods; the actions (QAction) are made right after the
    first paint.
    """

    def _menus(self) -> None:
        """The menu bar's titles (in the first frame); their actions follow right after it (_fill_menus)."""
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.workspace_menu = self.menuBar().addMenu(self.tr("&Workspace"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))

    def _fill_menus(self) -> None:
        # setShortcuts, not setShortcut: PySide6 resolves setShortcut's overloads through the Qt namespace,
        # whose first use costs ~11 ms before the first paint (and setShortcuts also takes every platform binding).
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
