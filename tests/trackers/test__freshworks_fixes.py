"""What the Freshdesk and Freshservice fixes share: one Update an Agent per field, undo with the value read, the
built-in role found by name, and the administrator's refusal said before anything is sent."""

from __future__ import annotations

import pytest

from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import CheckError
from exadesk.trackers import _freshworks_fixes as fwfix
from exadesk.trackers import freshdesk, freshservice
from exadesk.verification.http import Reply


class _Ctx:
    """The little of a FixContext these helpers use."""

    def __init__(self, spec, identity=Identity(name="Exalate Sync", login="sync@acme.example", id="7")):
        self.spec, self.proxy_identity = spec, identity
        self.target = type("T", (), {"url": "https://acme.freshdesk.com"})()

    def say(self, key, **params):
        return self.spec.texts[key].format(**params)


class _Client:
    def __init__(self, status: int, body: bytes):
        self.status, self.body, self.paths = status, body, []

    def get(self, path, allow=()):
        self.paths.append(path)
        assert self.status < 300 or self.status in allow
        return Reply(self.status, {"content-type": "application/json"}, self.body, "https://acme.freshdesk.com" + path)

    @staticmethod
    def decode(reply, expect):
        return reply.json_or_none()


def test_a_field_change_sets_one_field_and_its_undo_sets_back_the_value_read():
    change = fwfix.field_change(_Ctx(freshdesk.SPEC), "ticket_scope", {"id": 7}, "ticket_scope", 1, 2, "words",
                                "https://developers.freshdesk.com/api/#update_agent")
    assert (change.check_id, change.call.shown(), change.inverse.shown(), change.done) == (
        "freshdesk.ticket_scope", 'PUT /agents/7 {"ticket_scope": 1}', 'PUT /agents/7 {"ticket_scope": 2}', False)
    again = fwfix.field_change(_Ctx(freshdesk.SPEC), "ticket_scope", {"id": 7}, "ticket_scope", 1, 1, "w", "https://x")
    assert again.done, "already the wanted value: nothing is sent"
    none = fwfix.field_change(_Ctx(freshdesk.SPEC), "role", {"id": 7}, "role_ids", [4], [], "w", "https://x",
                              no_inverse="why")
    assert none.inverse is None and none.no_inverse == "why"


def test_only_an_occasional_agent_is_made_full_time():
    ctx = _Ctx(freshservice.SPEC)
    [change] = fwfix.full_time_changes(ctx, "agent", {"id": 7, "occasional": True}, "https://x")
    assert change.call.body == {"occasional": False} and change.inverse.body == {"occasional": True}
    assert change.words == "Make Exalate Sync (sync@acme.example) a full-time agent (it is an occasional agent now)"
    assert fwfix.full_time_changes(ctx, "agent", {"id": 7, "occasional": False}, "https://x") == []


def test_the_built_in_role_is_found_by_name_and_only_among_the_products_own():
    roles = [{"id": 5, "name": "Agent", "default": False}, {"id": 4, "name": "Agent", "default": True}]
    assert fwfix.builtin_role(roles, "Agent") == roles[1]
    assert fwfix.builtin_role(roles[:1], "Agent") is None
    with pytest.raises(CheckError) as caught:
        fwfix.role_needed(_Ctx(freshdesk.SPEC), None, "Agent")
    assert "lists no built-in role called Agent" in caught.value.problem.message


def test_the_proxy_agent_is_read_with_view_an_agent_and_a_refusal_names_the_admin_role():
    ctx = _Ctx(freshservice.SPEC)
    client = _Client(200, b'{"agent": {"id": 7, "occasional": true}}')
    assert fwfix.proxy_agent(ctx, client, lambda body: body.get("agent")) == {"id": 7, "occasional": True}
    assert client.paths == ["/agents/7"]
    with pytest.raises(CheckError) as caught:
        fwfix.proxy_agent(ctx, _Client(403, b'{"code": "access_denied"}'), lambda body: body)
    assert caught.value.problem.reason == "freshservice.fix_not_admin"
    assert "Admin or Account Admin role" in caught.value.problem.next_step
    assert fwfix.proxy_agent(_Ctx(freshdesk.SPEC, identity=None), client, lambda body: body) is None


def test_giving_a_role_says_why_it_has_no_undo():
    words, why = fwfix.give_role_words(_Ctx(freshdesk.SPEC), {"id": 4, "name": "Agent"})
    assert words == "Give Exalate Sync (sync@acme.example) the built-in role Agent"
    assert why.startswith("Freshdesk requires every agent to hold at least one role")
