"""Verifying stored instances: ``check --instance`` and ``check --all`` (exadesk/commands/stored.py)."""

from __future__ import annotations

import pytest

from exadesk.sandbox.github import DEMO_CLASSIC

REPO = ("--project", "acme/website")




def test_stored_instance_whose_secret_is_gone_says_so(cli, emulators, token_env, memory_keyring):
    emulator = emulators.start("github")
    assert cli("add", "github", "--name", "Web", "--url", emulator.url, "--secret-env", "GH_TOKEN", *REPO).code == 0
    memory_keyring.entries.clear()
    result = cli("check", "--instance", "Web", "--json")
    assert result.json()["error"]["reason"] == "keychain.missing_secret"
    assert result.code != 0
    assert emulator.requests == [], "nothing is sent without the secret"


def _add(cli, emulator, name, *extra):
    assert cli("add", "github", "--name", name, "--url", emulator.url, "--secret-env", "GH_TOKEN", *REPO,
               *extra).code == 0


def test_an_unknown_instance_or_workspace_is_a_usage_error(cli):
    result = cli("check", "--instance", "Nobody")
    assert result.code == 2 and "Nobody" in result.err
    result = cli("check", "--all", "--workspace", "Nowhere")
    assert result.code == 2 and "no workspace called 'Nowhere'" in result.err


def test_all_is_not_ready_when_any_instance_is_not_ready(cli, emulators, token_env):
    ready = emulators.start("github")
    weak = emulators.start("github", {"repos": {"acme/website": {"collaborators": {"exalate-proxy": "push"}}}})
    _add(cli, ready, "Ready one")
    _add(cli, weak, "Weak one")
    result = cli("check", "--all", "--force")
    assert result.code == 1
    assert "2 verified: 1 ready, 1 not ready, 0 not confirmed, 0 with input problems." in result.out
    as_json = cli("check", "--all", "--force", "--json").json()
    assert sorted((item["instance"], item["verdict"]) for item in as_json) == [("Ready one", "ready"),
                                                                              ("Weak one", "not_ready")]


def test_all_skips_what_was_verified_recently_unless_forced(cli, emulators, token_env):
    emulator = emulators.start("github")
    _add(cli, emulator, "Web")
    assert cli("check", "--all").code == 0
    sent = len(emulator.requests)
    again = cli("check", "--all")
    assert again.code == 0 and "Nothing to verify" in again.out
    assert len(emulator.requests) == sent
    assert cli("check", "--all", "--force").code == 0 and len(emulator.requests) > sent
