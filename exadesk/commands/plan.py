"""``exadesk connect`` and ``exadesk plan``: connections and who may configure them."""

from __future__ import annotations

import sys
import threading

from exadesk.commands.output import HEADLINES, prefix, print_json
from exadesk.foundation.checks import Report, Status, Verdict
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.foundation.exit_codes import EXIT_USAGE
from exadesk.services import instances
from exadesk.services.planner import ADMIN_TYPES, admin_targets, plan_for
from exadesk.store.model import ConfigMode, Connection
from exadesk.store.storage import Store
from exadesk.verification import engine


def add_parser(sub) -> None:
    connect = sub.add_parser("connect", help="record a connection between two stored instances")
    connect.add_argument("--workspace", required=True)
    connect.add_argument("--name", required=True, help="a name for the connection")
    connect.add_argument("--left", required=True, help="instance name of one side")
    connect.add_argument("--right", required=True, help="instance name of the other side")
    connect.add_argument("--mode", choices=[m.value for m in ConfigMode], default="scripted")
    for side in ("left", "right"):
        connect.add_argument(f"--{side}-admin", help=f"stored instance holding the {side} side's admin credential")
        connect.add_argument(f"--{side}-admin-kind", choices=list(ADMIN_TYPES), default="system",
                             help="system (local admin), project (Jira Cloud, Basic) or delegated")
    connect.set_defaults(run=run_connect)

    plan = sub.add_parser("plan", help="the admin access plan of a connection, checked live",
                          description="Exit codes as for `check`: 0 ready, 1 not ready, 2 usage, 3 inconclusive.")
    plan.add_argument("--workspace", required=True)
    plan.add_argument("--connection", required=True)
    plan.add_argument("--offline", action="store_true",
                      help="show the plan with the last stored admin checks, without sending anything")
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(run=run_plan)


def _fail(message: str) -> int:
    print(f"exadesk: {message}", file=sys.stderr)
    return EXIT_USAGE


def run_connect(args) -> int:
    store = Store()
    data = store.load().data
    ws = data.workspace(args.workspace)
    if ws is None:
        return _fail(f"there is no workspace called {args.workspace!r}.")
    ids = {}
    for label in ("left", "right", "left_admin", "right_admin"):
        name = getattr(args, label)
        if name is None:
            continue
        inst = ws.instance(name)
        if inst is None:
            return _fail(f"{ws.name} has no instance called {name!r} (see `exadesk list`).")
        ids[label] = inst.id
    if ids["left"] == ids["right"]:
        return _fail("a connection joins two different instances.")
    for side in ("left", "right"):
        admin, inst = ws.instance(ids.get(f"{side}_admin", "")), ws.instance(ids[side])
        if admin is not None and admin.tracker != inst.tracker:
            return _fail(f"{admin.name} is a {admin.tracker} credential, but {inst.name} is {inst.tracker}.")
    connection = Connection(name=args.name, left=ids["left"], right=ids["right"], mode=ConfigMode(args.mode))
    for side in ("left", "right"):
        if f"{side}_admin" in ids:
            connection.admins[ids[side]] = ids[f"{side}_admin"]
        connection.admin_kinds[ids[side]] = getattr(args, f"{side}_admin_kind")

    def change(d):
        target = d.workspace(ws.id)
        target.connections = [c for c in target.connections if c.name.lower() != args.name.lower()]
        target.connections.append(connection)

    store.update(change)
    print(f"Recorded connection {args.name} ({args.mode}). See the plan with "
          f"`exadesk plan --workspace {ws.name!r} --connection {args.name!r}`.")
    return 0


def check_admins(ws, connection: Connection, *, settings=None, secrets=None,
                 cancel: threading.Event | None = None, on_result=None) -> dict[str, Report]:
    """Verify each side's admin credential (``engine.verify_admin``); side instance id -> report.

    Sides without an admin credential get no report. The GUI starts one worker run per target instead.
    """
    cancel = cancel or threading.Event()
    reports: dict[str, Report] = {}
    for side_id, (admin, target) in admin_targets(ws, connection, settings=settings, secrets=secrets).items():
        if cancel.is_set():
            break
        if isinstance(target, Problem):
            reports[side_id] = Report(tracker=admin.tracker, url=admin.url, problem=target)
        else:
            reports[side_id] = engine.verify_admin(target, cancel=cancel, on_result=on_result)
    return reports


def run_plan(args) -> int:
    store = Store()
    data = store.load().data
    ws = data.workspace(args.workspace)
    if ws is None:
        return _fail(f"there is no workspace called {args.workspace!r}.")
    connection = next((c for c in ws.connections if c.name.lower() == args.connection.lower()), None)
    if connection is None:
        return _fail(f"{ws.name} has no connection called {args.connection!r}.")
    reports = None  # offline: the last stored admin checks
    if not args.offline:
        reports = check_admins(ws, connection, settings=data.settings)
        checked = {connection.admins[side]: report for side, report in reports.items()
                   if report.problem is None or report.problem.kind not in (ErrorKind.KEYCHAIN, ErrorKind.CANCELLED)}

        def save(d) -> None:
            for admin_id, report in checked.items():
                found = d.find_instance(admin_id)
                if found:
                    instances.record(found[1], report)

        store.update(save)
    plan = plan_for(ws, connection, reports)
    if args.json:
        print_json(plan.to_json())
    else:
        verdict = {0: Verdict.READY, 1: Verdict.NOT_READY}.get(plan.exit_code(), Verdict.NOT_CONFIRMED)
        print(f"Connection {plan.connection} ({plan.mode.value}): {HEADLINES[verdict]}")
        for item in plan.items:
            print(f"{prefix(item)}{item.side}: {item.title}")
            if item.detail:
                print(f"{prefix()}{item.detail}")
            if item.fix and item.status is not Status.PASS:
                print(f"{prefix()}Fix: {item.fix}")
        for problem in plan.problems:
            print(f"  {problem.text()}")
        print()
        print(plan.why_admin)
    return plan.exit_code()
