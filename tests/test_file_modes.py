"""ExaDesk's folders and its log are the owner's only, also when they already existed with looser modes."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from exadesk.foundation import logs, paths
from exadesk.store.storage import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def fresh_logging(monkeypatch):
    monkeypatch.setattr(logs, "_configured", False)
    root = logging.getLogger("exadesk")
    before = list(root.handlers)
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_existing_open_folders_are_tightened_and_the_log_is_private(loose_umask, fresh_logging):
    config, log_dir = paths.config_dir(), paths.log_dir()
    for folder in (config, log_dir):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
    old_log = log_dir / "exadesk.log"
    old_log.write_text("an older line\n")
    old_log.chmod(0o644)

    Store().load()
    logs.setup()
    logging.getLogger("exadesk.test").warning("a line")

    assert _mode(config) == 0o700
    assert _mode(log_dir) == 0o700
    assert _mode(old_log) == 0o600
    assert "a line" in old_log.read_text() and "an older line" in old_log.read_text()


def test_a_new_log_is_private_whatever_the_umask(loose_umask, fresh_logging):
    logs.setup()
    logging.getLogger("exadesk.test").warning("first line")
    assert _mode(paths.log_dir() / "exadesk.log") == 0o600
    assert _mode(paths.log_dir()) == 0o700
