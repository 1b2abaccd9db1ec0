"""The About dialog (exadesk/ui/about.py): version, keychain backend and folders, copied for support."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

import exadesk
from exadesk.foundation import paths
from exadesk.store import keychain
from exadesk.ui.about import AboutDialog, gather_details, show_about

pytestmark = pytest.mark.gui


def test_details_name_version_keychain_and_folders(memory_keyring, exadesk_home):
    details = gather_details()
    assert details.version == exadesk.__version__
    assert details.keychain == keychain.backend_name(memory_keyring)
    assert "MemoryKeyring" in details.keychain
    assert details.data_dir == paths.config_dir() == exadesk_home / "config"
    assert details.log_dir == paths.log_dir() == exadesk_home / "logs"
    assert "Python 3." in details.runtime and "Qt 6." in details.runtime


def test_missing_keychain_is_said_plainly(exadesk_home):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        details = gather_details()
    finally:
        keyring.set_keyring(previous)
    assert "none found" in details.keychain and "cannot be saved" in details.keychain


def test_dialog_shows_the_details_and_copies_them(qtbot, memory_keyring, exadesk_home):
    memory_keyring.set_password("exadesk:made-up-instance", "token", "about-dialog-secret-7f3a")
    (exadesk_home / "config").mkdir(parents=True)
    dialog = show_about(None)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert f"Version {exadesk.__version__}" in dialog.title_label.text()
    assert dialog.keychain_label.text() == keychain.backend_name(memory_keyring)
    assert dialog.data_label.text() == str(exadesk_home / "config")
    assert dialog.log_label.text() == str(exadesk_home / "logs")
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    copied = QGuiApplication.clipboard().text()
    assert f"ExaDesk {exadesk.__version__}" in copied and str(exadesk_home / "logs") in copied
    assert "about-dialog-secret-7f3a" not in copied


def test_open_buttons_only_for_folders_that_exist(qtbot, exadesk_home):
    from PySide6.QtWidgets import QPushButton

    (exadesk_home / "config").mkdir(parents=True)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    buttons = {button.accessibleName(): button.isEnabled() for button in dialog.findChildren(QPushButton)
               if button.accessibleName().startswith("Open")}
    assert buttons == {f"Open the folder {exadesk_home / 'config'}": True,
                       f"Open the folder {exadesk_home / 'logs'}": False}
