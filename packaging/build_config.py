"""What the installers are made of, as data: read by exadesk.spec and checked by tests/packaging.

No PyInstaller import here, so the tests can check the metadata on any machine.
The version comes from exadesk/__init__.py (__version__), the one place it is written.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGING_DIR = Path(__file__).resolve().parent
ROOT = PACKAGING_DIR.parent
ICONS_DIR = ROOT / "resources" / "icons"

APP_NAME = "ExaDesk"
EXECUTABLE = "exadesk"
#: Reverse-DNS id shared by the .desktop file, the AppStream metainfo and the macOS bundle.
APP_ID = "io.exadesk.ExaDesk"
PUBLISHER = "ExaDesk"
SUMMARY = "Set up and verify the accounts of two-way sync integrations"
COPYRIGHT = "Copyright © 2026 ExaDesk"
HICOLOR_SIZES = (16, 32, 48, 64, 128, 256)
LINUX_DIR = PACKAGING_DIR / "linux"
DESKTOP_FILE = LINUX_DIR / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX_DIR / f"{APP_ID}.metainfo.xml"
#: Where the metainfo's screenshots are published: docs/screenshots/ of the main branch.
SCREENSHOT_URL_PREFIX = "https://raw.githubusercontent.com/exadesk/exadesk/main/docs/screenshots/"
SCREENSHOTS_DIR = ROOT / "docs" / "screenshots"
#: The user guide Help, User guide shows inside the app (exadesk.ui.guide); its images are in SCREENSHOTS_DIR.
GUIDE = ROOT / "docs" / "user-guide.md"
MACOS_MINIMUM = "11.0"

#: Every Qt for Python module PySide6-Essentials ships. The bundle keeps only those the source imports.
PYSIDE6_MODULES = (
    "QtConcurrent", "QtCore", "QtDBus", "QtDesigner", "QtGui", "QtHelp", "QtNetwork", "QtOpenGL",
    "QtOpenGLWidgets", "QtPrintSupport", "QtQml", "QtQuick", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtSql", "QtSvg", "QtSvgWidgets", "QtTest", "QtUiTools", "QtWidgets", "QtXml",
    "QtLabsStyleKit", "QtQmlFeatures",
)
#: Qt modules needed even when no source file names them: QtSvg renders the SVG icons
#: (through Qt's svg image-format and icon-engine plugins, which load the QtSvg library).
ALWAYS_KEPT_QT = frozenset({"QtCore", "QtGui", "QtWidgets", "QtSvg"})

#: Pure-Python packages that are installed next to the app but never used by it.
EXCLUDED_PYTHON = (
    "tkinter", "unittest", "pydoc", "pytest", "_pytest", "pytestqt", "hypothesis", "yaml",
    "jsonschema", "IPython", "numpy", "setuptools", "pip", "PyInstaller",
)

#: Qt plug-in folders (under PySide6/Qt/plugins) the app needs: windowing, images, SVG icons,
#: desktop themes, input methods. The rest (QML tooling, SQL drivers, Wayland compositor
#: parts, TLS backends for QtNetwork, printing) belong to modules the app does not use.
QT_PLUGIN_DIRS_KEPT = frozenset({
    "platforms", "imageformats", "iconengines", "platformthemes", "platforminputcontexts",
    "xcbglintegrations", "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-shell-integration", "styles",
})
#: Plug-ins left out of kept folders. Embedded-device back-ends (framebuffer, EGLFS, VNC, Vulkan
#: display, evdev input) never apply to a desktop app. The GTK 3 theme would pull the build
#: machine's whole GTK stack (~25 MB) into the bundle, to be mixed with the user's own GTK
#: modules; the XDG desktop portal theme still gives native file dialogs and the dark/light scheme.
QT_PLUGINS_DROPPED = frozenset({
    "libqeglfs.so", "libqlinuxfb.so", "libqminimalegl.so", "libqvkkhrdisplay.so", "libqvnc.so",
    "libqgtk3.so", "libqevdevkeyboardplugin.so", "libqevdevmouseplugin.so", "libqevdevtabletplugin.so",
    "libqevdevtouchplugin.so", "libqtuiotouchplugin.so",
})

#: Qt's own translations: keep qtbase (the words of Qt's standard dialogs and buttons), drop those
#: of modules the app leaves out (QML, multimedia, designer, help ...).
QT_TRANSLATION_PREFIXES = ("qtbase_",)


def version() -> str:
    """The app version, read from exadesk/__init__.py without importing the package."""
    text = (ROOT / "exadesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        raise RuntimeError("exadesk/__init__.py has no __version__")
    return match.group(1)


def version_tuple() -> tuple[int, int, int, int]:
    """The version as the four numbers Windows' VERSIONINFO wants (0.4.0 -> (0, 4, 0, 0))."""
    numbers = [int(n) for n in re.findall(r"\d+", version().split("+")[0])[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def qt_modules_used(source_dir: Path = ROOT / "exadesk") -> set[str]:
    """Qt modules named by ``PySide6.QtX`` imports anywhere in the app's source."""
    used: set[str] = set()
    for path in source_dir.rglob("*.py"):
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return used


def qt_modules_kept() -> set[str]:
    return qt_modules_used() | ALWAYS_KEPT_QT


def qt_excludes() -> list[str]:
    """PySide6 modules to leave out of the bundle: every shipped module the app never imports."""
    kept = qt_modules_kept()
    return sorted(f"PySide6.{name}" for name in PYSIDE6_MODULES if name not in kept)


def keep_qt_file(dest: str) -> bool:
    """Whether a file PyInstaller collected from PySide6 belongs in the bundle.

    Args:
        dest: its path inside the bundle, e.g. ``PySide6/Qt/plugins/sqldrivers/libqsqlite.so``.
    """
    parts = Path(dest).as_posix().split("/")
    if parts[:1] != ["PySide6"]:
        return True
    if parts[1:3] == ["Qt", "plugins"] and len(parts) > 3:
        return parts[3] in QT_PLUGIN_DIRS_KEPT and parts[-1] not in QT_PLUGINS_DROPPED
    if parts[1:3] == ["Qt", "translations"] and len(parts) > 3:
        return parts[3].startswith(QT_TRANSLATION_PREFIXES)
    if parts[1:3] == ["Qt", "qml"]:
        return False
    return True


def is_shared_system_library(dest: str) -> bool:
    """A library PyInstaller copied from the build machine into the bundle's top folder."""
    name = Path(dest).name
    return "/" not in Path(dest).as_posix() and name.startswith("lib") and ".so" in name \
        and not name.startswith("libpython")


def drop_unneeded_libraries(binaries: list, imports_of) -> list:
    """Remove system libraries that only the dropped plug-ins needed (Linux).

    PyInstaller resolves dependencies before the spec filters plug-ins, so the GTK stack of the
    dropped GTK theme is still listed. Keep a system library only if something kept needs it.

    Args:
        binaries: PyInstaller's (dest, source, kind) entries, already filtered by keep_qt_file.
        imports_of: maps a binary's source path to the names of the libraries it loads,
            transitively (PyInstaller's ldd-based ``bindepend.get_imports`` on Linux).
    """
    needed: set[str] = set()
    for dest, source, _kind in binaries:
        if not is_shared_system_library(dest):
            needed.update(imports_of(source))
    return [entry for entry in binaries if not is_shared_system_library(entry[0]) or Path(entry[0]).name in needed]


def info_plist() -> dict:
    """The macOS bundle's Info.plist entries (PyInstaller adds the executable and icon keys)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": version(),
        "CFBundleVersion": version(),
        "CFBundlePackageType": "APPL",
        "CFBundleDevelopmentRegion": "en",
        "LSApplicationCategoryType": "public.app-category.developer-tools",
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "NSHumanReadableCopyright": COPYRIGHT,
    }


def windows_version_strings() -> dict[str, str]:
    """The StringFileInfo table of the Windows executable's version resource."""
    return {
        "CompanyName": PUBLISHER,
        "FileDescription": APP_NAME,
        "FileVersion": version(),
        "InternalName": EXECUTABLE,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version(),
    }


def windows_version_file() -> str:
    """The version resource in PyInstaller's version-file syntax (``EXE(version=<file>)``).

    Written as text because PyInstaller's own classes import pefile, which exists only on Windows.
    """
    numbers = version_tuple()
    strings = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in windows_version_strings().items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {strings}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
