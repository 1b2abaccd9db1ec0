"""The conformance helper itself must be able to fail: a bad request or reply is caught."""

from __future__ import annotations

import json

import pytest

from exadesk.sandbox.kit import Request
from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec


def _request(method, path, query=None, status=200, body=None):
    return Request(method, path, query or {}, {}, b"", reply_status=status,
                   reply_body=json.dumps(body).encode(), reply_type="application/json")


def test_undocumented_path_is_caught():
    api = load_spec("jira-dc/jira_software_dc_10003_swagger.v3.json", mount="/rest")
    with pytest.raises(AssertionError, match="no such operation"):
        assert_requests_documented(api, [_request("GET", "/rest/api/2/not-a-thing")])


def test_wrong_method_is_caught():
    api = load_spec("jira-dc/jira_software_dc_10003_swagger.v3.json", mount="/rest")
    with pytest.raises(AssertionError):
        assert_requests_documented(api, [_request("DELETE", "/rest/api/2/myself")])


def test_schema_mismatch_is_caught():
    api = load_spec("zendesk/oas.yaml")
    bad = _request("GET", "/api/v2/users/me", body={"user": {"id": "not-an-integer", "name": 5}})
    with pytest.raises(AssertionError, match="schema"):
        assert_replies_conform(api, [bad])


def test_conforming_reply_passes():
    api = load_spec("zendesk/oas.yaml")
    good = _request("GET", "/api/v2/users/me", body={"user": {"id": 35436, "name": "Exalate Proxy",
                                                              "email": "proxy@example.com", "role": "admin"}})
    assert assert_replies_conform(api, [good]) == 1
