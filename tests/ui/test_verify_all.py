"""exadesk/ui/verify_all.py: the window's Verify all over the core's one run: bounded per host, progress, Stop,
the same run as the CLI's, and an instance queued in it verified once."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest

from exadesk.foundation import clock
from exadesk.foundation.checks import CheckResult, Report, Status
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.services import instances
from exadesk.store.model import Instance, InstanceState, Verification
from exadesk.store.storage import Store
from exadesk.verification import engine


# -- verify all ---------------------------------------------------------------------------------


class _FakeTracker:
    """Stands in for engine.verify: answers when released, and records how many ran at once per host."""

    def __init__(self):
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.now: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.seen: list[str] = []

    def verify(self, target, cancel=None, on_result=None, **_engine_options):
        host = urlsplit(target.url).hostname
        with self.lock:
            self.now[host] = self.now.get(host, 0) + 1
            self.peak[host] = max(self.peak.get(host, 0), self.now[host])
            self.seen.append(target.url)
        while not self.release.wait(0.01):
            if cancel is not None and cancel.is_set():
                break
        with self.lock:
            self.now[host] -= 1
        report = Report(tracker=target.tracker, url=target.url)
        if cancel is not None and cancel.is_set():
            report.problem = Problem(ErrorKind.CANCELLED, "Verification was cancelled.", "", reason="cancelled")
        report.checks = [CheckResult("github.token", Status.PASS, "Token accepted")]
        report.finished_at = clock.now()
        return report


@pytest.fixture
def fake(monkeypatch):
    tracker = _FakeTracker()
    monkeypatch.setattr(engine, "verify", tracker.verify)
    yield tracker
    tracker.release.set()


def _verified(at: datetime) -> Verification:
    return Verification(at=at, ready=True, checks=[CheckResult("github.token", Status.PASS, "Token accepted")])


def test_verify_all_takes_pending_and_stale_only_bounded_per_host_with_progress(qtbot, window, workspace_id, fake):
    now = clock.now()
    fresh = Instance(tracker="github", name="Fresh", url="https://one.example", auth_method="classic",
                     state=InstanceState.VERIFIED, history=[_verified(now - timedelta(days=1))])
    stale = Instance(tracker="github", name="Stale", url="https://one.example", auth_method="classic",
                     state=InstanceState.VERIFIED, history=[_verified(now - timedelta(days=9))])
    admin = Instance(tracker="github", name="Admin cred", url="https://one.example", auth_method="classic",
                     role="admin")
    pending = [Instance(tracker="github", name=f"Same host {i}", url="https://one.example", auth_method="classic")
               for i in range(6)]
    other = Instance(tracker="github", name="Other host", url="https://two.example", auth_method="classic",
                     state=InstanceState.PREPARED_OFFLINE)
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend([fresh, stale, admin, *pending, other]))
    window.sidebar.select(workspace_id)
    page = window.workspace_page
    assert window.verify_workspace(workspace_id) == 8  # 6 pending + stale + prepared offline; not fresh, not admin
    qtbot.waitUntil(lambda: len(fake.seen) >= 4)
    assert page.progress.isVisibleTo(page) and page.cancel_button.isVisibleTo(page)
    assert page.progress.maximum() == 8 and not page.verify_button.isEnabled()
    assert len(window.runs) <= window.session.workers.pool.maxThreadCount()
    fake.release.set()
    qtbot.waitUntil(lambda: window.verify_all_run is None, timeout=10000)
    window.session.flush()
    assert fake.peak["one.example"] <= instances.PER_HOST
    assert len(fake.seen) == 8
    assert not page.progress.isVisibleTo(page)
    assert page.progress_text.text() == "Last Verify all: 8 of 8 verified: 8 ready, 0 not ready, 0 not " \
                                        "confirmed."
    data = Store().load().data
    stored = {i.name: i for i in data.workspace(workspace_id).instances}
    assert len(stored["Fresh"].history) == 1 and not stored["Admin cred"].history
    for name in ("Stale", "Other host", *(p.name for p in pending)):
        assert stored[name].state is InstanceState.VERIFIED
        assert now - timedelta(seconds=1) <= stored[name].last.at <= clock.now()
    # Everything is fresh now: a second Verify all has nothing to do and says so.
    assert window.verify_workspace(workspace_id) == 0
    assert "Nothing to verify" in page.progress_text.text()


def test_stopping_verify_all_keeps_the_last_results(qtbot, window, workspace_id, fake):
    items = [Instance(tracker="github", name=f"Item {i}", url=f"https://h{i}.example", auth_method="classic")
             for i in range(10)]
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend(items))
    window.sidebar.select(workspace_id)
    assert window.verify_workspace(workspace_id) == 10
    qtbot.waitUntil(lambda: len(fake.seen) >= 2)
    window.workspace_page.cancel_button.click()
    qtbot.waitUntil(lambda: window.verify_all_run is None, timeout=10000)
    window.session.flush()
    assert len(fake.seen) < 10  # the queue never started the rest
    assert window.workspace_page.progress_text.text().startswith("Last Verify all: Stopped.")
    assert not window.workspace_page.cancel_button.isVisibleTo(window.workspace_page)


def test_the_window_and_the_cli_run_the_same_verify_all(qtbot, window, workspace_id, fake, monkeypatch, cli):
    """One verify-all: the window's Verify all and ``exadesk check --all`` both run instances.VerifyAllRun."""
    runs = []
    original = instances.VerifyAllRun.run

    def run(self):
        runs.append(self)
        return original(self)

    monkeypatch.setattr(instances.VerifyAllRun, "run", run)
    items = [Instance(tracker="github", name=f"Item {i}", url="https://one.example:8443", auth_method="classic")
             for i in range(2)]
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend(items))
    fake.release.set()
    assert window.verify_workspace(workspace_id) == 2
    qtbot.waitUntil(lambda: window.verify_all_run is None, timeout=10000)
    window.session.flush()
    assert len(runs) == 1 and {inst.id for _, inst in runs[0].chosen} == {i.id for i in items}
    cli("check", "--all", "--force")
    assert len(runs) == 2 and {inst.id for _, inst in runs[1].chosen} >= {i.id for i in items}


def test_verify_now_on_an_instance_queued_in_verify_all_runs_it_once(qtbot, window, workspace_id, fake):
    items = [Instance(tracker="github", name=f"Item {i}", url=f"https://one.example/{i}", auth_method="classic")
             for i in range(instances.PER_HOST + 2)]
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend(items))
    window.sidebar.select(workspace_id)
    assert window.verify_workspace(workspace_id) == len(items)
    qtbot.waitUntil(lambda: len(fake.seen) >= instances.PER_HOST)  # the host is full: the last two wait
    running, queued = items[0], items[-1]
    assert window.verify_instance(running.id) is False  # Verify all is running it: no second run
    assert window.verify_instance(queued.id) is True  # taken out of the queue and verified now, on its own
    qtbot.waitUntil(lambda: queued.url in fake.seen)
    fake.release.set()
    qtbot.waitUntil(lambda: window.verify_all_run is None and not window.runs, timeout=10000)
    window.session.flush()
    assert sorted(fake.seen) == sorted(i.url for i in items), "each instance ran exactly once"
    assert window.workspace_page.progress_text.text().startswith(f"Last Verify all: {len(items) - 1} of "
                                                                 f"{len(items) - 1} verified")
    stored = {i.name: i for i in Store().load().data.workspace(workspace_id).instances}
    assert all(stored[i.name].state is InstanceState.VERIFIED for i in items)
