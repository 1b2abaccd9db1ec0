"""Check results: what one verification found, requirement by requirement."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from datetime import datetime

from exadesk import clock
from exadesk.errors import Problem


class Status(str, enum.Enum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    UNKNOWN = "unknown"  # could not be decided (manual check, or the run stopped first)
    SKIPPED = "skipped"  # does not apply to what is synced


@dataclass
class CheckResult:
    """The outcome of one check.

    Attributes:
        id: stable id, ``<tracker>.<vendor key>`` such as ``jira_onprem.LINK_ISSUES``.
        status: pass, fail, warn, unknown or skipped.
        title: what was checked, in a few words.
        detail: what was found.
        fix: what a non-technical admin should do when it is not a pass.
        manual: True when only a person can confirm it (no API shows it).
    """

    id: str
    status: Status
    title: str
    detail: str = ""
    fix: str = ""
    manual: bool = False

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
    from exadesk.errors import ErrorKind

    try:
        return error_kind is not None and ErrorKind(error_kind) is ErrorKind.AUTH
    except ValueError:  # a kind stored by another version
        return False


def fold_not_run(checks: list[CheckResult], error_kind) -> tuple[list[CheckResult], list[CheckResult]]:
    """Split ``checks`` into those to show and those folded into one line.

    When sign-in failed, every check still undecided could not run: listing each with its fix buries the one
    thing to do (fix the sign-in), so they become "N checks could not run until sign-in works".
    """
    if not sign_in_failed(error_kind):
        return list(checks), []
    folded = [c for c in checks if c.status is Status.UNKNOWN]
    return [c for c in checks if c.status is not Status.UNKNOWN], folded


def not_run_line(count: int) -> str:
    """The one line that stands for the checks folded by :func:`fold_not_run` (empty for none)."""
    from exadesk.words import plural

    if not count:
        return ""
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
    def ready(self) -> bool:
        return self.problem is None and not any(c.status is Status.FAIL for c in self.checks)

    @property
    def failing(self) -> list[CheckResult]:
        return [c for c in self.checks if c.status is Status.FAIL]

    def accounts(self) -> tuple[str, str]:
        """(who signed in, which proxy user was checked) as labels; either may be empty."""
        proxy = self.identity.label() if self.identity else ""
        signed_in = self.signed_in.label() if self.signed_in else proxy
        return signed_in, proxy

    def exit_code(self) -> int:
        """0 ready, 1 definitively not ready, 2 bad input, 3 inconclusive."""
        from exadesk.errors import ErrorKind

        if self.problem is not None:
            if self.problem.kind is ErrorKind.BAD_INPUT:
                return 2
            if self.problem.kind.definitive or self.failing:
                return 1
            return 3
        return 1 if self.failing else 0

    def to_json(self) -> dict:
        return {
            "tracker": self.tracker,
            "url": self.url,
            "ready": self.ready,
            "identity": self.identity.to_json() if self.identity else None,
            "signed_in": self.signed_in.to_json() if self.signed_in else None,
            "checks": [c.to_json() for c in self.checks],
            "error": self.problem.to_json() if self.problem else None,
            "token_expires_at": self.token_expires_at.isoformat() if self.token_expires_at else None,
            "checked_at": (self.finished_at or self.started_at).isoformat(),
            "checked_from": self.where,
        }
