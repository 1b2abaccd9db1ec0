"""The window's session (exadesk/ui/session.py): the data file through one store, writes in order, problems said."""

from __future__ import annotations

import pytest

from exadesk.foundation import paths
from exadesk.foundation.errors import ErrorKind, Problem, StorageError
from exadesk.store.model import Workspace
from exadesk.store.storage import Store


def test_an_update_writes_the_file_and_says_what_to_select(session, qtbot):
    with qtbot.waitSignal(session.changed) as changed:
        assert session.update(lambda d: d.workspaces.append(Workspace(name="Acme", id="ws1")), select="ws1")
    assert changed.args == ["ws1"]
    assert [w.name for w in Store().load().data.workspaces] == ["Acme"]
    assert session.data.workspace("ws1") is not None


def test_background_writes_stay_in_order_and_reach_the_window(session, qtbot):
    for n in range(5):
        session.update_later(lambda d, n=n: d.workspaces.append(Workspace(name=f"W{n}")))
    assert session.flush(10000)
    assert [w.name for w in Store().load().data.workspaces] == [f"W{n}" for n in range(5)]
    qtbot.waitUntil(lambda: len(session.data.workspaces) == 5)


def test_a_refused_write_is_a_problem_signal_not_an_exception(session, qtbot):
    problem = Problem(ErrorKind.BAD_INPUT, "The data file is locked.", reason="storage.locked")

    def refuse():
        raise StorageError(problem)

    with qtbot.waitSignal(session.problem) as said:
        assert not session.write_with(refuse)
    assert said.args == [problem]


def test_a_disk_error_names_the_data_file(session, qtbot):
    def full():
        raise OSError(28, "No space left on device")

    with qtbot.waitSignal(session.problem) as said:
        assert not session.write_with(full, reread=False)
    assert said.args[0].reason == "ui.write_failed" and str(session.store.path) in said.args[0].message


def test_find_and_reload(session, qtbot):
    Store().update(lambda d: d.workspaces.append(Workspace(name="Written elsewhere")))
    assert session.data.workspaces == []
    with qtbot.waitSignal(session.changed):
        session.reload()
    assert [w.name for w in session.data.workspaces] == ["Written elsewhere"]
    assert session.find("no-such-id") is None


@pytest.fixture
def unreadable():
    paths.data_file().parent.mkdir(parents=True, exist_ok=True)
    paths.data_file().write_bytes(b"{torn")


def test_an_unreadable_file_blocks_saving_until_settled(unreadable, qapp):
    from exadesk.ui.session import Session

    session = Session()
    try:
        assert session.load_blocked is not None and session.data.workspaces == []
    finally:
        session.shutdown()
