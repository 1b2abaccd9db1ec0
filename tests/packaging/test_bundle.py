"""Smoke tests of the built Linux app: it starts, lists the trackers, and carries only what it needs.

The bundle comes from ``EXADESK_BUNDLE`` (set by packaging/build-linux.sh after its build) or,
when PyInstaller is installed, is built here once per session (about 15-30 s on 2 cores).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from contextlib import closing
from pathlib import Path

import pytest

import exadesk
from exadesk.verification import registry

ROOT = Path(__file__).resolve().parents[2]
#: The bundle was 167 MB when written (Qt 6.12, Python 3.11); a jump means unwanted parts crept in.
SIZE_BUDGET_MB = 220

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux")


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    given = os.environ.get("EXADESK_BUNDLE")
    if given:
        path = Path(given)
        assert (path / "exadesk").is_file(), f"EXADESK_BUNDLE={given} holds no exadesk executable"
        return path
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed: `pip install pyinstaller`, or run packaging/build-linux.sh")
    out = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(ROOT / "packaging" / "exadesk.spec")],
        capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-4000:]
    print(f"\nbundle built in {time.monotonic() - started:.0f} s")
    return out / "dist" / "exadesk"


def _run(bundle: Path, *args: str, home: Path, timeout: int = 60,
         extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "QT_PLUGIN"))}
    env.update(EXADESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", **(extra_env or {}))
    # Run from elsewhere so nothing can be imported from the source tree by accident.
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run([str(bundle / "exadesk"), *args], capture_output=True, text=True, timeout=timeout,
                          env=env, cwd=home.parent)


def test_bundle_reports_its_version(bundle, tmp_path):
    result = _run(bundle, "--version", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ExaDesk {exadesk.__version__}"


def test_bundle_lists_the_trackers_as_json(bundle, tmp_path):
    result = _run(bundle, "trackers", "--json", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [tracker["id"] for tracker in listed] == registry.ids()
    assert all(tracker["auth_methods"] for tracker in listed)


def test_bundle_opens_the_window_offscreen(bundle, tmp_path):
    if not (ROOT / "exadesk" / "ui" / "app.py").is_file():
        pytest.skip("exadesk/ui/app.py (the window) is not written yet")
    result = _run(bundle, "--exit-after-startup", home=tmp_path / "home", timeout=120)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Traceback" not in result.stderr
    assert "Could not load the Qt platform plugin" not in result.stderr
    assert float(result.stdout.strip().splitlines()[-1]) > 0  # the startup time in ms, printed after first paint


def test_bundle_carries_icons_and_keyring_backends(bundle):
    internal = bundle / "_internal"
    for name in ("exadesk", *registry.ids()):
        assert (internal / "resources" / "icons" / f"{name}.svg").is_file(), name
    assert (internal / "PySide6" / "Qt" / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
    # keyring finds its backends through entry points, so its metadata must travel along.
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))


def test_bundle_leaves_out_unused_qt(bundle, cfg):
    internal = bundle / "_internal"
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    for library in ("libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6Designer"):
        assert not list(qt_lib.glob(f"{library}.*")), library
    present = {path.name.split(".")[0] for path in (internal / "PySide6").glob("Qt*.abi3.so")}
    assert present == cfg.qt_modules_kept()
    assert not (internal / "libgtk-3.so.0").exists()
    assert not list(internal.glob("PySide6/Qt/plugins/sqldrivers/*"))


def test_bundle_size_stays_in_budget(bundle):
    size = sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    print(f"\nbundle size: {size / 2**20:.0f} MB")
    assert size < SIZE_BUDGET_MB * 2**20


@pytest.mark.secret_service
def test_bundle_keeps_secrets_in_the_secret_service(bundle, tmp_path):
    """The frozen app finds keyring's Secret Service backend and stores, then removes, a secret there."""
    import secretstorage

    token = "ghp_" + uuid.uuid4().hex + "BundleTest"  # made up, unique per run
    home = tmp_path / "home"
    added = _run(bundle, "add", "github", "--name", "Bundle keychain test", "--workspace", "Packaging",
                 "--url", "https://github.com", "--project", "acme/site", "--secret-env", "BUNDLE_TEST_TOKEN",
                 home=home, extra_env={"BUNDLE_TEST_TOKEN": token})
    assert added.returncode == 0, added.stderr
    assert token not in added.stdout + added.stderr

    def stored_secrets() -> list[bytes]:
        with closing(secretstorage.dbus_init()) as connection:
            return [item.get_secret() for item in secretstorage.search_items(connection, {"service": "exadesk"})]

    assert token.encode() in stored_secrets()
    removed = _run(bundle, "remove", "--workspace", "Packaging", "Bundle keychain test", home=home)
    assert removed.returncode == 0, removed.stderr
    assert token.encode() not in stored_secrets()
