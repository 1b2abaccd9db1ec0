"""Help, User guide shows the guide inside the app; its web links open in the browser."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from exadesk.ui import guide

ROOT = Path(__file__).resolve().parents[2]


def test_help_user_guide_opens_the_guide_inside_the_app(qtbot, window):
    dialog = window.open_guide()
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert "ExaDesk" in text and len(text) > 2000  # the guide itself, rendered, not a path or an error
    assert "![" not in text and "](screenshots/" not in text  # Markdown was rendered, not shown as source
    assert window.open_guide() is dialog  # a second choice raises the same window


def test_the_guide_images_load_relative_to_the_guide(qtbot):
    browser = guide.GuideBrowser()
    qtbot.addWidget(browser)
    browser.show_file(guide.guide_path())
    image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("screenshots/main-window-light.png"))
    assert image is not None and not image.isNull() and image.width() <= guide.IMAGE_WIDTH


def test_web_links_open_in_the_browser_not_in_the_guide(qtbot):
    opened = []
    browser = guide.GuideBrowser(open_url=opened.append)
    qtbot.addWidget(browser)
    browser.show_file(guide.guide_path())
    before = browser.toPlainText()
    browser.anchorClicked.emit(QUrl("https://developer.atlassian.com/cloud/jira/platform/rest/v3/"))
    assert [u.toString() for u in opened] == ["https://developer.atlassian.com/cloud/jira/platform/rest/v3/"]
    assert browser.toPlainText() == before


def test_the_guide_and_its_images_ship_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert {"guide/user-guide.md", "guide/screenshots/*.png"} <= set(config["package-data"]["exadesk"])
    # exadesk/guide is the docs folder itself (a link), so what ships is what the repository shows.
    assert (ROOT / "exadesk" / "guide").resolve() == (ROOT / "docs").resolve()
    assert guide.guide_path() is not None and guide.guide_path().read_text() == \
        (ROOT / "docs" / "user-guide.md").read_text()
