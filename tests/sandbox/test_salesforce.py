"""exadesk/sandbox/salesforce.py: the Salesforce emulator's scenario keys and the behaviours it models (errors as
a list of {message, errorCode}; an org without API refuses REST but the OAuth userinfo still answers), through
HTTP."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.kit import ScenarioError
from exadesk.sandbox.salesforce import DEMO_TOKEN, SalesforceEmulator

AUTH = {"Authorization": f"Bearer {DEMO_TOKEN}"}


def test_a_misspelt_key_of_the_org_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'api_enable'"):
        SalesforceEmulator({"org": {"api_enable": False}})


def _latest(emulator) -> str:
    return requests.get(f"{emulator.url}/services/data/", headers=AUTH, timeout=5).json()[-1]["url"]


def test_an_org_without_the_api_refuses_rest_but_userinfo_answers():
    with SalesforceEmulator({"org": {"api_enabled": False}}) as emulator:
        refused = requests.get(f"{emulator.url}{_latest(emulator)}/sobjects", headers=AUTH, timeout=5)
        userinfo = requests.get(f"{emulator.url}/services/oauth2/userinfo", headers=AUTH, timeout=5)
    assert refused.status_code == 403 and refused.json()[0]["errorCode"] == "API_DISABLED_FOR_ORG"
    assert userinfo.status_code == 200 and userinfo.json()["user_id"]


def test_an_unknown_token_is_an_invalid_session():
    with SalesforceEmulator() as emulator:
        ok = requests.get(f"{emulator.url}{_latest(emulator)}/sobjects", headers=AUTH, timeout=5)
        reply = requests.get(f"{emulator.url}{_latest(emulator)}/sobjects",
                             headers={"Authorization": "Bearer not-a-token"}, timeout=5)
    assert ok.status_code == 200 and any(o["name"] == "Case" for o in ok.json()["sobjects"])
    assert reply.status_code == 401 and reply.json() == [{"message": "Session expired or invalid",
                                                          "errorCode": "INVALID_SESSION_ID"}]
