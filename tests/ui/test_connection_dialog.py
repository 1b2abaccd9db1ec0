"""The New and Edit connection dialog (exadesk/ui/connection_dialog.py): the modes explained, administrators' own
credentials offered per side, and a hint until the connection can be made."""

from __future__ import annotations

from exadesk.store.model import ConfigMode, Instance
from exadesk.store.storage import Store
from tests.helpers.window import workspace_children


def test_the_dialog_explains_the_modes_and_offers_admin_credentials_of_the_same_tracker(window, acme):
    dialog = window.new_connection()
    assert [b.text() for b in dialog.mode_buttons.values()] == ["&Basic", "&Visual", "&Scripted"]
    assert dialog.mode() is ConfigMode.SCRIPTED
    assert all(b.accessibleDescription().endswith(".") for b in dialog.mode_buttons.values())
    left, right = dialog.sides
    assert [left.instance.itemText(i) for i in range(left.instance.count())] == ["Jira (Jira Cloud)", "Repo (GitHub)"]
    assert left.instance.currentText() == "Jira (Jira Cloud)" and right.instance.currentText() == "Repo (GitHub)"
    assert [left.admin.itemText(i) for i in range(left.admin.count())] == ["None yet (check later)", "Dana on Jira"]
    assert [right.admin.itemText(i) for i in range(right.admin.count())] == ["None yet (check later)", "Rey on GitHub"]
    assert [left.kind.itemData(i) for i in range(left.kind.count())] == ["system", "project", "delegated"]
    assert not dialog.create_button.isEnabled() and dialog.hint.text() == "Give the connection a name."
    right.instance.setCurrentIndex(0)
    dialog.name_edit.setText("Jira to GitHub")
    assert dialog.hint.text() == "Choose two different instances."
    right.instance.setCurrentIndex(1)
    left.kind.setCurrentIndex(1)
    assert "A project administrator may only configure Basic connections" in dialog.hint.text()
    dialog.mode_buttons[ConfigMode.BASIC].setChecked(True)
    assert dialog.hint.text() == "" and dialog.create_button.isEnabled()
    dialog.create_button.click()
    conn = Store().load().data.workspace(acme.id).connections[0]
    assert (conn.name, conn.mode, conn.left, conn.right) == ("Jira to GitHub", ConfigMode.BASIC, acme.instances[0].id,
                                                             acme.instances[1].id)
    assert conn.admin_kinds == {acme.instances[0].id: "project", acme.instances[1].id: "system"}
    assert conn.admins == {acme.instances[0].id: acme.instances[2].id, acme.instances[1].id: acme.instances[3].id}
    # Listed under the workspace, and selected: the plan page shows it.
    assert ("\u21c4 Jira to GitHub", "connection") in workspace_children(window)
    page = window.connection_page
    assert window.stack.currentWidget() is page
    assert page.title.text() == "Jira to GitHub" and page.subtitle.text() == "Jira ↔ Repo, Basic mode"
    assert page.items.topLevelItemCount() > 0


def test_adding_an_admin_credential_opens_the_wizard_and_stores_role_admin(qtbot, window, acme):
    window.load_trackers()
    dialog = window.new_connection()
    right = dialog.sides[1]
    right.add_button.click()
    wizard = window.wizard
    assert wizard.windowTitle() == "Add an administrator's credential for GitHub"
    assert wizard.flow.tracker == "github"
    # What the wizard's save does: store the instance (selecting it), then announce it.
    added = Instance(tracker="github", name="Dana on GitHub", url="https://github.com", auth_method="classic")
    window.session.update(lambda d: d.workspace(acme.id).instances.append(added), select=added.id)
    wizard.saved.emit(added.id)
    wizard.reject()
    assert Store().load().data.find_instance(added.id)[1].role == "admin"
    assert right.admin.currentText() == "Dana on GitHub"
    assert dialog.sides[0].admin.currentText() == "Dana on Jira"


def test_new_connection_needs_two_instances(window):
    ws_id = window.create_workspace("Solo")
    window.session.update(lambda d: d.workspace(ws_id).instances.append(
        Instance(tracker="github", name="Only", url="https://github.com", auth_method="classic")))
    window.sidebar.select(ws_id)
    window._update_actions()
    assert not window.new_connection_action.isEnabled()
    dialog = window.new_connection(ws_id)
    assert dialog.hint.text() == "The workspace needs two instances first: set them up from the tracker list."
    assert not dialog.create_button.isEnabled()
