"""The About dialog: the version, the keychain in use and where ExaDesk keeps its files.

What support staff ask for first, in one place, with a button to copy it. Nothing secret
is shown: the keychain's name, never its contents.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from exadesk import __version__
from exadesk.foundation import paths
from exadesk.foundation.records import dataclass
from exadesk.store import keychain

APP_ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "exadesk.svg"


@dataclass(frozen=True)
class AboutDetails:
    """What the dialog shows, gathered without widgets."""

    version: str
    keychain: str
    data_dir: Path
    log_dir: Path
    runtime: str

    def as_text(self) -> str:
        """Plain text for a support ticket."""
        return "\n".join((
            f"ExaDesk {self.version}",
            f"Keychain: {self.keychain}",
            f"Data folder: {self.data_dir}",
            f"Logs folder: {self.log_dir}",
            f"Runtime: {self.runtime}",
        ))


def gather_details() -> AboutDetails:
    """Read the version, keychain backend and folders now in use."""
    try:
        store = keychain.SecretStore()
        backend = store.name if store.available() else QCoreApplication.translate(
            "AboutDialog", "none found: secrets cannot be saved on this machine")
    except Exception as exc:  # a broken keyring configuration must not stop the dialog opening
        backend = QCoreApplication.translate("AboutDialog", "not available ({kind})").format(kind=type(exc).__name__)
    frozen = QCoreApplication.translate("AboutDialog", ", installed app") if getattr(sys, "frozen", False) else ""
    runtime = f"Python {platform.python_version()}, Qt {qVersion()}, {platform.system()} {platform.release()}{frozen}"
    return AboutDetails(__version__, backend, paths.config_dir(), paths.log_dir(), runtime)


class AboutDialog(QDialog):
    """Version, keychain and folders, with buttons to open the folders and copy the details.

    Attributes:
        details: what is shown (also what "Copy details" copies).
    """

    def __init__(self, parent: QWidget | None = None, details: AboutDetails | None = None):
        super().__init__(parent)
        self.details = details or gather_details()
        self.setWindowTitle(self.tr("About ExaDesk"))
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QIcon(str(APP_ICON)).pixmap(64, 64))
        icon.setAccessibleName(self.tr("ExaDesk icon"))
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.title_label = title = QLabel(self.tr("<b style='font-size:16pt'>ExaDesk</b><br>Version {version}").format(
            version=self.details.version))
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        blurb = QLabel(self.tr("Sets up and verifies the accounts two-way sync integrations use. "
                          "Checks only read from your trackers; secrets stay in your keychain."))
        blurb.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(blurb)
        header.addLayout(text, 1)
        layout.addLayout(header)

        form = QFormLayout()
        self.keychain_label = self._value(self.details.keychain)
        self.data_label = self._value(str(self.details.data_dir))
        self.log_label = self._value(str(self.details.log_dir))
        form.addRow(self.tr("Keychain:"), self.keychain_label)
        form.addRow(self.tr("Data folder:"), self._with_open_button(self.data_label, self.details.data_dir))
        form.addRow(self.tr("Logs folder:"), self._with_open_button(self.log_label, self.details.log_dir))
        form.addRow(self.tr("Runtime:"), self._value(self.details.runtime))
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Copy the version, keychain and folders, e.g. for a support ticket"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _with_open_button(self, label: QLabel, folder: Path) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(label, 1)
        button = QPushButton(self.tr("Open"))
        button.setAccessibleName(self.tr("Open the folder {folder}").format(folder=folder))
        # A folder that does not exist yet (nothing saved so far) cannot be opened.
        button.setEnabled(folder.is_dir())
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        box.addWidget(button)
        return row

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.as_text())


def show_about(parent: QWidget | None = None) -> AboutDialog:
    """Open the About dialog, modal to ``parent``, and return it without waiting for it to close."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
