"""Shared fixtures: an isolated ExaDesk home, an in-memory keychain, emulators on free ports."""

from __future__ import annotations

import os

import keyring
import pytest

from exadesk.sandbox.memory_keyring import MemoryKeyring
from tests.helpers.cli import CliRunner
from tests.helpers.emulators import EmulatorFactory


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
