"""The in-memory keyring of tests, benchmarks and screenshots (exadesk/sandbox/memory_keyring.py): it behaves like a
real backend, so code tested against it meets the same errors on a real keychain."""

from __future__ import annotations

import pytest
from keyring.errors import PasswordDeleteError

from exadesk.sandbox.memory_keyring import MemoryKeyring
from exadesk.store.keychain import SecretStore


def test_set_get_and_delete_like_a_backend():
    ring = MemoryKeyring()
    assert ring.get_password("exadesk", "i1/token") is None
    ring.set_password("exadesk", "i1/token", "s3cret")
    ring.set_password("other", "i1/token", "elsewhere")
    assert ring.get_password("exadesk", "i1/token") == "s3cret"
    ring.delete_password("exadesk", "i1/token")
    assert ring.entries == {("other", "i1/token"): "elsewhere"}


def test_deleting_what_is_not_there_raises_as_a_real_keychain_does():
    with pytest.raises(PasswordDeleteError):
        MemoryKeyring().delete_password("exadesk", "missing")


def test_exadesks_secret_store_works_over_it():
    ring = MemoryKeyring()
    store = SecretStore(ring)
    store.set("i1", "token", "s3cret")
    assert store.get("i1", "token") == "s3cret"
    store.delete("i1", ["token", "never-stored"])  # a missing entry is not an error for the store
    assert ring.entries == {}
