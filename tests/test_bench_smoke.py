"""The benchmark entry point runs end to end in quick mode and prints a well-formed table.

Speed and memory goals live in bench/ as same-run ratios, never here: this test
asserts the structure of the output only, not any time or size.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench import common

ROOT = Path(__file__).resolve().parents[1]
ROW_KEYS = {"name", "value", "baseline", "unit", "ratio", "goal", "met", "spread"}


def _bench(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "bench", "--quick", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def quick_run() -> dict:
    done = _bench("--json")
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_every_section_reports_rows_with_value_baseline_ratio_and_goal(quick_run):
    rows = quick_run["rows"]
    names = " ".join(r["name"] for r in rows)
    for figure in ("cold start to first paint", "peak memory", "exadesk check", "verify-all wall time",
                   "event-loop stall", "open a workspace", "filter a workspace", "Cancel a check stuck"):
        assert figure in names, f"no row for {figure!r}"
    for r in rows:
        assert ROW_KEYS <= set(r), r
        assert r["value"] > 0 and r["baseline"] > 0, r
        assert r["ratio"] == pytest.approx(r["value"] / r["baseline"], rel=0.02, abs=0.01), r
        assert r["met"] in (True, False, None) and r["goal"], r


def test_machine_is_described(quick_run):
    info = quick_run["machine"]
    assert info["cpu"] and info["cores"] and info["python"] and info["pyside6"]
    assert info["qt_platform"] == "offscreen"
    assert quick_run["quick"] is True


def test_table_output_and_section_choice():
    done = _bench("--only", "cli")
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Machine:") and "QUICK MODE" in lines[0]
    header = [c.strip() for c in lines[1].strip("|").split("|")]
    assert header[:6] == ["Figure", "Value", "Baseline", "Ratio", "Goal", "Met"]
    body = [line for line in lines[3:] if line.startswith("| ")]
    assert len(body) == 2 and all("exadesk check" in line for line in body)


def test_unknown_section_is_a_usage_error():
    done = _bench("--only", "nosuch")
    assert done.returncode == 2
    assert "unknown section" in done.stderr


def test_rows_compare_each_goal_kind():
    assert common.ratio_row("x", 150, 100, 1.5, unit="ms")["met"] is True
    assert common.ratio_row("x", 151, 100, 1.5, unit="ms")["met"] is False
    converted = common.from_ratio_row({"name": "v", "value": 3.0, "baseline": 1.0, "ratio": 3.0, "goal": 1.5})
    assert converted["met"] is False and converted["goal"] == "<= 1.5x"
    table = common.format_table([converted, common.row("n", 1, 2, unit="MB", goal="none set", met=None)])
    assert "| NO " in table and "| - " in table


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_instruction_counts_are_read_from_callgrind_and_grow_with_the_work():
    from bench import instructions

    env = common.bench_env()
    idle = instructions.count([sys.executable, "-c", "pass"], env)
    working = instructions.count([sys.executable, "-c", "import json; json.dumps(list(range(20000)))"], env)
    assert 1_000_000 < idle < working
