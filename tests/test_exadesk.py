"""The package itself (exadesk/__init__.py): its version and the id its folders and keychain entries are named by."""

from __future__ import annotations

import re
from importlib import metadata

import exadesk
from exadesk.foundation import paths
from exadesk.store import keychain


def test_the_version_is_the_installed_distributions():
    assert re.fullmatch(r"\d+\.\d+\.\d+", exadesk.__version__)
    assert metadata.version("exadesk") == exadesk.__version__  # pyproject reads it from here: one place


def test_the_app_id_names_the_keychain_service(monkeypatch):
    assert exadesk.APP_ID == "exadesk"
    assert keychain.SERVICE == exadesk.APP_ID


def test_without_exadesk_home_the_folders_are_named_by_the_app_id(monkeypatch, tmp_path):
    monkeypatch.delenv("EXADESK_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert paths.config_dir() == tmp_path / "config" / exadesk.APP_ID
