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


@dataclass
class Report:
    """Everything one verification of one instance produced."""

    tracker: str
    url: str
    checks: list[CheckResult] = field(default_factory=list)
    identity: Identity | None = None
    problem: Problem | None = None
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
            "checks": [c.to_json() for c in self.checks],
            "error": self.problem.to_json() if self.problem else None,
            "token_expires_at": self.token_expires_at.isoformat() if self.token_expires_at else None,
            "checked_at": (self.finished_at or self.started_at).isoformat(),
            "checked_from": self.where,
        }
