"""exadesk/sandbox/_freshworks.py: what the Freshdesk and Freshservice emulators share, through HTTP on both: the API
key as the Basic user name with any password, the ``{"code", "message"}`` error bodies (401 invalid_credentials,
403 account_suspended), the empty 404, Retry-After on 429, the rate-limit headers, the shared scenario keys."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox import freshdesk, freshservice
from exadesk.sandbox._freshworks import FreshworksEmulator
from exadesk.sandbox.kit import ScenarioError

PRODUCTS = {"freshdesk": freshdesk.DEMO_KEY, "freshservice": freshservice.DEMO_KEY}
NOT_LOGGED_IN = {"code": "invalid_credentials", "message": "You have to be logged in to perform this action."}


def _me(emulator, auth=None):
    return requests.get(f"{emulator.url}/api/v2/agents/me", auth=auth, timeout=5)


@pytest.mark.parametrize("tracker", PRODUCTS)
def test_both_products_build_on_the_shared_emulator(tracker):
    from exadesk import sandbox

    emulator = sandbox.emulator_class(tracker)
    assert issubclass(emulator, FreshworksEmulator) and emulator.demo_secrets == {"api_key": PRODUCTS[tracker]}


@pytest.mark.parametrize("tracker", PRODUCTS)
def test_a_misspelt_key_of_a_shared_role_is_refused(tracker):
    from exadesk import sandbox

    with pytest.raises(ScenarioError, match=r"has no key 'admn'"):
        sandbox.emulator_class(tracker)({"roles": {"9": {"name": "Helper", "default": False, "admn": True}}})


@pytest.mark.parametrize("tracker", PRODUCTS)
@pytest.mark.parametrize("password", ["X", "anything-at-all", ""])
def test_the_key_is_the_user_name_and_the_password_is_ignored(tracker, password, emulators):
    emulator = emulators.start(tracker)
    reply = _me(emulator, (PRODUCTS[tracker], password))
    assert reply.status_code == 200


@pytest.mark.parametrize("tracker", PRODUCTS)
@pytest.mark.parametrize("auth", [
    lambda key: None,
    lambda key: ("WrongKey0000000000Zz", "X"),
    lambda key: ("X", key),  # the key in the wrong place: the password
], ids=["no-credential", "wrong-key", "key-as-password"])
def test_a_refused_key_is_401_invalid_credentials(tracker, auth, emulators):
    emulator = emulators.start(tracker)
    reply = _me(emulator, auth(PRODUCTS[tracker]))
    assert reply.status_code == 401 and reply.json() == NOT_LOGGED_IN


@pytest.mark.parametrize("tracker", PRODUCTS)
def test_a_suspended_account_answers_403_account_suspended_to_a_good_key_only(tracker, emulators):
    emulator = emulators.start(tracker, {"suspended": True})
    reply = _me(emulator, (PRODUCTS[tracker], "X"))
    assert reply.status_code == 403 and reply.json()["code"] == "account_suspended"
    assert _me(emulator, ("WrongKey0000000000Zz", "X")).json() == NOT_LOGGED_IN


@pytest.mark.parametrize("tracker", PRODUCTS)
def test_an_unknown_id_is_an_empty_404(tracker, emulators):
    emulator = emulators.start(tracker)
    reply = requests.get(f"{emulator.url}/api/v2/roles/404404", auth=(PRODUCTS[tracker], "X"), timeout=5)
    assert reply.status_code == 404 and reply.content == b""


@pytest.mark.parametrize("tracker", PRODUCTS)
def test_the_agent_reply_carries_the_rate_limit_headers(tracker, emulators):
    emulator = emulators.start(tracker)
    reply = _me(emulator, (PRODUCTS[tracker], "X"))
    total, remaining = int(reply.headers["X-RateLimit-Total"]), int(reply.headers["X-RateLimit-Remaining"])
    assert remaining < total and reply.headers["X-RateLimit-Used-CurrentRequest"] == "1"


@pytest.mark.parametrize("tracker", PRODUCTS)
def test_a_rate_limited_reply_says_when_to_retry(tracker, emulators):
    emulator = emulators.start(tracker, {"fault": {"kind": "429", "retry_after": 9, "times": 1}})
    limited = _me(emulator, (PRODUCTS[tracker], "X"))
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "9" and limited.json()["message"]
    assert _me(emulator, (PRODUCTS[tracker], "X")).status_code == 200


@pytest.mark.parametrize("tracker", PRODUCTS)
def test_an_agent_reply_may_leave_out_a_documented_field(tracker, emulators):
    # ``omit``: a reply without a field (older API versions, proxies), for "not sent is never a fail".
    emulator = emulators.start(tracker, {"agents": {PRODUCTS[tracker]: {"omit": ["role_ids"]}}})
    body = _me(emulator, (PRODUCTS[tracker], "X")).json()
    agent = body.get("agent", body)
    assert "role_ids" not in agent and agent["id"]
