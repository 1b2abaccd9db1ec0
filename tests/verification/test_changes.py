"""What a tracker declares for its fixes (exadesk/verification/changes.py): requests as a person reads them, the id
of what a change created filled into its undo, and the record's round trip."""

from __future__ import annotations

import json

import pytest

from exadesk.verification import registry, spec
from exadesk.verification.changes import Call, Change, Fix, FixContext


def test_a_call_is_shown_with_its_query_and_a_stable_body():
    call = Call("POST", "/rest/api/3/group/user", params=(("groupname", "jira-software-users"),),
                body={"accountId": "5b10", "note": None})
    assert call.shown() == 'POST /rest/api/3/group/user?groupname=jira-software-users {"accountId": "5b10", "note": null}'
    assert Call("GET", "/a b").shown() == "GET /a b"  # no query, no body: nothing added


def test_filled_puts_the_created_id_in_the_path_only():
    undo = Call("DELETE", "/api/v2/group_memberships/{created}", body={"keep": "{created}"})
    assert undo.filled("4611").path == "/api/v2/group_memberships/4611"
    assert undo.filled("4611").body == {"keep": "{created}"}
    assert undo.path.endswith("{created}"), "a call is frozen: filling makes a new one"


@pytest.mark.parametrize("call", [
    Call("PUT", "/api/v2/agents/7", body={"occasional": False}),
    Call("POST", "/x", params=(("a", "1"), ("b", "two words"))),
    Call("DELETE", "/y"),
])
def test_a_call_survives_the_history_file(call):
    assert Call.from_json(json.loads(json.dumps(call.to_json()))) == call


def test_a_change_in_the_plan_hides_the_placeholder_and_says_when_there_is_no_undo():
    created = Change("zendesk.groups", "Add Exalate to Support", Call("POST", "/api/v2/group_memberships", body={}),
                     Call("DELETE", "/api/v2/group_memberships/{created}"), "https://developer.zendesk.com/",
                     created_from=("group_membership", "id"))
    assert created.to_json()["undo"] == "DELETE /api/v2/group_memberships/<the new record's id>"
    one_way = Change("freshdesk.role", "Give the agent a role", Call("PUT", "/api/v2/agents/7", body={"role_ids": [1]}),
                     None, "https://developers.freshdesk.com/api/", no_inverse="every agent needs a role",
                     done=True)
    data = one_way.to_json()
    assert (data["undo"], data["no_undo"], data["already_done"]) == (None, "every agent needs a role", True)


def test_a_fix_context_carries_the_proxy_beside_the_admins_target():
    tracker_spec = registry.get("zendesk").spec
    admin = spec.Target(tracker="zendesk", url="https://acme.zendesk.com", auth_method="api_token")
    proxy = spec.Target(tracker="zendesk", url="https://acme.zendesk.com", auth_method="api_token", scope=["Support"])
    ctx = FixContext(tracker_spec, admin, proxy, client_factory=None, cancel=None)
    assert (ctx.spec, ctx.target, ctx.proxy, ctx.proxy_identity) == (tracker_spec, admin, proxy, None)
    fix = Fix(("groups",), lambda c, key: [], "an admin", "https://t.example/docs")
    assert fix.plan(ctx, "groups") == []


def test_the_shared_reasons_for_no_fix_name_who_and_what():
    from exadesk.verification.changes import (CONSOLE_MEMBER_NOT_FIXABLE, admin_role_not_fixable,
                                              console_group_not_fixable)
    from exadesk.verification.spec import CONSOLE_GROUP

    assert admin_role_not_fixable("a Jira administrator") == (
        "making someone a Jira administrator is left to a person; ExaDesk's fixes grant only what the proxy user lacks.")
    assert admin_role_not_fixable("an administrator", ", and never admin").endswith("lacks, and never admin.")
    assert console_group_not_fixable("an admin") == (
        f"an admin creates {CONSOLE_GROUP} (the seed documents say so); ExaDesk's fixes never create groups.")
    assert console_group_not_fixable("a system administrator", "the public group x").startswith(
        "a system administrator creates the public group x ")
    assert CONSOLE_GROUP in CONSOLE_MEMBER_NOT_FIXABLE
