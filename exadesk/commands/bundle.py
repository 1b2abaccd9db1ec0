"""``exadesk export`` and ``exadesk import``: handover bundles of one workspace.

A passphrase is never taken on the command line: it comes from an environment
variable (``--passphrase-env VAR``) or an interactive prompt.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from exadesk.commands.output import write_output
from exadesk.foundation.errors import ExaDeskError
from exadesk.foundation.exit_codes import EXIT_USAGE
from exadesk.services import bundle
from exadesk.store.storage import Store


def add_parser(sub) -> None:
    exporter = sub.add_parser("export", help="export a workspace to one handover file (no secrets unless asked)")
    exporter.add_argument("--workspace", required=True, help="workspace name or id")
    exporter.add_argument("-o", "--output", required=True, help=f"the file to write (e.g. client{bundle.SUFFIX})")
    exporter.add_argument("--include-secrets", action="store_true",
                          help="also export the secrets, encrypted with a passphrase (AES-256-GCM, scrypt)")
    exporter.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from environment variable VAR "
                                                                  "(otherwise you are asked)")
    exporter.set_defaults(run=run_export)

    importer = sub.add_parser("import", help="import a handover file as a new workspace (shows what it adds first)")
    importer.add_argument("file")
    importer.add_argument("--dry-run", action="store_true", help="only show what would be added")
    importer.add_argument("--skip-secrets", action="store_true", help="import without the secrets in the file")
    importer.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from environment variable VAR")
    importer.add_argument("--as", dest="as_name", metavar="NAME", help="name of the new workspace")
    importer.set_defaults(run=run_import)


def _passphrase(args, confirm: bool) -> str | None:
    if args.passphrase_env:
        value = os.environ.get(args.passphrase_env)
        if value is None:
            print(f"exadesk: the environment variable {args.passphrase_env} is not set.", file=sys.stderr)
        return value
    if not sys.stdin.isatty():
        print("exadesk: a passphrase is needed; use --passphrase-env VAR when not at a terminal.", file=sys.stderr)
        return None
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        print("exadesk: the two passphrases differ.", file=sys.stderr)
        return None
    return first


def run_export(args) -> int:
    ws = Store().load().data.workspace(args.workspace)
    if ws is None:
        print(f"exadesk export: there is no workspace called {args.workspace!r}.", file=sys.stderr)
        return EXIT_USAGE
    passphrase = None
    if args.include_secrets:
        passphrase = _passphrase(args, confirm=True)
        if passphrase is None:
            return EXIT_USAGE
    try:
        data = bundle.export_workspace(ws, passphrase=passphrase)
    except ExaDeskError as exc:
        print(f"exadesk export: {exc.problem.text()}", file=sys.stderr)
        return EXIT_USAGE
    if not write_output(args.output, data, "export"):
        return EXIT_USAGE
    secrets = "with its secrets encrypted" if passphrase else "without secrets"
    print(f"Exported {ws.name} ({len(ws.instances)} instances) {secrets} to {args.output}.")
    return 0


def run_import(args) -> int:
    store = Store()
    try:
        found = bundle.read_bundle(Path(args.file))
        plan = bundle.plan_import(store.load().data, found, as_name=args.as_name, with_secrets=not args.skip_secrets)
        for line in plan.lines():
            print(line)
        if args.dry_run:
            print("Dry run: nothing was imported.")
            return 0
        passphrase = None
        if plan.secrets_included:
            passphrase = _passphrase(args, confirm=False)
            if passphrase is None:
                return EXIT_USAGE
        ws = bundle.apply_import(store, found, passphrase=passphrase, with_secrets=not args.skip_secrets,
                                 as_name=args.as_name)
    except ExaDeskError as exc:
        print(f"exadesk import: {exc.problem.text()}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Imported {ws.name}. Verify it with `exadesk check --all --workspace {ws.name!r}`.")
    return 0
