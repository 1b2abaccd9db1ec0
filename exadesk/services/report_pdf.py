"""Print a readiness report's HTML to PDF with Qt (QTextDocument + QPdfWriter): no extra dependency.

The one module outside exadesk/ui/ allowed to load Qt (the import contracts in pyproject.toml name it). Qt is
imported inside :func:`html_to_pdf` only, so the command line loads it just for ``exadesk report --format pdf``.
"""

from __future__ import annotations

import os
from pathlib import Path


def html_to_pdf(html_text: str, path: Path, *, title: str = "ExaDesk readiness report") -> None:
    """Write ``html_text`` as an A4 PDF to ``path`` (the text stays selectable and extractable).

    Creates a QGuiApplication when none is running (the CLI case), on the
    offscreen platform unless QT_QPA_PLATFORM says otherwise: no window opens.
    """
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["exadesk-report"])
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("ExaDesk")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(html_text)
    document.print_(writer)
    del writer  # finishes the file
