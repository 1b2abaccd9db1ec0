"""File → Export readiness report…: HTML, PDF and Markdown of the current workspace, never with a secret."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtWidgets import QFileDialog

from exadesk.foundation.checks import CheckResult, Status
from exadesk.store.model import Instance, InstanceState, Verification

TOKEN = "ghp_reportUiMadeUp7Qw2Lz9Xv4Rt6Yp1Ks3Dn"


@pytest.fixture
def filled(window, workspace_id):
    run = Verification(at=datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc), ready=False, identity="Sync Bot (sync-bot)",
                       checks=[CheckResult("github.admin", Status.FAIL, "Admin on acme/website",
                                           fix="Make sync-bot an admin of acme/website.")])
    inst = Instance(tracker="github", name="GitHub prod", url="https://github.com", auth_method="classic",
                    secret_fields=["token"], state=InstanceState.FAILING, history=[run])
    window.session.secrets.set(inst.id, "token", TOKEN)
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(inst))
    window.sidebar.select(workspace_id)
    return inst


def test_the_file_menu_offers_the_exports(window):
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert titles[:4] == ["&New workspace…", "&Import bundle…", "Export workspace &bundle…",
                          "Export &readiness report…"]


@pytest.mark.parametrize("suffix, chosen_filter, marker", [
    (".html", "Web page (*.html)", "<html"), (".md", "Markdown (*.md)", "# "), (".pdf", "PDF document (*.pdf)", "%PDF")])
def test_each_format_is_written_through_the_save_dialog(window, filled, tmp_path, monkeypatch, suffix, chosen_filter,
                                                        marker):
    asked = []

    def save_dialog(parent, title, default, filters):
        asked.append((title, default, filters))
        return str(tmp_path / f"acme{suffix}"), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.export_report_action.trigger()
    assert asked[0][0] == "Export readiness report" and asked[0][1].endswith("Acme readiness.html")
    assert asked[0][2] == "Web page (*.html);;PDF document (*.pdf);;Markdown (*.md)"
    written = tmp_path / f"acme{suffix}"
    raw = written.read_bytes()
    assert raw.startswith(b"%PDF") if suffix == ".pdf" else marker in raw.decode()
    if suffix != ".pdf":
        text = raw.decode()
        assert "GitHub prod" in text and "Make sync-bot an admin of acme/website." in text
    assert TOKEN.encode() not in raw
    assert window.statusBar().currentMessage() == f"Readiness report written to {written}."


def test_a_name_without_suffix_takes_the_chosen_format(window, filled, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "handover"), "Markdown (*.md)"))
    window.export_report()
    assert (tmp_path / "handover.md").read_text().startswith("# ")


def test_cancelling_the_save_dialog_writes_nothing(window, filled, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert window.export_report() == ""
    assert list(tmp_path.iterdir()) == [] or all(p.name == "exadesk-home" for p in tmp_path.iterdir())


def test_an_unwritable_folder_is_said_plainly(window, filled, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    assert window.export_report(path=str(tmp_path / "missing" / "r.html")) == ""
    assert said and said[0].startswith(f"The report could not be written to {tmp_path / 'missing' / 'r.html'}")
