"""Check results and the one verdict rule (exadesk/foundation/checks.py)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from exadesk.foundation.checks import (CheckResult, Identity, Report, Status, Verdict, fold_not_run, not_run_line,
                            run_stopped, sign_in_failed, verdict_of)
from exadesk.foundation.errors import ErrorKind, Problem

PASS = CheckResult("t.a", Status.PASS, "A")
FAIL = CheckResult("t.b", Status.FAIL, "B", fix="Grant B.")
MANUAL = CheckResult("t.c", Status.UNKNOWN, "C", manual=True)
UNDECIDED = CheckResult("t.d", Status.UNKNOWN, "D")
SKIPPED = CheckResult("t.e", Status.SKIPPED, "E")


@pytest.mark.parametrize("checks, kind, verdict", [
    ([PASS, MANUAL, SKIPPED], None, Verdict.READY),  # a manual step never blocks ready
    ([PASS, FAIL, UNDECIDED], None, Verdict.NOT_READY),
    ([PASS, UNDECIDED], None, Verdict.NOT_CONFIRMED),
    ([PASS], ErrorKind.AUTH, Verdict.NOT_READY),  # a rejected credential proves not ready
    ([PASS], ErrorKind.NETWORK, Verdict.NOT_CONFIRMED),
    ([FAIL], ErrorKind.BAD_INPUT, Verdict.NOT_CHECKED),  # nothing was sent
    ([PASS], "network", Verdict.NOT_CONFIRMED),  # a stored value
    ([PASS], "kind_of_a_newer_version", Verdict.NOT_CONFIRMED),
])
def test_one_verdict_rule(checks, kind, verdict):
    assert verdict_of(checks, kind) is verdict


def test_manual_and_not_confirmed_are_told_apart():
    assert MANUAL.by_hand and not MANUAL.not_confirmed
    assert UNDECIDED.not_confirmed and not UNDECIDED.by_hand
    assert not PASS.by_hand and not PASS.not_confirmed


def test_a_check_result_round_trips_through_json():
    data = FAIL.to_json()
    assert data["status"] == "fail"
    assert CheckResult.from_json(data) == FAIL
    assert CheckResult.from_json({"id": "t.x", "status": "unknown"}) == CheckResult("t.x", Status.UNKNOWN, "")


def test_an_identity_is_labelled_by_name_and_handle():
    assert Identity(name="Sync Bot", login="sync@acme.example").label() == "Sync Bot (sync@acme.example)"
    assert Identity(name="sync", login="sync").label() == "sync"
    assert Identity(id="5b10ac8d").label() == "5b10ac8d"


def test_sign_in_failed_and_run_stopped():
    assert sign_in_failed(ErrorKind.AUTH) and sign_in_failed("auth")
    assert not sign_in_failed(None) and not sign_in_failed("forbidden") and not sign_in_failed("from_the_future")
    assert run_stopped("cancelled") and run_stopped(ErrorKind.AUTH)
    assert not run_stopped(ErrorKind.NETWORK) and not run_stopped("from_the_future")


def test_after_a_refused_sign_in_the_undecided_checks_fold_into_one_line():
    shown, folded = fold_not_run([PASS, MANUAL, UNDECIDED, FAIL], ErrorKind.AUTH)
    assert shown == [PASS, MANUAL, FAIL] and folded == [UNDECIDED]
    assert fold_not_run([PASS, UNDECIDED], ErrorKind.NETWORK) == ([PASS, UNDECIDED], [])
    assert not_run_line(1, ErrorKind.AUTH) == "1 check could not run until sign-in works."
    assert not_run_line(4, "cancelled") == "4 checks did not run: the verification was cancelled."
    assert not_run_line(0, ErrorKind.AUTH) == ""


def test_a_report_says_who_signed_in_what_fails_and_its_exit_code(pinned_clock):
    proxy = Identity(name="Sync Bot", login="sync")
    report = Report("github", "https://api.github.example", [PASS, FAIL, MANUAL, UNDECIDED], identity=proxy)
    assert report.verdict is Verdict.NOT_READY and not report.ready and report.exit_code() == 1
    assert report.failing == [FAIL]
    assert report.not_confirmed == [UNDECIDED] and report.to_confirm_by_hand == [MANUAL]
    assert report.accounts() == ("Sync Bot (sync)", "Sync Bot (sync)")
    admin = Identity(name="Ann Admin", login="ann")
    assert Report("jira_cloud", "u", identity=proxy, signed_in=admin).accounts() == ("Ann Admin (ann)",
                                                                                    "Sync Bot (sync)")
    data = report.to_json()
    assert data["verdict"] == "not_ready" and data["ready"] is False and len(data["checks"]) == 4
    assert data["checked_at"] == pinned_clock.isoformat()  # the one clock, pinned in tests


def test_a_stopped_report_carries_its_problem():
    problem = Problem(ErrorKind.TLS, "The certificate is not trusted.", "Add the company's CA bundle.")
    report = Report("zendesk", "u", problem=problem, finished_at=datetime(2026, 3, 2, 10, 5, tzinfo=timezone.utc))
    assert report.verdict is Verdict.NOT_CONFIRMED and report.exit_code() == 3
    data = report.to_json()
    assert data["error"]["kind"] == "tls" and data["checked_at"] == "2026-03-02T10:05:00+00:00"
