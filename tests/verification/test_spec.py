"""exadesk/verification/spec.py: what a tracker spec declares, the secrets that never show, and the verify context's
concurrent reads."""

from __future__ import annotations

import threading
import time

import pytest

from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.trackers import github
from exadesk.verification.spec import Requirement, ScopeSpec, Secrets, Target, VerifyContext

SECRET = "ghp_" + "S" * 36


def test_secrets_never_show_in_repr_or_str():
    secrets = Secrets({"token": SECRET, "empty": ""})
    assert SECRET not in repr(secrets) and SECRET not in str(secrets) and "token" in repr(secrets)
    assert "token" in secrets and "empty" not in secrets and secrets.values() == [SECRET]


def test_a_target_value_falls_back_to_its_secrets():
    target = Target("github", "https://api.github.com", values={"username": "proxy"}, secrets=Secrets({"token": SECRET}))
    assert (target.value("username"), target.value("token"), target.value("other")) == ("proxy", SECRET, "")


def test_a_requirement_applies_to_its_sync_options_and_methods():
    always = Requirement("read", "Read", "Grant read")
    on_write = Requirement("write", "Write", "Grant write", when=frozenset({"outgoing"}), methods=frozenset({"basic"}))
    assert always.applies(()) and always.applies({"outgoing"}, "oauth")
    assert on_write.applies({"outgoing"}, "basic") and on_write.applies({"outgoing"})
    assert not on_write.applies({"incoming"}, "basic") and not on_write.applies({"outgoing"}, "oauth")


def test_a_spec_finds_its_methods_and_requirements_by_key():
    spec = github.SPEC
    assert spec.auth_method(None) is spec.auth_methods[0] and spec.auth_method("") is spec.auth_methods[0]
    assert spec.auth_method(spec.auth_methods[-1].id) is spec.auth_methods[-1]
    key = spec.requirements[0].key
    assert spec.requirement(key) is spec.requirements[0] and spec.check_id(key) == f"github.{key}"
    with pytest.raises(KeyError):
        spec.auth_method("no-such-method")
    with pytest.raises(KeyError):
        spec.requirement("no-such-requirement")


def test_a_required_scope_is_missing_when_only_blanks_were_given():
    scope = ScopeSpec("Repositories", "acme/website", required=True, noun="repository")
    assert scope.missing([]) and scope.missing(["  "]) and not scope.missing(["acme/website"])
    assert not ScopeSpec("Projects", "OPS").missing([])
    assert "for example acme/website" in scope.missing_sentence("GitHub", "--project")


def _context(concurrency=4, cancel=None):
    target = Target("github", "https://api.github.com", secrets=Secrets({"token": SECRET}))
    return VerifyContext(github.SPEC, target, lambda *a, **k: None, cancel or threading.Event(), concurrency=concurrency)


def test_gather_runs_reads_concurrently_and_returns_them_in_order():
    running, most, lock = [0], [0], threading.Lock()

    def read(n):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05 * (5 - n))
        with lock:
            running[0] -= 1
        return n

    assert _context(concurrency=3).gather(lambda n=n: read(n) for n in range(5)) == [0, 1, 2, 3, 4]
    assert most[0] == 3


def test_gather_raises_the_first_failure_in_the_order_given():
    def fail(text, delay):
        time.sleep(delay)
        raise ValueError(text)

    with pytest.raises(ValueError, match="first"):
        _context().gather([lambda: fail("first", 0.2), lambda: fail("second", 0.0)])


def test_cancel_ends_gather_at_once():
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(CheckError) as info:
        _context(cancel=cancel).gather([lambda: time.sleep(3), lambda: time.sleep(3)])
    assert info.value.problem.kind is ErrorKind.CANCELLED and time.monotonic() - started < 2
