"""Verification off the UI thread (exadesk/ui/workers.py): a bounded pool, results by signal, Cancel per run."""

from __future__ import annotations

import threading

from exadesk.foundation.checks import CheckResult, Report, Status
from exadesk.ui.workers import Workers


class FakeVerify:
    """A stand-in for engine.verify: reports one check; with ``hold`` it then waits for its run's Cancel."""

    def __init__(self, hold: bool = False):
        self.hold = hold
        self.lock = threading.Lock()
        self.active = self.peak = 0
        self.threads: list[threading.Thread] = []

    def __call__(self, target, cancel, on_result):
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
            self.threads.append(threading.current_thread())
        try:
            on_result(CheckResult(f"{target}.first", Status.PASS, "First"))
            if self.hold:
                cancel.wait(10)
            return Report(tracker=str(target), url="https://x.example")
        finally:
            with self.lock:
                self.active -= 1


def test_results_and_the_report_come_back_on_the_ui_thread(qtbot):
    workers = Workers(max_in_flight=2)
    verify = FakeVerify()
    seen, done = [], []
    workers.start("github", on_result=lambda c: seen.append((c.id, threading.current_thread())),
                  on_finished=done.append, verify=verify)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert seen == [("github.first", threading.main_thread())]
    assert done[0].tracker == "github" and verify.threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: workers.in_flight == 0)


def test_the_pool_is_bounded_and_cancel_all_stops_every_run(qtbot):
    workers = Workers(max_in_flight=2)
    verify = FakeVerify(hold=True)
    done = []
    runs = [workers.start(f"t{n}", on_finished=done.append, verify=verify) for n in range(3)]
    qtbot.waitUntil(lambda: len(verify.threads) == 2, timeout=5000)
    assert workers.in_flight == 3 and not done  # two hold their thread, the third waits for one
    workers.cancel_all()
    assert all(run.cancel_flag.is_set() for run in runs)
    qtbot.waitUntil(lambda: len(done) == 3, timeout=5000)
    assert verify.peak == 2
    assert workers.wait(5000)
    qtbot.waitUntil(lambda: workers.in_flight == 0)
