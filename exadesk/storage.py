"""The data file: versioned JSON, atomic writes, a lock between running copies.

A write goes to a temporary file in the same folder, is fsynced and then
renamed over the old one, so a crash leaves the old or the new file, never a
torn one. A file that cannot be read is moved aside and reported, never
silently replaced.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from exadesk import paths
from exadesk.errors import StorageError
from exadesk.model import Data, Settings, Workspace

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2


def _migrate_1_to_2(raw: dict) -> dict:
    # Version 1 kept a flat list of instances with no workspaces.
    instances = raw.pop("instances", [])
    if instances:
        raw.setdefault("workspaces", []).append({"id": "default", "name": "My instances", "instances": instances})
    return raw


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _migrate_1_to_2}


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so a reader sees the old or the new bytes."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(tmp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sys.platform != "win32":  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def file_lock(path: Path, timeout: float = 10.0) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a sidecar lock file) across processes."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle = open(path, "a+b")
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                _lock(handle)
                break
            except OSError:
                if time.monotonic() > deadline:
                    from exadesk import messages  # only when something went wrong: the catalogue is not free to build

                    raise StorageError(messages.problem("storage.locked", seconds=int(timeout))) from None
                time.sleep(0.05)
        yield
    finally:
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def decode(raw_bytes: bytes) -> Data:
    """Parse and migrate the data file's bytes.

    Raises:
        ValueError: the bytes are not a data file this version can read.
        StorageError: the file is from a newer version (it must not be touched).
    """
    raw = json.loads(raw_bytes.decode("utf-8"))
    if not isinstance(raw, dict):
        raise ValueError("top level is not an object")
    version = raw.get("schema_version", 1)
    if not isinstance(version, int) or version < 1:
        raise ValueError("bad schema_version")
    if version > SCHEMA_VERSION:
        from exadesk import messages  # only when something went wrong: the catalogue is not free to build

        raise StorageError(messages.problem("storage.newer", found=version, supported=SCHEMA_VERSION))
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    workspaces = raw.get("workspaces", [])
    if not isinstance(workspaces, list):
        raise ValueError("workspaces is not a list")
    try:
        return Data(
            workspaces=[Workspace.from_json(w) for w in workspaces],
            settings=Settings.from_json(raw.get("settings") or {}),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"malformed entry: {type(exc).__name__}") from None


def encode(data: Data) -> bytes:
    raw = {
        "schema_version": SCHEMA_VERSION,
        "workspaces": [w.to_json() for w in data.workspaces],
        "settings": data.settings.to_json(),
    }
    return json.dumps(raw, indent=1, ensure_ascii=False).encode("utf-8")


@dataclass
class LoadResult:
    data: Data
    warnings: list = field(default_factory=list)  # Problems to show the person (a file kept aside)


class Store:
    """Reads and writes the data file under the lock.

    Use :meth:`update` for every change: it re-reads the file under the lock,
    applies the change and writes atomically, so two running copies never
    overwrite each other's work.
    """

    def __init__(self, path: Path | None = None):
        self.path = path or paths.data_file()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        if path is None:
            with contextlib.suppress(OSError):  # a read-only home fails later, with its own message
                paths.make_private(self.path.parent)

    def load(self) -> LoadResult:
        with file_lock(self.lock_path):
            return self._load_unlocked()

    def _load_unlocked(self) -> LoadResult:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return LoadResult(Data())
        try:
            return LoadResult(decode(raw))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: absurdly nested JSON
            backup = self._keep_aside()
            log.warning("data file unreadable (%s); kept as %s", type(exc).__name__, backup)
            from exadesk import messages  # only when something went wrong: the catalogue is not free to build

            return LoadResult(Data(), [messages.problem("storage.corrupt", backup=str(backup))])

    def _keep_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.stem}.unreadable-{stamp}{self.path.suffix}")
        n = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.stem}.unreadable-{stamp}-{n}{self.path.suffix}")
            n += 1
        os.replace(self.path, backup)
        return backup

    def save(self, data: Data) -> None:
        """Write ``data`` as it is (the caller owns the whole file)."""
        with file_lock(self.lock_path):
            write_atomic(self.path, encode(data))

    def update(self, change: Callable[[Data], object]) -> Data:
        """Re-read, apply ``change`` and write, all under the lock. Returns the new data."""
        with file_lock(self.lock_path):
            result = self._load_unlocked()
            change(result.data)
            write_atomic(self.path, encode(result.data))
            return result.data
