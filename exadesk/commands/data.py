"""``exadesk data``: the person's choice when the data file cannot be read (or is from a newer ExaDesk).

While the file is unreadable every command says so and every write is refused, so nothing replaces
it by accident. ``restore FILE`` puts back a good copy; ``start-empty`` starts with an empty list.
Either way the unreadable file stays kept beside the new one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from exadesk.foundation import messages
from exadesk.foundation.errors import StorageError
from exadesk.foundation.exit_codes import EXIT_USAGE
from exadesk.store.storage import Store


def add_parser(sub) -> None:
    data = sub.add_parser("data", help="what to do when the data file cannot be read: restore a copy or start empty")
    actions = data.add_subparsers(dest="action", metavar="ACTION")
    restore = actions.add_parser("restore", help="make FILE (a good copy of the data file) the data file")
    restore.add_argument("file")
    restore.set_defaults(run=run_restore)
    empty = actions.add_parser("start-empty", help="start with an empty list; the current file is kept beside it")
    empty.set_defaults(run=run_start_empty)
    data.set_defaults(run=lambda args: (data.print_help(), EXIT_USAGE)[1])


def run_restore(args) -> int:
    store = Store()
    try:
        data = store.restore(Path(args.file))
    except StorageError as exc:
        print(f"exadesk data restore: {exc.problem.text()}", file=sys.stderr)
        return EXIT_USAGE
    count = sum(len(w.instances) for w in data.workspaces)
    print(messages.problem("storage.restored", source=args.file,
                           workspaces=messages.counted("workspace", len(data.workspaces)),
                           instances=messages.counted("instance", count)).text())
    return 0


def run_start_empty(args) -> int:
    kept = Store().start_empty()
    print(messages.problem("storage.started_empty", kept=str(kept) if kept else "nothing (there was no file)").text())
    return 0
