"""``verify_admin`` of Jira (Cloud, Server / Data Center), GitHub, Asana, Freshdesk, Freshservice and HP ALM against
their emulators: each admin fact passes and fails, the runs only read, and the calls are documented operations."""

from __future__ import annotations

import secrets as _secrets
import string

import pytest

from exadesk.foundation.checks import Status
from exadesk.verification import engine, registry
from exadesk.verification.spec import Secrets, Target
from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec
from tests.helpers.emulators import only_reads

ALPHABET = string.ascii_letters + string.digits
GROUP = "exalate_console_admin"


def _made_up(prefix: str, n: int) -> str:
    return prefix + "".join(_secrets.choice(ALPHABET) for _ in range(n))


def _admin_run(emulator, secrets: dict, *, auth: str = "", values: dict | None = None, scope=()) -> dict:
    """engine.verify_admin with a credential; statuses by check id. Asserts reads only and no leaked secret."""
    target = Target(tracker=emulator.tracker, url=emulator.url, auth_method=auth, values=dict(values or {}),
                    secrets=Secrets(secrets), scope=list(scope), timeout=10)
    report = engine.verify_admin(target)
    assert only_reads(emulator), "an admin check must only read"
    text = repr([c.to_json() for c in report.checks]) + repr(report.problem and report.problem.to_json())
    assert not any(v in text for v in secrets.values()), "a secret reached the report"
    assert report.problem is None, report.problem.text()
    spec = registry.get(emulator.tracker).spec
    expected = {spec.check_id(r.key) for r in spec.admin_requirements.values()}
    reported = {c.id for c in report.checks if not c.id.startswith("notice.")}
    assert reported == expected, "exactly the admin catalogue is reported"
    return {c.id: c for c in report.checks}


def test_admin_keys_never_collide_with_proxy_user_keys():
    for tracker in registry.all_trackers():
        proxy = {r.key for r in tracker.spec.requirements}
        assert not proxy & {r.key for r in tracker.spec.admin_requirements.values()}, tracker.spec.id
    for tracker_id in ("jira_cloud", "jira_onprem", "github", "asana", "freshdesk", "freshservice", "hp_alm"):
        spec = registry.get(tracker_id).spec
        admin = {r.key for r in spec.admin_requirements.values()}
        assert admin and not admin & {r.key for r in spec.requirements}, tracker_id
        assert set(spec.admin_requirements) <= {"system_admin", "project_admin", "console_group_member",
                                                "console_group_exists"}
        for req in spec.admin_requirements.values():
            assert req.fix and (not req.manual or req.steps), (tracker_id, req.key)


# -- Jira Cloud ---------------------------------------------------------------------------

CLOUD = "jira_cloud"


def _cloud_person(token: str, **facts) -> dict:
    return {"p@example.com": {"accountId": "5b10a2844c20165700ede399", "displayName": "Pat Person", "token": token,
                              "administer": False, "browse_users": True, "project_admin": [], "groups": [],
                              **facts}}


@pytest.mark.parametrize("facts,site_groups,expected", [
    ({"administer": True}, None,
     {"admin.ADMINISTER": "pass", "admin.ADMINISTER_PROJECTS": "pass", f"admin.member.{GROUP}": "fail",
      f"admin.group.{GROUP}": "fail"}),
    ({"project_admin": ["SUP"], "groups": [GROUP]}, [GROUP],
     {"admin.ADMINISTER": "fail", "admin.ADMINISTER_PROJECTS": "pass", f"admin.member.{GROUP}": "pass",
      f"admin.group.{GROUP}": "pass"}),
    ({"project_admin": ["DEV"]}, [GROUP],
     {"admin.ADMINISTER_PROJECTS": "fail", f"admin.member.{GROUP}": "fail", f"admin.group.{GROUP}": "pass"}),
    ({"browse_users": False}, [],
     {f"admin.group.{GROUP}": "unknown"}),
], ids=["site-admin-no-group", "delegated", "other-project", "cannot-browse-groups"])
def test_jira_cloud_admin_facts(facts, site_groups, expected, emulators):
    token = _made_up("ATATT3xFfGF0", 40)
    scenario = {"people": _cloud_person(token, **facts)}
    if site_groups is not None:
        scenario["groups"] = ["jira-software-users", *site_groups]
    emulator = emulators.start(CLOUD, scenario)
    found = _admin_run(emulator, {"api_token": token}, values={"email": "p@example.com"}, scope=("SUP",))
    assert {k: found[f"{CLOUD}.{k}"].status.value for k in expected} == expected
    api = load_spec("jira-cloud/swagger-v3.v3.json")
    assert assert_requests_documented(api, emulator.requests) >= 3
    assert_replies_conform(api, emulator.requests)


def test_jira_cloud_project_admin_without_projects_is_unknown(emulators):
    emulator = emulators.start(CLOUD)
    found = _admin_run(emulator, {"api_token": emulator.demo_secrets["api_token"]},
                       values={"email": "site-admin@example.com"})
    assert found["jira_cloud.admin.ADMINISTER_PROJECTS"].status is Status.UNKNOWN


# -- Jira Server / Data Center --------------------------------------------------------------

ONPREM = "jira_onprem"


@pytest.mark.parametrize("facts,site_groups,expected", [
    ({"admin": True}, None, {"admin.ADMINISTER": "pass", f"admin.member.{GROUP}": "fail",
                             f"admin.group.{GROUP}": "fail"}),
    ({"groups": [GROUP]}, [GROUP], {"admin.ADMINISTER": "fail", f"admin.member.{GROUP}": "pass",
                                    f"admin.group.{GROUP}": "pass", "admin.ADMINISTER_PROJECTS": "fail"}),
    ({"project_admin": ["SUP"]}, [GROUP], {f"admin.member.{GROUP}": "fail", f"admin.group.{GROUP}": "pass",
                                           "admin.ADMINISTER_PROJECTS": "pass"}),
], ids=["system-admin", "delegated", "project-admin"])
def test_jira_onprem_admin_facts(facts, site_groups, expected, emulators):
    pat = _made_up("", 44).replace("/", "A")
    person = {"key": "JIRAUSER10200", "displayName": "Dee Delegate", "emailAddress": "dee@example.com",
              "password": _made_up("pw-", 16), "pat": pat, "admin": False, "system_admin": False,
              "groups": ["jira-software-users"], "project_admin": [], **facts}
    scenario = {"people": {"dee": person}}
    if site_groups is not None:
        scenario["groups"] = ["jira-software-users", *site_groups]
    emulator = emulators.start(ONPREM, scenario)
    found = _admin_run(emulator, {"token": pat}, auth="pat", scope=("SUP",))
    assert {k: found[f"{ONPREM}.{k}"].status.value for k in expected} == expected
    api = load_spec("jira-dc/jira_software_dc_10003_swagger.v3.json", mount="/rest")
    assert assert_requests_documented(api, emulator.requests) >= 3
    assert_replies_conform(api, emulator.requests)


def test_jira_onprem_password_sign_in_of_a_person(emulators):
    password = _made_up("pw-", 16)
    emulator = emulators.start(ONPREM, {"people": {"dee": {
        "key": "JIRAUSER10200", "displayName": "Dee Delegate", "emailAddress": "dee@example.com",
        "password": password, "pat": "", "admin": True, "groups": []}}})
    found = _admin_run(emulator, {"password": password}, auth="password", values={"username": "dee"})
    assert found["jira_onprem.admin.ADMINISTER"].status is Status.PASS


# -- GitHub ---------------------------------------------------------------------------------


@pytest.mark.parametrize("repo_role,org_role,expected", [
    ("admin", "member", {"admin.owner_or_repo_admin": "pass", "admin.repo_admin": "pass"}),
    (None, "admin", {"admin.owner_or_repo_admin": "pass", "admin.repo_admin": "pass"}),
    ("push", "member", {"admin.owner_or_repo_admin": "fail", "admin.repo_admin": "fail"}),
], ids=["repo-admin", "org-owner", "writer"])
def test_github_admin_facts(repo_role, org_role, expected, emulators):
    token = _made_up("ghp_", 36)
    collaborators = {"dana": repo_role} if repo_role else {}
    emulator = emulators.start("github", {
        "tokens": {token: {"login": "dana", "name": "Dana Admin", "id": 77, "kind": "classic", "scopes": ["repo"]}},
        "repos": {"acme/website": {"collaborators": collaborators}},
        "orgs": {"acme": {"members": {"dana": org_role}}}})
    found = _admin_run(emulator, {"token": token}, auth="classic", scope=("acme/website",))
    assert {k: found[f"github.{k}"].status.value for k in expected} == expected
    for description in ("github/ghes-3.14.operations.json", "github/api.github.com.operations.json"):
        api = load_spec(description, mount="/api/v3")
        # GraphQL is described by GitHub's GraphQL schema, not the REST operations (tests/sandbox/test_github_...).
        assert assert_requests_documented(api, emulator.requests, allow=(r"/graphql$",)) >= 1
        assert_replies_conform(api, emulator.requests)


# -- Asana ----------------------------------------------------------------------------------


@pytest.mark.parametrize("is_admin", [True, False])
def test_asana_workspace_admin(is_admin, emulators):
    token = "2/1204000000000002/1204000000000098:" + _secrets.token_hex(16)
    emulator = emulators.start("asana", {
        "tokens": {token: "1204000000000002"},
        "users": {"1204000000000002": {"name": "Ada Admin", "email": "ada@acme.example"}},
        "workspaces": {"1204000000000500": {"members": {"1204000000000002": {
            "is_admin": is_admin, "is_guest": False, "is_active": True}}}}})
    found = _admin_run(emulator, {"token": token}, scope=("Acme Corp",))
    assert found["asana.admin.workspace_admin"].status is (Status.PASS if is_admin else Status.FAIL)
    api = load_spec("asana/asana_oas.yaml", mount="/api/1.0")
    assert assert_requests_documented(api, emulator.requests) >= 2


# -- Freshdesk and Freshservice: the role live, the console group by hand ----------------------


@pytest.mark.parametrize("tracker,admin_role,agent_role", [
    ("freshdesk", 2, 4),
    ("freshservice", 21000150293, 21000150295),
])
@pytest.mark.parametrize("is_admin", [True, False])
def test_freshworks_admin_role_and_manual_group(tracker, admin_role, agent_role, is_admin, emulators):
    key = _made_up("", 20)
    role = admin_role if is_admin else agent_role
    if tracker == "freshdesk":
        agent = {"id": 43000712299, "type": "support_agent", "occasional": False, "ticket_scope": 1,
                 "role_ids": [role], "group_ids": [], "available": True, "name": "Ann Admin",
                 "email": "ann@acme.example"}
    else:
        agent = {"id": 21000418099, "first_name": "Ann", "last_name": "Admin", "email": "ann@acme.example",
                 "active": True, "occasional": False, "api_access": True, "admin": is_admin,
                 "roles": [{"role_id": role, "assignment_scope": "entire_helpdesk", "groups": None}]}
    emulator = emulators.start(tracker, {"agents": {key: agent}, "roles_visible_to_agents": False})
    found = _admin_run(emulator, {"api_key": key})
    assert found[f"{tracker}.admin.role"].status is (Status.PASS if is_admin else Status.FAIL)
    group = found[f"{tracker}.admin.member.{GROUP}"]
    assert group.manual and group.status is Status.UNKNOWN and "Groups" in group.detail


def test_hp_alm_admin_facts_are_manual_with_steps(emulators):
    emulator = emulators.start("hp_alm")
    found = _admin_run(emulator, dict(emulator.demo_secrets), values={"username": "alm_admin"},
                       scope=("DEFAULT/Sync_Project",))
    site = found["hp_alm.admin.site_admin"]
    assert site.manual and site.status is Status.UNKNOWN and "SiteAdmin.jsp" in site.detail
    assert not emulator.requests, "nothing to ask ALM: no request is sent"


def test_jira_admin_permission_not_in_the_reply_is_not_confirmed_never_a_fail(emulators):
    # A field the tracker did not send is never a fail (issue 16): mypermissions without the global permissions.
    pat = _made_up("", 44).replace("/", "A")
    emulator = emulators.start(ONPREM, {"omit_permissions": ["ADMINISTER", "SYSTEM_ADMIN"], "people": {"dee": {
        "key": "JIRAUSER10200", "displayName": "Dee Delegate", "emailAddress": "dee@example.com",
        "password": _made_up("pw-", 16), "pat": pat, "admin": True, "groups": []}}})
    found = _admin_run(emulator, {"token": pat}, auth="pat", scope=("SUP",))
    check = found[f"{ONPREM}.admin.ADMINISTER"]
    assert check.status is Status.UNKNOWN and not check.manual and "did not send" in check.detail
