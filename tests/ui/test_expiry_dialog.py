"""The expiry dialogs (exadesk/ui/expiry_dialog.py): every workspace's expiring credentials soonest first, and a
date a person enters or clears."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate

from exadesk.foundation import clock
from exadesk.services import expiry
from exadesk.store.storage import Store
from exadesk.ui.sidebar import ROLE_BADGE
from tests.helpers.window import expiring_instance as _inst


def test_the_expiring_dialog_lists_every_workspace_soonest_first(window, workspace_id):
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend([_inst("Later", 20.5),
                                                                               _inst("Soon", 1.5)]))
    dialog = window.show_expiring()
    rows = [[dialog.table.topLevelItem(i).text(c) for c in range(4)] for i in range(dialog.table.topLevelItemCount())]
    assert [(r[0], r[1], r[3]) for r in rows] == [("Soon", "Acme", "1 day"), ("Later", "Acme", "20 days")]
    assert dialog.empty.isHidden()
    dialog.table.itemActivated.emit(dialog.table.topLevelItem(1), 0)
    assert window.instance_page.title.text() == "Later"


def test_the_expiring_dialog_has_an_empty_state(window, workspace_id):
    dialog = window.show_expiring()
    assert dialog.table.isHidden() and not dialog.empty.isHidden()
    assert dialog.empty.text().startswith("No credential expires within 30 days.")


def test_a_person_enters_and_clears_an_expiry_date(window, workspace_id):
    inst = _inst("Jira token", None)
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(inst), select=inst.id)
    page = window.instance_page
    assert page.expiry_button.text() == "Set &date…"
    page.expiry_button.click()
    dialog = window.expiry_dialog
    assert not dialog.clear_button.isEnabled()
    soon = (clock.now() + timedelta(days=10)).astimezone()
    target = QDate(soon.year, soon.month, soon.day)
    dialog.date.setDate(target)
    dialog.save()
    stored = Store().load().data.find_instance(inst.id)[1]
    local = stored.token_expires_at.astimezone()
    assert (local.year, local.month, local.day) == (target.year(), target.month(), target.day())
    assert expiry.status(stored) == "upcoming"
    assert page.expiry_button.text() == "Change &date…"
    assert "Jira token" in window.statusBar().currentMessage()
    assert window.sidebar.tree.topLevelItem(0).child(0).data(1, ROLE_BADGE) == "expiring"
    window.set_expiry(inst.id)
    assert window.expiry_dialog.clear_button.isEnabled()
    window.expiry_dialog.clear_button.click()
    assert Store().load().data.find_instance(inst.id)[1].token_expires_at is None
    assert page._detail_labels["expires"].text() == "Not known"
