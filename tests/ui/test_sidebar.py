"""The sidebar (exadesk/ui/sidebar.py): workspaces, their instances and a badge per state."""

from __future__ import annotations

from datetime import timedelta

from exadesk.foundation import clock
from exadesk.store.model import Instance, InstanceState
from tests.helpers.window import add_instance, sidebar_rows


def test_sidebar_badges_follow_the_instance_state(window, workspace_id):
    soon = clock.now() + timedelta(days=3)
    states = {"Draft one": InstanceState.DRAFT, "Offline one": InstanceState.PREPARED_OFFLINE,
              "Good one": InstanceState.VERIFIED, "Bad one": InstanceState.FAILING}
    for name, state in states.items():
        add_instance(window, workspace_id, Instance(tracker="github", name=name, url="https://github.com",
                                                    auth_method="classic", state=state))
    add_instance(window, workspace_id, Instance(tracker="jira_cloud", name="Expiring one",
                                                url="https://acme.atlassian.net", auth_method="api_token",
                                                state=InstanceState.VERIFIED, token_expires_at=soon))
    rows = sidebar_rows(window)
    assert rows == {"Draft one": "draft", "Offline one": "prepared_offline", "Good one": "verified",
                    "Bad one": "failing", "Expiring one": "expiring"}
    window.sidebar.select(window.session.data.workspace(workspace_id).instances[-1].id)
    assert window.instance_page.badge.text() == "Expiring"
    window.sidebar.select(workspace_id)
    summary = window.workspace_page.summary.text()
    assert summary.startswith("5 instances.") and "Failing: 1" in summary and "Expiring: 1" in summary


def test_sidebar_has_a_badge_of_its_own_for_not_confirmed(window, workspace_id):
    from exadesk.ui import texts, theme

    add_instance(window, workspace_id, Instance(tracker="github", name="Open one", url="https://github.com",
                                                auth_method="classic", state=InstanceState.NOT_CONFIRMED))
    assert sidebar_rows(window) == {"Open one": "not_confirmed"}
    assert texts.badge("not_confirmed") == "Not confirmed" and texts.badge_help("not_confirmed")
    colours = set(theme.BADGE_COLOURS.values())
    assert theme.BADGE_COLOURS["not_confirmed"] in colours and len(colours) == len(theme.BADGE_COLOURS)
