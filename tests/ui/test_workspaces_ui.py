"""Workspaces in the window: create, rename, archive and restore, the sidebar filter, history.

Verify all is in test_verify_all.py, the mirror of exadesk/ui/verify_all.py."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtWidgets import QMenu, QMessageBox

from exadesk.foundation.checks import CheckResult, Status
from exadesk.services import instances
from exadesk.store.model import Instance, InstanceState, Verification, Workspace
from exadesk.store.storage import Store


def _rows(window, visible_only: bool = True) -> list[str]:
    tree = window.sidebar.tree
    out = []
    for i in range(tree.topLevelItemCount()):
        ws = tree.topLevelItem(i)
        if visible_only and ws.isHidden():
            continue
        out.append(ws.text(0))
        out += ["  " + ws.child(j).text(0) for j in range(ws.childCount())
                if not (visible_only and ws.child(j).isHidden())]
    return out


def test_create_rename_archive_and_restore_a_workspace(qtbot, window, monkeypatch):
    ws_id = window.create_workspace("Acme")
    assert window.workspace_page.title.text() == "Acme"
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    assert window.create_workspace("  acme ") == ""  # the name is taken (case-insensitive), said in a sentence
    assert warnings == ["A workspace called 'Acme' already exists."]
    other = window.create_workspace("Globex")
    assert window.rename_workspace(other, "Globex Corp")
    assert _rows(window) == ["Acme", "Globex Corp"]
    assert [w.name for w in Store().load().data.workspaces] == ["Acme", "Globex Corp"]

    window.sidebar.select(ws_id)
    window._update_actions()
    assert window.archive_action.text() == "&Archive workspace"
    assert window.archive_workspace(ws_id)
    assert _rows(window) == ["Globex Corp"]  # archived ones leave the sidebar
    assert "Acme archived" in window.statusBar().currentMessage()
    window.show_archived_action.setChecked(True)
    assert _rows(window) == ["Acme (archived)", "Globex Corp"]
    window.sidebar.select(ws_id)
    assert window.workspace_page.archived.isVisibleTo(window.workspace_page)
    assert not window.workspace_page.verify_button.isEnabled()
    window._update_actions()
    assert window.archive_action.text() == "Restore workspace"
    window.archive_action.trigger()
    assert not Store().load().data.workspace(ws_id).archived
    assert _rows(window) == ["Acme", "Globex Corp"]


def test_the_workspace_menu_and_context_menu_offer_the_workspace_actions(qtbot, window, workspace_id, monkeypatch):
    monkeypatch.setattr(QMenu, "popup", lambda self, where: None)  # the offscreen platform cannot grab input
    titles = [a.text() for a in window.workspace_menu.actions() if a.text()]
    assert titles == ["&Find…", "&Rename workspace…", "&Archive workspace", "Show a&rchived workspaces",
                      "&Verify all", "New &connection…", "&Expiring credentials…"]
    item = window.sidebar.tree.topLevelItem(0)
    rect = window.sidebar.tree.visualItemRect(item)
    window.sidebar._context_menu(rect.center())
    menu = window.context_menu
    assert [a.text() for a in menu.actions() if a.text()] == [
        "&Rename…", "&Archive", "&Verify all", "New &connection…", "Export &readiness report…", "Export &bundle…",
        "Show a&rchived workspaces"]


def _many(n: int) -> Workspace:
    trackers = ("github", "jira_cloud", "servicenow", "azure_devops")
    ws = Workspace(name="Big client")
    for i in range(n):
        ws.instances.append(Instance(tracker=trackers[i % 4], name=f"Instance {i:03}", url=f"https://host{i % 7}.example",
                                     auth_method="x", notes="legacy" if i % 50 == 0 else ""))
    return ws


def test_the_filter_box_filters_500_instances_in_memory_as_you_type(qtbot, window, monkeypatch):
    big = _many(500)
    window.session.update(lambda data: data.workspaces.extend([big, Workspace(name="Other")]))
    loads = []
    original = Store.load
    monkeypatch.setattr(Store, "load", lambda self: loads.append(1) or original(self))
    edit = window.sidebar.filter_edit
    qtbot.keyClicks(edit, "jira host3")
    shown = [r.strip() for r in _rows(window) if r.startswith("  ")]
    expected = [i.name for i in instances.filter_instances(big.instances, "jira host3")]
    assert shown == expected and 0 < len(shown) < 500
    assert not loads  # no disk work per keystroke
    edit.setText("legacy")
    assert [r.strip() for r in _rows(window) if r.startswith("  ")] == [f"Instance {i:03}" for i in range(0, 500, 50)]
    edit.setText("other")  # a workspace name matches: it shows, the big one hides
    assert _rows(window) == ["Other"]
    edit.setText("nothing-like-this")
    assert _rows(window) == [] and window.sidebar.no_match.isVisibleTo(window.sidebar)
    edit.clear()
    assert len(_rows(window)) == 502 and not window.sidebar.no_match.isVisibleTo(window.sidebar)
    window.focus_filter()
    assert edit.hasFocus()


# -- history and drift ---------------------------------------------------------------------------


def test_the_instance_page_says_what_changed_and_lists_the_runs(window, workspace_id):
    first = datetime(2026, 11, 3, 9, 0, tzinfo=timezone.utc)
    second = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    runs = [Verification(at=first, ready=True, checks=[CheckResult("jira.LINK", Status.PASS, "Link Issues")]),
            Verification(at=second, ready=False, checks=[CheckResult("jira.LINK", Status.FAIL, "Link Issues")])]
    inst = Instance(tracker="jira_cloud", name="Jira", url="https://acme.atlassian.net", auth_method="api_token",
                    state=InstanceState.FAILING, history=runs)
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(inst), select=inst.id)
    page = window.instance_page
    assert window.stack.currentWidget() is page
    assert "Link Issues: granted on 3 Nov" in page.changes.text()
    assert "missing since 20 Nov" in page.changes.text()
    rows = [[page.timeline.topLevelItem(i).text(c) for c in range(3)] for i in range(page.timeline.topLevelItemCount())]
    assert [r[1:] for r in rows] == [["Not ready", "Link Issues"], ["Ready", ""]]
    # One run only: nothing to compare yet, and the page says so.
    single = Instance(tracker="github", name="New", url="https://github.com", auth_method="classic",
                      state=InstanceState.VERIFIED, history=runs[:1])
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(single), select=single.id)
    assert page.changes.text() == "Changes appear here once the instance was verified twice."
    assert page.timeline.topLevelItemCount() == 1


def test_the_filter_box_works_from_the_keyboard(qtbot, window):
    from PySide6.QtCore import Qt

    window.session.update(lambda data: data.workspaces.append(_many(20)))
    edit = window.sidebar.filter_edit
    window.focus_filter()
    qtbot.keyClicks(edit, "instance 007")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter opens the first match
    assert window.sidebar.tree.hasFocus()
    assert window.instance_page.title.text() == "Instance 007"
    window.focus_filter()
    qtbot.keyClick(edit, Qt.Key.Key_Escape)  # Escape clears the filter
    assert edit.text() == "" and len(_rows(window)) == 21
