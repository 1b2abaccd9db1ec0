"""The one clock: tests run at a pinned instant, EXADESK_CLOCK pins a process, notices change tense on their date."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, time, timedelta, timezone

import pytest

from exadesk.foundation import clock
from exadesk.verification import engine, notices, registry
from exadesk.verification.spec import Target


def test_every_test_runs_at_the_pinned_instant_not_today(pinned_clock):
    assert clock.now() == pinned_clock
    assert clock.now().tzinfo is not None
    assert os.environ[clock.ENV_VAR] == pinned_clock.isoformat()


def test_pinned_restores_what_was_there():
    outer = clock.now()
    with clock.pinned(datetime(2030, 5, 6, 7, 8)):
        assert clock.now() == datetime(2030, 5, 6, 7, 8, tzinfo=timezone.utc)
    assert clock.now() == outer


@pytest.mark.parametrize(("text", "expected"), [
    ("2031-01-01", datetime(2031, 1, 1, tzinfo=timezone.utc)),
    ("2031-01-01T09:30:00Z", datetime(2031, 1, 1, 9, 30, tzinfo=timezone.utc)),
    ("2031-01-01T09:30:00+02:00", datetime(2031, 1, 1, 7, 30, tzinfo=timezone.utc)),
])
def test_exadesk_clock_pins_a_separate_process(text, expected):
    env = dict(os.environ, **{clock.ENV_VAR: text})
    out = subprocess.run([sys.executable, "-c", "from exadesk.foundation import clock; print(clock.now().isoformat())"],
                         env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert datetime.fromisoformat(out) == expected


def test_an_unreadable_exadesk_clock_is_said_and_the_system_clock_used():
    env = dict(os.environ, **{clock.ENV_VAR: "next tuesday"})
    run = subprocess.run([sys.executable, "-c", "from exadesk.foundation import clock; print(clock.now().year)"],
                         env=env, capture_output=True, text=True, check=True)
    assert "EXADESK_CLOCK='next tuesday' is not an ISO date" in run.stderr
    assert int(run.stdout) >= 2026  # the real year: whatever today is, not a pinned one


def _notice_detail(notice: notices.Notice, at: datetime) -> str:
    method = next(iter(notice.methods), "")
    spec = registry.get(notice.tracker).spec
    target = Target(tracker=notice.tracker, url="https://example.invalid", auth_method=method or spec.auth_methods[0].id)
    with clock.pinned(at):
        report = engine.validate(target)
    (found,) = [c for c in report.checks if c.id == f"notice.{notice.id}"]
    return found.detail


@pytest.mark.parametrize("notice", registry.all_notices(), ids=lambda n: n.id)
def test_each_lifecycle_notice_says_from_before_its_date_and_since_after_it(notice):
    when = f"{notice.effective.day} {notice.effective:%B %Y}"
    effective = datetime.combine(notice.effective, time(12), timezone.utc)
    assert _notice_detail(notice, effective - timedelta(days=1)).endswith(f"(from {when}).")
    assert _notice_detail(notice, effective).endswith(f"(since {when}).")
    assert _notice_detail(notice, effective + timedelta(days=400)).endswith(f"(since {when}).")
