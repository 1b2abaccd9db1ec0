"""Dated lifecycle notices (exadesk/verification/notices.py): which apply to a tracker and a sign-in method."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exadesk.verification.notices import Notice, for_spec

BASIC_GONE = Notice(id="basic_gone", tracker="acme", title="Basic auth ends", text="…", advice="Use a token.",
                    effective=date(2026, 6, 1), methods=frozenset({"basic"}))
PLAN_CHANGE = Notice(id="plan", tracker="acme", title="Plans change", text="…", advice="Read the mail.",
                     effective=date(2026, 9, 1))


@dataclass
class _Spec:
    id: str
    notices: tuple


def test_a_notice_without_methods_applies_to_every_method_of_its_tracker():
    assert PLAN_CHANGE.applies("acme") and PLAN_CHANGE.applies("acme", "oauth")
    assert not PLAN_CHANGE.applies("other")


def test_a_method_notice_applies_to_that_method_or_when_none_is_chosen():
    assert BASIC_GONE.applies("acme", "basic")
    assert BASIC_GONE.applies("acme")
    assert not BASIC_GONE.applies("acme", "token")


def test_for_spec_keeps_the_notices_that_apply():
    spec = _Spec("acme", (BASIC_GONE, PLAN_CHANGE))
    assert for_spec(spec) == [BASIC_GONE, PLAN_CHANGE]
    assert for_spec(spec, "token") == [PLAN_CHANGE]
    assert for_spec(_Spec("other", (BASIC_GONE,))) == []


def test_every_shipped_notice_belongs_to_its_trackers_spec():
    from exadesk.verification import registry

    assert registry.all_notices()  # the shipped catalogue has dated notices
    for spec in (t.spec for t in registry.all_trackers()):
        for notice in spec.notices:
            assert notice.tracker == spec.id and notice.title and notice.advice
            assert notice in for_spec(spec)
