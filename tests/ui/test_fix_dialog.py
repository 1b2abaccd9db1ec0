"""The window's Fix…: shown for a failing check that has a fix, the plan in a dialog, Apply, before and after."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from exadesk.sandbox import jira_cloud as jira_emulator
from exadesk.services import fixes, instances
from exadesk.store.model import Instance
from exadesk.verification import engine
from tests.helpers.fixes import github_scenario

GROUPS = ["atlassian-addons", "atlassian-addons-admin", "jira-core-users", "jira-servicedesk-users"]


def _store_verified(window, inst: Instance, secrets: dict[str, str]) -> str:
    """Store ``inst`` (its secrets in the keychain) in a new workspace with one verification, and select it; the
    workspace's id."""
    for field, value in secrets.items():
        window.session.secrets.set(inst.id, field, value)
    ws_id = window.create_workspace("Acme")

    def add(data):
        ws = data.workspace(ws_id)
        ws.instances.append(inst)
        target, _ = instances.target_for(inst, ws, secrets=window.session.secrets)
        instances.record(ws.instances[-1], engine.verify(target))

    window.session.update(add, select=inst.id)
    window.sidebar.select(inst.id)
    return ws_id


def _verified_jira(window, emulators, groups=GROUPS) -> Instance:
    emulator = emulators.start("jira_cloud", {"app_user": {"groups": list(groups)}})
    inst = Instance(tracker="jira_cloud", name="Jira", url=emulator.url, auth_method="api_token",
                    values={"email": jira_emulator.DEMO_EMAIL}, secret_fields=["api_token"], scope=["SUP"])
    _store_verified(window, inst, {"api_token": jira_emulator.DEMO_TOKEN})
    return emulator, inst


def test_fix_shows_the_plan_and_applies_it_after_confirmation(qtbot, window, emulators):
    emulator, inst = _verified_jira(window, emulators)
    page = window.instance_page
    qtbot.waitUntil(lambda: page.instance_id == inst.id, timeout=5000)
    assert page.fix_button.isVisible()

    page.fix_button.click()
    dialog = window.fix_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    text = dialog.changes.toPlainText()
    assert "Add Exalate to group jira-software-users" in text
    assert "POST /rest/api/3/group/user?groupname=jira-software-users" in text
    assert "DELETE /rest/api/3/group/user" in text
    assert jira_emulator.DEMO_TOKEN not in text
    assert [r.method for r in emulator.requests if r.method != "GET"
            and not r.path.endswith("/permissions/check")] == [], "nothing is changed before Apply"

    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert "jira-software-users" in emulator.scenario["app_user"]["groups"]
    assert "fail" in dialog.view.toPlainText() and "pass" in dialog.view.toPlainText()
    qtbot.waitUntil(lambda: window.session.find(inst.id)[1].last.checks and next(
        c for c in window.session.find(inst.id)[1].last.checks
        if c.id == "jira_cloud.jira-software-users").status.value == "pass", timeout=5000)
    ws = window.session.find(inst.id)[0]
    assert ws.fix_runs and ws.fix_runs[-1].changes[0]["words"] == "Add Exalate to group jira-software-users"
    dialog.close()


def _writes(emulator) -> list[str]:
    return [r.method for r in emulator.requests if r.method != "GET" and not r.path.endswith("/permissions/check")]


def test_undo_after_applying_names_what_it_reverses_then_shows_before_and_after(qtbot, window, emulators,
                                                                                 monkeypatch):
    emulator, inst = _verified_jira(window, emulators)
    page = window.instance_page
    qtbot.waitUntil(lambda: page.instance_id == inst.id, timeout=5000)
    page.fix_button.click()
    dialog = window.fix_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    assert dialog.isVisible() and not dialog.undo_button.isVisible(), "nothing to undo before applying"
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.undo_button.isVisible() and dialog.undo_button.isEnabled()
    assert not dialog.apply_button.isVisible()
    assert f"recorded as fix run {dialog.run.id}; Undo… reverses it." in dialog.status.text()

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    dialog.undo_button.click()
    run_id = dialog.run.id
    assert run_id in asked[0] and "Add Exalate to group jira-software-users" in asked[0]
    assert "DELETE /rest/api/3/group/user?groupname=jira-software-users" in asked[0], "names the request it sends"
    assert _writes(emulator) == ["POST"], "a declined confirmation sends nothing"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    applied = dialog.outcome
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not applied, timeout=15000)
    assert _writes(emulator) == ["POST", "DELETE"]
    assert "jira-software-users" not in emulator.scenario["app_user"]["groups"]
    assert f"Undid 1 change of fix run {run_id}." in dialog.status.text()
    assert "Reversed: Add Exalate to group jira-software-users" in dialog.view.toPlainText()
    shown = dialog.view.toPlainText()
    assert "App user is in the jira-software-users group" in shown and shown.index("pass") < shown.index("fail"), \
        "before (pass) beside after (fail)"
    assert not dialog.undo_button.isEnabled(), "nothing is left to undo"
    qtbot.waitUntil(lambda: page.runs.topLevelItemCount() == 1 and page.runs.topLevelItem(0).text(2) == "undone",
                    timeout=5000)
    dialog.close()


def test_a_fix_run_is_undone_from_the_instance_history(qtbot, window, emulators, monkeypatch):
    emulator, inst = _verified_jira(window, emulators)
    ws = window.session.find(inst.id)[0]
    plan = fixes.plan(ws, inst, secrets=window.session.secrets)
    fixes.apply(window.session.store, plan, secrets=window.session.secrets)
    window.session.update(lambda data: None, select=inst.id)  # the window reads the run the core recorded
    page = window.instance_page
    qtbot.waitUntil(lambda: page.runs.topLevelItemCount() == 1, timeout=5000)
    row = page.runs.topLevelItem(0)
    assert (row.text(1), row.text(2), row.text(3)) == ("Jira (site-admin@example.com)", "applied",
                                                      "Add Exalate to group jira-software-users")
    assert page.undo_run_button.isVisible() and page.undo_run_button.isEnabled()

    page.undo_run_button.click()
    dialog = window.fix_dialog
    assert dialog.run is not None and "POST /rest/api/3/group/user?groupname=jira-software-users" in \
        dialog.view.toPlainText()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert "Add Exalate to group jira-software-users" in asked[0]
    assert "jira-software-users" not in emulator.scenario["app_user"]["groups"]
    qtbot.waitUntil(lambda: page.runs.topLevelItem(0) is not None and page.runs.topLevelItem(0).text(2) == "undone",
                    timeout=5000)
    assert not page.undo_run_button.isEnabled()
    dialog.close()


GH_PROXY, GH_ADMIN = "ghp_" + "ProxyTokenForFixDialog".ljust(36, "0"), "ghp_" + "AdminTokenForFixDialog".ljust(36, "0")


def test_without_an_admin_credential_the_dialog_offers_the_wizard_and_plans_again_once_one_is_saved(
        qtbot, window, emulators):
    emulator = emulators.start("github", github_scenario(GH_PROXY, GH_ADMIN, "push"))
    inst = Instance(tracker="github", name="Repo", url=emulator.url, auth_method="classic", secret_fields=["token"],
                    scope=["acme/portal"])
    ws_id = _store_verified(window, inst, {"token": GH_PROXY})
    page = window.instance_page
    qtbot.waitUntil(lambda: page.instance_id == inst.id and page.fix_button.isVisible(), timeout=5000)

    page.fix_button.click()
    dialog = window.fix_dialog
    qtbot.waitUntil(lambda: dialog.add_admin_button.isVisible(), timeout=15000)
    assert "no administrator's credential for Repo" in dialog.status.text()
    assert dialog.plan is None and not dialog.apply_button.isEnabled()

    dialog.add_admin_button.click()
    wizard = window.wizard
    assert wizard.windowTitle() == "Add an administrator's credential for GitHub" and wizard.flow.tracker == "github"
    # What the wizard's save does: store the instance and its secret, then announce it.
    admin = Instance(tracker="github", name="Dana on GitHub", url=emulator.url, auth_method="classic",
                     secret_fields=["token"])
    window.session.secrets.set(admin.id, "token", GH_ADMIN)
    window.session.update(lambda d: d.workspace(ws_id).instances.append(admin), select=admin.id)
    wizard.saved.emit(admin.id)
    wizard.reject()

    assert window.session.find(admin.id)[1].role == "admin"
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    assert not dialog.add_admin_button.isVisible()
    assert "PUT /repos/acme/portal/collaborators/exalate-proxy" in dialog.changes.toPlainText()
    assert dialog.apply_button.isEnabled()
    assert _writes(emulator) == [], "adding the credential and planning changed nothing"
    dialog.close()


TWO_MISSING = ["atlassian-addons", "atlassian-addons-admin", "jira-core-users"]  # service desk and software missing
SOFTWARE, SERVICEDESK = "jira_cloud.jira-software-users", "jira_cloud.jira-servicedesk-users"


def _two_missing(qtbot, window, emulators):
    emulator, inst = _verified_jira(window, emulators, TWO_MISSING)
    qtbot.waitUntil(lambda: window.instance_page.instance_id == inst.id, timeout=5000)
    return emulator, inst


def _status_of(window, inst, check_id) -> str:
    return next(c for c in window.session.find(inst.id)[1].last.checks if c.id == check_id).status.value


def test_only_the_ticked_change_is_sent(qtbot, window, emulators):
    emulator, inst = _two_missing(qtbot, window, emulators)
    page = window.instance_page
    assert page.fix_button.text() == "Fi&x all…" and page.fix_button.accessibleName() == "Fix all that can be fixed"
    page.fix_button.click()
    dialog = window.fix_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    boxes = dialog.changes.boxes
    assert [dialog.plan.changes[i].check_id for i in boxes] == [SERVICEDESK, SOFTWARE]
    assert all(box.isChecked() for box in boxes.values()), "every change is ticked at first"
    assert [box.accessibleName() for box in boxes.values()] == ["Add Exalate to group jira-servicedesk-users",
                                                                "Add Exalate to group jira-software-users"]
    assert boxes[1].accessibleDescription().startswith("Sends POST /rest/api/3/group/user?groupname=jira-software")
    assert dialog.apply_button.text() == "&Apply 2 changes"

    boxes[0].setChecked(False)
    assert dialog.apply_button.text() == "&Apply 1 change" and dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert _writes(emulator) == ["POST"], "the cleared change was not sent"
    groups = emulator.scenario["app_user"]["groups"]
    assert "jira-software-users" in groups and "jira-servicedesk-users" not in groups
    assert [e["check"] for e in dialog.outcome.applied] == [SOFTWARE]
    assert "Applied 1 change, recorded as fix run" in dialog.status.text()
    assert not dialog.changes.isVisible() and dialog.view.isVisible(), "the before/after replaces the choice"
    qtbot.waitUntil(lambda: _status_of(window, inst, SOFTWARE) == "pass", timeout=5000)
    assert _status_of(window, inst, SERVICEDESK) == "fail", "verified again: the other check still fails"
    dialog.close()


def test_apply_is_disabled_with_no_change_ticked_and_the_boxes_work_from_the_keyboard(qtbot, window, emulators):
    from PySide6.QtCore import Qt

    emulator, inst = _two_missing(qtbot, window, emulators)
    window.instance_page.fix_button.click()
    dialog = window.fix_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    first, second = dialog.changes.boxes.values()
    qtbot.waitUntil(lambda: first.hasFocus(), timeout=3000)
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert not first.isChecked() and dialog.apply_button.text() == "&Apply 1 change"
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert second.hasFocus(), "Tab goes from checkbox to checkbox"
    qtbot.keyClick(second, Qt.Key.Key_Space)
    assert not second.isChecked()
    assert not dialog.apply_button.isEnabled() and dialog.apply_button.text() == "&Apply 0 changes"
    assert dialog.apply_button.toolTip() == "Tick at least one change to apply"
    dialog.apply()  # even called directly, nothing is sent
    assert dialog.outcome is None and _writes(emulator) == []
    dialog.close()


def test_a_failing_finding_has_its_own_fix_that_plans_that_check_alone(qtbot, window, emulators):
    emulator, inst = _two_missing(qtbot, window, emulators)
    table = window.instance_page.table
    assert table.fixable == {SOFTWARE, SERVICEDESK} and not table.isColumnHidden(4)
    buttons = {check.id: table.indexWidget(table.checks.index(row, 4))
               for row, check in enumerate(table.checks.rows)}
    assert {cid for cid, cell in buttons.items() if cell is not None} == {SOFTWARE, SERVICEDESK}, \
        "a Fix… beside each failing finding with a fix, none beside the others"
    from PySide6.QtWidgets import QPushButton

    button = buttons[SOFTWARE].findChild(QPushButton)
    assert button.text() == "Fix…" and button.accessibleName() == "Fix: App user is in the jira-software-users group"
    button.click()
    dialog = window.fix_dialog
    assert dialog.only == {SOFTWARE}
    assert dialog.windowTitle() == "Fix “App user is in the jira-software-users group” on Jira"
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    assert [c.check_id for c in dialog.plan.changes] == [SOFTWARE]
    assert "jira-servicedesk-users" not in dialog.changes.toPlainText()
    assert dialog.apply_button.text() == "&Apply 1 change"
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert _writes(emulator) == ["POST"]
    dialog.close()

    # A double-click on the other finding's row does the same for it.
    qtbot.waitUntil(lambda: table.fixable == {SERVICEDESK}, timeout=5000)
    row = next(r for r, c in enumerate(table.checks.rows) if c.id == SERVICEDESK)
    table.doubleClicked.emit(table.checks.index(row, 1))
    assert window.fix_dialog is not dialog and window.fix_dialog.only == {SERVICEDESK}
    window.fix_dialog.close()
