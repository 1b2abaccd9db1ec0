"""Fixtures of the command tests."""

from __future__ import annotations

import pytest

from exadesk.sandbox.github import DEMO_CLASSIC


@pytest.fixture
def token_env(monkeypatch):
    """The GitHub emulator's demo token in GH_TOKEN, as ``--secret-env GH_TOKEN`` reads it."""
    monkeypatch.setenv("GH_TOKEN", DEMO_CLASSIC)
    return "GH_TOKEN"
