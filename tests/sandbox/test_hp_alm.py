"""exadesk/sandbox/hp_alm.py: the HP ALM emulator's scenario keys and its session sign-in, through HTTP."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.hp_alm import BROWSER_401, DEMO_PASSWORD, DEMO_USER, HpAlmEmulator
from exadesk.sandbox.kit import ScenarioError


def _sign_in(session, url, password):
    body = f"<alm-authentication><user>{DEMO_USER}</user><password>{password}</password></alm-authentication>"
    return session.post(f"{url}/qcbin/authentication-point/alm-authenticate", data=body,
                        headers={"Content-Type": "application/xml"}, timeout=5)


def test_a_misspelt_key_of_a_user_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'site_admn'"):
        HpAlmEmulator({"users": {"qa": {"password": "x", "site_admn": True}}})


def test_a_rest_call_without_a_session_gets_the_browser_401():
    with HpAlmEmulator() as emulator:
        reply = requests.get(f"{emulator.url}/qcbin/rest/is-authenticated", timeout=5)
    assert reply.status_code == 401 and BROWSER_401 in reply.text


def test_signing_in_sets_the_lwsso_cookie_and_a_wrong_password_does_not():
    with HpAlmEmulator() as emulator, requests.Session() as session:
        assert _sign_in(requests.Session(), emulator.url, "wrong").status_code == 401
        signed = _sign_in(session, emulator.url, DEMO_PASSWORD)
        assert signed.status_code == 200 and "LWSSO_COOKIE_KEY" in session.cookies
        who = session.get(f"{emulator.url}/qcbin/rest/is-authenticated", timeout=5)
    assert who.status_code == 200 and f"<Username>{DEMO_USER}</Username>" in who.text
