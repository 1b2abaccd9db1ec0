"""The command line's entry (exadesk/cli.py): version, help, unknown commands, and the data file's state said by
every command."""

from __future__ import annotations


def test_version_and_help(cli):
    assert cli("--version").code == 0
    result = cli("check", "--help")
    assert result.code == 0 and "Exit codes" in result.out


def test_unknown_command_is_a_usage_error(cli):
    result = cli("frobnicate")
    assert result.code == 2 and "--help" in result.err


def test_corrupt_data_file_is_reported_and_kept(cli, exadesk_home):
    path = exadesk_home / "config" / "exadesk.json"
    path.parent.mkdir(parents=True)
    path.write_text("{torn")
    result = cli("list")
    assert result.code == 0
    assert "could not be read" in result.err
    assert any("unreadable" in p.name for p in path.parent.iterdir())
