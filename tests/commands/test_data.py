"""``exadesk data`` (exadesk/commands/data.py): restore a good copy or start empty when the data file is unreadable.

The unreadable-file cases end to end (every write refused, the file kept) are in tests/security/test_data_file.py.
"""

from __future__ import annotations

from exadesk.foundation import paths
from exadesk.store.storage import Store


def test_data_without_an_action_shows_its_help_and_is_a_usage_error(cli):
    result = cli("data")
    assert result.code == 2
    assert "restore" in result.out and "start-empty" in result.out


def test_start_empty_with_no_data_file_says_nothing_was_kept(cli):
    assert not paths.data_file().exists()
    result = cli("data", "start-empty")
    assert result.code == 0
    assert "nothing (there was no file)" in result.out
    assert Store().load().data.workspaces == []


def test_start_empty_keeps_a_good_file_too(cli):
    assert cli("workspace", "create", "Acme").code == 0
    before = paths.data_file().read_bytes()
    result = cli("data", "start-empty")
    assert result.code == 0
    kept = [p for p in paths.data_file().parent.iterdir() if p != paths.data_file() and p.suffix == ".json"]
    assert [p.read_bytes() for p in kept] == [before]  # nothing a person made is deleted
    assert str(kept[0]) in result.out
    assert Store().load().data.workspaces == []


def test_restore_from_a_file_that_does_not_exist_changes_nothing(cli, tmp_path):
    assert cli("workspace", "create", "Acme").code == 0
    before = paths.data_file().read_bytes()
    result = cli("data", "restore", str(tmp_path / "missing.json"))
    assert result.code == 2 and result.err.startswith("exadesk data restore: ")
    assert paths.data_file().read_bytes() == before
