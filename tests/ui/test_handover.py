"""Handover bundles in the window (exadesk/ui/handover.py): export with or without secrets, and the import preview
before anything is written."""

from __future__ import annotations

import json

import pytest

from exadesk.services import bundle
from exadesk.store.model import Instance, Workspace
from exadesk.store.storage import Store

TOKEN = "ghp_bundleUiMadeUp4Hs8Kq2Wn6Zr1Tx5Lc9Vb"
PASSPHRASE = "horse battery staple 42"


@pytest.fixture
def acme(window, workspace_id):
    inst = Instance(tracker="github", name="GitHub prod", url="https://github.com", auth_method="classic",
                    secret_fields=["token"])
    window.session.secrets.set(inst.id, "token", TOKEN)
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(inst))
    window.sidebar.select(workspace_id)
    return inst


def _export(window, path, passphrase=None):
    dialog = window.export_bundle()
    dialog.path_row.edit.setText(str(path))
    if passphrase:
        dialog.include.setChecked(True)
        dialog.passphrase.setText(passphrase)
        dialog.again.setText(passphrase)
    assert dialog.export()
    return dialog


def test_export_leaves_secrets_out_by_default(window, acme, tmp_path):
    dialog = window.export_bundle()
    assert dialog.include.text() == "&Include the secret, encrypted with a passphrase"
    assert not dialog.include.isChecked() and not dialog.secret_box.isVisibleTo(dialog)
    dialog.path_row.edit.setText(str(tmp_path / "acme"))
    dialog.export_button.click()
    raw = (tmp_path / "acme.exadesk").read_bytes()
    assert TOKEN.encode() not in raw and json.loads(raw)["secrets"] is None
    assert window.statusBar().currentMessage() == f"Bundle written to {tmp_path / 'acme.exadesk'}."


def test_the_passphrase_is_typed_twice_and_long_enough(window, acme, tmp_path):
    dialog = window.export_bundle()
    dialog.include.setChecked(True)
    assert dialog.secret_box.isVisibleTo(dialog) and not dialog.export_button.isEnabled()
    dialog.passphrase.setText("short")
    assert dialog.hint.text().startswith(f"At least {bundle.MIN_PASSPHRASE} characters (5 so far).")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "x")
    assert dialog.hint.text() == "The two passphrases differ." and not dialog.export_button.isEnabled()
    dialog.again.setText(PASSPHRASE)
    assert dialog.hint.text() == "The passphrases match." and dialog.export_button.isEnabled()
    dialog.path_row.edit.setText(str(tmp_path / "acme.exadesk"))
    dialog.export_button.click()
    raw = (tmp_path / "acme.exadesk").read_bytes()
    assert TOKEN.encode() not in raw and json.loads(raw)["secrets"]["cipher"] == "AES-256-GCM"


def test_a_secret_missing_from_the_keychain_is_shown_in_the_dialog(window, acme, tmp_path):
    window.session.secrets.delete(acme.id, ["token"])
    dialog = window.export_bundle()
    dialog.path_row.edit.setText(str(tmp_path / "acme.exadesk"))
    dialog.include.setChecked(True)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE)
    assert not dialog.export()
    assert "The token of GitHub prod is not in the keychain" in dialog.problem_view.message.text()
    assert not (tmp_path / "acme.exadesk").exists()


def test_import_shows_the_preview_then_asks_for_the_passphrase(window, acme, tmp_path, memory_keyring):
    _export(window, tmp_path / "acme.exadesk", PASSPHRASE)
    dialog = window.import_bundle(str(tmp_path / "acme.exadesk"))
    preview = dialog.preview.toPlainText()
    assert preview.splitlines() == bundle.plan_import(window.session.data, dialog.bundle).lines()
    assert preview.startswith("Workspace 'Acme (imported)' will be added with 1 instance and 0 connections.")
    assert "1 secret will go into this machine's keychain once the passphrase checks out." in preview
    assert Store().load().data.workspace("Acme (imported)") is None  # nothing written yet
    assert dialog.pass_row.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    dialog.passphrase.setText("a wrong passphrase!")
    assert not dialog.do_import()
    assert dialog.problem_view.message.text() == "The passphrase does not open the secrets in acme.exadesk."
    assert Store().load().data.workspace("Acme (imported)") is None
    dialog.passphrase.setText(PASSPHRASE)
    assert dialog.problem_view.isHidden()
    dialog.import_button.click()
    data = Store().load().data
    imported = data.workspace("Acme (imported)")
    assert imported is not None and window.sidebar.current_id() == imported.id
    assert window.session.secrets.get(imported.instances[0].id, "token") == TOKEN
    assert window.statusBar().currentMessage() == "Imported Acme (imported)."


def test_importing_without_the_secrets_needs_no_passphrase(window, acme, tmp_path):
    _export(window, tmp_path / "acme.exadesk", PASSPHRASE)
    dialog = window.import_bundle(str(tmp_path / "acme.exadesk"))
    dialog.with_secrets.setChecked(False)
    assert not dialog.pass_row.isVisibleTo(dialog) and dialog.import_button.isEnabled()
    assert "1 secret is not in the bundle; enter it again before verifying." in dialog.preview.toPlainText()
    assert dialog.do_import()


@pytest.mark.parametrize("damage, expected", [
    (lambda top: top["payload"]["workspace"].update(name="Evil"), "is damaged or was changed after it was exported"),
    (lambda top: top.update(version=bundle.VERSION + 1),
     "was made by a newer ExaDesk (bundle format 2; this version reads up to 1)"),
])
def test_a_tampered_or_newer_file_is_refused_with_a_plain_message(window, acme, tmp_path, damage, expected):
    path = tmp_path / "acme.exadesk"
    _export(window, path)
    top = json.loads(path.read_text())
    damage(top)
    path.write_text(json.dumps(top))
    dialog = window.import_bundle(str(path))
    assert dialog.bundle is None
    assert dialog.heading.text() == "This file cannot be imported. Nothing was changed."
    assert expected in dialog.problem_view.message.text()
    assert not dialog.import_button.isVisibleTo(dialog) and not dialog.preview.isVisibleTo(dialog)


def test_import_chooses_the_file_through_an_open_dialog(window, acme, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    _export(window, tmp_path / "acme.exadesk")
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a: asked.append(a[3]) or (str(tmp_path / "acme.exadesk"), ""))
    window.import_action.trigger()
    assert asked == ["ExaDesk bundles (*.exadesk);;All files (*)"]
    assert window.bundle_dialog.preview.toPlainText().startswith("Workspace 'Acme (imported)'")
    window.bundle_dialog.reject()
    assert [w.name for w in Store().load().data.workspaces] == ["Acme"]


def test_a_workspace_bundle_carries_connections_into_the_preview(window, tmp_path):
    a = Instance(tracker="github", name="A", url="https://github.com", auth_method="classic")
    b = Instance(tracker="jira_cloud", name="B", url="https://b.atlassian.net", auth_method="api_token")
    from exadesk.store.model import Connection

    ws = Workspace(name="Linked", instances=[a, b], connections=[Connection(name="A to B", left=a.id, right=b.id)])
    path = tmp_path / "linked.exadesk"
    path.write_bytes(bundle.export_workspace(ws))
    dialog = window.import_bundle(str(path))
    assert "  + connection A to B" in dialog.preview.toPlainText().splitlines()
