"""The window's Verify all: a thin Qt adapter over the core's one verify-all (exadesk.services.instances.VerifyAllRun).

The core runs the instances (one per-host bound, one cancel) in a worker thread and calls back from there; the
adapter turns each callback into a signal, which Qt queues onto the GUI thread, where the window shows live results,
stores each outcome by the core's one rule (instances.keeps_last_result) and shows the progress.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from exadesk.services import instances


class _InstanceRun:
    """What the window's ``runs`` holds for an instance of a Verify all: Cancel stops that one instance."""

    def __init__(self, run: instances.VerifyAllRun, inst_id: str):
        self._run, self._inst_id = run, inst_id

    def cancel(self) -> None:
        self._run.cancel_instance(self._inst_id)


class VerifyAllAdapter(QObject):
    """One workspace's Verify all in the window.

    Signals (queued to the GUI thread):
        started(str): an instance left the queue (instance id).
        result(str, object): a CheckResult of a running instance.
        finished(str, object): an instance's Report.
        ended(): the run is over (after every ``finished``).
    """

    started = Signal(str)
    result = Signal(str, object)
    finished = Signal(str, object)
    ended = Signal()

    def __init__(self, window, workspace_id: str, chosen: list, max_workers: int):
        super().__init__(window)
        self.window, self.workspace_id = window, workspace_id
        self.chosen = [inst.id for _, inst in chosen]
        self.total, self.done = len(chosen), 0
        self.results = {"ready": 0, "not_ready": 0, "other": 0}
        self.cancelled = False
        self._started: set[str] = set()
        self._open = set(self.chosen)  # not finished yet
        self._withdrawn: set[str] = set()  # taken out for a "Verify now" of their own
        session = window.session
        self.run = instances.VerifyAllRun(
            chosen, settings=session.data.settings, secrets=session.secrets, max_workers=max_workers,
            per_host=instances.PER_HOST, each_cancellable=True,
            on_started=self.started.emit, on_result=self.result.emit, on_finished=self.finished.emit)
        self.started.connect(self._on_started)
        self.result.connect(window._on_result)
        self.finished.connect(self._on_finished)
        self.ended.connect(self.end)
        self._thread = threading.Thread(target=self._work, name="verify-all", daemon=True)

    def start(self) -> None:
        self.show()
        self._thread.start()

    def _work(self) -> None:  # worker thread
        try:
            self.run.run()
        finally:
            self.ended.emit()

    def _on_started(self, inst_id: str) -> None:
        self._started.add(inst_id)
        self.window._run_started(inst_id, _InstanceRun(self.run, inst_id))

    def withdraw(self, inst_id: str) -> bool:
        """"Verify now" on an instance of this run: True when the window may verify it on its own (it was still
        queued and is now taken out, or it is done); False when this run is verifying it already (its results show
        live, so a second run would only repeat it)."""
        if inst_id not in self._open:
            return True
        if not self.run.withdraw(inst_id):
            return False
        self._open.discard(inst_id)
        self._withdrawn.add(inst_id)
        self.total -= 1
        self.show()
        return True

    def _on_finished(self, inst_id: str, report) -> None:
        if inst_id in self._withdrawn:
            return  # its own run (Verify now) shows and stores it
        self._open.discard(inst_id)
        if inst_id in self._started:
            self.window._on_finished(inst_id, report, store=not instances.keeps_last_result(report))
        elif self.run.cancel_event.is_set():
            return  # stopped while queued: nothing was sent, and it is not counted as verified
        self.done += 1
        code = report.exit_code()
        self.results["ready" if code == 0 else "not_ready" if code == 1 else "other"] += 1  # 2, 3: not confirmed
        self.show()

    def cancel(self) -> None:
        self.cancelled = True
        self.run.cancel()

    def wait(self, seconds: float) -> None:
        """Wait for the worker thread to end (on quit, after :meth:`cancel`)."""
        if self._thread.is_alive():
            self._thread.join(seconds)

    def text(self) -> str:
        return self.tr("{done} of {total} verified: {ready} ready, {not_ready} not ready, {other} not "
                       "confirmed.").format(done=self.done, total=self.total, **self.results)

    def show(self) -> None:
        window = self.window
        window.statusBar().showMessage(self.text())
        page = window.workspace_page
        if page.workspace_id == self.workspace_id:
            page.set_progress(self.done, self.total if window.verify_all_run is self else 0, self.text())

    def end(self) -> None:
        window = self.window
        if window.verify_all_run is not self:
            return
        window.verify_all_run = None
        window._record_finished()
        text = self.text()
        if self.cancelled:
            text = self.tr("Stopped. {summary}").format(summary=text)
        window.verify_all_summary[self.workspace_id] = text
        window.statusBar().showMessage(text)
        if window.workspace_page.workspace_id == self.workspace_id:
            window.workspace_page.set_progress(0, 0, self.tr("Last Verify all: {summary}").format(summary=text))


def start(window, ws_id: str, chosen: list) -> VerifyAllAdapter:
    """Start Verify all over ``chosen`` (workspace, instance) pairs, within the room left in the window's pool."""
    workers = window.session.workers
    run = VerifyAllAdapter(window, ws_id, chosen, max(1, workers.pool.maxThreadCount() - workers.in_flight))
    window.verify_all_run = run
    run.start()
    return run
