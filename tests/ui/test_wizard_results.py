"""exadesk/ui/wizard_results.py: the verification as it runs (checks appear, Cancel), then the verdict: checks that
never ran folded, Verify again, not confirmed."""

from __future__ import annotations

import re
import time

from exadesk.store.model import InstanceState
from tests.helpers.wizard import RESULTS, demo_answers, fill_wizard, open_wizard, run_verification, shown_rows


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
