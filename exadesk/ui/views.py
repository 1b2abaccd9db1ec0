"""The smaller pages of the main area: first run and a workspace (a tracker from the catalogue: tracker_page)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from exadesk.foundation.words import plural
from exadesk.store.model import Workspace
from exadesk.ui import icons, texts
from exadesk.ui.sidebar import USER_ROLE, badge_key
from exadesk.ui.theme import bad_colour, warn_colour


def heading(text: str, scale: float = 1.5) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def paragraph(text: str, selectable: bool = True) -> QLabel:
    """A wrapped paragraph; ``selectable=False`` leaves making it selectable to the caller (see _selectable)."""
    label = QLabel(text)
    label.setWordWrap(True)
    if selectable:
        _selectable(label)
    return label


def _selectable(*labels: QLabel) -> None:
    # The flag lives in PySide6's Qt namespace, whose first use costs ~11 ms: the workspace page (in the
    # first frame) makes its text selectable right after the first paint instead.
    from PySide6.QtCore import Qt

    for label in labels:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class FirstRunPage(QWidget):
    """Offered when there is no workspace yet: create one, or try the sandbox.

    Signals:
        create_workspace(str): the name typed.
        try_sandbox(): start the emulators with a demo workspace.
    """

    create_workspace = Signal(str)
    try_sandbox = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("for example Acme or My team"))
        self.name_edit.setAccessibleName(self.tr("Workspace name"))
        self.create_button = QPushButton(self.tr("&Create workspace"))
        self.create_button.setAccessibleName(self.tr("Create workspace"))
        self.create_button.setEnabled(False)
        self.name_edit.textChanged.connect(lambda text: self.create_button.setEnabled(bool(text.strip())))
        self.name_edit.returnPressed.connect(self._create)
        self.create_button.clicked.connect(self._create)
        self.sandbox_button = QPushButton(self.tr("&Try the sandbox"))
        self.sandbox_button.setAccessibleName(self.tr("Try the sandbox"))
        name_label = QLabel(self.tr("Workspace &name:"))
        name_label.setBuddy(self.name_edit)

        row = QHBoxLayout()
        row.addWidget(name_label)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.create_button)
        sandbox_row = QHBoxLayout()
        sandbox_row.addWidget(self.sandbox_button)
        sandbox_row.addStretch(1)
        self.sandbox_button.clicked.connect(self.try_sandbox.emit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(64, 64))
        layout.addWidget(logo)
        layout.addWidget(heading(self.tr("Welcome to ExaDesk"), 1.8))
        layout.addWidget(paragraph(self.tr(
            "ExaDesk helps you set up the proxy user of a sync integration on each tracker, checks it live "
            "(reading only, never changing anything), tells you exactly what is missing and how to fix it, and "
            "keeps every secret in your system keychain.")))
        layout.addSpacing(16)
        layout.addWidget(heading(self.tr("Start with a workspace"), 1.15))
        layout.addWidget(paragraph(self.tr("A workspace groups the instances of one client or team.")))
        layout.addLayout(row)
        layout.addSpacing(16)
        layout.addWidget(heading(self.tr("Or try it without a real tracker"), 1.15))
        layout.addWidget(paragraph(self.tr(
            "The sandbox starts emulators of the trackers on this computer and adds a demo workspace with made-up "
            "credentials, so you can see every step without touching a real system.")))
        layout.addLayout(sandbox_row)
        layout.addStretch(1)
        self.setTabOrder(self.name_edit, self.create_button)
        self.setTabOrder(self.create_button, self.sandbox_button)

    def _create(self) -> None:
        name = self.name_edit.text().strip()
        if name:
            self.create_workspace.emit(name)
            self.name_edit.clear()


class WorkspacePage(QWidget):
    """A workspace's summary: how many instances are in each state, Verify all, and the credentials expiring soon.

    Signals:
        verify_all(str): the workspace id.
        cancel_verify(): stop the running Verify all.
        open_instance(str): an instance id chosen in the expiry list.
    """

    verify_all = Signal(str)
    cancel_verify = Signal()
    open_instance = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.workspace_id = ""
        self.title = heading("")
        self.archived = paragraph(self.tr("This workspace is archived: it is left out of Verify all and of the expiry "
                                      "warnings. Restore it from the Workspace menu."), selectable=False)
        self.archived.setObjectName("archivedNotice")
        self.archived.hide()
        self.summary = paragraph("", selectable=False)
        self.hint = paragraph(self.tr("To add an instance, pick its tracker under \u201cSet up a tracker\u201d "
                                  "in the sidebar."), selectable=False)
        self.verify_button = QPushButton(self.tr("&Verify all in this workspace"))
        self.verify_button.setAccessibleName(self.tr("Verify all in this workspace"))
        self.verify_button.setToolTip(self.tr("Verifies the instances never verified, prepared offline or last "
                                              "verified more than 7 days ago"))
        self.verify_button.clicked.connect(lambda: self.verify_all.emit(self.workspace_id))
        self.cancel_button = QPushButton(self.tr("&Stop"))
        self.cancel_button.setAccessibleName(self.tr("Stop verifying"))
        self.cancel_button.clicked.connect(self.cancel_verify.emit)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Verify all progress"))
        self.progress.setFormat(self.tr("%v of %m verified"))
        self.progress.hide()
        self.progress_text = paragraph("", selectable=False)
        self.progress_text.hide()
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        self.expiry_heading = heading(self.tr("Credentials expiring within 30 days"), 1.1)
        self.expiry_list = QListWidget()
        self.expiry_list.setObjectName("expiryList")
        self.expiry_list.setAccessibleName(self.tr("Credentials expiring within 30 days"))
        self.expiry_list.itemActivated.connect(lambda item: self.open_instance.emit(item.data(USER_ROLE)))
        self.expiry_empty = paragraph(self.tr("No credential of this workspace expires within 30 days (as far as "
                                          "ExaDesk knows: enter a date on an instance's page when the tracker "
                                          "does not say)."), selectable=False)
        self.expiry_empty.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.archived)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.hint)
        layout.addSpacing(12)
        layout.addWidget(self.expiry_heading)
        layout.addWidget(self.expiry_empty)
        layout.addWidget(self.expiry_list)
        layout.addStretch(1)

    def finish_start_up(self) -> None:
        """Right after the window's first paint: the page's text becomes selectable (see _selectable)."""
        _selectable(self.archived, self.summary, self.hint, self.progress_text, self.expiry_empty)

    def show_workspace(self, ws: Workspace, expiring: list | None = None) -> None:
        """Show ``ws``; ``expiring`` is its part of exadesk.services.expiry.expiring (computed by the caller)."""
        self.workspace_id = ws.id
        self.title.setText(ws.name)
        self.archived.setVisible(ws.archived)
        counts = Counter(badge_key(i) for i in ws.instances)
        if not ws.instances:
            self.summary.setText(self.tr("No instances yet."))
        else:
            parts = [f"{texts.badge(k)}: {n}" for k, n in sorted(counts.items())]
            count = plural(len(ws.instances), self.tr("{count} instance"), self.tr("{count} instances"))
            self.summary.setText(self.tr("{count}. {states}.").format(count=count, states=", ".join(parts)))
        self._can_verify = bool(ws.instances) and not ws.archived
        self.verify_button.setEnabled(self._can_verify and not self.cancel_button.isVisible())
        self.expiry_list.clear()
        items = expiring or []
        for entry in items:
            # The page already names the workspace; the sentence need not repeat it.
            item = QListWidgetItem(entry.sentence().replace(f" ({entry.workspace})", "", 1))
            item.setData(USER_ROLE, entry.instance_id)
            item.setForeground(QColor(bad_colour() if entry.level in ("expired", "soon") else warn_colour()))
            item.setToolTip(self.tr("Open the instance to replace its secret"))
            self.expiry_list.addItem(item)
        self.expiry_list.setVisible(bool(items))
        self.expiry_empty.setVisible(not items)
        if items:  # as tall as its rows (up to ten), so the page does not end in an empty box
            rows = min(len(items), 10)
            self.expiry_list.setFixedHeight(self.expiry_list.sizeHintForRow(0) * rows + 2 * self.expiry_list.frameWidth() + 4)

    def set_progress(self, done: int, total: int, text: str = "") -> None:
        """Show a Verify all run (``total`` 0 hides it)."""
        running = total > 0 and done < total
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.verify_button.setEnabled(not running and getattr(self, "_can_verify", True))
        if running:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress_text.setText(text)
        self.progress_text.setVisible(bool(text))
