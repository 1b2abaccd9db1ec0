"""The running app's state: the data file, the keychain and the workers, behind one object.

Widgets read ``session.data`` and change it only through :meth:`Session.update`,
which writes under the file lock and tells every view through ``changed``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from exadesk.foundation.errors import ExaDeskError
from exadesk.store.model import Data, Instance, Workspace
from exadesk.store.storage import LoadResult, Store
from exadesk.ui import texts


class Session(QObject):
    """Signals:
        changed: the data changed (argument: the id of the instance to select, or "").
        problem: a Problem to show the person (storage or keychain trouble).
    """

    changed = Signal(str)
    problem = Signal(object)
    _written = Signal(object, object, str)  # data, problem, select: from the writer thread

    def __init__(self, store: Store | None = None, parent: QObject | None = None, loaded: LoadResult | None = None):
        """``loaded``: the data file as already read from ``store`` (the window's start reads it before Qt loads)."""
        super().__init__(parent)
        self.store = store or Store()
        result = loaded if loaded is not None else self.store.load()
        self.data: Data = result.data
        self.load_warnings = list(result.warnings)
        self.load_blocked = result.blocked  # the data file is unreadable or newer: nothing is saved until settled
        self.load_result = result
        self._secrets = None
        self._workers = None
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._written.connect(self._apply_written)
        self.demo = None  # a running sandbox demo (exadesk.sandbox.demo.Demo)

    @property
    def secrets(self):
        """The keychain, opened on first use (keyring's backend detection is not free)."""
        if self._secrets is None:
            from exadesk.store.keychain import SecretStore

            self._secrets = SecretStore()
        return self._secrets

    @secrets.setter
    def secrets(self, store) -> None:
        self._secrets = store

    @property
    def workers(self):
        """The verification pool (exadesk.ui.workers.Workers), made on first use, after the first paint."""
        if self._workers is None:
            from exadesk.ui.workers import Workers

            self._workers = Workers(self)
        return self._workers

    def update(self, change: Callable[[Data], object], select: str = "") -> bool:
        """Apply ``change`` to the data file under the lock; False (and ``problem``) when it could not be written."""
        return self.write_with(lambda: self.store.update(change), select, reread=False)

    def write_with(self, write: Callable[[], Data], select: str = "", *, reread: bool = True) -> bool:
        """Run a write that goes through the store itself (:mod:`exadesk.store.recovery`'s ordered writes).

        False (and ``problem``) when it failed; with ``reread`` the data is read again, since part of an
        ordered write may have been done.
        """
        try:
            self.data = write()
        except ExaDeskError as exc:
            self.problem.emit(exc.problem)
            if reread:
                self.reload()
            return False
        except OSError as exc:
            self.problem.emit(texts.write_failed(self.store.path, exc))
            return False
        self.changed.emit(select)
        return True

    def reload(self) -> None:
        """Read the data file again (after a restore, start-empty, or a write that failed half-way)."""
        result = self.store.load()
        self.data = result.data
        self.load_warnings = list(result.warnings)
        self.load_blocked = result.blocked
        self.load_result = result
        self.changed.emit("")

    def update_later(self, change: Callable[[Data], object], select: str = "") -> None:
        """Like :meth:`update`, but the file is read and written on the writer thread.

        Used for results of background runs, so a slow disk never stalls the window.
        Writes stay in order: there is one writer thread.
        """
        session = self

        class _Write(QRunnable):
            def run(self) -> None:  # writer thread
                try:
                    data = session.store.update(change)
                except ExaDeskError as exc:
                    session._written.emit(None, exc.problem, select)
                    return
                except OSError as exc:
                    session._written.emit(None, texts.write_failed(session.store.path, exc), select)
                    return
                session._written.emit(data, None, select)

        self._writer.start(_Write())

    def _apply_written(self, data, problem, select: str) -> None:
        if problem is not None:
            self.problem.emit(problem)
            return
        self.data = data
        self.changed.emit(select)

    def flush(self, msecs: int = 10000) -> bool:
        """Wait for pending background writes (on quit and in tests)."""
        done = self._writer.waitForDone(msecs)
        QCoreApplication.sendPostedEvents(self)
        return done

    def find(self, instance_id: str) -> tuple[Workspace, Instance] | None:
        for ws in self.data.workspaces:
            for inst in ws.instances:
                if inst.id == instance_id:
                    return ws, inst
        return None

    def shutdown(self) -> None:
        if self._workers is not None:
            self._workers.cancel_all()
            self._workers.wait(5000)
        self._writer.waitForDone(10000)
        if self.demo is not None:
            self.demo.stop()
            self.demo = None
