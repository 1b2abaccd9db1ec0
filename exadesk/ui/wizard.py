"""The set-up wizard, generated from a tracker's spec. It names no tracker.

Pages follow :class:`exadesk.wizard_flow.WizardStep`; the flow holds every
answer, so this module only renders and forwards. A sign-in method may ask
for its own walkthrough widget by name (``AuthMethod.custom_page``), looked
up in :mod:`exadesk.ui.pages`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QRadioButton,
                               QToolButton, QVBoxLayout, QWidget, QWizard, QWizardPage)

from exadesk.errors import ErrorKind, ExaDeskError, KeychainError
from exadesk.model import InstanceState
from exadesk.ui import icons, texts, theme
from exadesk.ui.checks_table import ChecksTable, NotRunLine, show_results
from exadesk.ui.problem_view import ProblemView, support_details
from exadesk.ui.walkthrough import Walkthrough
from exadesk.ui.walkthrough import wrapped as _wrap
from exadesk.ui.widgets import FieldRow
from exadesk.wizard_flow import STEPS, WizardFlow, WizardStep


def _page_id(step: WizardStep) -> int:
    return STEPS.index(step)


class _Page(QWizardPage):
    step: WizardStep

    def __init__(self, wizard: "SetupWizard"):
        super().__init__()
        self.wiz = wizard
        self.flow = wizard.flow

    def focus_later(self, widget: QWidget) -> None:
        """Focus ``widget`` once QWizard has finished its own focus handling of the page switch."""
        QTimer.singleShot(0, widget.setFocus)

    def isComplete(self) -> bool:
        saved = self.flow.step
        self.flow.step = self.step
        try:
            return self.flow.can_advance()
        finally:
            self.flow.step = saved


# -- 1. sign-in method ---------------------------------------------------------------------


class MethodPage(_Page):
    step = WizardStep.METHOD

    def __init__(self, wizard):
        super().__init__(wizard)
        spec = self.flow.spec
        self.setTitle(self.tr("How will {tracker} sign in?").format(tracker=spec.name))
        if all(m.admin_credential for m in spec.auth_methods):
            # The proxy user has no credential of its own here (Jira Cloud's app user): an admin's token reads it.
            self.setSubTitle(self.tr("Choose the administrator's credential ExaDesk signs in with to check the proxy "
                                     "user (the account the integration acts as); the proxy user needs none."))
        else:
            self.setSubTitle(self.tr("Choose the kind of credential the proxy user (the account the integration "
                                     "acts as) will use."))
        layout = QVBoxLayout(self)
        if spec.retired:
            retired = _wrap(spec.retired)
            retired.setObjectName("retiredNotice")
            retired.setStyleSheet("#retiredNotice { color: #b45309; font-weight: bold; }")
            layout.addWidget(retired)
        from exadesk import notices

        # Notices about the whole tracker once at the top; those about one sign-in method under that method.
        general = [n for n in notices.for_spec(spec) if not n.methods]
        self.tracker_notices = _wrap("".join(
            f"<p style='color:#b45309'><b>{escape(n.title)}.</b> {escape(n.text)} {escape(n.advice)}</p>"
            for n in general), rich=True)
        self.tracker_notices.setObjectName("trackerNotices")
        self.tracker_notices.setVisible(bool(general))
        layout.addWidget(self.tracker_notices)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for method in spec.auth_methods:
            button = QRadioButton(method.label)
            button.setAccessibleName(method.label)
            button.setAccessibleDescription(method.description)
            self.group.addButton(button)
            self.buttons[method.id] = button
            layout.addWidget(button)
            text = escape(method.description)
            if method.admin_credential:
                text += "<br><i>" + escape(self.tr("This is an administrator's own credential, used to read "
                                                   "settings; it is not the proxy user's.")) + "</i>"
            for notice in (n for n in self.flow.method_notices(method.id) if n.methods):
                text += f"<br><span style='color:#b45309'><b>{escape(notice.title)}.</b> {escape(notice.text)} " \
                        f"{escape(notice.advice)}</span>"
            description = _wrap(text, rich=True)
            description.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(description)
            button.toggled.connect(lambda on, m=method.id: on and self._choose(m))
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.buttons[self.flow.auth_method].setChecked(True)
        self.focus_later(self.buttons[self.flow.auth_method])

    def _choose(self, method_id: str) -> None:
        if method_id != self.flow.auth_method:
            self.flow.choose_method(method_id)
            self.flow.reset_verification()


# -- 2. walkthrough ---------------------------------------------------------------------------


class WalkthroughPage(_Page):
    """How to create the credential. A method with ``custom_page`` gets its own widget here."""

    step = WizardStep.WALKTHROUGH

    def __init__(self, wizard):
        super().__init__(wizard)
        self.url_row = FieldRow(self.tr("Instance address"))
        self.url_row.input.textChanged.connect(self._url_changed)
        url_label = QLabel(self.tr("Instance &address:"))
        url_label.setBuddy(self.url_row.input)
        form = QFormLayout()
        form.addRow(url_label, self.url_row)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(_wrap(self.tr("Type the address first to get direct links to the right settings pages.")))
        layout.addLayout(form)
        layout.addLayout(self.body)
        layout.addStretch(1)
        self.content: QWidget | None = None
        self._touched = False

    def initializePage(self) -> None:
        from exadesk.ui import pages

        method = self.flow.method
        self.setTitle(self.tr("Create the credential: {method}").format(method=method.label))
        self.setSubTitle(self.tr("Follow these steps in {tracker}, signed in as the proxy user.").format(
            tracker=self.flow.spec.name) if not method.admin_credential else
            self.tr("Follow these steps in {tracker}, signed in as an administrator.").format(tracker=self.flow.spec.name))
        if self.content is not None:
            self.body.removeWidget(self.content)
            self.content.hide()
            self.content.setParent(None)
            self.content.deleteLater()
        self.content = pages.create(method.custom_page, self.flow) if method.custom_page else None
        if self.content is None:
            self.content = Walkthrough()
        self.body.addWidget(self.content)
        self.url_row.input.blockSignals(True)
        self.url_row.input.setText(self.flow.url)
        self.url_row.input.blockSignals(False)
        self._refresh()
        self.focus_later(self.url_row.input)

    def _url_changed(self, text: str) -> None:
        self._touched = True
        self.flow.url = text
        self._refresh()

    def _refresh(self) -> None:
        self.url_row.show_state(self.flow.url_state(), self._touched)
        refresh = getattr(self.content, "refresh", None)
        if refresh is not None:
            refresh(self.flow)
        else:
            self.content.show_steps(self.flow.walkthrough())


# -- 3. address and credential ---------------------------------------------------------------


class CredentialsPage(_Page):
    step = WizardStep.CREDENTIALS
    open_url = None  # how the browser sign-in opens its page (the system browser when None; tests pass a fake)

    def __init__(self, wizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Address and credential"))
        self.setSubTitle(self.tr("Each entry is checked as you type; nothing is sent yet."))
        self.layout_ = QVBoxLayout(self)
        self.form_host = QWidget()
        self.layout_.addWidget(self.form_host)
        self.layout_.addStretch(1)
        self.rows: dict[str, FieldRow] = {}
        self.touched: set[str] = set()
        self._built_for = None

    def initializePage(self) -> None:
        flow = self.flow
        if self._built_for != flow.auth_method:
            self._build()
        else:
            self._fill_workspaces()
        self.name_edit.setText(flow.name)
        self.name_edit.setPlaceholderText(flow.default_name())
        self.rows["url"].input.setText(flow.url)
        for fld in flow.method.fields:
            self.rows[fld.name].input.setText(flow.values.get(fld.name, "") if not fld.secret else flow.secrets.get(fld.name))
        self.touched = {name for name in self.rows if flow.value(name) or (name == "url" and flow.url)}
        self._refresh()
        first = next((r for n, r in self.rows.items() if not (flow.value(n) or (n == "url" and flow.url))), None)
        self.focus_later((first or self.rows["url"]).input)

    def _build(self) -> None:
        flow = self.flow
        old = self.form_host
        self.form_host = QWidget()
        self.layout_.replaceWidget(old, self.form_host)
        old.deleteLater()
        self.rows = {}
        form = QFormLayout(self.form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        url_row = FieldRow(self.tr("Instance address"))
        url_row.input.textChanged.connect(lambda text: self._changed("url", text))
        self.rows["url"] = url_row
        self._add(form, self.tr("Instance &address:"), url_row)
        for fld in flow.basic_fields():
            self._add_field(form, fld)
        advanced = flow.advanced_fields()
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("More options"))
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setAccessibleName(self.tr("More options"))
        self.more_button.setVisible(bool(advanced))
        self.more = QWidget()
        more_form = QFormLayout(self.more)
        more_form.setContentsMargins(0, 0, 0, 0)
        for fld in advanced:
            self._add_field(more_form, fld)
        self.more.hide()
        self.more_button.toggled.connect(self._toggle_more)
        form.addRow(self.more_button)
        form.addRow(self.more)
        self.sign_in_button = None
        from exadesk import trackers  # the spec's sign-in profile; the flow itself runs in the dialog

        profile = trackers.oauth_profile(flow.tracker)
        if profile is not None and flow.auth_method == profile.method_id:
            self.sign_in_button = QPushButton(self.tr("Sign in with the &browser…"))
            self.sign_in_button.setAccessibleName(self.tr("Sign in with the browser"))
            self.sign_in_button.setToolTip(self.tr("Sign in as the proxy user in your browser and allow access; "
                                                   "ExaDesk fills the refresh token and keeps it in the keychain"))
            self.sign_in_button.clicked.connect(self.sign_in)
            self.sign_in_hint = _wrap(self.tr("Instead of pasting a refresh token: fill the address and the client "
                                              "id, then sign in as the proxy user."))
            form.addRow(self.sign_in_button, self.sign_in_hint)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Name in ExaDesk"))
        self.name_edit.textChanged.connect(lambda text: setattr(self.flow, "name", text))
        self._add(form, self.tr("&Name in ExaDesk:"), self.name_edit)
        # Where it is saved is the person's choice, shown before it happens (never just the sidebar's selection).
        self.workspace_combo = QComboBox()
        self.workspace_combo.setAccessibleName(self.tr("Workspace"))
        self.workspace_combo.currentIndexChanged.connect(self._workspace_chosen)
        self.workspace_hint = _wrap()
        self.workspace_hint.setObjectName("fieldHint")
        self._add(form, self.tr("&Workspace:"), self.workspace_combo)
        form.addRow("", self.workspace_hint)
        self._fill_workspaces()
        self.problem_view = ProblemView()
        form.addRow(self.problem_view)
        self._built_for = flow.auth_method
        if any(flow.value(f.name) for f in advanced):
            self.more_button.setChecked(True)

    def _fill_workspaces(self) -> None:
        combo = self.workspace_combo
        combo.blockSignals(True)
        combo.clear()
        for ws in self.wiz.session.data.workspaces:
            if not ws.archived or ws.id == self.wiz.workspace_id:
                combo.addItem(ws.name, ws.id)
        combo.setCurrentIndex(max(combo.findData(self.wiz.workspace_id), 0))
        combo.blockSignals(False)
        # An instance being edited stays where it is; an admin's credential belongs to its connection's workspace.
        combo.setEnabled(self.wiz.workspace_choice and not self.flow.instance_id)
        self._workspace_chosen()

    def _workspace_chosen(self, *_args) -> None:
        from exadesk.ui.sandbox_demo import DEMO_WORKSPACE

        ws_id = self.workspace_combo.currentData()
        if ws_id:
            self.wiz.workspace_id = ws_id
        ws = self.wiz.session.data.workspace(self.wiz.workspace_id)
        sandbox = ws is not None and ws.name == DEMO_WORKSPACE
        self.workspace_hint.setText(self.tr(
            "This is the sandbox's workspace. Your instance is kept when the sandbox restarts, but a workspace of "
            "your own keeps your work apart from the demo.") if sandbox and not self.flow.instance_id else "")
        self.workspace_hint.setVisible(bool(self.workspace_hint.text()))

    def sign_in(self):
        """Open the browser sign-in for the instance being set up; its refresh token fills the form."""
        from exadesk.model import Instance
        from exadesk.ui.oauth_dialog import OAuthDialog

        flow, wiz = self.flow, self.wiz
        inst = Instance(tracker=flow.tracker, name=flow.name or flow.default_name(), url=flow.site_url(),
                        auth_method=flow.auth_method, id=flow.instance_id or wiz._new_id, values=dict(flow.values))
        dialog = OAuthDialog(inst, flow.values.get("client_id", ""), flow.secrets.get("client_secret") or "",
                             secrets=wiz.session.secrets, workers=wiz.session.workers, open_url=self.open_url,
                             parent=wiz)
        dialog.signed_in.connect(self._signed_in)
        dialog.open()
        self.oauth_dialog = dialog
        return dialog

    def _signed_in(self, instance) -> None:
        try:
            token = self.wiz.session.secrets.get(instance.id, "refresh_token")
        except ExaDeskError as exc:
            self.problem_view.show_problem(exc.problem)
            return
        if instance.url != self.flow.url:
            self.rows["url"].input.setText(instance.url)  # Salesforce answers with the org's own address
        if token and "refresh_token" in self.rows:
            self.rows["refresh_token"].input.setText(token)
        self.problem_view.show_problem(None)

    def _add(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget.focusProxy() or widget if hasattr(widget, "focusProxy") else widget)
        form.addRow(label, widget)

    def _add_field(self, form: QFormLayout, fld) -> None:
        row = FieldRow(fld.label, secret=fld.secret)
        row.input.textChanged.connect(lambda text, name=fld.name: self._changed(name, text))
        if fld.secret and fld.name in self.flow.kept_secrets:
            row.input.setPlaceholderText(self.tr("Saved in the keychain; leave empty to keep it"))
        elif fld.example and not fld.secret:
            row.input.setPlaceholderText(fld.example)
        if fld.help:
            row.setToolTip(fld.help)
        self.rows[fld.name] = row
        mark = "" if fld.required else " " + self.tr("(optional)")
        self._add(form, f"{fld.label}{mark}:", row)

    def _toggle_more(self, on: bool) -> None:
        self.more.setVisible(on)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _changed(self, name: str, text: str) -> None:
        self.touched.add(name)
        if name == "url":
            self.flow.url = text
        else:
            self.flow.set_value(name, text)
        self.flow.reset_verification()
        self._refresh()

    def _refresh(self) -> None:
        flow = self.flow
        if self.sign_in_button is not None:
            self.sign_in_button.setEnabled(flow.url_state().ok and bool(flow.values.get("client_id")))
        self.rows["url"].show_state(flow.url_state(), "url" in self.touched)
        for fld in flow.method.fields:
            self.rows[fld.name].show_state(flow.field_state(fld.name), fld.name in self.touched)
        self.name_edit.setPlaceholderText(flow.default_name())
        self.completeChanged.emit()
        self.wiz.update_buttons()

    def validatePage(self) -> bool:
        self.touched |= set(self.rows)
        self._refresh()
        return self.flow.credentials_complete()


# -- 4. what is synced ------------------------------------------------------------------------------


class SyncPage(_Page):
    step = WizardStep.SYNC

    def __init__(self, wizard):
        super().__init__(wizard)
        flow = self.flow
        spec = flow.spec
        self.setTitle(self.tr("What will be synced"))
        self.setSubTitle(self.tr("The proxy user needs more permissions for some of these; the list below follows "
                                 "your choice."))
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for n, option in enumerate(flow.offered_sync()):
            box = QCheckBox(texts.sync_label(option))
            box.setToolTip(texts.sync_help(option))
            box.setAccessibleName(texts.sync_label(option))
            box.setAccessibleDescription(texts.sync_help(option))
            box.toggled.connect(lambda on, o=option: self._toggle(o, on))
            self.boxes[option] = box
            grid.addWidget(box, n // 3, n % 3)
        layout.addLayout(grid)
        self.scope_row = FieldRow(spec.scope.label)
        self.scope_row.input.textChanged.connect(self._scope_changed)
        if spec.scope.example:
            self.scope_row.input.setPlaceholderText(spec.scope.example)
        scope_label = QLabel(self.tr("{label} in &scope:").format(label=spec.scope.label))
        scope_label.setBuddy(self.scope_row.input)
        form = QFormLayout()
        form.addRow(scope_label, self.scope_row)
        layout.addLayout(form)
        req_label = QLabel(self.tr("What the proxy user &needs:"))
        font = req_label.font()
        font.setBold(True)
        req_label.setFont(font)
        self.requirements = QListWidget()
        self.requirements.setAccessibleName(self.tr("What the proxy user needs"))
        req_label.setBuddy(self.requirements)
        layout.addWidget(req_label)
        layout.addWidget(self.requirements, 1)

    def initializePage(self) -> None:
        for option, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(option in self.flow.sync)
            box.blockSignals(False)
        self.scope_row.input.blockSignals(True)
        self.scope_row.input.setText(", ".join(self.flow.scope))
        self.scope_row.input.blockSignals(False)
        self._refresh()
        first = next(iter(self.boxes.values()), None)
        self.focus_later(first or self.scope_row.input)

    def _toggle(self, option: str, on: bool) -> None:
        self.flow.toggle_sync(option, on)
        self.flow.reset_verification()
        self._refresh()

    def _scope_changed(self, text: str) -> None:
        self.flow.set_scope_text(text)
        self.flow.reset_verification()
        self._refresh()

    def _refresh(self) -> None:
        state = self.flow.scope_state()
        # A required scope left empty says so at once: the Next button waits for it.
        self.scope_row.show_state(state, bool(self.flow.scope) or self.flow.spec.scope.missing(self.flow.scope))
        self.requirements.clear()
        for req in self.flow.requirements():
            text = req.title + ("  " + self.tr("(confirm by hand)") if req.manual else "")
            item = QListWidgetItem(text)
            item.setToolTip(req.fix)
            self.requirements.addItem(item)
        if not self.requirements.count():
            self.requirements.addItem(self.tr("Nothing beyond signing in."))
        self.completeChanged.emit()
        self.wiz.update_buttons()


# -- 5. verify -----------------------------------------------------------------------------------------


class VerifyPage(_Page):
    step = WizardStep.VERIFY

    def __init__(self, wizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Verifying"))
        self.setSubTitle(self.tr("ExaDesk only reads: nothing is created or changed on the tracker."))
        self.status = _wrap()
        self.status.setObjectName("verifyStatus")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Verification progress"))
        self.table = ChecksTable()
        self.cancel_button = QPushButton(self.tr("&Cancel verification"))
        self.cancel_button.setAccessibleName(self.tr("Cancel verification"))
        self.cancel_button.clicked.connect(self.cancel)
        self.again_button = QPushButton(self.tr("Verify &again"))
        self.again_button.setAccessibleName(self.tr("Verify again"))
        self.again_button.clicked.connect(self.start)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.run = None
        self._expected = 1

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        flow = self.flow
        flow.reset_verification()
        self.completeChanged.emit()
        self.table.checks.clear()
        keychain = self.wiz.kept_secrets()
        target = flow.target(self.wiz.session.data.settings, self.wiz.person(), keychain)
        self._expected = max(1, len(flow.requirements()) + len(flow.method_notices()))
        self.progress.setRange(0, self._expected)
        self.progress.setValue(0)
        self.status.setText(self.tr("Checking {tracker} at {url}…").format(tracker=flow.spec.name, url=target.url))
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.again_button.hide()
        self.run = self.wiz.session.workers.start(target, on_result=self._result, on_finished=self._finished,
                                                  verify=self.wiz.verify_function)
        self.focus_later(self.cancel_button)

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _result(self, result) -> None:
        self.table.checks.append(result)
        done = len(self.table.checks.rows)
        self._expected = max(self._expected, done)
        self.progress.setRange(0, self._expected)
        self.progress.setValue(done)
        self.status.setText(self.tr("{done} of about {total} checks done: {title}").format(
            done=done, total=self._expected, title=result.title))

    def _finished(self, report) -> None:
        if self.run is None:
            return
        self.run = None
        self.flow.finish_verification(report)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel_button.hide()
        self.again_button.show()
        self.status.setText(self.tr("Finished."))
        self.completeChanged.emit()
        if self.wiz.currentPage() is self:
            QTimer.singleShot(0, self.wiz.next)

    def cleanupPage(self) -> None:
        self.cancel()


# -- 6. results and saving --------------------------------------------------------------------------------


class ResultsPage(_Page):
    step = WizardStep.RESULTS

    def __init__(self, wizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Results"))
        self.headline = _wrap()
        self.headline.setObjectName("resultHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.headline.setFont(font)
        self.identity = _wrap()
        self.problem_view = ProblemView()
        self.table = ChecksTable()
        self.not_run = NotRunLine()
        # After Cancel the next step is "verify again": the button is here, not one page back.
        self.again_button = QPushButton(self.tr("Verify &again"))
        self.again_button.setAccessibleName(self.tr("Verify again"))
        self.again_button.clicked.connect(self.verify_again)
        self.again_button.hide()
        self.save_note = _wrap()
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.identity)
        layout.addWidget(self.problem_view)
        row = QHBoxLayout()
        row.addWidget(self.not_run, 1)
        row.addWidget(self.again_button)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room when every check is folded and the table is hidden (not otherwise)
        layout.addWidget(self.save_note)
        self.setFinalPage(True)

    def verify_again(self) -> None:
        """Back to the verification page and run it again (it comes back here when it finishes)."""
        self.wiz.back()
        self.wiz.pages[WizardStep.VERIFY].start()

    def initializePage(self) -> None:
        flow = self.flow
        report = flow.report
        show_results(self.table, self.not_run, report.checks if report else [],
                     report.problem.kind if report and report.problem else None)
        failing = [c for c in (report.checks if report else []) if c.status.value == "fail"]
        undecided = report.not_confirmed if report else []
        if report is None:
            self.headline.setText(self.tr("Not verified."))
        elif report.problem is not None:
            self.headline.setText(texts.kind_title(report.problem.kind))
        elif len(failing) == 1:
            self.headline.setText(self.tr("1 thing to fix before the integration can work."))
        elif failing:
            self.headline.setText(self.tr("{count} things to fix before the integration can work.").format(
                count=len(failing)))
        elif undecided:
            self.headline.setText(self.tr("Not confirmed: nothing fails, but {count} of the checks could not be "
                                          "decided on this instance; confirm them by hand.").format(
                count=len(undecided)))
        else:
            self.headline.setText(self.tr("Ready: the proxy user has everything the integration needs."))
        colour = theme.verdict_colour(report.verdict) if report else theme.bad_colour()
        self.headline.setStyleSheet(f"#resultHeadline {{ color: {colour}; }}")
        signed_in, proxy = report.accounts() if report else ("", "")
        if signed_in and proxy and signed_in != proxy:
            who = self.tr("Signed in as {who}. Proxy user checked: {proxy}.").format(who=signed_in, proxy=proxy)
        elif signed_in and proxy:
            who = self.tr("Signed in as {who}, the proxy user.").format(who=signed_in)
        else:
            who = self.tr("Signed in as {who}.").format(who=signed_in) if signed_in else ""
        self.identity.setText(who)
        self.identity.setVisible(bool(who))
        problem = report.problem if report else None
        # The headline already says the problem's title; the banner gives its sentence and next step.
        self.problem_view.show_problem(problem, support_details(problem, tracker=flow.tracker, url=report.url,
                                                                method=flow.auth_method, report=report)
                                       if problem else "", titled=False)
        cancelled = problem is not None and problem.kind is ErrorKind.CANCELLED
        self.again_button.setVisible(cancelled)
        if cancelled:
            self.save_note.setText(self.tr("\u201cVerify again\u201d runs the checks again; "
                                           "\u201cSave for later\u201d keeps the instance as prepared offline, with its "
                                           "secret in the keychain, to verify later."))
        elif flow.can_save_for_later():
            self.save_note.setText(self.tr("The instance could not be checked now. \u201cSave for later\u201d keeps it "
                                           "as prepared offline, with its secret in the keychain; verify it once it "
                                           "can be reached."))
        else:
            self.save_note.setText(self.tr("Save stores the instance in the workspace and its secret in the keychain."))
        self.wiz.update_buttons()
        self.focus_later(self.table)

    def validatePage(self) -> bool:
        return self.wiz.save(offline=False)


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
        from exadesk.model import new_id

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
        from exadesk import instances

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
            from exadesk import recovery

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

        from exadesk import messages

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
