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
def test_pdf_through_the_cli_holds_the_text_and_no_secret(verified_workspace, cli, tmp_path):
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
