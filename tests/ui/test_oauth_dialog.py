"""The 'Sign in with the browser' dialog against the emulators: success, device code, denied, cancel."""

from __future__ import annotations

import pytest

from exadesk.sandbox import salesforce as sf_emu
from exadesk.sandbox import zendesk as zd_emu
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Instance
from tests.helpers.browser import FakeBrowser

pytest.importorskip("pytestqt")


def _dialog(qtbot, emulator, tracker, client_id, **kwargs):
    from exadesk.ui.oauth_dialog import OAuthDialog

    inst = Instance(tracker=tracker, name="Desk", url=emulator.url, auth_method="")
    dialog = OAuthDialog(inst, client_id, secrets=SecretStore(), timeout=kwargs.pop("timeout", 20), **kwargs)
    qtbot.addWidget(dialog)
    return dialog, inst


def test_browser_sign_in_stores_the_tokens_and_updates_the_instance(qtbot, emulators, memory_keyring):
    emulator = emulators.start("zendesk")
    browser = FakeBrowser()
    dialog, inst = _dialog(qtbot, emulator, "zendesk", zd_emu.DEMO_CLIENT_ID, open_url=browser)
    with qtbot.waitSignal(dialog.signed_in, timeout=15_000) as signal:
        pass
    assert signal.args[0] is inst and inst.auth_method == "oauth"
    assert browser.opened and browser.opened[0].startswith(emulator.url + "/oauth/authorizations/new?")
    assert dialog.result() == dialog.DialogCode.Accepted
    access = SecretStore().get(inst.id, "access_token")
    assert access in emulator.scenario["oauth_tokens"]
    texts = [dialog.status.text(), dialog.link.text(), dialog.code.text()]
    assert not any(access in t for t in texts)


def test_device_code_is_shown_and_copied(qtbot, emulators, qapp):
    emulator = emulators.start("salesforce", {"oauth": {"device_interval": 1, "device_pending_polls": 2}})
    dialog, inst = _dialog(qtbot, emulator, "salesforce", sf_emu.DEMO_CLIENT_ID, device=True)
    qtbot.waitUntil(lambda: bool(dialog.code.text()), timeout=10_000)
    assert dialog.code_box.isVisibleTo(dialog) and "/setup/connect" in dialog.status.text()
    dialog.copy_button.click()
    assert qapp.clipboard().text() == dialog.code.text()
    with qtbot.waitSignal(dialog.signed_in, timeout=20_000):
        pass
    assert inst.url == emulator.url and SecretStore().get(inst.id, "refresh_token")


def test_denied_consent_shows_the_problem_and_offers_try_again(qtbot, emulators, memory_keyring):
    emulator = emulators.start("zendesk", {"oauth": {"consent": "deny"}})
    dialog, inst = _dialog(qtbot, emulator, "zendesk", zd_emu.DEMO_CLIENT_ID, open_url=FakeBrowser())
    with qtbot.waitSignal(dialog.failed, timeout=15_000) as signal:
        pass
    assert signal.args[0].reason == "oauth.denied"
    assert dialog.retry_button.isVisibleTo(dialog) and dialog.problem_view.isVisibleTo(dialog)
    assert memory_keyring.entries == {} and inst.auth_method == ""
    emulator.scenario["oauth"]["consent"] = "approve"  # the person tries again and allows
    with qtbot.waitSignal(dialog.signed_in, timeout=15_000):
        dialog.retry_button.click()
    assert inst.auth_method == "oauth"


def test_cancel_while_waiting_for_a_closed_browser(qtbot, emulators, memory_keyring):
    emulator = emulators.start("salesforce")
    dialog, inst = _dialog(qtbot, emulator, "salesforce", sf_emu.DEMO_CLIENT_ID, open_url=FakeBrowser(closed=True))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.link.isVisibleTo(dialog), timeout=10_000)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as signal:
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert signal.args[0].reason == "oauth.cancelled"
    assert dialog.result() == dialog.DialogCode.Rejected and memory_keyring.entries == {}


def test_no_browser_opened_says_so_and_links_the_page(qtbot, emulators):
    emulator = emulators.start("zendesk")
    dialog, _ = _dialog(qtbot, emulator, "zendesk", zd_emu.DEMO_CLIENT_ID, open_url=lambda url: False, timeout=0.5)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as signal:
        pass
    assert signal.args[0].reason == "oauth.timeout"
    assert "/oauth/authorizations/new" in dialog.link.text()


def test_sign_in_again_for_a_stored_instance(qtbot, emulators, session):
    from exadesk.verification import tokens
    from exadesk.ui.oauth_dialog import sign_in_again

    emulator = emulators.start("zendesk")

    def add(data):
        from exadesk.store.model import Workspace

        ws = Workspace(name="W")
        ws.instances.append(Instance(tracker="zendesk", name="Desk", url=emulator.url, auth_method="oauth",
                                     values={"client_id": zd_emu.DEMO_CLIENT_ID},
                                     secret_fields=["refresh_token", "access_token"]))
        data.workspaces.append(ws)

    session.update(add)
    inst = session.data.find_instance("Desk")[1]
    fresh, problem = tokens.fresh_tokens(inst, session.secrets)
    assert problem.reason == "oauth.sign_in_again"  # nothing stored yet: the button is offered
    dialog = sign_in_again(session, inst, open_url=FakeBrowser())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.signed_in, timeout=15_000):
        pass
    stored = session.store.load().data.find_instance("Desk")[1]
    assert stored.auth_method == "oauth" and tokens.fresh_tokens(stored, session.secrets)[1] is None
