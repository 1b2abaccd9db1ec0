"""A credential's numbered set-up steps, shared by the wizard and the custom pages in exadesk.ui.pages.

Its own module so that a custom page can use it without importing the wizard, which loads the pages.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget


def wrapped(text: str = "", *, rich: bool = False) -> QLabel:
    """A label that wraps its text (rich text when asked)."""
    label = QLabel(text)
    label.setWordWrap(True)
    if rich:
        label.setTextFormat(Qt.TextFormat.RichText)
    return label


class Walkthrough(QWidget):
    """Numbered steps; a step's link is a button that opens the instance's settings page once the address is known."""

    def __init__(self, steps_title: str = "", parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.link_buttons: list[QPushButton] = []
        self.step_labels: list[QLabel] = []

    def show_steps(self, steps) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()  # deleteLater alone leaves it painted until the next event loop turn
                widget.setParent(None)
                widget.deleteLater()
        self.link_buttons, self.step_labels = [], []
        for row, step in enumerate(steps):
            number = QLabel(f"{step.number}.")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text = wrapped(step.text)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.step_labels.append(text)
            self.grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(text, row, 1, Qt.AlignmentFlag.AlignTop)
            if step.link_label or step.link:
                button = QPushButton(step.link_label or self.tr("Open in the browser"))
                button.setAccessibleName(step.link_label or self.tr("Open in the browser"))
                button.setEnabled(bool(step.link))
                button.setToolTip(step.link if step.link else self.tr("Enter the instance address above first."))
                button.clicked.connect(lambda _=False, link=step.link: QDesktopServices.openUrl(QUrl(link)))
                self.grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
                self.link_buttons.append(button)
