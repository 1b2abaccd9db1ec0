"""Shared fixtures: an isolated ExaDesk home, an in-memory keychain, emulators on free ports."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import keyring
import pytest

from exadesk.foundation import clock
from exadesk.sandbox.memory_keyring import MemoryKeyring
from tests.helpers.cli import CliRunner
from tests.helpers.emulators import EmulatorFactory


#: The instant every test runs at unless ``--clock`` (or EXADESK_TEST_CLOCK) names another: no test sees today's date.
DEFAULT_CLOCK = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


def pytest_addoption(parser):
    parser.addoption("--clock", metavar="YYYY-MM-DD", default=os.environ.get("EXADESK_TEST_CLOCK") or None,
                     help="run every test at this date (or ISO date-time) instead of "
                          f"{DEFAULT_CLOCK:%Y-%m-%d %H:%M} UTC; also EXADESK_TEST_CLOCK")


def pytest_configure(config):
    # Pinned from the start, so what is built before any test (collection, module and session fixtures such as a
    # running demo) sees the same instant as the tests; a CLI run as a separate process inherits EXADESK_CLOCK.
    at = _test_instant(config)
    os.environ[clock.ENV_VAR] = at.isoformat()
    clock.set_source(lambda: at)


def pytest_report_header(config):
    return f"exadesk clock pinned at {_test_instant(config).isoformat()}"


def _test_instant(config) -> datetime:
    text = config.getoption("--clock")
    if not text:
        return DEFAULT_CLOCK
    at = clock.parse_instant(text)
    # A bare date runs at the default time of day, so a test's "in 3 hours" stays on that date.
    return at.replace(hour=DEFAULT_CLOCK.hour) if len(text.strip()) == 10 else at


@pytest.fixture(autouse=True)
def pinned_clock(request, monkeypatch):
    """Every test runs with ExaDesk's clock pinned (emulator threads share it), even after an earlier test
    changed it; a CLI run as a separate process gets the same instant through EXADESK_CLOCK."""
    at = _test_instant(request.config)
    monkeypatch.setenv(clock.ENV_VAR, at.isoformat())
    with clock.pinned(at):
        yield at


@pytest.fixture(autouse=True)
def exadesk_home(tmp_path, monkeypatch, request):
    """Every test gets its own EXADESK_HOME; nothing touches the real user folders."""
    home = tmp_path / "exadesk-home"
    monkeypatch.setenv("EXADESK_HOME", str(home))
    for var in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return home


@pytest.fixture(autouse=True)
def memory_keyring(request):
    """An in-memory keychain unless the test is marked secret_service."""
    if request.node.get_closest_marker("secret_service"):
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def emulators():
    """Start emulators: ``emulators.start("github", scenario)``; all are stopped after the test."""
    factory = EmulatorFactory()
    yield factory
    factory.stop_all()


@pytest.fixture
def cli(capsys):
    """Run the exadesk CLI in-process: ``result = cli("check", "github", ...)``."""
    return CliRunner(capsys)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("EXADESK_SECRET_SERVICE") == "1":
        return
    skip = pytest.mark.skip(reason="needs a real Secret Service: run through the README's test command")
    for item in items:
        if item.get_closest_marker("secret_service"):
            item.add_marker(skip)
