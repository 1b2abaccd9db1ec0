"""``python -m exadesk`` (exadesk/__main__.py) runs the command line and passes its exit code through."""

from __future__ import annotations

import subprocess
import sys

import exadesk


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exadesk", *args], capture_output=True, text=True, timeout=120)


def test_python_dash_m_runs_the_command_line():
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ExaDesk {exadesk.__version__}"


def test_the_command_lines_exit_code_is_the_process_exit_code():
    result = _run("no-such-command")
    assert result.returncode == 2  # usage
    assert "no-such-command" in result.stderr
