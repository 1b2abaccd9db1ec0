"""Replace the secret of a stored instance (a new token after the old one expired or leaked)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from exadesk.foundation.errors import ExaDeskError
from exadesk.services.wizard_flow import WizardFlow
from exadesk.store.model import Instance
from exadesk.ui.problem_view import ProblemView
from exadesk.ui.widgets import FieldRow
from exadesk.verification import registry


class ReplaceSecretDialog(QDialog):
    """Signals:
        saved(): the new secret is in the keychain.
    """

    saved = Signal()

    def __init__(self, session, instance: Instance, parent=None):
        super().__init__(parent)
        self.session = session
        self.instance = instance
        self.flow = WizardFlow.for_instance(instance)
        self.flow.kept_secrets = set()  # every secret field must be typed again
        spec = registry.get(instance.tracker).spec
        self.setWindowTitle(self.tr("Replace the secret of {name}").format(name=instance.name))
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout()
        for fld in self.flow.method.secret_fields:
            row = FieldRow(fld.label, secret=True)
            row.input.textChanged.connect(lambda text, name=fld.name: self._changed(name, text))
            self.rows[fld.name] = row
            label = QLabel(f"{fld.label}:")
            label.setBuddy(row.input)
            form.addRow(label, row)
        self.problem_view = ProblemView()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save and verify"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The new value replaces the one in the keychain. {tracker} itself is not changed; "
                               "revoke the old credential there if it leaked.").format(tracker=spec.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_view)
        layout.addWidget(self.buttons)
        self._refresh()

    def _changed(self, name: str, text: str) -> None:
        self.flow.set_value(name, text)
        self._refresh()

    def _refresh(self) -> None:
        ok = True
        for name, row in self.rows.items():
            state = self.flow.field_state(name)
            row.show_state(state, bool(self.flow.value(name)))
            ok = ok and state.ok and bool(self.flow.value(name))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def save(self) -> None:
        try:
            for name, value in self.flow.secrets_to_store().items():
                self.session.secrets.set(self.instance.id, name, value)
        except ExaDeskError as exc:
            self.problem_view.show_problem(exc.problem)
            return
        names = sorted(set(self.instance.secret_fields) | set(self.flow.secrets_to_store()))

        def change(data) -> None:
            for ws in data.workspaces:
                for inst in ws.instances:
                    if inst.id == self.instance.id:
                        inst.secret_fields = names

        self.session.update(change, select=self.instance.id)
        self.accept()
        self.saved.emit()
