"""Verifying stored instances (``check --instance`` and ``check --all``)."""

from __future__ import annotations

import sys
import threading

from exadesk import engine, instances, messages
from exadesk.checks import Report
from exadesk.cli import EXIT_INCONCLUSIVE, EXIT_NOT_READY, EXIT_READY, EXIT_USAGE
from exadesk.commands.output import print_json, print_report
from exadesk.errors import ErrorKind
from exadesk.storage import Store


def _report_for_missing(instance, problem) -> Report:
    return Report(tracker=instance.tracker, url=instance.url, problem=problem)


def check_stored(args) -> int:
    store = Store()
    loaded = store.load()
    for warning in loaded.warnings:
        print(f"exadesk: {warning.text()}", file=sys.stderr)
    data = loaded.data
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
        chosen = [found]
    else:
        chosen = [(ws, inst) for ws in data.workspaces if not ws.archived
                  if not args.workspace or args.workspace.lower() in (ws.id, ws.name.lower())
                  for inst in ws.instances if args.force or instances.needs_verification(inst)]
    targets, reports = [], {}
    for ws, inst in chosen:
        target, problems = instances.target_for(inst, ws, settings=data.settings)
        if problems:
            reports[inst.id] = _report_for_missing(inst, problems[0])
        else:
            targets.append((inst.id, target))
    cancel = threading.Event()
    try:
        reports.update(engine.verify_many(targets, cancel=cancel))
    except KeyboardInterrupt:
        cancel.set()
    by_id = {inst.id: (ws, inst) for ws, inst in chosen}

    def save(d):
        for inst_id, report in reports.items():
            found = d.find_instance(inst_id)
            keychain_trouble = report.problem is not None and report.problem.kind is ErrorKind.KEYCHAIN
            if found and not keychain_trouble:  # nothing was asked of the tracker: keep its last result
                instances.record(found[1], report)

    store.update(save)
    ordered = [(by_id[k][1], reports[k]) for k in by_id if k in reports]
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
