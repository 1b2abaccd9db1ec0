"""More keychain cases: backend errors that quote what they were given never leak it; odd backends."""

from __future__ import annotations

import keyring
import keyring.errors
import pytest

from exadesk.foundation.errors import KeychainError
from exadesk.store.keychain import SecretStore

SECRET = "kc-" + "W" * 30


class _Quoting(keyring.backend.KeyringBackend):
    """A backend whose errors repeat the value it was given (some do)."""

    priority = 1

    def __init__(self, error):
        super().__init__()
        self.error = error

    def get_password(self, service, username):
        raise self.error(f"cannot read {service}/{username}")

    def set_password(self, service, username, password):
        raise self.error(f"cannot store {password!r}")

    def delete_password(self, service, username):
        raise self.error("cannot delete")


@pytest.mark.parametrize("error, reason", [
    (keyring.errors.PasswordSetError, "keychain.failed"),
    (keyring.errors.KeyringError, "keychain.failed"),
    (RuntimeError, "keychain.failed"),  # DBus and friends raise their own types
])
def test_backend_error_text_never_reaches_the_message(error, reason):
    with pytest.raises(KeychainError) as info:
        SecretStore(_Quoting(error)).set("inst1", "token", SECRET)
    assert info.value.problem.reason == reason
    assert SECRET not in str(info.value) and SECRET not in info.value.problem.text()


def test_locked_wording_in_a_generic_error_is_recognised():
    class Locked(keyring.errors.KeyringError):
        pass

    with pytest.raises(KeychainError) as info:
        SecretStore(_Quoting(lambda text: Locked("Prompt dismissed by the user"))).get("i", "f")
    assert info.value.problem.reason == "keychain.locked"


def test_deleting_entries_that_are_gone_is_fine(memory_keyring):
    SecretStore().delete("never-stored", ["token", "password"])


def test_secret_with_unicode_round_trips(memory_keyring):
    store = SecretStore()
    value = "pässwörd-✓-" + "x" * 40
    store.set("inst", "password", value)
    assert store.get("inst", "password") == value
