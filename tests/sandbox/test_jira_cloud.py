"""exadesk/sandbox/jira_cloud.py: the Jira Cloud emulator's scenario keys and the Atlassian behaviours it models
(tenant_info anonymously, passwords refused for Basic, scoped tokens only through /ex/jira/{cloudId},
mypermissions asking for its parameter), through HTTP."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.jira_cloud import DEMO_EMAIL, DEMO_SCOPED, DEMO_TOKEN, JiraCloudEmulator
from exadesk.sandbox.kit import ScenarioError


def test_a_misspelt_key_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'scoped_token'"):
        JiraCloudEmulator({"scoped_token": [DEMO_SCOPED]})


def test_tenant_info_names_the_cloud_id_without_signing_in():
    with JiraCloudEmulator({"cloud_id": "0000-cloud"}) as emulator:
        assert requests.get(f"{emulator.url}/_edge/tenant_info", timeout=5).json() == {"cloudId": "0000-cloud"}


def test_basic_with_a_password_is_refused_as_deprecated_and_an_api_token_signs_in():
    with JiraCloudEmulator() as emulator:
        url = f"{emulator.url}/rest/api/3/myself"
        password = emulator.scenario["admin"]["password"]
        refused = requests.get(url, auth=(DEMO_EMAIL, password), timeout=5)
        signed = requests.get(url, auth=(DEMO_EMAIL, DEMO_TOKEN), timeout=5)
    assert refused.status_code == 401 and "passwords is deprecated" in refused.text
    assert signed.status_code == 200 and signed.json()["emailAddress"] == DEMO_EMAIL


def test_a_scoped_token_works_only_through_the_cloud_id_address():
    with JiraCloudEmulator() as emulator:
        site = requests.get(f"{emulator.url}/rest/api/3/myself", auth=(DEMO_EMAIL, DEMO_SCOPED), timeout=5)
        cloud = emulator.scenario["cloud_id"]
        routed = requests.get(f"{emulator.url}/ex/jira/{cloud}/rest/api/3/myself", auth=(DEMO_EMAIL, DEMO_SCOPED),
                              timeout=5)
    assert site.status_code == 401 and routed.status_code == 200


def test_mypermissions_without_the_permissions_parameter_is_a_400():
    with JiraCloudEmulator() as emulator:
        reply = requests.get(f"{emulator.url}/rest/api/3/mypermissions", auth=(DEMO_EMAIL, DEMO_TOKEN), timeout=5)
    assert reply.status_code == 400 and "'permissions' query parameter is required" in reply.json()["errorMessages"][0]
