"""PDF rendering (exadesk/services/report_pdf.py): the one module outside the window that loads Qt, only when it
renders."""

from __future__ import annotations

import re
from pathlib import Path

from exadesk.services import report_pdf
from tests.test_no_qt import _run


def test_report_pdf_loads_qt_only_when_it_renders(tmp_path):
    """Importing the PDF module (as `exadesk report` may) loads no Qt; html_to_pdf does, and writes a PDF."""
    out = tmp_path / "r.pdf"
    code = ("import sys\nfrom pathlib import Path\nfrom exadesk.services import report_pdf\n"
            "print('BEFORE:' + ','.join(m for m in sys.modules if m.startswith('PySide6')))\n"
            f"report_pdf.html_to_pdf('<h1>Readiness</h1>', Path({str(out)!r}))\n"
            "print('AFTER:' + str(any(m.startswith('PySide6') for m in sys.modules)))")
    result = _run("-c", code, env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "BEFORE:\n" in result.stdout and "AFTER:True" in result.stdout, result.stdout
    assert out.read_bytes().startswith(b"%PDF")


def test_the_pdf_is_a4_with_its_title_and_creator(qapp, tmp_path):
    # qapp: in this process the window's QApplication is the one html_to_pdf finds (it makes none of its own)
    out = tmp_path / "long.pdf"
    report_pdf.html_to_pdf("<h1>Readiness</h1><p>" + "word " * 3000 + "</p>", out, title="Acme report")
    data = out.read_bytes()
    assert b"/Title (" + "\ufeffAcme report".encode("utf-16-be") + b")" in data
    assert b"/Creator (" + "\ufeffExaDesk".encode("utf-16-be") + b")" in data
    assert re.search(rb"/MediaBox \[0 0 595(\.0+)? 842(\.0+)?\]", data)  # A4 in points
    assert int(re.search(rb"/Count (\d+)", data).group(1)) >= 2  # a long report flows onto more pages
