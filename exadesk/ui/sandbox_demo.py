"""The sandbox demo in the window: start every emulator in-process and build a demo workspace.

The emulators' demo credentials are made up; they go to the keychain like any secret. Where no keychain is usable
(no Secret Service running), they are kept in memory for this run of the app instead, so the sandbox still works:
they open nothing but the emulators on this computer. Real credentials never take that way. The demo workspace
holds one instance per emulator, the failing instance and the learning scenarios, each marked as the sandbox's own
(``Instance.sandbox``). Restarting the sandbox replaces only those; an instance a person saved into the demo
workspace is kept as it is.
"""

from __future__ import annotations

from dataclasses import field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from exadesk.foundation.errors import KeychainError
from exadesk.foundation.records import dataclass
from exadesk.store import recovery
from exadesk.store.model import Instance, Workspace

DEMO_WORKSPACE = "Sandbox demo"
#: The name of a learning scenario's instance (the scenario's label follows).
LESSON_PREFIX = "Lesson: "


@dataclass
class DemoEntry:
    """One instance of the demo: what it is for, and the demo credentials a person may copy into the wizard."""

    instance: Instance
    secrets: dict[str, str]
    kind: str  # "ready", "failing" or "lesson"
    lesson: str = ""  # what verifying it teaches
    oauth_clients: dict[str, str] = field(default_factory=dict)  # client ID -> client secret ("" for none)


@dataclass
class Installed:
    """What starting the sandbox did to the demo workspace."""

    workspace_id: str
    kept: list[str] = field(default_factory=list)  # names of the person's own instances left as they were


def demo_entries(demo) -> list[DemoEntry]:
    """The demo's instances: a ready one per emulator, the failing one, then the learning scenarios.

    Built from what each emulator declares (``demo_login``, ``demo_secrets``) and the tracker's spec.
    """
    from exadesk.verification import registry
    from exadesk.sandbox.demo import oauth_clients

    runs = [("ready", tracker_id, emulator, None) for tracker_id, emulator in demo.emulators.items()]
    runs += [("failing", lesson.tracker, lesson.emulator, lesson) for lesson in getattr(demo, "failing", [])]
    runs += [("lesson", lesson.tracker, lesson.emulator, lesson) for lesson in demo.lessons]
    entries = []
    for kind, tracker_id, emulator, lesson in runs:
        try:
            spec = registry.get(tracker_id).spec
            method = spec.auth_method(emulator.demo_login.auth)
        except KeyError:  # a tracker or sign-in method this version does not have
            continue
        login = emulator.demo_login
        if login.user and method.user_field is None:  # a demo user for a method without one: not this version's
            continue
        name = f"{spec.name} sandbox"
        if kind == "failing":
            name = f"{spec.name} sandbox (not ready)"
        elif kind == "lesson":  # the tracker's icon is beside it in the sidebar; the label is in its notes
            name = LESSON_PREFIX + lesson.scenario.title
        inst = Instance(tracker=tracker_id, name=name, url=emulator.url, auth_method=method.id,
                        values={method.user_field.name: login.user} if login.user else {}, sync=[],
                        scope=list(login.scope) or list(spec.scope.default),
                        secret_fields=[f.name for f in method.secret_fields if f.name in emulator.demo_secrets],
                        notes=f"{lesson.label}: {lesson.scenario.lesson}" if lesson else "", sandbox=True)
        entries.append(DemoEntry(inst, {k: v for k, v in emulator.demo_secrets.items() if k in inst.secret_fields},
                                 kind, inst.notes, oauth_clients(emulator)))
    return entries


def demo_instances(demo) -> tuple[list[Instance], dict[str, dict[str, str]]]:
    """Instances for the running emulators, and the secrets of each (instance id -> field -> value)."""
    entries = demo_entries(demo)
    return [e.instance for e in entries], {e.instance.id: e.secrets for e in entries}


def _is_sandbox_own(inst: Instance, demo_names: set[tuple[str, str]]) -> bool:
    """Made by the sandbox: marked so, or (data from before the mark) named as the sandbox names it, on loopback."""
    if inst.sandbox is not None:
        return inst.sandbox
    from urllib.parse import urlsplit

    host = (urlsplit(inst.url).hostname or "").lower()
    return (inst.tracker, inst.name) in demo_names and host in ("127.0.0.1", "localhost", "::1")


class DemoSecrets:
    """The keychain, except for the sandbox's made-up credentials (when no keychain is usable): those stay in memory."""

    def __init__(self, store):
        from exadesk.store.keychain import SecretStore
        from exadesk.sandbox.memory_keyring import MemoryKeyring

        self.store = store
        self.memory = SecretStore(MemoryKeyring())
        self.demo_ids: set[str] = set()

    def __getattr__(self, name):  # name, available(), problem(), backend: the keychain's own
        return getattr(self.store, name)

    def _for(self, instance_id: str):
        return self.memory if instance_id in self.demo_ids else self.store

    def set(self, instance_id: str, field: str, value: str) -> None:
        self._for(instance_id).set(instance_id, field, value)

    def get(self, instance_id: str, field: str) -> str | None:
        return self._for(instance_id).get(instance_id, field)

    def delete(self, instance_id: str, fields) -> None:
        self._for(instance_id).delete(instance_id, fields)


def install(session) -> Installed | None:
    """Start the emulators (once) and create or refresh the demo workspace.

    Returns None when the data file could not be written (the session has shown the problem). Only the sandbox's
    own instances are replaced; one that returns keeps its id, so a connection a person made
    to it still holds. Every other instance in the workspace is the person's and stays as it was.
    """
    from exadesk.sandbox.demo import start_demo

    if session.demo is None:
        session.demo = start_demo()
    entries = demo_entries(session.demo)
    names = {(e.instance.tracker, e.instance.name) for e in entries}
    existing = session.data.workspace(DEMO_WORKSPACE)
    previous = {(i.tracker, i.name): i.id for i in existing.instances if _is_sandbox_own(i, names)} if existing else {}
    for entry in entries:  # the same instance as last time keeps its id (and the person's connections to it)
        entry.instance.id = previous.get((entry.instance.tracker, entry.instance.name), entry.instance.id)
    store = session.secrets
    if not store.available():  # no Secret Service: the made-up credentials stay in memory (see the module's text)
        if not isinstance(store, DemoSecrets):
            store = session.secrets = DemoSecrets(store)
        store.demo_ids.update(entry.instance.id for entry in entries)
    fresh = {e.instance.id for e in entries}
    stale = {i.id: list(i.secret_fields) for i in (existing.instances if existing else [])
             if _is_sandbox_own(i, names) and i.id not in fresh}
    holder: dict = {}

    def change(data) -> None:
        ws = data.workspace(DEMO_WORKSPACE)
        if ws is None:
            ws = Workspace(name=DEMO_WORKSPACE, notes="Emulators on this computer; made-up credentials.")
            data.workspaces.append(ws)
        kept = [i for i in ws.instances if not _is_sandbox_own(i, names)]
        holder["kept"] = [i.name for i in kept]
        ws.instances = [e.instance for e in entries] + kept  # the emulators listen on new ports each run
        holder["id"] = ws.id

    # Like any instance's secrets, written under a claim: a crash or a keychain failure between the keychain and the
    # data file leaves entries the next start settles (exadesk.store.recovery), never orphaned demo secrets.
    in_keychain = not isinstance(store, DemoSecrets)
    held = recovery.claim(session.store, {e.instance.id: list(e.secrets) for e in entries} | stale) \
        if in_keychain else None
    settled = False
    try:
        for entry in entries:
            for name, value in entry.secrets.items():
                store.set(entry.instance.id, name, value)
        settled = session.update(change, select="")  # False: not written (the window shows why)
        for old_id, fields in stale.items() if settled else ():
            try:
                store.delete(old_id, fields)
            except KeychainError:  # an old demo entry that cannot be removed now: the next start's sweep does
                settled = False
    finally:
        if held is not None:
            held.release() if settled else held.leave()
    if "id" not in holder:
        return None  # the data file could not be written; the session has shown why
    return Installed(holder["id"], holder.get("kept", []))


def install_demo(session) -> str:
    """Start the emulators (once) and create or refresh the demo workspace; returns its id (see :func:`install`),
    or "" when the data file could not be written."""
    installed = install(session)
    return installed.workspace_id if installed else ""


# -- the window's list of demo credentials ------------------------------------------------------------------------


class SandboxDialog(QDialog):
    """File → Sandbox credentials…: every demo instance with its address and made-up credentials, each with Copy.

    So the wizard can be practised against the emulators: set up a tracker, paste the values shown here.

    Signals:
        open_instance(str): the id of a demo instance to show in the window.
    """

    open_instance = Signal(str)
    SECTIONS = ("ready", "failing", "lesson")

    def __init__(self, entries: list[DemoEntry], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sandbox: demo credentials"))
        self.copies: dict[tuple[str, str], QPushButton] = {}  # (instance name, row label) -> its Copy button
        self.values: dict[tuple[str, str], str] = {}
        intro = QLabel(self.tr(
            "The sandbox runs emulators of the trackers on this computer, with made-up credentials. Its instances "
            "are in the workspace \u201c{workspace}\u201d: verify them there, or practise the set-up wizard by "
            "copying an address and a credential from this list.").format(workspace=DEMO_WORKSPACE))
        intro.setWordWrap(True)
        body = QWidget()
        column = QVBoxLayout(body)
        titles = {"ready": self.tr("Ready instances"), "failing": self.tr("A failing instance"),
                  "lesson": self.tr("Learning scenarios: each reproduces a problem admins meet")}
        for kind in self.SECTIONS:
            chosen = [e for e in entries if e.kind == kind]
            if not chosen:
                continue
            heading = QLabel(f"<b>{titles[kind]}</b>")
            column.addWidget(heading)
            for entry in chosen:
                column.addWidget(self._entry_box(entry))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.copied = QLabel()
        self.copied.setObjectName("fieldHint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.resize(820, 640)

    def _entry_box(self, entry: DemoEntry) -> QGroupBox:
        from exadesk.verification import registry

        inst = entry.instance
        box = QGroupBox(inst.name)
        grid = QGridLayout(box)
        row = 0
        if entry.lesson:
            lesson = QLabel(entry.lesson)
            lesson.setWordWrap(True)
            grid.addWidget(lesson, row, 0, 1, 3)
            row += 1
        method = registry.get(inst.tracker).spec.auth_method(inst.auth_method)
        rows = [(self.tr("Address"), inst.url)]
        rows += [((method.field(name).label if method.field(name) else name), value)
                 for name, value in inst.values.items()]
        rows += [((method.field(name).label if method.field(name) else name), value)
                 for name, value in entry.secrets.items()]
        if inst.scope:
            rows.append((self.tr("In scope"), ", ".join(inst.scope)))
        for client_id, client_secret in entry.oauth_clients.items():
            rows.append((self.tr("OAuth client ID (browser sign-in)"), client_id))
            if client_secret:
                rows.append((self.tr("OAuth client secret"), client_secret))
        for label, value in rows:
            grid.addWidget(QLabel(label), row, 0)
            edit = QLineEdit(value)
            edit.setReadOnly(True)
            edit.setAccessibleName(self.tr("{instance}: {what}").format(instance=inst.name, what=label))
            edit.setCursorPosition(0)
            grid.addWidget(edit, row, 1)
            copy = QPushButton(self.tr("Copy"))
            copy.setAccessibleName(self.tr("Copy {what} of {instance}").format(what=label, instance=inst.name))
            copy.clicked.connect(lambda _=False, v=value, w=label, n=inst.name: self.copy(v, w, n))
            grid.addWidget(copy, row, 2)
            self.copies[(inst.name, label)] = copy
            self.values[(inst.name, label)] = value
            row += 1
        show = QPushButton(self.tr("Show in the window"))
        show.clicked.connect(lambda _=False, i=inst.id: self.open_instance.emit(i))
        grid.addWidget(show, row, 2)
        grid.setColumnStretch(1, 1)
        return box

    def copy(self, value: str, what: str, instance: str) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(value)
        self.copied.setText(self.tr("Copied: {what} of {instance}.").format(what=what, instance=instance))
