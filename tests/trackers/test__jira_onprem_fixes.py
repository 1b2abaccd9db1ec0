"""The Jira Data Center / Server fix plans' own pieces (exadesk/trackers/_jira_onprem_fixes.py); the plans against
the emulator are in tests/services/test_fixes.py and tests/services/test_fixes_permission_schemes.py."""

from __future__ import annotations

from types import SimpleNamespace

from exadesk.trackers import _jira_onprem_fixes as onprem_fixes
from exadesk.verification import registry


class _Reads:
    """A client that answers GETs from a table of path -> JSON body."""

    def __init__(self, bodies: dict, status: int = 200):
        self.bodies, self.status, self.asked = bodies, status, []

    def get_json(self, path, params=None, expect=None):
        self.asked.append(path)
        return self.bodies[path]

    def get(self, path, params=None, allow=()):
        self.asked.append((path, params))
        return SimpleNamespace(status=self.status, body=self.bodies.get(path))

    def decode(self, reply, expect):
        return reply.body


def test_project_roles_name_each_roles_users_and_groups():
    client = _Reads({
        "/rest/api/2/project/SUP/role": {"Developers": "https://jira.example/rest/api/2/project/SUP/role/10001"},
        "/rest/api/2/project/SUP/role/10001": {"actors": [
            {"type": "atlassian-user-role-actor", "name": "proxy"},
            {"type": "atlassian-group-role-actor", "name": "jira-developers"}, "not an actor"]}})
    assert onprem_fixes._project_roles(client, "SUP") == {"10001": ("Developers", {"proxy"}, {"jira-developers"})}


def test_group_size_is_the_total_or_none_when_refused():
    assert onprem_fixes._group_size(_Reads({"/rest/api/2/group/member": {"total": 12}}), "devs") == 12
    assert onprem_fixes._group_size(_Reads({"/rest/api/2/group/member": {"total": 12}}, status=403), "devs") is None
    assert onprem_fixes._group_size(_Reads({"/rest/api/2/group/member": {}}), "devs") is None


def test_the_fixes_cover_the_agent_and_every_named_permission_and_plan_with_the_given_client():
    asked = []
    fixes = onprem_fixes.agent_and_permission_fixes(lambda ctx: asked.append(ctx) or _Reads({}),
                                                    {"EDIT_ISSUES": "Edit Issues", "BROWSE_PROJECTS": "Browse"})
    assert [fix.keys for fix in fixes] == [("service_desk_agent",), ("EDIT_ISSUES", "BROWSE_PROJECTS")]
    no_proxy = SimpleNamespace(proxy_identity=None, proxy=SimpleNamespace(value=lambda name: ""))
    assert [fix.plan(no_proxy, key) for fix, key in zip(fixes, ("service_desk_agent", "EDIT_ISSUES"))] == [[], []]
    assert asked == [no_proxy, no_proxy], "each plan signs in with the client it was given"


def test_the_tracker_declares_these_fixes_with_its_project_permissions():
    module = registry.get("jira_onprem").module
    assert [fix.keys for fix in module.FIXES] == [("service_desk_agent",), module.PROJECT_PERMISSIONS]
