"""The set-up wizard, generated from a tracker's spec. It names no tracker.

Pages follow :class:`exadesk.services.wizard_flow.WizardStep`; the flow holds every answer, so the pages
(:mod:`exadesk.ui.wizard_pages` gathers the answers, :mod:`exadesk.ui.wizard_results` verifies and shows the
verdict) only render and forward. This module is the one wizard over them, and saving.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWizard

from exadesk.foundation.errors import ErrorKind, ExaDeskError, KeychainError
from exadesk.services.wizard_flow import STEPS, WizardFlow, WizardStep
from exadesk.store.model import InstanceState
from exadesk.ui import icons
from exadesk.ui.problem_view import ProblemView, support_details
from exadesk.ui.wizard_pages import CredentialsPage, MethodPage, SyncPage, WalkthroughPage
from exadesk.ui.wizard_results import ResultsPage, VerifyPage

__all__ = ["SetupWizard", "MethodPage", "WalkthroughPage", "CredentialsPage", "SyncPage", "VerifyPage",
           "ResultsPage"]


def _page_id(step: WizardStep) -> int:
    return STEPS.index(step)


# -- the wizard ---------------------------------------------------------------------------------------------


class SetupWizard(QWizard):
    """Set up (or edit) one instance, page by page, from the tracker's spec.

    Signals:
        saved(str): the id of the stored instance.
    """

    saved = Signal(str)
    SAVE_LATER = QWizard.WizardButton.CustomButton1

    def __init__(self, flow: WizardFlow, session, workspace_id: str, parent=None, verify_function=None):
        super().__init__(parent)
        self.flow = flow
        self.session = session
        self.workspace_id = workspace_id
        self.workspace_choice = True  # the credentials page lets the person choose the workspace
        self.verify_function = verify_function
        from exadesk.store.model import new_id

        self._new_id = new_id()
        self._saved_id = ""
        spec = flow.spec
        editing = bool(flow.instance_id)
        self.setWindowTitle(self.tr("Edit {name}").format(name=flow.name) if editing
                            else self.tr("Set up {tracker}").format(tracker=spec.name))
        self.setWindowIcon(icons.tracker_icon(spec.icon or spec.id, spec.name))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setButtonText(self.SAVE_LATER, self.tr("Save for &later"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Save"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.button(self.SAVE_LATER).setToolTip(self.tr("Keep the instance as prepared offline and verify it later"))
        self.button(self.SAVE_LATER).clicked.connect(lambda: self.save(offline=True))
        self.pages = {}
        for cls in (MethodPage, WalkthroughPage, CredentialsPage, SyncPage, VerifyPage, ResultsPage):
            page = cls(self)
            self.setPage(_page_id(cls.step), page)
            self.pages[cls.step] = page
        self.setStartId(_page_id(WizardStep.CREDENTIALS if editing else WizardStep.METHOD))
        self.currentIdChanged.connect(self._moved)
        self.resize(820, 640)
        self.setAccessibleName(self.windowTitle())

    # -- state --------------------------------------------------------------------------------

    def _moved(self, page_id: int) -> None:
        if page_id >= 0:
            self.flow.go(STEPS[page_id])
        self.update_buttons()

    def update_buttons(self) -> None:
        step = self.flow.step
        later = step in (WizardStep.SYNC, WizardStep.RESULTS) and self.flow.can_save_for_later()
        self.button(self.SAVE_LATER).setVisible(later)
        if step is WizardStep.VERIFY:
            self.button(QWizard.WizardButton.NextButton).setText(self.tr("&Next"))

    def person(self) -> str:
        ws = self.session.data.workspace(self.workspace_id)
        return ws.person if ws else ""

    def kept_secrets(self) -> dict[str, str]:
        """Secrets already in the keychain for the instance being edited (read on demand, never shown)."""
        out = {}
        if self.flow.instance_id and self.flow.kept_secrets:
            for name in self.flow.kept_secrets:
                try:
                    value = self.session.secrets.get(self.flow.instance_id, name)
                except ExaDeskError:
                    continue
                if value:
                    out[name] = value
        return out

    def reject(self) -> None:
        verify = self.pages[WizardStep.VERIFY]
        verify.cancel()
        super().reject()

    # -- saving ------------------------------------------------------------------------------------

    def current_problem_view(self) -> ProblemView | None:
        page = self.currentPage()
        return getattr(page, "problem_view", None)

    def _show_save_problem(self, problem, url: str) -> None:
        view = self.current_problem_view()
        if view is not None:
            view.show_problem(problem, support_details(problem, tracker=self.flow.tracker, url=url))
        else:
            self.session.problem.emit(problem)

    def _keychain_refused(self, exc: ExaDeskError, url: str, offline: bool) -> None:
        """No keychain works here: offer keeping the instance without its secret; any other problem is shown."""
        if exc.problem.kind is ErrorKind.KEYCHAIN and exc.problem.reason != "keychain.too_large":
            self.offer_without_secret(exc.problem, offline)
        else:
            self._show_save_problem(exc.problem, url)

    def save(self, offline: bool, without_secret: bool = False) -> bool:
        """Store the instance (secrets to the keychain first). False, with the reason shown, when it cannot.

        ``without_secret``: the person chose to keep it without its secret (no keychain works here); it is
        stored prepared offline with its secret missing, and nothing secret is written anywhere.
        """
        from exadesk.services import instances

        if self._saved_id:  # Finish after "Save for later" (or a second click) must not record twice
            return True
        flow = self.flow
        found = self.session.find(flow.instance_id) if flow.instance_id else None
        existing = found[1] if found else None
        old_fields = set(existing.secret_fields) if existing else set()
        inst = flow.to_instance(None)
        inst.id = existing.id if existing else self._new_id  # stable if a first attempt failed
        refused = flow.name_problem()
        if refused is not None:
            self._show_save_problem(refused, inst.url)
            return False
        values = {} if without_secret else flow.secrets_to_store()
        if existing is not None and not without_secret:  # a stored instance: its secrets are replaced in place
            try:
                for name, value in values.items():
                    self.session.secrets.set(inst.id, name, value)
                stale = old_fields - set(inst.secret_fields)
                if stale:
                    self.session.secrets.delete(inst.id, sorted(stale))
            except ExaDeskError as exc:
                self._keychain_refused(exc, inst.url, offline)
                return False
        report = flow.report

        def change(data) -> None:
            ws = data.workspace(self.workspace_id) or (data.workspaces[0] if data.workspaces else None)
            if ws is None:
                return
            target = None
            for w in data.workspaces:
                for i in w.instances:
                    if i.id == inst.id:
                        target, ws = i, w
            if target is None:
                target = inst
                ws.instances.append(target)
            else:
                flow.to_instance(target)
                target.sandbox = False  # edited by the person: theirs now, so a sandbox restart leaves it alone
            if report is not None:
                instances.record(target, report)
            if offline and (report is None or report.problem is not None):
                target.state = InstanceState.PREPARED_OFFLINE
            if without_secret:  # verified or not, it cannot be checked again until its secret is entered
                target.state = InstanceState.PREPARED_OFFLINE

        if existing is not None:
            if not self.session.update(change, select=inst.id):
                return False
        else:  # a new instance: claimed, secrets, then the data file, so a crash leaves no orphaned secret
            from exadesk.store import recovery

            try:
                self.session.data = recovery.add_with_secrets(
                    self.session.store, self.session.secrets if values else None, inst.id, values, change,
                    step="wizard")
            except KeychainError as exc:
                self._keychain_refused(exc, inst.url, offline)
                return False
            except ExaDeskError as exc:
                self.session.problem.emit(exc.problem)
                return False
            self.session.changed.emit(inst.id)
        self._saved_id = inst.id
        self.saved.emit(inst.id)
        if offline or without_secret:
            self.accept()
        return True

    def offer_without_secret(self, problem, offline: bool):
        """The keychain refused the secret: say that nothing was saved, and offer to keep it without the secret."""
        from PySide6.QtWidgets import QMessageBox

        from exadesk.foundation import messages

        nothing = messages.problem("keychain.nothing_saved")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The secret could not be saved"), problem.message, parent=self)
        box.setInformativeText(f"{problem.next_step}\n\n{nothing.message} {nothing.next_step}")
        box.keep_button = box.addButton(self.tr("&Keep without its secret"), QMessageBox.ButtonRole.AcceptRole)
        box.keep_button.setToolTip(self.tr("Store the instance as prepared offline, without its secret; enter "
                                           "the secret with Replace secret once a keychain works"))
        box.addButton(self.tr("Back to the wizard"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.keep_button)
        box.keep_button.clicked.connect(lambda: self.save(offline, without_secret=True))
        box.open()
        self.keychain_dialog = box
        return box
