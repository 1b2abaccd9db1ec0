"""Icons: tracker marks from resources/icons (SVG, sharp at any scale), status marks drawn here.

Until a tracker's SVG exists a neutral mark is drawn: a rounded square with
the tracker's initials, never a vendor logo.
"""

from __future__ import annotations

import functools
import zlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from exadesk.foundation.checks import Status

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"
_SIZES = (16, 24, 32, 48, 64)

_STATUS_SVG = {
    Status.PASS: ('#2e7d32', '<path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#fff" stroke-width="2.4" '
                             'stroke-linecap="round" stroke-linejoin="round"/>'),
    Status.FAIL: ('#c62828', '<path d="M8.5 8.5l7 7M15.5 8.5l-7 7" stroke="#fff" stroke-width="2.4" '
                             'stroke-linecap="round"/>'),
    Status.WARN: ('#ef6c00', '<path d="M12 7v6" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/>'
                             '<circle cx="12" cy="16.8" r="1.4" fill="#fff"/>'),
    Status.UNKNOWN: ('#5c6bc0', '<path d="M9.6 9.8a2.5 2.5 0 1 1 3.4 2.3c-.7.3-1 .8-1 1.5v.6" fill="none" '
                                'stroke="#fff" stroke-width="2" stroke-linecap="round"/>'
                                '<circle cx="12" cy="17" r="1.3" fill="#fff"/>'),
    Status.SKIPPED: ('#8a8f98', '<path d="M8 12h8" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/>'),
}

_APP_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="1" y="1" width="22" height="22" '
            'rx="5" fill="#1f6feb"/><path d="M6 9h9l-3-3M18 15H9l3 3" fill="none" stroke="#fff" stroke-width="2" '
            'stroke-linecap="round" stroke-linejoin="round"/></svg>')


def _svg_icon(svg: bytes) -> QIcon:
    from PySide6.QtCore import Qt  # here: the first frame does without Qt's namespace (~11 ms)

    renderer = QSvgRenderer(QByteArray(svg))
    icon = QIcon()
    for size in _SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def _file_icon(path: Path) -> QIcon:
    """An SVG file as an icon: Qt's SVG icon engine draws it at the size and scale asked, when asked."""
    icon = QIcon(str(path))
    return icon if not icon.isNull() else _svg_icon(path.read_bytes())


#: A manual step (no API shows it) in grey, apart from the blue of a check this run could not decide.
MANUAL_COLOUR = "#6b7280"


def check_icon(check) -> QIcon:
    """The status mark of a check; a manual step gets its own colour."""
    return manual_icon() if check.status is Status.UNKNOWN and check.manual else status_icon(check.status)


@functools.lru_cache(maxsize=None)
def manual_icon() -> QIcon:
    mark = _STATUS_SVG[Status.UNKNOWN][1]
    return _svg_icon((f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" '
                      f'r="10.5" fill="{MANUAL_COLOUR}"/>{mark}</svg>').encode())


@functools.lru_cache(maxsize=None)
def status_icon(status: Status) -> QIcon:
    colour, mark = _STATUS_SVG[status]
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10.5" '
           f'fill="{colour}"/>{mark}</svg>')
    return _svg_icon(svg.encode())


@functools.lru_cache(maxsize=None)
def app_icon() -> QIcon:
    path = ICON_DIR / "exadesk.svg"
    if path.is_file():
        return _file_icon(path)
    return _svg_icon(_APP_SVG.encode())


def _colour(key: str) -> QColor:
    """A stable hue per tracker id (crc32: the same every run, unlike hash(); no secret, so no digest needed)."""
    hue = zlib.crc32(key.encode()) % 360
    return QColor.fromHsl(hue, 120, 110)


def _initials(name: str) -> str:
    words = [w for w in name.replace("/", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


@functools.lru_cache(maxsize=None)
def tracker_icon(icon_id: str, name: str = "") -> QIcon:
    """The tracker's mark from resources/icons/<id>.svg, or a neutral drawn one."""
    path = ICON_DIR / f"{icon_id}.svg"
    if path.is_file():
        return _file_icon(path)
    from PySide6.QtCore import Qt  # here: the first frame does without Qt's namespace (~11 ms)

    icon = QIcon()
    for size in _SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_colour(icon_id))
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size * 0.22, size * 0.22)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(size * 0.42)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, _initials(name or icon_id))
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon
