"""Where ExaDesk keeps its files (exadesk/foundation/paths.py): EXADESK_HOME moves everything; folders are private."""

from __future__ import annotations

import os
import stat

import pytest

from exadesk.foundation import paths


def test_exadesk_home_holds_every_folder(exadesk_home):
    assert paths.config_dir() == exadesk_home / "config"
    assert paths.log_dir() == exadesk_home / "logs"
    assert paths.data_file() == exadesk_home / "config" / "exadesk.json"
    assert paths.all_dirs() == [paths.config_dir(), paths.log_dir()]


def test_a_home_with_a_tilde_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("EXADESK_HOME", "~/exa")
    assert paths.home_override() == tmp_path / "exa"


def test_without_exadesk_home_the_platform_folders_are_used(monkeypatch, tmp_path):
    monkeypatch.delenv("EXADESK_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert paths.home_override() is None
    assert paths.config_dir() == tmp_path / "cfg" / "exadesk"
    assert str(paths.log_dir()).startswith(str(tmp_path))


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_make_private_creates_and_tightens_folders(tmp_path):
    fresh = paths.make_private(tmp_path / "new" / "folder")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    paths.make_private(loose)
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700
