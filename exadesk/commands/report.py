"""``exadesk report``: a workspace's readiness report as HTML, PDF or Markdown."""

from __future__ import annotations

import sys
from pathlib import Path

from exadesk.commands.output import write_output
from exadesk.foundation.exit_codes import EXIT_USAGE
from exadesk.services import report
from exadesk.store.storage import Store

FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".md": "md", ".markdown": "md"}


def add_parser(sub) -> None:
    parser = sub.add_parser("report", help="write a workspace's readiness report (HTML, PDF or Markdown)",
                            description="Write the readiness report of a workspace: a summary table, every check "
                                        "with its fix, the changes ExaDesk made (exadesk fix), connections, and the "
                                        "time it was generated. Never a secret.")
    parser.add_argument("--workspace", required=True, help="workspace name or id")
    parser.add_argument("--format", choices=("html", "pdf", "md"), help="default: from the file name, else html")
    parser.add_argument("-o", "--output", help="file to write (default: standard output; required for pdf)")
    parser.set_defaults(run=run)


def run(args) -> int:
    loaded = Store().load()  # an unreadable data file is reported by the command line itself
    ws = loaded.data.workspace(args.workspace)
    if ws is None:
        print(f"exadesk report: there is no workspace called {args.workspace!r}.", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or FORMATS.get(Path(args.output).suffix.lower(), "html") if args.output else args.format or "md"
    if fmt == "pdf":
        if not args.output:
            print("exadesk report: a PDF needs a file: add -o report.pdf", file=sys.stderr)
            return EXIT_USAGE
        from exadesk.services.report_pdf import html_to_pdf  # Qt loads only here

        html_to_pdf(report.render(ws, "html"), Path(args.output), title=f"Readiness report: {ws.name}")
    else:
        text = report.render(ws, fmt)
        if not args.output:
            sys.stdout.write(text)
            return 0
        if not write_output(args.output, text.encode("utf-8"), "report", mode=0o644):
            return EXIT_USAGE
    print(f"Wrote the {fmt.upper()} readiness report of {ws.name} to {args.output}.", file=sys.stderr)
    return 0
