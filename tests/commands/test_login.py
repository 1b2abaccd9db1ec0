"""``exadesk login`` end to end against the emulators, then ``exadesk check --instance`` on the stored sign-in."""

from __future__ import annotations

import logging
import webbrowser

import pytest

from exadesk.sandbox import salesforce as sf_emu
from exadesk.sandbox import servicenow as sn_emu
from exadesk.sandbox import zendesk as zd_emu
from exadesk.store.keychain import SecretStore
from exadesk.store.storage import Store
from tests.helpers.browser import FakeBrowser


@pytest.fixture
def browser(monkeypatch):
    """The system browser: it signs in and approves, as the emulator's scenario says."""
    fake = FakeBrowser()
    monkeypatch.setattr(webbrowser, "open", fake)
    return fake


def _stored(name: str):
    found = Store().load().data.find_instance(name)
    return found[1] if found else None


def _issued_tokens(emulator) -> list[str]:
    """Every access and refresh token the emulator ever issued (unique random values per run)."""
    s = emulator.scenario
    out = list(s.get("oauth", {}).get("refresh_tokens", {}))
    out += list(s.get("_access_tokens", {})) + list(s.get("oauth_tokens", {})) + list(s.get("tokens", {}))
    return [t for t in out if t not in (sf_emu.DEMO_TOKEN, sf_emu.ADMIN_TOKEN, zd_emu.DEMO_OAUTH, sn_emu.DEMO_REFRESH)]


def _assert_no_token_leaked(emulator, results, home, caplog):
    issued = _issued_tokens(emulator)
    assert issued
    texts = [r.out + r.err for r in results] + [rec.getMessage() for rec in caplog.records]
    texts += [p.read_text(errors="replace") for p in home.rglob("*") if p.is_file()]
    for token in issued:
        assert not any(token in text for text in texts), "a token leaked"


def test_zendesk_login_replaces_the_api_token_and_the_check_runs_on_oauth(cli, emulators, browser, monkeypatch,
                                                                        exadesk_home, caplog, memory_keyring):
    caplog.set_level(logging.DEBUG)
    emulator = emulators.start("zendesk")
    monkeypatch.setenv("ZD_TOKEN", zd_emu.DEMO_API_TOKEN)
    added = cli("add", "zendesk", "--name", "Support desk", "--url", emulator.url, "--user",
                zd_emu.DEMO_EMAIL, "--secret-env", "api_token=ZD_TOKEN", "--project", "Support")
    assert added.code == 0, added.err
    login = cli("login", "--instance", "Support desk", "--client-id", zd_emu.DEMO_CLIENT_ID)
    assert login.code == 0, login.err
    inst = _stored("Support desk")
    assert inst.auth_method == "oauth" and inst.values["client_id"] == zd_emu.DEMO_CLIENT_ID
    assert set(inst.secret_fields) == {"access_token", "refresh_token"}
    assert SecretStore().get(inst.id, "api_token") is None  # the replaced API token left the keychain
    check = cli("check", "--instance", "Support desk", "--json")
    assert check.code == 0, check.out
    assert check.json()["identity"]["login"] == zd_emu.DEMO_EMAIL
    _assert_no_token_leaked(emulator, [added, login, check], exadesk_home, caplog)


def test_salesforce_login_creates_the_instance_at_the_orgs_address(cli, emulators, browser, exadesk_home, caplog):
    caplog.set_level(logging.DEBUG)
    emulator = emulators.start("salesforce")
    login = cli("login", "--instance", "Org", "--tracker", "salesforce", "--url", emulator.url + "/",
                "--client-id", sf_emu.DEMO_CLIENT_ID)
    assert login.code == 0, login.err
    inst = _stored("Org")
    assert inst.url == emulator.url and inst.auth_method == "oauth"
    check = cli("check", "--instance", "Org", "--json")
    assert check.json()["error"] is None and check.check("salesforce.ApiEnabled")["status"] == "pass"
    # Salesforce names no access-token lifetime: the check refreshed first (refresh on demand).
    grants = [r.form().get("grant_type") for r in emulator.requests if r.path == "/services/oauth2/token"]
    assert grants == ["authorization_code", "refresh_token"]
    _assert_no_token_leaked(emulator, [login, check], exadesk_home, caplog)


def test_no_browser_prints_the_address_to_open(cli, emulators, monkeypatch):
    emulator = emulators.start("salesforce")
    visit = FakeBrowser()
    monkeypatch.setattr(webbrowser, "open", lambda url: (visit(url), False)[1])  # cannot launch one
    login = cli("login", "--instance", "Org", "--tracker", "salesforce", "--url", emulator.url,
                "--client-id", sf_emu.DEMO_CLIENT_ID)
    assert login.code == 0, login.err
    assert visit.opened[0] in login.out and "Open this address" in login.out


def test_salesforce_device_flow(cli, emulators, exadesk_home, caplog):
    emulator = emulators.start("salesforce", {"oauth": {"device_interval": 1}})
    login = cli("login", "--instance", "Org", "--tracker", "salesforce", "--url", emulator.url,
                "--client-id", sf_emu.DEMO_CLIENT_ID, "--device", "--timeout", "20")
    assert login.code == 0, login.err
    assert "enter the code" in login.out and "/setup/connect" in login.out
    assert _stored("Org").auth_method == "oauth"
    _assert_no_token_leaked(emulator, [login], exadesk_home, caplog)


def _servicenow(cli, emulators, monkeypatch, scenario=None):
    emulator = emulators.start("servicenow", scenario)
    del emulator.scenario["oauth"]["refresh_tokens"][sn_emu.DEMO_REFRESH]  # only this sign-in's token is on record
    monkeypatch.setenv("SN_SECRET", sn_emu.DEMO_CLIENT_SECRET)
    login = cli("login", "--instance", "SN", "--tracker", "servicenow", "--url", emulator.url, "--user",
                "exalate.proxy", "--client-id", sn_emu.DEMO_CLIENT_ID, "--client-secret-env", "SN_SECRET")
    return emulator, login


def test_servicenow_login_then_check_shows_the_refresh_token_lifespan(cli, emulators, browser, monkeypatch,
                                                                      exadesk_home, caplog):
    emulator, login = _servicenow(cli, emulators, monkeypatch)
    assert login.code == 0, login.err
    inst = _stored("SN")
    assert set(inst.secret_fields) == {"access_token", "refresh_token", "client_secret"}
    check = cli("check", "--instance", "SN", "--json")
    assert check.json()["error"] is None, check.out
    lifespan = check.check("servicenow.refresh_token_lifespan")
    assert lifespan["status"] == "pass" and "days left" in lifespan["detail"]
    # The access token from the sign-in was still valid: no refresh was needed.
    grants = [r.form()["grant_type"] for r in emulator.requests if r.path == "/oauth_token.do"]
    assert grants == ["authorization_code"]
    _assert_no_token_leaked(emulator, [login, check], exadesk_home, caplog)


def test_servicenow_short_refresh_lifespan_warns_with_the_seeds_advice(cli, emulators, browser, monkeypatch):
    scenario = {"oauth": {"clients": {sn_emu.DEMO_CLIENT_ID: {"refresh_token_lifespan": 7 * 86400}}}}
    emulator, login = _servicenow(cli, emulators, monkeypatch, scenario)
    assert login.code == 0, login.err
    check = cli("check", "--instance", "SN", "--json")
    lifespan = check.check("servicenow.refresh_token_lifespan")
    assert lifespan["status"] == "warn"
    assert "longer Refresh Token Lifespan" in lifespan["fix"] and "new refresh token" in lifespan["fix"]


def test_refresh_on_demand_before_a_check(cli, emulators, browser, monkeypatch):
    scenario = {"oauth": {"clients": {sn_emu.DEMO_CLIENT_ID: {"access_token_lifespan": 60}}}}
    emulator, login = _servicenow(cli, emulators, monkeypatch, scenario)
    assert login.code == 0, login.err
    check = cli("check", "--instance", "SN", "--json")
    assert check.json()["error"] is None, check.out
    grants = [r.form()["grant_type"] for r in emulator.requests if r.path == "/oauth_token.do"]
    assert grants == ["authorization_code", "refresh_token"]  # 60 s is inside the margin: renewed first


def test_revoked_refresh_token_says_sign_in_again(cli, emulators, browser, monkeypatch):
    scenario = {"oauth": {"clients": {sn_emu.DEMO_CLIENT_ID: {"access_token_lifespan": 60}}}}
    emulator, login = _servicenow(cli, emulators, monkeypatch, scenario)
    assert login.code == 0, login.err
    emulator.scenario["oauth"]["refresh_tokens"].clear()  # revoked on the instance (System OAuth, Manage Tokens)
    check = cli("check", "--instance", "SN", "--json")
    assert check.code == 1
    error = check.json()["error"]
    assert error["reason"] == "oauth.sign_in_again" and "exadesk login --instance" in error["next_step"]
    assert not any(r.path.startswith("/api/") for r in emulator.requests)  # no check ran on a dead sign-in
    assert _stored("SN").last.error_reason == "oauth.sign_in_again"


@pytest.mark.parametrize("case", ["deny", "timeout"])
def test_denied_or_abandoned_sign_in_stores_nothing(cli, emulators, monkeypatch, memory_keyring, case):
    emulator = emulators.start("zendesk", {"oauth": {"consent": "deny"}} if case == "deny" else None)
    monkeypatch.setattr(webbrowser, "open", FakeBrowser(closed=case == "timeout"))
    login = cli("login", "--instance", "Z", "--tracker", "zendesk", "--url", emulator.url, "--client-id",
                zd_emu.DEMO_CLIENT_ID, "--timeout", "0.5")
    assert login.code == (1 if case == "deny" else 3)
    assert ("declined" if case == "deny" else "No answer came from the browser") in login.err
    assert _stored("Z") is None and memory_keyring.entries == {}


def test_usage_errors(cli, emulators):
    assert cli("login", "--instance", "nope").code == 2
    assert cli("login", "--instance", "G", "--tracker", "github", "--url", "https://github.com",
               "--client-id", "x").code == 2
    emulator = emulators.start("servicenow")
    missing_secret = cli("login", "--instance", "SN", "--tracker", "servicenow", "--url", emulator.url,
                         "--user", "exalate.proxy", "--client-id", sn_emu.DEMO_CLIENT_ID)
    assert missing_secret.code == 2 and "client secret" in missing_secret.err and not emulator.requests


def test_servicenow_password_grant(cli, emulators, monkeypatch):
    emulator = emulators.start("servicenow")
    monkeypatch.setenv("SN_SECRET", sn_emu.DEMO_CLIENT_SECRET)
    monkeypatch.setenv("SN_PASSWORD", sn_emu.DEMO_PASSWORD)
    login = cli("login", "--instance", "SN", "--tracker", "servicenow", "--url", emulator.url, "--user",
                "exalate.proxy", "--client-id", sn_emu.DEMO_CLIENT_ID, "--client-secret-env", "SN_SECRET",
                "--password-env", "SN_PASSWORD")
    assert login.code == 0, login.err
    assert sn_emu.DEMO_PASSWORD not in login.out + login.err
    assert SecretStore().get(_stored("SN").id, "password") is None  # the password is used once, never stored


def test_refresh_token_expiry_counted_from_the_sign_in_when_the_proxy_user_cannot_read_token_records(
        cli, emulators, browser, monkeypatch):
    scenario = {"acls": {"oauth_credential": {"read": ["admin"]}}}
    emulator, login = _servicenow(cli, emulators, monkeypatch, scenario)
    assert login.code == 0, login.err
    lifespan = cli("check", "--instance", "SN", "--json").check("servicenow.refresh_token_lifespan")
    assert lifespan["status"] == "pass" and "counted from when ExaDesk signed in" in lifespan["detail"]
    assert "(99 days left)" in lifespan["detail"] or "(100 days left)" in lifespan["detail"]


def test_zendesk_check_after_sign_in_stays_within_the_documented_api(cli, emulators, browser):
    from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec

    emulator = emulators.start("zendesk")
    assert cli("login", "--instance", "Z", "--tracker", "zendesk", "--url", emulator.url, "--client-id",
               zd_emu.DEMO_CLIENT_ID).code == 0
    check = cli("check", "--instance", "Z", "--json")
    assert check.json()["error"] is None, check.out
    api = load_spec("zendesk/oas.yaml")
    # /oauth/* (authorize, tokens) is described in Zendesk's OAuth guides, not in the Support API's OpenAPI file.
    assert assert_requests_documented(api, emulator.requests, allow=(r"^/oauth/",)) >= 2
    assert assert_replies_conform(api, emulator.requests) >= 1
