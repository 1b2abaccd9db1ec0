"""The data file: versioned JSON, atomic writes, a lock between running copies.

A write goes to a temporary file in the same folder, is fsynced and then
renamed over the old one, so a crash leaves the old or the new file, never a
torn one. A file that cannot be read is kept (a copy beside it), reported by every
command and never written over until the person chooses what to do.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
import time
import zlib
from dataclasses import field
from pathlib import Path
from typing import Callable, Iterator

from exadesk import __version__
from exadesk.foundation import paths
from exadesk.foundation.errors import StorageError
from exadesk.foundation.controls import escape_controls
from exadesk.foundation.records import dataclass
from exadesk.store.model import Data, Settings, Workspace

log = logging.getLogger(__name__)

#: Called with each Problem found while reading the data file (the command line prints them once each).
_listeners: list[Callable[[object], None]] = []


def on_load_problem(listener: Callable[[object], None]) -> Callable[[], None]:
    """Have ``listener`` told of every problem any load finds; returns the function that stops it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)

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
def file_lock(path: Path, timeout: float = 10.0, *, remove: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a sidecar lock file) across processes.

    With ``remove``, the lock file is deleted when the lock is given up (per-instance locks would
    otherwise pile up). A waiter that then holds a lock on the deleted file notices and locks the new one.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    deadline = time.monotonic() + timeout
    while True:
        handle = open(path, "a+b")
        try:
            while True:
                try:
                    _lock(handle)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        from exadesk.foundation import messages

                        raise StorageError(messages.problem("storage.locked", seconds=int(timeout))) from None
                    time.sleep(0.05)
        except BaseException:
            handle.close()
            raise
        if not remove or _same_file(handle, path):
            break
        with contextlib.suppress(OSError):  # locked a file the previous holder already deleted: try the new one
            _unlock(handle)
        handle.close()
    try:
        yield
    finally:
        if remove:
            with contextlib.suppress(OSError):
                path.unlink()  # while still locked, so no one else is holding the same path
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()


def _same_file(handle, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


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


class NewerFileError(StorageError):
    """The data file was written by a newer ExaDesk: it is read by nothing and written by nothing here."""

    def __init__(self, problem, params: dict):
        super().__init__(problem)
        self.params = params


def _known_keys() -> dict[str, frozenset]:
    """The fields this version's model writes, per kind of object; anything else is kept as it was found."""
    from exadesk.store.model import Connection, Instance, Verification

    instance = Instance(tracker="", name="", url="", auth_method="")
    return {
        "top": frozenset({"schema_version", "app_version", "workspaces", "settings"}),
        "workspace": frozenset(Workspace(name="").to_json()),
        "instance": frozenset(instance.to_json()),
        "connection": frozenset(Connection(name="", left="", right="").to_json()),
        "settings": frozenset(Settings().to_json()),
        "verification": frozenset(Verification(at=instance.created_at, ready=False).to_json()),
    }


def _unknown_fields(raw: dict) -> dict[tuple, dict]:
    """Fields a newer ExaDesk added, by the object they belong to, so the next write puts them back."""
    known = _known_keys()
    kept: dict[tuple, dict] = {}

    def keep(key: tuple, obj, kind: str) -> None:
        if isinstance(obj, dict) and not obj.keys() <= known[kind]:  # almost always: nothing unknown
            kept[key] = {k: v for k, v in obj.items() if k not in known[kind]}

    keep(("top",), raw, "top")
    keep(("settings",), raw.get("settings"), "settings")
    for ws in raw.get("workspaces") or []:
        if not isinstance(ws, dict):
            continue
        keep(("workspace", str(ws.get("id"))), ws, "workspace")
        for inst in ws.get("instances") or []:
            if not isinstance(inst, dict):
                continue
            keep(("instance", str(inst.get("id"))), inst, "instance")
            for entry in inst.get("history") or []:
                if isinstance(entry, dict):
                    keep(("verification", str(inst.get("id")), str(entry.get("at"))), entry, "verification")
        for conn in ws.get("connections") or []:
            if isinstance(conn, dict):
                keep(("connection", str(conn.get("id"))), conn, "connection")
    return kept


def escape_control_names(data: Data) -> list[str]:
    """Write control characters in names visibly (``\\x1b``), in place; returns the names as now shown.

    Names with control characters are refused today (exadesk.foundation.validation), but an older data file may hold
    some: an escape sequence or a right-to-left override would then act in a terminal or disguise a name in the window.
    Escaped, nothing is lost and every face shows the same printable name, which the next save keeps.
    """
    changed = []
    for item in (*data.workspaces, *(i for w in data.workspaces for i in w.instances),
                 *(c for w in data.workspaces for c in w.connections)):
        shown = escape_controls(item.name)
        if shown != item.name:
            item.name = shown
            changed.append(shown)
    return changed


def decode(raw_bytes: bytes) -> Data:
    """Parse and migrate the data file's bytes.

    Fields this version does not know (a newer ExaDesk added them) ride along on the result and are
    written back unchanged by :func:`encode`.

    Raises:
        ValueError: the bytes are not a data file this version can read.
        NewerFileError: the file is from a newer version (it must not be touched).
    """
    raw = json.loads(raw_bytes.decode("utf-8"))
    if not isinstance(raw, dict):
        raise ValueError("top level is not an object")
    version = raw.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError("bad schema_version")
    if version > SCHEMA_VERSION:
        from exadesk.foundation import messages

        writer = raw.get("app_version")
        writer = writer[:40] if isinstance(writer, str) and writer else "(its version is not recorded)"
        params = {"found": version, "supported": SCHEMA_VERSION, "writer": _shown(writer), "current": __version__}
        raise NewerFileError(messages.problem("storage.newer", **params), params)
    while version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    workspaces = raw.get("workspaces", [])
    if not isinstance(workspaces, list):
        raise ValueError("workspaces is not a list")
    try:
        data = Data(
            workspaces=[Workspace.from_json(w) for w in workspaces],
            settings=Settings.from_json(raw.get("settings") or {}),
        )
    except (KeyError, TypeError, AttributeError, OverflowError) as exc:
        raise ValueError(f"malformed entry: {type(exc).__name__}") from None
    data.kept_fields = _unknown_fields(raw)
    return data


def _shown(text: str) -> str:
    return escape_controls(text)


def encode(data: Data) -> bytes:
    kept: dict[tuple, dict] = getattr(data, "kept_fields", None) or {}

    def merged(key: tuple, known: dict) -> dict:
        extra = kept.get(key)
        return {**extra, **known} if extra else known

    def instance_json(inst) -> dict:
        raw = merged(("instance", inst.id), inst.to_json())
        if kept:
            raw["history"] = [merged(("verification", inst.id, str(entry.get("at"))), entry)
                              if isinstance(entry, dict) else entry  # a stored run nobody could read
                              for entry in raw["history"]]
        return raw

    workspaces = []
    for ws in data.workspaces:
        raw = merged(("workspace", ws.id), ws.to_json())
        if kept:
            raw["instances"] = [instance_json(i) for i in ws.instances]
            raw["connections"] = [merged(("connection", c.id), c.to_json()) for c in ws.connections]
        workspaces.append(raw)
    raw = merged(("top",), {"schema_version": SCHEMA_VERSION, "app_version": __version__, "workspaces": workspaces,
                            "settings": merged(("settings",), data.settings.to_json())})
    return json.dumps(raw, indent=1, ensure_ascii=False).encode("utf-8")


@dataclass
class LoadResult:
    """The data as read, what to tell the person, and why writes are refused (or None when they are not)."""

    data: Data
    warnings: list = field(default_factory=list)  # Problems to show the person (a file kept aside)
    blocked: object = None  # the Problem a write would raise: the file is unreadable or from a newer version
    kept: Path | None = None  # the copy of an unreadable file
    newer: dict | None = None  # who wrote a newer file: writer, found, supported, current


class Store:
    """Reads and writes the data file under the lock.

    Use :meth:`update` for every change: it re-reads the file under the lock,
    applies the change and writes atomically, so two running copies never
    overwrite each other's work.

    A file that cannot be read stays where it is (a copy is kept beside it) and every write is refused
    until the person chooses: :meth:`restore` a good copy or :meth:`start_empty`. A file from a newer
    ExaDesk is never written.
    """

    def __init__(self, path: Path | None = None):
        self.path = path or paths.data_file()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        if path is None:
            with contextlib.suppress(OSError):  # a read-only home fails later, with its own message
                paths.make_private(self.path.parent)

    def load(self) -> LoadResult:
        with file_lock(self.lock_path):
            result = self._load_unlocked()
        for problem in result.warnings:
            for listener in list(_listeners):
                listener(problem)
        return result

    def _load_unlocked(self) -> LoadResult:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return LoadResult(Data())
        from exadesk.foundation import messages

        try:
            data = decode(raw)
        except NewerFileError as exc:
            log.warning("data file is from a newer ExaDesk; left untouched")
            blocked = messages.problem("storage.newer_write", path=str(self.path), **exc.params)
            return LoadResult(Data(), [exc.problem], blocked, newer=dict(exc.params))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: absurdly nested JSON
            kept = self._keep_copy(raw)
            log.warning("data file unreadable (%s); a copy is kept as %s", type(exc).__name__, kept)
            return LoadResult(Data(), [messages.problem("storage.corrupt", path=str(self.path), kept=str(kept))],
                              messages.problem("storage.unreadable_write", path=str(self.path), kept=str(kept)),
                              kept=kept)
        escaped = escape_control_names(data)
        if escaped:
            return LoadResult(data, [messages.problem("storage.names_escaped", names=", ".join(escaped))])
        return LoadResult(data)

    def _keep_copy(self, raw: bytes) -> Path:
        """A copy of an unreadable file beside it, named by a checksum of its content: reading the same file again
        keeps no second copy, and a different file that happens to share the checksum gets a name of its own."""
        checksum = f"{zlib.crc32(raw):08x}"
        kept, attempt = self._copy_name(checksum), 1
        while kept.exists() and kept.read_bytes() != raw:
            attempt += 1
            kept = self._copy_name(f"{checksum}-{attempt}")
        if not kept.exists():
            write_atomic(kept, raw)
        return kept

    def _copy_name(self, suffix: str) -> Path:
        return self.path.with_name(f"{self.path.stem}.unreadable-{suffix}{self.path.suffix}")

    def save(self, data: Data) -> None:
        """Write ``data`` as it is (the caller owns the whole file); refused like :meth:`update`."""
        with file_lock(self.lock_path):
            self._writable()
            write_atomic(self.path, encode(data))

    def update(self, change: Callable[[Data], object]) -> Data:
        """Re-read, apply ``change`` and write, all under the lock. Returns the new data.

        Raises:
            StorageError: the file is unreadable or from a newer ExaDesk (nothing is written).
        """
        with file_lock(self.lock_path):
            result = self._writable()
            change(result.data)
            write_atomic(self.path, encode(result.data))
            return result.data

    def _writable(self) -> LoadResult:
        result = self._load_unlocked()
        if result.blocked is not None:
            raise StorageError(result.blocked)
        self._sweep_temporary()
        return result

    def _sweep_temporary(self) -> None:
        """Remove temporary files a killed writer left (every writer of the data file holds the lock)."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                log.info("removed %s, left by an interrupted save", leftover.name)

    # -- the person's choice about an unreadable file ---------------------------------------------

    def restore(self, source: Path) -> Data:
        """Make ``source`` (a good copy of the data file) the data file; the current file is kept beside it.

        Raises:
            StorageError: ``source`` is not a data file this version can read (nothing is changed).
        """
        from exadesk.foundation import messages

        source = Path(source)
        try:
            raw = source.read_bytes()
            data = decode(raw)
        except NewerFileError as exc:
            raise StorageError(exc.problem) from None
        except OSError as exc:
            raise StorageError(messages.problem("storage.restore_unreadable", source=str(source),
                                                detail=exc.strerror or type(exc).__name__)) from None
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise StorageError(messages.problem("storage.restore_unreadable", source=str(source),
                                                detail=str(exc) or type(exc).__name__)) from None
        with file_lock(self.lock_path):
            self._keep_current()
            write_atomic(self.path, raw)
        return data

    def start_empty(self) -> Path | None:
        """Start with an empty list; the current file (unreadable or newer) is kept beside it. Returns its copy."""
        with file_lock(self.lock_path):
            kept = self._keep_current()
            write_atomic(self.path, encode(Data()))
            return kept

    def _keep_current(self) -> Path | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        return self._keep_copy(raw)
