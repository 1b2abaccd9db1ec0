"""Readiness report in HTML, Markdown and PDF (text extracted with pdftotext), never with a secret."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from exadesk.services import planner, report
from exadesk.store.model import Connection, ConfigMode, Data
from exadesk.store.storage import Store
from tests.commands.workflow import add_github, github_scenario, new_token


@pytest.fixture
def verified_workspace(emulators, cli, monkeypatch):
    """Acme | Pipes: one ready, one failing (no repo scope), one never verified, one connection."""
    good, bad, later = new_token(), new_token(), new_token()
    add_github(cli, monkeypatch, emulators.start("github", github_scenario(good)).url, "Site | prod", good,
               "Acme | Pipes")
    add_github(cli, monkeypatch, emulators.start("github", github_scenario(bad, scopes=("read:org",))).url,
               "Backend", bad, "Acme | Pipes")
    assert cli("check", "--all", "--json").code == 1
    add_github(cli, monkeypatch, "https://github.example.com", "Later", later, "Acme | Pipes")

    def connect(data: Data):
        ws = data.workspace("Acme | Pipes")
        ws.connections.append(Connection("Site to backend", ws.instances[0].id, ws.instances[1].id, ConfigMode.VISUAL))

    Store().update(connect)
    return Store().load().data.workspace("Acme | Pipes"), (good, bad, later)


def _common(text: str) -> None:
    for expected in ("Acme", "Backend", "GitHub", "exalate-proxy", "Ready", "Not ready", "Not verified yet",
                     "Token has the repo scope", "Edit the token in Settings", "Site to backend", "Visual", "Generated"):
        assert expected in text, expected


def test_markdown_has_the_summary_table_checks_and_connections(verified_workspace):
    ws, tokens = verified_workspace
    text = report.render(ws, "md", secrets=tokens)
    _common(text)
    summary = text.split("| Instance | Tracker | Proxy user | Result | Failing checks |")[1].split("\n\n")[0]
    rows = [r for r in summary.splitlines() if r.startswith("| ") and "---" not in r]
    assert len(rows) == 3
    assert rows[0].startswith("| Site \\| prod | GitHub |")  # a pipe in a name does not break the table
    assert "| Not ready | Token has the repo scope" in rows[1]
    for token in tokens:
        assert token not in text and token.replace("_", "\\_") not in text


def test_html_escapes_and_has_no_scripts(verified_workspace):
    ws, tokens = verified_workspace
    ws.notes = "<script>alert(1)</script>"
    ws.instances[0].name = "<b>Site</b>"
    text = report.render(ws, "html", secrets=tokens)
    _common(text)
    assert "<script" not in text and "&lt;b&gt;Site&lt;/b&gt;" in text
    assert "http://" not in text.split("<body>")[0]  # no remote resources in the head


def test_the_secret_guard_refuses_to_render_a_leak(verified_workspace):
    ws, tokens = verified_workspace
    ws.instances[0].notes = "irrelevant"
    ws.instances[1].last.checks[0].detail = f"token {tokens[1]} leaked by a buggy adapter"
    with pytest.raises(ValueError, match="secret"):
        report.render(ws, "md", secrets=tokens)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (Debian poppler-utils) is not installed")
def test_pdf_through_the_cli_holds_the_text_and_no_secret(qapp, verified_workspace, cli, tmp_path):
    # qapp: the command line makes a QGuiApplication when none runs; left in this worker, it would make every later
    # widget test here abort (a QWidget needs a QApplication). With qapp, the PDF uses the tests' QApplication.
    ws, tokens = verified_workspace
    out = tmp_path / "acme.pdf"
    result = cli("report", "--workspace", "Acme | Pipes", "--format", "pdf", "-o", str(out))
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF")
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", raw).split())  # undo ligatures and cell wrapping
    _common(text)
    for token in tokens:
        assert token not in text


def test_cli_writes_markdown_and_html_files_by_extension(verified_workspace, cli, tmp_path):
    ws, tokens = verified_workspace
    for name in ("r.md", "r.html"):
        result = cli("report", "--workspace", ws.name, "-o", str(tmp_path / name))
        assert result.code == 0
        text = (tmp_path / name).read_text()
        _common(text)
        assert text.lstrip().startswith("<!DOCTYPE html>") == name.endswith(".html")
        assert all(t not in text for t in tokens)
    assert cli("report", "--workspace", "nobody").code == 2


def test_connections_are_listed_with_the_plan_in_sentences(verified_workspace):
    ws, _ = verified_workspace
    built = report.build(ws)
    [section] = built.connections
    assert (section.name, section.left, section.right, section.mode) == ("Site to backend", "Site | prod", "Backend",
                                                                         "Visual")
    assert section.plan[0].startswith("Both sides: One person is administrator on both systems (Not confirmed).")
    assert section.plan[-1] == planner.WHY_ADMIN


def test_a_planner_bug_leaves_the_connection_listed(verified_workspace, monkeypatch):
    ws, _ = verified_workspace

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(planner, "plan_for", broken)
    built = report.build(ws)
    assert [(c.name, c.plan) for c in built.connections] == \
        [("Site to backend", ["The admin-access plan could not be computed (see the log)."])]


def test_report_says_where_the_checks_ran():
    from exadesk.services import report
    from exadesk.store.model import Workspace

    for fmt in ("md", "html"):
        assert "ran from the workstation" in report.render(Workspace(name="Where"), fmt)


# -- the changes ExaDesk made (issue 21: every applied change appears in the readiness report) -----------------------

GROUP_ADD = {"method": "POST", "path": "/rest/api/3/group/user", "params": [["groupname", "jira-software-users"]],
             "body": {"accountId": "5b10ac8d"}}
GROUP_REMOVE = {"method": "DELETE", "path": "/rest/api/3/group/user",
                "params": [["groupname", "jira-software-users"], ["accountId", "5b10ac8d"]], "body": None}
WHY_NO_UNDO = "The tracker's answer did not name the record it created"


def _change(words: str, at, *, answer: str = "HTTP 201", undo=GROUP_REMOVE, undone_at=None, no_undo: str = "") -> dict:
    return {"check": "jira_cloud.groups", "words": words, "request": GROUP_ADD, "answer": answer, "at": at.isoformat(),
            "undo": undo, "no_undo": no_undo, "undone_at": undone_at.isoformat() if undone_at else None,
            **({"undo_answer": "HTTP 204"} if undone_at else {})}


@pytest.fixture
def fixed_workspace(pinned_clock):
    """Jira with two fix runs two and one hours before the pinned clock (the older one undone 30 minutes later),
    and Backend with none."""
    from datetime import timedelta

    from exadesk.store.model import FixRun, Instance, Workspace

    older, newer = pinned_clock - timedelta(hours=2), pinned_clock - timedelta(hours=1)
    jira = Instance(tracker="jira_cloud", name="Jira", url="https://acme.atlassian.net", auth_method="api_token")
    backend = Instance(tracker="github", name="Backend", url="https://github.com", auth_method="token")
    runs = [FixRun(id="run-old", instance=jira.id, admin="a1", by="Jira admin (dana@example.com)", at=older,
                   changes=[_change("Add Exalate to group jira-software-users", older,
                                    undone_at=older + timedelta(minutes=30))]),
            FixRun(id="run-new", instance=jira.id, admin="a1", by="Jira admin (dana@example.com)", at=newer,
                   changes=[_change("Add Exalate to group confluence-users", newer),
                            _change("Grant Browse projects to atlassian-addons-project-access", newer,
                                    answer="HTTP 201", undo=None, no_undo=WHY_NO_UNDO)])]
    return Workspace(name="Acme", instances=[jira, backend], fix_runs=runs)


def _section(text: str, start: str, end: str) -> str:
    assert start in text, start
    return text.split(start, 1)[1].split(end, 1)[0]


def test_markdown_lists_each_fix_run_newest_first_with_who_when_what_and_the_answer(fixed_workspace):
    text = report.render(fixed_workspace, "md")
    jira = _section(text, "## Jira (Jira Cloud)", "## Backend")
    assert "Changes ExaDesk made" not in _section(text, "## Backend", "\n## ")  # no runs, no section
    changes = _section(jira, "### Changes ExaDesk made\n", "\n## ")
    # Times in the report's format, from the pinned clock (10:00 UTC on 2026-03-02 by default), never today's date.
    new_line = "Fix run run-new, applied 2026-03-02 09:00 UTC by Jira admin (dana@example.com): applied."
    old_line = "Fix run run-old, applied 2026-03-02 08:00 UTC by Jira admin (dana@example.com): undone."
    assert changes.index(new_line) < changes.index(old_line), "newest run first"
    rows = [r for r in changes.splitlines() if r.startswith("| ") and "---" not in r and "| Change |" not in r]
    request = 'POST /rest/api/3/group/user?groupname=jira-software-users {"accountId": "5b10ac8d"}'
    undo = "Undo: DELETE /rest/api/3/group/user?groupname=jira-software-users&accountId=5b10ac8d"
    assert rows == [
        f"| Add Exalate to group confluence-users | {request} | HTTP 201 | Applied. {undo} |",
        f"| Grant Browse projects to atlassian-addons-project-access | {request} | HTTP 201 | "
        f"Applied. No undo: {WHY_NO_UNDO} |",
        f"| Add Exalate to group jira-software-users | {request} | HTTP 201 | Undone 2026-03-02 08:30 UTC (HTTP 204) |"]
    assert "| Change | Request | Tracker's answer | State |" in changes


def test_no_fix_runs_no_section(verified_workspace):
    ws, tokens = verified_workspace
    assert ws.fix_runs == []
    for fmt in ("md", "html"):
        assert "Changes ExaDesk made" not in report.render(ws, fmt, secrets=tokens)
    assert all(s.fix_runs == [] for s in report.build(ws).instances)


def test_html_lists_the_fix_runs_and_escapes_a_change_and_an_answer(fixed_workspace):
    run = fixed_workspace.fix_runs[1]
    run.changes[0]["words"] = "Add <img src=x onerror=alert(1)> to group"
    run.changes[1]["answer"] = "HTTP 400: <script>alert('x')</script> & more"
    run.by = "<b>Mallory</b>"
    text = report.render(fixed_workspace, "html")
    assert "<h3>Changes ExaDesk made</h3>" in text
    assert "<img" not in text and "<script" not in text and "<b>Mallory" not in text
    assert "Add &lt;img src=x onerror=alert(1)&gt; to group" in text
    assert "HTTP 400: &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in text
    assert "Fix run run-new, applied 2026-03-02 09:00 UTC by &lt;b&gt;Mallory&lt;/b&gt;: applied." in text
    assert "Undone 2026-03-02 08:30 UTC (HTTP 204)" in text


def test_markdown_escapes_a_pipe_or_markup_in_a_change_so_the_table_holds(fixed_workspace):
    run = fixed_workspace.fix_runs[1]
    run.changes[0]["words"] = "Add to group a|b *now*"
    run.changes[0]["answer"] = "HTTP 409: [link](http://x) <b>"
    text = report.render(fixed_workspace, "md")
    [row] = [r for r in text.splitlines() if r.startswith("| Add to group")]
    assert row.startswith("| Add to group a\\|b \\*now\\* | POST ")
    assert "| HTTP 409: \\[link\\](http://x) \\<b\\> |" in row
    unescaped = [i for i, ch in enumerate(row) if ch == "|" and row[i - 1:i] != "\\"]
    assert len(unescaped) == 5, "four cells, whatever the change's words hold"


def test_a_secret_in_a_recorded_answer_keeps_the_report_from_being_written(fixed_workspace):
    # fixes._send masks what the tracker echoes before it is stored; should one slip through, the report's guard
    # refuses to write it, in Markdown (where "_" reads "\_") and in HTML alike.
    secret = "ATATT3x_planted_secret"
    fixed_workspace.fix_runs[0].changes[0]["answer"] = f"HTTP 201: token {secret}"
    for fmt in ("md", "html"):
        with pytest.raises(ValueError, match="secret"):
            report.render(fixed_workspace, fmt, secrets=(secret,))
    fixed_workspace.fix_runs[0].changes[0]["answer"] = "HTTP 201"
    assert secret not in report.render(fixed_workspace, "md", secrets=(secret,))


def test_runs_of_a_removed_instance_stay_in_the_report(fixed_workspace):
    fixed_workspace.instances = [i for i in fixed_workspace.instances if i.name != "Jira"]
    text = report.render(fixed_workspace, "md")
    removed = _section(text, "## Changes ExaDesk made on instances no longer in this workspace\n", "\n## ")
    assert "Fix run run-new, applied 2026-03-02 09:00 UTC" in removed and "Fix run run-old" in removed
    assert "### Changes ExaDesk made" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (Debian poppler-utils) is not installed")
def test_the_pdf_holds_the_changes_exadesk_made(qapp, fixed_workspace, tmp_path):
    from exadesk.services import report_pdf

    out = tmp_path / "fixes.pdf"
    report_pdf.html_to_pdf(report.render(fixed_workspace, "html"), out)
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", raw).split())  # a cell's lines join; a header cell may wrap
    for expected in ("Changes ExaDesk made", "Fix run run-new, applied 2026-03-02 09:00 UTC by Jira admin",
                     "Add Exalate to group confluence-users", "Tracker's", "HTTP 201",
                     "Undone 2026-03-02 08:30 UTC (HTTP 204)", "No undo:"):
        assert expected in text, expected
