"""exadesk.verification.tokens: tokens only in the keychain, refresh on demand, and no crash ever loses the refresh
token."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from exadesk.foundation import clock
from exadesk.sandbox import servicenow as sn_emu
from exadesk.sandbox import zendesk as zd_emu
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Instance
from exadesk.verification import oauth, tokens, registry
from tests.helpers.browser import FakeBrowser


class CrashingStore(SecretStore):
    """A keychain that dies (like a killed process) after ``writes`` successful writes."""

    def __init__(self, writes: int):
        super().__init__()
        self.writes_left = writes

    def set(self, instance_id, field, value):
        if self.writes_left <= 0:
            raise SystemExit("crash")
        self.writes_left -= 1
        super().set(instance_id, field, value)


def _instance(emulator, tracker="zendesk", secret_fields=("refresh_token", "access_token")) -> Instance:
    client_id = {"zendesk": zd_emu.DEMO_CLIENT_ID, "servicenow": sn_emu.DEMO_CLIENT_ID}[tracker]
    return Instance(tracker=tracker, name="Support", url=emulator.url, auth_method="oauth",
                    values={"client_id": client_id, "username": "exalate.proxy"},
                    secret_fields=list(secret_fields))


def _signed_in(emulator, tracker="zendesk"):
    store = SecretStore()
    inst = _instance(emulator, tracker, ("refresh_token", "access_token", "client_secret")
                     if tracker == "servicenow" else ("refresh_token", "access_token"))
    secret = sn_emu.DEMO_CLIENT_SECRET if tracker == "servicenow" else ""
    first = oauth.sign_in_browser(registry.oauth_profiles()[tracker], emulator.url, inst.values["client_id"], secret,
                                  open_url=FakeBrowser(), timeout=10)
    tokens.save(store, inst.id, first, signed_in=True)
    if secret:
        store.set(inst.id, "client_secret", secret)
    return store, inst, first


def _expire_access(store, inst):
    meta = json.loads(store.get(inst.id, tokens.META))
    meta["access_expires_at"] = (clock.now() - timedelta(minutes=1)).isoformat()
    store.set(inst.id, tokens.META, json.dumps(meta))


def test_only_oauth_sign_ins_have_a_profile():
    assert tokens.profile_of(Instance(tracker="zendesk", name="a", url="https://a.zendesk.com",
                                      auth_method="oauth")) is registry.oauth_profiles()["zendesk"]
    assert tokens.profile_of(Instance(tracker="zendesk", name="a", url="https://a.zendesk.com",
                                      auth_method="api_token")) is None
    assert tokens.profile_of(Instance(tracker="github", name="a", url="https://github.com", auth_method="oauth")) is None


@pytest.mark.parametrize("tracker_id", sorted(registry.oauth_profiles()))
def test_an_adhoc_refresh_is_prepared_only_where_the_spec_says_the_core_refreshes(tracker_id):
    from exadesk.verification import registry
    from exadesk.verification.spec import Secrets, Target

    profile = registry.oauth_profiles()[tracker_id]
    method = registry.get(tracker_id).spec.auth_method(profile.method_id)
    target = Target(tracker=tracker_id, url="https://a.example.com", auth_method=profile.method_id,
                    values={oauth.CLIENT_ID: "client-1"}, secrets=Secrets({oauth.REFRESH_TOKEN: "rt-unique-7781"}))
    assert (tokens.command_line_sign_in(target) is not None) is method.core_refreshes_token
    # ServiceNow's older OAuth method refreshes by itself; the browser sign-ins leave it to the core.
    assert method.core_refreshes_token is (tracker_id != "servicenow")


@pytest.mark.parametrize("writes", range(0, 8))
def test_a_crash_at_any_write_never_loses_the_newest_refresh_token(memory_keyring, writes):
    store = SecretStore()
    inst_id = "inst1"
    store.set(inst_id, "refresh_token", "rt-old-unique-5510")
    store.set(inst_id, "access_token", "at-old-unique-5511")
    new = oauth.TokenSet("at-new-unique-5521", "rt-new-unique-5522",
                         expires_at=clock.now() + timedelta(hours=1))
    crashing = CrashingStore(writes)
    try:
        tokens.save(crashing, inst_id, new)
    except SystemExit:
        pass
    issued_new = any(v == "rt-new-unique-5522" for v in memory_keyring.entries.values())
    tokens.recover(SecretStore(), inst_id)  # the next start
    kept = SecretStore().get(inst_id, "refresh_token")
    assert kept == ("rt-new-unique-5522" if issued_new else "rt-old-unique-5510")
    assert SecretStore().get(inst_id, "refresh_token.next") is None


def test_a_valid_access_token_is_used_without_asking_the_tracker(emulators):
    emulator = emulators.start("zendesk")
    store, inst, first = _signed_in(emulator)
    before = len(emulator.requests)
    fresh, problem = tokens.fresh_tokens(inst, store)
    assert problem is None and fresh["access_token"] == first.access_token
    assert len(emulator.requests) == before


def test_an_expired_access_token_is_refreshed_and_the_rotated_pair_stored(emulators):
    emulator = emulators.start("zendesk")
    store, inst, first = _signed_in(emulator)
    _expire_access(store, inst)
    fresh, problem = tokens.fresh_tokens(inst, store)
    assert problem is None and fresh["access_token"] != first.access_token
    assert store.get(inst.id, "refresh_token") == fresh["refresh_token"] != first.refresh_token
    assert first.refresh_token not in emulator.scenario["oauth"]["refresh_tokens"]  # used up by the rotation


def test_a_revoked_refresh_token_asks_to_sign_in_again_and_keeps_what_is_stored(emulators):
    emulator = emulators.start("zendesk")
    store, inst, first = _signed_in(emulator)
    _expire_access(store, inst)
    emulator.scenario["oauth"]["refresh_tokens"].clear()  # revoked by an admin
    fresh, problem = tokens.fresh_tokens(inst, store)
    assert fresh == {} and problem.reason == "oauth.sign_in_again" and problem.kind.value == "auth"
    assert "exadesk login --instance" in problem.next_step and "Support" in problem.message
    assert first.refresh_token not in problem.text()
    assert store.get(inst.id, "refresh_token") == first.refresh_token


def test_no_refresh_token_stored_means_sign_in_again(emulators):
    emulator = emulators.start("zendesk")
    fresh, problem = tokens.fresh_tokens(_instance(emulator), SecretStore())
    assert problem.reason == "oauth.sign_in_again" and not emulator.requests


def test_servicenow_refresh_sends_the_client_secret_and_keeps_the_refresh_token(emulators):
    emulator = emulators.start("servicenow")
    store, inst, first = _signed_in(emulator, "servicenow")
    _expire_access(store, inst)
    fresh, problem = tokens.fresh_tokens(inst, store)
    assert problem is None and fresh["refresh_token"] == first.refresh_token
    refresh = [r.form() for r in emulator.requests if r.path == "/oauth_token.do"][-1]
    assert refresh["grant_type"] == "refresh_token" and refresh["client_secret"] == sn_emu.DEMO_CLIENT_SECRET
    # The refresh token's life is counted from the sign-in (ServiceNow does not extend it on use).
    expiry = tokens.refresh_expiry(store, inst)
    assert timedelta(days=99) < expiry - clock.now() <= timedelta(days=100)


def test_revoke_and_forget(emulators):
    emulator = emulators.start("zendesk")
    store, inst, first = _signed_in(emulator)
    assert tokens.revoke_and_forget(inst, store)
    assert first.access_token not in emulator.scenario["oauth_tokens"]
    assert all(store.get(inst.id, f) is None for f in ("access_token", "refresh_token", tokens.META))


def test_apply_sign_in_uses_the_same_field_names_for_every_tracker():
    got = oauth.TokenSet("a" * 30, "r" * 30, instance_url="https://acme.my.salesforce.com/")
    for tracker in registry.oauth_profiles():
        inst = Instance(tracker=tracker, name="x", url="https://x.example.com", auth_method="")
        tokens.apply_sign_in(inst, "client-1", tracker == "servicenow", got)
        assert inst.auth_method == "oauth" and inst.values["client_id"] == "client-1"
        assert set(inst.secret_fields) >= {"refresh_token", "access_token"}
        assert ("client_secret" in inst.secret_fields) == (tracker == "servicenow")
        assert inst.url == "https://acme.my.salesforce.com"


def test_a_refresh_token_given_on_the_command_line_is_traded_first(cli, emulators, monkeypatch):
    emulator = emulators.start("zendesk")
    first = oauth.sign_in_browser(registry.oauth_profiles()["zendesk"], emulator.url, zd_emu.DEMO_CLIENT_ID,
                                  open_url=FakeBrowser(), timeout=10)
    monkeypatch.setenv("ZD_REFRESH", first.refresh_token)
    result = cli("check", "zendesk", "--url", emulator.url, "--auth", "oauth", "--field",
                 f"client_id={zd_emu.DEMO_CLIENT_ID}", "--secret-env", "refresh_token=ZD_REFRESH", "--project",
                 "Support", "--json")
    assert result.json()["error"] is None, result.out
    assert first.refresh_token not in result.out + result.err
    monkeypatch.setenv("ZD_REFRESH", first.refresh_token)  # used up by the rotation: sign in again
    again = cli("check", "zendesk", "--url", emulator.url, "--auth", "oauth", "--field",
                f"client_id={zd_emu.DEMO_CLIENT_ID}", "--secret-env", "refresh_token=ZD_REFRESH", "--json")
    assert again.code == 1 and again.json()["error"]["reason"] == "oauth.sign_in_again"


def test_concurrent_checks_refresh_once_and_neither_is_told_to_sign_in_again(emulators):
    import threading

    emulator = emulators.start("zendesk")  # Zendesk rotates: a second refresh with the used token would fail
    store, inst, first = _signed_in(emulator)
    _expire_access(store, inst)
    results = []
    threads = [threading.Thread(target=lambda: results.append(tokens.fresh_tokens(inst, store))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert [problem for _, problem in results] == [None] * 4
    assert len({fresh["access_token"] for fresh, _ in results}) == 1
    refreshes = [r for r in emulator.requests if r.path == "/oauth/tokens" and r.json()["grant_type"] == "refresh_token"]
    assert len(refreshes) == 1


def test_a_sign_in_without_refresh_token_is_not_stored(memory_keyring):
    with pytest.raises(oauth.OAuthError) as caught:
        tokens.save(SecretStore(), "i1", oauth.TokenSet("at-unique-9931"), signed_in=True)
    assert caught.value.problem.reason == "oauth.no_refresh_token" and memory_keyring.entries == {}
