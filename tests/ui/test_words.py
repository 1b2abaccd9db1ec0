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
WINDOW_MODULES = ("about", "app", "checks_table", "connection_dialog", "connection_page", "data_file_dialog",
                  "expiry_dialog", "handover", "icons", "instance_page", "fix_dialog", "fix_changes", "main_window",
                  "window_menus", "window_workspaces", "window_dialogs", "verify_all", "oauth_dialog",
                  "problem_view", "sandbox_demo", "secret_dialog", "session", "settings_dialog",
                  "sidebar", "texts", "theme", "tracker_page", "views", "walkthrough", "widgets", "wizard",
                  "wizard_pages", "wizard_results", "workers", "guide", "pages/__init__",
                  "pages/freshservice_api_key")


def _messages(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name"), msg.findtext("source")) for ctx in root.iter("context") for msg in ctx.iter("message")}


def _sources() -> list[str]:
    return [str(UI / f"{name}.py") for name in WINDOW_MODULES]


def test_every_window_module_is_listed():
    assert all((UI / f"{name}.py").is_file() for name in WINDOW_MODULES)
    assert all(f"pages/{p.stem}" in WINDOW_MODULES for p in (UI / "pages").glob("*.py"))
    speaking = {p.stem for p in UI.glob("*.py") if ".tr(" in p.read_text(encoding="utf-8")}
    assert not speaking - set(WINDOW_MODULES), "a module whose words the translation file would miss"


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


# -- the trackers' sentences: in the .ts file under the tracker's id, and translated where a person reads them -------

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py"
LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")


def _current(path: Path) -> set[tuple[str, str]]:
    """The messages of a .ts file that lupdate still finds in the sources (not vanished or obsolete)."""
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name"), msg.findtext("source")) for ctx in root.iter("context") for msg in ctx.iter("message")
            if msg.find("translation") is None or msg.find("translation").get("type") not in ("vanished", "obsolete")}


def _tracker_sentences() -> set[tuple[str, str]]:
    from exadesk.foundation import strings
    from exadesk.verification import registry

    return {(t.spec.id, text) for t in registry.all_trackers() for text in strings.spec_texts(t.spec)}


def test_the_shipped_ts_file_holds_every_trackers_sentences():
    """Each tracker's TEXTS and its requirements' titles and fixes, under the tracker's id (the context
    exadesk.foundation.strings.translate asks with): a sentence missing here could never be translated."""
    expected = _tracker_sentences()
    assert ("github", "Scopes: {scopes}.") in expected and ("servicenow", "Readable: {tables}.") in expected
    assert ("servicenow", "Proxy user can read the tables in scope") in expected  # a requirement's title
    missing = expected - _current(TS)
    assert not missing, f"run .venv/bin/python scripts/update_translations.py: {sorted(missing)[:5]}"


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")
def test_the_update_script_writes_the_window_and_the_trackers_words(tmp_path):
    """The script's .ts file holds exactly what the shipped one holds, with no location in its generated file."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    fresh = tmp_path / "exadesk_en.ts"
    fresh.write_bytes(TS.read_bytes())
    script.update(fresh)
    assert _current(fresh) == _current(TS)
    assert _tracker_sentences() <= _current(fresh)
    assert script.GENERATED not in fresh.read_text(encoding="utf-8")


def _one_entry_translator(tmp_path, context: str, source: str, translation: str):
    """A QTranslator with one entry, compiled from a one-message .ts file."""
    from xml.sax.saxutils import escape

    from PySide6.QtCore import QTranslator

    tmp_path.mkdir(exist_ok=True)
    ts, qm = tmp_path / "one.ts", tmp_path / "one.qm"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
                  f"<context><name>{context}</name><message><source>{escape(source)}</source>"
                  f"<translation>{escape(translation)}</translation></message></context>\n</TS>\n", encoding="utf-8")
    subprocess.run([LRELEASE, str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease is not installed")
def test_a_translated_tracker_sentence_reaches_the_check_in_the_window(qtbot, qapp, window, workspace_id, emulators,
                                                                       tmp_path):
    """The window installs Qt's translator into exadesk.foundation.strings: a tracker's sentence (here GitHub's "Scopes:
    ...") comes out of the check in the person's language, and its requirement's title is shown translated too."""
    from exadesk.foundation import strings
    from exadesk.store.model import Instance
    from exadesk.ui.app import install_translations

    detail = _one_entry_translator(tmp_path / "detail", "github", "Scopes: {scopes}.", "Berechtigungen: {scopes}.")
    title = _one_entry_translator(tmp_path / "title", "github", "Token has the repo scope", "Token hat den Bereich repo")
    own = install_translations(qapp)
    for translator in (detail, title):
        qapp.installTranslator(translator)
    try:
        emulator = emulators.start("github")
        inst = Instance(tracker="github", name="Translated", url=emulator.url, auth_method="classic",
                        secret_fields=["token"], scope=["acme/website"])
        window.session.secrets.set(inst.id, "token", emulator.demo_secrets["token"])
        window.session.update(lambda data: data.workspace(workspace_id).instances.append(inst), select=inst.id)
        window.instance_page.verify_button.click()
        qtbot.waitUntil(lambda: window.instance_page.badge.text() == "Verified", timeout=15000)
        model = window.instance_page.table.checks
        row = next(i for i, check in enumerate(model.rows) if check.id == "github.repo")
        shown = [model.data(model.index(row, column)) for column in range(model.columnCount())]
        assert shown[1] == "Token hat den Bereich repo"
        assert shown[2] == "Berechtigungen: read:org, repo."  # the emulator's demo token has both scopes
        assert model.rows[row].title == "Token has the repo scope"  # stored in the source language
    finally:
        for translator in (detail, title, *own):
            qapp.removeTranslator(translator)
        strings.set_translator(None)
    assert strings.translate("github", "Scopes: {scopes}.") == "Scopes: {scopes}."
