"""The check engine: offline validation, live verification into a report, verify-many's bounds."""

from __future__ import annotations

import logging
import threading
import time
from types import SimpleNamespace

import pytest

from exadesk.foundation.checks import Status
from exadesk.foundation.errors import ErrorKind
from exadesk.sandbox.github import DEMO_CLASSIC, DEMO_FINE
from exadesk.verification import engine, registry
from exadesk.verification.spec import Secrets, Target


def _github(url: str, token: str = DEMO_CLASSIC, **kw) -> Target:
    return Target(tracker="github", url=url, auth_method=kw.pop("auth_method", "classic"),
                  secrets=Secrets({"token": token}), scope=kw.pop("scope", ["acme/website"]), timeout=2, **kw)


def test_validate_sends_nothing_and_names_the_bad_field():
    report = engine.validate(_github("https://github.com", token="not-a-token"))
    assert report.problem is not None and report.problem.kind is ErrorKind.BAD_INPUT
    assert report.exit_code() == 2
    assert [c.id for c in report.checks if c.status is Status.FAIL] == ["github.field.token"]
    assert "not-a-token" not in report.problem.text()


@pytest.mark.parametrize("url", ["ftp://github.com", "https://", "https://exa mple.com", ""])
def test_validation_message_reads_as_one_clean_sentence(url):
    report = engine.validate(_github(url))
    text = report.problem.text()
    assert report.problem.reason == "input.field"
    assert ".." not in text, text
    assert "Expected: Expected" not in text, text


def test_unknown_tracker_is_bad_input():
    report = engine.verify(Target(tracker="no_such_tracker", url="https://x.example.com"))
    assert report.problem.reason == "input.tracker" and report.exit_code() == 2


def test_verify_ready_and_every_requirement_has_a_result(emulators):
    emulator = emulators.start("github")
    seen = []
    report = engine.verify(_github(emulator.url), on_result=seen.append)
    assert report.ready and report.exit_code() == 0
    ids = {c.id for c in report.checks}
    spec = registry.get("github").spec
    for req in spec.requirements:
        if req.applies(frozenset(), "classic"):
            assert spec.check_id(req.key) in ids
    assert [c.id for c in seen] == [c.id for c in report.checks], "on_result sees every result, in order"
    assert report.identity.login == "exalate-proxy"
    assert report.finished_at is not None


def test_manual_requirement_is_unknown_with_its_steps(emulators):
    emulator = emulators.start("github")
    report = engine.verify(_github(emulator.url, token=DEMO_FINE, auth_method="fine_grained"))
    manual = next(c for c in report.checks if c.id == "github.fine_grained_approval")
    assert manual.status is Status.UNKNOWN and manual.manual
    assert "1. " in manual.detail


def test_run_that_stops_early_marks_the_rest_unknown(emulators):
    emulator = emulators.start("github", {"fault": {"kind": "500", "path": "/repos/"}})
    report = engine.verify(_github(emulator.url))
    assert report.problem.reason == "http.server_error" and report.exit_code() == 3
    admin = next(c for c in report.checks if c.id == "github.admin")
    assert admin.status is Status.UNKNOWN and "stopped" in admin.detail


def test_proxy_user_who_is_the_person_doing_the_setup_is_warned(emulators):
    emulator = emulators.start("github")
    report = engine.verify(_github(emulator.url, person="someone@example.com, exalate-proxy"))
    check = next(c for c in report.checks if c.id == "github.dedicated_proxy_user")
    assert check.status is Status.WARN
    report = engine.verify(_github(emulator.url, person="alice"))
    assert next(c for c in report.checks if c.id == "github.dedicated_proxy_user").status is Status.PASS


def test_cancel_before_the_first_request_sends_nothing(emulators):
    emulator = emulators.start("github")
    cancel = threading.Event()
    cancel.set()
    report = engine.verify(_github(emulator.url), cancel=cancel)
    assert report.problem.kind is ErrorKind.CANCELLED and report.exit_code() == 3
    assert emulator.requests == []


def test_adapter_crash_is_contained_and_its_text_never_logged(monkeypatch, caplog):
    """An adapter bug must not take the app down, nor write what its exception quoted into the log."""
    secret = "ghp_" + "Q" * 36
    real = registry.get("github")

    def crashing(ctx):
        raise RuntimeError(f"bug while reading {ctx.target.secrets.get('token')}")
        yield  # pragma: no cover

    fake = registry.Tracker(real.spec, SimpleNamespace(verify_live=crashing))
    monkeypatch.setitem(registry._REGISTRY, "github", fake)
    with caplog.at_level(logging.DEBUG, logger="exadesk"):
        report = engine.verify(_github("https://github.example.com", token=secret))
    assert report.problem is not None and report.exit_code() == 3
    assert secret not in report.problem.text()
    assert "RuntimeError" in caplog.text, "the log keeps the type of the crash"
    assert secret not in caplog.text, "the adapter's exception text reached the log"


def test_verify_many_bounds_requests_per_host_and_overall(monkeypatch):
    running: dict[str, int] = {}
    peak: dict[str, int] = {}
    total = {"now": 0, "peak": 0}
    guards = set()
    lock = threading.Lock()

    def fake_verify(target, *, cancel=None, guard=None, **_):
        host = target.url
        with lock:
            running[host] = running.get(host, 0) + 1
            peak[host] = max(peak.get(host, 0), running[host])
            total["now"] += 1
            total["peak"] = max(total["peak"], total["now"])
            guards.add(id(guard))
        time.sleep(0.05)
        with lock:
            running[host] -= 1
            total["now"] -= 1
        return engine.Report(tracker=target.tracker, url=target.url)

    monkeypatch.setattr(engine, "verify", fake_verify)
    targets = [(f"{h}-{i}", Target(tracker="github", url=f"https://{h}.example.com")) for h in "abc" for i in range(6)]
    reports = engine.verify_many(targets, max_workers=5, per_host=2)
    assert set(reports) == {k for k, _ in targets}
    assert max(peak.values()) <= 2
    assert total["peak"] <= 5
    assert len(guards) == 1, "one probe guard for the whole run"


def test_verify_many_after_cancel_reports_cancelled_without_sending(emulators):
    emulator = emulators.start("github")
    cancel = threading.Event()
    cancel.set()
    reports = engine.verify_many([("one", _github(emulator.url))], cancel=cancel)
    assert reports["one"].problem.kind is ErrorKind.CANCELLED
    assert emulator.requests == []


def test_same_rejected_token_across_instances_is_sent_once(emulators):
    """verify-all shares one guard: two instances with the same bad token cost one rejection, not two."""
    emulator = emulators.start("github")
    bad = "ghp_" + "R" * 36
    reports = engine.verify_many([("a", _github(emulator.url, token=bad)), ("b", _github(emulator.url, token=bad))],
                                 max_workers=1)
    assert {r.problem.kind for r in reports.values()} == {ErrorKind.AUTH}
    assert emulator.count(path="/api/v3/user$") == 1


@pytest.mark.parametrize("url", ["https://[", "https://jira.example.com:99999", "https://][x"])
def test_broken_addresses_are_bad_input_not_a_crash(url):
    report = engine.validate(_github(url))
    assert report.problem is not None and report.problem.kind is ErrorKind.BAD_INPUT


def test_verify_many_survives_a_broken_address():
    reports = engine.verify_many([("bad", _github("https://jira.example.com:99999"))])
    assert reports["bad"].problem.kind is ErrorKind.BAD_INPUT


def test_address_with_credentials_is_refused_without_echoing_them():
    from exadesk.verification import engine
    from exadesk.verification.spec import Secrets, Target

    secret = "pw-in-url-7f3a9c"
    report = engine.validate(Target(tracker="github", url=f"https://proxy:{secret}@github.example.com",
                                    auth_method="classic", secrets=Secrets({"token": "ghp_" + "a" * 36})))
    assert report.exit_code() == 2
    url_check = next(c for c in report.checks if c.id == "github.url")
    assert url_check.status.value == "fail"
    assert secret not in repr(report.to_json())


class _Held:
    """Stands in for engine.verify: each run holds until released (or stopped), and records the order of starts."""

    def __init__(self):
        self.release = threading.Event()
        self.started: list[str] = []
        self.cancels: list = []
        self.lock = threading.Lock()

    def verify(self, target, *, cancel=None, **_):
        with self.lock:
            self.started.append(target.url)
            self.cancels.append(cancel)
        while not self.release.wait(0.01) and not cancel.is_set():
            pass
        report = engine.Report(tracker=target.tracker, url=target.url)
        if cancel.is_set():
            report.problem = engine.messages.problem("cancelled")
        return report

    def wait_for(self, count: int) -> None:
        for _ in range(500):
            if len(self.started) >= count:
                return
            time.sleep(0.01)
        raise AssertionError(f"{count} runs were expected to start, {len(self.started)} did")


def test_a_free_worker_takes_the_next_target_whose_host_has_room(monkeypatch):
    """Many targets on one host never hold back another host's: the queue is not served strictly in order."""
    held = _Held()
    monkeypatch.setattr(engine, "verify", held.verify)
    busy = [(f"a{i}", Target(tracker="github", url=f"https://a.example/{i}")) for i in range(5)]
    targets = busy + [("b", Target(tracker="github", url="https://b.example"))]
    scheduler = engine.VerifyMany(targets, max_workers=3, per_host=1)
    worker = threading.Thread(target=scheduler.run)
    worker.start()
    try:
        held.wait_for(2)
        time.sleep(0.2)  # the third worker has nothing it may start: host a is full and b is running
        assert held.started == ["https://a.example/0", "https://b.example"]
    finally:
        held.release.set()
        worker.join(10)
    assert len(scheduler.results) == 6 and len(held.started) == 6


def test_a_runs_stop_and_one_targets_stop_both_reach_a_running_verification(monkeypatch):
    held = _Held()
    monkeypatch.setattr(engine, "verify", held.verify)
    run_stop, own = threading.Event(), {"a": threading.Event(), "b": threading.Event()}
    targets = [("a", Target(tracker="github", url="https://a.example")),
               ("b", Target(tracker="github", url="https://b.example"))]
    scheduler = engine.VerifyMany(targets, max_workers=2, cancel=run_stop, cancels=own)
    worker = threading.Thread(target=scheduler.run)
    worker.start()
    held.wait_for(2)
    own["a"].set()  # one instance's Stop ends that one only
    for _ in range(300):
        if "a" in scheduler.results:
            break
        time.sleep(0.01)
    assert scheduler.results["a"].problem.kind is ErrorKind.CANCELLED and "b" not in scheduler.results
    run_stop.set()  # the run's Stop reaches the other, though it has a flag of its own
    worker.join(5)
    assert not worker.is_alive() and scheduler.results["b"].problem.kind is ErrorKind.CANCELLED


def test_a_withdrawn_target_never_starts_and_a_running_one_cannot_be_withdrawn(monkeypatch):
    held = _Held()
    monkeypatch.setattr(engine, "verify", held.verify)
    targets = [(k, Target(tracker="github", url=f"https://a.example/{k}")) for k in ("first", "queued")]
    scheduler = engine.VerifyMany(targets, max_workers=2, per_host=1)
    worker = threading.Thread(target=scheduler.run)
    worker.start()
    held.wait_for(1)
    assert scheduler.withdraw("first") is False, "it is being verified: withdrawing it would run it twice"
    assert scheduler.withdraw("queued") is True
    held.release.set()
    worker.join(10)
    assert held.started == ["https://a.example/first"] and set(scheduler.results) == {"first"}
    assert scheduler.withdraw("first") is True, "finished: a run of its own repeats nothing"


# -- one run's target: derived once, never changed ---------------------------------------------


class _Provider(engine.CredentialProvider):
    """A credential provider that hands over a fresh token (as a stored OAuth sign-in does), counting the asks."""

    def __init__(self, problem=None):
        self.asked, self.problem = [], problem

    def sign_in(self, target, cancel):
        self.asked.append(cancel)
        if self.problem is not None:
            raise engine.ExaDeskError(self.problem)
        return engine.SignIn(Secrets({"api_token": "fresh-token-5521"}), refresh_token_issued_at="2026-03-01T09:00:00+00:00")


def _seeing(monkeypatch, tracker_id: str, seen: list):
    real = registry.get(tracker_id)

    def live(ctx):
        seen.append(ctx)
        return iter(())

    monkeypatch.setitem(registry._REGISTRY, tracker_id, registry.Tracker(real.spec, SimpleNamespace(verify_live=live,
                                                                                                    verify_admin=live)))


def test_the_engine_signs_in_through_the_provider_and_never_changes_the_target(monkeypatch):
    import dataclasses

    seen = []
    _seeing(monkeypatch, "jira_cloud", seen)
    provider = _Provider()
    target = Target(tracker="jira_cloud", url="https://acme.atlassian.net/jira/software/projects/SUP/boards/1",
                    auth_method="api_token", values={"email": "sync@acme.example"},
                    secrets=Secrets({"api_token": "o" * 24}), scope=["SUP"], credentials=provider)
    before = (target.url, dict(target.values), target.secrets, list(target.scope))
    with pytest.raises(dataclasses.FrozenInstanceError):
        target.url = "https://other.atlassian.net"  # type: ignore[misc]
    report = engine.verify(target)
    assert (target.url, target.values, target.secrets, target.scope) == before
    assert target.secrets.get("api_token") == "o" * 24
    assert len(provider.asked) == 1 and provider.asked[0] is seen[0].cancel, "asked once, with the run's cancel flag"
    ctx = seen[0]
    assert ctx.target.url == "https://acme.atlassian.net" and report.url == "https://acme.atlassian.net"
    assert ctx.target.secrets.get("api_token") == "fresh-token-5521"
    assert ctx.sign_in.refresh_token_issued_at == "2026-03-01T09:00:00+00:00"
    assert "refresh_token_issued_at" not in ctx.target.values


def test_a_provider_that_cannot_sign_in_stops_the_run_before_anything_is_sent(monkeypatch):
    seen = []
    _seeing(monkeypatch, "github", seen)
    problem = engine.messages.problem("oauth.sign_in_again", tracker="GitHub", instance="Acme", error="revoked")
    report = engine.verify(_github("https://github.com", credentials=_Provider(problem)))
    assert report.problem.reason == "oauth.sign_in_again" and seen == []


def test_an_admin_run_judges_the_admin_catalogue_without_changing_the_spec(monkeypatch):
    seen = []
    _seeing(monkeypatch, "jira_cloud", seen)
    spec = registry.get("jira_cloud").spec
    target = Target(tracker="jira_cloud", url="https://acme.atlassian.net", auth_method="api_token",
                    values={"email": "admin@acme.example"}, secrets=Secrets({"api_token": "t" * 24}))
    report = engine.verify_admin(target)
    assert report.problem is None, report.problem
    assert seen[0].spec is spec and seen[0].requirements == tuple(spec.admin_requirements.values())
    assert {c.id for c in report.checks if not c.id.startswith("notice.")} == \
        {spec.check_id(r.key) for r in spec.admin_requirements.values()}


def test_a_pasted_page_address_is_judged_as_typed_and_reported_as_its_site(monkeypatch):
    """The length and character rules judge the address as typed (a 20,000-character paste is refused even when its
    site would be short, tests/security), then the site it trims to; the report names the site."""
    from exadesk.foundation import validation

    judged = []
    real = validation.url_problem
    monkeypatch.setattr(validation, "url_problem", lambda url: judged.append(url) or real(url))
    report = engine.validate(Target(tracker="azure_devops", url="https://dev.azure.com/acme/Website/_boards/board",
                                    secrets=Secrets({"token": "a" * 52}), scope=["Website"]))
    assert judged[0] == "https://dev.azure.com/acme/Website/_boards/board" and "https://dev.azure.com/acme" in judged
    assert report.problem is None and report.url == "https://dev.azure.com/acme"


def test_the_cores_check_sentences_are_read_from_the_catalogue(monkeypatch):
    from exadesk.foundation import messages, strings

    monkeypatch.setattr(strings, "_translator", lambda context, text: f"[{context}] {text}")
    assert messages.say("not_checked") == "[core] Not checked."
    spec = registry.get("github").spec
    ctx = engine.VerifyContext(spec, _github("https://github.com"), lambda *a, **k: None, threading.Event())
    assert ctx.not_sent("repo", "permissions", "GET /repos/acme/website").detail.startswith("[core] GitHub did not send")
    assert ctx.denied("repo", "the repository").detail == \
        "[core] GitHub does not let this account read the repository, so this could not be decided."
    assert ctx.scope_missing(["acme/web"]).detail.startswith("[core] No repository acme/web")


def test_every_core_check_sentence_is_used():
    import inspect
    import re

    from exadesk.foundation import messages
    from exadesk.verification import spec as base

    source = inspect.getsource(engine) + inspect.getsource(base)
    used = set(re.findall(r'messages\.say\("([a-z_.]+)"', source))
    used |= {k for k in messages.CHECK_WORDS if f'"{k}"' in source}  # chosen by a condition: "a" if ... else "b"
    assert used == set(messages.CHECK_WORDS)
