"""``exadesk fix``: apply, with an administrator's consent and credential, the grants failing checks need.

Without ``--apply`` it only shows the plan (verification only reads; planning reads the current state with GETs).
Exit codes: 0 nothing left to fix (or the change went through and the check passes), 1 changes are planned or a
change was refused, 2 usage, 3 the verification could not decide.
"""

from __future__ import annotations

import sys

from exadesk.commands.output import print_json
from exadesk.foundation import messages
from exadesk.foundation.errors import ExaDeskError
from exadesk.foundation.exit_codes import EXIT_NOT_READY, EXIT_USAGE
from exadesk.foundation.messages import FIX_WORDS as WORDS
from exadesk.services import fixes
from exadesk.store.storage import Store
from exadesk.verification import registry


def add_parser(sub) -> None:
    fix = sub.add_parser("fix", help="show, apply or undo the changes that make failing checks pass",
                         description="Shows the plan: each change in words, the exact request, its undo and what "
                                     "else it touches. --apply makes the changes with the workspace's admin "
                                     "credential for that tracker after a y/N question; --undo RUN reverses a run.")
    fix.add_argument("--instance", required=True, help="the stored instance whose failing checks to fix")
    fix.add_argument("--workspace", help="the workspace holding it (when the name is in several)")
    fix.add_argument("--check", dest="checks", action="append", default=[], metavar="CHECK_ID",
                     help="plan only the fix of this failing check (its id, e.g. jira_cloud.jira-software-users, as "
                          "`exadesk check --json` lists them; repeatable)")
    action = fix.add_mutually_exclusive_group()
    action.add_argument("--apply", action="store_true", help="make the changes (asks y/N first)")
    action.add_argument("--undo", metavar="RUN", help="reverse the changes of a fix run, newest first")
    action.add_argument("--history", action="store_true", help="list the fix runs recorded in the workspace")
    fix.add_argument("--yes", action="store_true", help="do not ask before applying or undoing (automation)")
    fix.add_argument("--json", action="store_true")
    fix.set_defaults(run=run)


def _fail(problem) -> int:
    print(f"exadesk fix: {problem.text()}", file=sys.stderr)
    return EXIT_USAGE


def run(args) -> int:
    store = Store()
    data = store.load().data
    found = data.find_instance(args.instance, args.workspace)
    if found is None:
        where = f" in {args.workspace}" if args.workspace else ""
        return _fail(messages.problem("storage.unknown_instance", name=args.instance, where=where))
    ws, instance = found
    if args.checks and (args.undo or args.history):
        return _fail(messages.problem("fix.check_not_here", option="--undo" if args.undo else "--history"))
    try:
        if args.history:
            return _history(ws, args)
        if args.undo:
            return _undo(store, ws, instance, args, data.settings)
        only = _chosen(instance, args.checks)
        plan = fixes.plan(ws, instance, settings=data.settings, only=only)
    except ExaDeskError as exc:
        return _fail(exc.problem)
    if plan.before.problem is not None:
        return _fail(plan.before.problem)
    if only is not None and (unfixable := _unfixable(plan, only)) is not None:
        return _fail(unfixable)
    if not args.apply or not plan.to_apply:
        if args.json:
            print_json(plan.to_json())
        else:
            _print_plan(plan)
            if plan.to_apply:
                print(WORDS["to_apply"].format(instance=instance.name,
                                               checks="".join(f" --check {c}" for c in only or ())))
        return EXIT_NOT_READY if plan.to_apply else 0
    if not args.json:
        _print_plan(plan)
    question = WORDS["confirm"].format(changes=messages.counted("change", len(plan.to_apply)),
                                       tracker=registry.tracker_name(instance.tracker), admin=plan.admin_user)
    if not args.yes and not _confirm(question):
        print(WORDS["declined"])
        return EXIT_NOT_READY
    outcome = fixes.apply(store, plan, settings=data.settings)
    return _print_outcome(outcome, instance, args, undo=False)


def _chosen(instance, checks: list[str]) -> list[str] | None:
    """The check ids ``--check`` named, in full (a requirement key alone gets the tracker's prefix); None: all."""
    if not checks:
        return None
    prefix = f"{instance.tracker}."
    return list(dict.fromkeys(c if c.startswith(prefix) else prefix + c for c in checks))


def _unfixable(plan: fixes.FixPlan, only: list[str]):
    """The usage problem naming the checks ``--check`` asked for that are not failing with a fix in the fresh
    verification (unknown, passing, or without a fix), and the ones that are; None when all are."""
    fixable = fixes.fixable_in(plan.instance.tracker, plan.before.checks)
    wrong = [c for c in only if c not in fixable]
    if not wrong:
        return None
    return messages.problem("fix.not_fixable", checks=", ".join(wrong), instance=plan.instance.name,
                            fixable=", ".join(fixable) or WORDS["none_fixable"])


def _undo(store, ws, instance, args, settings) -> int:
    run = next((r for r in ws.fix_runs if r.id == args.undo), None)
    if run is not None and not args.yes and not args.json:
        for line in fixes.undo_preview(run):
            print(f"  - {line}")
        if not _confirm(WORDS["confirm"].format(changes=messages.counted("change", len(fixes.to_undo(run))),
                                                tracker=registry.tracker_name(instance.tracker), admin=run.by)):
            print(WORDS["declined"])
            return EXIT_NOT_READY
    outcome = fixes.undo(store, ws, args.undo, settings=settings)
    return _print_outcome(outcome, instance, args, undo=True)


def _confirm(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _print_plan(plan: fixes.FixPlan) -> None:
    if not plan.to_apply and not plan.by_hand:
        print(WORDS["nothing"].format(instance=plan.instance.name))
        return
    print(WORDS["heading"].format(instance=plan.instance.name, admin=plan.admin_user))
    for change in plan.changes:
        shown = change.to_json()
        if change.done:
            print(f"  - {change.words}: {WORDS['already']}")
            continue
        print(f"  - {change.words}")
        print(f"      {WORDS['request']}: {shown['request']}")
        print(f"      {WORDS['undo']}: {shown['undo']}" if shown["undo"] else
              f"      {WORDS['no_undo'].format(why=change.no_inverse)}")
        for touched in change.touches:
            print(f"      {WORDS['touches']}: {touched}")
        print(f"      {WORDS['reference']}: {change.reference}")
    if plan.by_hand:
        print(WORDS["by_hand"])
        for title, why in plan.by_hand:
            print(f"  - {title}: {why}")


def _print_outcome(outcome: fixes.Outcome, instance, args, *, undo: bool) -> int:
    if args.json:
        print_json(outcome.to_json())
    else:
        if outcome.run is not None and outcome.applied:
            key = "undone" if undo else "applied"
            print(WORDS[key].format(changes=messages.counted("change", len(outcome.applied)), run=outcome.run.id,
                                    instance=instance.name))
        elif not undo:
            print(WORDS["none_applied"])
        if outcome.refused is not None:
            print(outcome.refused.text())
        if outcome.after is not None:
            print(WORDS["before_after"])
            before = {c.id: c for c in outcome.before.checks}
            for check in outcome.after.checks:
                was = before.get(check.id)
                if was is not None and was.status is not check.status:
                    print(f"  {check.title}: {was.status.value} -> {check.status.value}")
    if outcome.refused is not None:
        return EXIT_NOT_READY
    return outcome.after.exit_code() if outcome.after is not None else 0


def _history(ws, args) -> int:
    if args.json:
        print_json({"workspace": ws.name, "runs": [r.to_json() for r in ws.fix_runs]})
        return 0
    if not ws.fix_runs:
        print(WORDS["no_history"].format(workspace=ws.name))
        return 0
    print(WORDS["history"].format(workspace=ws.name))
    for run in ws.fix_runs:
        print(f"  {run.id}  {run.at:%Y-%m-%d %H:%M} UTC  {run.by}")
        for entry in run.changes:
            state = f" (undone {entry['undone_at'][:16]})" if entry.get("undone_at") else ""
            print(f"    - {entry['words']}: {entry['answer']}{state}")
    return 0
