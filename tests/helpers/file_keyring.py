"""A keyring backend in one JSON file, shared by the processes of a test (``PYTHON_KEYRING_BACKEND``).

The crash and parallel-run tests start real ``exadesk`` processes and kill some of them; they need a
keychain every process sees, that survives a kill, and that never is the person's own. Each change
is made under an exclusive lock and written atomically.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "EXADESK_TEST_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    priority = 1

    @property
    def path(self) -> Path:
        return Path(os.environ[ENV])

    @contextlib.contextmanager
    def _locked(self):
        with open(self.path.with_suffix(".lock"), "a+b") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            yield

    def entries(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def _write(self, entries: dict[str, str]) -> None:
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entries))
        os.replace(tmp, self.path)

    def get_password(self, service, username):
        return self.entries().get(f"{service}|{username}")

    def set_password(self, service, username, password):
        with self._locked():
            entries = self.entries()
            entries[f"{service}|{username}"] = password
            self._write(entries)

    def delete_password(self, service, username):
        with self._locked():
            entries = self.entries()
            if f"{service}|{username}" not in entries:
                raise PasswordDeleteError("not found")
            del entries[f"{service}|{username}"]
            self._write(entries)
