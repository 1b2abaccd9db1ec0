"""Salesforce's REST reads (exadesk/trackers/_salesforce_api.py): error bodies, OAuth errors, the instance address,
the API version and SOQL paging. The sign-in and the checks against the emulator are in test_salesforce.py."""

from __future__ import annotations

import json

import pytest
from requests.structures import CaseInsensitiveDict

from exadesk.trackers import _salesforce_api as api
from exadesk.verification.http import Reply


def _reply(status: int, body) -> Reply:
    return Reply(status, CaseInsensitiveDict({"Content-Type": "application/json"}), json.dumps(body).encode(),
                 "https://acme.my.salesforce.com/services/data/v65.0/query")


@pytest.mark.parametrize("error,description,location,reason", [
    ("access_denied", "", "https://acme.my.salesforce.com/services/oauth2/callback?error=OAUTH_APPROVAL_ERROR_GENERIC"
                          "&error_description=app+must+be+installed+into+org", "salesforce.app_not_installed"),
    ("invalid_grant", "expired access/refresh token", "", "salesforce.refresh_rejected"),
    ("invalid_grant", "authentication failure", "", None),
    ("INVALID_LOGIN", "LOGIN_MUST_USE_SECURITY_TOKEN", "", "salesforce.login_security_token"),
])
def test_token_errors_for_the_later_oauth_flow(error, description, location, reason):
    from exadesk.foundation import messages
    from exadesk.verification import registry

    registry.all_trackers()  # registers the tracker reasons
    assert api.token_error_reason(error, description, location) == reason
    if reason:
        problem = messages.problem(reason, detail=error)
        assert problem.kind.value == "auth"
        assert "sign in again" in problem.next_step.lower() or "OAuth" in problem.next_step


def test_api_base_keeps_the_my_domain_host():
    assert api.api_base("https://Acme.my.salesforce.com") == "https://acme.my.salesforce.com"
    assert api.api_base("http://127.0.0.1:8443") == "http://127.0.0.1:8443"


def test_errors_read_the_rest_list_and_the_oauth_object():
    rest = _reply(403, [{"message": "The REST API is not enabled", "errorCode": "API_DISABLED_FOR_ORG"}, "noise"])
    assert api.errors(rest) == [("API_DISABLED_FOR_ORG", "The REST API is not enabled")]
    oauth = _reply(400, {"error": "invalid_grant", "error_description": "expired access/refresh token"})
    assert api.errors(oauth) == [("invalid_grant", "expired access/refresh token")]
    assert api.errors(_reply(500, "a plain string")) == []


def test_api_disabled_only_for_a_403_that_says_so():
    said = [{"message": "API is disabled for this User", "errorCode": "API_CURRENTLY_DISABLED"}]
    assert api.api_disabled(_reply(403, said)) == "API_CURRENTLY_DISABLED: API is disabled for this User"
    assert api.api_disabled(_reply(403, [{"message": "API is disabled for this user"}])) == \
        "API is disabled for this user"
    assert api.api_disabled(_reply(400, said)) == ""
    assert api.api_disabled(_reply(403, [{"message": "Insufficient access", "errorCode": "INSUFFICIENT_ACCESS"}])) == ""


def test_latest_version_is_the_highest_number_listed():
    versions = [{"version": "59.0"}, {"version": "65.0"}, {"version": "nope"}, {"version": "9.0"}, "noise"]
    assert api.latest_version(versions) == "65.0"
    assert api.latest_version([]) == "" and api.latest_version({"version": "65.0"}) == ""


class _Pages:
    """A client answering query GETs from a list of pages, in order."""

    def __init__(self, pages: list[dict]):
        self.pages, self.asked = list(pages), []

    def get_json(self, path, params=None, expect=None):
        self.asked.append(path)
        return self.pages.pop(0)


def test_records_follow_next_records_url_until_done():
    data = "/services/data/v65.0"
    client = _Pages([{"records": [{"Id": "1"}], "done": False, "nextRecordsUrl": f"{data}/query/01g-2000"},
                     {"records": [{"Id": "2"}, "noise"], "done": True}])
    assert api.records(client, data, "SELECT Id FROM User") == [{"Id": "1"}, {"Id": "2"}]
    assert client.asked == [f"{data}/query", f"{data}/query/01g-2000"]


def test_records_never_follow_an_address_outside_the_query_api_and_stop_after_the_cap():
    data = "/services/data/v65.0"
    elsewhere = _Pages([{"records": [{"Id": "1"}], "done": False, "nextRecordsUrl": "https://evil.example/query/1"}])
    assert api.records(elsewhere, data, "SELECT Id FROM User") == [{"Id": "1"}]
    endless = _Pages([{"records": [{"Id": str(n)}], "done": False, "nextRecordsUrl": f"{data}/query/01g-{n}"}
                      for n in range(api.MAX_QUERY_BATCHES + 5)])
    assert len(api.records(endless, data, "SELECT Id FROM User")) == api.MAX_QUERY_BATCHES + 1


def test_the_problems_name_the_tracker_as_its_spec_does():
    from exadesk.trackers import salesforce

    assert api.NAME == salesforce.SPEC.name
    assert salesforce.api_base is api.api_base and salesforce.diagnose is api.diagnose, "the tracker's surface stays"
