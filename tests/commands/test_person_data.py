"""Issue 19: a person's data stays theirs and every sentence says what really happened (CLI side).

Orphaned connections (plan, report, remove), the no-keychain choice of `exadesk add`, and `exadesk sandbox`'s
ready-to-paste commands.
"""

from __future__ import annotations

from exadesk import report
from exadesk.model import ConfigMode, Connection, Instance, Workspace
from exadesk.storage import Store


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
    assert "'Support sync'" in refused.err and "--force" in refused.err and "Nothing was removed" in refused.err
    assert Store().load().data.workspace("Acme").instance("Repo") is not None
    assert cli("remove", "Spare", "--workspace", "Acme").code == 0  # used by nothing: no question
    forced = cli("remove", "Repo", "--workspace", "Acme", "--force")
    assert forced.code == 0 and "'Support sync' now misses that side" in forced.out
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


def test_the_readiness_report_names_a_removed_side_without_raw_ids(cli):
    ws, conn = _acme_with_connection()
    cli("remove", "Repo", "--workspace", "Acme", "--force")
    stored = Store().load().data.workspace("Acme")
    text = report.render(stored, "md")
    assert "Jira ↔ (instance removed)" in text
    assert conn.right not in text and conn.left not in text
