"""The small set of error kinds ExaDesk knows, and the exceptions that carry them.

Code raises a kind plus an optional reason key; :mod:`exadesk.foundation.messages` turns
them into words. No exception text ever contains a secret.
"""

from __future__ import annotations

import enum
from dataclasses import field

from exadesk.foundation.records import dataclass


class ErrorKind(str, enum.Enum):
    """Why a verification run could not finish (not why a check failed)."""

    AUTH = "auth"  # the credential was rejected
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    NETWORK = "network"  # DNS, refused, timeout, proxy
    TLS = "tls"
    RATE_LIMITED = "rate_limited"
    UNEXPECTED_RESPONSE = "unexpected_response"  # HTML login page, SSO, bad JSON
    CANCELLED = "cancelled"
    BAD_INPUT = "bad_input"  # nothing was sent
    KEYCHAIN = "keychain"

    @property
    def definitive(self) -> bool:
        """True when the error proves the setup is not ready (exit code 1)."""
        return self in (ErrorKind.AUTH, ErrorKind.FORBIDDEN, ErrorKind.NOT_FOUND)


@dataclass
class Problem:
    """A classified, person-readable failure. Never holds a secret."""

    kind: ErrorKind
    message: str
    next_step: str = ""
    reason: str = ""  # a stable key such as "http.login_page" or "github.sso_required"
    details: dict = field(default_factory=dict)  # safe, non-secret context (status, url)

    def text(self) -> str:
        return f"{self.message} {self.next_step}".strip()

    def to_json(self) -> dict:
        return {"kind": self.kind.value, "reason": self.reason, "message": self.message, "next_step": self.next_step}


class ExaDeskError(Exception):
    """Base of every error ExaDesk raises on purpose."""

    def __init__(self, problem: Problem):
        super().__init__(problem.text())
        self.problem = problem

    @property
    def kind(self) -> ErrorKind:
        return self.problem.kind


class CheckError(ExaDeskError):
    """A verification run stopped: the tracker could not be asked or answered badly."""


class KeychainError(ExaDeskError):
    """The OS keychain could not store or read a secret."""


class StorageError(ExaDeskError):
    """The ExaDesk data folder could not be read or written."""


class ValidationError(ExaDeskError):
    """Input was rejected before anything was sent."""
