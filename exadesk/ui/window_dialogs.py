"""The main window's dialogs glue: the setup wizard, editing and removing instances, handover (reports and
bundles), connections, expiry, fixes, signing in again and settings. Each dialog's module loads on first use."""

from __future__ import annotations

from exadesk.foundation.errors import ExaDeskError
from exadesk.store.model import InstanceState, Workspace
from exadesk.ui import texts


class WindowDialogs:
    """Opens the window's dialogs and stores what they return through the session (a MainWindow part)."""

    def start_wizard(self, tracker_id: str, flow=None, role: str = "proxy"):
        from PySide6.QtWidgets import QMessageBox

        self.load_trackers()
        from exadesk.ui.wizard import SetupWizard
        from exadesk.services.wizard_flow import WizardFlow

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
        from exadesk.services.wizard_flow import WizardFlow

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
            from exadesk.services.instances import removal_warning

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

        from exadesk.services import instances

        # The data file first, then its secret fields and any sign-in tokens: a crash in between leaves
        # entries the next start removes, never an instance without its secret.
        secrets = self.session.secrets if instances.keychain_fields(inst) else None
        return self.session.write_with(lambda: instances.remove_with_secrets(self.session.store, secrets, inst, change),
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

    def fix_instance(self, inst_id: str, only: set[str] | None = None):
        """Fix all… (or a finding's Fix…, with ``only`` its check id): the plan of the changes the failing checks
        need, the ticked ones applied after the person confirms (exadesk.services.fixes, as ``exadesk fix``); the
        verification that follows is stored like any other."""
        from exadesk.ui.fix_dialog import FixDialog

        found = self.session.find(inst_id)
        if not found or inst_id in self.runs:
            return None
        ws, inst = found
        dialog = FixDialog(self.session, ws, inst, self, only=only)
        dialog.applied.connect(lambda outcome, i=inst_id: self._fixed(i, outcome))
        dialog.add_admin.connect(lambda tracker_id: self._add_admin_for_fix(tracker_id, dialog))
        dialog.open()
        dialog.start()
        self.fix_dialog = dialog
        return dialog

    def _add_admin_for_fix(self, tracker_id: str, dialog):
        """The fix dialog found no administrator's credential: the wizard adds one to the instance's workspace (role
        admin), then the dialog, if still open, plans again with it."""
        wizard = self.start_wizard(tracker_id, role="admin")
        if wizard is not None:
            wizard.saved.connect(lambda _inst_id: dialog.start() if dialog.isVisible() else None)
        return wizard

    def undo_fix_run(self, inst_id: str, run_id: str):
        """A fix run from the instance's history: its changes, and Undo after a confirmation naming them."""
        from exadesk.ui.fix_dialog import FixDialog

        found = self.session.find(inst_id)
        if not found or inst_id in self.runs:
            return None
        ws, inst = found
        run = next((r for r in ws.fix_runs if r.id == run_id), None)
        if run is None:
            return None
        dialog = FixDialog(self.session, ws, inst, self, run=run)
        dialog.applied.connect(lambda outcome, i=inst_id: self._fixed(i, outcome))
        dialog.open()
        dialog.start()
        self.fix_dialog = dialog
        return dialog

    def _fixed(self, inst_id: str, outcome) -> None:
        from exadesk.services import instances

        def record(data) -> None:
            found = data.find_instance(inst_id)
            if found is not None and outcome.after is not None:
                instances.record(found[1], outcome.after)

        self.session.update(record, select=inst_id)

    def set_expiry(self, inst_id: str):
        """Enter or clear the expiry date of an instance's credential (exadesk.services.expiry.set_expiry)."""
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
        from exadesk.services import expiry

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
