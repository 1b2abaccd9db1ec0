"""The main window's workspace actions: create, rename, archive, find, and the sandbox workspace."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from exadesk.foundation.errors import ExaDeskError
from exadesk.store.model import Workspace


class WorkspaceActions:
    """Workspace changes through exadesk.services.instances, with their errors said in a sentence (a MainWindow
    part)."""

    def _workspace_change(self, change, select: str = "") -> str:
        """Apply a workspace change from exadesk.services.instances; its ValueError (name taken, empty) is shown, ""
        returned."""
        from PySide6.QtWidgets import QMessageBox

        from exadesk.services import instances

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
        name, ok = QInputDialog.getText(self, self.tr("New workspace"), self.tr("Workspace name:"))
        if ok and name.strip():
            self.create_workspace(name)

    def rename_workspace(self, ws_id: str = "", new_name: str | None = None) -> bool:
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
        if installed is None:  # the data file could not be written: the window has said why
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


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else text
