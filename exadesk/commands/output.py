"""Printing reports for people and for scripts."""

from __future__ import annotations

import argparse
import json
import sys

from exadesk.foundation.checks import CheckResult, Report, Status, Verdict, fold_not_run, not_run_line
from exadesk.verification.registry import tracker_name

#: The word in brackets before each check; an unknown says which kind it is.
WORDS = {Status.PASS: "PASS", Status.FAIL: "FAIL", Status.WARN: "WARN", Status.SKIPPED: "SKIPPED"}
MANUAL_WORD, NOT_CONFIRMED_WORD = "MANUAL", "NOT CONFIRMED"
_WIDTH = max(len(w) for w in (*WORDS.values(), MANUAL_WORD, NOT_CONFIRMED_WORD)) + 3  # brackets and a space

#: The headline of each verdict.
HEADLINES = {Verdict.READY: "READY", Verdict.NOT_READY: "NOT READY", Verdict.NOT_CONFIRMED: "NOT CONFIRMED",
             Verdict.NOT_CHECKED: "NOT CHECKED"}


def word(check: CheckResult) -> str:
    """``[PASS]``, ``[FAIL]``, ``[WARN]``, ``[SKIPPED]``, ``[MANUAL]`` or ``[NOT CONFIRMED]`` (anything with a
    status and a manual flag: a check result or a plan item)."""
    if check.status is Status.UNKNOWN:
        return f"[{MANUAL_WORD if getattr(check, 'manual', False) else NOT_CONFIRMED_WORD}]"
    return f"[{WORDS[check.status]}]"


def prefix(check=None) -> str:
    """The word padded so titles line up; without a check, the indent of a following line."""
    return f"  {word(check) if check is not None else '':<{_WIDTH}}"


def print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def print_report(report: Report, name: str = "") -> None:
    out = sys.stdout
    title = name or report.url
    verdict = report.verdict
    out.write(f"{title} ({tracker_name(report.tracker)}): {HEADLINES[verdict]}\n")
    signed_in, proxy = report.accounts()
    if signed_in:
        out.write(f"  Signed in as: {signed_in}\n")
    if proxy and proxy != signed_in:
        out.write(f"  Proxy user checked: {proxy}\n")
    if report.problem:
        out.write(f"  {report.problem.message}\n")
        if report.problem.next_step:
            out.write(f"  Next: {report.problem.next_step}\n")
    kind = report.problem.kind if report.problem else None
    shown, folded = fold_not_run(report.checks, kind)
    for check in shown:
        out.write(f"{prefix(check)}{check.title}")
        if check.detail:
            out.write(f": {check.detail}")
        out.write("\n")
        if check.fix and check.status in (Status.FAIL, Status.WARN, Status.UNKNOWN):
            out.write(f"{prefix()}Fix: {check.fix}\n")
    undecided, by_hand = report.not_confirmed, report.to_confirm_by_hand
    if folded:
        out.write(f"  {not_run_line(len(folded), kind)}\n")  # sign-in failed or cancelled: the one thing to do
    elif verdict is Verdict.NOT_CONFIRMED and undecided:
        out.write(f"  Not confirmed by this run: {', '.join(c.title for c in undecided)}.\n")
    if by_hand and verdict in (Verdict.READY, Verdict.NOT_CONFIRMED):
        out.write(f"  Still to confirm by hand: {', '.join(c.title for c in by_hand)}.\n")
    out.write(f"  (Checked from {report.where}.)\n")


def write_output(path, data: bytes, command: str, mode: int = 0o600) -> bool:
    """Write a file the person named (``-o``); on failure say why in words (a folder, no permission) and return
    False."""
    import errno
    from pathlib import Path

    from exadesk.foundation import messages
    from exadesk.store.storage import write_atomic

    path = Path(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        write_atomic(path, data, mode=mode)
    except OSError as exc:
        why = {errno.EISDIR: "it is a folder", errno.EACCES: "there is no permission to write there",
               errno.EPERM: "there is no permission to write there", errno.ENOENT: "its folder does not exist",
               errno.ENOTDIR: "a part of the path is a file, not a folder", errno.EROFS: "the disk is read-only",
               errno.ENOSPC: "the disk is full"}.get(exc.errno, exc.strerror or type(exc).__name__)
        print(f"exadesk {command}: {messages.problem('output.unwritable', path=str(path), why=why).text()}",
              file=sys.stderr)
        return False
    return True


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


def seconds(text: str) -> float:
    """An argparse type for ``--timeout``: a finite number of seconds above 0 (refused in words otherwise)."""
    from exadesk.verification.engine import timeout_problem

    try:
        value = float(text)
    except ValueError:
        value = text
    problem = timeout_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem.text())
    return value
