"""exadesk/sandbox/_jira.py: what both Jira emulators share: Atlassian's error body, permission schemes with their
grants as each flavour writes them, and the grant writes (create, refuse a duplicate, delete)."""

from __future__ import annotations

import json

from exadesk.sandbox import _jira
from exadesk.sandbox.kit import Request

BASE, API = "https://acme.atlassian.net", "/rest/api/3"


def _request(body=None) -> Request:
    return Request("POST", "/x", {}, {}, json.dumps(body).encode() if body is not None else b"")


def _scheme():
    return {"name": "Default", "grants": [{"permission": "BROWSE_PROJECTS", "type": "group", "parameter": "staff"},
                                          {"permission": "BROWSE_PROJECTS", "type": "anyone"}]}


def test_errors_are_atlassians_error_body():
    reply = _jira.error(403, _request())
    assert reply.status == 403
    assert reply.body == {"errorMessages": [_jira.ERROR_TEXT[403]], "errors": {}}
    assert _jira.error(400, _request(), "Bad holder.").body["errorMessages"] == ["Bad holder."]


def test_a_scheme_lists_numbered_grants_and_cloud_also_writes_the_holders_value():
    cloud = _jira.scheme_body(BASE, API, "10000", _scheme(), cloud=True)
    assert cloud["id"] == 10000 and [g["id"] for g in cloud["permissions"]] == [1000001, 1000002]
    assert cloud["permissions"][0]["holder"] == {"type": "group", "parameter": "staff", "value": "staff"}
    assert cloud["permissions"][1]["holder"] == {"type": "anyone"}
    onprem = _jira.scheme_body(BASE, "/rest/api/2", "10000", _scheme(), cloud=False)
    assert onprem["permissions"][0]["holder"] == {"type": "group", "parameter": "staff"}


def test_a_grant_is_created_once_and_deleted_by_its_id():
    scheme = _scheme()
    body = {"holder": {"type": "group", "value": "exalate"}, "permission": "BROWSE_PROJECTS"}
    created = _jira.create_grant(_request(body), BASE, API, "10000", scheme, cloud=True)
    assert created.status == 201 and created.body["holder"]["value"] == "exalate"
    assert _jira.create_grant(_request(body), BASE, API, "10000", scheme, cloud=True).status == 400  # the same twice
    assert _jira.create_grant(_request({"permission": "X"}), BASE, API, "10000", scheme, cloud=True).status == 400
    grant_id = str(created.body["id"])
    assert _jira.delete_grant(_request(), "10000", scheme, grant_id, missing=404).status == 204
    assert _jira.delete_grant(_request(), "10000", scheme, grant_id, missing=404).status == 404
    assert [g["id"] for g in scheme["grants"]] == [1000001, 1000002]  # the others keep the ids they were shown
