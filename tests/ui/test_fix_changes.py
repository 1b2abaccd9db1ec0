"""The fix plan as a list to choose from: a ticked checkbox per change to send, none for what is in place or must be
done by hand, the chosen positions in the plan's order, readable text and names for a screen reader."""

from __future__ import annotations

from PySide6.QtCore import Qt

from exadesk.foundation.checks import Report
from exadesk.services.fixes import Call, Change, FixPlan
from exadesk.store.model import Instance, Workspace
from exadesk.ui.fix_changes import ChangeList, detail_rows

REF = "https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-groups/"


def _change(group: str, *, done: bool = False, inverse: bool = True) -> Change:
    call = Call("POST", "/rest/api/3/group/user", (("groupname", group),), {"accountId": "app"})
    undo = Call("DELETE", "/rest/api/3/group/user", (("groupname", group), ("accountId", "app"))) if inverse else None
    return Change(f"jira_cloud.{group}", f"Add Exalate to group {group}", call, undo, REF,
                  touches=("Every project <b>the group</b> can see",), no_inverse="" if inverse else "made by hand",
                  done=done)


def _plan(*changes: Change, by_hand=()) -> FixPlan:
    inst = Instance(tracker="jira_cloud", name="Jira", url="https://acme.atlassian.net", auth_method="api_token")
    return FixPlan(Workspace(name="Acme", instances=[inst]), inst, inst, "Jira (dana)", Report("jira_cloud", inst.url),
                   changes=list(changes), by_hand=list(by_hand))


def test_each_change_to_send_has_a_ticked_box_and_the_others_none(qtbot):
    view = ChangeList()
    qtbot.addWidget(view)
    view.show_plan(_plan(_change("a"), _change("b", done=True), _change("c", inverse=False),
                         by_hand=[("App user exists", "Reinstall the app.")]))
    assert list(view.boxes) == [0, 2], "no box for the change already in place"
    assert all(box.isChecked() for box in view.boxes.values())
    assert view.chosen() == [0, 2]
    view.boxes[0].setChecked(False)
    assert view.chosen() == [2]
    text = view.toPlainText()
    assert "Add Exalate to group b: already in place, nothing to send" in text
    assert "Request: POST /rest/api/3/group/user?groupname=a" in text
    assert "Undo: DELETE /rest/api/3/group/user?groupname=a&accountId=app" in text
    assert "No undo: made by hand" in text
    assert "Also: Every project <b>the group</b> can see" in text, "a tracker's text is shown, never read as markup"
    assert f"Reference: {REF}" in text
    assert "By hand (no API change exists):\nApp user exists: Reinstall the app." in text


def test_ticking_signals_and_the_boxes_are_named_for_a_screen_reader(qtbot):
    view = ChangeList()
    qtbot.addWidget(view)
    view.show_plan(_plan(_change("a"), _change("b")))
    box = view.boxes[1]
    assert box.accessibleName() == "Add Exalate to group b"
    assert box.accessibleDescription().startswith("Sends POST /rest/api/3/group/user?groupname=b")
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(view.chosen_changed):
        box.setChecked(False)
    assert view.focusProxy() is view.boxes[0], "focus on the list lands on the first box"


def test_a_click_on_a_change_s_words_ticks_its_box(qtbot):
    from exadesk.ui.fix_changes import _Words

    view = ChangeList()
    qtbot.addWidget(view)
    view.show_plan(_plan(_change("a")))
    view.show()
    words = view.widget().findChild(_Words)
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
    assert not view.boxes[0].isChecked()
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
    assert view.boxes[0].isChecked()


def test_detail_rows_escape_the_request_and_link_the_reference():
    rows = detail_rows(_change("a"))
    assert rows[0] == "Request: <code>POST /rest/api/3/group/user?groupname=a {&quot;accountId&quot;: " \
                      "&quot;app&quot;}</code>"
    assert rows[2] == "Also: Every project &lt;b&gt;the group&lt;/b&gt; can see"
    assert rows[-1] == f"Reference: <a href='{REF}'>{REF}</a>"
