"""Sign in with the browser: the OAuth flow of exadesk.verification.oauth run in a worker, with progress, Cancel and a
device code.

The flow runs on the app's verification pool (exadesk.ui.workers.VerifyRun), so the window never waits on
the network or the keychain; its events come back through Qt signals onto the UI thread. The tokens go to
the keychain from the worker (exadesk.verification.tokens.save) and never reach a widget.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exadesk.foundation.errors import ExaDeskError
from exadesk.store.model import Instance
from exadesk.ui.problem_view import ProblemView
from exadesk.ui.workers import VerifyRun, Workers
from exadesk.verification import oauth, tokens, registry


class OAuthDialog(QDialog):
    """Signs one instance in through the system browser (or with a code on another device).

    Args:
        instance: the instance to sign in; on success its sign-in fields are updated in memory (the caller
            stores it: ``session.update``) and its tokens are already in the keychain.
        client_id / client_secret: of the OAuth client the admin registered (the secret only where needed).
        secrets: the SecretStore (``session.secrets``).
        workers: the app's Workers (``session.workers``); a private pool when None.
        device: use the device flow (only where the tracker offers it).
        open_url: opens an address; the system browser (QDesktopServices) by default.

    Signals:
        signed_in(object): the Instance, signed in; the dialog is accepted.
        failed(object): the Problem; the dialog stays open with it and a Try again button.
    """

    signed_in = Signal(object)
    failed = Signal(object)

    def __init__(self, instance: Instance, client_id: str, client_secret: str = "", *, secrets=None,
                 workers: Workers | None = None, device: bool = False, timeout: float = oauth.DEFAULT_TIMEOUT,
                 open_url=None, parent=None):
        super().__init__(parent)
        self.instance, self.client_id, self.client_secret = instance, client_id, client_secret
        self.profile = registry.oauth_profile(instance.tracker)
        if self.profile is None:
            raise ValueError(f"no browser sign-in for {instance.tracker}")
        self.secrets = secrets
        self.workers = workers or Workers(self)
        self.device = device and self.profile.device
        self.timeout = timeout
        self._open_url = open_url or (lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.run: VerifyRun | None = None
        self.address = ""

        self.setWindowTitle(self.tr("Sign in with the browser"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: how long the person takes is unknown
        self.link = QLabel()
        self.link.setWordWrap(True)
        self.link.setOpenExternalLinks(True)
        self.link.setVisible(False)
        self.code_box = QWidget()
        code_row = QHBoxLayout(self.code_box)
        code_row.setContentsMargins(0, 0, 0, 0)
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.code.setAccessibleName(self.tr("Sign-in code"))
        self.copy_button = QPushButton(self.tr("&Copy code"))
        self.copy_button.clicked.connect(self.copy_code)
        code_row.addWidget(self.code)
        code_row.addWidget(self.copy_button)
        self.code_box.setVisible(False)
        self.problem_view = ProblemView()
        self.problem_view.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.retry_button = self.buttons.addButton(self.tr("&Try again"), QDialogButtonBox.ButtonRole.ActionRole)
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.progress, self.link, self.code_box, self.problem_view, self.buttons):
            layout.addWidget(widget)
        self.start()

    # -- the flow ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Start (or restart) the sign-in in a worker."""
        self.problem_view.setVisible(False)
        self.retry_button.setVisible(False)
        self.progress.setVisible(True)
        self.link.setVisible(False)
        self.code_box.setVisible(False)
        self.status.setText(self.tr("Starting the sign-in with {tracker}…").format(tracker=self.profile.name))
        self.run = self.workers.start(None, on_result=self._on_event, on_finished=self._on_finished,
                                      verify=self._flow)

    def _flow(self, _target, *, cancel, on_result):
        """Worker thread: the whole sign-in, then the tokens to the keychain. Returns the TokenSet or a Problem."""
        profile, url = self.profile, self.instance.url
        try:
            if self.device:
                got = oauth.sign_in_device(profile, url, self.client_id, self.client_secret,
                                           show_code=lambda d: on_result(("device", d)), timeout=self.timeout,
                                           cancel=cancel)
            else:
                got = oauth.sign_in_browser(profile, url, self.client_id, self.client_secret,
                                            open_url=lambda address: on_result(("url", address)),
                                            timeout=self.timeout, cancel=cancel)
            if self.secrets is not None:
                tokens.save(self.secrets, self.instance.id, got, signed_in=True)
                if self.client_secret:
                    self.secrets.set(self.instance.id, oauth.CLIENT_SECRET, self.client_secret)
            return got
        except ExaDeskError as exc:
            return exc.problem

    def _on_event(self, event) -> None:
        kind, value = event
        if kind == "url":
            self.address = value
            opened = self._open_url(value)
            self.status.setText(self.tr("Sign in as the proxy user in the browser window that opened and allow "
                                        "access. ExaDesk waits here for the answer."))
            # The address is not a secret (the code only comes back to this computer); it helps when no
            # browser opened, or the wrong one did.
            self.link.setText(self.tr("No browser window? <a href=\"{url}\">Open the sign-in page</a>.")
                              .format(url=value.replace("&", "&amp;").replace('"', "&quot;")))
            self.link.setVisible(True)
            if opened is False:
                self.status.setText(self.tr("No browser could be opened. Open the sign-in page with the link "
                                            "below, sign in as the proxy user and allow access."))
        elif kind == "device":
            self.code.setText(value.user_code)
            self.code_box.setVisible(True)
            self.status.setText(self.tr("On any device, open {url} and enter this code. ExaDesk waits here for the "
                                        "approval.").format(url=value.verification_uri))

    def _on_finished(self, outcome) -> None:
        self.run = None
        self.progress.setVisible(False)
        if isinstance(outcome, oauth.TokenSet):
            tokens.apply_sign_in(self.instance, self.client_id, bool(self.client_secret), outcome)
            self.status.setText(self.tr("Signed in."))
            self.accept()
            self.signed_in.emit(self.instance)
            return
        if outcome.reason == "oauth.cancelled" and not self.isVisible():
            return
        self.status.setText(self.tr("The sign-in did not finish."))
        self.problem_view.show_problem(outcome)
        self.problem_view.setVisible(True)
        self.retry_button.setVisible(True)
        self.failed.emit(outcome)
        if outcome.reason == "oauth.cancelled":
            self.reject()

    # -- buttons -------------------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop waiting (the worker notices within a tenth of a second); close when nothing runs."""
        if self.run is not None:
            self.run.cancel()
        else:
            self.reject()

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.run is not None:
            self.run.cancel()
        super().closeEvent(event)


def sign_in_again(session, instance: Instance, parent=None, *, device: bool = False, open_url=None) -> OAuthDialog:
    """Open the dialog for a stored instance (its client ID, and secret from the keychain) and store the result.

    For the 'Sign in again' button next to an ``oauth.sign_in_again`` problem; the instance page calls
    ``session.verify`` (or its own verify) after ``signed_in``.
    """
    secret = ""
    if oauth.CLIENT_SECRET in instance.secret_fields:
        try:
            secret = session.secrets.get(instance.id, oauth.CLIENT_SECRET) or ""
        except ExaDeskError as exc:
            session.problem.emit(exc.problem)
    dialog = OAuthDialog(instance, instance.values.get(oauth.CLIENT_ID, ""), secret, secrets=session.secrets,
                         workers=session.workers, device=device, open_url=open_url, parent=parent)

    def store(signed: Instance) -> None:
        old = set(instance.secret_fields)

        def change(data) -> None:
            found = data.find_instance(signed.id)
            if found:
                stored = found[1]
                stored.auth_method, stored.url = signed.auth_method, signed.url
                stored.values, stored.secret_fields = dict(signed.values), list(signed.secret_fields)

        session.update(change, select=signed.id)
        stale = old - set(signed.secret_fields)
        if stale:  # a pasted token the sign-in replaces
            session.secrets.delete(signed.id, sorted(stale))

    dialog.signed_in.connect(store)
    return dialog
