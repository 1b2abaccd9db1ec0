"""The wizard driven like a person would, against the emulators: what the screen shows at each step."""

from __future__ import annotations

import re
import time

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QWidget

from exadesk import keychain, paths
from exadesk.model import InstanceState
from exadesk.wizard_flow import WizardFlow, WizardStep

RESULTS = 5  # page id of the results step


def demo_answers(emulator) -> dict:
    """What a person would type for this emulator's demo account (the sandbox's own answers)."""
    from exadesk.cli import build_parser
    from exadesk.commands.check import build_target

    args = build_parser().parse_args(["check", emulator.tracker, "--url", emulator.url, *emulator.demo_args])
    target = build_target(args)
    assert not isinstance(target, str), target
    return {"method": target.auth_method, "values": dict(target.values), "secrets": dict(emulator.demo_secrets),
            "scope": list(target.scope), "sync": set(target.sync)}


def open_wizard(window, tracker: str):
    wizard = window.start_wizard(tracker, WizardFlow(tracker=tracker))
    assert wizard is not None and wizard.isVisible()
    return wizard


def fill_wizard(qtbot, wizard, url: str, answers: dict) -> None:
    """Steps 1-4 through the widgets: method, walkthrough, address and credential, sync."""
    page = wizard.currentPage()
    assert wizard.flow.step is WizardStep.METHOD
    page.buttons[answers["method"]].click()
    wizard.next()
    assert wizard.flow.step is WizardStep.WALKTHROUGH
    wizard.currentPage().url_row.input.setText(url)
    wizard.next()
    page = wizard.currentPage()
    assert wizard.flow.step is WizardStep.CREDENTIALS
    for name, value in answers["values"].items():
        page.rows[name].input.setText(value)
    for name, value in answers["secrets"].items():
        if name in page.rows:
            qtbot.keyClicks(page.rows[name].input.edit, value)
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled(), [r.hint.text() for r in page.rows.values()]
    wizard.next()
    page = wizard.currentPage()
    assert wizard.flow.step is WizardStep.SYNC
    for option in answers["sync"]:
        page.boxes[option].setChecked(True)
    page.scope_row.input.setText(", ".join(answers["scope"]))


def run_verification(qtbot, wizard, timeout: int = 20000) -> None:
    wizard.next()
    assert wizard.flow.step is WizardStep.VERIFY
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=timeout)


def shown_rows(page) -> list[tuple[str, str, str]]:
    model = page.table.model()
    return [(model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 3).data())
            for r in range(model.rowCount())]


AUTH_STYLES = [
    pytest.param("github", id="token"),
    pytest.param("zendesk", id="email+token"),
    pytest.param("servicenow", id="user+password"),
    pytest.param("salesforce", id="oauth"),
]


@pytest.mark.parametrize("tracker", AUTH_STYLES)
def test_full_wizard_verifies_and_saves_the_secret_to_the_keychain(qtbot, window, workspace_id, emulators,
                                                                   memory_keyring, tracker):
    emulator = emulators.start(tracker)
    answers = demo_answers(emulator)
    wizard = open_wizard(window, tracker)
    fill_wizard(qtbot, wizard, emulator.url, answers)
    run_verification(qtbot, wizard)
    page = wizard.currentPage()
    assert page.headline.text().startswith("Ready"), (page.headline.text(), shown_rows(page))
    assert page.problem_view.isHidden()
    assert page.identity.text().startswith("Signed in as")
    statuses = {row[0] for row in shown_rows(page)}
    assert "Passed" in statuses and "Failed" not in statuses
    assert not wizard.button(wizard.SAVE_LATER).isVisible()

    saved = []
    wizard.saved.connect(saved.append)
    wizard.next()  # Save (the finish button)
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(saved))
    ws, inst = window.session.find(saved[0])
    assert inst.state is InstanceState.VERIFIED and inst.tracker == tracker
    for name, value in answers["secrets"].items():
        assert memory_keyring.entries[(keychain.SERVICE, f"{inst.id}/{name}")] == value
        assert value not in paths.data_file().read_text()
    # the sidebar selects the new instance and shows its badge
    assert window.sidebar.current_id() == inst.id
    assert window.instance_page.badge.text() == "Verified"


def test_a_failing_requirement_shows_the_fix(qtbot, window, workspace_id, emulators):
    emulator = emulators.start("github")
    emulator.scenario["repos"]["acme/website"]["collaborators"]["exalate-proxy"] = "push"
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    page = wizard.currentPage()
    assert page.headline.text() == "1 thing to fix before the integration can work."
    failed = [row for row in shown_rows(page) if row[0] == "Failed"]
    assert len(failed) == 1
    assert failed[0][1] == "Proxy user is repository admin or organisation owner"
    assert "Collaborators and teams" in failed[0][2]
    assert shown_rows(page)[0][0] == "Failed"  # failures first
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    inst = window.session.data.workspace(workspace_id).instances[0]
    assert inst.state is InstanceState.FAILING
    assert window.instance_page.badge.text() == "Failing"


def test_an_sso_login_page_becomes_a_sentence_and_save_for_later(qtbot, window, workspace_id, emulators, qapp):
    emulator = emulators.start("github", {"fault": "sso_redirect"})
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    page = wizard.currentPage()
    view = page.problem_view
    assert view.isVisible()
    assert view.problem.reason == "http.sso_redirect"
    assert "single sign-on" in view.message.text()
    assert view.next_step.text().startswith("Next step: This address is behind single sign-on")
    assert "Traceback" not in view.details
    token = demo_answers(emulator)["secrets"]["token"]
    view.copy_button.click()
    copied = qapp.clipboard().text()
    assert "http.sso_redirect" in copied and emulator.url in copied and token not in copied
    assert wizard.button(wizard.SAVE_LATER).isVisible()
    wizard.button(wizard.SAVE_LATER).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    inst = window.session.data.workspace(workspace_id).instances[0]
    assert inst.state is InstanceState.PREPARED_OFFLINE
    assert window.instance_page.badge.text() == "Prepared offline"


def test_a_login_page_instead_of_data_is_explained(qtbot, window, workspace_id, emulators):
    emulator = emulators.start("servicenow", {"fault": "login_page"})
    wizard = open_wizard(window, "servicenow")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    view = wizard.currentPage().problem_view
    assert view.problem.reason == "http.login_page"
    assert view.title.text() == "The tracker answered unexpectedly"
    assert "sign-in page" in view.message.text()


def test_a_rejected_credential_offers_no_save_for_later(qtbot, window, workspace_id, emulators):
    emulator = emulators.start("github")
    answers = demo_answers(emulator)
    answers["secrets"] = {"token": "ghp_" + "R" * 36}  # the right form, but not a token GitHub knows
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, answers)
    run_verification(qtbot, wizard)
    page = wizard.currentPage()
    assert page.problem_view.problem.kind.value == "auth"
    assert page.headline.text() == "The credential was not accepted"
    assert not wizard.button(wizard.SAVE_LATER).isVisible()
    # recovery: back to the credential, fix it, verify again
    wizard.back()
    wizard.back()
    wizard.back()
    assert wizard.flow.step is WizardStep.CREDENTIALS
    edit = wizard.currentPage().rows["token"].input
    edit.setText(emulator.demo_secrets["token"])
    wizard.next()
    run_verification(qtbot, wizard)
    assert wizard.currentPage().headline.text().startswith("Ready")


def test_cancel_stops_a_slow_verification(qtbot, window, workspace_id, emulators):
    emulator = emulators.start("github", {"fault": {"kind": "slow", "delay": 5.0}})
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    wizard.next()
    page = wizard.currentPage()
    assert page.cancel_button.isVisible() and page.cancel_button.isEnabled()
    assert page.progress.maximum() >= 1
    started = time.monotonic()
    qtbot.wait(200)
    page.cancel_button.click()
    assert page.status.text() == "Cancelling…"
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=10000)
    results = wizard.currentPage()
    assert results.problem_view.problem.kind.value == "cancelled"
    assert results.headline.text() == "Cancelled"
    assert time.monotonic() - started < 10


def test_checks_appear_while_they_run(qtbot, window, workspace_id, emulators):
    # The repository read: REST for one repository, GraphQL for several (classic tokens).
    emulator = emulators.start("github", {"fault": {"kind": "slow", "delay": 1.0, "path": "/repos/|/graphql$"}})
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    wizard.next()
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: len(page.table.checks.rows) >= 1, timeout=5000)
    assert wizard.currentId() != RESULTS  # still running: the repository check is slow
    # Progress counts the checks done so far (how many depends on the machine's pace, not on the wizard).
    assert re.match(r"\d+ of about \d+", page.status.text()), page.status.text()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=15000)


def test_the_event_loop_keeps_ticking_while_a_slow_emulator_answers(qtbot, window, workspace_id, emulators):
    emulator = emulators.start("github", {"fault": {"kind": "slow", "delay": 0.8}})
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    last[0] = time.perf_counter()
    gaps.clear()
    run_verification(qtbot, wizard, timeout=20000)
    timer.stop()
    assert len(gaps) > 100  # the run took seconds and the timer kept firing through it
    assert max(gaps) < 0.100, f"longest stall {max(gaps) * 1000:.0f} ms"


def test_freshservice_uses_its_own_walkthrough_with_the_rejected_key_branch(qtbot, window, workspace_id):
    from exadesk import trackers
    from exadesk.ui.pages.freshservice_api_key import FreshserviceApiKeyPage

    wizard = open_wizard(window, "freshservice")
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page.content, FreshserviceApiKeyPage)
    spec = trackers.get("freshservice").spec
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
    from exadesk import trackers

    with_advanced = [t for t in trackers.all_trackers() for m in t.spec.auth_methods if any(f.advanced for f in m.fields)]
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


def _focusable(widget: QWidget) -> list[QWidget]:
    out = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget) or child.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(child, (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)):
            out.append(child)
    return out


def _name(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    return ""


def test_every_control_of_every_step_has_an_accessible_name(qtbot, window, workspace_id, emulators):
    emulator = emulators.start("github")
    wizard = open_wizard(window, "github")
    answers = demo_answers(emulator)
    seen = set()
    for step in range(6):
        if step == 4:
            qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=15000)
        page = wizard.currentPage()
        unnamed = [type(w).__name__ for w in _focusable(page) if not _name(w)]
        assert not unnamed, (wizard.flow.step, unnamed)
        seen.add(wizard.flow.step)
        if step == 1:
            page.url_row.input.setText(emulator.url)
        if step == 2:
            page.rows["token"].input.setText(answers["secrets"]["token"])
        if step == 3:
            page.scope_row.input.setText("acme/website")
        if step < 4:
            wizard.next()
    assert seen == set(WizardStep) - {WizardStep.VERIFY} | {WizardStep.RESULTS} or len(seen) >= 5
    unnamed = [type(w).__name__ for w in _focusable(window) if not _name(w)]
    assert not unnamed


def test_the_wizard_is_usable_with_the_keyboard_alone(qtbot, window, workspace_id, emulators):
    emulator = emulators.start("github")
    token = emulator.demo_secrets["token"]
    wizard = open_wizard(window, "github")
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    focused = wizard.currentPage().buttons["classic"]
    qtbot.waitUntil(focused.hasFocus)
    other = wizard.currentPage().buttons["fine_grained"]
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_Space)  # a focused choice is taken with the space bar
    assert wizard.flow.auth_method == "fine_grained"
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert wizard.flow.auth_method == "classic"
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)  # Enter presses Next, the default button
    assert wizard.flow.step is WizardStep.WALKTHROUGH
    page = wizard.currentPage()
    qtbot.waitUntil(page.url_row.input.hasFocus)
    page.url_row.input.selectAll()
    qtbot.keyClicks(page.url_row.input, emulator.url)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    page = wizard.currentPage()
    assert wizard.flow.step is WizardStep.CREDENTIALS
    qtbot.waitUntil(page.rows["token"].input.edit.hasFocus)  # the first empty field
    qtbot.keyClicks(page.rows["token"].input.edit, token)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.flow.step is WizardStep.SYNC
    page = wizard.currentPage()
    qtbot.keyClick(page.boxes["comments"], Qt.Key.Key_Space)
    assert "comments" in wizard.flow.sync
    page.scope_row.input.setFocus()
    qtbot.keyClicks(page.scope_row.input, "acme/website")
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=15000)
    assert wizard.currentPage().headline.text().startswith("Ready")
    qtbot.waitUntil(wizard.currentPage().table.hasFocus)  # the results take the focus, for screen readers
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)  # Save is the default button on the last page
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert window.session.data.workspace(workspace_id).instances[0].state is InstanceState.VERIFIED


def test_editing_keeps_the_stored_secret_and_verifies_with_it(qtbot, window, workspace_id, emulators, memory_keyring):
    emulator = emulators.start("github")
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    inst = window.session.data.workspace(workspace_id).instances[0]
    edit = window.edit_instance(inst.id)
    assert edit.flow.step is WizardStep.CREDENTIALS
    page = edit.currentPage()
    assert page.rows["token"].input.text() == ""
    assert "keychain" in page.rows["token"].input.edit.placeholderText()
    page.name_edit.setText("Acme GitHub")
    edit.next()
    edit.next()
    qtbot.waitUntil(lambda: edit.currentId() == RESULTS, timeout=15000)
    assert edit.currentPage().headline.text().startswith("Ready")
    edit.button(edit.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not edit.isVisible())
    instances = window.session.data.workspace(workspace_id).instances
    assert len(instances) == 1 and instances[0].name == "Acme GitHub" and instances[0].id == inst.id
    assert memory_keyring.entries[(keychain.SERVICE, f"{inst.id}/token")] == emulator.demo_secrets["token"]
    assert len(instances[0].history) == 2


def test_a_run_that_could_not_decide_everything_says_not_confirmed(qtbot, window, workspace_id, emulators):
    # ServiceNow with a non-admin proxy user: the plugin list answers 403, so that check is not confirmed.
    from exadesk.sandbox.servicenow import NON_ADMIN
    from exadesk.ui import theme

    emulator = emulators.start("servicenow", NON_ADMIN)
    wizard = open_wizard(window, "servicenow")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    page = wizard.currentPage()
    assert page.headline.text().startswith("Not confirmed:")
    assert theme.not_confirmed_colour() in page.headline.styleSheet()
    statuses = [row[0] for row in shown_rows(page)]
    assert "Not confirmed" in statuses and "Confirm by hand" in statuses
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    inst = window.session.data.workspace(workspace_id).instances[0]
    assert inst.state is InstanceState.NOT_CONFIRMED
    assert window.instance_page.badge.text() == "Not confirmed"
    assert theme.BADGE_COLOURS["not_confirmed"] in window.instance_page.badge.styleSheet()
    assert window.instance_page.timeline.topLevelItem(0).text(1) == "Not confirmed"


def test_cancel_ends_a_hung_verification_within_a_second(qtbot, window, workspace_id, emulators):
    """A server that accepts the connection and never answers: Cancel must not wait for the 20 s timeout."""
    from tests.helpers.hostile_servers import HostileServer

    emulator = emulators.start("github")
    with HostileServer("silent", lifetime=8) as hung:
        wizard = open_wizard(window, "github")
        fill_wizard(qtbot, wizard, hung.url, demo_answers(emulator))
        wizard.next()
        page = wizard.currentPage()
        qtbot.waitUntil(lambda: hung.connections >= 1, timeout=3000)
        started = time.monotonic()
        page.cancel_button.click()
        assert page.status.text() == "Cancelling…"
        qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=3000)
        took = time.monotonic() - started
    assert wizard.currentPage().problem_view.problem.kind.value == "cancelled"
    # The behaviour under test: Cancel does not wait for the request's 20 s timeout (a generous bound, so a loaded
    # machine does not make it flaky; the one-second goal is measured in bench/).
    assert took < 5.0, f"Cancel took {took:.2f}s"


def test_a_cancelled_verification_folds_the_checks_that_never_ran_and_offers_to_verify_again(qtbot, window,
                                                                                             workspace_id, emulators):
    """Issue 19 item 9: after Cancel the results say what happened and what to do next, not a 'Not confirmed' row
    with a fix paragraph for every check that never ran, nor "could not be checked now"."""
    from tests.helpers.hostile_servers import HostileServer

    emulator = emulators.start("github")
    with HostileServer("silent", lifetime=8) as hung:
        wizard = open_wizard(window, "github")
        fill_wizard(qtbot, wizard, hung.url, demo_answers(emulator))
        wizard.next()
        qtbot.waitUntil(lambda: hung.connections >= 1, timeout=3000)
        wizard.currentPage().cancel_button.click()
        qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=3000)
        page = wizard.currentPage()
        never_ran = [c for c in wizard.flow.report.checks if c.not_confirmed]
        assert never_ran, "the hung run decided nothing, so its checks are undecided"
        assert page.headline.text() == "Cancelled"
        assert page.not_run.isVisibleTo(page)
        assert page.not_run.text() == f"{len(never_ran)} checks did not run: the verification was cancelled."
        assert not page.table.isVisibleTo(page)
        assert "could not be checked now" not in page.save_note.text()
        assert "Verify again" in page.save_note.text()
        assert page.again_button.isVisibleTo(page)
        page.again_button.click()  # the next step, on this page: the run starts again
        assert wizard.currentId() == RESULTS - 1
        verify = wizard.currentPage()
        assert verify.run is not None and verify.cancel_button.isVisibleTo(verify)
        qtbot.waitUntil(lambda: hung.connections >= 2, timeout=3000)
        verify.cancel_button.click()
        qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=3000)
        assert wizard.currentPage().headline.text() == "Cancelled"


def test_the_verify_again_button_is_only_for_a_cancelled_run(qtbot, window, workspace_id, emulators):
    """A finished run has no "Verify again" on its results, and its checks stay rows."""
    emulator = emulators.start("github")
    wizard = open_wizard(window, "github")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    page = wizard.currentPage()
    assert not page.again_button.isVisibleTo(page)
    assert not page.not_run.isVisibleTo(page) and page.table.isVisibleTo(page)


def test_a_wrong_address_reads_as_one_sentence_and_a_pasted_page_is_trimmed(qtbot):
    """Issue 19 item 5: the hint under the address never shows '..', and a browser page address says what is used."""
    from exadesk.ui.widgets import FieldRow

    row = FieldRow("Instance address")
    qtbot.addWidget(row)
    flow = WizardFlow(tracker="jira_cloud")
    flow.url = "https://acme.example.com/x"
    row.show_state(flow.url_state(), touched=True)
    assert ".." not in row.hint.text() and "Expected:" in row.hint.text()
    flow.url = "https://acme.atlassian.net/jira/software/projects/SUP/boards/1"
    row.show_state(flow.url_state(), touched=True)
    assert "https://acme.atlassian.net is used" in row.hint.text()


def test_a_rejected_credential_folds_the_checks_that_never_ran_and_says_its_title_once(qtbot, window, workspace_id,
                                                                                       emulators):
    """Issue 19 item 10: the sign-in problem and its fix, then one line for the checks that could not run."""
    emulator = emulators.start("jira_cloud")
    answers = demo_answers(emulator)
    answers["secrets"] = {name: value[:-4] + "ZZZZ" for name, value in answers["secrets"].items()}
    wizard = open_wizard(window, "jira_cloud")
    fill_wizard(qtbot, wizard, emulator.url, answers)
    run_verification(qtbot, wizard)
    page = wizard.currentPage()
    report = wizard.flow.report
    assert report.problem.kind.value == "auth"
    not_run = [c for c in report.checks if c.status.value == "unknown"]
    assert len(not_run) > 5
    assert page.not_run.isVisible()
    assert page.not_run.text() == f"{len(not_run)} checks could not run until sign-in works."
    assert all(status != "Not confirmed" for status, _, _ in shown_rows(page))
    assert page.problem_view.next_step.isVisible() and report.problem.next_step in page.problem_view.next_step.text()
    assert not page.problem_view.title.isVisible()  # the headline says it; the banner does not repeat it
    assert page.headline.text() == "The credential was not accepted"


def test_jira_cloud_results_say_who_signed_in_and_which_proxy_user_was_checked(qtbot, window, workspace_id,
                                                                                emulators):
    """Issue 19 item 8: the admin signed in; the Exalate app user was the proxy user checked."""
    emulator = emulators.start("jira_cloud")
    wizard = open_wizard(window, "jira_cloud")
    fill_wizard(qtbot, wizard, emulator.url, demo_answers(emulator))
    run_verification(qtbot, wizard)
    report = wizard.flow.report
    text = wizard.currentPage().identity.text()
    assert text.startswith(f"Signed in as {report.signed_in.label()}.")
    assert f"Proxy user checked: {report.identity.label()}." in text
    assert not text.startswith(f"Signed in as {report.identity.label()}")
