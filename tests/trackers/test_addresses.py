"""Instance addresses as people type or paste them: page addresses trim to the site, http:// is told to use https."""

from __future__ import annotations

import re

import pytest

from exadesk.foundation.checks import Status
from exadesk.services.wizard_flow import WizardFlow
from exadesk.verification import engine, registry
from exadesk.verification.spec import Target, site_url


def _url_check(tracker: str, url: str):
    report = engine.validate(Target(tracker=tracker, url=url))
    return next(c for c in report.checks if c.id == f"{tracker}.url"), report


@pytest.mark.parametrize("tracker, pasted, site", [
    ("jira_cloud", "https://acme.atlassian.net/jira/software/projects/SUP/boards/1", "https://acme.atlassian.net"),
    ("jira_cloud", "acme.atlassian.net/browse/SUP-12?focusedCommentId=3", "https://acme.atlassian.net"),
    ("zendesk", "https://acme.zendesk.com/agent/tickets/12", "https://acme.zendesk.com"),
    ("freshdesk", "https://acme.freshdesk.com/a/tickets/4", "https://acme.freshdesk.com"),
    ("salesforce", "https://acme.my.salesforce.com/lightning/page/home", "https://acme.my.salesforce.com"),
    ("servicenow", "https://acme.service-now.com/now/nav/ui/home", "https://acme.service-now.com"),
    ("azure_devops", "https://dev.azure.com/acme/Website/_boards/board", "https://dev.azure.com/acme"),
    ("github", "https://github.com/acme/website/issues", "https://github.com"),
    ("hp_alm", "https://alm.example.com/qcbin/start_a.jsp", "https://alm.example.com/qcbin"),
    ("asana", "https://app.asana.com/0/1204/list", "https://app.asana.com"),
])
def test_an_address_pasted_from_the_browser_is_trimmed_to_the_site(tracker, pasted, site):
    check, report = _url_check(tracker, pasted)
    assert check.status is Status.PASS and check.detail == site
    assert report.url == site


def test_an_address_that_is_already_the_site_is_kept_as_typed():
    spec = registry.get("jira_onprem").spec
    # Jira on-premise declares no site pattern: its context path (/jira) is part of the address.
    assert site_url(spec, "https://intranet.example.com/jira") == "https://intranet.example.com/jira"
    assert site_url(registry.get("jira_cloud").spec, "https://acme.atlassian.net/") == "https://acme.atlassian.net"


def test_the_wizard_stores_and_says_the_site_address():
    flow = WizardFlow(tracker="jira_cloud")
    flow.url = "https://acme.atlassian.net/jira/software/projects/SUP/boards/1"
    state = flow.url_state()
    assert state.ok and "https://acme.atlassian.net" in state.note
    assert flow.to_instance().url == "https://acme.atlassian.net"


def test_plain_http_is_told_to_use_https():
    check, report = _url_check("jira_cloud", "http://acme.atlassian.net")
    assert check.status is Status.FAIL
    assert "https://acme.atlassian.net" in check.fix and "https" in check.detail
    assert "https://acme.atlassian.net" in report.problem.next_step


@pytest.mark.parametrize("tracker", [t.id for t in registry.all_trackers()])
@pytest.mark.parametrize("url", ["http://acme.example.com", "not an address", "https://x.example.com/a/b/c/d",
                                 "ftp://acme.example.com"])
def test_address_messages_never_end_in_two_stops(tracker, url):
    check, report = _url_check(tracker, url)
    for text in (check.detail, check.fix, report.problem.message if report.problem else "",
                 report.problem.next_step if report.problem else ""):
        assert not re.search(r"\.\.(\s|$)", text), text
