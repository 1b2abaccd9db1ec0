"""The command line and the core never load Qt (only the GUI command does)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import exadesk

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(exadesk.__file__).parent


def _run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)


def test_trackers_command_imports_no_pyside6(tmp_path):
    """The done-when check, verbatim: `python -X importtime -m exadesk trackers` loads no PySide6."""
    result = _run("-X", "importtime", "-m", "exadesk", "trackers", env_extra={"EXADESK_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-2000:]
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert "exadesk.cli" in imported, "importtime output was not captured"
    assert "github" in result.stdout
    qt = [name for name in imported if name.split(".")[0] in ("PySide6", "shiboken6")]
    assert qt == [], f"the CLI loaded Qt: {qt[:5]}"


@pytest.mark.parametrize("command", [["check", "--help"], ["list", "--json"], ["trackers", "--json"]])
def test_other_commands_import_no_qt(tmp_path, command):
    code = ("import sys, runpy; sys.argv=['exadesk', *sys.argv[1:]]\n"
            "from exadesk import cli\n"
            "try:\n    cli.main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
            "print('QT:' + ','.join(bad))")
    result = _run("-c", code, *command, env_extra={"EXADESK_HOME": str(tmp_path)})
    assert "QT:\n" in result.stdout or result.stdout.rstrip().endswith("QT:"), result.stdout[-500:] + result.stderr[-500:]


#: The one module outside exadesk/ui allowed to load Qt (inside its function, for `report --format pdf`).
PDF_MODULE = "services/report_pdf.py"


def test_core_modules_do_not_import_qt_in_their_source():
    """Static guard: only exadesk/ui and the PDF module may mention PySide6."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or str(rel) == PDF_MODULE:
            continue
        text = path.read_text(encoding="utf-8")
        if "PySide6" in text.replace("# PySide6", "") and ("import PySide6" in text or "from PySide6" in text):
            offenders.append(str(rel))
    assert offenders == []


def test_every_core_module_imports_without_qt():
    modules = sorted("exadesk." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
                     for p in PACKAGE.rglob("*.py")
                     if p.relative_to(PACKAGE).parts[0] != "ui" and p.name != "__main__.py")
    modules = [m.removesuffix(".__init__") for m in modules]
    code = ("import importlib, sys\n"
            f"for m in {modules!r}:\n    importlib.import_module(m)\n"
            "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')])")
    result = _run("-c", code)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]", result.stdout
