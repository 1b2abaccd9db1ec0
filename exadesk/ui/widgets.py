"""Small shared widgets: a secret input with show and paste, a field row with its expected form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from exadesk.services.wizard_flow import FieldState
from exadesk.ui.theme import bad_colour

OK_COLOUR = "palette(placeholder-text)"


class SecretEdit(QWidget):
    """A password input with a Show toggle and a Paste button.

    Signals:
        textChanged(str)
    """

    textChanged = Signal(str)

    def __init__(self, accessible_name: str, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible_name)
        self.edit.textChanged.connect(self.textChanged.emit)
        self.show_button = QToolButton()
        self.show_button.setText(self.tr("Show"))
        self.show_button.setCheckable(True)
        self.show_button.setAccessibleName(self.tr("Show {name}").format(name=accessible_name))
        self.show_button.setToolTip(self.tr("Show or hide what you typed"))
        self.show_button.toggled.connect(self._toggle)
        self.paste_button = QToolButton()
        self.paste_button.setText(self.tr("Paste"))
        self.paste_button.setAccessibleName(self.tr("Paste {name}").format(name=accessible_name))
        self.paste_button.setToolTip(self.tr("Paste from the clipboard (surrounding spaces and line breaks are removed)"))
        self.paste_button.clicked.connect(self.paste)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.paste_button)
        self.setFocusProxy(self.edit)

    def _toggle(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        self.edit.setText(text.strip())
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def setPlaceholderText(self, text: str) -> None:
        self.edit.setPlaceholderText(text)


class FieldRow(QWidget):
    """An input with, under it, the expected form in words (red with the problem while it is wrong)."""

    def __init__(self, label: str, *, secret: bool = False, parent=None):
        super().__init__(parent)
        self.input = SecretEdit(label) if secret else QLineEdit()
        if not secret:
            self.input.setAccessibleName(label)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("fieldHint")
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.input)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.input)

    def show_state(self, state: FieldState, touched: bool) -> None:
        problem = state.problem.rstrip(".")  # a check's detail is a whole sentence; the hint adds its own stop
        if problem and touched:
            text = self.tr("{problem}. Expected: {expected}").format(problem=problem[:1].upper() + problem[1:],
                                                                  expected=state.expected) if state.expected \
                else problem
            colour = bad_colour()
        elif state.ok and state.note:
            text = state.note[:1].upper() + state.note[1:] + "."
            colour = OK_COLOUR
        else:
            text = self.tr("Expected: {expected}").format(expected=state.expected) if state.expected else ""
            colour = OK_COLOUR
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.hint.setStyleSheet(f"#fieldHint {{ color: {colour}; }}")
        self.input.setAccessibleDescription(text)
