"""Icons (exadesk/ui/icons.py): a mark per status (manual steps apart), the app's, and a tracker's or a drawn one.

The SVG files themselves are checked in tests/packaging/test_icons.py.
"""

from __future__ import annotations

from exadesk.foundation.checks import CheckResult, Status
from exadesk.ui import icons
from exadesk.verification import registry


def test_every_status_has_its_own_mark_and_a_manual_step_another(qapp):
    keys = {s: icons.status_icon(s).cacheKey() for s in Status}
    assert len(set(keys.values())) == len(Status)
    assert all(not icons.status_icon(s).pixmap(16, 16).isNull() for s in Status)
    manual = icons.check_icon(CheckResult("t.m", Status.UNKNOWN, "M", manual=True))
    undecided = icons.check_icon(CheckResult("t.u", Status.UNKNOWN, "U"))
    assert manual.cacheKey() == icons.manual_icon().cacheKey() != undecided.cacheKey()
    assert undecided.cacheKey() == keys[Status.UNKNOWN]


def test_the_app_and_every_tracker_have_an_icon(qapp):
    assert not icons.app_icon().isNull()
    for tracker in registry.all_trackers():
        assert not icons.tracker_icon(tracker.id, tracker.spec.name).pixmap(32, 32).isNull(), tracker.id


def test_a_tracker_without_a_mark_gets_its_initials_on_a_stable_colour(qapp):
    drawn = icons.tracker_icon("acme_tracker_without_file", "Acme Tracker")
    assert not drawn.isNull() and len(drawn.availableSizes()) >= 2
    assert icons._initials("Jira Server / Data Center") == "JS"
    assert icons._initials("  ") == "?"
    assert icons._colour("acme") == icons._colour("acme") != icons._colour("other")
