"""Printing reports for people and for scripts."""

from __future__ import annotations

import json
import sys

from exadesk.checks import Report, Status, fold_not_run, not_run_line
from exadesk.words import tracker_name

SYMBOLS = {Status.PASS: "PASS", Status.FAIL: "FAIL", Status.WARN: "WARN", Status.UNKNOWN: "????", Status.SKIPPED: "skip"}


def print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def print_report(report: Report, name: str = "") -> None:
    out = sys.stdout
    title = name or report.url
    verdict = "READY" if report.ready else ("NOT READY" if report.exit_code() == 1 else
                                            "INCOMPLETE" if report.exit_code() == 3 else "NOT CHECKED")
    out.write(f"{title} ({tracker_name(report.tracker)}): {verdict}\n")
    signed_in, proxy = report.accounts()
    if signed_in:
        out.write(f"  Signed in as: {signed_in}\n")
    if proxy and proxy != signed_in:
        out.write(f"  Proxy user checked: {proxy}\n")
    if report.problem:
        out.write(f"  {report.problem.message}\n")
        if report.problem.next_step:
            out.write(f"  Next: {report.problem.next_step}\n")
    shown, folded = fold_not_run(report.checks, report.problem.kind if report.problem else None)
    for check in shown:
        out.write(f"  [{SYMBOLS[check.status]}] {check.title}")
        if check.detail:
            out.write(f": {check.detail}")
        out.write("\n")
        if check.fix and check.status in (Status.FAIL, Status.WARN, Status.UNKNOWN):
            out.write(f"         Fix: {check.fix}\n")
    if folded:
        out.write(f"  {not_run_line(len(folded))}\n")
    out.write(f"  (Checked from {report.where}.)\n")


def run_interruptible(work, cancel, name: str, on_interrupt=None) -> bool:
    """Run ``work`` in a thread so Ctrl+C sets ``cancel`` (and calls ``on_interrupt``) instead of killing it mid-write.

    Returns False when ``work`` raised (the log has where). Ctrl+C is caught by a SIGINT handler rather than as a
    KeyboardInterrupt around ``Thread.join``: an interrupted join (Python 3.11) marks the worker finished while it
    still runs, so its results were dropped and the process then waited for it at exit.
    """
    import logging
    import signal
    import threading
    import traceback

    finished = threading.Event()
    failed = []

    def body() -> None:
        try:
            work()
        except Exception as exc:  # noqa: BLE001 - reported by the caller; the log keeps the type and the frames
            failed.append(exc)
            # Not log.exception: the exception's text may quote a secret; the frames do not.
            logging.getLogger(__name__).error("%s stopped on %s:\n%s", name, type(exc).__name__,
                                              "".join(traceback.format_tb(exc.__traceback__)).rstrip())
        finally:
            finished.set()

    def interrupted(signum, frame) -> None:
        if not cancel.is_set():
            cancel.set()
            if on_interrupt is not None:
                on_interrupt()

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, interrupted) if in_main else None
    try:
        threading.Thread(target=body, name=name, daemon=True).start()
        while not finished.wait(0.1):
            pass
    finally:
        if in_main:
            signal.signal(signal.SIGINT, previous)
    return not failed
