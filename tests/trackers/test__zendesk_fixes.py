"""The Zendesk fix plans' own pieces (exadesk/trackers/_zendesk_fixes.py); the plans against the emulator, with
apply and undo, are in tests/trackers/test_zendesk_fixes.py."""

from __future__ import annotations

from exadesk.services import fixes
from exadesk.trackers import _zendesk_fixes as zd_fixes
from exadesk.trackers import zendesk

FULL = {"ticket_editing": True, "ticket_access": "all", "ticket_comment_access": "public"}


def _role(rid: int, name: str, role_type: int = 0, **config) -> dict:
    return {"id": rid, "name": name, "role_type": role_type, "configuration": {**FULL, **config}}


def test_fixes_are_declared_for_role_tickets_and_groups_and_never_for_admin_or_console():
    declared = fixes.fixes_of("zendesk")
    assert set(declared) == {"role", "ticket_editing", "ticket_access", "ticket_comment_access", "groups"}
    assert all(zendesk.SPEC.requirement(key) for key in declared)
    # Making someone an admin, or replacing a person's own admin account, is never a fix: left by hand.
    assert not {"admin", "console_access", *zendesk.SPEC.admin_requirements} & set(declared)
    assert declared["ticket_editing"] is declared["ticket_access"] is declared["ticket_comment_access"]
    assert all("Zendesk Admin role" in fix.needs for fix in declared.values())


def test_comments_are_needed_only_when_synced():
    assert set(zd_fixes.ticket_needs(frozenset())) == {"ticket_editing", "ticket_access"}
    assert zd_fixes.ticket_needs(frozenset({"comments"})) == {**FULL}


def test_a_role_allows_the_needs_only_as_a_full_agent_role():
    needs = zd_fixes.ticket_needs(frozenset({"comments"}))
    assert zd_fixes.allows(_role(1, "Sync"), needs)
    assert not zd_fixes.allows(_role(2, "Groups only", ticket_access="within-groups"), needs)
    assert not zd_fixes.allows(_role(3, "Private", ticket_comment_access="none"), needs)
    assert not zd_fixes.allows(_role(4, "Light agent", role_type=1), needs), "light agents cannot edit tickets"
    assert not zd_fixes.allows(_role(5, "Marked light", light_agent=True), needs)
    assert zd_fixes.allows(_role(3, "Private", ticket_comment_access="none"), zd_fixes.ticket_needs(frozenset()))


def test_the_narrowest_role_reaches_least_beyond_tickets():
    needs = zd_fixes.ticket_needs(frozenset())
    lead = _role(7, "Team lead", manage_business_rules=True, report_access="full", macro_access="readonly")
    staff = _role(8, "Staff", ticket_deletion=True, view_access="playonly", ticket_tag_editing=True)
    assert zd_fixes.beyond(lead, needs) == ["manage_business_rules", "report_access"]
    assert zd_fixes.beyond(staff, needs) == ["ticket_deletion"], "read-only and tag editing reach nothing beyond"
    assert zd_fixes.narrowest([lead, staff, _role(9, "Light", role_type=1)], needs)["id"] == 8
    assert zd_fixes.narrowest([_role(9, "Light", role_type=1)], needs) is None


def test_the_scope_names_each_group_once_by_name_or_id():
    listed = [{"id": 1, "name": "Support"}, {"id": 2, "name": "Billing"}]
    assert zd_fixes._in_scope(listed, ["support", "2", "Billing", "Nowhere"]) == listed


class _Pages:
    """A client that answers List Groups page by page."""

    def __init__(self, pages: list[list[dict]]):
        self.pages, self.asked = pages, []

    def get_json(self, path, params=None, expect=None):
        self.asked.append(int(params["page"]))
        page = int(params["page"])
        return {"groups": self.pages[page - 1], "next_page": "more" if page < len(self.pages) else None}


def test_all_groups_reads_every_page_and_stops_at_the_last():
    client = _Pages([[{"id": 1, "name": "A"}], [{"id": 2, "name": "B"}, {"name": "no id"}]])
    assert [g["id"] for g in zd_fixes._all_groups(client)] == [1, 2]
    assert client.asked == [1, 2]
