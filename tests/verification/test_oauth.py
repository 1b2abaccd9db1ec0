"""exadesk.verification.oauth against the emulators: PKCE, the loopback receiver, each tracker's flow end to end."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests

from exadesk.sandbox import salesforce as sf_emu
from exadesk.sandbox import servicenow as sn_emu
from exadesk.sandbox import zendesk as zd_emu
from exadesk.verification import oauth, registry
from tests.helpers.browser import FakeBrowser

#: tracker -> (client id, client secret) of the emulator's registered OAuth client
CLIENTS = {
    "servicenow": (sn_emu.DEMO_CLIENT_ID, sn_emu.DEMO_CLIENT_SECRET),
    "salesforce": (sf_emu.DEMO_CLIENT_ID, ""),
    "zendesk": (zd_emu.DEMO_CLIENT_ID, ""),
}


def _sign_in(emulator, tracker: str, browser, **kwargs) -> oauth.TokenSet:
    client_id, secret = CLIENTS[tracker]
    return oauth.sign_in_browser(registry.oauth_profiles()[tracker], emulator.url, client_id, secret, open_url=browser,
                                 timeout=kwargs.pop("timeout", 10), **kwargs)


def _token_requests(emulator) -> list:
    return [r for r in emulator.requests if r.method == "POST" and r.path == registry.oauth_profiles()[emulator.tracker].token_path]


def test_pkce_matches_rfc7636_example():
    assert oauth.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    pair = oauth.Pkce.new()
    assert 43 <= len(pair.verifier) <= 128 and oauth.s256(pair.verifier) == pair.challenge
    assert pair.verifier not in repr(pair) and oauth.new_state() != oauth.new_state()


def test_token_set_and_device_code_hide_secrets():
    tokens = oauth.TokenSet("at-unique-7781", "rt-unique-7782")
    device = oauth.DeviceCode("ABCD", "https://x/setup/connect", device_code="dc-unique-7783")
    assert "7781" not in repr(tokens) + str(tokens) and "7782" not in repr(tokens)
    assert "7783" not in repr(device) and "ABCD" in repr(device)


def test_receiver_listens_on_loopback_random_port_and_serves_one_redirect():
    first, second = oauth.LoopbackReceiver(), oauth.LoopbackReceiver()
    assert first.port != second.port and first.redirect_uri.startswith("http://127.0.0.1:")
    second.close()
    first.expected_state = "s1"
    results = {}
    waiter = threading.Thread(target=lambda: results.update(first.wait(5)))
    waiter.start()
    assert requests.get(f"http://127.0.0.1:{first.port}/favicon.ico", timeout=5).status_code == 404
    page = requests.get(first.redirect_uri + "?code=c1&state=s1", timeout=5)
    waiter.join(5)
    assert page.status_code == 200 and "c1" not in page.text
    assert results == {"code": "c1", "state": "s1"}
    with pytest.raises(OSError):  # closed after the one redirect
        socket.create_connection(("127.0.0.1", first.port), timeout=1).close()


@pytest.mark.parametrize("tracker", ["servicenow", "salesforce", "zendesk"])
def test_browser_sign_in_end_to_end(emulators, tracker):
    emulator = emulators.start(tracker)
    browser = FakeBrowser()
    tokens = _sign_in(emulator, tracker, browser)
    browser.join()
    assert tokens.access_token and tokens.refresh_token and browser.landing_status == 200
    authorize = next(r for r in emulator.requests if r.path == registry.oauth_profiles()[tracker].authorize_path)
    assert authorize.param("code_challenge_method") == "S256"
    assert authorize.param("redirect_uri").startswith("http://127.0.0.1:")
    exchange = _token_requests(emulator)[-1]
    body = exchange.json() if tracker == "zendesk" else exchange.form()
    assert body["grant_type"] == "authorization_code"
    assert oauth.s256(body["code_verifier"]) == authorize.param("code_challenge")
    assert ("client_secret" in body) == (tracker == "servicenow")  # only where the tracker needs one
    if tracker == "salesforce":
        assert tokens.instance_url == emulator.url and "/id/" in tokens.identity_url
        assert emulator.scenario["tokens"][tokens.access_token] == sf_emu.USER_ID
    # The new access token works against the tracker's API.
    me = {"servicenow": "/api/now/table/sys_user?sysparm_query=sys_id%3Djavascript:gs.getUserID()",
          "salesforce": "/services/oauth2/userinfo", "zendesk": "/api/v2/users/me"}[tracker]
    reply = requests.get(emulator.url + me, headers={"Authorization": f"Bearer {tokens.access_token}"}, timeout=5)
    assert reply.status_code == 200


@pytest.mark.parametrize("tracker", ["servicenow", "salesforce", "zendesk"])
def test_wrong_state_is_refused_and_no_code_is_traded(emulators, tracker):
    emulator = emulators.start(tracker)
    with pytest.raises(oauth.OAuthError) as caught:
        _sign_in(emulator, tracker, FakeBrowser(tamper_state=True), timeout=1)
    # The tampered answer is ignored (it cannot end the sign-in); when no right one comes, it is what is reported.
    assert caught.value.problem.reason == "oauth.state_mismatch"
    assert _token_requests(emulator) == []


@pytest.mark.parametrize("tracker", ["servicenow", "salesforce", "zendesk"])
def test_denied_consent(emulators, tracker):
    emulator = emulators.start(tracker, {"oauth": {"consent": "deny"}})
    with pytest.raises(oauth.OAuthError) as caught:
        _sign_in(emulator, tracker, FakeBrowser())
    assert caught.value.problem.reason == "oauth.denied" and caught.value.problem.kind.value == "auth"
    assert _token_requests(emulator) == []


def test_closed_browser_times_out(emulators):
    emulator = emulators.start("salesforce")
    started = time.monotonic()
    with pytest.raises(oauth.OAuthError) as caught:
        _sign_in(emulator, "salesforce", FakeBrowser(closed=True), timeout=0.5)
    assert caught.value.problem.reason == "oauth.timeout" and time.monotonic() - started < 5
    assert emulator.requests == []


def test_cancel_stops_waiting(emulators):
    emulator = emulators.start("zendesk")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(oauth.OAuthError) as caught:
        _sign_in(emulator, "zendesk", FakeBrowser(closed=True), timeout=30, cancel=cancel)
    assert caught.value.problem.reason == "oauth.cancelled"


def test_servicenow_needs_its_client_secret(emulators):
    emulator = emulators.start("servicenow")
    with pytest.raises(oauth.OAuthError) as caught:
        oauth.sign_in_browser(registry.oauth_profiles()["servicenow"], emulator.url, sn_emu.DEMO_CLIENT_ID, "",
                              open_url=FakeBrowser())
    assert caught.value.problem.reason == "oauth.secret_required" and emulator.requests == []


def test_wrong_pkce_verifier_is_refused(emulators):
    emulator = emulators.start("zendesk")
    profile = registry.oauth_profiles()["zendesk"]
    receiver = oauth.LoopbackReceiver()
    receiver.expected_state = "st"
    url = oauth.authorization_url(profile, emulator.url, zd_emu.DEMO_CLIENT_ID, receiver.redirect_uri, "st",
                                  oauth.Pkce.new())
    browser = FakeBrowser()
    browser(url)
    params = receiver.wait(10)
    client = oauth.token_client(profile, emulator.url)
    with pytest.raises(oauth.OAuthError) as caught:  # another verifier than the one the challenge came from
        oauth.exchange_code(client, profile, params["code"], receiver.redirect_uri, zd_emu.DEMO_CLIENT_ID, "",
                            oauth.Pkce.new())
    assert caught.value.problem.reason == "oauth.rejected"


def test_refresh_rotates_and_a_revoked_refresh_token_means_sign_in_again(emulators):
    emulator = emulators.start("zendesk")
    profile = registry.oauth_profiles()["zendesk"]
    first = _sign_in(emulator, "zendesk", FakeBrowser())
    client = oauth.token_client(profile, emulator.url)
    second = oauth.refresh(client, profile, first.refresh_token, zd_emu.DEMO_CLIENT_ID)
    assert second.refresh_token != first.refresh_token and second.access_token != first.access_token
    with pytest.raises(oauth.OAuthError) as caught:  # the used one is gone (single use)
        oauth.refresh(client, profile, first.refresh_token, zd_emu.DEMO_CLIENT_ID)
    assert caught.value.problem.reason == "oauth.sign_in_again" and first.refresh_token not in caught.value.problem.text()
    assert oauth.revoke(client, profile, second.access_token)
    with pytest.raises(oauth.OAuthError):
        oauth.refresh(client, profile, second.refresh_token, zd_emu.DEMO_CLIENT_ID)


def test_salesforce_revoke_and_refresh_keeps_the_refresh_token(emulators):
    emulator = emulators.start("salesforce")
    profile = registry.oauth_profiles()["salesforce"]
    first = _sign_in(emulator, "salesforce", FakeBrowser())
    client = oauth.token_client(profile, emulator.url)
    renewed = oauth.refresh(client, profile, first.refresh_token, sf_emu.DEMO_CLIENT_ID)
    assert renewed.refresh_token == first.refresh_token and renewed.access_token != first.access_token
    assert oauth.revoke(client, profile, first.refresh_token)
    assert renewed.access_token not in emulator.scenario["tokens"]
    with pytest.raises(oauth.OAuthError) as caught:
        oauth.refresh(client, profile, first.refresh_token, sf_emu.DEMO_CLIENT_ID)
    assert caught.value.problem.reason == "oauth.sign_in_again" and "invalid_grant" in caught.value.problem.message


def test_salesforce_device_flow(emulators):
    emulator = emulators.start("salesforce", {"oauth": {"device_interval": 1, "device_pending_polls": 1}})
    shown = []
    tokens = oauth.sign_in_device(registry.oauth_profiles()["salesforce"], emulator.url, sf_emu.DEMO_CLIENT_ID,
                                  show_code=shown.append, timeout=20)
    assert shown and shown[0].user_code and shown[0].verification_uri.startswith(emulator.url)
    assert tokens.refresh_token and tokens.instance_url == emulator.url
    polls = [r.form() for r in _token_requests(emulator) if r.form().get("grant_type") == "device"]
    assert len(polls) == 2  # one "authorization_pending", then the tokens


def test_device_flow_denied_and_not_offered_elsewhere(emulators):
    emulator = emulators.start("salesforce", {"oauth": {"device_interval": 1, "consent": "deny"}})
    with pytest.raises(oauth.OAuthError) as caught:
        oauth.sign_in_device(registry.oauth_profiles()["salesforce"], emulator.url, sf_emu.DEMO_CLIENT_ID,
                             show_code=lambda d: None, timeout=20)
    assert caught.value.problem.reason == "oauth.denied"
    with pytest.raises(oauth.OAuthError) as caught:
        oauth.sign_in_device(registry.oauth_profiles()["zendesk"], emulator.url, "x", show_code=lambda d: None)
    assert caught.value.problem.reason == "oauth.no_device"


def test_servicenow_password_grant_and_revocation(emulators):
    emulator = emulators.start("servicenow")
    profile = registry.oauth_profiles()["servicenow"]
    client = oauth.token_client(profile, emulator.url)
    tokens = oauth.password_grant(client, profile, "exalate.proxy", sn_emu.DEMO_PASSWORD, sn_emu.DEMO_CLIENT_ID,
                                  sn_emu.DEMO_CLIENT_SECRET)
    assert tokens.refresh_token and tokens.expires_at is not None
    assert oauth.revoke(client, profile, tokens.refresh_token)
    with pytest.raises(oauth.OAuthError) as caught:
        oauth.refresh(client, profile, tokens.refresh_token, sn_emu.DEMO_CLIENT_ID, sn_emu.DEMO_CLIENT_SECRET)
    assert caught.value.problem.reason == "oauth.sign_in_again"


def test_every_profile_names_where_to_register_and_its_docs():
    for tracker, profile in registry.oauth_profiles().items():
        assert profile.tracker == tracker and profile.register_steps and profile.register_link.startswith("{url}/")
        assert all(url.startswith("https://") for url in profile.docs) and profile.docs


def test_an_idle_browser_preconnection_does_not_block_the_redirect():
    receiver = oauth.LoopbackReceiver()
    receiver.expected_state = "s2"
    idle = socket.create_connection(("127.0.0.1", receiver.port), timeout=5)  # sends nothing, like a preconnect
    results = {}
    waiter = threading.Thread(target=lambda: results.update(receiver.wait(10)))
    waiter.start()
    reply = requests.get(receiver.redirect_uri + "?code=c2&state=s2", timeout=10)
    waiter.join(10)
    idle.close()
    assert reply.status_code == 200 and results.get("code") == "c2"


def _wait_in_thread(receiver, timeout):
    outcome = {}

    def wait():
        try:
            outcome["params"] = receiver.wait(timeout)
        except oauth.OAuthError as exc:
            outcome["problem"] = exc.problem
        outcome["ended"] = time.monotonic()

    waiter = threading.Thread(target=wait)
    waiter.start()
    return waiter, outcome


def test_a_stray_answer_with_the_wrong_state_does_not_end_the_sign_in(caplog):
    receiver = oauth.LoopbackReceiver()
    receiver.expected_state = "right-state"
    waiter, outcome = _wait_in_thread(receiver, 5)
    stray = requests.get(receiver.redirect_uri + "?code=evil&state=wrong", timeout=5)
    assert stray.status_code == 200 and "not accepted" in stray.text
    page = requests.get(receiver.redirect_uri + "?code=good&state=right-state", timeout=5)
    waiter.join(5)
    assert page.status_code == 200 and outcome.get("params", {}).get("code") == "good"
    assert "wrong state" in caplog.text


def test_a_client_dribbling_a_byte_a_second_does_not_outlive_the_timeout():
    receiver = oauth.LoopbackReceiver()
    receiver.expected_state = "s3"
    dribbler = socket.create_connection(("127.0.0.1", receiver.port), timeout=5)
    stop = threading.Event()

    def dribble():
        for byte in b"GET /callback?code=c3&state=s3 HTTP/1.1\r\nHost: x\r\n" * 4:
            if stop.wait(0.2):
                return
            try:
                dribbler.send(bytes([byte]))
            except OSError:
                return

    feeder = threading.Thread(target=dribble, daemon=True)
    feeder.start()
    started = time.monotonic()
    waiter, outcome = _wait_in_thread(receiver, 1.0)
    waiter.join(4)
    stop.set()
    feeder.join(2)
    dribbler.close()
    assert "ended" in outcome, "the receiver is still waiting on the dribbling client"
    assert outcome["ended"] - started < 4  # the dribble alone lasts ~40 s
    assert outcome["problem"].reason == "oauth.timeout"


def test_a_connection_is_shut_after_its_time_limit(monkeypatch):
    monkeypatch.setattr(oauth, "CONNECTION_SECONDS", 0.5)
    receiver = oauth.LoopbackReceiver()
    receiver.expected_state = "s4"
    waiter, outcome = _wait_in_thread(receiver, 3)
    slow = socket.create_connection(("127.0.0.1", receiver.port), timeout=3)
    started = time.monotonic()
    try:
        # Never finishes its headers, a byte every 0.3 s: each read is well inside the 2 s per-read timeout.
        for byte in b"GET /callback?code=c4&state=s4 HTTP/1.1\r\nX-Slow: " + b"a" * 30:
            try:
                slow.send(bytes([byte]))
            except OSError:  # the receiver hung up on it
                break
            time.sleep(0.3)
        else:
            pytest.fail("the receiver kept a dribbling connection open for 15 s")
        assert time.monotonic() - started < 4
    finally:
        slow.close()
        receiver.expected_state = "s4"
        requests.get(receiver.redirect_uri + "?code=c4&state=s4", timeout=3)
        waiter.join(4)
    assert outcome["params"]["code"] == "c4"


def test_a_browser_closing_before_the_answer_page_prints_no_traceback(capfd):
    receiver = oauth.LoopbackReceiver()
    receiver.expected_state = "s5"
    waiter, outcome = _wait_in_thread(receiver, 5)
    for _ in range(3):  # early closes, as a prefetching browser does; the last one carries the answer
        early = socket.create_connection(("127.0.0.1", receiver.port), timeout=3)
        early.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset
        early.send(b"GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n")
        early.close()
    closing = socket.create_connection(("127.0.0.1", receiver.port), timeout=3)
    closing.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    closing.send(b"GET /callback?code=c5&state=s5 HTTP/1.1\r\nHost: x\r\n\r\n")
    closing.close()
    waiter.join(5)
    time.sleep(0.3)  # let the handler threads meet the closed sockets
    assert outcome["params"]["code"] == "c5"
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "ConnectionReset" not in err, err
