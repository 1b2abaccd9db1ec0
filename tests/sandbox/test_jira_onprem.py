"""exadesk/sandbox/jira_onprem.py: the Jira Server / Data Center emulator's scenario keys and the behaviours it
models (anonymous serverInfo, the CAPTCHA after failed Basic sign-ins, personal access tokens), through HTTP."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.jira_onprem import DEMO_PASSWORD, DEMO_PAT, JiraOnPremEmulator
from exadesk.sandbox.kit import ScenarioError


def test_a_misspelt_key_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'captcha_afer'"):
        JiraOnPremEmulator({"captcha_afer": 2})


def test_server_info_answers_anonymously_and_a_pat_signs_in_as_bearer():
    with JiraOnPremEmulator({"version": "9.12.15"}) as emulator:
        info = requests.get(f"{emulator.url}/rest/api/2/serverInfo", timeout=5)
        me = requests.get(f"{emulator.url}/rest/api/2/myself", headers={"Authorization": f"Bearer {DEMO_PAT}"},
                          timeout=5)
    assert info.status_code == 200 and info.json()["version"] == "9.12.15"
    assert me.status_code == 200 and me.json()["name"] == "exalate-proxy"


def test_failed_basic_sign_ins_end_in_a_captcha_that_refuses_even_the_right_password():
    with JiraOnPremEmulator({"captcha_after": 2}) as emulator:
        url = f"{emulator.url}/rest/api/2/myself"
        failed = [requests.get(url, auth=("exalate-proxy", "wrong"), timeout=5) for _ in range(3)]
        right = requests.get(url, auth=("exalate-proxy", DEMO_PASSWORD), timeout=5)
    assert [r.status_code for r in failed] == [401, 401, 403]
    assert failed[0].headers["X-Seraph-LoginReason"] == "AUTHENTICATED_FAILED"
    captcha = failed[2].headers
    assert captcha["X-Seraph-LoginReason"] == "AUTHENTICATION_DENIED"
    assert captcha["X-Authentication-Denied-Reason"].startswith("CAPTCHA_CHALLENGE; login-url=")
    assert right.status_code == 403 and right.headers["X-Seraph-LoginReason"] == "AUTHENTICATION_DENIED"
