"""Keychain entries and the data file stay consistent at every crash point.

The data file says which instances exist; the keychain holds their secrets. The two cannot be
written in one step, so every run that writes or deletes keychain entries first records a *claim*
on them: a small file in ``pending-secrets/`` beside the data file, locked for as long as the run
lives. The order is then:

* adding (``add``, the wizard, ``import``): claim, write the secrets, write the data file, drop the claim;
* removing: claim, write the data file without the instance, delete the secrets, drop the claim.

A run killed at any point leaves a claim nobody holds. :func:`sweep`, run at start, settles it with
one rule: an entry whose instance is in the data file stays, any other is deleted. So a killed
``add`` leaves no orphaned secret, and a killed ``remove`` never leaves an instance without its secret.

Claims also keep parallel runs apart: ids are reserved under the data file's lock, so two imports of
one bundle write their secrets under different ids and a rollback removes only what its own run wrote.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
from pathlib import Path
from typing import Callable, Iterable

from exadesk.foundation.validation import is_safe_id
from exadesk.store.model import Data, new_id
from exadesk.store.storage import Store, _lock, _unlock, file_lock

log = logging.getLogger(__name__)

CLAIMS = "pending-secrets"
CRASH_ENV = "EXADESK_CRASH_AT"


def crash_point(step: str) -> None:
    """Tests name a step in ``EXADESK_CRASH_AT``; the process kills itself there, as ``kill -9`` would."""
    if os.environ.get(CRASH_ENV) == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def claims_dir(store: Store) -> Path:
    return store.path.parent / CLAIMS


class Claim:
    """One run's claim on keychain entries: ``entries`` maps instance id to field names.

    Attributes:
        renamed: ids that were taken (stored, or claimed by another run) and their replacements.
    """

    def __init__(self, path: Path, handle, entries: dict[str, list[str]], renamed: dict[str, str]):
        self.path, self._handle, self.entries, self.renamed = path, handle, entries, renamed

    def release(self) -> None:
        """The data file now says who owns every entry: the claim is no longer needed."""
        self._close(unlink=True)

    def leave(self) -> None:
        """Give the claim up unsettled (the keychain failed half-way): the next start's sweep settles it."""
        self._close(unlink=False)

    def _close(self, unlink: bool) -> None:
        if self._handle is None:
            return
        if unlink:
            with contextlib.suppress(OSError):
                self.path.unlink()  # while still locked, so no sweep can take the claim in between
        with contextlib.suppress(OSError):
            _unlock(self._handle)
        self._handle.close()
        self._handle = None

    def __enter__(self) -> "Claim":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _stored_ids(data: Data) -> set[str]:
    return {i.id for w in data.workspaces for i in w.instances}


def _read_claim(raw: bytes) -> dict[str, list[str]]:
    try:
        entries = json.loads(raw.decode("utf-8")).get("entries", {})
    except (ValueError, UnicodeDecodeError, AttributeError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {str(k): [str(f) for f in v] for k, v in entries.items() if isinstance(v, list)}


def _claimed_ids(directory: Path, skip: Path | None = None) -> set[str]:
    ids: set[str] = set()
    for path in directory.glob("*.json"):
        if path != skip:
            with contextlib.suppress(OSError):
                ids |= set(_read_claim(path.read_bytes()))
    return ids


def claim(store: Store, entries: dict[str, Iterable[str]], *, rename_taken: bool = False) -> Claim:
    """Record a claim on ``entries`` (instance id -> fields) before any of them is written or deleted.

    With ``rename_taken``, an id that is not a safe id (:func:`exadesk.foundation.validation.is_safe_id`: it names
    keychain entries and lock files), already stored, or claimed by another run gets a new id (see
    :attr:`Claim.renamed`), reserved under the data file's lock so parallel runs never share one.

    Raises:
        StorageError: the data file is unreadable or from a newer ExaDesk (nothing was claimed).
    """
    from exadesk.foundation.errors import StorageError

    directory = claims_dir(store)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    wanted = {k: list(v) for k, v in entries.items()}
    with file_lock(store.lock_path):
        loaded = store._load_unlocked()
        if loaded.blocked is not None:
            raise StorageError(loaded.blocked)
        taken = _stored_ids(loaded.data) | _claimed_ids(directory)
        renamed: dict[str, str] = {}
        if rename_taken:
            for old in wanted:
                if old in taken or not is_safe_id(old):
                    new = new_id()
                    while new in taken or new in wanted:
                        new = new_id()
                    renamed[old] = new
                    taken.add(new)
        final = {renamed.get(k, k): v for k, v in wanted.items()}
        path = directory / f"{new_id()}.json"
        handle = open(path, "w+b")
        _lock(handle)
        handle.write(json.dumps({"pid": os.getpid(), "entries": final}).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    return Claim(path, handle, final, renamed)


def sweep(store: Store | None = None, secrets=None) -> list[tuple[str, str]]:
    """Settle the claims of runs that died: delete each entry whose instance is not in the data file.

    Returns:
        The ``(instance id, field)`` entries deleted.
    """
    store = store or Store()
    directory = claims_dir(store)
    if not directory.is_dir():
        return []
    deleted: list[tuple[str, str]] = []
    for path in sorted(directory.glob("*.json")):
        try:
            handle = open(path, "r+b")
        except OSError:
            continue
        try:
            try:
                _lock(handle)
            except OSError:
                continue  # its run is alive
            entries = _read_claim(handle.read())
            with file_lock(store.lock_path):
                loaded = store._load_unlocked()
            if loaded.blocked is not None:
                return deleted  # who owns what cannot be known until the person settles the data file
            stored = _stored_ids(loaded.data)
            orphans = {k: v for k, v in entries.items() if k not in stored}
            if orphans:
                from exadesk.store.keychain import SecretStore

                secrets = secrets or SecretStore()
                for inst_id, fields in orphans.items():
                    secrets.delete(inst_id, fields)
                    deleted += [(inst_id, f) for f in fields]
            path.unlink()
        finally:
            with contextlib.suppress(OSError):
                _unlock(handle)
            handle.close()
    if deleted:
        log.info("removed %d keychain entries left by an interrupted run", len(deleted))
    return deleted


def sweep_quietly(store: Store | None = None) -> None:
    """:func:`sweep`, at start: a failure here must never stop the command the person asked for."""
    try:
        sweep(store)
    except Exception as exc:  # the keychain may be locked; the claims stay for the next start
        log.warning("could not settle interrupted runs (%s); will try at the next start", type(exc).__name__)


# -- the two orders ----------------------------------------------------------------------------------


def add_with_secrets(store: Store, secrets, instance_id: str, values: dict[str, str],
                     change: Callable[[Data], object], *, step: str = "add") -> Data:
    """Write an instance's secrets, then the data file (``change`` adds the instance), safe at every crash point.

    On any failure the secrets this run wrote are deleted again; nothing else is touched.
    """
    with claim(store, {instance_id: list(values)}) as held:
        crash_point(f"{step}.claimed")
        written: list[str] = []
        try:
            for name, value in values.items():
                secrets.set(instance_id, name, value)
                written.append(name)
            crash_point(f"{step}.secrets_written")
            data = store.update(change)
            if written and instance_id not in _stored_ids(data):  # the change stored nothing: neither do the secrets
                secrets.delete(instance_id, written)
        except BaseException:
            with contextlib.suppress(Exception):
                secrets.delete(instance_id, written)
            raise
        crash_point(f"{step}.stored")
        held.release()
    return data

