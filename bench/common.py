"""Shared pieces of the benchmarks: rows, statistics, fresh-process timing, test homes and the machine.

Every figure is a row ``{name, value, baseline, unit, ratio, goal, met, spread}``:
``value`` and ``baseline`` are measured in the same run, ``goal`` says in words
what ``met`` checks (a ratio, an absolute limit, or baseline plus a margin).
"""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]


# -- rows ------------------------------------------------------------------------------------

def row(name: str, value: float, baseline: float, *, unit: str, goal: str, met: bool | None,
        spread: str = "", note: str = "") -> dict:
    """One figure of the table (ratio = value / baseline; ``met`` None when no goal is set)."""
    return {"name": name, "value": value, "baseline": baseline, "unit": unit,
            "ratio": round(value / baseline, 2) if baseline else float("inf"),
            "goal": goal, "met": None if met is None else bool(met), "spread": spread, "note": note}


def ratio_row(name: str, value: float, baseline: float, limit: float, *, unit: str, spread: str = "",
              note: str = "") -> dict:
    """A row whose goal is ``value <= limit * baseline``."""
    return row(name, value, baseline, unit=unit, goal=f"<= {limit}x", met=value <= limit * baseline,
               spread=spread, note=note)


def from_ratio_row(found: dict, unit: str = "s") -> dict:
    """Turn a ``{name, value, baseline, ratio, goal}`` row (goal on the ratio) into a table row."""
    return row(found["name"], found["value"], found["baseline"], unit=unit, goal=f"<= {found['goal']}x",
               met=found["ratio"] <= found["goal"], spread=found.get("spread", ""))


def median_spread(samples: list[float], digits: int = 0) -> tuple[float, str]:
    """The median and a ``min–max (n=N)`` spread text."""
    med = statistics.median(samples)
    fmt = f"{{:.{digits}f}}"
    return round(med, digits + 1), f"{fmt.format(min(samples))}-{fmt.format(max(samples))} (n={len(samples)})"


def format_table(rows: list[dict]) -> str:
    """A plain-text table (Markdown-compatible) of the rows."""
    head = ["Figure", "Value", "Baseline", "Ratio", "Goal", "Met", "Spread (value)"]
    lines = [head]
    for r in rows:
        lines.append([r["name"], _num(r["value"], r["unit"]), _num(r["baseline"], r["unit"]), f"{r['ratio']:.2f}x",
                      r["goal"], {True: "yes", False: "NO", None: "-"}[r["met"]], r.get("spread", "")])
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
    out = []
    for n, line in enumerate(lines):
        out.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths)) + " |")
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def _num(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


# -- fresh processes -------------------------------------------------------------------------

def bench_env(home: Path | None = None) -> dict:
    """The environment for child processes: offscreen Qt, this checkout first on the path, an optional home."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env.setdefault("NO_PROXY", "127.0.0.1,localhost")
    # An installed app starts from compiled bytecode; with PYTHONDONTWRITEBYTECODE (set in many test
    # shells) every run would compile ExaDesk's sources again, and the baselines have none to compile.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if home is not None:
        env["EXADESK_HOME"] = str(home)
    return env


def run_process(command: list[str], env: dict, timeout: float = 120) -> tuple[float, float, float, str]:
    """Run ``command`` once in a fresh process.

    Returns:
        (milliseconds from launch to exit, milliseconds from launch to its first output line,
        the child's own peak RSS in MB from ``os.wait4``, its stdout).
    """
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=err, cwd=str(ROOT))
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            first = proc.stdout.readline()
            first_ms = (time.perf_counter() - started) * 1000
            rest = proc.stdout.read()
            _pid, status, usage = os.wait4(proc.pid, 0)
            wall = (time.perf_counter() - started) * 1000
        finally:
            timer.cancel()
            proc.stdout.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(command[:4])}… exited {proc.returncode}: "
                               f"{err.read().decode(errors='replace')[-800:]}")
    rss_kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return wall, first_ms, rss_kib / 1024, (first + rest).decode(errors="replace")


# -- test homes ------------------------------------------------------------------------------

@contextlib.contextmanager
def temp_home(prefix: str = "exadesk-bench-") -> Iterator[Path]:
    """A throw-away EXADESK_HOME, set in this process's environment for the duration."""
    previous = os.environ.get("EXADESK_HOME")
    with tempfile.TemporaryDirectory(prefix=prefix) as home:
        os.environ["EXADESK_HOME"] = home
        try:
            yield Path(home)
        finally:
            if previous is None:
                os.environ.pop("EXADESK_HOME", None)
            else:
                os.environ["EXADESK_HOME"] = previous


TRACKER_KINDS = [("github", "classic", "https://github.com"), ("jira_cloud", "api_token", "https://acme.atlassian.net"),
                 ("zendesk", "api_token", "https://acme.zendesk.com"),
                 ("servicenow", "basic", "https://acme.service-now.com")]


def fill_workspaces(data, instances: int, per_workspace: int, checks: int = 6) -> None:
    """Add ``instances`` verified instances to ``data``, ``per_workspace`` to a workspace (no secrets)."""
    from exadesk.foundation import clock
    from exadesk.foundation.checks import CheckResult, Status
    from exadesk.store.model import Instance, InstanceState, Verification, Workspace

    now = clock.now()
    for w in range(max(1, -(-instances // per_workspace))):
        ws = Workspace(name=f"Client {w + 1}")
        for n in range(min(per_workspace, instances - w * per_workspace)):
            tracker, method, url = TRACKER_KINDS[n % len(TRACKER_KINDS)]
            inst = Instance(tracker=tracker, name=f"{tracker} {w}-{n}", url=url, auth_method=method,
                            secret_fields=["token"], state=InstanceState.VERIFIED)
            inst.history.append(Verification(at=now - timedelta(hours=n % 500), ready=True, checks=[
                CheckResult(f"{tracker}.check{k}", Status.PASS, f"Check {k}", "Fine.") for k in range(checks)]))
            ws.instances.append(inst)
        data.workspaces.append(ws)


def make_home(instances: int, per_workspace: int = 50, home: Path | None = None) -> Path:
    """An EXADESK_HOME holding ``instances`` verified instances (``per_workspace`` to a workspace)."""
    from exadesk.store.storage import Store

    home = home or Path(tempfile.mkdtemp(prefix="exadesk-bench-"))
    previous = os.environ.get("EXADESK_HOME")
    os.environ["EXADESK_HOME"] = str(home)
    try:
        Store().update(lambda data: fill_workspaces(data, instances, per_workspace))
    finally:
        if previous is None:
            os.environ.pop("EXADESK_HOME", None)
        else:
            os.environ["EXADESK_HOME"] = previous
    return home


def memory_keyring():
    """An in-memory keyring backend, so benchmarks never touch the person's keychain."""
    from exadesk.sandbox.memory_keyring import MemoryKeyring

    return MemoryKeyring()


# -- the machine ------------------------------------------------------------------------------

def machine() -> dict:
    """CPU model, cores, RAM, OS, Python and PySide6 versions, Qt platform."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "not installed"
    return {"cpu": cpu, "cores": os.cpu_count(), "ram": ram, "os": platform.platform(),
            "python": platform.python_version(), "pyside6": pyside,
            "qt_platform": os.environ.get("QT_QPA_PLATFORM", "offscreen (set by the bench)")}


def pyside_refcount_bug() -> bool:
    """Whether the installed PySide6 is the 6.12.0 build that crashes on Python 3.11."""
    import PySide6

    return PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)


#: Prepended to a child's ``-c`` script when :func:`pyside_refcount_bug` (same for app and baseline).
GUARD_SNIPPET = "from bench.common import guard_pyside_refcount_bug; guard_pyside_refcount_bug()\n"


def guard_pyside_refcount_bug(extra: int = 1 << 40) -> bool:
    """Work around PySide6 6.12.0 on Python 3.11 (excluded in pyproject.toml, but maybe installed).

    That build drops one reference to None/True/False on every call into Qt, so a
    process that makes a few tens of thousands of calls dies with ``none_dealloc``.
    Raising those three immortal-in-spirit objects' reference counts once keeps
    the in-process benchmarks alive; it costs nothing inside the measured steps.
    Returns whether the guard was needed.
    """
    import ctypes

    if not pyside_refcount_bug():
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field
        if count.value < extra:
            count.value += extra
    return True


def slow_github_scenario(delay: float) -> tuple[str, dict]:
    """A made-up classic token and a GitHub emulator scenario where it administers acme/website, every reply late."""
    import secrets
    import string

    token = "ghp_" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(36))
    scenario = {"tokens": {token: {"login": "exalate-proxy", "name": "Exalate Proxy", "id": 4101,
                                   "kind": "classic", "scopes": ["repo"]}},
                "repos": {"acme/website": {"id": 1, "private": True, "owner_type": "Organization",
                                           "collaborators": {"exalate-proxy": "admin"}}},
                "fault": {"kind": "slow", "delay": delay}}
    return token, scenario
