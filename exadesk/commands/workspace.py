"""``exadesk list``, ``exadesk add`` and ``exadesk remove``: stored workspaces and instances."""

from __future__ import annotations

import sys

from exadesk import engine, instances
from exadesk.cli import EXIT_USAGE
from exadesk.commands.check import _usage, build_target
from exadesk.commands.output import print_json
from exadesk.errors import KeychainError
from exadesk.keychain import SecretStore
from exadesk.model import Instance, InstanceState, Workspace
from exadesk.storage import Store
from exadesk.words import state_label, tracker_name


def add_parser(sub) -> None:
    lister = sub.add_parser("list", help="list workspaces and their instances")
    lister.add_argument("--workspace", help="only this workspace")
    lister.add_argument("--json", action="store_true")
    lister.set_defaults(run=run_list)

    adder = sub.add_parser("add", help="store an instance (secrets go to the keychain); nothing is sent")
    adder.add_argument("tracker")
    adder.add_argument("--name", required=True, help="a name for the instance")
    adder.add_argument("--workspace", default="My instances", help="workspace (created if missing)")
    for flag in ("--url", "--auth", "--user", "--ca-bundle", "--person"):
        adder.add_argument(flag)
    adder.add_argument("--field", action="append", default=[])
    adder.add_argument("--secret-env", action="append", default=[])
    adder.add_argument("--secret-stdin", nargs="?", const="")
    adder.add_argument("--project", action="append", default=[],
                       help="a project / repository / table in scope; repeat it or give a comma list (SUP,OPS)")
    adder.add_argument("--sync", action="append", default=[], help="what is synced, repeated or as a comma list")
    adder.add_argument("--timeout", type=float, default=20.0)
    adder.add_argument("--json", action="store_true")
    adder.add_argument("--role", choices=("proxy", "admin"), default="proxy",
                       help="admin: an administrator's own credential for `exadesk plan`, not verified as a proxy user")
    adder.set_defaults(run=run_add)

    remover = sub.add_parser("remove", help="remove a stored instance and its keychain entries")
    remover.add_argument("instance")
    remover.add_argument("--workspace")
    remover.set_defaults(run=run_remove)


def run_list(args) -> int:
    loaded = Store().load()
    for warning in loaded.warnings:
        print(f"exadesk: {warning.text()}", file=sys.stderr)
    spaces = [w for w in loaded.data.workspaces
              if not args.workspace or args.workspace.lower() in (w.id, w.name.lower())]
    if args.json:
        print_json([{"workspace": w.name, "archived": w.archived, "instances": [
            {"name": i.name, "tracker": i.tracker, "url": i.url, "state": i.state.value,
             "proxy_user": i.proxy_user, "role": i.role, "last_verified": i.last.at.isoformat() if i.last else None}
            for i in w.instances]} for w in spaces])
        return 0
    if not spaces:
        print("No workspaces yet. Add an instance with `exadesk add`, or open the app.")
    for w in spaces:
        print(f"{w.name}{' (archived)' if w.archived else ''}")
        for i in w.instances:
            when = i.last.at.strftime("%Y-%m-%d %H:%M") if i.last else "never verified"
            role = "  (admin credential)" if i.role == "admin" else ""
            print(f"  {i.name:24} {tracker_name(i.tracker):24} {state_label(i.state):17} {when}{role}")
    return 0


def run_add(args) -> int:
    args.json = getattr(args, "json", False)
    target = build_target(args)
    if isinstance(target, str):
        return _usage(args, target)
    report = engine.validate(target)
    if report.problem is not None:
        print(f"exadesk add: {report.problem.text()}", file=sys.stderr)
        return EXIT_USAGE
    instance = Instance(tracker=target.tracker, name=args.name, url=target.url, auth_method=target.auth_method,
                        values=dict(target.values), secret_fields=target.secrets.names(), sync=sorted(target.sync),
                        scope=list(target.scope), ca_bundle=target.ca_bundle, state=InstanceState.PREPARED_OFFLINE,
                        role=getattr(args, "role", "proxy"))
    secrets = SecretStore()
    try:
        for name in target.secrets.names():
            secrets.set(instance.id, name, target.secrets.get(name))
    except KeychainError as exc:
        print(f"exadesk add: {exc.problem.text()}", file=sys.stderr)
        return EXIT_USAGE

    def change(data):
        ws = data.workspace(args.workspace)
        if ws is None:
            ws = Workspace(name=args.workspace, person=args.person or "")
            data.workspaces.append(ws)
        if ws.instance(args.name):
            raise _Duplicate()
        ws.instances.append(instance)

    try:
        Store().update(change)
    except _Duplicate:
        secrets.delete(instance.id, target.secrets.names())
        print(f"exadesk add: {args.workspace} already has an instance called {args.name!r}.", file=sys.stderr)
        return EXIT_USAGE
    if instance.role == "admin":
        print(f"Stored the admin credential {args.name} ({tracker_name(target.tracker)}) in {args.workspace}; "
              f"name it in "
              f"`exadesk connect --left-admin/--right-admin` and check it with `exadesk plan`.")
    else:
        print(f"Stored {args.name} ({tracker_name(target.tracker)}) in {args.workspace}; verify it with "
              f"`exadesk check --instance {args.name!r}`.")
    return 0


class _Duplicate(Exception):
    pass


def run_remove(args) -> int:
    store = Store()
    found = store.load().data.find_instance(args.instance, args.workspace)
    if not found:
        print(f"exadesk remove: there is no instance called {args.instance!r}.", file=sys.stderr)
        return EXIT_USAGE
    ws, inst = found
    try:
        instances.forget_secrets(inst)
    except KeychainError as exc:
        print(f"exadesk remove: {exc.problem.text()}", file=sys.stderr)
        return EXIT_USAGE
    store.update(lambda d: [w.instances.remove(i) for w in d.workspaces for i in list(w.instances) if i.id == inst.id])
    print(f"Removed {inst.name} and its keychain entries.")
    return 0
