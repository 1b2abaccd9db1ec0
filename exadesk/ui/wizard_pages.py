"""The wizard's pages that gather the answers: sign-in method, walkthrough, address and credential, what is synced.

Each page renders one step of :class:`exadesk.services.wizard_flow.WizardFlow` and forwards what is typed to it; the
flow holds every answer and says what is wrong with it (:mod:`exadesk.foundation.validation`). A sign-in method may ask
for its own walkthrough widget by name (``AuthMethod.custom_page``), looked up in :mod:`exadesk.ui.pages`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QRadioButton, QToolButton, QVBoxLayout,
                               QWidget, QWizard, QWizardPage)

from exadesk.foundation.errors import ExaDeskError
from exadesk.services.wizard_flow import WizardStep
from exadesk.ui import texts
from exadesk.ui.problem_view import ProblemView
from exadesk.ui.walkthrough import Walkthrough
from exadesk.ui.walkthrough import wrapped as _wrap
from exadesk.ui.widgets import FieldRow


class StepPage(QWizardPage):
    """One page of the set-up wizard: the step of the flow it shows."""

    step: WizardStep

    def __init__(self, wizard: QWizard):  # the SetupWizard (exadesk.ui.wizard): its flow, session and buttons
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


class MethodPage(StepPage):
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
        from exadesk.verification import notices

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


class WalkthroughPage(StepPage):
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


class CredentialsPage(StepPage):
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
        from exadesk.verification import registry

        profile = registry.oauth_profile(flow.tracker)
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
        from exadesk.store.model import Instance
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


class SyncPage(StepPage):
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
