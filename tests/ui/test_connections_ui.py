"""Connections in the window: listed under their workspace, the plan page, and the New connection dialog."""

from __future__ import annotations

from exadesk.store.model import ConfigMode, Connection, Instance
from exadesk.store.storage import Store
from tests.helpers.window import workspace_children


def test_admin_credentials_are_listed_as_such_and_the_plan_follows_changes(window, acme):
    conn = Connection(name="Sync", left=acme.instances[0].id, right=acme.instances[1].id, mode=ConfigMode.VISUAL)
    window.session.update(lambda d: d.workspace(acme.id).connections.append(conn))
    assert [t for t, _ in workspace_children(window)] == ["Jira", "Repo", "Dana on Jira (admin)", "Rey on GitHub (admin)",
                                                 "\u21c4 Sync"]
    window.sidebar.select(conn.id)
    page = window.connection_page
    assert page.subtitle.text() == "Jira ↔ Repo, Visual mode"

    def rename(data):
        data.workspace(acme.id).connections[0].name = "Sync two"

    window.session.update(rename, select=conn.id)
    assert page.title.text() == "Sync two"
    assert window.remove_connection(conn.id, confirm=False)
    assert not Store().load().data.workspace(acme.id).connections


# -- issue 19 items 2 and 13: a connection whose side was removed, Check now's reason, editing ------------------


def _orphan(window, acme) -> Connection:
    """A connection between Jira and Repo."""
    jira, repo = acme.instance("Jira"), acme.instance("Repo")
    conn = Connection(name="Support sync", left=jira.id, right=repo.id, mode=ConfigMode.SCRIPTED)
    window.session.update(lambda d: d.workspace(acme.id).connections.append(conn))
    return conn


def test_removing_an_instance_a_connection_uses_asks_first_naming_the_connection(window, acme, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    conn = _orphan(window, acme)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    assert window.remove_instance(acme.instance("Repo").id) is False
    assert "The connection \u201cSupport sync\u201d would be left without Repo" in asked[0]
    assert window.session.data.workspace(acme.id).instance("Repo") is not None, "Cancel keeps it"

    asked.clear()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    assert window.remove_instance(acme.instance("Repo").id) is True
    assert window.session.data.workspace(acme.id).instance("Repo") is None
    # An instance no connection uses gets the plain question, without a connection named.
    asked.clear()
    window.remove_instance(acme.instance("Rey on GitHub").id)
    assert asked and "connection" not in asked[0]
    assert conn.id in [c.id for c in window.session.data.workspace(acme.id).connections]


def test_an_orphaned_connection_is_not_ready_and_says_which_side_is_missing_and_how_to_fix_it(qtbot, window, acme):
    conn = _orphan(window, acme)
    window.remove_instance(acme.instance("Repo").id, confirm=False)
    assert ("⇄ Support sync (side missing)", "connection") in workspace_children(window)
    window.sidebar.select(conn.id)
    page = window.connection_page
    assert window.stack.currentWidget() is page
    assert page.subtitle.text() == "Jira ↔ (instance removed), Scripted mode"
    assert "?" not in page.subtitle.text()
    assert page.verdict.text() == "Not ready"
    assert page.status_of("plan.side_missing.right").value == "fail"
    item = next(i for i in page.plan.items if i.id == "plan.side_missing.right")
    assert "right side no longer exists in Acme" in item.detail and "the other side is Jira" in item.detail
    assert "Edit" in item.fix and "remove the connection" in item.fix
    # Check now says why it cannot run, on the page and in its tooltip.
    assert not page.check_button.isEnabled()
    assert page.check_hint.isVisible() and "administrator's own credential" in page.check_hint.text()
    assert page.check_button.toolTip() == page.check_hint.text()


def test_check_now_is_enabled_once_a_side_has_an_admin_credential(qtbot, window, acme):
    conn = _orphan(window, acme)
    conn_admin = {acme.instance("Jira").id: acme.instance("Dana on Jira").id}
    window.session.update(lambda d: setattr(next(c for c in d.workspace(acme.id).connections if c.id == conn.id),
                                            "admins", conn_admin))
    window.sidebar.select(conn.id)
    page = window.connection_page
    assert page.check_button.isEnabled() and not page.check_hint.isVisible()
    assert "reading only" in page.check_button.toolTip()


def test_a_connection_can_be_edited_to_choose_the_missing_side_again(qtbot, window, acme):
    conn = _orphan(window, acme)
    window.remove_instance(acme.instance("Repo").id, confirm=False)
    window.session.update(lambda d: d.workspace(acme.id).instances.append(
        Instance(tracker="github", name="Repo 2", url="https://github.com", auth_method="classic")))
    window.sidebar.select(conn.id)
    page = window.connection_page
    assert page.edit_button.isEnabled()
    page.edit_button.click()
    dialog = window.connection_dialog
    assert dialog.windowTitle() == "Edit connection" and dialog.create_button.text() == "&Save"
    assert dialog.name_edit.text() == "Support sync"
    assert dialog.sides[0].instance.currentData() == acme.instance("Jira").id
    assert dialog.sides[1].instance.currentIndex() == -1
    assert dialog.hint.text() == "Choose the instance of each side." and not dialog.create_button.isEnabled()
    repo2 = window.session.data.workspace(acme.id).instance("Repo 2")
    dialog.sides[1].instance.setCurrentIndex(dialog.sides[1].instance.findData(repo2.id))
    dialog.mode_buttons[ConfigMode.BASIC].setChecked(True)
    assert dialog.create_button.isEnabled(), dialog.hint.text()  # its own name is not "already taken"
    assert dialog.create() == conn.id
    stored = Store().load().data.workspace(acme.id).connections
    assert [(c.id, c.name, c.right, c.mode) for c in stored] == [(conn.id, "Support sync", repo2.id, ConfigMode.BASIC)]
    assert page.subtitle.text() == "Jira ↔ Repo 2, Basic mode"
    assert page.status_of("plan.side_missing.right") is None
