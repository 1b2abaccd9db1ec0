"""``exadesk workspace`` (create, rename, archive, search), ``exadesk expiring`` and ``exadesk history``."""

from __future__ import annotations

import sys
from datetime import datetime, timezone

from exadesk.commands.output import print_json
from exadesk.foundation.exit_codes import EXIT_USAGE
from exadesk.foundation.words import state_label
from exadesk.services import expiry, instances
from exadesk.store import history
from exadesk.store.storage import Store
from exadesk.verification.registry import tracker_name


def add_parser(sub) -> None:
    ws = sub.add_parser("workspace", help="create, rename, archive or search workspaces")
    actions = ws.add_subparsers(dest="action", metavar="ACTION")
    create = actions.add_parser("create", help="add an empty workspace")
    create.add_argument("name")
    create.add_argument("--person", default="", help="your name, email or login (warns when it is the proxy user)")
    create.add_argument("--notes", default="")
    create.set_defaults(run=run_create)
    rename = actions.add_parser("rename", help="rename a workspace")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(run=run_rename)
    archive = actions.add_parser("archive", help="archive a workspace (kept, but left out of verify-all and warnings)")
    archive.add_argument("name")
    archive.add_argument("--restore", action="store_true", help="bring an archived workspace back")
    archive.set_defaults(run=run_archive)
    search = actions.add_parser("search", help="find workspaces and instances by words")
    search.add_argument("text")
    search.add_argument("--archived", action="store_true", help="search archived workspaces too")
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=run_search)
    ws.set_defaults(run=lambda args: (ws.print_help(), EXIT_USAGE)[1])

    exp = sub.add_parser("expiring", help="credentials that expire within the next days (30 by default)")
    exp.add_argument("--days", type=int, default=expiry.WINDOW_DAYS)
    exp.add_argument("--json", action="store_true")
    exp.add_argument("--set", metavar="INSTANCE=YYYY-MM-DD",
                     help="enter an expiry date the tracker does not report (a date the tracker reports wins later)")
    exp.add_argument("--clear", metavar="INSTANCE", help="forget an instance's expiry date")
    exp.add_argument("--workspace", help="the workspace of --set/--clear")
    exp.set_defaults(run=run_expiring)

    hist = sub.add_parser("history", help="an instance's stored results and what changed")
    hist.add_argument("instance")
    hist.add_argument("--workspace")
    hist.add_argument("--json", action="store_true")
    hist.set_defaults(run=run_history)


def _change(args, action, done: str) -> int:
    holder = {}

    def change(data):
        holder["ws"] = action(data)

    try:
        Store().update(change)
    except ValueError as exc:
        print(f"exadesk workspace: {exc}.", file=sys.stderr)
        return EXIT_USAGE
    print(done.format(name=holder["ws"].name))
    return 0


def run_create(args) -> int:
    return _change(args, lambda d: instances.create_workspace(d, args.name, person=args.person, notes=args.notes),
                   "Created workspace {name}.")


def run_rename(args) -> int:
    return _change(args, lambda d: instances.rename_workspace(d, args.name, args.new_name), "Renamed to {name}.")


def run_archive(args) -> int:
    return _change(args, lambda d: instances.archive_workspace(d, args.name, not args.restore),
                   "Restored {name}." if args.restore else "Archived {name}.")


def run_search(args) -> int:
    found = instances.search(Store().load().data, args.text, include_archived=args.archived)
    if args.json:
        print_json([{"workspace": ws.name, "archived": ws.archived,
                     "instances": [{"name": i.name, "tracker": i.tracker, "url": i.url, "state": i.state.value}
                                   for i in hits]} for ws, hits in found])
        return 0
    if not found:
        print(f"Nothing matches {args.text!r}.")
    for ws, hits in found:
        print(f"{ws.name}{' (archived)' if ws.archived else ''}")
        for i in hits:
            print(f"  {i.name:24} {tracker_name(i.tracker):24} {state_label(i.state):17} {i.url}")
    return 0


def _set_expiry(args) -> int:
    name, sep, when = (args.set or "").partition("=")
    if args.clear:
        name, when, sep = args.clear, None, "="
    try:
        parsed = datetime.strptime(when.strip(), "%Y-%m-%d").replace(hour=23, minute=59, tzinfo=timezone.utc) \
            if when is not None else None
    except ValueError:
        sep = ""
    if not sep or not name:
        print("exadesk expiring: use --set INSTANCE=YYYY-MM-DD, for example --set 'Jira prod=2026-12-31'.",
              file=sys.stderr)
        return EXIT_USAGE
    found = {}

    def change(data):
        hit = data.find_instance(name, args.workspace)
        if hit:
            expiry.set_expiry(hit[1], parsed)
            found["instance"] = hit[1]

    Store().update(change)
    if not found:
        print(f"exadesk expiring: there is no instance called {name!r}.", file=sys.stderr)
        return EXIT_USAGE
    print(f"{found['instance'].name}: expiry " + (f"set to {parsed:%d %b %Y}." if parsed else "cleared."))
    return 0


def run_expiring(args) -> int:
    if args.set or args.clear:
        return _set_expiry(args)
    items = expiry.expiring(Store().load().data, days=args.days)
    if args.json:
        print_json([e.to_json() for e in items])
        return 0
    if not items:
        print(f"No credential expires within {args.days} days (only dates the tracker reported or you entered "
              "are known).")
    for e in items:
        print(e.sentence())
    return 0


def run_history(args) -> int:
    found = Store().load().data.find_instance(args.instance, args.workspace)
    if not found:
        print(f"exadesk history: there is no instance called {args.instance!r}.", file=sys.stderr)
        return EXIT_USAGE
    inst = found[1]
    rows, changes = history.timeline(inst), history.drift(inst)
    if args.json:
        print_json({"instance": inst.name, "changes": changes,
                    "runs": [{**r, "at": r["at"].isoformat()} for r in rows]})
        return 0
    print(f"{inst.name} ({tracker_name(inst.tracker)})")
    print("Changes:" if changes else "No change between the stored results.")
    for sentence in changes:
        print(f"  {sentence}")
    for r in rows:
        print(f"  {r['at']:%Y-%m-%d %H:%M}  {history.verdict_line(r)}")
    return 0
