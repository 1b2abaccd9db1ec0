"""``exadesk list``, ``exadesk add`` and ``exadesk remove``: stored workspaces and instances."""

from __future__ import annotations

import shlex
import sys

from exadesk.commands.check import _usage, build_target
from exadesk.commands.output import print_json, seconds
from exadesk.foundation import messages, validation
from exadesk.foundation.checks import Status
from exadesk.foundation.errors import KeychainError
from exadesk.foundation.exit_codes import EXIT_USAGE
from exadesk.foundation.words import state_label
from exadesk.services import instances
from exadesk.store import recovery
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Instance, InstanceState, Workspace
from exadesk.store.storage import Store
from exadesk.verification import engine, registry
from exadesk.verification.registry import tracker_name


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
    adder.add_argument("--timeout", type=seconds, default=20.0)
    adder.add_argument("--json", action="store_true")
    adder.add_argument("--without-secret", action="store_true",
                       help="keep the instance without its secret (prepared offline), e.g. when no keychain works "
                            "here; enter the secret later")
    adder.add_argument("--role", choices=("proxy", "admin"), default="proxy",
                       help="admin: an administrator's own credential for `exadesk plan`, not verified as a proxy user")
    adder.set_defaults(run=run_add)

    remover = sub.add_parser("remove", help="remove a stored instance and its keychain entries")
    remover.add_argument("instance")
    remover.add_argument("--workspace")
    remover.add_argument("--force", action="store_true",
                         help="remove it even when a connection uses it (the connection then misses that side)")
    remover.set_defaults(run=run_remove)


def run_list(args) -> int:
    loaded = Store().load()  # an unreadable data file is reported by the command line itself
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
    for what, name in (("The instance name", args.name), ("The workspace name", args.workspace)):
        problem = validation.name_problem(name, what)
        if problem is not None:
            print(f"exadesk add: {problem.text()}", file=sys.stderr)
            return EXIT_USAGE
    target = build_target(args)
    if isinstance(target, str):
        return _usage(args, target)
    target = engine.site_target(target)  # a page address pasted from the browser is stored as the site
    without_secret = getattr(args, "without_secret", False)
    # Storing asks no scope yet (it may be known only later); checking the stored instance asks for it.
    report = engine.validate(target, purpose="admin" if getattr(args, "role", "proxy") == "admin" else "prepare")
    method = registry.get(target.tracker).spec.auth_method(target.auth_method)
    missing_secrets = {f"{target.tracker}.field.{f.name}" for f in method.secret_fields if not target.secrets.get(f.name)}
    bad = [c for c in report.checks if c.status is Status.FAIL
           and not (without_secret and c.id in missing_secrets)]  # --without-secret: no secret is fine
    # A problem not from a failing field (a timeout, a secret that is not text, the CA file) always stops here.
    if report.problem is not None and (bad or report.problem.reason != "input.field"):
        print(f"exadesk add: {report.problem.text()}", file=sys.stderr)
        return EXIT_USAGE
    secret_fields = [f.name for f in method.secret_fields if target.secrets.get(f.name) or without_secret]
    instance = Instance(tracker=target.tracker, name=args.name, url=target.url, auth_method=target.auth_method,
                        values=dict(target.values), secret_fields=secret_fields, sync=sorted(target.sync),
                        scope=list(target.scope), ca_bundle=target.ca_bundle, state=InstanceState.PREPARED_OFFLINE,
                        role=getattr(args, "role", "proxy"))

    def change(data):
        ws = data.workspace(args.workspace)
        if ws is None:
            ws = Workspace(name=" ".join(args.workspace.split()), person=args.person or "")
            data.workspaces.append(ws)
        if ws.instance(args.name):
            raise _Duplicate()
        ws.instances.append(instance)

    values = {} if without_secret else {name: target.secrets.get(name) for name in target.secrets.names()}
    try:
        recovery.add_with_secrets(Store(), SecretStore() if values else None, instance.id, values, change)
    except KeychainError as exc:
        nothing = messages.problem("keychain.nothing_saved")
        print(f"exadesk add: {exc.problem.text()}\n{nothing.message} To keep {args.name} without its secret "
              "(prepared offline), run the same command with --without-secret, and enter the secret once a keychain "
              "works.", file=sys.stderr)
        return EXIT_USAGE
    except _Duplicate:
        print(f"exadesk add: {args.workspace} already has an instance called {args.name!r}.", file=sys.stderr)
        return EXIT_USAGE
    if instance.role == "admin":
        print(f"Stored the admin credential {args.name} ({tracker_name(target.tracker)}) in {args.workspace}; "
              f"name it in "
              f"`exadesk connect --left-admin/--right-admin` and check it with `exadesk plan`.")
    elif without_secret:
        print(f"Stored {args.name} ({target.tracker}) in {args.workspace} without its secret (prepared offline); "
              "nothing secret was kept. Once a keychain works, enter the secret in the app (Replace secret) and "
              "verify it.")
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
    used_by = [c.name for c in instances.connections_using(ws, inst.id)]
    if used_by and not args.force:
        print(f"exadesk remove: {instances.removal_warning(ws, inst)} Nothing was removed. Add --force to remove "
              f"{inst.name} anyway, or first choose another instance for the connection (`exadesk connect` with the "
              "same --name).", file=sys.stderr)
        return EXIT_USAGE
    try:
        # The data file first, then the keychain: a crash in between leaves secrets the next start removes,
        # never an instance without its secret.
        instances.remove_with_secrets(
            store, SecretStore() if instances.keychain_fields(inst) else None, inst,
            lambda d: [w.instances.remove(i) for w in d.workspaces for i in list(w.instances) if i.id == inst.id])
    except KeychainError as exc:
        problem = messages.problem("keychain.removal_pending", instance=inst.name, error=exc.problem.message)
        print(f"exadesk remove: {problem.text()}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Removed {inst.name} and its keychain entries.")
    for name in used_by:
        print(f"The connection {name!r} used {inst.name}; see what it needs now with "
              f"`exadesk plan --workspace {shlex.quote(ws.name)} --connection {shlex.quote(name)}`.")
    return 0
