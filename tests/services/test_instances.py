"""exadesk.services.instances: removing an instance leaves nothing of it in the keychain."""

from __future__ import annotations

from exadesk.services import instances
from exadesk.store.keychain import SERVICE, SecretStore
from exadesk.store.model import Instance


def test_forget_secrets_removes_fields_and_sign_in_tokens(memory_keyring):
    store = SecretStore()
    inst = Instance(tracker="salesforce", name="SF", url="https://acme.my.salesforce.com", auth_method="oauth",
                    secret_fields=["refresh_token"])
    for field in ("refresh_token", "access_token", "refresh_token.next", "oauth_meta"):
        store.set(inst.id, field, f"value-of-{field}")
    other = Instance(tracker="github", name="GH", url="https://github.com", auth_method="classic",
                     secret_fields=["token"])
    store.set(other.id, "token", "kept")
    instances.forget_secrets(inst, store)
    assert [key for key in memory_keyring.entries if key[1].startswith(inst.id)] == []
    assert memory_keyring.entries[(SERVICE, f"{other.id}/token")] == "kept"


def test_forget_secrets_of_a_token_instance_touches_only_its_fields(memory_keyring):
    store = SecretStore()
    inst = Instance(tracker="github", name="GH", url="https://github.com", auth_method="classic",
                    secret_fields=["token"])
    store.set(inst.id, "token", "t")
    instances.forget_secrets(inst, store)
    assert store.get(inst.id, "token") is None
