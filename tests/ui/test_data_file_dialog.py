"""The unreadable data file's dialog (exadesk/ui/data_file_dialog.py), issue 20 item 5: the window says the file
could not be read, saves nothing, and a dialog offers *Restore a copy…* and *Start empty* (the unreadable file is
kept either way); a file from a newer ExaDesk names its writer.
"""

from __future__ import annotations

import json

import pytest

from exadesk.foundation import paths
from exadesk.store.model import Workspace
from exadesk.store.storage import Store, encode

BROKEN = b'{"schema_version": 2, "workspaces": [{"name": "half'


@pytest.fixture
def broken_home():
    """An unreadable data file, made before the ``window`` fixture opens the session over it."""
    paths.data_file().parent.mkdir(parents=True, exist_ok=True)
    paths.data_file().write_bytes(BROKEN)


def test_an_unreadable_file_offers_restore_and_start_empty(qtbot, broken_home, window, tmp_path):
    win = window
    qtbot.waitUntil(lambda: getattr(win, "data_file_dialog", None) is not None and win.data_file_dialog.isVisible())
    dialog = win.data_file_dialog
    assert "could not read" in dialog.text.text() and "unreadable-" in dialog.text.text()
    assert "Restore a copy" in dialog.choices.text() and "Start empty" in dialog.choices.text()
    assert {b.text() for b in (dialog.restore_button, dialog.empty_button, dialog.later_button)} == {
        "&Restore a copy…", "&Start empty", "Decide &later"}
    # Until the person chooses, nothing is saved over the unreadable file.
    shown = []
    win.session.problem.disconnect()
    win.session.problem.connect(shown.append)
    assert not win.session.update(lambda d: d.workspaces.append(Workspace(name="Lost")))
    assert shown and shown[0].reason == "storage.unreadable_write"
    assert paths.data_file().read_bytes() == BROKEN
    # A copy that does not load is refused in the dialog, which stays open.
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{nope")
    assert not dialog.choose_copy(str(bad))
    assert dialog.error.isVisible() and "Nothing was changed" in dialog.error.text() and dialog.isVisible()
    good = tmp_path / "good.json"
    good.write_bytes(encode(Store(tmp_path / "x.json").load().data.__class__(workspaces=[Workspace(name="Saved")])))
    assert dialog.choose_copy(str(good))
    assert [w.name for w in win.session.data.workspaces] == ["Saved"] and win.session.load_blocked is None
    assert win.session.update(lambda d: d.workspaces.append(Workspace(name="Works again")))
    kept = [p for p in paths.config_dir().iterdir() if ".unreadable-" in p.name]
    assert [p.read_bytes() for p in kept] == [BROKEN]


def test_start_empty_in_the_window_keeps_the_file(qtbot, broken_home, window):
    win = window
    qtbot.waitUntil(lambda: getattr(win, "data_file_dialog", None) is not None and win.data_file_dialog.isVisible())
    win.data_file_dialog.empty_button.click()
    assert win.data_file_dialog.chosen == "empty" and not win.data_file_dialog.isVisible()
    assert win.session.load_blocked is None and win.session.data.workspaces == []
    assert win.create_workspace("Fresh")
    assert json.loads(paths.data_file().read_text())["workspaces"][0]["name"] == "Fresh"


@pytest.fixture
def newer_home():
    """A data file from a newer ExaDesk, made before the ``window`` fixture opens the session over it."""
    paths.data_file().parent.mkdir(parents=True, exist_ok=True)
    paths.data_file().write_text(json.dumps({"schema_version": 9, "app_version": "7.3.1", "workspaces": []}))


def test_a_newer_file_names_its_writer_in_the_dialog(qtbot, newer_home, window):
    qtbot.waitUntil(lambda: getattr(window, "data_file_dialog", None) is not None
                    and window.data_file_dialog.isVisible())
    assert "ExaDesk 7.3.1" in window.data_file_dialog.text.text()
    assert window.data_file_dialog.windowTitle() == "The data file is from a newer ExaDesk"
    window.data_file_dialog.later_button.click()
    shown = []
    window.session.problem.disconnect()
    window.session.problem.connect(shown.append)
    assert not window.session.update(lambda d: d.workspaces.append(Workspace(name="Lost")))
    assert shown and shown[0].reason == "storage.newer_write"
    assert json.loads(paths.data_file().read_text())["schema_version"] == 9
