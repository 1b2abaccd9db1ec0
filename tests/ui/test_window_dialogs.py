"""The window's dialogs glue (exadesk/ui/window_dialogs.py): removing an instance asks first."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from exadesk.store import keychain
from exadesk.store.model import Instance
from tests.helpers.window import add_instance, sidebar_rows


def test_remove_asks_first_and_deletes_the_keychain_entries(qtbot, window, workspace_id, memory_keyring,
                                                            monkeypatch):
    inst = add_instance(window, workspace_id, Instance(tracker="github", name="To remove", url="https://github.com",
                                                       auth_method="classic", secret_fields=["token"]),
                        {"token": "ghp_" + "D" * 36})
    key = (keychain.SERVICE, f"{inst.id}/token")
    assert key in memory_keyring.entries
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    window.instance_page.remove_button.click()
    assert asked and "deleted from the keychain" in asked[0]
    assert window.session.find(inst.id) and key in memory_keyring.entries
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.instance_page.remove_button.click()
    assert window.session.find(inst.id) is None
    assert key not in memory_keyring.entries
    assert "To remove" not in sidebar_rows(window)
