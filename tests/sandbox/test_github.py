"""exadesk/sandbox/github.py: the GitHub emulator's scenario keys and the GitHub behaviours it models, through HTTP."""

from __future__ import annotations

import pytest
import requests

from exadesk.sandbox.github import DEMO_CLASSIC, DEMO_FINE, GitHubEmulator
from exadesk.sandbox.kit import ScenarioError


def test_a_misspelt_key_of_a_repository_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'colaborators'"):
        GitHubEmulator({"repos": {"acme/website": {"colaborators": {"exalate-proxy": "admin"}}}})


def test_fine_grained_replies_name_the_permissions_the_endpoint_accepts(emulators):
    # GitHub sends X-Accepted-GitHub-Permissions to fine-grained tokens, on errors too (PyGithub's ReplayData:
    # Issue.setUp.txt "metadata=read" on GET /repos/{owner}/{repo}; Organization.testRemoveCustomProperty.txt on a 404).
    import requests

    emulator = emulators.start("github", {"tokens": {DEMO_FINE: {"repos": ["acme/backend"]}}})
    auth = {"Authorization": f"Bearer {DEMO_FINE}"}
    found = requests.get(f"{emulator.url}/api/v3/repos/acme/backend", headers=auth, timeout=5)
    hidden = requests.get(f"{emulator.url}/api/v3/repos/acme/website", headers=auth, timeout=5)
    assert found.headers["X-Accepted-GitHub-Permissions"] == "metadata=read"
    assert hidden.status_code == 404 and hidden.headers["X-Accepted-GitHub-Permissions"] == "metadata=read"
    assert "X-OAuth-Scopes" not in found.headers


def test_a_classic_token_names_its_scopes_and_a_saml_organisation_refuses_it(emulators):
    # GitHub answers a classic token with X-OAuth-Scopes; an organisation with SAML SSO it is not authorised for
    # answers 403 (https://docs.github.com/rest/authentication/authenticating-to-the-rest-api#saml-sso).
    emulator = emulators.start("github", {"orgs": {"acme": {"saml": True}}})
    auth = {"Authorization": f"token {DEMO_CLASSIC}"}
    me = requests.get(f"{emulator.url}/api/v3/user", headers=auth, timeout=5)
    assert me.status_code == 200 and "repo" in me.headers["X-OAuth-Scopes"]
    repo = requests.get(f"{emulator.url}/api/v3/repos/acme/website", headers=auth, timeout=5)
    assert repo.status_code == 403
