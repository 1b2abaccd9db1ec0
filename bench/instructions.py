"""The start-up figures counted in instructions (valgrind's callgrind): the same every run, whatever the machine does.

The wall-clock figures of ``python -m bench --only startup,cli`` move by several per cent between runs on a
shared machine, more than a change of a few milliseconds. Counting the instructions a process runs is
repeatable to a tenth of a per cent, so an A/B of two checkouts can be decided from one run each. The ratios are
close to the wall-clock ones (file and page-fault time is not counted, so wall-clock ratios read a few hundredths
higher). Needs valgrind; not part of ``python -m bench``.

    python -m bench.instructions            # first paint (200 instances) and `exadesk check`, each vs its baseline

Each process is stopped right at its first paint (``os._exit`` from the line ``--exit-after-startup`` prints),
so the count is what runs before the window is seen; the check runs whole against the GitHub emulator.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile

from bench.cli_start import _token, check_command, check_scenario
from bench.common import ROOT, bench_env
from bench.ui_startup import BARE_WINDOW, make_home

#: Stops at the first paint: the app and the bare window both print their age there (process_age_ms).
_STOP_AT_FIRST_PAINT = """
import os, sys
import exadesk.foundation.lifetime as lifetime
def _stop():
    sys.stdout.flush()
    os._exit(0)
lifetime.process_age_ms = _stop
"""

_APP = _STOP_AT_FIRST_PAINT + """
from exadesk.cli import main  # exadesk.ui.app takes process_age_ms from lifetime when the window is about to open
sys.exit(main(["--exit-after-startup"]))
"""


def count(command: list[str], env: dict) -> int:
    """Instructions the command runs (callgrind's "Collected"), its output discarded."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command], env=env,
                          cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if not found:
        raise SystemExit(f"valgrind gave no count for {' '.join(command[:3])}: {done.stderr[-400:]}")
    return int(found.group(1))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    from exadesk.sandbox.github import GitHubEmulator

    env = bench_env(make_home(200))
    python = sys.executable
    bare_window = BARE_WINDOW.replace("from exadesk.foundation.lifetime import process_age_ms",
                                      _STOP_AT_FIRST_PAINT + "process_age_ms = _stop")
    # As in the wall-clock bench: one whole start first (bytecode compiled, the window's size and the desktop's
    # scheme remembered in window.ini, as after any earlier use), then the counted ones.
    for warm in ([python, "-m", "exadesk", "--exit-after-startup"], [python, "-c", bare_window]):
        subprocess.run(warm, env=env, cwd=str(ROOT), capture_output=True, check=False)
    rows = [("first paint, 200 instances", count([python, "-c", _APP], env),
             "bare PySide6 window", count([python, "-c", bare_window], env))]
    token = _token()
    with GitHubEmulator(check_scenario(token)) as emulator, \
            tempfile.TemporaryDirectory(prefix="exadesk-bench-") as home:
        check_env = dict(bench_env(), EXADESK_HOME=home, BENCH_GITHUB_TOKEN=token)
        check = check_command(emulator.url)
        subprocess.run(check, env=check_env, cwd=str(ROOT), capture_output=True, check=False)
        rows.append(("exadesk check of a GitHub instance", count(check, check_env),
                     'python -c "import requests"', count([python, "-c", "import requests"], check_env)))
    for name, value, baseline_name, baseline in rows:
        print(f"{name}: {value / 1e6:.0f} M instructions; {baseline_name}: {baseline / 1e6:.0f} M; "
              f"{value / baseline:.3f}x")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
