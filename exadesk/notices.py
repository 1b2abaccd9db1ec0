"""Lifecycle notices with dates, kept as data in each tracker's spec: a new notice needs no code change.

Shown where the tracker or auth method is chosen, in check results while they
apply, and in reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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


def all_notices() -> list[Notice]:
    """Every tracker's notices, in catalogue order (each tracker module declares its own in its spec)."""
    from exadesk import trackers

    return [n for tracker in trackers.all_trackers() for n in tracker.spec.notices]


def for_tracker(tracker: str, method: str = "") -> list[Notice]:
    """The notices of one tracker that apply to ``method`` (all of them when no method is given)."""
    from exadesk import trackers

    return [n for n in trackers.get(tracker).spec.notices if n.applies(tracker, method)]
