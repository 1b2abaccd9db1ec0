"""Secrets in the OS keychain, through keyring, and nowhere else.

One entry per instance and credential field: service ``exadesk``, user name
``<instance id>/<field>``. Every keyring failure becomes a
:class:`~exadesk.foundation.errors.KeychainError` with a reason that says what to do;
there is no plaintext fallback.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Callable, Mapping

from exadesk import APP_ID
from exadesk.foundation import messages
from exadesk.foundation.errors import KeychainError

log = logging.getLogger(__name__)

SERVICE = APP_ID
#: Windows Credential Manager caps a credential blob at 2,560 bytes (UTF-16).
WINDOWS_BLOB_LIMIT = 2560


def entry_name(instance_id: str, field: str) -> str:
    return f"{instance_id}/{field}"


def backend_name(backend=None) -> str:
    """A readable name of the keyring backend in use, e.g. ``SecretService Keyring``."""
    import keyring

    backend = backend or keyring.get_keyring()
    name = getattr(backend, "name", "") or type(backend).__name__
    return name


def secret_service_advice(environ: Mapping[str, str] | None = None, platform: str | None = None,
                          which: Callable[[str], str | None] = shutil.which) -> str:
    """Which Secret Service to install or start on this machine, as a sentence (when no keychain is usable)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    gnome_keyring, keepassxc = which("gnome-keyring-daemon"), which("keepassxc")
    if not platform.startswith("linux"):
        key = "other"
    elif not gnome_keyring and not keepassxc:
        key = "install"
    elif not environ.get("DBUS_SESSION_BUS_ADDRESS") and gnome_keyring:
        key = "no_session_bus"
    elif gnome_keyring:
        key = "start_gnome_keyring"
    else:
        key = "keepassxc"
    return messages.problem(f"keychain.advice.{key}").message


def no_keychain(backend: str):
    """The Problem "no keychain here", with which Secret Service to install or start."""
    return messages.problem("keychain.no_backend", backend=backend, advice=secret_service_advice())


def _is_fail_backend(backend) -> bool:
    from keyring.backends import fail

    if isinstance(backend, fail.Keyring):
        return True
    # The chainer with nothing behind it is as good as no backend.
    backends = getattr(backend, "backends", None)
    return backends is not None and len(backends) == 0


def _size_limit(backend) -> int | None:
    module = type(backend).__module__
    return WINDOWS_BLOB_LIMIT if module.endswith("Windows") else None


def _is_blob_too_large(exc: Exception) -> bool:
    """Windows' CredWrite refusing an oversized blob: ``(1783, 'CredWrite', 'The stub received bad data.')``."""
    text = str(exc)
    return "1783" in text or "stub received bad data" in text.lower()


class SecretStore:
    """Reads and writes secrets of instances in the keychain."""

    def __init__(self, backend=None):
        import keyring

        self.backend = backend or keyring.get_keyring()

    @property
    def name(self) -> str:
        return backend_name(self.backend)

    def available(self) -> bool:
        return not _is_fail_backend(self.backend)

    def problem(self):
        """The Problem explaining why no keychain is usable, or None."""
        if self.available():
            return None
        return no_keychain("no keyring backend was found")

    def set(self, instance_id: str, field: str, value: str) -> None:
        self._require()
        limit = _size_limit(self.backend)
        size = len(value.encode("utf-16-le"))
        if limit and size > limit:
            raise KeychainError(messages.problem("keychain.too_large", size=size, limit=limit))
        try:
            self._call(self.backend.set_password, SERVICE, entry_name(instance_id, field), value)
        except KeychainError as exc:
            if exc.problem.reason != "keychain.too_large":
                raise
            # The backend refused the size itself (its limit was not known beforehand): say how big it was.
            raise KeychainError(messages.problem("keychain.too_large", size=size, limit=limit or WINDOWS_BLOB_LIMIT)) \
                from exc.__cause__

    def get(self, instance_id: str, field: str) -> str | None:
        self._require()
        return self._call(self.backend.get_password, SERVICE, entry_name(instance_id, field))

    def delete(self, instance_id: str, fields) -> None:
        """Remove the entries of ``fields``; entries already gone are fine."""
        import keyring.errors

        self._require()
        for field in fields:
            try:
                self._call(self.backend.delete_password, SERVICE, entry_name(instance_id, field))
            except KeychainError as exc:
                if not isinstance(exc.__cause__, keyring.errors.PasswordDeleteError):
                    raise

    def _require(self) -> None:
        problem = self.problem()
        if problem:
            raise KeychainError(problem)

    def _call(self, func, *args):
        import keyring.errors

        try:
            return func(*args)
        except keyring.errors.NoKeyringError as exc:
            raise KeychainError(no_keychain(type(exc).__name__)) from exc
        except keyring.errors.KeyringLocked as exc:
            raise KeychainError(messages.problem("keychain.locked")) from exc
        except keyring.errors.KeyringError as exc:
            # The exception text of a backend may quote what it was given; keep only the type.
            text = str(exc)
            if _is_blob_too_large(exc):
                raise KeychainError(messages.problem("keychain.too_large", size="?", limit=WINDOWS_BLOB_LIMIT)) from exc
            if "locked" in text.lower() or "dismissed" in text.lower():
                raise KeychainError(messages.problem("keychain.locked")) from exc
            raise KeychainError(messages.problem("keychain.failed", error=type(exc).__name__)) from exc
        except Exception as exc:  # DBus errors and the like from the backend's own libraries
            log.warning("keychain backend raised %s", type(exc).__name__)
            if _is_blob_too_large(exc):  # pywin32's own error, which keyring passes on unwrapped
                raise KeychainError(messages.problem("keychain.too_large", size="?", limit=WINDOWS_BLOB_LIMIT)) from exc
            raise KeychainError(messages.problem("keychain.failed", error=type(exc).__name__)) from exc
