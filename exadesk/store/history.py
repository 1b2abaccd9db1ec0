"""History and drift: what changed between an instance's stored verifications.

Qt-free; the GUI's history panel and ``exadesk history`` call :func:`changes`
and :func:`drift`. Runs that could not reach the tracker (network, TLS, rate
limit, cancelled, unexpected reply) prove nothing about permissions, so drift
is computed over conclusive runs only and such runs are mentioned apart.
"""

from __future__ import annotations

from datetime import datetime

from exadesk.foundation.checks import Status, Verdict
from exadesk.foundation.records import dataclass
from exadesk.foundation.words import day
from exadesk.store.model import Instance, Verification

#: Error kinds that say nothing about the proxy user's permissions.
INCONCLUSIVE_KINDS = frozenset({"network", "tls", "rate_limited", "cancelled", "unexpected_response", "keychain",
                                "bad_input"})

#: How a status reads in a change sentence.
STATUS_WORDS = {
    Status.PASS: "granted",
    Status.FAIL: "missing",
    Status.WARN: "flagged with a warning",
    Status.UNKNOWN: "not determined",
    Status.SKIPPED: "not needed",
}

#: The change sentences. A check's title may be a name ("Link Issues") or a statement ("App user is in the
#: jira-software-users group"): the title, a colon, then what happened reads right with either.
CHANGE_WORDS = {
    "scope": "{title}: {now} since {since}, when {change} (a scope change, not a change on the tracker).",
    "first": "{title}: first checked on {since} ({now}).",
    "gone": "{title}: {before} on {then}; no longer checked since {since}.",
    "changed": "{title}: {before} on {then}, {now} since {since}.",
    "not_checked": "no longer checked",
}


@dataclass(frozen=True)
class Change:
    """One check whose status changed between two conclusive verifications.

    Attributes:
        check_id: the check's stable id (``github.repo``).
        title: the check's title as last seen.
        before: the status in the earlier run; None when the check is new.
        after: the status now; None when the check is no longer reported.
        last_before: the last time the old status was seen.
        since: the first run that showed the new status.
    """

    check_id: str
    title: str
    before: Status | None
    after: Status | None
    last_before: datetime | None
    since: datetime
    scope_change: str = ""  # "OPS removed from the scope" when the scope changed in the run that showed it

    @property
    def worse(self) -> bool:
        """True when the change is a regression (something that passed no longer does)."""
        return self.before is Status.PASS and self.after in (Status.FAIL, Status.WARN, Status.UNKNOWN)

    def sentence(self, now: datetime | None = None) -> str:
        """``Link Issues: granted on 3 Nov, missing since 20 Nov.``"""
        words = {"title": self.title, "since": day(self.since, now),
                 "now": STATUS_WORDS[self.after] if self.after is not None else CHANGE_WORDS["not_checked"]}
        if self.scope_change:  # what changed is what was checked, not the proxy user's permissions
            return CHANGE_WORDS["scope"].format(change=self.scope_change, **words)
        if self.before is None:
            return CHANGE_WORDS["first"].format(**words)
        then = day(self.last_before, now)
        key = "gone" if self.after is None else "changed"
        return CHANGE_WORDS[key].format(before=STATUS_WORDS[self.before], then=then, **words)


def scope_change(before: list[str] | None, after: list[str] | None) -> str:
    """``OPS removed from the scope``, ``SUP added to the scope``, both joined; "" when unchanged or unknown."""
    if before is None or after is None:
        return ""
    old, new = {s.lower(): s for s in before}, {s.lower(): s for s in after}
    parts = []
    for keys, source, words in ((sorted(set(old) - set(new)), old, "removed from"),
                                (sorted(set(new) - set(old)), new, "added to")):
        if keys:
            names = ", ".join(source[k] for k in keys)
            parts.append(f"{names} {'was' if len(keys) == 1 else 'were'} {words} the scope")
    return " and ".join(parts)


def conclusive(verification: Verification) -> bool:
    """True when the run reached the tracker and its check statuses mean something."""
    return verification.error_kind not in INCONCLUSIVE_KINDS


def changes(instance: Instance, *, latest_only: bool = False) -> list[Change]:
    """Every status change across the instance's conclusive verifications, oldest first.

    Args:
        instance: the stored instance (its ``history`` is newest last).
        latest_only: keep only changes still in force, one per check (what the
            drift panel shows).
    """
    runs = [v for v in instance.history if conclusive(v)]
    found: list[Change] = []
    previous: dict[str, tuple[Status, str, datetime]] = {}  # id -> (status, title, last seen)
    for index, run in enumerate(runs):
        current = {c.id: c for c in run.checks}
        if index > 0:
            note = scope_change(runs[index - 1].scope, run.scope)
            for check_id, check in current.items():
                old = previous.get(check_id)
                if old is None:
                    found.append(Change(check_id, check.title, None, check.status, None, run.at, note))
                elif old[0] is not check.status:
                    found.append(Change(check_id, check.title, old[0], check.status, old[2], run.at, note))
            for check_id, (status, title, seen) in previous.items():
                if check_id not in current:
                    found.append(Change(check_id, title, status, None, seen, run.at, note))
        for check_id in [k for k in previous if k not in current]:
            del previous[check_id]
        for check_id, check in current.items():
            previous[check_id] = (check.status, check.title, run.at)
    if not latest_only:
        return found
    latest: dict[str, Change] = {}
    for change in found:
        latest[change.check_id] = change
    # The last change of a check is in force by construction; a check that merely appeared is news only if failing.
    still = [c for c in latest.values() if c.before is not None or c.after is Status.FAIL]
    return sorted(still, key=lambda c: (not c.worse, c.since))


def drift(instance: Instance, now: datetime | None = None) -> list[str]:
    """Sentences for the changes still in force, regressions first.

    ``["Link Issues: granted on 3 Nov, missing since 20 Nov."]``; an empty
    list when nothing changed. A last run that could not reach the tracker is
    mentioned at the end, since it may hide newer changes.
    """
    sentences = [c.sentence(now) for c in changes(instance, latest_only=True)]
    runs = [v for v in instance.history if conclusive(v)]
    identities = [(v.identity, v.at) for v in runs if v.identity]
    for (before, _), (after, at) in zip(identities, identities[1:]):
        if before != after:
            sentences.append(f"The credential belonged to {before}; it belongs to {after} since {day(at, now)}.")
    last = instance.last
    if last is not None and not conclusive(last):
        reason = last.error_message or "the tracker could not be reached"
        sentences.append(f"The last attempt on {day(last.at, now)} was inconclusive ({reason.rstrip('.')}).")
    return sentences


def timeline(instance: Instance) -> list[dict]:
    """One row per stored run, newest first: time, verdict, failing and not-confirmed check titles, conclusive
    (for a history table; :func:`verdict_line` says a row in words)."""
    rows = []
    for run in reversed(instance.history):
        rows.append({
            "at": run.at, "ready": run.ready, "verdict": run.verdict.value, "conclusive": conclusive(run),
            "identity": run.identity,
            "failing": [c.title for c in run.checks if c.status is Status.FAIL],
            "not_confirmed": [c.title for c in run.checks if c.not_confirmed],
            "error": run.error_message,
        })
    return rows


#: How a stored run's verdict reads in a history line.
VERDICT_WORDS = {Verdict.READY: "Ready", Verdict.NOT_READY: "Not ready", Verdict.NOT_CONFIRMED: "Not confirmed",
                 Verdict.NOT_CHECKED: "Not checked"}


def verdict_line(row: dict) -> str:
    """A :func:`timeline` row in words: ``Not ready: Admin on the repository``, ``Not confirmed: Token scopes``."""
    verdict = Verdict(row["verdict"])
    why = {Verdict.NOT_READY: row["failing"], Verdict.NOT_CONFIRMED: row["not_confirmed"]}.get(verdict) or []
    text = ", ".join(why) or (row.get("error") or "" if verdict is not Verdict.READY else "")
    return f"{VERDICT_WORDS[verdict]}: {text}" if text else VERDICT_WORDS[verdict]
