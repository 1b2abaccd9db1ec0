"""exadesk/sandbox/zendesk.py: the Zendesk emulator's scenario keys and the Zendesk Support API behaviours it models
(Basic ``{email}/token:{token}`` or Bearer sign-in, its error bodies, List Groups' offset pagination, the OAuth
authorization-code flow with PKCE), through HTTP. Conformance of the replies to Zendesk's OpenAPI description is in
test_zendesk_conformance.py."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from exadesk.sandbox.kit import ScenarioError
from exadesk.sandbox.zendesk import (ADMIN_API_TOKEN, ADMIN_EMAIL, DEMO_API_TOKEN, DEMO_CLIENT_ID, DEMO_EMAIL,
                                     DEMO_OAUTH, ZendeskEmulator)

AGENT = (f"{DEMO_EMAIL}/token", DEMO_API_TOKEN)
ADMIN = (f"{ADMIN_EMAIL}/token", ADMIN_API_TOKEN)
UNAUTHENTICATED = {"error": "Couldn't authenticate you"}


def _get(emulator, path, auth=None, headers=None, **params):
    return requests.get(f"{emulator.url}{path}", auth=auth, headers=headers, params=params, timeout=5)


def test_a_misspelt_key_of_a_group_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'is_publik'"):
        ZendeskEmulator({"groups": {"360300": {"name": "Private", "deleted": False, "is_publik": False}}})


def test_the_demo_token_reads_everything_the_demo_needs(emulators):
    emulator = emulators.start("zendesk")
    assert emulator.demo_secrets == {"api_token": DEMO_API_TOKEN} and emulator.demo_login.user == DEMO_EMAIL
    me = _get(emulator, "/api/v2/users/me", auth=AGENT)
    assert me.status_code == 200
    user = me.json()["user"]
    assert (user["id"], user["email"], user["role"], user["custom_role_id"]) == (9001, DEMO_EMAIL, "agent", 360001)
    assert user["authenticity_token"]
    roles = _get(emulator, "/api/v2/custom_roles", auth=AGENT).json()["custom_roles"]
    assert [r["id"] for r in roles] == [360001] and roles[0]["configuration"]["ticket_access"] == "all"
    mine = _get(emulator, "/api/v2/users/9001/groups", auth=AGENT).json()
    assert [g["name"] for g in mine["groups"]] == ["Support"] and mine["count"] == 1


def test_an_oauth_access_token_signs_in_as_a_bearer(emulators):
    emulator = emulators.start("zendesk")
    me = _get(emulator, "/api/v2/users/me", headers={"Authorization": f"Bearer {DEMO_OAUTH}"})
    assert me.status_code == 200 and me.json()["user"]["id"] == 9001


@pytest.mark.parametrize("auth", [
    (f"{DEMO_EMAIL}/token", "not-the-token"),  # a wrong token
    (DEMO_EMAIL, DEMO_API_TOKEN),  # the token as a password: Zendesk wants "{email}/token"
    (f"{ADMIN_EMAIL}/token", DEMO_API_TOKEN),  # someone else's email with the token
    (DEMO_EMAIL, "the-agent's-password"),  # email and password: no longer accepted for the API
], ids=["wrong-token", "no-token-suffix", "other-email", "password"])
def test_a_refused_credential_gets_401_couldnt_authenticate_you(auth, emulators):
    emulator = emulators.start("zendesk")
    reply = _get(emulator, "/api/v2/users/me", auth=auth)
    assert reply.status_code == 401 and reply.json() == UNAUTHENTICATED


def test_token_access_turned_off_refuses_even_a_good_token(emulators):
    emulator = emulators.start("zendesk", {"token_access": False})
    reply = _get(emulator, "/api/v2/users/me", auth=AGENT)
    assert reply.status_code == 401 and reply.json() == UNAUTHENTICATED
    # OAuth tokens do not depend on the API token switch.
    assert _get(emulator, "/api/v2/users/me", headers={"Authorization": f"Bearer {DEMO_OAUTH}"}).status_code == 200


def test_show_self_answers_an_anonymous_caller_with_a_user_without_an_id(emulators):
    # Show Self is "Allowed For: Anonymous users": no credential is a 200 with the anonymous user, not a 401.
    emulator = emulators.start("zendesk")
    reply = _get(emulator, "/api/v2/users/me")
    assert reply.status_code == 200
    user = reply.json()["user"]
    assert user["id"] is None and user["role"] == "end-user" and user["name"] == "Anonymous user"
    assert _get(emulator, "/api/v2/custom_roles").status_code == 401


def test_a_restricted_agent_gets_zendesks_forbidden_body(emulators):
    emulator = emulators.start("zendesk", {"users": {"9001": {"denied": ["custom_roles"]}}})
    reply = _get(emulator, "/api/v2/custom_roles", auth=AGENT)
    assert reply.status_code == 403
    assert reply.json()["error"] == "Forbidden" and "You do not have access to this page" in reply.json()["description"]


def test_an_end_user_may_not_list_groups_or_custom_roles(emulators):
    emulator = emulators.start("zendesk", {"users": {"9001": {"role": "end-user", "role_type": None,
                                                              "custom_role_id": None}}})
    assert _get(emulator, "/api/v2/users/me", auth=AGENT).json()["user"]["role"] == "end-user"
    assert _get(emulator, "/api/v2/groups", auth=AGENT).status_code == 403
    assert _get(emulator, "/api/v2/custom_roles", auth=AGENT).status_code == 403


def test_an_unknown_path_is_invalid_endpoint_and_an_unknown_user_record_not_found(emulators):
    emulator = emulators.start("zendesk")
    unknown = _get(emulator, "/api/v2/no_such_thing", auth=AGENT)
    assert unknown.status_code == 404 and unknown.json() == {"error": "InvalidEndpoint", "description": "Not found"}
    nobody = _get(emulator, "/api/v2/users/404404/groups", auth=AGENT)
    assert nobody.status_code == 404 and nobody.json()["error"] == "RecordNotFound"


# -- List Groups: offset pagination, visibility -------------------------------------------------------

MANY = {str(360300 + i): {"name": f"Team {i:03}", "deleted": False} for i in range(150)}


def test_list_groups_pages_by_offset_and_next_page_is_a_url_until_the_last(emulators):
    emulator = emulators.start("zendesk", {"groups": {"360200": {"deleted": True}}})
    first = _get(emulator, "/api/v2/groups", auth=ADMIN, per_page="1").json()
    assert first["count"] == 2 and len(first["groups"]) == 1 and first["previous_page"] is None
    assert parse_qs(urlsplit(first["next_page"]).query) == {"page": ["2"], "per_page": ["1"]}
    second = requests.get(first["next_page"], auth=ADMIN, timeout=5).json()
    assert second["next_page"] is None and second["previous_page"]
    assert [g["name"] for g in first["groups"] + second["groups"]] == ["Support", "Billing"]
    assert second["groups"][0]["deleted"] is True
    kept = _get(emulator, "/api/v2/groups", auth=ADMIN, exclude_deleted="true").json()
    assert [g["name"] for g in kept["groups"]] == ["Support"] and kept["count"] == 1


def test_list_groups_sends_at_most_100_a_page(emulators):
    # "Returns a maximum of 100 records per page" (List Groups), whatever per_page asks for.
    emulator = emulators.start("zendesk", {"groups": MANY})
    page = _get(emulator, "/api/v2/groups", auth=ADMIN, per_page="500").json()
    assert len(page["groups"]) == 100 and page["count"] == 152 and page["next_page"]
    last = _get(emulator, "/api/v2/groups", auth=ADMIN, page="2").json()
    assert len(last["groups"]) == 52 and last["next_page"] is None


def test_a_private_group_is_listed_only_to_admins_and_its_members(emulators):
    emulator = emulators.start("zendesk", {"groups": {"360300": {"name": "Escalations", "deleted": False,
                                                                 "is_public": False}}})
    names = [g["name"] for g in _get(emulator, "/api/v2/groups", auth=AGENT).json()["groups"]]
    assert "Escalations" not in names
    admin_sees = {g["name"]: g["is_public"] for g in _get(emulator, "/api/v2/groups", auth=ADMIN).json()["groups"]}
    assert admin_sees["Escalations"] is False
    emulator.scenario["users"]["9001"]["groups"].append(360300)
    member_sees = {g["name"]: g["is_public"] for g in _get(emulator, "/api/v2/groups", auth=AGENT).json()["groups"]}
    assert member_sees["Escalations"] is False


def test_a_users_groups_show_each_group_as_list_groups_does(emulators):
    # List Groups' /users/{user_id}/groups path sends the same group objects: a private group says so.
    emulator = emulators.start("zendesk", {"groups": {"360300": {"name": "Escalations", "deleted": False,
                                                                 "is_public": False}},
                                           "users": {"9001": {"groups": [360100, 360300]}}})
    listed = {g["id"]: g for g in _get(emulator, "/api/v2/groups", auth=ADMIN).json()["groups"]}
    mine = _get(emulator, "/api/v2/users/9001/groups", auth=AGENT).json()["groups"]
    assert [g["id"] for g in mine] == [360100, 360300]
    assert all(g == listed[g["id"]] for g in mine)


# -- OAuth: authorization code with PKCE, refresh with rotation, revocation ---------------------------------------

REDIRECT = "http://127.0.0.1:5999/callback"


def _pkce() -> tuple[str, str]:
    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def _authorize(emulator, **extra):
    params = {"response_type": "code", "client_id": DEMO_CLIENT_ID, "redirect_uri": REDIRECT, "state": "s-42",
              "scope": "read", **extra}
    return requests.get(f"{emulator.url}/oauth/authorizations/new", params=params, allow_redirects=False, timeout=5)


def test_a_public_client_must_use_pkce(emulators):
    emulator = emulators.start("zendesk")
    assert _authorize(emulator).status_code == 400
    assert _authorize(emulator, code_challenge="x", code_challenge_method="plain").status_code == 400


def test_a_denied_consent_redirects_with_access_denied_and_the_state(emulators):
    emulator = emulators.start("zendesk", {"oauth": {"consent": "deny"}})
    reply = _authorize(emulator, code_challenge=_pkce()[1], code_challenge_method="S256")
    assert reply.status_code == 302
    query = parse_qs(urlsplit(reply.headers["Location"]).query)
    assert query["error"] == ["access_denied"] and query["state"] == ["s-42"] and "code" not in query


def test_the_code_is_exchanged_once_with_its_verifier_and_the_refresh_token_rotates(emulators):
    emulator = emulators.start("zendesk")
    verifier, challenge = _pkce()
    location = _authorize(emulator, code_challenge=challenge, code_challenge_method="S256").headers["Location"]
    query = parse_qs(urlsplit(location).query)
    assert location.startswith(REDIRECT + "?") and query["state"] == ["s-42"]
    exchange = {"grant_type": "authorization_code", "code": query["code"][0], "client_id": DEMO_CLIENT_ID,
                "redirect_uri": REDIRECT, "code_verifier": verifier}
    wrong = requests.post(f"{emulator.url}/oauth/tokens", json={**exchange, "code_verifier": "w" * 50}, timeout=5)
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"

    location = _authorize(emulator, code_challenge=challenge, code_challenge_method="S256").headers["Location"]
    exchange["code"] = parse_qs(urlsplit(location).query)["code"][0]
    tokens = requests.post(f"{emulator.url}/oauth/tokens", json=exchange, timeout=5)
    assert tokens.status_code == 200
    first = tokens.json()
    assert first["token_type"] == "bearer" and first["refresh_token"] and first["expires_in"] > 0
    again = requests.post(f"{emulator.url}/oauth/tokens", json=exchange, timeout=5)  # a code is single use
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"

    refresh = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"], "client_id": DEMO_CLIENT_ID}
    second = requests.post(f"{emulator.url}/oauth/tokens", data=refresh, timeout=5).json()  # form-encoded too
    assert second["refresh_token"] != first["refresh_token"]
    bearer = {"Authorization": f"Bearer {first['access_token']}"}
    assert _get(emulator, "/api/v2/users/me", headers=bearer).json() == {"error": "Couldn't authenticate you"}
    reused = requests.post(f"{emulator.url}/oauth/tokens", data=refresh, timeout=5)
    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"


def test_an_unknown_client_is_invalid_client(emulators):
    emulator = emulators.start("zendesk")
    reply = requests.post(f"{emulator.url}/oauth/tokens", json={"grant_type": "refresh_token", "client_id": "nope",
                                                               "refresh_token": "x"}, timeout=5)
    assert reply.status_code == 401 and reply.json()["error"] == "invalid_client"


def test_revoking_the_current_token_ends_it(emulators):
    emulator = emulators.start("zendesk")
    bearer = {"Authorization": f"Bearer {DEMO_OAUTH}"}
    revoked = requests.delete(f"{emulator.url}/api/v2/oauth/tokens/current.json", headers=bearer, timeout=5)
    assert revoked.status_code == 204
    after = _get(emulator, "/api/v2/users/me", headers=bearer)
    assert after.status_code == 401 and after.json() == UNAUTHENTICATED


def test_a_rate_limited_reply_says_when_to_retry(emulators):
    # Zendesk answers 429 with Retry-After (seconds) and asks clients to obey it.
    emulator = emulators.start("zendesk", {"fault": {"kind": "429", "retry_after": 7, "times": 1}})
    limited = _get(emulator, "/api/v2/users/me", auth=AGENT)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "7"
    assert _get(emulator, "/api/v2/users/me", auth=AGENT).status_code == 200
