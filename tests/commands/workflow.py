"""Helpers shared by the consultant-workflow tests: GitHub emulators with their own tokens, stored instances."""

from __future__ import annotations

import secrets as _secrets
import socket
import string
from datetime import timedelta

from exadesk.foundation import clock
from exadesk.store.storage import Store

ALPHABET = string.ascii_letters + string.digits


def new_token() -> str:
    """A made-up classic token, unique per call (so a leak is traceable to one test)."""
    return "ghp_" + "".join(_secrets.choice(ALPHABET) for _ in range(36))


def github_scenario(token: str, *, scopes=("repo", "read:org"), expires: str | None = "",
                    role="admin", fault=None) -> dict:
    """One proxy user with ``token``; ``role`` on acme/website; no demo tokens.

    ``expires`` is GitHub's expiration header; by default seven months after the (pinned) clock, None for none."""
    if expires == "":
        expires = (clock.now() + timedelta(days=210)).strftime("%Y-%m-%d %H:%M:%S UTC")
    info = {"login": "exalate-proxy", "name": "Exalate Proxy", "id": 4101, "kind": "classic", "scopes": list(scopes)}
    if expires:
        info["expires"] = expires
    scenario = {"tokens": {token: info},
                "repos": {"acme/website": {"id": 1, "private": True, "owner_type": "Organization",
                                           "collaborators": {"exalate-proxy": role}}}}
    if fault:
        scenario["fault"] = fault
    return scenario


def closed_port_url() -> str:
    """An http://127.0.0.1 address where nothing listens (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def add_github(cli, monkeypatch, url: str, name: str, token: str, workspace: str = "Acme") -> None:
    """``exadesk add github`` with the token in an environment variable; asserts it was stored offline."""
    var = "EXADESK_TEST_TOKEN_" + "".join(c if c.isalnum() else "_" for c in name).upper()
    monkeypatch.setenv(var, token)
    result = cli("add", "github", "--name", name, "--url", url, "--secret-env", f"token={var}",
                 "--project", "acme/website", "--workspace", workspace)
    assert result.code == 0, result.err
    assert token not in result.out + result.err


def stored(name: str):
    found = Store().load().data.find_instance(name)
    assert found, f"{name} is not stored"
    return found[1]
