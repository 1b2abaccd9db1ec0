"""exadesk/ui/wizard_pages.py: the pages that gather the answers: walkthroughs, fields checked as typed, more
options."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from tests.helpers.wizard import open_wizard


def test_freshservice_uses_its_own_walkthrough_with_the_rejected_key_branch(qtbot, window, workspace_id):
    from exadesk.verification import registry
    from exadesk.ui.pages.freshservice_api_key import FreshserviceApiKeyPage

    wizard = open_wizard(window, "freshservice")
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page.content, FreshserviceApiKeyPage)
    spec = registry.get("freshservice").spec
    method = spec.auth_method("api_key")
    labels = [label.text() for label in page.content.walkthrough.step_labels]
    assert labels == [s.text for s in method.steps]
    assert not any(b.isEnabled() for b in page.content.walkthrough.link_buttons)  # no address yet
    page.url_row.input.setText("https://acme.freshservice.com")
    assert any(b.isEnabled() for b in page.content.walkthrough.link_buttons)
    assert page.content.rejected.isHidden()
    page.content.rejected_button.click()
    assert page.content.rejected.isVisible()
    requirement = spec.requirement("api_access")
    assert all(step in page.content.admin_steps.text() or step.replace("'", "&#x27;") in page.content.admin_steps.text()
               for step in requirement.steps)
    assert page.content.fix.text() == requirement.fix


def test_generic_walkthrough_numbers_steps_and_links_once_the_address_is_known(qtbot, window, workspace_id):
    wizard = open_wizard(window, "github")
    wizard.next()
    page = wizard.currentPage()
    page.url_row.input.setText("")
    assert not any(b.isEnabled() for b in page.content.link_buttons)
    page.url_row.input.setText("https://github.example.com")
    enabled = [b for b in page.content.link_buttons if b.isEnabled()]
    assert enabled and enabled[0].toolTip() == "https://github.example.com/settings/tokens"


def test_fields_are_checked_as_you_type_and_secrets_are_masked(qtbot, window, workspace_id):
    wizard = open_wizard(window, "github")
    wizard.next()
    wizard.next()
    page = wizard.currentPage()
    row = page.rows["token"]
    assert row.input.edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(row.input.edit, "ghp_x")
    assert row.hint.text().startswith("Does not have the expected form. Expected: a classic token")
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    row.input.show_button.click()
    assert row.input.edit.echoMode() == QLineEdit.EchoMode.Normal
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("  ghp_" + "P" * 36 + "\n")
    row.input.paste_button.click()
    assert row.input.text() == "ghp_" + "P" * 36
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_more_options_hold_the_advanced_fields(qtbot, window, workspace_id):
    from exadesk.verification import registry

    with_advanced = [t for t in registry.all_trackers() for m in t.spec.auth_methods if any(f.advanced for f in m.fields)]
    wizard = open_wizard(window, "github")
    wizard.next()
    wizard.next()
    page = wizard.currentPage()
    assert page.more_button.isHidden()  # GitHub's token method has no advanced field
    if with_advanced:
        tracker = with_advanced[0]
        wizard.reject()
        wizard = open_wizard(window, tracker.id)
        method = next(m for m in tracker.spec.auth_methods if any(f.advanced for f in m.fields))
        wizard.currentPage().buttons[method.id].click()
        wizard.next()
        wizard.next()
        page = wizard.currentPage()
        assert page.more_button.isVisible() and page.more.isHidden()
        page.more_button.click()
        assert page.more.isVisible()
