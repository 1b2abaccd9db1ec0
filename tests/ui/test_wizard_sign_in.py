"""Browser sign-in in the window (the wizard's credential step, "Sign in again"), and the wizard's lifecycle notices."""

from __future__ import annotations

from exadesk.foundation import clock
from exadesk.sandbox import zendesk as zd_emu
from exadesk.services.wizard_flow import WizardFlow, WizardStep
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Instance, InstanceState, Verification
from exadesk.store.storage import Store
from tests.helpers.browser import FakeBrowser


def _to_credentials(window, tracker: str, method: str, url: str):
    wizard = window.start_wizard(tracker, WizardFlow(tracker=tracker))
    wizard.currentPage().buttons[method].click()
    wizard.next()
    wizard.currentPage().url_row.input.setText(url)
    wizard.next()
    assert wizard.flow.step is WizardStep.CREDENTIALS
    return wizard, wizard.currentPage()


def test_the_credential_step_signs_in_with_the_browser_and_fills_the_refresh_token(qtbot, window, workspace_id,
                                                                                  emulators):
    emulator = emulators.start("zendesk")
    wizard, page = _to_credentials(window, "zendesk", "oauth", emulator.url)
    assert page.sign_in_button is not None and page.sign_in_button.text() == "Sign in with the &browser…"
    assert not page.sign_in_button.isEnabled()  # the client id comes first
    page.rows["client_id"].input.setText(zd_emu.DEMO_CLIENT_ID)
    assert page.sign_in_button.isEnabled()
    browser = FakeBrowser()
    page.open_url = browser
    page.sign_in_button.click()
    qtbot.waitUntil(lambda: bool(wizard.flow.secrets.get("refresh_token")), timeout=15000)
    assert browser.opened and browser.opened[0].startswith(emulator.url + "/oauth/authorizations/new?")
    token = SecretStore().get(wizard._new_id, "refresh_token")
    assert token and wizard.flow.secrets.get("refresh_token") == token
    assert page.rows["refresh_token"].input.edit.echoMode() == page.rows["refresh_token"].input.edit.EchoMode.Password
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()
    wizard.reject()


def test_methods_without_a_browser_sign_in_have_no_button(window, workspace_id):
    wizard, page = _to_credentials(window, "github", "classic", "https://github.com")
    assert page.sign_in_button is None
    wizard.reject()


def test_sign_in_again_shows_when_the_saved_sign_in_was_refused(qtbot, window, workspace_id, emulators, monkeypatch):
    emulator = emulators.start("zendesk")
    refused = Verification(at=clock.now(), ready=False, error_kind="auth",
                           error_reason="oauth.sign_in_again", error_message="Zendesk no longer accepts the sign-in.")
    inst = Instance(tracker="zendesk", name="Desk", url=emulator.url, auth_method="oauth",
                    values={"client_id": zd_emu.DEMO_CLIENT_ID}, secret_fields=["refresh_token"],
                    state=InstanceState.FAILING, history=[refused])
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(inst), select=inst.id)
    page = window.instance_page
    assert page.sign_in_button.isVisibleTo(page)
    from exadesk.ui import oauth_dialog

    browser = FakeBrowser()
    original = oauth_dialog.OAuthDialog.__init__

    def with_fake_browser(self, *args, **kwargs):
        kwargs["open_url"] = browser
        original(self, *args, **kwargs)

    monkeypatch.setattr(oauth_dialog.OAuthDialog, "__init__", with_fake_browser)
    page.sign_in_button.click()
    qtbot.waitUntil(lambda: "access_token" in window.session.find(inst.id)[1].secret_fields, timeout=15000)
    assert SecretStore().get(inst.id, "access_token")
    qtbot.waitUntil(lambda: not window.runs, timeout=15000)  # the sign-in is verified at once
    window.session.flush()
    stored = Store().load().data.find_instance(inst.id)[1]
    assert "access_token" in stored.secret_fields and stored.last.error_reason != "oauth.sign_in_again"
    assert not page.sign_in_button.isVisibleTo(page)


def test_no_sign_in_again_for_other_failures(window, workspace_id):
    other = Verification(at=clock.now(), ready=False, error_kind="auth", error_reason="http.unauthorized",
                         error_message="The token was refused.")
    inst = Instance(tracker="github", name="GH", url="https://github.com", auth_method="classic",
                    state=InstanceState.FAILING, history=[other])
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(inst), select=inst.id)
    assert not window.instance_page.sign_in_button.isVisibleTo(window.instance_page)


def test_lifecycle_notices_show_once_for_the_tracker_and_under_their_method(window, workspace_id):
    wizard = window.start_wizard("jira_cloud", WizardFlow(tracker="jira_cloud"))
    page = wizard.currentPage()
    top = page.tracker_notices.text()
    assert page.tracker_notices.isVisibleTo(page)
    assert "Atlassian Connect reaches end of support" in top and "Jira Cloud API tokens expire" in top
    wizard.reject()
    wizard = window.start_wizard("azure_devops", WizardFlow(tracker="azure_devops"))
    page = wizard.currentPage()
    assert not page.tracker_notices.isVisibleTo(page)  # its one notice is about personal access tokens only
    labels = [w.text() for w in page.findChildren(type(page.tracker_notices)) if "Global personal access" in w.text()]
    assert len(labels) == 1
    wizard.reject()
