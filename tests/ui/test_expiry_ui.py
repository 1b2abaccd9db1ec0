"""Expiry watch in the window: one rule (exadesk.services.expiry) for the badge, the list, the status bar and entered
dates."""

from __future__ import annotations

from exadesk.services import expiry
from exadesk.store.model import InstanceState, Workspace
from exadesk.ui.sidebar import ROLE_BADGE, badge_key
from tests.helpers.window import expiring_instance as _inst


def test_the_badge_follows_exadesk_expiry_including_20_days_out():
    assert badge_key(_inst("In 20 days", 20.5)) == "expiring"  # the list warns 30 days ahead; so does the badge
    assert badge_key(_inst("In 40 days", 40)) == "verified"
    assert badge_key(_inst("Expired", -1)) == "expiring"
    assert badge_key(_inst("Failing", 3, InstanceState.FAILING)) == "failing"  # failing says more
    assert badge_key(_inst("No date", None)) == "verified"


def test_workspace_page_lists_what_expires_and_the_status_bar_says_it(qtbot, window, workspace_id):
    items = [_inst("Soon", 3.5), _inst("Later", 20.5), _inst("Far", 90), _inst("Gone", -2)]
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend(items))
    archived = Workspace(name="Old client", archived=True, instances=[_inst("Archived soon", 2)])
    window.session.update(lambda d: d.workspaces.append(archived))
    window.load_trackers()
    window.sidebar.select(workspace_id)
    page = window.workspace_page
    rows = [page.expiry_list.item(i).text() for i in range(page.expiry_list.count())]
    assert [r.split(":")[0] for r in rows] == ["Gone", "Soon", "Later"]  # the page names the workspace already
    assert rows[0].endswith("Create a new one and replace the secret.") and "(3 days left)" in rows[1]
    assert not page.expiry_empty.isVisibleTo(page)
    text = window.show_expiry_status()
    assert text == expiry.status_bar_text(expiry.expiring(window.session.data))
    assert text == "Gone's credential has expired and 2 more; see Expiry watch."
    assert window.statusBar().currentMessage() == text
    badges = {}
    ws_item = window.sidebar.tree.topLevelItem(0)
    for j in range(ws_item.childCount()):
        badges[ws_item.child(j).text(0)] = ws_item.child(j).data(1, ROLE_BADGE)
    assert badges == {"Soon": "expiring", "Later": "expiring", "Far": "verified", "Gone": "expiring"}
    # Activating a row opens the instance.
    page.expiry_list.itemActivated.emit(page.expiry_list.item(1))
    assert window.stack.currentWidget() is window.instance_page
    assert window.instance_page.title.text() == "Soon"


def test_an_empty_workspace_says_nothing_expires(window, workspace_id):
    window.sidebar.select(workspace_id)
    page = window.workspace_page
    assert page.expiry_empty.isVisibleTo(page) and not page.expiry_list.isVisibleTo(page)
    assert page.expiry_empty.text().startswith("No credential of this workspace expires within 30 days")
    assert window.show_expiry_status() == ""
