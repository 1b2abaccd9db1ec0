"""User-facing words of the window that are not tied to one widget, all translatable.

Logic modules hand over keys (a status, an error kind); this module turns them
into words. Sentences about failures come from :mod:`exadesk.foundation.messages`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from exadesk.foundation.checks import CheckResult, Status, Verdict, run_stopped, sign_in_failed
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.foundation.words import plural


def not_run_line(count: int, error_kind=None) -> str:
    """The one line standing for the checks a rejected credential (or Cancel) kept from running
    (exadesk.foundation.checks.fold_not_run)."""
    if not count:
        return ""
    if run_stopped(error_kind) and not sign_in_failed(error_kind):  # cancelled
        return plural(count, QCoreApplication.translate("texts", "{count} check did not run: the verification was "
                                                                 "cancelled."),
                      QCoreApplication.translate("texts", "{count} checks did not run: the verification was cancelled."))
    return plural(count, QCoreApplication.translate("texts", "{count} check could not run until sign-in works."),
                  QCoreApplication.translate("texts", "{count} checks could not run until sign-in works."))


def problem_title(problem: Problem) -> str:
    """The heading over a problem: by its kind, except where the kind's words would name the wrong place
    (a bad import file is not "something in the form")."""
    family = (problem.reason or "").split(".")[0]
    if family == "bundle":
        return QCoreApplication.translate("texts", "The file could not be imported")
    if family == "storage":
        return QCoreApplication.translate("texts", "ExaDesk's data file needs attention")
    return kind_title(problem.kind)



def badge(key: str) -> str:
    """The sidebar badge of an instance state (draft, prepared_offline, verified, failing, expiring)."""
    return {
        "draft": QCoreApplication.translate("texts", "Draft"),
        "prepared_offline": QCoreApplication.translate("texts", "Prepared offline"),
        "verified": QCoreApplication.translate("texts", "Verified"),
        "failing": QCoreApplication.translate("texts", "Failing"),
        "not_confirmed": QCoreApplication.translate("texts", "Not confirmed"),
        "expiring": QCoreApplication.translate("texts", "Expiring"),
    }.get(key, key)


def badge_help(key: str) -> str:
    return {
        "draft": QCoreApplication.translate("texts", "Not verified yet."),
        "prepared_offline": QCoreApplication.translate("texts", "Saved without reaching the instance; verify it once it can be reached."),
        "verified": QCoreApplication.translate("texts", "The last verification found everything the integration needs."),
        "failing": QCoreApplication.translate("texts", "The last verification found something to fix."),
        "not_confirmed": QCoreApplication.translate("texts", "Nothing failed in the last verification, but something "
                                                             "it could have decided was not (a table it may not read, "
                                                             "a field not sent, the run stopped): see the checks "
                                                             "marked Not confirmed."),
        "expiring": QCoreApplication.translate("texts", "The credential expires soon; create a new one and replace the secret."),
    }.get(key, "")


def status(value: Status) -> str:
    return {
        Status.PASS: QCoreApplication.translate("texts", "Passed"),
        Status.FAIL: QCoreApplication.translate("texts", "Failed"),
        Status.WARN: QCoreApplication.translate("texts", "Warning"),
        Status.UNKNOWN: QCoreApplication.translate("texts", "Not confirmed"),
        Status.SKIPPED: QCoreApplication.translate("texts", "Not needed"),
    }[value]


def check_status(check: CheckResult) -> str:
    """A check's status in words; an undecided check says whether a person confirms it or a new run may."""
    if check.status is Status.UNKNOWN and check.manual:
        return QCoreApplication.translate("texts", "Confirm by hand")
    return status(check.status)


def verdict(value: Verdict) -> str:
    """A verification's outcome in a word or two (history rows, the results page)."""
    return {
        Verdict.READY: QCoreApplication.translate("texts", "Ready"),
        Verdict.NOT_READY: QCoreApplication.translate("texts", "Not ready"),
        Verdict.NOT_CONFIRMED: QCoreApplication.translate("texts", "Not confirmed"),
        Verdict.NOT_CHECKED: QCoreApplication.translate("texts", "Not checked"),
    }[value]


def sync_label(option: str) -> str:
    return {
        "comments": QCoreApplication.translate("texts", "Comments"),
        "attachments": QCoreApplication.translate("texts", "Attachments"),
        "worklogs": QCoreApplication.translate("texts", "Work logs"),
        "security_levels": QCoreApplication.translate("texts", "Security levels"),
        "triggers": QCoreApplication.translate("texts", "Triggers"),
        "service_desk": QCoreApplication.translate("texts", "Service desk"),
    }.get(option, option)


def sync_help(option: str) -> str:
    return {
        "comments": QCoreApplication.translate("texts", "Comments are copied both ways."),
        "attachments": QCoreApplication.translate("texts", "Files attached to work items are copied."),
        "worklogs": QCoreApplication.translate("texts", "Time logged on work items is copied."),
        "security_levels": QCoreApplication.translate("texts", "Issue security levels are read and set."),
        "triggers": QCoreApplication.translate("texts", "Items are picked up automatically by a search or filter."),
        "service_desk": QCoreApplication.translate("texts", "Customer requests and their portal comments are synced."),
    }.get(option, "")


def kind_title(kind: ErrorKind | None) -> str:
    return {
        ErrorKind.AUTH: QCoreApplication.translate("texts", "The credential was not accepted"),
        ErrorKind.FORBIDDEN: QCoreApplication.translate("texts", "The account lacks a permission"),
        ErrorKind.NOT_FOUND: QCoreApplication.translate("texts", "Something in the address or scope was not found"),
        ErrorKind.NETWORK: QCoreApplication.translate("texts", "The instance could not be reached"),
        ErrorKind.TLS: QCoreApplication.translate("texts", "The secure connection could not be verified"),
        ErrorKind.RATE_LIMITED: QCoreApplication.translate("texts", "The tracker is limiting requests"),
        ErrorKind.UNEXPECTED_RESPONSE: QCoreApplication.translate("texts", "The tracker answered unexpectedly"),
        ErrorKind.CANCELLED: QCoreApplication.translate("texts", "Cancelled"),
        ErrorKind.BAD_INPUT: QCoreApplication.translate("texts", "Something in the form needs a fix"),
        ErrorKind.KEYCHAIN: QCoreApplication.translate("texts", "The keychain needs attention"),
    }.get(kind, QCoreApplication.translate("texts", "Verification could not finish"))


def write_failed(path, exc: OSError) -> Problem:
    return Problem(ErrorKind.BAD_INPUT,
                   QCoreApplication.translate("texts", "ExaDesk could not write its data file {path} ({error}).").format(path=path,
                                                                                           error=type(exc).__name__),
                   QCoreApplication.translate("texts", "Check that the disk is not full and that the folder can be written, then try again."),
                   reason="ui.write_failed")
