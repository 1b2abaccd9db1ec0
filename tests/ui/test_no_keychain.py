"""A desktop with no Secret Service running: the sandbox still works, and Settings says which one to install or
start, in full."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail


@pytest.fixture
def no_keychain():
    """What keyring picks when no Secret Service is running (the memory_keyring fixture restores the previous)."""
    keyring.set_keyring(fail.Keyring())


def test_the_sandbox_works_without_a_keychain_and_keeps_its_made_up_credentials_in_memory(qtbot, no_keychain,
                                                                                         window, monkeypatch):
    from exadesk import sandbox

    assert window.session.secrets.problem() is not None, "no keychain is usable in this test"
    refusals = []
    monkeypatch.setattr(window, "show_problem", refusals.append)  # instead of a modal box the test would wait on
    window.first_run.sandbox_button.click()
    try:
        assert not refusals, refusals[0].text()
        assert "kept in memory until ExaDesk closes" in window.statusBar().currentMessage()
        ws = window.session.data.workspace("Sandbox demo")
        assert ws is not None
        assert {i.tracker for i in ws.instances} == set(sandbox.available())
        for inst in ws.instances:
            for name in inst.secret_fields:
                assert window.session.secrets.get(inst.id, name), f"{inst.name}: {name} was not kept"
        github = next(i for i in ws.instances if i.tracker == "github" and i.name == "GitHub sandbox")
        assert window.session.secrets.get(github.id, "token") == window.session.demo.emulators["github"].demo_secrets[
            "token"]
        window.sidebar.select(github.id)
        window.instance_page.verify_button.click()
        qtbot.waitUntil(lambda: window.instance_page.badge.text() == "Verified", timeout=15000)
        # A real credential is not kept in memory: it still needs the keychain, and says so.
        from exadesk.foundation.errors import KeychainError

        with pytest.raises(KeychainError) as refused:
            window.session.secrets.set("a-real-instance", "token", "ghp_" + "R" * 36)
        assert refused.value.problem.reason == "keychain.no_backend"
    finally:
        window.session.shutdown()


def test_settings_show_the_whole_no_keychain_advice_and_every_field_in_full(qtbot, no_keychain, window):
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    label = dialog.keychain_label
    assert "No system keychain" in label.text() and "GNOME Keyring" in label.text()
    assert label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width()), "the sentence is cut"
    for field in (dialog.proxy_edit, dialog.ca_edit, dialog.timeout, dialog.theme_combo):
        assert field.height() >= field.minimumSizeHint().height(), f"{field.accessibleName()} is squeezed"
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
