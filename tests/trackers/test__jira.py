"""exadesk/trackers/_jira.py: what both Jira flavours share: reading permission schemes (who holds Browse Projects,
what makes a project public) and the security warning's sentences."""

from __future__ import annotations

from exadesk.foundation.checks import CheckResult
from exadesk.trackers import _jira


class _Ctx:
    """The result helpers of a verify context, in the sentences both Jira flavours share."""

    def passed(self, key, detail):
        return CheckResult(key, "pass", "", detail)

    def warned(self, key, detail):
        return CheckResult(key, "warn", "", detail)

    def unknown(self, key, detail, fix=None):
        return CheckResult(key, "unknown", "", detail, fix=fix)

    def say(self, key, **params):  # the sentences both Jira flavours share
        return _jira.TEXTS[key].format(**params)


def test_the_jira_security_sentence_reads_with_the_app_user():
    result = _jira.security_result(_Ctx(), _jira.Exposure(checked=3, total=3), "The app user")
    assert result.detail == "The app user can browse only public projects (3 checked)."


def _scheme(*grants):
    return {"permissions": [{"permission": p, "holder": h} for p, h in grants] + [{"permission": "X"}, "junk"]}


def test_grants_and_holders_read_a_scheme_with_its_permissions():
    group = {"type": "group", "parameter": "jira-users"}
    scheme = _scheme(("BROWSE_PROJECTS", group), ("EDIT_ISSUES", {"type": "projectRole", "value": "10002"}))
    assert _jira.grants(scheme)[0] == ("BROWSE_PROJECTS", group) and len(_jira.grants(scheme)) == 2
    assert _jira.holders_of(scheme, "BROWSE_PROJECTS") == [group]
    # Cloud recommends value; Server / Data Center only has parameter.
    assert _jira.holder_id({"value": "abc", "parameter": "old"}) == "abc" and _jira.holder_id(group) == "jira-users"
    assert _jira.same_holder({"type": "group", "value": "jira-users"}, group)
    assert not _jira.same_holder({"type": "projectRole", "parameter": "jira-users"}, group)


def test_a_project_is_public_when_anyone_or_an_application_role_browses_it():
    assert _jira.is_public([{"type": "anyone"}])
    assert _jira.is_public([{"type": "group", "parameter": "x"}, {"type": "applicationRole"}])
    assert not _jira.is_public([{"type": "group", "parameter": "jira-users"}, {"type": "projectRole", "value": "1"}])
    assert not _jira.is_public([])


def test_exposure_sorts_projects_into_private_and_unreadable_and_stops_at_the_limit():
    public = _scheme(("BROWSE_PROJECTS", {"type": "anyone"}))
    private = _scheme(("BROWSE_PROJECTS", {"type": "group", "parameter": "staff"}))
    schemes = {"PUB": public, "PRIV": private, "HID": None}
    found = _jira.exposure(["PUB", "PRIV", "HID"], schemes.get)
    assert (found.private, found.unreadable, found.checked, found.total) == (["PRIV"], ["HID"], 3, 3)
    # Not among the holders: a private project the user does not reach is no exposure.
    assert _jira.exposure(["PRIV"], schemes.get, reaches=lambda holders: False).private == []
    many = [f"P{i}" for i in range(_jira.MAX_PROJECTS + 5)]
    found = _jira.exposure(many, lambda key: public)
    assert (found.checked, found.total) == (_jira.MAX_PROJECTS, _jira.MAX_PROJECTS + 5)


def test_the_security_result_for_each_outcome():
    ctx = _Ctx()
    warned = _jira.security_result(ctx, _jira.Exposure(private=["SUP"], checked=200, total=250), "The proxy user")
    assert warned.status == "warn" and "SUP" in warned.detail and "first 200 of 250" in warned.detail
    unread = _jira.security_result(ctx, _jira.Exposure(unreadable=["A", "B"], checked=2, total=2), "The proxy user")
    assert unread.status == "unknown" and unread.fix
    partly = _jira.security_result(ctx, _jira.Exposure(unreadable=["B"], checked=2, total=2), "The proxy user")
    assert partly.status == "warn" and "B" in partly.detail
    none = _jira.security_result(ctx, _jira.Exposure(), "The proxy user")
    assert none.detail == "The proxy user cannot browse any project."


def test_long_lists_are_cut_with_a_count():
    items = [f"P{i}" for i in range(12)]
    assert _jira.join_limited(_Ctx(), items[:3]) == "P0, P1, P2"
    assert _jira.join_limited(_Ctx(), items) == "P0, P1, P2, P3, P4, P5, P6, P7, P8, P9 and 2 more"
    assert _jira._join_limited_plain(items) == _jira.join_limited(_Ctx(), items)
