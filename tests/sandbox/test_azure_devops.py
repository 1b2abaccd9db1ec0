"""exadesk/sandbox/azure_devops.py: the Azure DevOps emulator's scenario keys and the service behaviours it models
(connectionData is a preview resource; a refused PAT is sent to the sign-in page unless redirects are suppressed),
through HTTP."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.azure_devops import DEMO_PAT, AzureDevOpsEmulator
from exadesk.sandbox.kit import ScenarioError


def test_a_misspelt_key_of_a_pat_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'scope'"):
        AzureDevOpsEmulator({"pats": {DEMO_PAT: {"user": "u1", "scope": ["vso.project"]}}})


def test_connection_data_asks_for_the_preview_flag():
    with AzureDevOpsEmulator() as emulator:
        url = f"{emulator.url}/_apis/connectionData"
        preview = requests.get(url, params={"api-version": "7.1-preview"}, auth=("", DEMO_PAT), timeout=5)
        plain = requests.get(url, params={"api-version": "7.1"}, auth=("", DEMO_PAT), timeout=5)
    assert preview.status_code == 200 and preview.json()["deploymentType"] == "hosted"
    assert plain.status_code == 400 and plain.json()["typeKey"] == "VssInvalidPreviewVersionException"


def test_a_refused_pat_is_redirected_to_sign_in_unless_the_client_suppresses_it():
    with AzureDevOpsEmulator() as emulator:
        url = f"{emulator.url}/_apis/connectionData?api-version=7.1-preview"
        redirected = requests.get(url, auth=("", "not-a-pat"), allow_redirects=False, timeout=5)
        suppressed = requests.get(url, auth=("", "not-a-pat"), headers={"X-TFS-FedAuthRedirect": "Suppress"},
                                  allow_redirects=False, timeout=5)
    assert redirected.status_code == 302 and "_signin" in redirected.headers["Location"]
    assert suppressed.status_code == 401
