"""Reads per item in scope: request counts, the per-host bound under concurrency, the one-probe rule, Retry-After,
Cancel, and the declared non-GET reads (issue 18). Counts and bounds only: no test here asserts a time."""

from __future__ import annotations

import threading

import pytest

from bench.scope import TRACKERS, measure, target_for
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.sandbox.github import GitHubEmulator
from exadesk.sandbox.jira_onprem import JiraOnPremEmulator
from exadesk.verification import engine, registry
from exadesk.verification.http import MAX_PER_HOST, BearerAuth, HostLimiter, HttpClient, Page, is_declared_read
from exadesk.verification.spec import Secrets, Target
from tests.helpers.emulators import track_concurrency

TOKEN = "ghp_" + "S" * 36


def _github_many(repos: int, **extra) -> dict:
    return {"tokens": {TOKEN: {"login": "exalate-proxy", "name": "Exalate Proxy", "id": 4101, "kind": "classic",
                               "scopes": ["repo"]}},
            "repos": {f"acme/repo-{i:02d}": {"id": 100 + i, "private": True, "owner_type": "Organization",
                                             "collaborators": {"exalate-proxy": "admin"}} for i in range(repos)},
            **extra}


def _target(url: str, repos: int, token: str = TOKEN) -> Target:
    return Target(tracker="github", url=url, auth_method="classic", secrets=Secrets({"token": token}),
                  scope=[f"acme/repo-{i:02d}" for i in range(repos)])



@pytest.fixture
def github():
    running = []

    def start(scenario):
        emulator = GitHubEmulator(scenario).start()
        running.append(emulator)
        return emulator

    yield start
    for emulator in running:
        emulator.stop()


def test_jira_cloud_forty_projects_take_at_most_twenty_requests():
    """Issue 18's goal as a count: the bulk reads keep a Jira Cloud check's requests flat as its scope grows."""
    _, one, report_one = measure("jira_cloud", 1, 0.0)
    _, forty, report_forty = measure("jira_cloud", 40, 0.0)
    assert report_one.ready and report_forty.ready, report_forty.to_json()
    assert forty <= 20 and forty == one


@pytest.mark.parametrize("tracker", ["salesforce", "asana", "github", "azure_devops", "servicenow"])
def test_bulk_reads_keep_the_count_flat(tracker):
    """Describe Global, the workspace list, one GraphQL query, the project list and group names by descriptor, one
    Batch API call: the requests do not grow with the scope."""
    counts = [measure(tracker, n, 0.0)[1] for n in (2, 20)]
    assert counts[0] == counts[1], counts


def test_servicenow_reads_the_tables_in_one_batch_of_gets():
    from exadesk.verification.http import is_declared_read

    scenario, scope = TRACKERS["servicenow"](5)
    from exadesk.sandbox.servicenow import ServiceNowEmulator

    with ServiceNowEmulator(scenario) as emulator:
        report = engine.verify(target_for("servicenow", emulator, scope))
        assert report.problem is None and next(c for c in report.checks if c.id == "servicenow.read").status.value == "pass", report.to_json()
        batches = [r for r in emulator.requests if r.method == "POST" and r.path == "/api/now/v1/batch"]
        assert len(batches) == 1 and len(batches[0].json()["rest_requests"]) == 5
        reads = registry.get("servicenow").spec.non_get_reads
        assert is_declared_read("POST", emulator.url + batches[0].path, batches[0].json(), reads)
    writing = {"rest_requests": [{"id": "1", "method": "PATCH", "url": "/api/now/table/incident/1"}]}
    assert not is_declared_read("POST", "https://x.service-now.com/api/now/v1/batch", writing, reads)


@pytest.mark.parametrize("tracker", sorted(TRACKERS))
def test_every_scope_bench_scenario_is_ready(tracker):
    """The bench measures checks that run to the end and find nothing wrong (a failure would time an early stop)."""
    _, count, report = measure(tracker, 3, 0.0)
    assert report.problem is None and not [c for c in report.checks if c.status.value == "fail"], report.to_json()
    assert count > 0


@pytest.fixture
def onprem():
    """A Jira Server emulator with ``n`` projects, every reply late: it has no bulk read of a project's permissions,
    so its checks read one request per project, concurrently."""
    running = []

    def start(n: int):
        scenario, scope = TRACKERS["jira_onprem"](n)
        emulator = JiraOnPremEmulator({**scenario, "fault": {"kind": "slow", "delay": 0.05}}).start()
        running.append(emulator)
        return emulator, target_for("jira_onprem", emulator, scope)

    yield start
    for emulator in running:
        emulator.stop()


def test_one_check_reads_concurrently_within_the_per_host_bound(onprem):
    emulator, target = onprem(12)
    state = track_concurrency(emulator)
    report = engine.verify(target)
    assert report.ready, report.to_json()
    assert 1 < state["peak"] <= MAX_PER_HOST, state


def test_verify_all_and_each_checks_reads_share_one_bound(onprem):
    emulator, target = onprem(8)
    state = track_concurrency(emulator)
    reports = engine.verify_many([(str(i), target) for i in range(4)], max_workers=8)
    assert all(r.ready for r in reports.values())
    assert 1 < state["peak"] <= MAX_PER_HOST, state  # four checks of eight projects each, one host


def test_a_rejected_credential_is_sent_once_under_concurrency(github):
    emulator = github(_github_many(12, fault={"kind": "slow", "delay": 0.02}))
    bad = "ghp_" + "B" * 36
    reports = engine.verify_many([(str(i), _target(emulator.url, 12, bad)) for i in range(4)], max_workers=8)
    assert all(r.problem is not None and r.problem.kind is ErrorKind.AUTH for r in reports.values())
    digest = emulator.digest(f"Bearer {bad}")
    assert emulator.count(credential_digest=digest) == 1


def test_retry_after_pauses_every_request_to_the_host(github):
    """A 429 with Retry-After holds the host's slot for every request, and the request is retried after it."""
    emulator = github(_github_many(1, fault={"kind": "429", "path": "/user$", "times": 1, "retry_after": 1}))
    limiter = HostLimiter()
    client = HttpClient(emulator.url + "/api/v3", Page("GitHub"), BearerAuth(TOKEN), limiter=limiter)
    assert client.get_json("/user")["login"] == "exalate-proxy"
    assert [r.reply_status for r in emulator.requests] == [429, 200]
    assert list(limiter._resume_at) == [f"127.0.0.1:{emulator.port}"]  # the pause is the host's, not the request's


def test_cancel_ends_a_wait_for_the_host_at_once():
    limiter = HostLimiter(per_host=1)
    cancel = threading.Event()
    limiter.pause("h:1", 600)
    cancel.set()
    with pytest.raises(CheckError) as err, limiter.slot("h:1", cancel):
        pass
    assert err.value.kind is ErrorKind.CANCELLED


def test_cancel_stops_a_gather_without_waiting_for_the_reads(onprem):
    emulator, target = onprem(12)
    emulator.scenario["fault"] = {"kind": "slow", "delay": 2.0}
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    report = engine.verify(target, cancel=cancel)
    assert report.problem is not None and report.problem.kind is ErrorKind.CANCELLED


def test_only_declared_reads_may_be_sent_during_verification(github):
    emulator = github(_github_many(1))
    client = HttpClient(emulator.url, Page("GitHub"), BearerAuth(TOKEN), verifying=True)
    with pytest.raises(CheckError) as err:
        client.request("POST", "/repos/acme/repo-00/issues", json_body={"title": "x"})
    assert err.value.problem.reason == "http.not_a_read"
    assert emulator.requests == []  # refused before anything was sent
    jira, github_reads = (registry.get(t).spec.non_get_reads for t in ("jira_cloud", "github"))
    assert is_declared_read("POST", "https://x.atlassian.net/ex/jira/abc/rest/api/3/permissions/check", reads=jira)
    assert not is_declared_read("PUT", "https://x.atlassian.net/rest/api/3/permissions/check", reads=jira)
    # Each tracker's own: Jira's question is not GitHub's to send.
    assert not is_declared_read("POST", "https://x.atlassian.net/rest/api/3/permissions/check", reads=github_reads)
    assert is_declared_read("POST", "https://api.github.com/graphql", {"query": "query { viewer { login } }"},
                            github_reads)
    assert not is_declared_read("POST", "https://api.github.com/graphql", {"query": "mutation { addStar }"},
                                github_reads)


def test_every_tracker_declares_its_non_get_reads_with_the_vendors_reference():
    declared = {t.id: t.spec.non_get_reads for t in registry.all_trackers()}
    assert all(read.reference.startswith("https://") for reads in declared.values() for read in reads)
    assert {t for t, reads in declared.items() if reads} >= {"jira_cloud", "hp_alm", "github", "servicenow"}


def test_github_reads_every_repository_in_one_query(github):
    emulator = github(_github_many(40))
    report = engine.verify(_target(emulator.url, 40))
    assert report.ready, report.to_json()
    assert [(r.method, r.path) for r in emulator.requests] == [("GET", "/api/v3/user"), ("POST", "/api/graphql")]


def test_github_falls_back_to_rest_when_graphql_reports_saml(github):
    """Under SAML enforcement GraphQL says FORBIDDEN; the REST read names the SSO step as before."""
    emulator = github(_github_many(2, orgs={"acme": {"members": {"exalate-proxy": "member"}, "saml": True,
                                                     "sso_authorised": []}}))
    report = engine.verify(_target(emulator.url, 2))
    assert report.problem is not None and report.problem.reason == "github.sso_required"


@pytest.mark.parametrize("tracker, n", [("jira_onprem", 1), ("hp_alm", 2)])
def test_reads_after_the_sign_in_go_together_not_in_phases(tracker, n):
    """Jira Server / Data Center and ALM have no bulk read per project, so what is read after the sign-in goes at
    once: with one project, Data Center's global permissions, project list, permission schemes and the project's
    permissions (four); with two ALM projects, their field configurations and user records (four). Read in
    phases, as before, at most one (Data Center) or two (ALM) were in flight."""
    from exadesk.sandbox import emulator_class

    scenario, scope = TRACKERS[tracker](n)
    emulator = emulator_class(tracker)({**scenario, "fault": {"kind": "slow", "delay": 0.2}}).start()
    try:
        state = track_concurrency(emulator)
        report = engine.verify(target_for(tracker, emulator, scope))
    finally:
        emulator.stop()
    assert report.problem is None and not [c for c in report.checks if c.status.value == "fail"], report.to_json()
    assert state["peak"] == MAX_PER_HOST, state
