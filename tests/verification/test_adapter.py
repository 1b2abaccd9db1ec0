"""The adapter shape: sign in, gather facts, judge each requirement (exadesk.verification.adapter)."""

from __future__ import annotations

import threading

import pytest

from exadesk.foundation.checks import Status
from exadesk.verification import registry
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.spec import AuthMethod, Requirement, ScopeSpec, Target, TrackerSpec, UrlSpec, VerifyContext

SPEC = TrackerSpec(id="demo", name="Demo", docs_url="", url=UrlSpec(example="", hint=""),
                   auth_methods=(AuthMethod(id="token", label="Token", description="", fields=()),),
                   requirements=(Requirement("first", "First", ""), Requirement("second", "Second", ""),
                                 Requirement("synced", "Only for comments", "", when=frozenset({"comments"}))),
                   scope=ScopeSpec(label="Things", example="", hint=""))


def _ctx(sync=frozenset()):
    return VerifyContext(SPEC, Target("demo", "https://demo.test", sync=sync), lambda *a, **k: None,
                         threading.Event())


def test_judges_run_in_catalogue_order_only_where_the_requirement_applies():
    judges, calls = Judges(), []

    @judges("synced")
    def _synced(ctx, facts):
        calls.append("synced")
        return ctx.passed("synced")

    @judges("second")
    def _second(ctx, facts):
        return ctx.failed("second", f"saw {facts}")

    @judges("first")
    def _first(ctx, facts):
        return [ctx.passed("first"), ctx.warned("first", "twice")]

    verify = adapter(lambda ctx: "session", lambda ctx, session: f"facts of {session}", judges)
    results = list(verify(_ctx()))
    assert [(r.id, r.status) for r in results] == [("demo.first", Status.PASS), ("demo.first", Status.WARN),
                                                  ("demo.second", Status.FAIL)]
    assert results[2].detail == "saw facts of session"
    assert calls == []  # "synced" does not apply without comments
    assert [r.id for r in verify(_ctx(frozenset({"comments"})))][-1] == "demo.synced"


def test_one_key_has_one_judge():
    judges = Judges()
    judges.add("first", lambda ctx, facts: None)
    with pytest.raises(ValueError):
        judges.add("first", lambda ctx, facts: None)


def _adapters():
    for tracker in registry.all_trackers():
        for name in ("verify_live", "verify_admin"):
            verify = getattr(tracker.module, name, None)
            if getattr(verify, "judges", None) is not None:
                yield pytest.param(tracker, verify.judges, id=f"{tracker.spec.id}.{name}")


@pytest.mark.parametrize("tracker, judges", list(_adapters()))
def test_every_judge_decides_a_requirement_of_its_tracker(tracker, judges):
    keys = {r.key for r in (*tracker.spec.requirements, *tracker.spec.admin_requirements.values())}
    assert set(judges.keys()) <= keys
    assert not [k for k in judges.keys() if tracker.spec.requirement(k).manual]  # no API decides a manual step


def test_a_later_fact_is_read_once_when_a_judge_first_asks_so_earlier_checks_come_first():
    from exadesk.verification.adapter import Later

    judges, reads, seen = Judges(), [], []
    slow = Later(lambda: reads.append("read") or "slow fact")

    @judges("first")
    def _first(ctx, facts):
        seen.append(list(reads))  # judged before anything was read
        return ctx.passed("first")

    @judges("second")
    def _second(ctx, facts):
        return [ctx.passed("second", facts.get()), ctx.warned("second", facts.get())]

    results = adapter(lambda ctx: None, lambda ctx, session: slow, judges)(_ctx())
    assert next(results).id == "demo.first" and reads == []
    assert [r.detail for r in results] == ["slow fact", "slow fact"]
    assert reads == ["read"] and seen == [[]]
