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


def run_interruptible(work, cancel, name: str, on_interrupt=None) -> None:
    """Run ``work`` in a thread so Ctrl+C sets ``cancel`` (and calls ``on_interrupt``) instead of killing it mid-write."""
    import threading

    worker = threading.Thread(target=work, name=name, daemon=True)
    worker.start()
    while worker.is_alive():
        try:
            worker.join(0.1)
        except KeyboardInterrupt:
            cancel.set()
            if on_interrupt is not None:
                on_interrupt()
