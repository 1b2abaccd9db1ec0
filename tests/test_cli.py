"""The command line: exit codes (0 ready, 1 not ready, 2 usage/bad input, 3 inconclusive) and its JSON."""

from __future__ import annotations

import io
import json

import pytest

from exadesk import trackers
from exadesk.keychain import SERVICE
from exadesk.sandbox.github import DEMO_CLASSIC

REPO = ("--project", "acme/website")
JSON_KEYS = {"tracker", "url", "ready", "verdict", "identity", "checks", "error", "token_expires_at", "checked_at",
             "checked_from", "signed_in"}


@pytest.fixture
def token_env(monkeypatch):
    monkeypatch.setenv("GH_TOKEN", DEMO_CLASSIC)
    return "GH_TOKEN"


def _check(cli, emulator, *extra):
    return cli("check", "github", "--url", emulator.url, "--secret-env", "GH_TOKEN", *REPO, *extra)


def test_version_and_help(cli):
    assert cli("--version").code == 0
    result = cli("check", "--help")
    assert result.code == 0 and "Exit codes" in result.out


def test_unknown_command_is_a_usage_error(cli):
    result = cli("frobnicate")
    assert result.code == 2 and "--help" in result.err


def test_trackers_json_lists_every_tracker(cli):
    result = cli("trackers", "--json")
    assert result.code == 0
    ids = [t["id"] for t in result.json()]
    assert ids == [t.id for t in trackers.all_trackers()]
    for item in result.json():
        for method in item["auth_methods"]:
            for fld in method["fields"]:
                if fld["secret"]:
                    assert fld["example"] == "", "secret examples are not printed"


def test_ready_is_exit_0_with_full_json(cli, emulators, token_env):
    emulator = emulators.start("github")
    result = _check(cli, emulator, "--json")
    assert result.code == 0, result.out
    data = result.json()
    assert set(data) == JSON_KEYS
    assert data["ready"] is True and data["error"] is None
    assert data["identity"]["login"] == "exalate-proxy"
    for check in data["checks"]:
        assert set(check) >= {"id", "status", "title", "detail", "fix"}
        assert check["status"] in ("pass", "fail", "warn", "unknown", "skipped")


def test_human_output_says_ready_and_names_the_account(cli, emulators, token_env):
    emulator = emulators.start("github")
    result = _check(cli, emulator)
    assert result.code == 0
    assert "READY" in result.out and "Exalate Proxy" in result.out
    assert DEMO_CLASSIC not in result.out + result.err


def test_failing_requirement_is_exit_1_with_the_fix(cli, emulators, token_env):
    emulator = emulators.start("github", {"repos": {"acme/website": {"collaborators": {"exalate-proxy": "push"}}}})
    result = _check(cli, emulator, "--json")
    assert result.code == 1
    admin = result.check("github.admin")
    assert admin["status"] == "fail" and admin["fix"]
    human = _check(cli, emulator)
    assert human.code == 1 and "NOT READY" in human.out and "Fix:" in human.out


@pytest.mark.parametrize("fault, code, kind", [("401", 1, "auth"), ("403", 1, "forbidden"),
                                               ("500", 3, "unexpected_response"), ("login_page", 3, "unexpected_response")])
def test_errors_map_to_exit_codes(cli, emulators, token_env, fault, code, kind):
    emulator = emulators.start("github", {"fault": fault})
    result = _check(cli, emulator, "--json")
    assert result.code == code
    assert result.json()["error"]["kind"] == kind
    human = _check(cli, emulators.start("github", {"fault": fault}))
    assert human.code == code and "Next:" in human.out


def test_unreachable_host_is_inconclusive(cli, token_env):
    from exadesk.sandbox.kit import free_port

    result = cli("check", "github", "--url", f"http://127.0.0.1:{free_port()}", "--secret-env", "GH_TOKEN", *REPO,
                 "--json", "--timeout", "2")
    assert result.code == 3
    assert result.json()["error"]["reason"] == "network.refused"


@pytest.mark.parametrize("args, fragment", [
    ((), "name a tracker"),
    (("nope", "--url", "https://x.example.com"), "no tracker called"),
    (("github", "--auth", "password"), "no sign-in method"),
    (("github", "--field", "token=ghp_" + "S" * 36), "never on the command line"),
    (("github", "--secret-env", "NOT_SET_ANYWHERE_42"), "not set"),
    (("github", "--sync", "comments,emails"), "unknown sync option"),
    (("github", "--instance", "x", "--url", "https://github.com"), "not both"),
])
def test_usage_errors_are_exit_2_and_send_nothing(cli, args, fragment):
    result = cli("check", *args)
    assert result.code == 2
    assert fragment in result.err
    assert "S" * 36 not in result.out + result.err
    as_json = cli("check", *args, "--json")
    assert as_json.code == 2
    assert as_json.json()["error"]["kind"] == "bad_input" and as_json.json()["ready"] is False


def test_bad_field_is_exit_2_and_nothing_is_sent(cli, emulators, monkeypatch):
    emulator = emulators.start("github")
    monkeypatch.setenv("GH_TOKEN", "not-a-token")
    result = _check(cli, emulator, "--json")
    assert result.code == 2
    assert result.json()["error"]["kind"] == "bad_input"
    assert emulator.requests == []
    assert "not-a-token" not in result.out


def test_argparse_errors_are_exit_2(cli):
    assert cli("check", "github", "--timeout", "soon").code == 2


def test_secret_from_stdin(cli, emulators, monkeypatch):
    emulator = emulators.start("github")
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_CLASSIC + "\n"))
    result = cli("check", "github", "--url", emulator.url, "--secret-stdin", *REPO, "--json")
    assert result.code == 0, result.out


def test_add_list_check_remove_round_trip(cli, emulators, token_env, memory_keyring, exadesk_home):
    emulator = emulators.start("github")
    added = cli("add", "github", "--name", "Web", "--workspace", "Client A", "--url", emulator.url,
                "--secret-env", "GH_TOKEN", *REPO)
    assert added.code == 0, added.err
    assert list(memory_keyring.entries.values()) == [DEMO_CLASSIC]
    stored = (exadesk_home / "config" / "exadesk.json").read_text()
    assert DEMO_CLASSIC not in stored
    assert cli("add", "github", "--name", "web", "--workspace", "Client A", "--url", emulator.url,
               "--secret-env", "GH_TOKEN", *REPO).code == 2, "duplicate names are refused"
    assert len(memory_keyring.entries) == 1, "the refused duplicate left no keychain entry"

    listed = cli("list", "--json")
    assert listed.code == 0
    [ws] = listed.json()
    assert ws["workspace"] == "Client A" and ws["instances"][0]["state"] == "prepared_offline"

    checked = cli("check", "--instance", "Web", "--json")
    assert checked.code == 0, checked.out
    assert checked.json()["instance"] == "Web" and checked.json()["ready"] is True
    assert cli("list", "--json").json()[0]["instances"][0]["state"] == "verified"

    every = cli("check", "--all", "--force", "--json")
    assert every.code == 0 and isinstance(every.json(), list) and len(every.json()) == 1

    removed = cli("remove", "Web")
    assert removed.code == 0
    assert memory_keyring.entries == {}
    assert cli("check", "--instance", "Web").code == 2


def test_stored_instance_whose_secret_is_gone_says_so(cli, emulators, token_env, memory_keyring):
    emulator = emulators.start("github")
    assert cli("add", "github", "--name", "Web", "--url", emulator.url, "--secret-env", "GH_TOKEN", *REPO).code == 0
    memory_keyring.entries.clear()
    result = cli("check", "--instance", "Web", "--json")
    assert result.json()["error"]["reason"] == "keychain.missing_secret"
    assert result.code != 0
    assert emulator.requests == [], "nothing is sent without the secret"


def test_corrupt_data_file_is_reported_and_kept(cli, exadesk_home):
    path = exadesk_home / "config" / "exadesk.json"
    path.parent.mkdir(parents=True)
    path.write_text("{torn")
    result = cli("list")
    assert result.code == 0
    assert "could not be read" in result.err
    assert any("unreadable" in p.name for p in path.parent.iterdir())


def test_json_output_is_one_parseable_document(cli, emulators, token_env):
    emulator = emulators.start("github", {"fault": "invalid_json"})
    result = _check(cli, emulator, "--json")
    assert result.code == 3
    json.loads(result.out)
    assert result.err == ""


def test_keychain_entry_names_are_namespaced(cli, emulators, token_env, memory_keyring):
    emulator = emulators.start("github")
    cli("add", "github", "--name", "Web", "--url", emulator.url, "--secret-env", "GH_TOKEN", *REPO)
    [(service, user)] = memory_keyring.entries
    assert service == SERVICE and user.endswith("/token")
