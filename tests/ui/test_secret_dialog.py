"""Replacing a secret (exadesk/ui/secret_dialog.py): Save waits for a value, which goes to the keychain and is
verified."""

from __future__ import annotations

from exadesk.store import keychain
from exadesk.store.model import Instance
from tests.helpers.window import add_instance


def test_replace_secret_stores_the_new_value_and_verifies(qtbot, window, workspace_id, emulators, memory_keyring):
    emulator = emulators.start("github")
    inst = add_instance(window, workspace_id, Instance(tracker="github", name="Rotated", url=emulator.url,
                                                       auth_method="classic", secret_fields=["token"],
                                                       scope=["acme/website"]),
                        {"token": "ghp_" + "O" * 36})
    dialog = window.replace_secret(inst.id)
    row = dialog.rows["token"]
    from PySide6.QtWidgets import QDialogButtonBox

    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    qtbot.keyClicks(row.input.edit, emulator.demo_secrets["token"])
    assert save.isEnabled()
    save.click()
    assert memory_keyring.entries[(keychain.SERVICE, f"{inst.id}/token")] == emulator.demo_secrets["token"]
    qtbot.waitUntil(lambda: window.instance_page.badge.text() == "Verified", timeout=15000)
