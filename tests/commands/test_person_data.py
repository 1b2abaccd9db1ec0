"""Issue 19: a person's data stays theirs and every sentence says what really happened (CLI side).

Orphaned connections (plan, report, remove), the no-keychain choice of `exadesk add`, and `exadesk sandbox`'s
ready-to-paste commands.
"""

from __future__ import annotations

from exadesk.services import report
from exadesk.store.model import ConfigMode, Connection, Instance, Workspace
from exadesk.store.storage import Store


def _acme_with_connection() -> tuple[Workspace, Connection]:
    jira = Instance(tracker="jira_cloud", name="Jira", url="https://acme.atlassian.net", auth_method="api_token",
                    values={"email": "sync@example.com"})
    repo = Instance(tracker="github", name="Repo", url="https://github.com", auth_method="classic")
    spare = Instance(tracker="github", name="Spare", url="https://github.com", auth_method="classic")
    conn = Connection(name="Support sync", left=jira.id, right=repo.id, mode=ConfigMode.SCRIPTED)
    ws = Workspace(name="Acme", instances=[jira, repo, spare], connections=[conn])
    Store().update(lambda d: d.workspaces.append(ws))
    return ws, conn


def test_remove_refuses_an_instance_a_connection_uses_unless_forced(cli):
    _acme_with_connection()
    refused = cli("remove", "Repo", "--workspace", "Acme")
    assert refused.code == 2
    assert "The connection \u201cSupport sync\u201d would be left without Repo" in refused.err
    assert "--force" in refused.err and "Nothing was removed" in refused.err
    assert Store().load().data.workspace("Acme").instance("Repo") is not None
    assert cli("remove", "Spare", "--workspace", "Acme").code == 0  # used by nothing: no question
    forced = cli("remove", "Repo", "--workspace", "Acme", "--force")
    assert forced.code == 0 and "'Support sync' used Repo; see what it needs now" in forced.out
    assert Store().load().data.workspace("Acme").instance("Repo") is None


def test_plan_of_an_orphaned_connection_is_not_ready_and_names_the_missing_side(cli):
    ws, conn = _acme_with_connection()
    cli("remove", "Repo", "--workspace", "Acme", "--force")
    result = cli("plan", "--workspace", "Acme", "--connection", "Support sync", "--offline")
    assert result.code == 1
    assert "NOT READY" in result.out and "READY" not in result.out.replace("NOT READY", "")
    assert "right side" in result.out and "no longer exists in Acme" in result.out
    assert "--name 'Support sync'" in result.out  # the fix is a command a person can paste
    data = cli("plan", "--workspace", "Acme", "--connection", "Support sync", "--offline", "--json").json()
    missing = next(i for i in data["items"] if i["id"] == "plan.side_missing.right")
    assert missing["status"] == "fail" and data["ready"] is False


def test_removing_an_admin_credential_says_the_connection_is_no_longer_checked_with_it(cli):
    ws, conn = _acme_with_connection()
    dana = Instance(tracker="github", name="Dana on GitHub", url="https://github.com", auth_method="classic",
                    role="admin")

    def add(d):
        target = d.workspace("Acme")
        target.instances.append(dana)
        target.connections[0].admins[conn.right] = dana.id

    Store().update(add)
    refused = cli("remove", "Dana on GitHub", "--workspace", "Acme")
    assert refused.code == 2
    assert "\u201cSupport sync\u201d would no longer be checked with Dana on GitHub" in refused.err


def test_the_readiness_report_names_a_removed_side_without_raw_ids(cli):
    ws, conn = _acme_with_connection()
    cli("remove", "Repo", "--workspace", "Acme", "--force")
    stored = Store().load().data.workspace("Acme")
    text = report.render(stored, "md")
    assert "Jira ↔ (instance removed)" in text
    assert conn.right not in text and conn.left not in text


# -- item 3: no keychain ------------------------------------------------------------------------------------------


def _no_keychain():
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # the memory_keyring fixture puts the previous one back


def test_add_without_a_keychain_says_nothing_was_saved_and_offers_without_secret(cli, monkeypatch):
    from tests.commands.workflow import new_token

    _no_keychain()
    token = new_token()
    monkeypatch.setenv("EXADESK_TEST_TOKEN", token)
    args = ("add", "github", "--name", "Repo", "--url", "https://github.com", "--secret-env", "token=EXADESK_TEST_TOKEN",
            "--project", "acme/website", "--workspace", "Acme")
    refused = cli(*args)
    assert refused.code == 2
    assert "No system keychain" in refused.err and "Nothing was saved" in refused.err
    assert "marked missing" not in refused.err and "is kept" not in refused.err  # it was not
    assert "--without-secret" in refused.err and token not in refused.out + refused.err
    assert Store().load().data.workspaces == [], "nothing is kept: and the message says so"

    kept = cli(*args, "--without-secret")
    assert kept.code == 0, kept.err
    assert "without its secret (prepared offline)" in kept.out and token not in kept.out + kept.err
    inst = Store().load().data.workspace("Acme").instance("Repo")
    assert inst.state.value == "prepared_offline" and inst.secret_fields == ["token"]
    from exadesk.foundation import paths
    assert token not in paths.data_file().read_text()
    # Without the secret at hand, --without-secret still stores the rest (the token is entered later).
    later = cli("add", "github", "--name", "Repo 2", "--url", "https://github.com", "--workspace", "Acme",
                "--project", "acme/website", "--without-secret")
    assert later.code == 0, later.err
    assert Store().load().data.workspace("Acme").instance("Repo 2").secret_fields == ["token"]
    # A wrong non-secret field is still refused.
    assert cli("add", "github", "--name", "Bad", "--url", "ftp://x", "--without-secret").code == 2


# -- item 12: exadesk sandbox prints what a person pastes ------------------------------------------------------------


def test_sandbox_prints_a_ready_to_paste_check_command_per_emulator_and_the_oauth_client_ids(cli, monkeypatch):
    import shlex

    from exadesk.sandbox import servicenow
    from exadesk.sandbox.demo import start_demo

    demo = start_demo(["github", "servicenow", "jira_onprem"])
    try:
        lines = [line.strip() for line in demo.describe()]
        checks = [line for line in lines if line.startswith("exadesk check ")]
        # one per emulator: the ready ones, the failing one, and each learning scenario
        assert len(checks) == len(demo.emulators) + len(demo.failing) + len(demo.lessons)
        assert any(f"client ID {servicenow.DEMO_CLIENT_ID}" in line for line in lines)
        exports = dict(line.removeprefix("export ").split("=", 1) for line in lines if line.startswith("export "))
        for name, value in exports.items():
            monkeypatch.setenv(name, shlex.split(value)[0])
        outcomes = {}
        for command in checks:
            argv = shlex.split(command)
            assert argv[:2] == ["exadesk", "check"]
            result = cli(*argv[1:], "--json")
            outcomes[argv[argv.index("--url") + 1]] = result.code
        assert outcomes[demo.emulators["github"].url] == 0, "pasted as printed, the demo instance is ready"
        assert outcomes[demo.failing[0].emulator.url] == 1, "the failing instance names one fix"
        for lesson in demo.lessons:
            assert outcomes[lesson.emulator.url] != 0
    finally:
        demo.stop()


def test_sandbox_command_quotes_its_arguments():
    from exadesk.sandbox.demo import commands

    class Fake:
        url = "http://127.0.0.1:1"
        demo_args = ("--project", "Acme Corp")
        demo_secrets = {"token": "a b'c"}
        scenario = {"oauth": {"clients": {"client-1": {"secret": ""}}}}

    lines = commands("asana", Fake)
    assert lines[0] == "export EXADESK_DEMO_ASANA_TOKEN='a b'\"'\"'c'"
    assert lines[1] == ("exadesk check asana --url http://127.0.0.1:1 --project 'Acme Corp' "
                        "--secret-env token=EXADESK_DEMO_ASANA_TOKEN")
    assert lines[2] == "# Browser sign-in (OAuth): client ID client-1 (no client secret)"
