"""The ``exadesk`` command line. Runs without loading Qt (only the GUI command does).

Exit codes: see exadesk.foundation.exit_codes (0 ready, 1 not ready, 2 usage, 3 not confirmed).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from exadesk import __version__
from exadesk.foundation.exit_codes import EXIT_USAGE

#: Sub-command modules under exadesk.commands; each has add_parser(sub) and run(args).
COMMAND_MODULES: tuple[str, ...] = ("trackers", "check", "workspace", "sandbox", "plan", "workspaces", "report", "bundle",
                                    "login", "data", "fix")

class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit code 2 for every usage error, with the way to more help
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\nRun `{self.prog} --help` for details.\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with ``command``, stop importing command modules once one has registered it."""
    parser = _Parser(prog="exadesk", description="Set up and verify the proxy users of sync integrations.")
    parser.add_argument("--version", action="version", version=f"ExaDesk {__version__}")
    parser.add_argument("--exit-after-startup", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"exadesk.commands.{name}")
        module.add_parser(sub)
        if command is not None and command in sub.choices:
            break  # start-up time: the other commands' modules (and what they import) are not needed
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv == ["--exit-after-startup"]:
        # The window: skip importing every command (and the HTTP stack) before the first paint.
        args = argparse.Namespace(command=None, exit_after_startup=bool(argv))
    else:
        args = build_parser(argv[0]).parse_args(argv)
    from exadesk.foundation import logs

    if args.command is None:
        logs.hold()  # the window opens the log file right after its first paint
        return _gui(args)
    logs.setup()
    from exadesk.foundation import terminal
    from exadesk.store import recovery
    from exadesk.foundation.errors import StorageError
    from exadesk.store.storage import on_load_problem

    told: set[str] = set()

    def tell(problem) -> None:  # every command that finds the data file unreadable says so, once
        if problem.text() not in told:
            told.add(problem.text())
            print(f"exadesk: {problem.text()}", file=sys.stderr)

    stop_telling = on_load_problem(tell)
    try:
        with terminal.safe_output():
            recovery.sweep_quietly()
            return int(args.run(args) or 0)
    except StorageError as exc:  # the data file could not be written (unreadable, newer, locked): nothing changed
        print(f"exadesk {args.command}: {exc.problem.text()}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        stop_telling()


def _gui(args) -> int:
    from exadesk.foundation import display

    why = display.unreachable()
    if why:  # Qt would abort (exit 134) with advice about reinstalling packages: say what is wrong instead
        from exadesk.foundation import messages

        problem = messages.problem("app.no_display", why=why)
        print(f"exadesk: {problem.message} {problem.next_step}", file=sys.stderr)
        return EXIT_USAGE
    from exadesk.store.storage import Store

    # The data file is read first, then Qt loads and the window opens on it. In this order the data's modules load
    # before PySide6, which reads the source of every module imported after it (to find users of its __feature__
    # switches): ~10 million instructions and forty source files fewer before the first paint.
    loaded = Store().load()
    try:
        from exadesk.ui.app import run
    except ImportError as exc:  # Qt's system libraries missing: say which, not a traceback
        print(f"exadesk: the window cannot open ({exc}).\n"
              "Install Qt's runtime libraries (see the README), or use the command line: exadesk --help",
              file=sys.stderr)
        return EXIT_USAGE
    return run(exit_after_startup=args.exit_after_startup, loaded=loaded)
