"""Verifying stored instances (``check --instance`` and ``check --all``).

``--all`` runs :func:`exadesk.services.instances.verify_all` in a worker thread so that
Ctrl+C cancels cleanly: what finished is stored, the rest keeps its last result.
"""

from __future__ import annotations

import sys
import threading

from exadesk.commands.output import print_json, print_report, run_interruptible
from exadesk.foundation import messages, terminal
from exadesk.foundation.exit_codes import EXIT_INCONCLUSIVE, EXIT_NOT_READY, EXIT_READY, EXIT_USAGE
from exadesk.services import instances
from exadesk.store.storage import Store


def check_stored(args) -> int:
    store = Store()
    data = store.load().data  # an unreadable data file is reported by the command line itself
    if args.workspace and data.workspace(args.workspace) is None:
        print(f"exadesk: there is no workspace called {args.workspace!r}.", file=sys.stderr)
        return EXIT_USAGE
    if args.instance:
        found = data.find_instance(args.instance, args.workspace)
        if not found:
            problem = messages.problem("storage.unknown_instance", name=args.instance,
                                       where=f" in {args.workspace}" if args.workspace else "")
            print(f"exadesk: {problem.text()}", file=sys.stderr)
            return EXIT_USAGE
        if found[1].role == "admin":
            print(f"exadesk: {found[1].name} holds an administrator's own credential, not a proxy user's; "
                  "check it with `exadesk plan`.", file=sys.stderr)
            return EXIT_USAGE
        chosen = [found]
    else:
        chosen = instances.pending(data, workspace=args.workspace, force=args.force)

    cancel = threading.Event()
    show_progress = args.all and not args.json and sys.stderr.isatty()

    def progress(done: int, total: int, inst_id: str, report) -> None:
        if show_progress:
            terminal.write_control(f"\rVerified {done} of {total}…")  # its own carriage return, never a name's
            sys.stderr.flush()

    outcome: dict = {}

    def work() -> None:
        outcome["result"] = instances.verify_all(
            store, chosen=chosen, cancel=cancel, on_progress=progress,
            max_workers=getattr(args, "parallel", None) or instances.MAX_IN_FLIGHT,
            per_host=getattr(args, "per_host", None) or instances.PER_HOST)

    completed = run_interruptible(work, cancel, "verify-all",
                      on_interrupt=lambda: print("\nCancelling; finished results are kept…", file=sys.stderr))
    if show_progress:
        print(file=sys.stderr)
    result = outcome.get("result")
    if not completed or result is None:  # the worker raised: the log has where
        print("exadesk: verify-all stopped on an internal error; see the log.", file=sys.stderr)
        return EXIT_INCONCLUSIVE

    ordered = [(inst, result.reports[inst.id]) for _, inst in chosen if inst.id in result.reports]
    if args.json:
        items = []
        for inst, report in ordered:
            item = report.to_json()
            item["instance"] = inst.name
            items.append(item)
        print_json(items if args.all else items[0])
    else:
        if not ordered:
            print("Nothing to verify: every instance was verified recently (use --force to verify all).")
        for inst, report in ordered:
            print_report(report, inst.name)
        if args.all and ordered:
            counts = result.counts()
            print(f"{len(ordered)} verified: {counts['ready']} ready, {counts['not_ready']} not ready, "
                  f"{counts['inconclusive']} not confirmed, {counts['bad_input']} with input problems"
                  + (" (cancelled)" if result.cancelled else "") + ".")
    codes = [r.exit_code() for _, r in ordered]
    if not codes:
        return EXIT_READY
    if EXIT_USAGE in codes and len(codes) == 1:
        return EXIT_USAGE
    if EXIT_NOT_READY in codes:
        return EXIT_NOT_READY
    if EXIT_INCONCLUSIVE in codes or EXIT_USAGE in codes:
        return EXIT_INCONCLUSIVE
    return EXIT_READY
