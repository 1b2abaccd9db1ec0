"""Render the app icon (resources/icons/exadesk.svg) into every file the installers need.

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py          # write them
    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py --check  # exit 1 if any is stale

Writes packaging/linux/icons/hicolor/<n>x<n>/apps/<app id>.png for the freedesktop sizes,
packaging/linux/icons/hicolor/scalable/apps/<app id>.svg, packaging/windows/exadesk.ico and
packaging/macos/exadesk.icns. Both containers hold PNG images, which Windows Vista+ and
macOS 10.7+ read, so no platform tool is needed to make them.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_config as cfg  # noqa: E402

SOURCE = cfg.ICONS_DIR / "exadesk.svg"
HICOLOR = cfg.PACKAGING_DIR / "linux" / "icons" / "hicolor"
ICO = cfg.PACKAGING_DIR / "windows" / "exadesk.ico"
ICNS = cfg.PACKAGING_DIR / "macos" / "exadesk.icns"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: icns element types holding PNG data, by pixel size (several types share a size: 1x and 2x slots).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("ic11", 32), ("icp6", 64), ("ic12", 64), ("ic07", 128),
              ("ic08", 256), ("ic13", 256), ("ic09", 512), ("ic14", 512), ("ic10", 1024))


def render_png(size: int) -> bytes:
    """The app icon as PNG bytes of ``size`` x ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    QGuiApplication.instance() or QGuiApplication(["render_icons"])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SOURCE} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico with one PNG image per size (ICONDIR, ICONDIRENTRYs, then the images)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple .icns: the 'icns' header, then one (type, length, PNG) element per slot."""
    body = b"".join(kind.encode() + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def expected_files() -> dict[Path, bytes]:
    """Every output file and the bytes it must hold."""
    sizes = set(cfg.HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(size) for size in sorted(sizes)}
    files = {HICOLOR / f"{n}x{n}" / "apps" / f"{cfg.APP_ID}.png": pngs[n] for n in cfg.HICOLOR_SIZES}
    files[HICOLOR / "scalable" / "apps" / f"{cfg.APP_ID}.svg"] = SOURCE.read_bytes()
    files[ICO] = ico_bytes({n: pngs[n] for n in ICO_SIZES})
    files[ICNS] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that differ from a fresh render")
    args = parser.parse_args(argv)
    files = expected_files()
    stale = [path for path, data in files.items() if not path.exists() or path.read_bytes() != data]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(cfg.ROOT)} (run packaging/render_icons.py)")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
        print(f"wrote {path.relative_to(cfg.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
