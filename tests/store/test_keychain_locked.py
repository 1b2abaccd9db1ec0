"""Field note 'Locked collection', against a real Secret Service (gnome-keyring, run by scripts/test.sh).

The test locks the default collection itself. With no desktop to show the unlock prompt, gnome-keyring's
prompt fails the way a dismissed one does: secretstorage's ``unlock()`` reports success (it returns True when
dismissed) and keyring raises ``KeyringLocked: Failed to unlock the collection!``. ExaDesk must say the keychain
is locked, write nothing anywhere else, and send nothing to the tracker. Every test unlocks the collection
again (with the password scripts/test.sh started gnome-keyring with), so later tests find it as it was.
"""

from __future__ import annotations

import os
import uuid

import pytest

from exadesk.foundation.errors import KeychainError
from exadesk.store.keychain import SecretStore

pytestmark = pytest.mark.secret_service

#: The password scripts/test.sh gives ``gnome-keyring-daemon --unlock``.
KEYRING_PASSWORD = os.environ.get("EXADESK_TEST_KEYRING_PASSWORD", "exadesk-test-keyring")


def _unlock_with_password(connection, collection) -> None:
    """Unlock without a prompt through gnome-keyring's own interface (a plain session carries the password)."""
    from jeepney import DBusAddress, new_method_call

    service = DBusAddress("/org/freedesktop/secrets", bus_name="org.freedesktop.secrets",
                          interface="org.freedesktop.Secret.Service")
    reply = connection.send_and_get_reply(new_method_call(service, "OpenSession", "sv", ("plain", ("s", ""))))
    session_path = reply.body[1]
    internal = DBusAddress("/org/freedesktop/secrets", bus_name="org.freedesktop.secrets",
                           interface="org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface")
    secret = (session_path, b"", KEYRING_PASSWORD.encode(), "text/plain")
    connection.send_and_get_reply(new_method_call(internal, "UnlockWithMasterPassword", "o(oayays)",
                                                  (collection.collection_path, secret)))


@pytest.fixture
def default_collection():
    """The default collection, unlocked; unlocked again after the test whatever happened."""
    secretstorage = pytest.importorskip("secretstorage")
    connection = secretstorage.dbus_init()
    collection = secretstorage.get_default_collection(connection)
    if collection.is_locked():
        _unlock_with_password(connection, collection)
    assert not collection.is_locked(), "the test keyring must start unlocked (scripts/test.sh unlocks it)"
    try:
        yield collection
    finally:
        if collection.is_locked():
            _unlock_with_password(connection, collection)
        assert not collection.is_locked(), "could not unlock the test keyring again"
        connection.close()


def _real_store() -> SecretStore:
    from keyring.backends import SecretService

    return SecretStore(SecretService.Keyring())


def test_locked_collection_gives_keychain_locked_for_read_and_write(default_collection):
    store = _real_store()
    instance_id = "test-" + uuid.uuid4().hex[:8]
    kept, refused = "kept-" + uuid.uuid4().hex, "refused-" + uuid.uuid4().hex
    store.set(instance_id, "token", kept)
    try:
        default_collection.lock()
        assert default_collection.is_locked()
        for attempt in (lambda: store.get(instance_id, "token"), lambda: store.set(instance_id, "token", refused)):
            with pytest.raises(KeychainError) as caught:
                attempt()
            problem = caught.value.problem
            assert problem.reason == "keychain.locked"
            assert "locked" in problem.message and "Unlock your keychain" in problem.next_step
            assert kept not in problem.text() and refused not in problem.text()
        # Locking lost nothing and the refused write did not happen.
        _unlock_with_password(default_collection.connection, default_collection)
        assert store.get(instance_id, "token") == kept
    finally:
        if default_collection.is_locked():
            _unlock_with_password(default_collection.connection, default_collection)
        store.delete(instance_id, ["token"])


def test_check_of_a_stored_instance_with_a_locked_keychain_says_so_and_sends_nothing(default_collection, emulators,
                                                                                      cli, monkeypatch, exadesk_home):
    from tests.commands.workflow import add_github, github_scenario, new_token

    token = new_token()
    emulator = emulators.start("github", github_scenario(token))
    add_github(cli, monkeypatch, emulator.url, "locked one", token)
    try:
        default_collection.lock()
        result = cli("check", "--instance", "locked one", "--json")
    finally:
        _unlock_with_password(default_collection.connection, default_collection)
    data = result.json()
    error = (data[0] if isinstance(data, list) else data)["error"]
    assert error["kind"] == "keychain" and error["reason"] == "keychain.locked"
    assert emulator.requests == [], "nothing may be sent without the secret"
    assert token not in result.out + result.err
    cli("remove", "locked one", "--workspace", "Acme")


def test_adding_an_instance_with_a_locked_keychain_never_writes_the_secret_elsewhere(default_collection, cli,
                                                                                     monkeypatch, exadesk_home):
    token = new_token_for_add()
    monkeypatch.setenv("EXADESK_TEST_LOCKED_TOKEN", token)
    try:
        default_collection.lock()
        result = cli("add", "github", "--name", "never stored", "--url", "https://github.com", "--secret-env",
                     "token=EXADESK_TEST_LOCKED_TOKEN", "--project", "acme/website", "--workspace", "Acme")
    finally:
        _unlock_with_password(default_collection.connection, default_collection)
    assert result.code != 0, "an instance whose secret could not be stored is not reported as added"
    assert "keychain is locked" in (result.out + result.err)
    assert token not in result.out + result.err
    for path in exadesk_home.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), f"the secret was written to {path.name}"
    cli("remove", "never stored", "--workspace", "Acme")


def new_token_for_add() -> str:
    from tests.commands.workflow import new_token

    return new_token()
