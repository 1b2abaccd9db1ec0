"""The GUI entry point: ``run(exit_after_startup)`` (called by ``exadesk`` with no command).

Startup stays fast: no network, heavy modules imported on first use.
``--exit-after-startup`` opens the window with the user's data, waits for its
first paint, prints the milliseconds since the process started, and exits 0.
"""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from exadesk import APP_ID, __version__
from exadesk.foundation import strings
from exadesk.foundation.lifetime import process_age_ms

I18N_DIR = os.path.join(os.path.dirname(__file__), "i18n")
#: The .desktop file's name without its suffix (packaging/linux/io.exadesk.ExaDesk.desktop): Wayland
#: and the task bars match the window to its launcher and icon by it.
DESKTOP_FILE = "io.exadesk.ExaDesk"


class _FirstPaint(QObject):
    """Calls ``done`` once, after the watched widget's first paint event was handled."""

    def __init__(self, done):
        super().__init__()
        self.done = done
        self.fired = False

    def eventFilter(self, obj, event) -> bool:
        if not self.fired and event.type() == QEvent.Type.Paint:
            self.fired = True
            QTimer.singleShot(0, self.done)  # after this paint is finished
        return False


def qt_translate(context: str, text: str) -> str:
    """exadesk.foundation.strings' translator in the window: Qt's installed translators (the trackers' sentences are in
    the .ts file under the tracker's id). Checks run in worker threads; QCoreApplication.translate is thread-safe."""
    return QCoreApplication.translate(context, text)


def install_translations(app: QApplication) -> list[QTranslator]:
    """ExaDesk's own .qm for the system language (English is the source), and Qt's own strings; the sentences the
    core and the trackers write (exadesk.foundation.strings) are looked up through them too."""
    strings.set_translator(qt_translate)
    translators = []
    locale = QLocale.system()
    own = QTranslator(app)
    if own.load(locale, "exadesk", "_", I18N_DIR):
        app.installTranslator(own)
        translators.append(own)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def create_app(argv: list[str] | None = None) -> QApplication:
    argv = list(argv or [sys.argv[0]])
    if "-style" not in argv:
        argv += ["-style", "Fusion"]  # the same look everywhere; set here, it costs nothing at startup
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("ExaDesk")
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    return app


def build_window(app: QApplication, loaded=None):
    """The main window over the user's data, with theme and translations applied; ``loaded``: the data file as
    already read (exadesk.store.storage.LoadResult), else it is read here."""
    from exadesk.ui import theme
    from exadesk.ui.main_window import MainWindow, remembered_system_dark
    from exadesk.ui.session import Session

    app._exadesk_translators = install_translations(app)
    session = Session(loaded=loaded)
    # The desktop's light/dark scheme as it was at the last close: asking Qt builds ~90 enum classes (~11 ms),
    # so the desktop is asked right after the first paint, and a scheme changed since is corrected then.
    theme.apply(app, session.data.settings.theme, system_dark=remembered_system_dark())
    window = MainWindow(session)
    window.first_painted.connect(lambda: theme.follow_system(app))
    app.aboutToQuit.connect(session.shutdown)
    return window


def broken_qt_binding() -> str:
    """Why this PySide6 cannot run the window, or "" (6.12.0 on Python 3.11 frees None after a few seconds)."""
    from PySide6 import __version__ as pyside_version

    if pyside_version == "6.12.0" and sys.version_info < (3, 12):
        return (f"PySide6 {pyside_version} crashes on Python {sys.version_info.major}.{sys.version_info.minor} "
                "(a reference-counting bug). Install another version: pip install 'PySide6-Essentials!=6.12.0'")
    return ""


def run(exit_after_startup: bool = False, loaded=None) -> int:
    """Open the window (over ``loaded``, the data file as already read, when given); with ``exit_after_startup``
    print the startup time and exit after the first paint."""
    broken = broken_qt_binding()
    if broken:  # said loudly, not refused: a packaging smoke test of a few hundred ms still works
        print(f"exadesk: warning: {broken}", file=sys.stderr)
    # Start-up allocates a great deal and frees almost nothing (modules, Qt types, the data, widgets): the
    # cyclic collector's passes over it are wasted work, so it rests until the window has painted once.
    gc.disable()
    app = create_app()
    window = build_window(app, loaded)
    from exadesk.foundation import logs

    window.first_painted.connect(lambda: logs.setup())  # records until then are held (exadesk.cli)
    window.first_painted.connect(gc.enable)
    if exit_after_startup:
        def done() -> None:
            print(f"{process_age_ms():.0f}", flush=True)
            window.close()
            app.exit(0)

        watcher = _FirstPaint(done)
        window.installEventFilter(watcher)
        window.show()
        return 0 if app.exec() == 0 else 1
    window.show()
    return int(app.exec())
