"""Workspace actions in the window (exadesk/ui/window_workspaces.py): create, rename, archive, each refusal said."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from exadesk.store.storage import Store


def _warnings(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    return said


def test_create_selects_the_new_workspace_and_refuses_a_taken_name(window, monkeypatch):
    said = _warnings(monkeypatch)
    ws_id = window.create_workspace("Acme")
    assert ws_id and window.current_workspace().id == ws_id
    assert window.create_workspace("acme") == ""
    assert len(said) == 1 and said[0].endswith(".")
    assert [w.name for w in Store().load().data.workspaces] == ["Acme"]


def test_rename_and_archive_then_restore(window, monkeypatch):
    said = _warnings(monkeypatch)
    acme = window.create_workspace("Acme")
    window.create_workspace("Globex")
    assert window.rename_workspace(acme, "Acme Corp")
    assert not window.rename_workspace(acme, "Globex") and said  # taken
    assert window.archive_workspace(acme)
    assert "Acme Corp archived" in window.statusBar().currentMessage()
    assert Store().load().data.workspace(acme).archived
    assert window.current_workspace().name == "Globex"  # the sidebar moved to one still shown
    assert window.archive_workspace(acme, archived=False)
    assert window.statusBar().currentMessage() == "Acme Corp restored."
    assert not Store().load().data.workspace(acme).archived


def test_nothing_to_rename_or_archive_without_a_workspace(window):
    assert not window.rename_workspace("no-such-id", "X")
    assert not window.archive_workspace("no-such-id")
