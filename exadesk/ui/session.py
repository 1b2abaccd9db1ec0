"""The running app's state: the data file, the keychain and the workers, behind one object.

Widgets read ``session.data`` and change it only through :meth:`Session.update`,
which writes under the file lock and tells every view through ``changed``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from exadesk.errors import ExaDeskError
from exadesk.model import Data, Instance, Workspace
from exadesk.storage import Store


class Session(QObject):
    """Signals:
        changed: the data changed (argument: the id of the instance to select, or "").
        problem: a Problem to show the person (storage or keychain trouble).
    """

    changed = Signal(str)
    problem = Signal(object)

    def __init__(self, store: Store | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store or Store()
        result = self.store.load()
        self.data: Data = result.data
        self.load_warnings = list(result.warnings)
        self._secrets = None
        from exadesk.ui.workers import Workers

        self.workers = Workers(self)
        self.demo = None  # a running sandbox demo (exadesk.sandbox.demo.Demo)

    @property
    def secrets(self):
        """The keychain, opened on first use (keyring's backend detection is not free)."""
        if self._secrets is None:
            from exadesk.keychain import SecretStore

            self._secrets = SecretStore()
        return self._secrets

    def update(self, change: Callable[[Data], object], select: str = "") -> bool:
        """Apply ``change`` to the data file under the lock; False (and ``problem``) when it could not be written."""
        try:
            self.data = self.store.update(change)
        except ExaDeskError as exc:
            self.problem.emit(exc.problem)
            return False
        except OSError as exc:
            from exadesk.ui import texts

            self.problem.emit(texts.write_failed(self.store.path, exc))
            return False
        self.changed.emit(select)
        return True

    def find(self, instance_id: str) -> tuple[Workspace, Instance] | None:
        for ws in self.data.workspaces:
            for inst in ws.instances:
                if inst.id == instance_id:
                    return ws, inst
        return None

    def shutdown(self) -> None:
        self.workers.cancel_all()
        self.workers.wait(5000)
        if self.demo is not None:
            self.demo.stop()
            self.demo = None
