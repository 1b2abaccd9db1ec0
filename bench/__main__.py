"""ExaDesk benchmarks: ``python -m bench`` prints every figure as a ratio against a baseline of the same run.

Each section runs in its own fresh process (``python -m bench --section NAME``
prints that section's rows as JSON), so one section's imports, threads and
memory never colour another's figures. Qt runs offscreen (QT_QPA_PLATFORM is
set to ``offscreen`` when unset).

    python -m bench                   # the full run (about three minutes)
    python -m bench --quick           # tiny sizes, few repetitions: proves the bench works
    python -m bench --only stall,cli  # some sections
    python -m bench --only scope      # a check's time and requests with 1, 10 and 40 items in scope
    python -m bench --only cancel     # how soon Cancel ends a run stuck on a server that never answers
    python -m bench --json            # rows as JSON instead of the table
    python -m bench --check           # exit 1 when a goal is missed
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from bench.common import bench_env, format_table, from_ratio_row, machine

#: Section name -> (what it measures, full-run arguments, quick-run arguments).
SECTIONS: dict[str, tuple[str, dict, dict]] = {
    "startup": ("cold start to first paint and peak memory, 200 instances, vs a bare PySide6 window",
                {"runs": 9, "instances": 200}, {"runs": 1, "instances": 5}),
    "cli": ('exadesk check vs python -c "import requests"', {"runs": 9}, {"runs": 1}),
    "verify_all": ("verify-all of 50 slow instances vs the slowest one alone", {"instances_count": 50, "delay": 0.2},
                   {"instances_count": 3, "delay": 0.01}),
    "stall": ("largest event-loop stall in the window during verify-all of 50 slow instances",
              {"instances_count": 50, "delay": 0.2}, {"instances_count": 3, "delay": 0.01}),
    "scope": ("a check with 1, 10 and 40 items in scope per tracker, every request 100 ms late",
              {"sizes": (1, 10, 40), "delay": 0.1}, {"sizes": (1, 3), "delay": 0.01, "only": ("jira_cloud", "github")}),
    "cancel": ("Cancel of a check and of Verify all stuck on a server that never answers, vs one healthy check",
               {"runs": 7}, {"runs": 1}),
    "workspace": ("open and filter workspaces of 2,000 and 500 instances; cold start with 2,000",
                  {"sizes": (2000, 500), "repeat": 7, "runs": 5}, {"sizes": (40,), "repeat": 1, "runs": 1}),
}


def run_section(name: str, kwargs: dict) -> list[dict]:
    """Run one section in this process and return its rows."""
    if name == "startup":
        from bench import memory

        return memory.run(**kwargs)
    if name == "cli":
        from bench import cli_start

        return cli_start.run(**kwargs)
    if name == "verify_all":
        from bench import verify_all

        return [from_ratio_row(r, unit="s") for r in verify_all.run(**kwargs)]
    if name == "stall":
        from bench import stall

        return stall.run(**kwargs)
    if name == "scope":
        from bench import scope

        return scope.run(**kwargs)
    if name == "cancel":
        from bench import cancel

        return cancel.run(**kwargs)
    if name == "workspace":
        from bench import memory, workspace_open

        runs = kwargs.pop("runs")
        biggest = max(kwargs["sizes"])
        return (workspace_open.run(**kwargs)
                + memory.run(runs=runs, instances=biggest, per_workspace=biggest, memory=False, goal=False))
    raise ValueError(f"unknown section {name!r}")


def _in_child(name: str, quick: bool) -> list[dict]:
    """Run a section in a fresh process; its last stdout line is the rows as JSON."""
    command = [sys.executable, "-m", "bench", "--section", name] + (["--quick"] if quick else [])
    done = subprocess.run(command, env=bench_env(), capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"section {name} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes and one repetition (a smoke run)")
    parser.add_argument("--only", default="", help=f"comma list of sections: {', '.join(SECTIONS)}")
    parser.add_argument("--json", action="store_true", help="print the machine and rows as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure misses its goal")
    parser.add_argument("--section", help=argparse.SUPPRESS)  # internal: run one section here, print JSON
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    if args.section:
        full, quick = SECTIONS[args.section][1:]
        rows = run_section(args.section, dict(quick if args.quick else full))
        print(json.dumps(rows), flush=True)
        return 0

    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(SECTIONS)
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    started = time.perf_counter()
    rows: list[dict] = []
    for name in names:
        if not args.json:
            print(f"… {name}: {SECTIONS[name][0]}", file=sys.stderr, flush=True)
        rows += _in_child(name, args.quick)
    info = machine()
    info["qt_platform"] = os.environ["QT_QPA_PLATFORM"]
    if args.json:
        print(json.dumps({"machine": info, "quick": args.quick, "rows": rows}, indent=2))
    else:
        print(f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM; {info['os']}; "
              f"Python {info['python']}, PySide6 {info['pyside6']}, QT_QPA_PLATFORM={info['qt_platform']}"
              + ("; QUICK MODE (sizes too small to judge)" if args.quick else ""))
        print(format_table(rows))
        print(f"({time.perf_counter() - started:.0f} s; medians of fresh runs, spread = min-max)")
    missed = [r for r in rows if r["met"] is False]
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
