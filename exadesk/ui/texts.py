"""User-facing words of the window that are not tied to one widget, all translatable.

Logic modules hand over keys (a status, an error kind); this module turns them
into words. Sentences about failures come from :mod:`exadesk.messages`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from exadesk.checks import Status
from exadesk.errors import ErrorKind, Problem


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("texts", text, disambiguation, n)


def badge(key: str) -> str:
    """The sidebar badge of an instance state (draft, prepared_offline, verified, failing, expiring)."""
    return {
        "draft": tr("Draft"),
        "prepared_offline": tr("Prepared offline"),
        "verified": tr("Verified"),
        "failing": tr("Failing"),
        "expiring": tr("Expiring"),
    }.get(key, key)


def badge_help(key: str) -> str:
    return {
        "draft": tr("Not verified yet."),
        "prepared_offline": tr("Saved without reaching the instance; verify it once it can be reached."),
        "verified": tr("The last verification found everything the integration needs."),
        "failing": tr("The last verification found something to fix."),
        "expiring": tr("The credential expires soon; create a new one and replace the secret."),
    }.get(key, "")


def status(value: Status) -> str:
    return {
        Status.PASS: tr("Passed"),
        Status.FAIL: tr("Failed"),
        Status.WARN: tr("Warning"),
        Status.UNKNOWN: tr("Not confirmed"),
        Status.SKIPPED: tr("Not needed"),
    }[value]


def sync_label(option: str) -> str:
    return {
        "comments": tr("Comments"),
        "attachments": tr("Attachments"),
        "worklogs": tr("Work logs"),
        "security_levels": tr("Security levels"),
        "triggers": tr("Triggers"),
        "service_desk": tr("Service desk"),
    }.get(option, option)


def sync_help(option: str) -> str:
    return {
        "comments": tr("Comments are copied both ways."),
        "attachments": tr("Files attached to work items are copied."),
        "worklogs": tr("Time logged on work items is copied."),
        "security_levels": tr("Issue security levels are read and set."),
        "triggers": tr("Items are picked up automatically by a search or filter."),
        "service_desk": tr("Customer requests and their portal comments are synced."),
    }.get(option, "")


def kind_title(kind: ErrorKind | None) -> str:
    return {
        ErrorKind.AUTH: tr("The credential was not accepted"),
        ErrorKind.FORBIDDEN: tr("The account lacks a permission"),
        ErrorKind.NOT_FOUND: tr("Something in the address or scope was not found"),
        ErrorKind.NETWORK: tr("The instance could not be reached"),
        ErrorKind.TLS: tr("The secure connection could not be verified"),
        ErrorKind.RATE_LIMITED: tr("The tracker is limiting requests"),
        ErrorKind.UNEXPECTED_RESPONSE: tr("The tracker answered unexpectedly"),
        ErrorKind.CANCELLED: tr("Cancelled"),
        ErrorKind.BAD_INPUT: tr("Something in the form needs a fix"),
        ErrorKind.KEYCHAIN: tr("The keychain needs attention"),
    }.get(kind, tr("Verification could not finish"))


def write_failed(path, exc: OSError) -> Problem:
    return Problem(ErrorKind.BAD_INPUT,
                   tr("ExaDesk could not write its data file {path} ({error}).").format(path=path,
                                                                                           error=type(exc).__name__),
                   tr("Check that the disk is not full and that the folder can be written, then try again."),
                   reason="ui.write_failed")
