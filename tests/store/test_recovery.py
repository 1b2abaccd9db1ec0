"""Keychain entries and the data file stay consistent (exadesk/store/recovery.py): claims, the start-up sweep, the add
order.

Killed processes at every crash point are tested end to end in tests/security/test_crash_points.py; these tests
drive the same functions in one process.
"""

from __future__ import annotations

import pytest

from exadesk.store import recovery
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Instance, Workspace
from exadesk.store.storage import Store


@pytest.fixture
def store():
    store = Store()

    def seed(data):
        data.workspaces.append(Workspace(name="Acme", instances=[Instance("github", "GH", "https://gh", "token",
                                                                          id="kept", secret_fields=["token"])]))

    store.update(seed)
    return store


@pytest.fixture
def secrets(memory_keyring):
    return SecretStore(memory_keyring)


def test_a_held_claim_is_left_alone_and_a_released_one_is_gone(store, secrets):
    secrets.set("new", "token", "s3cret")
    with recovery.claim(store, {"new": ["token"]}) as held:
        assert recovery.sweep(store, secrets) == []  # its run is alive (the claim is locked)
        assert held.path.exists() and secrets.get("new", "token") == "s3cret"
    assert not held.path.exists()  # released on leaving the block


def test_the_sweep_deletes_only_entries_whose_instance_is_not_stored(store, secrets):
    secrets.set("kept", "token", "a")
    secrets.set("orphan", "token", "b")
    held = recovery.claim(store, {"kept": ["token"], "orphan": ["token"]})
    held.leave()  # the run died: its claim stays, nobody holds it
    assert recovery.sweep(store, secrets) == [("orphan", "token")]
    assert secrets.get("kept", "token") == "a" and secrets.get("orphan", "token") is None
    assert list(recovery.claims_dir(store).glob("*.json")) == []


def test_taken_or_unsafe_ids_are_renamed_when_asked(store):
    with recovery.claim(store, {"kept": ["token"], "../x": ["token"], "fresh": ["token"]},
                        rename_taken=True) as held:
        assert set(held.renamed) == {"kept", "../x"}
        assert "fresh" in held.entries and "kept" not in held.entries
        with recovery.claim(store, {"fresh": ["token"]}, rename_taken=True) as other:
            assert other.renamed.get("fresh")  # claimed by a run that is still alive
        held.release()


def test_add_with_secrets_writes_the_secrets_then_the_instance(store, secrets):
    def add(data):
        data.workspace("Acme").instances.append(Instance("zendesk", "ZD", "https://zd", "token", id="zd1",
                                                         secret_fields=["token"]))

    data = recovery.add_with_secrets(store, secrets, "zd1", {"token": "t0k"}, add)
    assert data.find_instance("zd1") and secrets.get("zd1", "token") == "t0k"
    assert list(recovery.claims_dir(store).glob("*.json")) == []


def test_a_failed_add_deletes_the_secrets_it_wrote(store, secrets):
    def refuse(data):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        recovery.add_with_secrets(store, secrets, "zd2", {"token": "t0k"}, refuse)
    assert secrets.get("zd2", "token") is None
    assert secrets.get("kept", "token") is None  # nothing else touched (it had no secret stored)


def test_sweep_quietly_never_raises(store, monkeypatch):
    monkeypatch.setattr(recovery, "sweep", lambda store=None: (_ for _ in ()).throw(RuntimeError("locked")))
    recovery.sweep_quietly(store)
