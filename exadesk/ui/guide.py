"""Help, User guide: docs/user-guide.md rendered inside the app, its links opened in the browser.

Not every desktop can open a Markdown file (xdg-open may have no handler for it), and an installed app has no
checkout to point at, so the guide ships with the package (exadesk/guide is a link to docs/, listed as package
data in pyproject.toml) and is shown here, images and all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

#: The guide as package data (exadesk/guide links to docs/; an installed wheel holds the files themselves).
PACKAGED_GUIDE = Path(__file__).resolve().parents[1] / "guide" / "user-guide.md"
#: docs/ next to the package: a checkout where the link is not followed (Windows without symlinks), a PyInstaller
#: bundle (packaging/exadesk.spec copies docs/ there).
CHECKOUT_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"
#: Screenshots wider than this are scaled down to it, so the guide reads without scrolling sideways.
IMAGE_WIDTH = 720


def guide_path() -> Path | None:
    """Where the user guide is: the package data first, then docs/ beside the package; None when neither is."""
    return next((p for p in (PACKAGED_GUIDE, CHECKOUT_GUIDE) if p.is_file()), None)


class GuideBrowser(QTextBrowser):
    """Renders Markdown with its images relative to the file; web links go to the browser, never in here."""

    def __init__(self, parent=None, open_url=None):
        super().__init__(parent)
        self._open_url = open_url or QDesktopServices.openUrl
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)
        self.setAccessibleName(self.tr("User guide"))

    def show_file(self, path: Path) -> None:
        self.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.setSearchPaths([str(path.parent)])
        self.setMarkdown(path.read_text(encoding="utf-8"))

    def loadResource(self, kind: int, url: QUrl):
        if kind == QTextDocument.ResourceType.ImageResource.value or kind == QTextDocument.ResourceType.ImageResource:
            target = self.document().baseUrl().resolved(url)
            image = QImage(target.toLocalFile()) if target.isLocalFile() else QImage()
            if not image.isNull():
                if image.width() > IMAGE_WIDTH:
                    image = image.scaledToWidth(IMAGE_WIDTH, mode=_smooth())
                return image
        return super().loadResource(kind, url)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            self._open_url(url)
        elif url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
        else:
            target = self.document().baseUrl().resolved(url)
            if target.isLocalFile() and target.toLocalFile().endswith(".md") and Path(target.toLocalFile()).is_file():
                self.show_file(Path(target.toLocalFile()))
            else:
                self._open_url(target)


def _smooth():
    from PySide6.QtCore import Qt

    return Qt.TransformationMode.SmoothTransformation


class GuideWindow(QDialog):
    """A non-modal window with the user guide."""

    def __init__(self, parent=None, open_url=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("ExaDesk user guide"))
        self.browser = GuideBrowser(self, open_url=open_url)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        path = guide_path()
        if path is not None:
            self.browser.show_file(path)
        else:
            self.browser.setPlainText(self.tr("The user guide is not installed with this copy of ExaDesk."))
        self.resize(860, 700)
