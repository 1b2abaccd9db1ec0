"""Bad input and odd replies get their own plain sentence and the right exit code, never "an internal error".

Each case here once ended in a traceback, or in "an internal error in ExaDesk" blamed on the tracker.
"""

from __future__ import annotations

import json
import os

import pytest

from exadesk.sandbox.kit import Response
from tests.commands.workflow import add_github, github_scenario, new_token

INTERNAL = "internal error"
GITHUB_TOKEN = "ghp_" + "B" * 36


def _check_github(cli, monkeypatch, url, *extra):
    monkeypatch.setenv("EXADESK_TEST_TOKEN", GITHUB_TOKEN)
    return cli("check", "github", "--url", url, "--secret-env", "EXADESK_TEST_TOKEN", "--project", "acme/website",
               "--json", *extra)


def _error(result) -> dict:
    error = result.json()["error"]
    assert INTERNAL not in error["message"], error
    return error


@pytest.mark.parametrize("value", ["inf", "1e400", "nan"])
def test_an_endless_retry_after_is_a_rate_limit(cli, monkeypatch, emulators, value):
    emulator = emulators.start("github", {"fault": "429"})
    emulator.scenario["fault"] = {"kind": "429", "retry_after": value}
    result = _check_github(cli, monkeypatch, emulator.url, "--timeout", "2")
    assert (result.code, _error(result)["reason"]) == (3, "rate_limited")


def test_a_reply_nested_100000_deep_is_named(cli, monkeypatch, emulators):
    emulator = emulators.start("github", github_scenario(GITHUB_TOKEN))
    deep = b"[" * 100_000 + b"]" * 100_000

    original = emulator.handle
    emulator.handle = lambda request: Response(200, deep, {}, "application/json") if request.path.endswith("/user") \
        else original(request)
    result = _check_github(cli, monkeypatch, emulator.url, "--timeout", "2")
    assert (result.code, _error(result)["reason"]) == (3, "http.too_deep")


@pytest.mark.parametrize("make, why", [
    (lambda tmp: tmp / "missing.pem", "does not exist"),
    (lambda tmp: tmp, "is a folder"),
    (lambda tmp: (tmp / "notes.pem").write_text("just some notes\n") and tmp / "notes.pem", "no certificate"),
])
def test_an_unusable_ca_bundle_is_bad_input(cli, monkeypatch, emulators, tmp_path, make, why):
    emulator = emulators.start("github")
    result = _check_github(cli, monkeypatch, emulator.url, "--ca-bundle", str(make(tmp_path)))
    error = _error(result)
    assert (result.code, error["reason"], error["kind"]) == (2, "input.ca_bundle", "bad_input")
    assert why in error["message"]
    assert emulator.requests == []  # nothing was sent


@pytest.mark.parametrize("value", ["-1", "0", "inf", "nan", "1e400"])
@pytest.mark.parametrize("command", ["check", "add"])
def test_an_impossible_timeout_is_refused_in_words(cli, monkeypatch, value, command):
    monkeypatch.setenv("EXADESK_TEST_TOKEN", GITHUB_TOKEN)
    args = ["github", "--url", "https://github.com", "--secret-env", "EXADESK_TEST_TOKEN", "--project", "a/b",
            "--timeout", value] + (["--name", "x", "--workspace", "w"] if command == "add" else [])
    result = cli(command, *args)
    assert result.code == 2
    assert "number of seconds above 0" in result.err and "Traceback" not in result.err


def test_an_impossible_stored_timeout_is_refused_before_sending():
    from exadesk.verification import engine
    from exadesk.verification.spec import Secrets, Target

    for value in (-1.0, 0.0, float("inf"), float("nan")):
        target = Target("github", "https://github.com", values={}, secrets=Secrets({"token": GITHUB_TOKEN}),
                        scope=["a/b"], timeout=value)
        assert engine.validate(target).problem.reason == "input.timeout"


@pytest.mark.parametrize("command", ["check", "add"])
def test_a_secret_that_is_not_utf8_is_refused_in_words(cli, monkeypatch, command):
    monkeypatch.setenv("EXADESK_TEST_TOKEN", os.fsdecode(b"ghp_" + b"\xff" * 36))  # as Python reads such bytes
    args = ["github", "--url", "https://github.com", "--secret-env", "EXADESK_TEST_TOKEN", "--project", "a/b"]
    result = cli(command, *args, *(["--name", "x", "--workspace", "w"] if command == "add" else ["--json"]))
    assert result.code == 2
    text = result.out + result.err
    assert "not UTF-8" in text and INTERNAL not in text
    from exadesk.store.storage import Store

    assert Store().load().data.workspaces == []


@pytest.mark.parametrize("command", ["report", "export"])
def test_writing_to_a_folder_or_an_unwritable_place_is_explained(cli, monkeypatch, tmp_path, command):
    add_github(cli, monkeypatch, "https://github.com", "one", new_token())
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        for target, why in ((tmp_path, "it is a folder"), (locked / "out.html", "no permission"),
                            (tmp_path / "nowhere" / "deeper" / "x", None)):
            if why == "no permission" and os.geteuid() == 0:
                continue  # root writes anywhere
            result = cli(command, "--workspace", "Acme", "-o", str(target))
            if why is None:  # a missing folder is made, as before
                assert result.code == 0, result.err
                continue
            assert result.code == 2, result.err
            assert why in result.err and "could not write" in result.err
    finally:
        locked.chmod(0o700)


def test_a_bundle_whose_key_check_is_not_ascii_is_a_wrong_passphrase(cli, monkeypatch, tmp_path):
    add_github(cli, monkeypatch, "https://github.com", "one", new_token())
    monkeypatch.setenv("EXADESK_TEST_PASS", "correct horse battery staple")
    out = tmp_path / "acme.exadesk"
    assert cli("export", "--workspace", "Acme", "-o", str(out), "--include-secrets", "--passphrase-env",
               "EXADESK_TEST_PASS").code == 0
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    _tamper_key_check(data)
    out.write_text(json.dumps(data), encoding="utf-8")
    result = cli("import", str(out), "--passphrase-env", "EXADESK_TEST_PASS", "--as", "Copy")
    assert result.code == 2
    assert "Traceback" not in result.err and ("passphrase" in result.err or "changed" in result.err)


def _tamper_key_check(node) -> bool:
    if isinstance(node, dict):
        if "key_check" in node:
            node["key_check"] = "é" * len(node["key_check"])
            return True
        return any(_tamper_key_check(v) for v in node.values())
    if isinstance(node, list):
        return any(_tamper_key_check(v) for v in node)
    return False


def test_a_history_entry_without_a_time_is_kept_and_shown(cli, monkeypatch, emulators):
    from exadesk.store.storage import Store

    token = new_token()
    emulator = emulators.start("github", github_scenario(token))
    add_github(cli, monkeypatch, emulator.url, "one", token)
    assert cli("check", "--instance", "one").code == 0
    store = Store()
    raw = json.loads(store.path.read_text())
    _null_at(raw)
    store.path.write_text(json.dumps(raw))
    for args in (("list",), ("history", "one"), ("report", "--workspace", "Acme"),
                 ("check", "--all", "--force")):
        result = cli(*args)
        assert "Traceback" not in result.err, args
    assert len(Store().load().data.find_instance("one")[1].history) == 2  # the timeless one is kept


def _null_at(node) -> None:
    if isinstance(node, dict):
        if "history" in node and isinstance(node["history"], list):
            for entry in node["history"]:
                entry["at"] = None
        for value in node.values():
            _null_at(value)
    elif isinstance(node, list):
        for value in node:
            _null_at(value)
