"""Fast checks of the installers' inputs: spec syntax, version in one place, Info.plist,
Windows version resource, the .desktop and AppStream files, and which Qt parts are bundled."""

from __future__ import annotations

import ast
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

import exadesk
from exadesk.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "exadesk.spec"


def test_spec_and_scripts_are_valid_python():
    for path in (SPEC, ROOT / "packaging" / "launcher.py", ROOT / "packaging" / "render_icons.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_spec_builds_every_platform_variant():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= called
    text = SPEC.read_text(encoding="utf-8")
    for uses in ("cfg.info_plist()", "cfg.windows_version_file()", "cfg.qt_excludes()", "cfg.keep_qt_file"):
        assert uses in text


def test_version_is_read_from_the_package(cfg):
    assert cfg.version() == exadesk.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", exadesk.__version__)
    assert cfg.version_tuple() == tuple(int(n) for n in exadesk.__version__.split(".")) + (0,)


def test_cli_prints_the_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"ExaDesk {exadesk.__version__}"


def test_macos_info_plist(cfg):
    plist = plistlib.loads(plistlib.dumps(cfg.info_plist()))
    assert plist["CFBundleIdentifier"] == cfg.APP_ID
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == exadesk.__version__
    assert plist["CFBundlePackageType"] == "APPL"
    assert plist["NSHighResolutionCapable"] is True
    assert tuple(int(n) for n in plist["LSMinimumSystemVersion"].split(".")) >= (11, 0)


class _Recorder:
    """Stands in for PyInstaller's version-info classes, which import pefile (Windows only)."""

    def __init__(self, name):
        self.name = name

    def __call__(self, *args, **kwargs):
        return (self.name, args, kwargs)


def test_windows_version_resource(cfg):
    text = cfg.windows_version_file()
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    info = eval(compile(text, "version_info.txt", "eval"), {"__builtins__": {}}, {n: _Recorder(n) for n in names})
    fixed = info[2]["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == cfg.version_tuple()
    table = info[2]["kids"][0][1][0][0][1][1]
    strings = {entry[1][0]: entry[1][1] for entry in table}
    assert strings["FileVersion"] == strings["ProductVersion"] == exadesk.__version__
    assert strings["ProductName"] == "ExaDesk"
    assert strings["OriginalFilename"] == f"{cfg.APP_NAME}.exe"


def test_qt_modules_the_app_imports_are_never_excluded(cfg):
    used = cfg.qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    excluded = {name.removeprefix("PySide6.") for name in cfg.qt_excludes()}
    assert not used & excluded
    assert {"QtQml", "QtQuick", "QtNetwork", "QtDesigner"} <= excluded


def test_every_installed_pyside6_module_is_known(cfg):
    """A PySide6 upgrade that adds a module must not slip it into the bundle unnoticed."""
    import PySide6

    installed = {path.name.split(".")[0] for path in Path(PySide6.__file__).parent.glob("Qt*.*")
                 if path.suffix in (".so", ".pyd") or ".abi3." in path.name}
    assert installed, "no PySide6 extension modules found"
    assert installed <= set(cfg.PYSIDE6_MODULES), sorted(installed - set(cfg.PYSIDE6_MODULES))


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so", False),
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/translations/qtdeclarative_de.qm", False),
    ("PySide6/Qt/qml/QtQuick/Controls/qmldir", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("libssl.so.3", True),
    ("resources/icons/exadesk.svg", True),
])
def test_keep_qt_file(cfg, dest, kept):
    assert cfg.keep_qt_file(dest) is kept


def test_libraries_only_dropped_plugins_needed_are_removed(cfg):
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libssl.so.3", "/usr/lib/libssl.so.3", "BINARY"),
        ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "/src/_ssl.so", "EXTENSION"),
    ]
    needs = {"/src/libqxcb.so": {"libxcb-cursor.so.0", "libc.so.6"}, "/src/_ssl.so": {"libssl.so.3"}}
    kept = [dest for dest, *_ in cfg.drop_unneeded_libraries(binaries, lambda path: needs.get(path, set()))]
    assert "libgtk-3.so.0" not in kept
    assert {"libxcb-cursor.so.0", "libssl.so.3", "libpython3.11.so.1.0",
            "PySide6/Qt/plugins/platforms/libqxcb.so"} <= set(kept)


# -- Linux desktop integration ---------------------------------------------------------


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; scripts/setup.sh installs it)")
    return path


def test_desktop_file_validates(cfg):
    result = subprocess.run([_tool("desktop-file-validate", "desktop-file-utils"), str(cfg.DESKTOP_FILE)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout + result.stderr


def test_desktop_file_names_the_installed_command_and_icon(cfg):
    parser = ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(cfg.DESKTOP_FILE, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Icon"] == cfg.APP_ID
    assert entry["Exec"].split()[0] == cfg.EXECUTABLE
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf'^{cfg.EXECUTABLE} = "exadesk\.cli:main"', pyproject, re.M)
    assert entry["Terminal"] == "false"


def test_metainfo_validates(cfg):
    result = subprocess.run([_tool("appstreamcli", "appstream"), "validate", "--no-net", "--pedantic",
                             str(cfg.METAINFO_FILE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    # Pedantic notes are allowed only for the reverse-DNS id's capitals (kept to match the macOS bundle id).
    notes = [line for line in result.stdout.splitlines() if re.match(r"[EWIP]: ", line)]
    assert all("cid-contains-uppercase-letter" in line for line in notes), notes


def _metainfo(cfg) -> ET.Element:
    return ET.parse(cfg.METAINFO_FILE).getroot()


def test_metainfo_matches_the_app(cfg):
    root = _metainfo(cfg)
    assert root.findtext("id") == cfg.APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == cfg.DESKTOP_FILE.name
    assert root.findtext("icon[@type='stock']") == cfg.APP_ID
    assert root.findtext("provides/binary") == cfg.EXECUTABLE
    assert root.findtext("summary") == cfg.SUMMARY


def test_metainfo_newest_release_is_the_current_version(cfg):
    releases = _metainfo(cfg).findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == exadesk.__version__
    dates = [release.get("date") for release in releases]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", date or "") for date in dates)
    assert dates == sorted(dates, reverse=True), "releases must be listed newest first"
    assert all(release.find("description") is not None for release in releases)


def test_metainfo_screenshots_are_published_from_docs(cfg):
    images = [image.text for image in _metainfo(cfg).findall("screenshots/screenshot/image")]
    assert len(images) >= 1
    assert all(url.startswith(cfg.SCREENSHOT_URL_PREFIX) and url.endswith(".png") for url in images)
    names = [url.removeprefix(cfg.SCREENSHOT_URL_PREFIX) for url in images]
    if not list(cfg.SCREENSHOTS_DIR.glob("*.png")):
        pytest.skip("docs/screenshots/ holds no screenshots yet (the GUI's screenshot script writes them)")
    missing = [name for name in names if not (cfg.SCREENSHOTS_DIR / name).is_file()]
    assert not missing, f"metainfo screenshots not in docs/screenshots/: {missing}"


def test_setup_script_installs_the_validators():
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    packages = re.search(r"DEBIAN_PACKAGES=\((.*?)\)", setup, re.S).group(1).split()
    assert {"desktop-file-utils", "appstream"} <= set(packages)


def test_build_script_and_guide_exist():
    build = ROOT / "packaging" / "build-linux.sh"
    assert build.is_file() and build.stat().st_mode & 0o111, "packaging/build-linux.sh must be executable"
    result = subprocess.run(["bash", "-n", str(build)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    guide = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    for topic in ("build-linux.sh", "signtool", "notarytool", "codesign", "stapler"):
        assert topic in guide, topic


def test_build_config_has_no_pyinstaller_dependency():
    result = subprocess.run([sys.executable, "-c", "import build_config, sys; "
                             "assert 'PyInstaller' not in sys.modules and 'PySide6' not in sys.modules"],
                            cwd=ROOT / "packaging", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
