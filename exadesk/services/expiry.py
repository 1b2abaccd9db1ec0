"""Expiry watch: which credentials expire soon, for the sidebar, the status bar and ``exadesk expiring``.

The date comes from the tracker when it says so (GitHub's token expiration
header, ServiceNow's refresh-token lifespan: adapters set it on the report and
:func:`exadesk.services.instances.record` stores it) or from the person
(:func:`set_expiry`). Qt-free.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from exadesk.foundation import clock
from exadesk.foundation.records import dataclass
from exadesk.foundation.words import day
from exadesk.store.model import Data, Instance

#: Default look-ahead of the expiry list.
WINDOW_DAYS = 30
#: At or under this many days left an item is "soon" (shown in red rather than amber).
SOON_DAYS = 7


@dataclass(frozen=True)
class Expiring:
    """One credential that expires within the window (or already has).

    Attributes:
        level: ``expired``, ``soon`` (≤ 7 days) or ``upcoming``.
    """

    workspace: str
    workspace_id: str
    instance: str
    instance_id: str
    tracker: str
    expires_at: datetime
    days_left: int
    level: str

    def sentence(self, now: datetime | None = None) -> str:
        """``GitHub prod (github): the token expires on 3 Dec (9 days left).``"""
        when = day(self.expires_at, now)
        if self.level == "expired":
            return f"{self.instance} ({self.workspace}): the credential expired on {when}. Create a new one and " \
                   "replace the secret."
        left = "today" if self.days_left == 0 else f"{self.days_left} day{'s' if self.days_left != 1 else ''} left"
        return f"{self.instance} ({self.workspace}): the credential expires on {when} ({left})."

    def to_json(self) -> dict:
        return {"workspace": self.workspace, "instance": self.instance, "instance_id": self.instance_id,
                "tracker": self.tracker, "expires_at": self.expires_at.isoformat(), "days_left": self.days_left,
                "level": self.level}


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def status(instance: Instance, now: datetime | None = None, days: int = WINDOW_DAYS) -> str | None:
    """``expired``, ``soon``, ``upcoming`` or None (no date, or further away than ``days``)."""
    if instance.token_expires_at is None:
        return None
    now = now or clock.now()
    left = _aware(instance.token_expires_at) - now
    if left <= timedelta(0):
        return "expired"
    if left <= timedelta(days=SOON_DAYS):
        return "soon"
    if left <= timedelta(days=days):
        return "upcoming"
    return None


def expiring(data: Data, days: int = WINDOW_DAYS, now: datetime | None = None, *,
             include_archived: bool = False) -> list[Expiring]:
    """Credentials that expire within ``days`` (expired ones included), soonest first.

    Args:
        data: everything stored.
        days: the look-ahead window.
        include_archived: archived workspaces are left out unless asked for.
    """
    now = now or clock.now()
    out = []
    for ws in data.workspaces:
        if ws.archived and not include_archived:
            continue
        for inst in ws.instances:
            level = status(inst, now, days)
            if level is None:
                continue
            expires = _aware(inst.token_expires_at)
            left = max((expires - now).days, 0) if level != "expired" else 0
            out.append(Expiring(ws.name, ws.id, inst.name, inst.id, inst.tracker, expires, left, level))
    return sorted(out, key=lambda e: e.expires_at)


def flags(data: Data, days: int = WINDOW_DAYS, now: datetime | None = None) -> dict[str, str]:
    """Instance id -> level, for the sidebar's warning icons."""
    return {e.instance_id: e.level for e in expiring(data, days, now)}


def status_bar_text(items: list[Expiring], now: datetime | None = None, days: int = WINDOW_DAYS) -> str:
    """One short line for the status bar, or ``""`` when nothing expires soon."""
    if not items:
        return ""
    expired = [e for e in items if e.level == "expired"]
    first = items[0]
    if expired:
        more = f" and {len(items) - 1} more" if len(items) > 1 else ""
        return f"{first.instance}'s credential has expired{more}; see Expiry watch."
    noun = "credential expires" if len(items) == 1 else "credentials expire"
    return f"{len(items)} {noun} within {days} days (next: {first.instance} on {day(first.expires_at, now)})."


def set_expiry(instance: Instance, when: datetime | None) -> None:
    """Record an expiry the person entered (the tracker did not say); None clears it."""
    instance.token_expires_at = _aware(when) if when else None
