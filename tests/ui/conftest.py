"""Fixtures for the window tests: a session over the test's EXADESK_HOME, the main window, wizard drivers.

Qt warnings fail these tests (pytest-qt's qt_log_level_fail), except the offscreen
platform's note that it cannot propagate size hints.
"""

from __future__ import annotations

import sys

import pytest

from exadesk.store.model import Instance, Workspace

PySide6 = pytest.importorskip("PySide6")

#: PySide6 6.12.0 on Python 3.11 drops a reference to None/True/False on every call and crashes the
#: interpreter within seconds; pyproject.toml excludes it, but a machine may still have it installed.
BROKEN_PYSIDE = PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/ui/" not in str(item.fspath).replace("\\", "/"):
            continue
        if BROKEN_PYSIDE and "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.skip(reason="PySide6 6.12.0 on Python 3.11 crashes (refcount bug); "
                                                    "install the version pyproject.toml allows"))
        item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
        item.add_marker(pytest.mark.qt_log_ignore(r"propagateSizeHints"))


@pytest.fixture
def session(qapp):
    from exadesk.ui import theme
    from exadesk.ui.session import Session

    theme.apply(qapp, "light")
    s = Session()
    yield s
    s.shutdown()


@pytest.fixture
def window(qtbot, session):
    from exadesk.ui.main_window import MainWindow

    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # Menus' actions, shortcuts and the catalogue come right after the first paint: wait for them as a person would.
    qtbot.waitUntil(lambda: win._after_paint_done, timeout=5000)
    yield win
    session.workers.cancel_all()
    session.workers.wait(10000)


@pytest.fixture
def workspace_id(window):
    return window.create_workspace("Acme")


@pytest.fixture
def acme(window):
    """Workspace Acme with a Jira and a GitHub instance and an administrator's own credential on each."""
    jira = Instance(tracker="jira_cloud", name="Jira", url="https://acme.atlassian.net", auth_method="api_token")
    repo = Instance(tracker="github", name="Repo", url="https://github.com", auth_method="classic")
    dana = Instance(tracker="jira_cloud", name="Dana on Jira", url="https://acme.atlassian.net",
                    auth_method="api_token", role="admin")
    other = Instance(tracker="github", name="Rey on GitHub", url="https://github.com", auth_method="classic",
                     role="admin")
    ws = Workspace(name="Acme", instances=[jira, repo, dana, other])
    window.session.update(lambda d: d.workspaces.append(ws), select=ws.id)
    return ws
