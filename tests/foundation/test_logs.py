"""The log file (exadesk/foundation/logs.py): records held until the file opens, a private rotating file, quiet
urllib3."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from exadesk.foundation import logs, paths


@pytest.fixture
def fresh_logging():
    """logs.setup configures the process once: give this test a fresh start and put everything back after."""
    root = logging.getLogger("exadesk")
    saved = list(root.handlers), root.level, logs._configured, logs._held
    logs._configured, logs._held = False, None
    yield root
    for handler in root.handlers:
        if handler not in saved[0]:
            handler.close()
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    logs._configured, logs._held = saved[2], saved[3]


def _log_file():
    return paths.log_dir() / "exadesk.log"


def test_records_held_before_setup_reach_the_file(fresh_logging):
    logs.hold()
    logging.getLogger("exadesk.test").info("before the file opened")
    assert not _log_file().exists()
    logs.setup()
    logging.getLogger("exadesk.test").info("after it opened")
    for handler in fresh_logging.handlers:
        handler.flush()
    text = _log_file().read_text(encoding="utf-8")
    assert text.index("before the file opened") < text.index("after it opened")
    assert not any(isinstance(h, logs._Held) for h in fresh_logging.handlers)


def test_setup_runs_once(fresh_logging):
    logs.setup()
    count = len(fresh_logging.handlers)
    logs.setup()
    logs.hold()  # too late to hold: the file is open
    assert len(fresh_logging.handlers) == count


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_log_file_and_its_folder_are_the_owners_only(fresh_logging):
    old = os.umask(0o022)
    try:
        logs.setup()
        logging.getLogger("exadesk.test").warning("one line")
    finally:
        os.umask(old)
    assert stat.S_IMODE(_log_file().stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.log_dir().stat().st_mode) == 0o700


def test_urllib3_is_kept_at_warnings(fresh_logging):
    logs.setup()
    assert logging.getLogger("urllib3").level == logging.WARNING


def test_a_home_that_cannot_hold_logs_does_not_stop_a_command(fresh_logging, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("EXADESK_HOME", str(blocker))
    logs.setup()  # no exception
    logging.getLogger("exadesk.test").info("nowhere to go")
