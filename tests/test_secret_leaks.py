"""Secret-leak sweep: a scripted session with unique secrets leaves no trace of them anywhere.

For every tracker whose adapter and emulator exist: store an instance with the
demo credential (verifies) and one with a unique, made-up credential (rejected),
verify all, provoke errors (login page, server error, a hang, a self-signed
certificate), write the readiness report and the handover bundle (with and
without encrypted secrets), list, show history. Then search every file under
the ExaDesk folders, the exports, the log and all captured output for each
secret, plain, URL-encoded and base64 (alone and as Basic ``user:secret``).
"""

from __future__ import annotations

import logging
import logging.handlers
import random
import string
import uuid

import pytest

from exadesk import sandbox
from exadesk.foundation import logs, paths
from exadesk.sandbox import kit
from tests.helpers.built_trackers import all_ids, not_built_reason, secret_forms


def _unique_like(value: str, rng: random.Random) -> str:
    """A made-up secret of the same form as ``value`` (same character classes), never seen before."""
    out = list(value)
    positions = [i for i, c in enumerate(value) if c.isalnum()][-12:]
    for i in positions:
        c = value[i]
        pool = string.digits if c.isdigit() else "abcdef" if c in "abcdef" else \
            string.ascii_lowercase if c.islower() else "ABCDEF" if c in "ABCDEF" else string.ascii_uppercase
        out[i] = rng.choice(pool)
    made = "".join(out)
    return made if made != value else _unique_like(value, rng)


@pytest.fixture
def file_log(exadesk_home):
    """Send ExaDesk's log to this test's home at DEBUG (stricter than shipped), as the app would."""
    root = logging.getLogger("exadesk")
    saved = (list(root.handlers), root.level, logs._configured)
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
    logs._configured = False
    logs.setup(logging.DEBUG)
    yield paths.log_dir()
    for handler in list(root.handlers):
        if handler not in saved[0]:
            handler.close()
            root.removeHandler(handler)
    root.setLevel(saved[1])
    logs._configured = saved[2]


def _secret_args(prefix: str, secrets: dict[str, str], monkeypatch) -> list[str]:
    args = []
    for i, (name, value) in enumerate(secrets.items()):
        var = f"{prefix}_{i}"
        monkeypatch.setenv(var, value)
        args += ["--secret-env", f"{name}={var}"]
    return args


def test_scripted_session_leaves_no_secret_anywhere(cli, monkeypatch, tmp_path, exadesk_home, file_log, caplog):
    built = [t for t in all_ids() if not_built_reason(t) is None]
    if not built:
        pytest.skip("no tracker has an adapter and an emulator yet")
    rng = random.Random(uuid.uuid4().int)
    exports = tmp_path / "exports"
    exports.mkdir()
    outputs: list[str] = []
    secrets: list[str] = []
    users: set[str] = set()
    running = []

    def run(*args):
        result = cli(*args)
        outputs.extend([result.out, result.err])
        return result

    caplog.set_level(logging.DEBUG)
    try:
        for n, tracker_id in enumerate(built):
            emulator = sandbox.emulator_class(tracker_id)().start()
            running.append(emulator)
            demo = dict(emulator.demo_secrets)
            unique = {k: _unique_like(v, rng) for k, v in demo.items()}
            secrets += list(demo.values()) + list(unique.values())
            users.update(a for a in emulator.demo_args if not a.startswith("-"))
            base = ["--url", emulator.url, *emulator.demo_args]
            ok = run("add", tracker_id, "--name", f"{tracker_id}-ok", "--workspace", "Sweep", *base,
                     *_secret_args(f"SWEEP_OK_{n}", demo, monkeypatch))
            assert ok.code == 0, f"{tracker_id}: {ok.err}"
            run("add", tracker_id, "--name", f"{tracker_id}-bad", "--workspace", "Sweep", *base,
                *_secret_args(f"SWEEP_BAD_{n}", unique, monkeypatch))
            # Direct checks with the unique secret: rejected, then against misbehaving servers.
            run("check", tracker_id, *base, "--json", *_secret_args(f"SWEEP_U_{n}", unique, monkeypatch))
            for fault in ("login_page", "500", "hang", "invalid_json"):
                broken = sandbox.emulator_class(tracker_id)({"fault": fault}).start()
                running.append(broken)
                run("check", tracker_id, "--url", broken.url, *emulator.demo_args, "--timeout", "1",
                    *_secret_args(f"SWEEP_F_{n}", unique, monkeypatch))
            tls = sandbox.emulator_class(tracker_id)(tls=True).start()
            running.append(tls)
            run("check", tracker_id, "--url", tls.url, *emulator.demo_args, "--json", "--timeout", "2",
                *_secret_args(f"SWEEP_T_{n}", unique, monkeypatch))
            run("check", tracker_id, "--url", tls.url, *emulator.demo_args, "--ca-bundle",
                kit.self_signed_cert_path(), *_secret_args(f"SWEEP_T2_{n}", demo, monkeypatch))

        every = run("check", "--all", "--force", "--json")
        assert every.code in (1, 3), "the bad instances make the run not ready"
        run("check", "--all", "--force")
        run("list", "--json")
        run("list")
        for name in (f"{built[0]}-ok", f"{built[0]}-bad"):
            run("history", name)
        run("expiring")
        run("report", "--workspace", "Sweep", "-o", str(exports / "report.html"))
        run("report", "--workspace", "Sweep", "-o", str(exports / "report.md"))
        run("report", "--workspace", "Sweep")
        run("export", "--workspace", "Sweep", "-o", str(exports / "plain.exadesk"))
        monkeypatch.setenv("SWEEP_PASS", "correct horse battery staple " + uuid.uuid4().hex)
        run("export", "--workspace", "Sweep", "-o", str(exports / "sealed.exadesk"), "--include-secrets",
            "--passphrase-env", "SWEEP_PASS")
        run("import", str(exports / "plain.exadesk"), "--dry-run")
    finally:
        for emulator in running:
            emulator.stop()
        for handler in logging.getLogger("exadesk").handlers:
            handler.flush()

    assert (exports / "report.html").exists() and (exports / "plain.exadesk").exists()
    files = [p for folder in (exadesk_home, exports) for p in folder.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files), "the session wrote a log"
    haystacks = {str(p): p.read_bytes().decode("utf-8", "replace") for p in files}
    haystacks["captured output"] = "\n".join(outputs)
    haystacks["log records"] = caplog.text
    # Positive control: the search does see the session's data (names are stored, reported and exported).
    for where in (str(paths.data_file()), str(exports / "report.html"), str(exports / "plain.exadesk")):
        assert f"{built[0]}-ok" in haystacks[where], f"the sweep cannot see the session's data in {where}"
    forms = {form: secret for secret in secrets for form in secret_forms(secret, tuple(users))}
    hits = sorted({(where, forms[form][:6] + "…") for where, text in haystacks.items() for form in forms
                   if form in text})
    assert hits == [], f"secrets found: {hits}"
