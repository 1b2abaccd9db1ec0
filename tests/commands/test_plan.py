"""`exadesk add --role admin`, `exadesk connect` and `exadesk plan --json` end to end against the emulators.

Each test stores a Jira Cloud site and a GitHub repository (proxy instances), the admins' own credentials
(role admin), records a connection, and checks the plan's items and exit code. Secrets are made up per test.
"""

from __future__ import annotations

import secrets as _secrets
import string

import pytest

from exadesk.store.storage import Store
from tests.helpers.emulators import only_reads

ALPHABET = string.ascii_letters + string.digits


def _jira_token() -> str:
    return "ATATT3xFfGF0" + "".join(_secrets.choice(ALPHABET) for _ in range(40))


def _github_token() -> str:
    return "ghp_" + "".join(_secrets.choice(ALPHABET) for _ in range(36))


class Setup:
    """A workspace 'Acme' with emulators and stored instances; ``plan()`` runs the CLI."""

    def __init__(self, cli, emulators, monkeypatch):
        self.cli, self.emulators, self.monkeypatch = cli, emulators, monkeypatch
        self.secrets: list[str] = []

    def _secret_env(self, name: str, value: str) -> str:
        var = "EXADESK_TEST_" + "".join(c if c.isalnum() else "_" for c in name).upper()
        self.monkeypatch.setenv(var, value)
        self.secrets.append(value)
        return var

    def add(self, tracker: str, name: str, url: str, field: str, secret: str, *extra: str, role: str = "proxy"):
        var = self._secret_env(name, secret)
        result = self.cli("add", tracker, "--name", name, "--url", url, "--secret-env", f"{field}={var}",
                          "--workspace", "Acme", "--role", role, *extra)
        assert result.code == 0, result.err
        return result

    def connect(self, mode: str, *, left_admin: str | None, right_admin: str | None, left_kind: str = "system",
                right_kind: str = "system", left: str = "Jira", right: str = "Repo"):
        args = ["connect", "--workspace", "Acme", "--name", "Sync", "--left", left, "--right", right, "--mode", mode,
                "--left-admin-kind", left_kind, "--right-admin-kind", right_kind]
        if left_admin:
            args += ["--left-admin", left_admin]
        if right_admin:
            args += ["--right-admin", right_admin]
        result = self.cli(*args)
        assert result.code == 0, result.err

    def plan(self, *extra: str):
        result = self.cli("plan", "--workspace", "Acme", "--connection", "Sync", "--json", *extra)
        for value in self.secrets:
            assert value not in result.out + result.err, "a secret leaked into the plan output"
        assert result.code in (0, 1, 3), result.err
        data = result.json()
        return result.code, data, {i["id"].rsplit(".", 1)[0] if i["side"] != "both sides" else i["id"]: i
                                   for i in data["items"] if i["side"] in ("Jira", "both sides")}, data


JIRA_PEOPLE = {
    # A project admin of SUP (not a Jira administrator), outside the console group.
    "pat@example.com": {"accountId": "5b10a2844c20165700ede301", "displayName": "Pat Project",
                        "administer": False, "browse_users": True, "project_admin": ["SUP"],
                        "groups": ["jira-software-users"]},
    # A project admin of SUP in exalate_console_admin: a delegated administrator.
    "dee@example.com": {"accountId": "5b10a2844c20165700ede302", "displayName": "Dee Delegate",
                        "administer": False, "browse_users": True, "project_admin": ["SUP"],
                        "groups": ["jira-software-users", "exalate_console_admin"]},
    # Dana administers Jira and (below) the GitHub repository: one person on both systems.
    "dana@example.com": {"accountId": "5b10a2844c20165700ede303", "displayName": "Dana Admin",
                         "administer": True, "groups": ["jira-administrators"]},
}


@pytest.fixture
def acme(cli, emulators, monkeypatch):
    """Emulators and proxy instances; admin credentials are added by each test."""
    setup = Setup(cli, emulators, monkeypatch)
    tokens = {email: _jira_token() for email in JIRA_PEOPLE}
    setup.jira_tokens = tokens
    people = {email: {**facts, "token": tokens[email]} for email, facts in JIRA_PEOPLE.items()}
    setup.jira_scenario = {"people": people, "groups": ["jira-administrators", "jira-software-users",
                                                         "exalate_console_admin"]}
    gh_proxy, gh_dana, gh_reader = _github_token(), _github_token(), _github_token()
    setup.github_tokens = {"proxy": gh_proxy, "dana": gh_dana, "reader": gh_reader}
    setup.github_scenario = {
        "tokens": {gh_proxy: {"login": "exalate-proxy", "name": "Exalate Proxy", "id": 4101, "kind": "classic",
                              "scopes": ["repo"]},
                   gh_dana: {"login": "dana", "name": "Dana Admin", "id": 4102, "kind": "classic",
                             "scopes": ["repo"]},
                   gh_reader: {"login": "rey", "name": "Rey Reader", "id": 4103, "kind": "classic",
                               "scopes": ["repo"]}},
        "repos": {"acme/website": {"id": 1, "private": True, "owner_type": "Organization",
                                   "collaborators": {"exalate-proxy": "admin", "dana": "admin", "rey": "push"}}},
    }
    return setup


def _start(acme, jira_extra: dict | None = None):
    from exadesk.sandbox.kit import deep_merge

    jira = acme.emulators.start("jira_cloud", deep_merge(acme.jira_scenario, jira_extra or {}))
    github = acme.emulators.start("github", acme.github_scenario)
    acme.jira, acme.github = jira, github
    acme.add("jira_cloud", "Jira", jira.url, "api_token", jira.demo_secrets["api_token"], "--user",
             "site-admin@example.com", "--project", "SUP")
    acme.add("github", "Repo", github.url, "token", acme.github_tokens["proxy"], "--project", "acme/website")
    return jira, github


def _add_jira_admin(acme, name: str, email: str):
    acme.add("jira_cloud", name, acme.jira.url, "api_token", acme.jira_tokens[email], "--user", email, role="admin")


def _add_github_admin(acme, name: str, who: str):
    acme.add("github", name, acme.github.url, "token", acme.github_tokens[who], role="admin")


def _reads_only(*emulators):
    for emulator in emulators:
        assert only_reads(emulator), "verification must only read"


def test_visual_with_an_admin_on_one_side_only_fails(acme):
    jira, github = _start(acme)
    _add_jira_admin(acme, "Dana on Jira", "dana@example.com")
    _add_github_admin(acme, "Rey on GitHub", "reader")
    acme.connect("visual", left_admin="Dana on Jira", right_admin="Rey on GitHub")
    code, data, items, _ = acme.plan()
    assert code == 1 and data["ready"] is False, data
    both = items["plan.visual_admin_both"]
    assert both["status"] == "fail" and "Repo" in both["detail"] and both["fix"]
    assert data["items"][0]["id"] == "plan.visual_admin_both", "Visual is verified on both sides before the rest"
    assert items["plan.local_admin"]["status"] == "pass"
    _reads_only(jira, github)


def test_visual_with_one_person_admin_on_both_passes(acme):
    _start(acme)
    _add_jira_admin(acme, "Dana on Jira", "dana@example.com")
    _add_github_admin(acme, "Dana on GitHub", "dana")
    acme.connect("visual", left_admin="Dana on Jira", right_admin="Dana on GitHub")
    code, data, items, _ = acme.plan()
    assert items["plan.visual_admin_both"]["status"] == "pass", items["plan.visual_admin_both"]
    assert "Dana Admin" in items["plan.visual_admin_both"]["detail"]
    assert code == 0 and data["ready"] is True


def test_basic_on_jira_cloud_with_a_project_admin_passes(acme):
    _start(acme)
    _add_jira_admin(acme, "Pat", "pat@example.com")
    _add_github_admin(acme, "Dana on GitHub", "dana")
    acme.connect("basic", left_admin="Pat", right_admin="Dana on GitHub", left_kind="project")
    code, data, items, _ = acme.plan()
    assert items["plan.project_admin"]["status"] == "pass"
    assert items["plan.app_version"]["manual"] is True  # the app's version is confirmed by hand
    assert code == 0, data


def test_a_project_admin_cannot_set_up_scripted(acme):
    _start(acme)
    _add_jira_admin(acme, "Pat", "pat@example.com")
    acme.connect("scripted", left_admin="Pat", right_admin=None, left_kind="project")
    code, _, items, _ = acme.plan()
    assert code == 1 and items["plan.project_admin"]["status"] == "fail"
    assert "Basic" in items["plan.project_admin"]["detail"]


def test_project_admin_of_another_project_fails(acme):
    _start(acme, {"people": {"pat@example.com": {"project_admin": ["DEV"]}}})
    _add_jira_admin(acme, "Pat", "pat@example.com")
    acme.connect("basic", left_admin="Pat", right_admin=None, left_kind="project")
    code, _, items, _ = acme.plan()
    assert code == 1
    assert items["plan.project_admin"]["status"] == "fail" and "SUP" in items["plan.project_admin"]["detail"]
    assert "Administrators role" in items["plan.project_admin"]["fix"]


def test_a_delegated_admin_outside_the_group_fails_with_the_fix(acme):
    _start(acme)
    _add_jira_admin(acme, "Pat", "pat@example.com")
    acme.connect("scripted", left_admin="Pat", right_admin=None, left_kind="delegated")
    code, _, items, _ = acme.plan()
    assert code == 1
    member = items["plan.console_group_member"]
    assert member["status"] == "fail" and "exalate_console_admin" in member["fix"]
    assert "Add group member" in member["fix"]
    assert items["plan.console_group_exists"]["status"] == "pass"
    assert items["plan.delegated_project_admin"]["status"] == "pass"


def test_the_missing_group_is_reported(acme):
    _start(acme, {"groups": ["jira-administrators", "jira-software-users"]})
    _add_jira_admin(acme, "Pat", "pat@example.com")
    acme.connect("scripted", left_admin="Pat", right_admin=None, left_kind="delegated")
    code, _, items, _ = acme.plan()
    assert code == 1
    exists = items["plan.console_group_exists"]
    assert exists["status"] == "fail" and "Create group" in exists["fix"]


def test_group_existence_is_unknown_to_someone_who_may_not_browse_groups(acme):
    _start(acme, {"groups": ["jira-software-users"], "people": {"pat@example.com": {"browse_users": False}}})
    _add_jira_admin(acme, "Pat", "pat@example.com")
    acme.connect("scripted", left_admin="Pat", right_admin=None, left_kind="delegated")
    _, _, items, _ = acme.plan()
    # Jira answers an empty group list to such a person: absence is not proven.
    assert items["plan.console_group_exists"]["status"] == "unknown"


def test_the_accept_rule_is_shown_for_a_project_admin_in_the_group(acme):
    _start(acme)
    _add_jira_admin(acme, "Dee", "dee@example.com")
    _add_github_admin(acme, "Dana on GitHub", "dana")
    acme.connect("basic", left_admin="Dee", right_admin="Dana on GitHub", left_kind="delegated")
    code, data, items, _ = acme.plan()
    rule = items["plan.accept_rule"]
    assert rule["status"] == "warn" and "cannot accept" in rule["why"] and rule["fix"]
    assert items["plan.console_group_member"]["status"] == "pass"
    assert items["plan.console_group_exists"]["status"] == "pass"
    assert code == 0 and data["ready"] is True


def test_github_has_no_delegated_admins(acme):
    _start(acme)
    _add_github_admin(acme, "Dana on GitHub", "dana")
    acme.connect("scripted", left_admin=None, right_admin="Dana on GitHub", right_kind="delegated")
    code, data, _, _ = acme.plan()
    repo_items = {i["id"].rsplit(".", 1)[0]: i for i in data["items"] if i["side"] == "Repo"}
    assert repo_items["plan.delegated_unavailable"]["status"] == "fail"
    assert "no exalate_console_admin" in repo_items["plan.delegated_unavailable"]["detail"]
    assert code == 1


def test_without_admin_credentials_the_plan_is_inconclusive(acme):
    _start(acme)
    acme.connect("scripted", left_admin=None, right_admin=None)
    code, data, items, _ = acme.plan()
    assert code == 3 and data["ready"] is False
    assert items["plan.local_admin"]["status"] == "unknown"


def test_admin_results_are_stored_for_offline_plans_and_the_report(acme, cli):
    jira, github = _start(acme)
    _add_jira_admin(acme, "Dana on Jira", "dana@example.com")
    _add_github_admin(acme, "Rey on GitHub", "reader")
    acme.connect("visual", left_admin="Dana on Jira", right_admin="Rey on GitHub")
    acme.plan()
    sent = len(jira.requests) + len(github.requests)
    code, _, items, _ = acme.plan("--offline")
    assert len(jira.requests) + len(github.requests) == sent, "--offline sends nothing"
    assert code == 1 and items["plan.visual_admin_both"]["status"] == "fail"
    ws = Store().load().data.workspace("Acme")
    from exadesk.services import report

    built = report.build(ws)
    text = " ".join(built.connections[0].plan)
    assert "One person is administrator on both systems (" in text and "Repo" in text


def test_check_all_leaves_admin_credentials_to_the_planner(acme, cli):
    jira, _ = _start(acme)
    _add_jira_admin(acme, "Pat", "pat@example.com")
    result = cli("check", "--all", "--json")
    names = {item.get("instance") or item.get("name") for item in result.json()}
    assert "Pat" not in names and "Jira" in names, names
    pat_calls = [r for r in jira.requests if r.credential and r.path.endswith("/myself")]
    assert len(pat_calls) == 1, "only the proxy instance was verified"
    refused = cli("check", "--instance", "Pat")
    assert refused.code == 2 and "exadesk plan" in refused.err
    listed = cli("list", "--json").json()
    roles = {i["name"]: i["role"] for ws in listed for i in ws["instances"]}
    assert roles == {"Jira": "proxy", "Repo": "proxy", "Pat": "admin"}


def test_connect_refuses_an_admin_credential_of_another_tracker(acme):
    _start(acme)
    _add_github_admin(acme, "Dana on GitHub", "dana")
    result = acme.cli("connect", "--workspace", "Acme", "--name", "Sync", "--left", "Jira", "--right", "Repo",
                      "--left-admin", "Dana on GitHub")
    assert result.code == 2 and "github" in result.err


def test_plain_output_names_each_item_its_fix_and_why_admin_rights(acme):
    _start(acme, {"groups": ["jira-software-users"]})
    _add_jira_admin(acme, "Pat", "pat@example.com")
    acme.connect("basic", left_admin="Pat", right_admin=None, left_kind="delegated")
    result = acme.cli("plan", "--workspace", "Acme", "--connection", "Sync")
    assert result.code == 1
    assert "Connection Sync (basic): NOT READY" in result.out
    assert "[" in result.out and "Group exalate_console_admin exists" in result.out
    assert "Fix: A Jira administrator creates it" in result.out
    assert "scripts that can read and change any data" in result.out
    assert not any(s in result.out + result.err for s in acme.secrets)
