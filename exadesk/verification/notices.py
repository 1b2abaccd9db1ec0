"""Lifecycle notices with dates, kept as data in each tracker's spec: a new notice needs no code change.

Shown where the tracker or auth method is chosen, in check results while they
apply, and in reports.
"""

from __future__ import annotations

from datetime import date

from exadesk.foundation.records import dataclass


@dataclass(frozen=True)
class Notice:
    """A dated change by a vendor that affects a tracker or one of its sign-in methods."""

    id: str
    tracker: str
    title: str
    text: str
    advice: str
    effective: date  # when it bites
    methods: frozenset[str] = frozenset()  # empty: every method of the tracker
    source: str = ""

    def applies(self, tracker: str, method: str = "") -> bool:
        return tracker == self.tracker and (not self.methods or not method or method in self.methods)


def for_spec(spec, method: str = "") -> list[Notice]:
    """The notices in a tracker's spec that apply to ``method`` (all of them when no method is given)."""
    return [n for n in spec.notices if n.applies(spec.id, method)]
