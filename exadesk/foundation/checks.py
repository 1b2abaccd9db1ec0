"""Check results: what one verification found, requirement by requirement."""

from __future__ import annotations

import enum
from dataclasses import asdict, field
from datetime import datetime

from exadesk.foundation import clock
from exadesk.foundation.errors import Problem
from exadesk.foundation.records import dataclass


class Status(str, enum.Enum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    UNKNOWN = "unknown"  # undecided: manual (CheckResult.manual) or not confirmed by this run
    SKIPPED = "skipped"  # does not apply to what is synced


class Verdict(str, enum.Enum):
    """What one verification concluded; the CLI's exit code is :attr:`exit_code`.

    ``ready`` needs every decidable requirement to pass (manual ones are listed "to confirm by hand");
    ``not_ready`` means something fails; ``not_confirmed`` means nothing fails but something this run
    could have decided was not (a table not readable, nothing in scope, a field not sent, the run
    stopped); ``not_checked`` means the input was refused before anything was sent.
    """

    READY = "ready"
    NOT_READY = "not_ready"
    NOT_CONFIRMED = "not_confirmed"
    NOT_CHECKED = "not_checked"

    @property
    def exit_code(self) -> int:
        return VERDICT_EXIT_CODES[self]


#: The CLI's exit code per verdict (2 is also every usage error).
VERDICT_EXIT_CODES = {Verdict.READY: 0, Verdict.NOT_READY: 1, Verdict.NOT_CHECKED: 2, Verdict.NOT_CONFIRMED: 3}


def verdict_of(checks, error_kind=None) -> Verdict:
    """The verdict of a run from its checks and the kind of the problem that stopped it (if any).

    One rule for live reports and stored runs, so data saved by older versions reads the same way.
    """
    from exadesk.foundation.errors import ErrorKind

    kind = None
    if error_kind is not None:
        try:
            kind = ErrorKind(getattr(error_kind, "value", error_kind))
        except ValueError:  # a kind this version does not know: the run did not finish
            kind = ErrorKind.UNEXPECTED_RESPONSE
    if kind is ErrorKind.BAD_INPUT:
        return Verdict.NOT_CHECKED
    if any(c.status is Status.FAIL for c in checks) or (kind is not None and kind.definitive):
        return Verdict.NOT_READY
    if kind is not None or any(c.not_confirmed for c in checks):
        return Verdict.NOT_CONFIRMED
    return Verdict.READY


@dataclass
class CheckResult:
    """The outcome of one check.

    Attributes:
        id: stable id, ``<tracker>.<vendor key>`` such as ``jira_onprem.LINK_ISSUES``.
        status: pass, fail, warn, unknown or skipped.
        title: what was checked, in a few words.
        detail: what was found.
        fix: what a non-technical admin should do when it is not a pass.
        manual: True when only a person can confirm it (no API shows it). An unknown that is not
            manual is "not confirmed": it could have been decided, but this run could not.
    """

    id: str
    status: Status
    title: str
    detail: str = ""
    fix: str = ""
    manual: bool = False

    @property
    def not_confirmed(self) -> bool:
        """Undecided although an API could decide it (a table not readable, a field not sent, ...)."""
        return self.status is Status.UNKNOWN and not self.manual

    @property
    def by_hand(self) -> bool:
        """Undecided because no API shows it: a person confirms it with the steps given."""
        return self.status is Status.UNKNOWN and self.manual

    def to_json(self) -> dict:
        data = asdict(self)
        data["status"] = self.status.value
        return data

    @classmethod
    def from_json(cls, data: dict) -> "CheckResult":
        return cls(
            id=str(data["id"]), status=Status(data["status"]), title=str(data.get("title", "")),
            detail=str(data.get("detail", "")), fix=str(data.get("fix", "")), manual=bool(data.get("manual", False)),
        )


@dataclass
class Identity:
    """The account a credential belongs to, as the tracker reports it."""

    name: str = ""
    login: str = ""  # user name, email or account id, whatever the tracker calls its handle
    id: str = ""
    kind: str = ""  # e.g. "app", "agent", "admin" where the tracker says

    def label(self) -> str:
        if self.name and self.login and self.name != self.login:
            return f"{self.name} ({self.login})"
        return self.name or self.login or self.id

    def to_json(self) -> dict:
        return asdict(self)


def sign_in_failed(error_kind) -> bool:
    """True when the tracker rejected the credential (an ErrorKind or its stored value), so no live check ran."""
    from exadesk.foundation.errors import ErrorKind

    try:
        return error_kind is not None and ErrorKind(error_kind) is ErrorKind.AUTH
    except ValueError:  # a kind stored by another version
        return False


def run_stopped(error_kind) -> bool:
    """True when the run stopped before its checks: the credential was rejected or the person cancelled."""
    from exadesk.foundation.errors import ErrorKind

    try:
        return sign_in_failed(error_kind) or (error_kind is not None and ErrorKind(error_kind) is ErrorKind.CANCELLED)
    except ValueError:  # a kind stored by another version
        return False


def fold_not_run(checks: list[CheckResult], error_kind) -> tuple[list[CheckResult], list[CheckResult]]:
    """Split ``checks`` into those to show and those folded into one line.

    When sign-in failed (or the person cancelled), every check still undecided could not run: listing each with
    its fix buries the one thing to do (fix the sign-in, verify again) and reads as if each needed fixing, so they
    become one line (:func:`not_run_line`).
    """
    if not run_stopped(error_kind):
        return list(checks), []
    folded = [c for c in checks if c.not_confirmed]  # to-confirm-by-hand steps never run anyway: they stay
    return [c for c in checks if not c.not_confirmed], folded


def not_run_line(count: int, error_kind=None) -> str:
    """The one line that stands for the checks folded by :func:`fold_not_run` (empty for none)."""
    from exadesk.foundation.words import plural

    if not count:
        return ""
    if not sign_in_failed(error_kind) and run_stopped(error_kind):
        return plural(count, "{count} check did not run: the verification was cancelled.",
                      "{count} checks did not run: the verification was cancelled.")
    return plural(count, "{count} check could not run until sign-in works.",
                  "{count} checks could not run until sign-in works.")


@dataclass
class Report:
    """Everything one verification of one instance produced."""

    tracker: str
    url: str
    checks: list[CheckResult] = field(default_factory=list)
    identity: Identity | None = None  # the proxy user that was checked
    problem: Problem | None = None
    #: Who the credential belongs to when that is not the proxy user (Jira Cloud: an administrator's token
    #: checks the app user); None when the proxy user signed in itself.
    signed_in: Identity | None = None
    started_at: datetime = field(default_factory=clock.now)
    finished_at: datetime | None = None
    token_expires_at: datetime | None = None  # when the tracker tells us
    where: str = "this workstation"

    @property
    def verdict(self) -> Verdict:
        return verdict_of(self.checks, self.problem.kind if self.problem else None)

    @property
    def ready(self) -> bool:
        """Verified: every requirement an API can show passed (manual ones are listed to confirm by hand)."""
        return self.verdict is Verdict.READY

    @property
    def failing(self) -> list[CheckResult]:
        return [c for c in self.checks if c.status is Status.FAIL]

    def accounts(self) -> tuple[str, str]:
        """(who signed in, which proxy user was checked) as labels; either may be empty."""
        proxy = self.identity.label() if self.identity else ""
        signed_in = self.signed_in.label() if self.signed_in else proxy
        return signed_in, proxy

    @property
    def not_confirmed(self) -> list[CheckResult]:
        return [c for c in self.checks if c.not_confirmed]

    @property
    def to_confirm_by_hand(self) -> list[CheckResult]:
        return [c for c in self.checks if c.by_hand]

    def exit_code(self) -> int:
        """0 ready, 1 not ready, 2 bad input (nothing sent), 3 not confirmed."""
        return self.verdict.exit_code

    def to_json(self) -> dict:
        return {
            "tracker": self.tracker,
            "url": self.url,
            "ready": self.ready,
            "verdict": self.verdict.value,
            "identity": self.identity.to_json() if self.identity else None,
            "signed_in": self.signed_in.to_json() if self.signed_in else None,
            "checks": [c.to_json() for c in self.checks],
            "error": self.problem.to_json() if self.problem else None,
            "token_expires_at": self.token_expires_at.isoformat() if self.token_expires_at else None,
            "checked_at": (self.finished_at or self.started_at).isoformat(),
            "checked_from": self.where,
        }
