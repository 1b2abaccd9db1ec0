"""``exadesk sandbox`` (exadesk/commands/sandbox.py): emulators on loopback with ready-to-paste checks, then stopped."""

from __future__ import annotations

import re
import socket


def test_the_sandbox_prints_each_emulators_address_and_a_check_and_stops_them(cli):
    result = cli("sandbox", "--tracker", "github", "--tracker", "zendesk", "--seconds", "0.1")
    assert result.code == 0, result.err
    assert result.out.startswith("ExaDesk sandbox: emulators on loopback (made-up demo credentials).")
    addresses = dict(re.findall(r"^  (\w+) +(https?://127\.0\.0\.1:\d+)", result.out, re.M))
    assert set(addresses) == {"github", "zendesk"}
    assert "exadesk check github" in result.out and "exadesk check zendesk" in result.out
    for url in addresses.values():  # stopped after --seconds: nothing listens any more
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_an_unknown_tracker_starts_nothing_and_names_the_closest(cli):
    result = cli("sandbox", "--tracker", "jiracloud", "--seconds", "0.1")
    assert result.code == 2
    assert "jira_cloud" in result.err and result.out == ""
