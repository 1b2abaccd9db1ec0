"""Shared inputs (exadesk/ui/widgets.py): a secret field with Show and Paste, a field row with its expected form."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from exadesk.services.wizard_flow import FieldState
from exadesk.ui.widgets import FieldRow, SecretEdit


def test_a_secret_is_hidden_until_show_and_paste_trims_it(qtbot):
    edit = SecretEdit("API token")
    qtbot.addWidget(edit)
    assert edit.edit.echoMode() is QLineEdit.EchoMode.Password
    assert edit.show_button.accessibleName() == "Show API token"
    edit.show_button.click()
    assert edit.edit.echoMode() is QLineEdit.EchoMode.Normal and edit.show_button.text() == "Hide"
    edit.show_button.click()
    assert edit.edit.echoMode() is QLineEdit.EchoMode.Password
    changes = []
    edit.textChanged.connect(changes.append)
    QGuiApplication.clipboard().setText("  tok-123\n")
    edit.paste_button.click()
    assert edit.text() == "tok-123" and changes[-1] == "tok-123"
    QGuiApplication.clipboard().clear()


def test_a_field_row_says_the_expected_form_and_the_problem_once_touched(qtbot):
    row = FieldRow("Site address")
    qtbot.addWidget(row)
    wrong = FieldState(ok=False, expected="https://NAME.example.com", problem="not a web address.")
    row.show_state(wrong, touched=False)
    assert row.hint.text() == "Expected: https://NAME.example.com"
    row.show_state(wrong, touched=True)
    assert row.hint.text() == "Not a web address. Expected: https://NAME.example.com"
    assert row.input.accessibleDescription() == row.hint.text()
    row.show_state(FieldState(ok=True, note="trimmed to the site address"), touched=True)
    assert row.hint.text() == "Trimmed to the site address."
    row.show_state(FieldState(ok=True), touched=True)
    assert row.hint.text() == "" and row.hint.isHidden()


def test_a_secret_row_uses_the_secret_input(qtbot):
    row = FieldRow("Password", secret=True)
    qtbot.addWidget(row)
    assert isinstance(row.input, SecretEdit) and row.input.edit.accessibleName() == "Password"
