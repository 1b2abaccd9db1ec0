"""Workspace → New connection…: two instances, the configuration mode, and who administers each side.

What it records is what ``exadesk connect`` records (a Connection with ``admins`` and ``admin_kinds``);
the connection page then shows the admin access plan and checks it with each admin's credential.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout)

from exadesk.store.model import ConfigMode, Connection, Workspace
from exadesk.ui.problem_view import ProblemView
from exadesk.verification import registry

ADMIN_KIND_IDS = ("system", "project", "delegated")  # as exadesk.services.planner.ADMIN_TYPES and `exadesk connect`


def _tracker_name(tracker_id: str) -> str:
    try:
        return registry.get(tracker_id).spec.name
    except KeyError:
        return tracker_id.replace("_", " ")


class _Side(QGroupBox):
    """One side: the instance, the kind of administrator, and the instance holding the admin's credential."""

    def __init__(self, title: str, add_admin, parent=None):
        super().__init__(title, parent)
        self.instance = QComboBox()
        self.instance.setAccessibleName(self.tr("{side}: instance").format(side=title))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("{side}: kind of administrator").format(side=title))
        for kind_id, text in zip(ADMIN_KIND_IDS, (
                self.tr("Local (system) administrator"),
                self.tr("Project administrator (Jira Cloud, Basic mode only)"),
                self.tr("Delegated administrator (member of exalate_console_admin)"))):
            self.kind.addItem(text, kind_id)
        self.admin = QComboBox()
        self.admin.setAccessibleName(self.tr("{side}: administrator's credential").format(side=title))
        self.add_button = QPushButton(self.tr("Add an administrator's credential…"))
        self.add_button.setToolTip(self.tr("Opens the set-up wizard for this side's tracker; the credential is "
                                           "stored as an administrator's (role admin), never used as the proxy user"))
        self.add_button.clicked.connect(lambda: add_admin(self))
        admin_row = QHBoxLayout()
        admin_row.addWidget(self.admin, 1)
        admin_row.addWidget(self.add_button)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in ((self.tr("&Instance:"), self.instance), (self.tr("&Administrator:"), self.kind)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        label = QLabel(self.tr("Their &credential:"))
        label.setBuddy(self.admin)
        form.addRow(label, admin_row)


class NewConnectionDialog(QDialog):
    """Signals:
        created(str): the new connection's id.
        add_admin(str): the tracker id of a side that needs an administrator's credential (the window opens
            the wizard with role admin; the lists refresh when it is saved).
    """

    created = Signal(str)
    add_admin = Signal(str)

    MODES = (ConfigMode.BASIC, ConfigMode.VISUAL, ConfigMode.SCRIPTED)

    def __init__(self, session, workspace_id: str, parent=None, connection_id: str = ""):
        super().__init__(parent)
        self.session, self.workspace_id = session, workspace_id
        self.connection_id = connection_id  # editing this connection (same id kept), or "" for a new one
        self.setWindowTitle(self.tr("Edit connection") if connection_id else self.tr("New connection"))
        intro = QLabel(self.tr("A connection joins two instances through the integration. ExaDesk then plans who "
                               "may configure it and checks that with each administrator's own credential "
                               "(reading only)."))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Connection name"))
        self.name_edit.setPlaceholderText(self.tr("for example Jira to ServiceNow"))
        self.name_edit.textChanged.connect(self._refresh)
        self.sides = (_Side(self.tr("One side"), self._add_admin), _Side(self.tr("Other side"), self._add_admin))
        for side in self.sides:
            side.instance.currentIndexChanged.connect(lambda _i, s=side: self._fill_admins(s))
            side.instance.currentIndexChanged.connect(self._refresh)
            side.kind.currentIndexChanged.connect(self._refresh)
        mode_box = QGroupBox(self.tr("How it is configured"))
        mode_layout = QVBoxLayout(mode_box)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[ConfigMode, QRadioButton] = {}
        explain = {
            ConfigMode.BASIC: (self.tr("&Basic"), self.tr(
                "A ready-made mapping of the common fields, without scripts; a project administrator may set it "
                "up on Jira Cloud.")),
            ConfigMode.VISUAL: (self.tr("&Visual"), self.tr(
                "Both sides are mapped in one place with drag and drop, so one person must be administrator on "
                "both systems.")),
            ConfigMode.SCRIPTED: (self.tr("&Scripted"), self.tr(
                "Each side runs its own sync scripts, written by that side's own administrator; the most "
                "flexible.")),
        }
        for mode in self.MODES:
            text, sentence = explain[mode]
            button = QRadioButton(text)
            button.setAccessibleDescription(sentence)
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            note = QLabel(sentence)
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 4)
            mode_layout.addWidget(button)
            mode_layout.addWidget(note)
        self.hint = QLabel()
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.mode_buttons[ConfigMode.SCRIPTED].setChecked(True)
        for button in self.mode_buttons.values():
            button.toggled.connect(self._refresh)
        self.problem_view = ProblemView()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(self.tr("&Create connection"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        name_row = QFormLayout()
        label = QLabel(self.tr("&Name:"))
        label.setBuddy(self.name_edit)
        name_row.addRow(label, self.name_edit)
        sides_row = QHBoxLayout()
        for side in self.sides:
            sides_row.addWidget(side, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(name_row)
        layout.addLayout(sides_row)
        layout.addWidget(mode_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem_view)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(820, 0)
        self._pending_side: _Side | None = None
        self._known: set[str] = set()
        self.fill()
        if connection_id:
            self._load(connection_id)
        session.changed.connect(self._data_changed)

    def _load(self, connection_id: str) -> None:
        """Fill the form from the connection being edited; a side whose instance was removed stays unchosen."""
        ws = self.workspace()
        conn = next((c for c in ws.connections if c.id == connection_id), None) if ws else None
        if conn is None:
            return
        self.create_button.setText(self.tr("&Save"))
        self.name_edit.setText(conn.name)
        self.mode_buttons[conn.mode].setChecked(True)
        for side, inst_id in zip(self.sides, (conn.left, conn.right)):
            side.instance.setCurrentIndex(side.instance.findData(inst_id))  # -1 when it no longer exists
            kind = side.kind.findData(conn.admin_kinds.get(inst_id, "system"))
            side.kind.setCurrentIndex(max(kind, 0))
            self._fill_admins(side, conn.admins.get(inst_id, "") or "\0none")
        self._refresh()

    # -- lists -------------------------------------------------------------------------

    def workspace(self) -> Workspace | None:
        return self.session.data.workspace(self.workspace_id)

    def fill(self) -> None:
        ws = self.workspace()
        proxies = [i for i in ws.instances if i.role != "admin"] if ws else []
        for index, side in enumerate(self.sides):
            keep = side.instance.currentData()
            side.instance.blockSignals(True)
            side.instance.clear()
            for inst in proxies:
                side.instance.addItem(self.tr("{name} ({tracker})").format(name=inst.name,
                                                                          tracker=_tracker_name(inst.tracker)), inst.id)
            wanted = side.instance.findData(keep) if keep else min(index, len(proxies) - 1)
            side.instance.setCurrentIndex(max(wanted, 0) if proxies else -1)
            side.instance.blockSignals(False)
            self._fill_admins(side)
        self._refresh()

    def _fill_admins(self, side: _Side, select: str = "") -> None:
        ws = self.workspace()
        inst = ws.instance(side.instance.currentData() or "") if ws else None
        keep = select or side.admin.currentData()
        side.admin.clear()
        side.admin.addItem(self.tr("None yet (check later)"), "")
        if inst is not None:
            for admin in ws.instances:
                if admin.role == "admin" and admin.tracker == inst.tracker:
                    side.admin.addItem(admin.name, admin.id)
        index = side.admin.findData(keep) if keep else -1
        if keep == "\0none":  # editing a connection whose side has no admin credential: keep it that way
            index = 0
        side.admin.setCurrentIndex(index if index >= 0 else (1 if side.admin.count() > 1 else 0))
        side.add_button.setEnabled(inst is not None)

    def _add_admin(self, side: _Side) -> None:
        ws = self.workspace()
        inst = ws.instance(side.instance.currentData() or "") if ws else None
        if inst is not None:
            self._pending_side = side
            self._known = {i.id for i in ws.instances}
            self.add_admin.emit(inst.tracker)

    def _data_changed(self, select: str) -> None:
        side = self._pending_side
        if self.workspace() is None:
            return
        new_admin = select if side is not None and select and select not in self._known else ""
        for s in self.sides:
            self._fill_admins(s, new_admin if s is side else "")
        # The wizard stores the instance first and marks it as an admin's right after: wait for the second.
        if side is not None and new_admin and side.admin.currentData() == new_admin:
            self._pending_side = None

    # -- checking and creating ------------------------------------------------------------

    def mode(self) -> ConfigMode:
        return next(m for m, b in self.mode_buttons.items() if b.isChecked())

    def problem_text(self) -> str:
        left, right = (s.instance.currentData() for s in self.sides)
        if self.sides[0].instance.count() < 2:
            return self.tr("The workspace needs two instances first: set them up from the tracker list.")
        if not left or not right:
            return self.tr("Choose the instance of each side.")
        if left == right:
            return self.tr("Choose two different instances.")
        if not self.name_edit.text().strip():
            return self.tr("Give the connection a name.")
        ws = self.workspace()
        if ws and any(c.name.lower() == self.name_edit.text().strip().lower() and c.id != self.connection_id
                      for c in ws.connections):
            return self.tr("{name} already has a connection with this name.").format(name=ws.name)
        return ""

    def _refresh(self, *_args) -> None:
        problem = self.problem_text()
        notes = []
        for side in self.sides:
            if side.kind.currentData() == "project" and self.mode() is not ConfigMode.BASIC:
                notes.append(self.tr("A project administrator may only configure Basic connections on Jira Cloud; "
                                     "the plan will show this side as not allowed."))
                break
        self.hint.setText(" ".join([problem, *notes]).strip())
        self.hint.setVisible(bool(self.hint.text()))
        self.create_button.setEnabled(not problem)

    def create(self) -> str:
        if self.problem_text():
            return ""
        conn = Connection(name=" ".join(self.name_edit.text().split()), left=self.sides[0].instance.currentData(),
                          right=self.sides[1].instance.currentData(), mode=self.mode())
        if self.connection_id:
            conn.id = self.connection_id
        for side in self.sides:
            inst_id = side.instance.currentData()
            conn.admin_kinds[inst_id] = side.kind.currentData()
            if side.admin.currentData():
                conn.admins[inst_id] = side.admin.currentData()

        def change(data) -> None:
            ws = data.workspace(self.workspace_id)
            if ws is None:
                return
            index = next((n for n, c in enumerate(ws.connections) if c.id == conn.id), None)
            if index is None:
                ws.connections.append(conn)
            else:  # edited: same place in the list, same id (the sidebar keeps it selected)
                ws.connections[index] = conn

        if not self.session.update(change, select=conn.id):
            return ""
        self.created.emit(conn.id)
        self.accept()
        return conn.id

    def done(self, result: int) -> None:
        try:
            self.session.changed.disconnect(self._data_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
