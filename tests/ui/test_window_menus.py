"""The window's menus (exadesk/ui/window_menus.py)."""

from __future__ import annotations


def test_help_menu_opens_the_user_guide(window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    guide = next(a for a in help_menu.actions() if a.text() == "&User guide")
    guide.trigger()
    # The guide is shown inside the app (a desktop may have nothing that opens Markdown): nothing is handed off.
    assert opened == []
    assert window.guide_window is not None and window.guide_window.isVisible()
    assert "ExaDesk" in window.guide_window.browser.toPlainText()
    window.guide_window.close()
