"""The window's Fix…: shown for a failing check that has a fix, the plan in a dialog, Apply, before and after."""

from __future__ import annotations

from exadesk import engine, instances
from exadesk.model import Instance
from exadesk.sandbox import jira_cloud as jira_emulator

GROUPS = ["atlassian-addons", "atlassian-addons-admin", "jira-core-users", "jira-servicedesk-users"]


def _verified_jira(window, emulators) -> Instance:
    emulator = emulators.start("jira_cloud", {"app_user": {"groups": list(GROUPS)}})
    inst = Instance(tracker="jira_cloud", name="Jira", url=emulator.url, auth_method="api_token",
                    values={"email": jira_emulator.DEMO_EMAIL}, secret_fields=["api_token"], scope=["SUP"])
    window.session.secrets.set(inst.id, "api_token", jira_emulator.DEMO_TOKEN)
    ws_id = window.create_workspace("Acme")

    def add(data):
        ws = data.workspace(ws_id)
        ws.instances.append(inst)
        target, _ = instances.target_for(inst, ws, secrets=window.session.secrets)
        instances.record(ws.instances[-1], engine.verify(target))

    window.session.update(add, select=inst.id)
    window.sidebar.select(inst.id)
    return emulator, inst


def test_fix_shows_the_plan_and_applies_it_after_confirmation(qtbot, window, emulators):
    emulator, inst = _verified_jira(window, emulators)
    page = window.instance_page
    qtbot.waitUntil(lambda: page.instance_id == inst.id, timeout=5000)
    assert page.fix_button.isVisible()

    page.fix_button.click()
    dialog = window.fix_dialog
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=15000)
    text = dialog.view.toPlainText()
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
