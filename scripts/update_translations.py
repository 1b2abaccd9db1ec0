"""Regenerate exadesk/ui/i18n/exadesk_en.ts: the window's words and every tracker's sentences.

    .venv/bin/python scripts/update_translations.py

pyside6-lupdate reads the window modules (``tr`` calls; the list is tests/ui/test_words.py's WINDOW_MODULES) and,
for the trackers, a Python file written here for it and deleted afterwards: one ``QCoreApplication.translate(
"<tracker id>", "<sentence>")`` per sentence a person reads in a check (each tracker's TEXTS, its requirements'
titles and fixes; exadesk.foundation.strings.spec_texts). Those messages carry no source location (the file is gone);
their context is the tracker's id, which is what exadesk.foundation.strings.translate asks the window's translator with.
lupdate keeps the translations already made, so a translator's work in exadesk_<lang>.ts survives a rerun (pass
``--ts``).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "exadesk" / "ui"
TS = UI / "i18n" / "exadesk_en.ts"
#: The generated file's name: its locations are taken out of the .ts file again.
GENERATED = "exadesk_tracker_sentences.py"


def window_modules() -> list[Path]:
    """The window modules whose words the .ts file holds (tests/ui/test_words.py keeps the list)."""
    tree = ast.parse((ROOT / "tests" / "ui" / "test_words.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "WINDOW_MODULES" for t in node.targets):
            return [UI / f"{name}.py" for name in ast.literal_eval(node.value)]
    raise SystemExit("tests/ui/test_words.py has no WINDOW_MODULES")


def tracker_sentences() -> list[tuple[str, str]]:
    """(tracker id, sentence) for every registered tracker, in catalogue order."""
    sys.path.insert(0, str(ROOT))
    from exadesk.foundation import strings
    from exadesk.verification import registry

    return [(t.spec.id, text) for t in registry.all_trackers() for text in strings.spec_texts(t.spec)]


def lupdate() -> str:
    """pyside6-lupdate beside the interpreter (the virtual environment's bin/), or on PATH."""
    tool = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate not found: install the test tools (bash scripts/setup.sh test)")
    return tool


def update(ts: Path, language: str = "en") -> None:
    with tempfile.TemporaryDirectory() as folder:
        generated = Path(folder) / GENERATED
        lines = ["from PySide6.QtCore import QCoreApplication", ""]
        lines += [f"QCoreApplication.translate({json.dumps(context)}, {json.dumps(text, ensure_ascii=False)})"
                  for context, text in tracker_sentences()]
        generated.write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run([lupdate(), *map(str, window_modules()), str(generated), "-source-language", "en",
                        "-target-language", language, "-ts", str(ts)], check=True, timeout=300)
    text = ts.read_text(encoding="utf-8")
    ts.write_text(re.sub(rf'\n *<location filename="[^"]*{re.escape(GENERATED)}" line="\d+"/>', "", text),
                  encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS, help="the .ts file to update (default: %(default)s)")
    parser.add_argument("--language", default="en", help="its target language (default: %(default)s)")
    args = parser.parse_args(argv)
    update(args.ts, args.language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
