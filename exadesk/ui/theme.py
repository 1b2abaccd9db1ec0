"""Light and dark palettes; "system" follows the desktop's colour scheme as it changes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")

#: Colours of state badges, readable on both palettes.
BADGE_COLOURS = {
    "draft": "#6b7280",
    "prepared_offline": "#7c5cbf",
    "verified": "#2e7d32",
    "failing": "#c62828",
    "not_confirmed": "#1e5aa8",  # nothing fails, something decidable was not decided: neither green nor red
    "expiring": "#b45309",
}


def current_is_dark() -> bool:
    """True while a dark palette is in use (whatever chose it)."""
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def good_colour() -> str:
    return "#66bb6a" if current_is_dark() else "#2e7d32"


def bad_colour() -> str:
    return "#ef5350" if current_is_dark() else "#c62828"


def not_confirmed_colour() -> str:
    """Text colour of a "not confirmed" verdict (the badge's blue), readable on both palettes."""
    return "#7fb2f0" if current_is_dark() else "#1e5aa8"


def verdict_colour(verdict) -> str:
    """The headline colour of a verdict: green ready, blue not confirmed, red otherwise."""
    value = getattr(verdict, "value", verdict)
    return {"ready": good_colour(), "not_confirmed": not_confirmed_colour()}.get(value) or bad_colour()


def warn_colour() -> str:
    """Text colour of a warning (a credential expiring within the month), readable on both palettes."""
    return "#f0a030" if current_is_dark() else "#b45309"


def system_is_dark() -> bool:
    """The desktop's colour scheme. Builds PySide6's Qt namespace (~90 enum classes, ~11 ms) on first use,
    which is why start-up uses the scheme remembered from the last run and asks only after the first paint."""
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(theme: str) -> bool:
    return theme == "dark" or (theme == "system" and system_is_dark())


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#e6e6e6")
    disabled = QColor("#7a7d82")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#25272a"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#3a3d41"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#2f65ca"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#3a3d41"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Link, QColor("#6ea8fe"))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#9aa0a6"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#4a4d52"))
        p.setColor(group, QPalette.ColorRole.Light, QColor("#4a4d52"))
        p.setColor(group, QPalette.ColorRole.Dark, QColor("#151617"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#333538"))
    return p


def _light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f65ca"))
    p.setColor(QPalette.ColorRole.Link, QColor("#1a56c4"))
    return p


def apply(app: QApplication, theme: str, system_dark: bool | None = None) -> None:
    """Apply ``theme`` (system, light or dark) to the app (the Fusion style is chosen when the app is made).

    ``system_dark``: the desktop's scheme when the caller knows it already (start-up: the one remembered);
    None asks the desktop.
    """
    was_dark = bool(app.property("exadesk_dark"))
    dark = theme == "dark" or (theme == "system" and (system_is_dark() if system_dark is None else system_dark))
    app.setProperty("exadesk_theme", theme)
    app.setProperty("exadesk_dark", dark)
    if dark:
        app.setPalette(_dark_palette())
    elif was_dark:
        app.setPalette(_light_palette())
    # else: the style's own light palette is already in place (touching the style costs startup time)


def follow_system(app: QApplication) -> None:
    """While "system" is chosen: correct a remembered scheme that is no longer true, and re-apply whenever
    the desktop switches between light and dark."""

    def changed(_scheme=None) -> None:
        theme = app.property("exadesk_theme") or "system"
        if theme == "system" and system_is_dark() != bool(app.property("exadesk_dark")):
            apply(app, theme)

    changed()
    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)
