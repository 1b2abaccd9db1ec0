"""The window's side of an unreadable (or newer) data file: say so, and offer the two ways on.

Until the person chooses, the window shows an empty list and saves nothing (the core refuses every
write). *Restore a copy…* picks a good copy of the data file; *Start empty* keeps the unreadable file
beside a new, empty one. *Decide later* closes the dialog; the choice is offered again at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout

from exadesk.foundation import messages
from exadesk.foundation.errors import StorageError


class DataFileDialog(QDialog):
    """Signals nothing: after :meth:`exec`, ``chosen`` is "restore", "empty" or "" (decide later)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.chosen = ""
        loaded = session.load_result
        if loaded.newer is not None:
            self.problem = messages.problem("storage.newer_window", **loaded.newer)
            self.setWindowTitle(self.tr("The data file is from a newer ExaDesk"))
        else:
            self.problem = messages.problem("storage.corrupt_window", kept=str(loaded.kept))
            self.setWindowTitle(self.tr("The data file could not be read"))
        layout = QVBoxLayout(self)
        self.text = QLabel(self.problem.message)
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(520)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
        layout.addWidget(self.text)
        self.choices = QLabel(self.problem.next_step)
        self.choices.setWordWrap(True)
        layout.addWidget(self.choices)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("&Restore a copy…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.empty_button = buttons.addButton(self.tr("&Start empty"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = buttons.addButton(self.tr("Decide &later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.choose_copy)
        self.empty_button.clicked.connect(self.start_empty)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def choose_copy(self, path: str | None = None) -> bool:
        """Restore from ``path`` (asked for when None); a copy that does not load is refused and said why."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a copy of the data file"),
                                                  str(self.session.store.path.parent), self.tr("ExaDesk data (*.json)"))
            if not path:
                return False
        try:
            self.session.store.restore(path)
        except StorageError as exc:
            self.error.setText(exc.problem.text())
            self.error.setVisible(True)
            return False
        self.chosen = "restore"
        self.session.reload()
        self.accept()
        return True

    def start_empty(self) -> None:
        self.session.store.start_empty()
        self.chosen = "empty"
        self.session.reload()
        self.accept()
