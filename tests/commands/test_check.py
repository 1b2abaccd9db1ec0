"""``exadesk check`` (exadesk/commands/check.py): exit codes (0 ready, 1 not ready, 2 usage/bad input, 3 not
confirmed), its JSON, and secrets only from the environment or standard input."""

from __future__ import annotations

import io
import json

import pytest

from exadesk.sandbox.github import DEMO_CLASSIC

REPO = ("--project", "acme/website")
JSON_KEYS = {"tracker", "url", "ready", "verdict", "identity", "checks", "error", "token_expires_at", "checked_at",
             "checked_from", "signed_in"}




def _check(cli, emulator, *extra):
    return cli("check", "github", "--url", emulator.url, "--secret-env", "GH_TOKEN", *REPO, *extra)


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


def test_json_output_is_one_parseable_document(cli, emulators, token_env):
    emulator = emulators.start("github", {"fault": "invalid_json"})
    result = _check(cli, emulator, "--json")
    assert result.code == 3
    json.loads(result.out)
    assert result.err == ""
