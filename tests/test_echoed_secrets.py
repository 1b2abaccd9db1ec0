"""A tracker that echoes the credential (in an error message, or as the account's name) never gets it shown or kept.

The echoing server is each tracker's own emulator with one more misbehaviour: every string it would send in a
JSON reply under a name-like key becomes the secret (``identity``), or every reply is an error whose text quotes
the credential (``error``). What the run prints, stores in the data file, writes into HTML/Markdown reports and
exports in a bundle without secrets must hold none of the secret's forms.
"""

from __future__ import annotations

import json

import pytest

from exadesk import sandbox
from exadesk.sandbox.kit import Response
from tests.helpers.built_trackers import demo_command, require_built, secret_forms

TRACKERS = ["github", "salesforce", "zendesk", "asana", "jira_onprem"]
#: Keys under which trackers send who the account is (and error texts): the echo goes there.
NAME_KEYS = {"name", "login", "displayName", "display_name", "email", "emailAddress", "username", "Username",
             "Name", "Email", "user_name", "full_name", "key", "message", "errorMessage", "error_description"}


def _echoing(tracker_id: str, mode: str):
    base = sandbox.emulator_class(tracker_id)

    class Echoing(base):  # type: ignore[misc, valid-type]
        def handle(self, request):
            echo = " and ".join(dict(self.demo_secrets).values())
            if mode == "error":
                text = f"Invalid credential {echo} (Authorization: {request.headers.get('authorization', '')})"
                body = {"message": text, "error": text, "errors": [{"message": text}], "errorMessages": [text]}
                if tracker_id == "salesforce":
                    body = [{"message": text, "errorCode": "INVALID_SESSION_ID"}]
                return Response(400, body, {}, "application/json")
            response = super().handle(request)
            if response is None or "json" not in response.content_type:
                return response
            try:
                data = json.loads(response.encode())
            except ValueError:
                return response
            return Response(response.status, _replace(data, echo), response.headers, response.content_type)

    return Echoing(None).start()


def _replace(node, echo: str):
    if isinstance(node, dict):
        return {k: (echo if k in NAME_KEYS and isinstance(v, str) else _replace(v, echo)) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace(v, echo) for v in node]
    return node


def _forms(emulator) -> list[str]:
    users = tuple(a for a in emulator.demo_args if "@" in a or a.isalnum())
    return [form for secret in emulator.demo_secrets.values() for form in secret_forms(secret, users)]


def _assert_clean(where: str, text: str, emulator) -> None:
    for form in _forms(emulator):
        assert form not in text, f"the secret ({form[:4]}…) is in {where}"


@pytest.mark.parametrize("mode", ["identity", "error"])
@pytest.mark.parametrize("tracker_id", TRACKERS)
def test_an_echoed_secret_is_never_printed(tracker_id, mode, cli, monkeypatch):
    require_built(tracker_id)
    emulator = _echoing(tracker_id, mode)
    try:
        result = cli(*demo_command(emulator, tracker_id, monkeypatch), "--timeout", "2")
        human = cli(*[a for a in demo_command(emulator, tracker_id, monkeypatch) if a != "--json"], "--timeout", "2")
    finally:
        emulator.stop()
    _assert_clean("the JSON output", result.out + result.err, emulator)
    _assert_clean("the printed report", human.out + human.err, emulator)
    if mode == "identity":  # the adapters quote no tracker error text (that held); the account name they do show
        assert "****" in result.out, "the echo was not in the report at all: the test shows nothing"


@pytest.mark.parametrize("tracker_id", TRACKERS)
def test_an_echoed_secret_is_never_stored_reported_or_exported(tracker_id, cli, monkeypatch, tmp_path):
    from exadesk.services import bundle
    from exadesk.store.storage import Store

    require_built(tracker_id)
    emulator = _echoing(tracker_id, "identity")
    try:
        args = demo_command(emulator, tracker_id, monkeypatch)
        args = ["add", *[a for a in args[1:] if a != "--json"], "--name", "Echo", "--workspace", "Acme"]
        added = cli(*args)
        assert added.code == 0, added.err
        checked = cli("check", "--instance", "Echo", "--timeout", "2")
    finally:
        emulator.stop()
    _assert_clean("the output of check --instance", checked.out + checked.err, emulator)
    assert "****" in checked.out
    _assert_clean("the data file", Store().path.read_text(), emulator)
    for name in ("report.html", "report.md"):
        written = cli("report", "--workspace", "Acme", "-o", str(tmp_path / name))
        assert written.code == 0, written.err
        _assert_clean(name, (tmp_path / name).read_text(), emulator)
    out = tmp_path / f"acme{bundle.SUFFIX}"
    exported = cli("export", "--workspace", "Acme", "-o", str(out))
    assert exported.code == 0, exported.err
    _assert_clean("the bundle exported without secrets", out.read_bytes().decode("utf-8", "replace"), emulator)
