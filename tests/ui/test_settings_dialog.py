"""The Settings dialog (exadesk/ui/settings_dialog.py): keychain, network, theme, and what to do without a keychain."""

from __future__ import annotations

from exadesk.store import keychain
from exadesk.store.storage import Store


def test_settings_show_the_keychain_and_save_network_and_theme(qtbot, window, tmp_path, qapp):
    dialog = window.open_settings()
    assert "MemoryKeyring" in dialog.keychain_label.text() or "Memory" in dialog.keychain_label.text()
    dialog.proxy_edit.setText("http://proxy.example.test:3128")
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog.ca_edit.setText(str(ca))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.save()
    settings = Store().load().data.settings
    assert settings.proxy == "http://proxy.example.test:3128" and settings.ca_bundle == str(ca)
    assert settings.theme == "dark"
    assert qapp.palette().color(qapp.palette().ColorRole.Window).lightness() < 128
    dialog = window.open_settings()
    dialog.reset()
    dialog.save()
    assert Store().load().data.settings.proxy == "" and Store().load().data.settings.theme == "system"


def test_settings_say_what_to_do_without_a_keychain(qtbot, window, monkeypatch):
    from exadesk.store import keychain

    monkeypatch.setattr(type(window.session.secrets), "problem",
                        lambda self: keychain.no_keychain("no keyring backend was found"))
    dialog = window.open_settings()
    assert "No system keychain" in dialog.keychain_label.text()
    assert "Secret Service" in dialog.keychain_label.text()
