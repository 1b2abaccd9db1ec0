"""Cold start to first paint and peak memory of the window (200 instances) against a bare PySide6 window.

Each sample is a fresh process, timed from its launch to the line it prints
right after the first paint of its window: the app runs ``exadesk
--exit-after-startup``; the bare baseline is a tiny PySide6 script that shows a
QMainWindow and prints the same way (``bench.ui_startup``'s script when
present). The two alternate so both see the same machine load. Peak memory is
each process's own ru_maxrss (``os.wait4``), so it includes what the app loads
right after the first paint (the tracker catalogue) before it exits.

Goals: start within 1.5 times the bare window; memory within bare + 40 MB.
"""

from __future__ import annotations

import shutil
import sys

from bench.common import (GUARD_SNIPPET, bench_env, make_home, median_spread, pyside_refcount_bug, ratio_row, row,
                          run_process)

START_GOAL = 1.5
MEMORY_MARGIN_MB = 40

def bare_window_script() -> str:
    """The same bare PySide6 window the start-up figure is measured against."""
    from bench.ui_startup import BARE_WINDOW

    return BARE_WINDOW


def run(runs: int = 7, instances: int = 200, per_workspace: int = 50, memory: bool = True,
        goal: bool = True) -> list[dict]:
    """Start-up (and, with ``memory``, peak memory) rows; ``runs`` fresh processes of each kind.

    ``goal`` False reports the start-up ratio without judging it (the 1.5x goal is set for 200 instances).
    """
    home = make_home(instances, per_workspace)
    try:
        env = bench_env(home)
        bare_cmd = [sys.executable, "-c", bare_window_script()]
        app_cmd = [sys.executable, "-m", "exadesk", "--exit-after-startup"]
        if pyside_refcount_bug():  # the same one-line guard in both, or big workspaces crash (see common)
            bare_cmd = [sys.executable, "-c", GUARD_SNIPPET + bare_window_script()]
            app_cmd = [sys.executable, "-c", GUARD_SNIPPET + "import runpy, sys; sys.argv[1:] = ['--exit-after-startup']; "
                       "runpy.run_module('exadesk', run_name='__main__', alter_sys=True)"]
        run_process(bare_cmd, env)  # warm the disk cache for both
        run_process(app_cmd, env)
        samples = {"bare": ([], []), "app": ([], [])}
        for _ in range(runs):
            for kind, cmd in (("bare", bare_cmd), ("app", app_cmd)):
                _wall, first_line_ms, rss, _out = run_process(cmd, env)
                samples[kind][0].append(first_line_ms)
                samples[kind][1].append(rss)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    bare_ms, _ = median_spread(samples["bare"][0])
    app_ms, app_spread = median_spread(samples["app"][0])
    bare_mb, _ = median_spread(samples["bare"][1], 1)
    app_mb, mb_spread = median_spread(samples["app"][1], 1)
    shape = f"{instances:,} instances" + (" in one workspace" if per_workspace >= instances else "")
    name = f"cold start to first paint, {shape}, vs bare PySide6 window"
    rows = [ratio_row(name, app_ms, bare_ms, START_GOAL, unit="ms", spread=app_spread) if goal else
            row(name, app_ms, bare_ms, unit="ms", goal="none set (reported)", met=None, spread=app_spread)]
    if not memory:
        return rows
    return rows + [
        row(f"peak memory (RSS) at first paint, {shape}, vs bare PySide6 window", app_mb, bare_mb, unit="MB",
            goal=f"<= bare + {MEMORY_MARGIN_MB} MB", met=app_mb <= bare_mb + MEMORY_MARGIN_MB, spread=mb_spread),
    ]
