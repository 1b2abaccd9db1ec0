"""The keychain wrapper: in memory for speed, and against a real Secret Service."""

from __future__ import annotations

import uuid

import keyring
import pytest
from keyring.backends import fail

from exadesk.errors import KeychainError
from exadesk.keychain import SERVICE, SecretStore


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
