"""Issue 19 in the window: the sandbox keeps a person's work and teaches, the wizard asks the workspace, no keychain
says what really happens, and the status bar says what was saved."""

from __future__ import annotations

import pytest
from keyring.backends import fail

from exadesk.services import planner
from exadesk.services.wizard_flow import WizardStep
from exadesk.store import keychain
from exadesk.store.keychain import SecretStore
from exadesk.store.model import ConfigMode, Connection, Instance, InstanceState
from exadesk.store.storage import Store
from exadesk.ui.sandbox_demo import DEMO_WORKSPACE, LESSON_PREFIX
from tests.helpers.wizard import demo_answers, fill_wizard, open_wizard, run_verification


@pytest.fixture
def sandbox(qtbot, window):
    window.try_sandbox()
    window.sandbox_dialog.reject()
    yield window.session.data.workspace(DEMO_WORKSPACE)
    window.session.shutdown()


def _restart(window) -> None:
    """File → Start the sandbox after the app was restarted: new emulators on new ports."""
    window.session.demo.stop()
    window.session.demo = None
    window.try_sandbox()
    window.sandbox_dialog.reject()


def test_restarting_the_sandbox_keeps_the_persons_instance_and_its_connection(qtbot, window, sandbox,
                                                                              memory_keyring):
    github = sandbox.instance("GitHub sandbox")
    mine = Instance(tracker="freshservice", name="My Freshservice", url="https://acme.freshservice.com",
                    auth_method="api_key", secret_fields=["api_key"])
    conn = Connection(name="Desk to code", left=mine.id, right=github.id, mode=ConfigMode.SCRIPTED)

    def add(data):
        ws = data.workspace(DEMO_WORKSPACE)
        ws.instances.append(mine)
        ws.connections.append(conn)
        # data stored before the sandbox marked its instances: recognised by its name on loopback
        ws.instance("Zendesk sandbox").sandbox = None

    window.session.update(add)
    window.session.secrets.set(mine.id, "api_key", "person-own-key")
    # The person edits a sandbox instance (renames it): it is theirs from then on.
    asana = sandbox.instance("Asana sandbox")
    wizard = window.edit_instance(asana.id)
    wizard.pages[WizardStep.CREDENTIALS].name_edit.setText("Our Asana")
    assert wizard.save(offline=True)
    old_url = github.url
    _restart(window)

    ws = Store().load().data.workspace(DEMO_WORKSPACE)
    kept = ws.instance("My Freshservice")
    assert kept is not None and kept.id == mine.id and not kept.sandbox
    assert memory_keyring.entries[(keychain.SERVICE, f"{mine.id}/api_key")] == "person-own-key"
    assert ws.instance("GitHub sandbox").id == github.id and ws.instance("GitHub sandbox").url != old_url
    assert planner.missing_sides(ws, ws.connections[0]) == [], "the connection to the sandbox still has both sides"
    names = [i.name for i in ws.instances]
    assert len(names) == len(set(names)), "no sandbox instance twice"
    ours = ws.instance("Our Asana")
    assert ours is not None and ours.id == asana.id and not ours.sandbox, "an edited one is the person's"
    assert ws.instance("Asana sandbox").id != asana.id, "the sandbox made itself a new one"
    assert "were kept as they were: Our Asana, My Freshservice." in window.statusBar().currentMessage()


def test_the_wizard_shows_the_workspace_and_saves_where_the_person_chooses(qtbot, window, emulators):
    acme = window.create_workspace("Acme")
    demo = window.create_workspace(DEMO_WORKSPACE)
    window.sidebar.select(demo)
    emulator = emulators.start("github")
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    wizard.back()
    page = wizard.currentPage()
    assert page.workspace_combo.isEnabled() and page.workspace_combo.currentText() == DEMO_WORKSPACE
    assert page.workspace_hint.isVisible() and "sandbox's workspace" in page.workspace_hint.text()
    page.workspace_combo.setCurrentIndex(page.workspace_combo.findData(acme))
    assert wizard.workspace_id == acme and not page.workspace_hint.isVisible()
    wizard.next()
    run_verification(qtbot, wizard)
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert [i.tracker for i in window.session.data.workspace(acme).instances] == ["github"]
    assert window.session.data.workspace(demo).instances == []


def test_no_keychain_says_nothing_was_saved_and_can_keep_the_instance_without_its_secret(qtbot, window,
                                                                                        workspace_id, emulators):
    window.session._secrets = SecretStore(fail.Keyring())
    emulator = emulators.start("github")
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    wizard.button(wizard.WizardButton.FinishButton).click()
    box = wizard.keychain_dialog
    assert box.isVisible() and wizard.isVisible()
    assert box.text().startswith("No system keychain")
    assert "Nothing was saved" in box.informativeText() and "marked missing" not in box.informativeText()
    assert Store().load().data.workspace(workspace_id).instances == [], "the message is true: nothing was kept"
    box.keep_button.click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    (inst,) = Store().load().data.workspace(workspace_id).instances
    assert inst.state is InstanceState.PREPARED_OFFLINE and inst.secret_fields == ["token"]
    assert emulator.demo_secrets["token"] not in Store().path.read_text()
    assert "without its secret (prepared offline)" in window.statusBar().currentMessage()


def test_the_status_bar_says_a_failing_instance_was_saved_after_verify_all(qtbot, window, workspace_id, emulators):
    window.statusBar().showMessage("11 of 11 verified: 11 ready, 0 not ready, 0 could not be checked.")
    emulator = emulators.start("github")
    emulator.scenario["repos"]["acme/website"]["collaborators"]["exalate-proxy"] = "push"
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    message = window.statusBar().currentMessage()
    assert message.startswith("Saved GitHub") and "in Acme: Failing." in message, message
    assert "11 ready" not in message


def test_the_window_sandbox_has_a_failing_instance_every_scenario_and_copyable_credentials(qtbot, window, sandbox,
                                                                                         qapp):
    from exadesk.sandbox.demo import SCENARIOS
    from exadesk.sandbox.github import DEMO_CLASSIC
    from exadesk.sandbox.salesforce import DEMO_CLIENT_ID

    names = {i.name for i in sandbox.instances}
    for scenario in SCENARIOS:
        assert LESSON_PREFIX + scenario.title in names
    assert "GitHub sandbox (not ready)" in names
    assert all(i.sandbox for i in sandbox.instances)

    dialog = window.show_sandbox_credentials()
    assert dialog.values[("GitHub sandbox", "Address")] == sandbox.instance("GitHub sandbox").url
    assert dialog.values[("Salesforce sandbox", "OAuth client ID (browser sign-in)")] == DEMO_CLIENT_ID
    copy = next(button for (name, label), button in dialog.copies.items()
                if name == "GitHub sandbox" and dialog.values[(name, label)] == DEMO_CLASSIC)
    copy.click()
    assert qapp.clipboard().text() == DEMO_CLASSIC
    assert dialog.copied.text().startswith("Copied: ") and "GitHub sandbox" in dialog.copied.text()
    dialog.reject()

    failing = sandbox.instance("GitHub sandbox (not ready)")
    zendesk_off = sandbox.instance(LESSON_PREFIX + "token access off")
    assert zendesk_off.tracker == "zendesk" and "Admin Center" in zendesk_off.notes
    for inst in (failing, zendesk_off):
        assert window.verify_instance(inst.id)
    qtbot.waitUntil(lambda: not window.runs, timeout=20000)
    window.session.flush()
    ws = window.session.data.workspace(DEMO_WORKSPACE)
    assert ws.instance(failing.id).state is InstanceState.FAILING
    assert ws.instance(zendesk_off.id).last.error_reason == "zendesk.token_rejected"


def test_a_sandbox_whose_data_file_cannot_be_written_leaves_no_demo_secret_behind(qtbot, window, memory_keyring,
                                                                                  monkeypatch):
    """The demo's made-up secrets go to the keychain under a claim, like any instance's: when the data file write
    fails, the next start's sweep removes them (nothing orphaned in the person's keychain)."""
    from exadesk.store import recovery

    def refuse(change):
        raise OSError(28, "No space left on device")

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(window.session.store, "update", refuse)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.try_sandbox()
    assert len(warnings) == 1 and "could not write its data file" in warnings[0]  # the window said why, once
    assert window.session.data.workspace(DEMO_WORKSPACE) is None
    monkeypatch.undo()
    deleted = recovery.sweep(window.session.store, SecretStore())
    assert deleted, "the claim left for the sweep names the demo's secrets"
    for instance_id, field in deleted:
        assert SecretStore().get(instance_id, field) is None
    window.session.shutdown()
