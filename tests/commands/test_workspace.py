"""``exadesk add``, ``list`` and ``remove`` (exadesk/commands/workspace.py): stored instances and their secrets."""

from __future__ import annotations

import pytest

from exadesk.sandbox.github import DEMO_CLASSIC
from exadesk.store.keychain import SERVICE

REPO = ("--project", "acme/website")




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


def test_keychain_entry_names_are_namespaced(cli, emulators, token_env, memory_keyring):
    emulator = emulators.start("github")
    cli("add", "github", "--name", "Web", "--url", emulator.url, "--secret-env", "GH_TOKEN", *REPO)
    [(service, user)] = memory_keyring.entries
    assert service == SERVICE and user.endswith("/token")


def test_add_sends_nothing_and_without_secret_keeps_no_keychain_entry(cli, emulators, memory_keyring):
    emulator = emulators.start("github")
    added = cli("add", "github", "--name", "Later", "--workspace", "Globex", "--url", emulator.url,
                "--without-secret", *REPO)
    assert added.code == 0, added.err
    assert emulator.requests == [] and memory_keyring.entries == {}
    [ws] = cli("list", "--json").json()
    assert ws["workspace"] == "Globex" and [i["name"] for i in ws["instances"]] == ["Later"]


def test_list_one_workspace_and_remove_an_unknown_instance(cli, emulators, token_env):
    emulator = emulators.start("github")
    for workspace in ("Acme", "Globex"):
        assert cli("add", "github", "--name", f"Web {workspace}", "--workspace", workspace, "--url", emulator.url,
                   "--secret-env", "GH_TOKEN", *REPO).code == 0
    listed = cli("list", "--workspace", "Globex", "--json").json()
    assert [ws["workspace"] for ws in listed] == ["Globex"]
    removed = cli("remove", "Nobody")
    assert removed.code == 2 and "no instance called 'Nobody'" in removed.err
    assert len(cli("list", "--json").json()) == 2  # nothing was removed
