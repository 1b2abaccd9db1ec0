"""A tracker's page (exadesk/ui/tracker_page.py): its sign-in methods, its notices, and "Set up"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from exadesk.ui.tracker_page import TrackerPage
from exadesk.verification import registry
from exadesk.verification.notices import Notice
from tests.helpers.window import shown


def test_a_tracker_page_lists_its_methods_and_notices_and_waits_for_a_workspace(qtbot):
    page = shown(qtbot, TrackerPage())
    spec = registry.get("github").spec
    page.show_tracker(spec, has_workspace=False)
    assert page.title.text() == spec.name and page.tracker_id == "github"
    assert all(m.label in page.methods.text() for m in spec.auth_methods)
    assert not page.setup_button.isEnabled() and page.setup_button.toolTip() == "Create a workspace first."
    asked = []
    page.setup.connect(asked.append)
    page.show_tracker(spec, has_workspace=True)
    page.setup_button.click()
    assert asked == ["github"]


def test_a_notice_of_the_tracker_is_shown_escaped(qtbot):
    page = shown(qtbot, TrackerPage())
    spec = registry.get("github").spec
    notice = Notice(id="n", tracker="github", title="Tokens <change>", text="Classic tokens end.",
                    advice="Use fine-grained ones.", effective=date(2026, 9, 1))
    page.show_tracker(replace(spec, notices=(notice,)), has_workspace=True)
    assert not page.notice_label.isHidden()
    assert "Tokens &lt;change&gt;" in page.notice_label.text() and "Use fine-grained ones." in page.notice_label.text()
