"""The keychain wrapper: in memory for speed, and against a real Secret Service."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from exadesk.foundation.errors import KeychainError
from exadesk.store.keychain import SERVICE, SecretStore


def test_round_trip_and_delete(memory_keyring):
    store = SecretStore()
    store.set("inst1", "token", "s3cr3t-value")
    assert store.get("inst1", "token") == "s3cr3t-value"
    assert memory_keyring.entries[(SERVICE, "inst1/token")] == "s3cr3t-value"
    store.delete("inst1", ["token", "never-stored"])
    assert store.get("inst1", "token") is None


def test_no_backend_is_explained_and_nothing_is_written():
    store = SecretStore(fail.Keyring())
    assert not store.available()
    with pytest.raises(KeychainError) as info:
        store.set("inst1", "token", "value-that-must-not-appear")
    assert info.value.problem.reason == "keychain.no_backend"
    assert "value-that-must-not-appear" not in str(info.value)
    assert "Secret Service" in info.value.problem.next_step


class _LockedBackend(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service, username, password):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service, username):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


def test_locked_collection_has_its_own_message():
    with pytest.raises(KeychainError) as info:
        SecretStore(_LockedBackend()).get("inst1", "token")
    assert info.value.problem.reason == "keychain.locked"


class _WindowsLike(keyring.backend.KeyringBackend):
    """Named like Windows' backend module so the 2,560-byte limit applies."""

    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise AssertionError("must not be called: the size is checked first")

    def delete_password(self, service, username):
        pass


_WindowsLike.__module__ = "keyring.backends.Windows"


def test_oversized_secret_is_refused_before_writing_on_windows():
    with pytest.raises(KeychainError) as info:
        SecretStore(_WindowsLike()).set("inst1", "bundle", "x" * 1281)
    assert info.value.problem.reason == "keychain.too_large"


@pytest.mark.secret_service
def test_real_secret_service_round_trip():
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    store = SecretStore(backend)
    assert store.available()
    instance_id, value = "test-" + uuid.uuid4().hex[:8], "tok-" + uuid.uuid4().hex
    store.set(instance_id, "token", value)
    try:
        assert store.get(instance_id, "token") == value
        assert "SecretService" in store.name or "Secret" in store.name
    finally:
        store.delete(instance_id, ["token"])
    assert store.get(instance_id, "token") is None


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file in ``folder`` with its modification time and size (empty when there is no folder)."""
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*") if p.is_file()}


@pytest.mark.secret_service
def test_the_tests_secret_service_keeps_its_keyrings_in_the_runs_temporary_folder():
    """scripts/test.sh starts gnome-keyring with XDG_DATA_HOME in a folder made for the run: writing a secret
    changes a keyring file there, and none of the person's own (~/.local/share/keyrings)."""
    from keyring.backends import SecretService

    run_home = Path(os.environ["EXADESK_TEST_RUN_HOME"])
    keyrings = Path(os.environ["XDG_DATA_HOME"]) / "keyrings"
    assert keyrings.is_relative_to(run_home) and run_home.name.startswith("exadesk-test-run.")
    own = Path.home() / ".local" / "share" / "keyrings"
    assert not keyrings.is_relative_to(own)
    own_before, before = _files(own), _files(keyrings)
    store = SecretStore(SecretService.Keyring())
    instance_id = "test-" + uuid.uuid4().hex[:8]
    store.set(instance_id, "token", "tok-" + uuid.uuid4().hex)
    try:
        after = _files(keyrings)
        assert any(name.endswith(".keyring") for name in after), sorted(after)
        assert after != before, "writing a secret must change a keyring file in the run's folder"
    finally:
        store.delete(instance_id, ["token"])
    assert _files(own) == own_before, "the person's own keyrings were touched"


@pytest.mark.parametrize(("installed", "environ", "platform", "says"), [
    ((), {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/bus"}, "linux", "sudo apt install gnome-keyring"),
    (("gnome-keyring-daemon",), {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/bus"}, "linux",
     "GNOME Keyring, the Secret Service installed here, is not running"),
    (("gnome-keyring-daemon",), {}, "linux", "dbus-run-session -- bash"),
    (("keepassxc",), {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/bus"}, "linux", "Secret Service Integration"),
    ((), {}, "win32", "Windows Credential Manager"),
])
def test_without_a_keychain_the_advice_names_the_secret_service_to_install_or_start(installed, environ, platform,
                                                                                     says):
    from exadesk.store.keychain import secret_service_advice

    advice = secret_service_advice(environ, platform, which=lambda name: f"/usr/bin/{name}" if name in installed
                                   else None)
    assert says in advice
