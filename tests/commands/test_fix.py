"""`exadesk fix` end to end: the plan, --apply with the y/N question or --yes, --undo RUN, --json, --history."""

from __future__ import annotations

import builtins

import pytest

from exadesk.foundation import clock, messages
from exadesk.sandbox import jira_cloud as jira_emulator
from exadesk.sandbox import servicenow as sn_emulator

GROUPS = ["atlassian-addons", "atlassian-addons-admin", "jira-core-users", "jira-servicedesk-users"]
SN_ADMIN_PASSWORD = "Sbx-Admin-Pw-5521"


@pytest.fixture
def jira(cli, emulators, monkeypatch):
    emulator = emulators.start("jira_cloud", {"app_user": {"groups": list(GROUPS)}})
    monkeypatch.setenv("EXADESK_TEST_JIRA_TOKEN", jira_emulator.DEMO_TOKEN)
    result = cli("add", "jira_cloud", "--name", "Jira", "--url", emulator.url, "--secret-env",
                 "api_token=EXADESK_TEST_JIRA_TOKEN", "--workspace", "Acme", "--user", jira_emulator.DEMO_EMAIL,
                 "--project", "SUP")
    assert result.code == 0, result.err
    return emulator


def _answer(monkeypatch, text: str) -> list[str]:
    asked: list[str] = []

    def fake_input(prompt=""):
        asked.append(prompt)
        return text

    monkeypatch.setattr(builtins, "input", fake_input)
    return asked


def _writes(emulator) -> list[str]:
    return [r.method for r in emulator.requests if r.method not in ("GET", "HEAD")
            and not r.path.endswith("/permissions/check")]


def test_fix_prints_the_plan_and_sends_nothing(cli, jira):
    result = cli("fix", "--instance", "Jira")
    assert result.code == 1, result.err
    assert "Add Exalate to group jira-software-users" in result.out
    assert "Request: POST /rest/api/3/group/user?groupname=jira-software-users" in result.out
    assert "Undo: DELETE /rest/api/3/group/user?groupname=jira-software-users&accountId=" in result.out
    assert "--apply" in result.out
    assert jira_emulator.DEMO_TOKEN not in result.out + result.err
    assert _writes(jira) == []


def test_apply_asks_first_and_no_changes_nothing(cli, jira, monkeypatch):
    asked = _answer(monkeypatch, "n")
    result = cli("fix", "--instance", "Jira", "--apply")
    assert asked and asked[0].startswith("Make 1 change on Jira Cloud with ") and asked[0].endswith("[y/N] ")
    assert "site-admin@example.com" in asked[0]
    assert result.code == 1 and "Nothing was changed." in result.out
    assert _writes(jira) == []


def test_apply_yes_then_undo_run(cli, jira, monkeypatch):
    _answer(monkeypatch, "y")
    result = cli("fix", "--instance", "Jira", "--apply")
    assert result.code == 0, result.out + result.err
    assert "Applied 1 change," in result.out
    assert "App user is in the jira-software-users group: fail -> pass" in result.out
    assert "jira-software-users" in jira.scenario["app_user"]["groups"]

    history = cli("fix", "--instance", "Jira", "--history", "--json").json()
    run = history["runs"][-1]
    assert run["changes"][0]["words"] == "Add Exalate to group jira-software-users"
    assert run["changes"][0]["answer"] == "HTTP 201" and run["at"].startswith(clock.now().date().isoformat())  # the pinned date

    nothing = cli("fix", "--instance", "Jira")
    assert nothing.code == 0 and "Nothing to fix on Jira" in nothing.out

    undone = cli("fix", "--instance", "Jira", "--undo", run["id"], "--yes")
    assert undone.code == 1, undone.err  # the check fails again
    assert "Undid 1 change of" in undone.out and "pass -> fail" in undone.out
    assert "jira-software-users" not in jira.scenario["app_user"]["groups"]
    assert _writes(jira) == ["POST", "DELETE"]


def test_json_plan_and_apply(cli, jira):
    plan = cli("fix", "--instance", "Jira", "--json").json()
    assert [c["request"] for c in plan["changes"] if not c["already_done"]] == [
        'POST /rest/api/3/group/user?groupname=jira-software-users {"accountId": "%s"}' % jira_emulator.APP_ACCOUNT]
    assert plan["before"]["jira_cloud.jira-software-users"] == "fail"
    applied = cli("fix", "--instance", "Jira", "--apply", "--yes", "--json")
    data = applied.json()
    assert applied.code == 0 and data["refused"] is None
    assert data["after"]["jira_cloud.jira-software-users"] == "pass"


def test_no_admin_credential_names_what_to_add(cli, emulators, monkeypatch):
    emulator = emulators.start("servicenow", {"users": {"exalate.proxy": {"roles": ["itil", sn_emulator.ROLE]}}})
    monkeypatch.setenv("EXADESK_TEST_SN", sn_emulator.DEMO_PASSWORD)
    assert cli("add", "servicenow", "--name", "SN", "--url", emulator.url, "--secret-env", "password=EXADESK_TEST_SN",
               "--workspace", "Acme", "--user", "exalate.proxy").code == 0
    result = cli("fix", "--instance", "SN")
    assert result.code == 2
    assert "exadesk add servicenow --role admin" in result.err
    assert emulator.requests == []
    # Problems read the one way they read everywhere (Problem.text()), after the command's name.
    expected = messages.problem("fix.no_admin", instance="SN", tracker="ServiceNow", tracker_id="servicenow",
                                workspace="Acme").text()
    assert result.err.strip() == f"exadesk fix: {expected}"


def test_a_refused_change_exits_1_and_says_what_the_admin_needs(cli, emulators, monkeypatch):
    emulator = emulators.start("servicenow", {"users": {"exalate.proxy": {"roles": ["itil", sn_emulator.ROLE]}},
                                              "acls": {"sys_user_role": {"read": []}}})
    monkeypatch.setenv("EXADESK_TEST_SN", sn_emulator.DEMO_PASSWORD)
    monkeypatch.setenv("EXADESK_TEST_SN_ADMIN", sn_emulator.DELEGATE_PASSWORD)
    for name, user, var, role in (("SN", "exalate.proxy", "EXADESK_TEST_SN", "proxy"),
                                  ("SN admin", "dana.delegate", "EXADESK_TEST_SN_ADMIN", "admin")):
        assert cli("add", "servicenow", "--name", name, "--url", emulator.url, "--secret-env", f"password={var}",
                   "--workspace", "Acme", "--user", user, "--role", role).code == 0
    result = cli("fix", "--instance", "SN", "--apply", "--yes")
    assert result.code == 1
    assert "No change was applied." in result.out and "user_admin" in result.out
    refusal = next(line for line in result.out.splitlines() if "refused the change" in line)
    assert "user_admin" in refusal, "the refusal and what the admin needs read as one Problem.text()"
    assert sn_emulator.DELEGATE_PASSWORD not in result.out + result.err
    assert cli("fix", "--instance", "SN", "--history").out.startswith("No fix was applied in Acme")


def test_a_permission_scheme_grant_is_printed_with_every_project_sharing_the_scheme(cli, emulators, monkeypatch):
    emulator = emulators.start("jira_cloud", {
        "schemes": {"10000": {"revoked": ["VIEW_DEV_TOOLS"]}},
        "projects": {"OPS": {"id": "10002", "name": "Operations", "scheme": "10000", "role_members": []}}})
    monkeypatch.setenv("EXADESK_TEST_JIRA_TOKEN", jira_emulator.DEMO_TOKEN)
    assert cli("add", "jira_cloud", "--name", "Jira", "--url", emulator.url, "--secret-env",
               "api_token=EXADESK_TEST_JIRA_TOKEN", "--workspace", "Acme", "--user", jira_emulator.DEMO_EMAIL,
               "--project", "SUP").code == 0
    result = cli("fix", "--instance", "Jira")
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    start = lines.index("  - Grant 'View Development Tools' to project role atlassian-addons-project-access in "
                        "permission scheme 'Default software scheme'")
    assert lines[start + 1].startswith("      Request: POST /rest/api/3/permissionscheme/10000/permission ")
    assert lines[start + 2] == "      Undo: DELETE /rest/api/3/permissionscheme/10000/permission/<the new record's id>"
    assert lines[start + 3] == ("      Also: The grant applies in every project that uses permission scheme "
                                "'Default software scheme': SUP, DEV, OPS (3 in all).")
    assert _writes(emulator) == []


@pytest.fixture
def jira_two_missing(cli, emulators, monkeypatch):
    """Jira Cloud whose app user lacks jira-servicedesk-users and jira-software-users: two changes."""
    emulator = emulators.start("jira_cloud", {"app_user": {"groups": ["atlassian-addons", "atlassian-addons-admin",
                                                                      "jira-core-users"]}})
    monkeypatch.setenv("EXADESK_TEST_JIRA_TOKEN", jira_emulator.DEMO_TOKEN)
    assert cli("add", "jira_cloud", "--name", "Jira", "--url", emulator.url, "--secret-env",
               "api_token=EXADESK_TEST_JIRA_TOKEN", "--workspace", "Acme", "--user", jira_emulator.DEMO_EMAIL,
               "--project", "SUP").code == 0
    return emulator


def test_check_limits_the_plan_and_the_changes_applied_to_that_check(cli, jira_two_missing):
    whole = cli("fix", "--instance", "Jira")
    assert "jira-servicedesk-users" in whole.out and "jira-software-users" in whole.out
    result = cli("fix", "--instance", "Jira", "--check", "jira_cloud.jira-software-users")
    assert result.code == 1, result.err
    assert "Add Exalate to group jira-software-users" in result.out
    assert "jira-servicedesk-users" not in result.out
    assert ('`exadesk fix --instance "Jira" --check jira_cloud.jira-software-users --apply`' in result.out), \
        "the next command keeps the choice"
    assert _writes(jira_two_missing) == []

    applied = cli("fix", "--instance", "Jira", "--check", "jira-software-users", "--apply", "--yes", "--json")
    assert applied.code == 1, "the other check still fails after verifying again"
    assert [w for w in _writes(jira_two_missing)] == ["POST"]
    assert jira_two_missing.scenario["app_user"]["groups"][-1] == "jira-software-users"
    assert "jira-servicedesk-users" not in jira_two_missing.scenario["app_user"]["groups"]


def test_check_is_repeatable(cli, jira_two_missing):
    result = cli("fix", "--instance", "Jira", "--check", "jira_cloud.jira-software-users",
                 "--check", "jira_cloud.jira-servicedesk-users", "--json")
    assert result.code == 1, result.err
    import json

    assert [c["check"] for c in json.loads(result.out)["changes"]] == ["jira_cloud.jira-servicedesk-users",
                                                                       "jira_cloud.jira-software-users"]


@pytest.mark.parametrize("check", ["jira_cloud.no-such-check", "jira_cloud.jira-core-users", "jira_cloud.app_user"])
def test_an_unknown_passing_or_unfixable_check_is_a_usage_error_naming_the_fixable_ones(cli, jira_two_missing, check):
    result = cli("fix", "--instance", "Jira", "--check", check, "--apply", "--yes")
    assert result.code == 2
    assert result.err.startswith(f"exadesk fix: {check} is not a failing check ExaDesk can fix on Jira now.")
    assert ("Choose among the checks it can fix there: jira_cloud.jira-servicedesk-users, "
            "jira_cloud.jira-software-users.") in result.err
    assert _writes(jira_two_missing) == [], "nothing was sent"


@pytest.mark.parametrize("option", [["--undo", "0a1b2c"], ["--history"]])
def test_check_does_not_go_with_undo_or_history(cli, jira, option):
    result = cli("fix", "--instance", "Jira", "--check", "jira_cloud.jira-software-users", *option)
    assert result.code == 2 and f"does not go with {option[0]}" in result.err
    assert _writes(jira) == []
