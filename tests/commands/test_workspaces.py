"""``exadesk workspace`` create / rename / archive / search, and a 500-instance workspace that opens and filters
fast."""

from __future__ import annotations

import subprocess
import sys

from exadesk.services import instances
from exadesk.store.model import Data, Instance, InstanceState, Workspace
from exadesk.store.storage import Store


def test_create_rename_archive_restore(cli):
    assert cli("workspace", "create", "Globex", "--person", "ann@example.com").code == 0
    assert cli("workspace", "create", "globex").code == 2  # names are unique, case-insensitively
    assert cli("workspace", "rename", "Globex", "Globex Corp").code == 0
    assert cli("workspace", "rename", "Nobody", "X").code == 2
    assert cli("workspace", "archive", "Globex Corp").code == 0
    ws = Store().load().data.workspace("Globex Corp")
    assert ws.archived and ws.person == "ann@example.com"
    assert cli("workspace", "search", "globex", "--json").json() == []  # archived ones are hidden by default
    assert cli("workspace", "search", "globex", "--archived", "--json").json()[0]["workspace"] == "Globex Corp"
    assert cli("workspace", "archive", "Globex Corp", "--restore").code == 0
    assert not Store().load().data.workspace("Globex Corp").archived
    assert cli("workspace", "create", "   ").code == 2


def _big(n: int = 500) -> Data:
    ws = Workspace(name="Initech", notes="the big one")
    trackers = ["github", "jira_cloud", "servicenow", "zendesk"]
    for i in range(n):
        ws.instances.append(Instance(tracker=trackers[i % 4], name=f"client-{i:03d}", url=f"https://c{i}.example.com",
                                     auth_method="token", proxy_user=f"proxy{i % 7}",
                                     state=InstanceState.FAILING if i % 5 == 0 else InstanceState.VERIFIED))
    return Data(workspaces=[ws, Workspace(name="Small")])


def test_search_matches_every_word_across_fields():
    data = _big(40)
    found = instances.search(data, "servicenow proxy3")
    (ws, hits) = found[0]
    assert ws.name == "Initech" and hits
    assert all(h.tracker == "servicenow" and h.proxy_user == "proxy3" for h in hits)
    assert instances.search(data, "big one")[0][1] == data.workspaces[0].instances  # workspace notes match: all
    assert instances.search(data, "nothing-like-this") == []


def test_500_instances_load_and_filter_correctly():
    # How fast this is lives in bench/workspace_open.py (a ratio against a baseline), not in a timed assertion.
    Store().save(_big(500))
    data = Store().load().data
    ws = data.workspace("Initech")
    assert len(ws.instances) == 500
    for text in ("c", "client-4", "github", "zzz", "proxy6 failing"):
        hits = instances.filter_instances(ws.instances, text)
    failing = instances.filter_instances(ws.instances, "", {InstanceState.FAILING})
    assert len(failing) == 100 and hits  # "proxy6 failing" matches some
    assert instances.filter_instances(ws.instances, "zzz") == []


def test_report_and_workspace_commands_do_not_load_qt(tmp_path):
    code = ("import sys; from exadesk import cli; cli.main(['workspace', 'create', 'Q']); "
            f"cli.main(['report', '--workspace', 'Q', '-o', {str(tmp_path / 'q.md')!r}]); "
            "cli.main(['expiring']); assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**__import__("os").environ, "EXADESK_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "q.md").read_text().startswith("# Readiness report: Q")
