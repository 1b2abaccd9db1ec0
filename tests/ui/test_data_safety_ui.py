"""Issue 20 in the window: names and keychain order hold (items 6 and 11): the wizard refuses a name with control
characters, stores a new instance's secrets under a claim, and removing an instance writes the data file before
deleting its secrets.

The unreadable data file's dialog (item 5) is tested in tests/ui/test_data_file_dialog.py.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from exadesk.store import keychain, recovery
from exadesk.store.model import Instance
from exadesk.store.storage import Store
from tests.helpers.wizard import demo_answers, fill_wizard, open_wizard, run_verification


def test_the_wizard_refuses_a_name_with_control_characters(qtbot, window, workspace_id, emulators, memory_keyring):
    emulator = emulators.start("github")
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    wizard.flow.name = "Prod\x1b]0;owned\x07"
    run_verification(qtbot, wizard)
    assert not wizard.save(offline=False)
    assert window.session.data.workspace(workspace_id).instances == []
    assert memory_keyring.entries == {}, "no secret was stored for an instance that was refused"
    wizard.flow.name = "Prod"
    assert wizard.save(offline=False)
    [inst] = window.session.data.workspace(workspace_id).instances
    assert memory_keyring.entries[(keychain.SERVICE, f"{inst.id}/token")] == emulator.demo_secrets["token"]
    assert not list(recovery.claims_dir(window.session.store).glob("*.json"))


def test_removing_writes_the_data_file_before_deleting_secrets(qtbot, window, workspace_id, memory_keyring,
                                                               monkeypatch):
    inst = Instance(tracker="github", name="Ordered", url="https://github.com", auth_method="classic",
                    secret_fields=["token"])
    window.session.secrets.set(inst.id, "token", "ghp_" + "R" * 36)
    window.session.update(lambda data: data.workspace(workspace_id).instances.append(inst), select=inst.id)
    seen = []
    real_delete = window.session.secrets.delete

    def delete(instance_id, fields):
        seen.append([i.id for w in Store().load().data.workspaces for i in w.instances])
        return real_delete(instance_id, fields)

    monkeypatch.setattr(window.session.secrets, "delete", delete)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.remove_instance(inst.id)
    assert seen and inst.id not in seen[0], "the secret was deleted while the data file still held the instance"
    assert (keychain.SERVICE, f"{inst.id}/token") not in memory_keyring.entries
