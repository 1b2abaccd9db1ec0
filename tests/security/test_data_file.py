"""Issue 20 items 5 and 7: an unreadable data file and one from a newer ExaDesk.

Every command that finds the file unreadable says so and names the kept copy; a write refuses until
the person chooses (``exadesk data restore`` / ``start-empty``). A newer file names the version that
wrote it, is never written, and fields a newer writer added survive a round trip.
"""

from __future__ import annotations

import json

import pytest

from exadesk.foundation import paths
from exadesk.store.model import Instance, Workspace
from exadesk.store.storage import Store, decode, encode

BROKEN = b'{"schema_version": 2, "workspaces": [{"name": "half'


def _break_data_file() -> None:
    path = paths.data_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(BROKEN)


def _kept_copies():
    return sorted(p for p in paths.config_dir().iterdir() if ".unreadable-" in p.name)


@pytest.mark.parametrize("argv", [
    ("list",), ("workspace", "search", "x"), ("expiring",), ("history", "x"), ("check", "--all"),
    ("export", "--workspace", "x", "-o", "never.exadesk"),
], ids=lambda a: " ".join(a))
def test_every_reading_command_says_the_file_is_unreadable_and_where_it_is_kept(cli, argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _break_data_file()
    result = cli(*argv)
    [kept] = _kept_copies()
    assert "could not be read" in result.err and str(kept) in result.err, result.err
    assert "exadesk data restore" in result.err and "exadesk data start-empty" in result.err
    assert "Traceback" not in result.err
    assert paths.data_file().read_bytes() == BROKEN


@pytest.mark.parametrize("argv", [
    ("workspace", "create", "Acme"),
    ("add", "github", "--name", "Web", "--url", "https://github.com", "--auth", "classic", "--secret-env", "TOKEN"),
    ("workspace", "archive", "Acme"),
    ("expiring", "--set", "Web=2030-01-01"),
], ids=lambda a: " ".join(a[:2]))
def test_a_write_refuses_until_the_person_chooses(cli, argv, monkeypatch, memory_keyring):
    monkeypatch.setenv("TOKEN", "ghp_" + "a1B2" * 9)
    _break_data_file()
    result = cli(*argv)
    assert result.code == 2, result.out + result.err
    assert "was not saved" in result.err and "exadesk data restore" in result.err
    assert paths.data_file().read_bytes() == BROKEN, "the unreadable file was replaced"
    assert len(_kept_copies()) == 1
    assert memory_keyring.entries == {}, "no secret was left behind for an instance that was not stored"


def test_start_empty_keeps_the_file_and_writes_work_again(cli):
    _break_data_file()
    result = cli("data", "start-empty")
    assert result.code == 0 and "kept as" in result.out
    [kept] = _kept_copies()
    assert kept.read_bytes() == BROKEN
    assert cli("workspace", "create", "Acme").code == 0
    listed = cli("list")
    assert "Acme" in listed.out and listed.err == ""


def test_restore_puts_back_a_good_copy_and_refuses_a_bad_one(cli, tmp_path):
    good = tmp_path / "good.json"
    good.write_bytes(encode(decode(json.dumps({"schema_version": 2, "workspaces": [
        Workspace(name="Saved", instances=[Instance(tracker="github", name="Web", url="https://github.com",
                                                    auth_method="classic")]).to_json()]}).encode())))
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{nope")
    _break_data_file()
    refused = cli("data", "restore", str(bad))
    assert refused.code == 2 and "Nothing was changed" in refused.err
    assert paths.data_file().read_bytes() == BROKEN
    result = cli("data", "restore", str(good))
    assert result.code == 0 and "1 workspace, 1 instance." in result.out
    assert [w.name for w in Store().load().data.workspaces] == ["Saved"]
    assert [p.read_bytes() for p in _kept_copies()] == [BROKEN]


# -- item 7: a newer schema_version ----------------------------------------------------------------


def _newer_file() -> bytes:
    raw = json.dumps({"schema_version": 9, "app_version": "7.3.1", "workspaces": [], "shiny": True}).encode()
    path = paths.data_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return raw


@pytest.mark.parametrize("argv", [("list",), ("workspace", "create", "Acme"), ("check", "--all")],
                         ids=lambda a: " ".join(a))
def test_a_newer_file_names_its_writer_and_is_never_written(cli, argv):
    raw = _newer_file()
    result = cli(*argv)
    assert "Traceback" not in result.err
    assert "ExaDesk 7.3.1" in result.err and "data format 9" in result.err, result.err
    assert paths.data_file().read_bytes() == raw
    assert _kept_copies() == []


def test_a_newer_file_refuses_writes_with_the_reason(cli):
    raw = _newer_file()
    result = cli("workspace", "create", "Acme")
    assert result.code == 2 and "was not saved" in result.err and "Update ExaDesk to 7.3.1" in result.err
    assert paths.data_file().read_bytes() == raw


def test_unknown_fields_survive_a_round_trip_at_every_level(tmp_path):
    inst = Instance(tracker="github", name="Web", url="https://github.com", auth_method="classic").to_json()
    inst["future_flag"] = {"nested": [1, 2]}
    ws = Workspace(name="Acme").to_json()
    ws["instances"] = [inst]
    ws["colour"] = "teal"
    ws["connections"] = [{"id": "c1", "name": "Sync", "left": inst["id"], "right": inst["id"], "mode": "scripted",
                          "admins": {}, "admin_kinds": {}, "direction": "both"}]
    raw = {"schema_version": 2, "workspaces": [ws], "settings": {"theme": "dark", "font": "large"},
           "telemetry": False}
    path = tmp_path / "exadesk.json"
    path.write_text(json.dumps(raw))
    store = Store(path)
    store.update(lambda d: d.workspaces[0].instances[0].__setattr__("name", "Renamed"))
    back = json.loads(path.read_text())
    assert back["telemetry"] is False and back["settings"]["font"] == "large"
    got_ws = back["workspaces"][0]
    assert got_ws["colour"] == "teal" and got_ws["connections"][0]["direction"] == "both"
    assert got_ws["instances"][0]["future_flag"] == {"nested": [1, 2]}
    assert got_ws["instances"][0]["name"] == "Renamed", "known fields still follow the change"
