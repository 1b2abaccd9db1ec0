"""The icons: one SVG per tracker id and status, self-contained, and the installers' renders up to date."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from exadesk.verification import registry

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
STATUSES = ("pass", "fail", "warn", "unknown", "skipped", "draft", "prepared_offline", "verified", "failing",
            "not_confirmed",
            "expiring")
SVG_NS = "{http://www.w3.org/2000/svg}"
ALL_SVGS = ([ICONS / "exadesk.svg"] + [ICONS / f"{tid}.svg" for tid in registry.ids()]
            + [ICONS / "status" / f"{name}.svg" for name in STATUSES])


@pytest.fixture(scope="module")
def qt_gui():
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


@pytest.mark.parametrize("path", ALL_SVGS, ids=lambda p: p.relative_to(ICONS).as_posix())
def test_icon_is_a_self_contained_svg(path):
    assert path.is_file(), f"missing icon {path.relative_to(ROOT)}"
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg" and root.get("viewBox")
    tags = {element.tag.removeprefix(SVG_NS) for element in root.iter()}
    # Text would depend on the user's fonts; images and links on files or the network.
    assert not tags & {"text", "image", "use", "script", "foreignObject"}, tags
    assert "http" not in path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")


@pytest.mark.parametrize("path", ALL_SVGS, ids=lambda p: p.relative_to(ICONS).as_posix())
def test_icon_renders_visibly_at_its_small_size(path, qt_gui):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    size = 16 if "status" in path.parts else 20
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    pixels = [image.pixelColor(x, y) for x in range(size) for y in range(size)]
    opaque = [colour for colour in pixels if colour.alpha() > 100]
    assert len(opaque) > size * size * 0.2, "the mark is too faint to see at its small size"
    if "status" not in path.parts:
        # A tile must carry a glyph that stands out from its background, e.g. a white monogram.
        lightness = [colour.lightness() for colour in opaque]
        assert max(lightness) - min(lightness) > 120, "the glyph does not stand out from the tile"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_hicolor_icons_in_every_size(cfg):
    hicolor = cfg.LINUX_DIR / "icons" / "hicolor"
    for size in cfg.HICOLOR_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{cfg.APP_ID}.png"
        assert _png_size(png.read_bytes()) == (size, size)
    scalable = hicolor / "scalable" / "apps" / f"{cfg.APP_ID}.svg"
    assert scalable.read_bytes() == (ICONS / "exadesk.svg").read_bytes()


def test_rendered_icons_match_the_svg(cfg, qt_gui):
    """The committed renders come from the current SVG (tolerating small rasteriser differences)."""
    from PySide6.QtGui import QImage

    import render_icons

    for path, data in render_icons.expected_files().items():
        if path.suffix != ".png":
            continue
        fresh, committed = QImage.fromData(data), QImage(str(path))
        assert committed.size() == fresh.size(), path
        diff = sum(abs(fresh.pixelColor(x, y).value() - committed.pixelColor(x, y).value())
                   for x in range(fresh.width()) for y in range(fresh.height()))
        assert diff / (fresh.width() * fresh.height()) < 4, f"{path.name} is stale: run packaging/render_icons.py"


def test_windows_ico_holds_every_size(cfg):
    import render_icons

    data = render_icons.ICO.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * index:22 + 16 * index])
        assert _png_size(data[offset:offset + length]) == (width or 256, height or 256)
        sizes.append(width or 256)
    assert sizes == list(render_icons.ICO_SIZES)


def test_macos_icns_holds_every_slot(cfg):
    import render_icons

    data = render_icons.ICNS.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, offset = {}, 8
    while offset < len(data):
        kind, length = data[offset:offset + 4].decode(), struct.unpack(">I", data[offset + 4:offset + 8])[0]
        found[kind] = _png_size(data[offset + 8:offset + length])[0]
        offset += length
    assert found == dict(render_icons.ICNS_TYPES)
