"""Every user-facing string of the window is translatable and listed in the shipped .ts file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "exadesk" / "ui"
TS = UI / "i18n" / "exadesk_en.ts"
#: The modules whose words exadesk_en.ts holds (the About dialog, the PDF report and the connection page
#: are written by other teams, with their own contexts).
WINDOW_MODULES = ("app", "checks_table", "connection_dialog", "expiry_dialog", "handover", "icons", "instance_page",
                  "fix_dialog", "main_window", "window_menus", "window_workspaces", "window_dialogs", "verify_all",
                  "problem_view", "sandbox_demo", "secret_dialog", "session",
                  "settings_dialog",
                  "sidebar", "texts", "theme", "views", "walkthrough", "widgets", "wizard", "wizard_pages",
                  "wizard_results", "workers", "guide", "pages/__init__",
                  "pages/freshservice_api_key")


def _messages(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name"), msg.findtext("source")) for ctx in root.iter("context") for msg in ctx.iter("message")}


def _sources() -> list[str]:
    return [str(UI / f"{name}.py") for name in WINDOW_MODULES]


def test_every_window_module_is_listed():
    assert all((UI / f"{name}.py").is_file() for name in WINDOW_MODULES)
    assert all(f"pages/{p.stem}" in WINDOW_MODULES for p in (UI / "pages").glob("*.py"))


def test_the_shipped_ts_file_has_every_context_named():
    found = _messages(TS)
    assert len(found) > 150
    assert all(context for context, _ in found)  # no string without a context (it would never be translated)
    assert ("texts", "Prepared offline") in found
    assert ("InstancePage", "&Verify now") in found


#: PySide6 installs pyside6-lupdate beside the interpreter (the virtual environment's bin/), which need not be on PATH.
LUPDATE = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")
def test_the_ts_file_is_up_to_date(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([LUPDATE, *_sources(), "-source-language", "en", "-target-language", "en",
                    "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    missing = _messages(fresh) - _messages(TS)
    assert not missing, f"run pyside6-lupdate (see docs/user-guide.md): {sorted(missing)[:5]}"
