"""Hostile replies, for every tracker: each misbehaviour ends in a classified, readable error in time.

For every tracker whose adapter and emulator exist, ``exadesk check --json``
runs against its emulator misbehaving in each way the kit knows (plus JSON
of the wrong shape: an empty object and an object of nulls, a self-signed
certificate, a server that never answers). Each run must end inside its
timeout with a classified error kind and a person-readable sentence, must not
report the instance ready, must not crash the adapter, and must not print the
secret.
"""

from __future__ import annotations

import time

import pytest

from exadesk import sandbox
from exadesk.foundation.errors import ErrorKind
from exadesk.sandbox import kit
from exadesk.sandbox.kit import Response
from tests.helpers.built_trackers import all_ids, demo_command, require_built, secret_forms

#: The timeout given to every hostile run (seconds per reply); the hang fault needs it short.
TIMEOUT = "1"
#: What the engine says when an adapter raised something unclassified (an adapter bug).
ADAPTER_CRASH = "internal error in ExaDesk"

KINDS = {k.value for k in ErrorKind}


def _hostile(tracker_id: str, tls: bool = False, scenario: dict | None = None):
    """The tracker's emulator with two more wrong-shape faults: ``{}`` and an object of nulls."""
    base = sandbox.emulator_class(tracker_id)

    class Hostile(base):  # type: ignore[misc, valid-type]
        def _fault_response(self, kind, request, fault):
            if kind == "empty_object":
                return Response(200, b"{}", {}, "application/json")
            if kind == "null_fields":
                nulls = dict.fromkeys(("id", "name", "login", "email", "emailAddress", "accountId", "displayName",
                                       "user", "data", "result", "results", "value", "values", "records",
                                       "permissions", "groups", "roles", "workspaces", "items", "key"))
                return Response(200, nulls, {}, "application/json")
            return super()._fault_response(kind, request, fault)

    Hostile.__name__ = f"Hostile{base.__name__}"
    return Hostile(scenario, tls=tls).start()


#: fault -> (allowed exit codes, allowed error kinds or None for "any classified kind")
FAULT_TABLE: dict[str, tuple[set[int], set[str] | None]] = {
    "401": ({1}, {"auth"}),
    "403": ({1, 3}, {"forbidden", "auth", "unexpected_response"}),
    "404": ({1, 3}, {"not_found", "unexpected_response", "forbidden"}),
    "429": ({3}, {"rate_limited"}),
    "500": ({3}, {"unexpected_response"}),
    "login_page": ({1, 3}, {"unexpected_response", "auth"}),
    "sso_redirect": ({1, 3}, {"unexpected_response", "auth"}),
    "invalid_json": ({3}, {"unexpected_response"}),
    "truncated": ({3}, {"unexpected_response", "network"}),
    "huge": ({3}, {"unexpected_response"}),
    "wrong_content_type": ({3}, {"unexpected_response"}),
    "wrong_shape": ({1, 3}, None),
    "null_body": ({1, 3}, None),
    "empty_object": ({1, 3}, None),
    "null_fields": ({1, 3}, None),
    "hang": ({3}, {"network"}),
    "slow": ({3}, {"network"}),  # slower than the 1-second timeout
}

assert set(kit.FAULTS) <= set(FAULT_TABLE), "a new kit fault needs a row in the hostile table"


def _run(cli, emulator, tracker_id, monkeypatch, *extra):
    args = demo_command(emulator, tracker_id, monkeypatch) + ["--timeout", TIMEOUT, *extra]
    started = time.monotonic()
    result = cli(*args)
    return result, time.monotonic() - started


def _assert_no_secret(result, emulator):
    users = tuple(a for a in emulator.demo_args if "@" in a or a.isalnum())
    for secret in emulator.demo_secrets.values():
        for form in secret_forms(secret, users):
            assert form not in result.out and form not in result.err, "a secret leaked into the output"


@pytest.mark.parametrize("fault", sorted(FAULT_TABLE))
@pytest.mark.parametrize("tracker_id", all_ids())
def test_fault_ends_in_a_classified_error(tracker_id, fault, cli, monkeypatch):
    require_built(tracker_id)
    scenario = {"fault": {"kind": "slow", "delay": 2.5}} if fault == "slow" else \
        {"fault": {"kind": "429", "retry_after": 120}} if fault == "429" else {"fault": fault}
    emulator = _hostile(tracker_id, scenario=scenario)
    try:
        result, took = _run(cli, emulator, tracker_id, monkeypatch)
    finally:
        emulator.stop()
    codes, kinds = FAULT_TABLE[fault]
    _assert_no_secret(result, emulator)
    data = result.json()
    # Every timeout is 1 s; retries and a few requests stay far below this.
    assert took < 12, f"{tracker_id}/{fault}: took {took:.1f}s"
    assert data["ready"] is False, f"{tracker_id}/{fault}: a misbehaving server made the setup look ready"
    assert result.code in codes, f"{tracker_id}/{fault}: exit {result.code}: {result.out[:1500]}"
    error = data["error"]
    if error is None:
        # Allowed only for wrong-shape data an adapter turned into failing checks (never a crash).
        assert kinds is None, f"{tracker_id}/{fault}: no error reported: {result.out[:1500]}"
        assert any(c["status"] == "fail" for c in data["checks"]), f"{tracker_id}/{fault}: neither error nor failure"
        return
    assert error["kind"] in KINDS
    if kinds is not None:
        assert error["kind"] in kinds, f"{tracker_id}/{fault}: kind {error['kind']} ({error['reason']})"
    assert ADAPTER_CRASH not in error["message"], f"{tracker_id}/{fault}: the adapter crashed on this reply"
    assert error["message"] and error["next_step"], "an error needs a sentence and a next step"
    assert "{" not in error["message"] + error["next_step"], "unfilled placeholder"
    assert "?" not in error["message"].replace("?)", ")"), f"a placeholder was missing: {error['message']}"


@pytest.mark.parametrize("tracker_id", all_ids())
def test_self_signed_certificate_is_a_tls_error_and_a_ca_bundle_fixes_it(tracker_id, cli, monkeypatch):
    require_built(tracker_id)
    emulator = _hostile(tracker_id, tls=True)
    try:
        refused, took = _run(cli, emulator, tracker_id, monkeypatch)
        trusted, _ = _run(cli, emulator, tracker_id, monkeypatch, "--ca-bundle", kit.self_signed_cert_path())
    finally:
        emulator.stop()
    _assert_no_secret(refused, emulator)
    assert took < 10
    assert refused.code == 3, refused.out[:1500]
    assert refused.json()["error"]["kind"] == "tls", refused.out[:1500]
    assert refused.json()["error"]["reason"] == "tls.self_signed"
    assert trusted.code == 0, f"{tracker_id}: the CA bundle did not make TLS pass: {trusted.json()['error']}"


@pytest.mark.parametrize("tracker_id", all_ids())
def test_demo_run_is_ready(tracker_id, cli, monkeypatch, emulators):
    """The baseline for the table above: the same emulator, well-behaved, passes."""
    require_built(tracker_id)
    emulator = emulators.start(tracker_id)
    result = cli(*demo_command(emulator, tracker_id, monkeypatch))
    _assert_no_secret(result, emulator)
    assert result.code == 0, f"{tracker_id}: demo run not ready: {result.out[:2000]}"


@pytest.mark.parametrize("tracker_id", all_ids())
def test_rejected_credential_is_sent_exactly_once(tracker_id, cli, monkeypatch, emulators):
    """The one-probe rule: a rejected credential reaches the tracker once, never again in the run."""
    require_built(tracker_id)
    emulator = emulators.start(tracker_id, {"fault": "401"})
    result = cli(*demo_command(emulator, tracker_id, monkeypatch))
    assert result.code == 1 and result.json()["error"]["kind"] == "auth", result.out[:1500]
    users = tuple(a for a in emulator.demo_args if not a.startswith("-"))
    forms = [f for s in emulator.demo_secrets.values() for f in secret_forms(s, users)]

    def carries_secret(request) -> bool:
        basic = request.basic() or ("", "")  # Basic user:secret, whatever the user part is
        haystack = " ".join(request.headers.values()) + request.body.decode("utf-8", "replace") + \
            " ".join(v for vs in request.query.values() for v in vs) + " ".join(basic)
        return any(f in haystack for f in forms)

    carrying = [r for r in emulator.requests if carries_secret(r)]
    assert len(carrying) == 1, f"{tracker_id}: the rejected credential was sent {len(carrying)} times: " \
                               f"{[(r.method, r.path) for r in carrying]}"


def test_server_that_accepts_and_never_reads_times_out(cli, monkeypatch):
    """A bare socket that accepts the connection and never answers (not even reads the request)."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    monkeypatch.setenv("TOK", "ghp_" + "H" * 36)
    try:
        started = time.monotonic()
        result = cli("check", "github", "--url", f"http://127.0.0.1:{port}", "--secret-env", "TOK", "--json",
                     "--timeout", "1", "--project", "acme/website")
        took = time.monotonic() - started
    finally:
        listener.close()
    assert took < 6
    assert result.code == 3
    assert result.json()["error"]["reason"] == "network.timeout"
    assert "H" * 36 not in result.out


@pytest.mark.parametrize("kind", ["trickle_status", "trickle_header", "trickle_body", "endless_continue"])
def test_check_against_a_trickling_server_ends_at_its_timeout(cli, monkeypatch, kind):
    """`check --timeout 1` bounds the whole request, not each read (issue 20: these ran for minutes)."""
    from tests.helpers.hostile_servers import HostileServer

    monkeypatch.setenv("TOK", "ghp_" + "T" * 36)
    with HostileServer(kind) as srv:
        started = time.monotonic()
        result = cli("check", "github", "--url", srv.url, "--secret-env", "TOK", "--json", "--timeout", "1",
                     "--project", "acme/website")
        took = time.monotonic() - started
    assert took < 5, f"{kind}: {took:.1f}s"
    assert result.code == 3
    assert result.json()["error"]["reason"] == "network.timeout"
