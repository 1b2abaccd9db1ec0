"""Network work off the UI thread: verification runs on a bounded thread pool.

Each run gets its own cancel flag; results come back through Qt signals, which
Qt queues onto the UI thread, so widgets are only touched there.
"""

from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from exadesk.verification.spec import Target

#: At most this many verifications run at once (each holds one or two connections).
MAX_IN_FLIGHT = 4


class _Signals(QObject):
    """Signals of one run.

    Signals:
        result: a CheckResult, as soon as the engine produces it.
        finished: the Report, once (also after a cancel).
    """

    result = Signal(object)
    finished = Signal(object)


class VerifyRun(QRunnable):
    """One verification on the pool. ``cancel()`` stops it at the next request."""

    def __init__(self, target: Target, verify: Callable | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the Python side owns it until finished
        self.target = target
        self.signals = _Signals()
        self.cancel_flag = threading.Event()
        self._verify = verify

    def cancel(self) -> None:
        self.cancel_flag.set()

    def run(self) -> None:  # worker thread
        from exadesk.verification import engine

        verify = self._verify or engine.verify
        report = verify(self.target, cancel=self.cancel_flag, on_result=self.signals.result.emit)
        self.signals.finished.emit(report)


class Workers(QObject):
    """The app's pool of verification runs, bounded to :data:`MAX_IN_FLIGHT`."""

    def __init__(self, parent: QObject | None = None, max_in_flight: int = MAX_IN_FLIGHT):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_in_flight)
        self._running: set[VerifyRun] = set()

    def start(self, target: Target, on_result=None, on_finished=None, verify: Callable | None = None) -> VerifyRun:
        run = VerifyRun(target, verify)
        if on_result is not None:
            run.signals.result.connect(on_result)
        run.signals.finished.connect(lambda _report, run=run: self._running.discard(run))
        if on_finished is not None:
            run.signals.finished.connect(on_finished)
        self._running.add(run)
        self.pool.start(run)
        return run

    @property
    def in_flight(self) -> int:
        return len(self._running)

    def cancel_all(self) -> None:
        for run in list(self._running):
            run.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Cancel nothing, wait for the runs to end (used on quit after cancel_all)."""
        return self.pool.waitForDone(msecs)
