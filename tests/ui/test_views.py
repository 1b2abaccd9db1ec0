"""The window's pages (exadesk/ui/views.py): first run, a workspace's summary and progress."""

from __future__ import annotations

from exadesk.store.model import Instance, InstanceState, Workspace
from exadesk.ui.views import FirstRunPage, WorkspacePage
from tests.helpers.window import shown


def test_first_run_creates_a_workspace_by_its_trimmed_name_or_offers_the_sandbox(qtbot):
    page = shown(qtbot, FirstRunPage())
    created, sandbox = [], []
    page.create_workspace.connect(created.append)
    page.try_sandbox.connect(lambda: sandbox.append(True))
    page.name_edit.setText("   ")
    page.create_button.click()
    assert created == []  # nothing to create from blanks
    page.name_edit.setText("  Acme  ")
    page.create_button.click()
    assert created == ["Acme"] and page.name_edit.text() == ""
    page.sandbox_button.click()
    assert sandbox == [True]


def test_a_workspace_summary_counts_states_and_verify_all_waits_for_instances(qtbot):
    page = shown(qtbot, WorkspacePage())
    page.show_workspace(Workspace(name="Empty"))
    assert page.summary.text() == "No instances yet." and not page.verify_button.isEnabled()
    ws = Workspace(name="Acme", instances=[
        Instance("github", f"GH {n}", "https://github.com", "classic", state=state)
        for n, state in enumerate([InstanceState.VERIFIED, InstanceState.VERIFIED, InstanceState.FAILING])])
    page.show_workspace(ws)
    assert page.summary.text() == "3 instances. Failing: 1, Verified: 2."
    assert page.verify_button.isEnabled() and page.archived.isHidden()
    asked = []
    page.verify_all.connect(asked.append)
    page.verify_button.click()
    assert asked == [ws.id]
    ws.archived = True
    page.show_workspace(ws)
    assert not page.archived.isHidden() and not page.verify_button.isEnabled()


def test_progress_shows_while_verify_all_runs(qtbot):
    page = shown(qtbot, WorkspacePage())
    page.show_workspace(Workspace(name="Acme", instances=[Instance("github", "GH", "https://github.com", "classic")]))
    page.set_progress(1, 4, "Verified 1 of 4")
    assert not page.progress.isHidden() and not page.cancel_button.isHidden() and not page.verify_button.isEnabled()
    assert page.progress.value() == 1 and page.progress.maximum() == 4
    page.set_progress(4, 4)
    assert page.progress.isHidden() and page.cancel_button.isHidden() and page.verify_button.isEnabled()
    assert page.progress_text.isHidden()
