"""Workspaces in the window: create, rename, archive and restore, the sidebar filter, Verify all, and history."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox

from exadesk import clock, engine, instances
from exadesk.checks import CheckResult, Report, Status
from exadesk.errors import ErrorKind, Problem
from exadesk.model import Instance, InstanceState, Verification, Workspace
from exadesk.storage import Store


def _rows(window, visible_only: bool = True) -> list[str]:
    tree = window.sidebar.tree
    out = []
    for i in range(tree.topLevelItemCount()):
        ws = tree.topLevelItem(i)
        if visible_only and ws.isHidden():
            continue
        out.append(ws.text(0))
        out += ["  " + ws.child(j).text(0) for j in range(ws.childCount())
                if not (visible_only and ws.child(j).isHidden())]
    return out


def test_create_rename_archive_and_restore_a_workspace(qtbot, window, monkeypatch):
    ws_id = window.create_workspace("Acme")
    assert window.workspace_page.title.text() == "Acme"
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    assert window.create_workspace("  acme ") == ""  # the name is taken (case-insensitive), said in a sentence
    assert warnings == ["A workspace called 'Acme' already exists."]
    other = window.create_workspace("Globex")
    assert window.rename_workspace(other, "Globex Corp")
    assert _rows(window) == ["Acme", "Globex Corp"]
    assert [w.name for w in Store().load().data.workspaces] == ["Acme", "Globex Corp"]

    window.sidebar.select(ws_id)
    window._update_actions()
    assert window.archive_action.text() == "&Archive workspace"
    assert window.archive_workspace(ws_id)
    assert _rows(window) == ["Globex Corp"]  # archived ones leave the sidebar
    assert "Acme archived" in window.statusBar().currentMessage()
    window.show_archived_action.setChecked(True)
    assert _rows(window) == ["Acme (archived)", "Globex Corp"]
    window.sidebar.select(ws_id)
    assert window.workspace_page.archived.isVisibleTo(window.workspace_page)
    assert not window.workspace_page.verify_button.isEnabled()
    window._update_actions()
    assert window.archive_action.text() == "Restore workspace"
    window.archive_action.trigger()
    assert not Store().load().data.workspace(ws_id).archived
    assert _rows(window) == ["Acme", "Globex Corp"]


def test_the_workspace_menu_and_context_menu_offer_the_workspace_actions(qtbot, window, workspace_id, monkeypatch):
    monkeypatch.setattr(QMenu, "popup", lambda self, where: None)  # the offscreen platform cannot grab input
    titles = [a.text() for a in window.workspace_menu.actions() if a.text()]
    assert titles == ["&Find…", "&Rename workspace…", "&Archive workspace", "Show a&rchived workspaces",
                      "&Verify all", "New &connection…", "&Expiring credentials…"]
    item = window.sidebar.tree.topLevelItem(0)
    rect = window.sidebar.tree.visualItemRect(item)
    window.sidebar._context_menu(rect.center())
    menu = window.context_menu
    assert [a.text() for a in menu.actions() if a.text()] == [
        "&Rename…", "&Archive", "&Verify all", "New &connection…", "Export &readiness report…", "Export &bundle…",
        "Show a&rchived workspaces"]


def _many(n: int) -> Workspace:
    trackers = ("github", "jira_cloud", "servicenow", "azure_devops")
    ws = Workspace(name="Big client")
    for i in range(n):
        ws.instances.append(Instance(tracker=trackers[i % 4], name=f"Instance {i:03}", url=f"https://host{i % 7}.example",
                                     auth_method="x", notes="legacy" if i % 50 == 0 else ""))
    return ws


def test_the_filter_box_filters_500_instances_in_memory_as_you_type(qtbot, window, monkeypatch):
    big = _many(500)
    window.session.update(lambda data: data.workspaces.extend([big, Workspace(name="Other")]))
    loads = []
    original = Store.load
    monkeypatch.setattr(Store, "load", lambda self: loads.append(1) or original(self))
    edit = window.sidebar.filter_edit
    qtbot.keyClicks(edit, "jira host3")
    shown = [r.strip() for r in _rows(window) if r.startswith("  ")]
    expected = [i.name for i in instances.filter_instances(big.instances, "jira host3")]
    assert shown == expected and 0 < len(shown) < 500
    assert not loads  # no disk work per keystroke
    edit.setText("legacy")
    assert [r.strip() for r in _rows(window) if r.startswith("  ")] == [f"Instance {i:03}" for i in range(0, 500, 50)]
    edit.setText("other")  # a workspace name matches: it shows, the big one hides
    assert _rows(window) == ["Other"]
    edit.setText("nothing-like-this")
    assert _rows(window) == [] and window.sidebar.no_match.isVisibleTo(window.sidebar)
    edit.clear()
    assert len(_rows(window)) == 502 and not window.sidebar.no_match.isVisibleTo(window.sidebar)
    window.focus_filter()
    assert edit.hasFocus()


# -- verify all ---------------------------------------------------------------------------------


class _FakeTracker:
    """Stands in for engine.verify: answers when released, and records how many ran at once per host."""

    def __init__(self):
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.now: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.seen: list[str] = []

    def verify(self, target, cancel=None, on_result=None, **_engine_options):
        host = urlsplit(target.url).hostname
        with self.lock:
            self.now[host] = self.now.get(host, 0) + 1
            self.peak[host] = max(self.peak.get(host, 0), self.now[host])
            self.seen.append(target.url)
        while not self.release.wait(0.01):
            if cancel is not None and cancel.is_set():
                break
        with self.lock:
            self.now[host] -= 1
        report = Report(tracker=target.tracker, url=target.url)
        if cancel is not None and cancel.is_set():
            report.problem = Problem(ErrorKind.CANCELLED, "Verification was cancelled.", "", reason="cancelled")
        report.checks = [CheckResult("github.token", Status.PASS, "Token accepted")]
        report.finished_at = clock.now()
        return report


@pytest.fixture
def fake(monkeypatch):
    tracker = _FakeTracker()
    monkeypatch.setattr(engine, "verify", tracker.verify)
    yield tracker
    tracker.release.set()


def _verified(at: datetime) -> Verification:
    return Verification(at=at, ready=True, checks=[CheckResult("github.token", Status.PASS, "Token accepted")])


def test_verify_all_takes_pending_and_stale_only_bounded_per_host_with_progress(qtbot, window, workspace_id, fake):
    now = clock.now()
    fresh = Instance(tracker="github", name="Fresh", url="https://one.example", auth_method="classic",
                     state=InstanceState.VERIFIED, history=[_verified(now - timedelta(days=1))])
    stale = Instance(tracker="github", name="Stale", url="https://one.example", auth_method="classic",
                     state=InstanceState.VERIFIED, history=[_verified(now - timedelta(days=9))])
    admin = Instance(tracker="github", name="Admin cred", url="https://one.example", auth_method="classic",
                     role="admin")
    pending = [Instance(tracker="github", name=f"Same host {i}", url="https://one.example", auth_method="classic")
               for i in range(6)]
    other = Instance(tracker="github", name="Other host", url="https://two.example", auth_method="classic",
                     state=InstanceState.PREPARED_OFFLINE)
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend([fresh, stale, admin, *pending, other]))
    window.sidebar.select(workspace_id)
    page = window.workspace_page
    assert window.verify_workspace(workspace_id) == 8  # 6 pending + stale + prepared offline; not fresh, not admin
    qtbot.waitUntil(lambda: len(fake.seen) >= 4)
    assert page.progress.isVisibleTo(page) and page.cancel_button.isVisibleTo(page)
    assert page.progress.maximum() == 8 and not page.verify_button.isEnabled()
    assert len(window.runs) <= window.session.workers.pool.maxThreadCount()
    fake.release.set()
    qtbot.waitUntil(lambda: window.verify_all_run is None, timeout=10000)
    window.session.flush()
    assert fake.peak["one.example"] <= instances.PER_HOST
    assert len(fake.seen) == 8
    assert not page.progress.isVisibleTo(page)
    assert page.progress_text.text() == "Last Verify all: 8 of 8 verified: 8 ready, 0 not ready, 0 not " \
                                        "confirmed."
    data = Store().load().data
    stored = {i.name: i for i in data.workspace(workspace_id).instances}
    assert len(stored["Fresh"].history) == 1 and not stored["Admin cred"].history
    for name in ("Stale", "Other host", *(p.name for p in pending)):
        assert stored[name].state is InstanceState.VERIFIED
        assert now - timedelta(seconds=1) <= stored[name].last.at <= clock.now()
    # Everything is fresh now: a second Verify all has nothing to do and says so.
    assert window.verify_workspace(workspace_id) == 0
    assert "Nothing to verify" in page.progress_text.text()


def test_stopping_verify_all_keeps_the_last_results(qtbot, window, workspace_id, fake):
    items = [Instance(tracker="github", name=f"Item {i}", url=f"https://h{i}.example", auth_method="classic")
             for i in range(10)]
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend(items))
    window.sidebar.select(workspace_id)
    assert window.verify_workspace(workspace_id) == 10
    qtbot.waitUntil(lambda: len(fake.seen) >= 2)
    window.workspace_page.cancel_button.click()
    qtbot.waitUntil(lambda: window.verify_all_run is None, timeout=10000)
    window.session.flush()
    assert len(fake.seen) < 10  # the queue never started the rest
    assert window.workspace_page.progress_text.text().startswith("Last Verify all: Stopped.")
    assert not window.workspace_page.cancel_button.isVisibleTo(window.workspace_page)


# -- history and drift ---------------------------------------------------------------------------


def test_the_instance_page_says_what_changed_and_lists_the_runs(window, workspace_id):
    first = datetime(2026, 11, 3, 9, 0, tzinfo=timezone.utc)
    second = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    runs = [Verification(at=first, ready=True, checks=[CheckResult("jira.LINK", Status.PASS, "Link Issues")]),
            Verification(at=second, ready=False, checks=[CheckResult("jira.LINK", Status.FAIL, "Link Issues")])]
    inst = Instance(tracker="jira_cloud", name="Jira", url="https://acme.atlassian.net", auth_method="api_token",
                    state=InstanceState.FAILING, history=runs)
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(inst), select=inst.id)
    page = window.instance_page
    assert window.stack.currentWidget() is page
    assert "Link Issues was granted on 3 Nov" in page.changes.text()
    assert "missing since 20 Nov" in page.changes.text()
    rows = [[page.timeline.topLevelItem(i).text(c) for c in range(3)] for i in range(page.timeline.topLevelItemCount())]
    assert [r[1:] for r in rows] == [["Not ready", "Link Issues"], ["Ready", ""]]
    # One run only: nothing to compare yet, and the page says so.
    single = Instance(tracker="github", name="New", url="https://github.com", auth_method="classic",
                      state=InstanceState.VERIFIED, history=runs[:1])
    window.session.update(lambda d: d.workspace(workspace_id).instances.append(single), select=single.id)
    assert page.changes.text() == "Changes appear here once the instance was verified twice."
    assert page.timeline.topLevelItemCount() == 1



def test_the_filter_box_works_from_the_keyboard(qtbot, window):
    from PySide6.QtCore import Qt

    window.session.update(lambda data: data.workspaces.append(_many(20)))
    edit = window.sidebar.filter_edit
    window.focus_filter()
    qtbot.keyClicks(edit, "instance 007")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter opens the first match
    assert window.sidebar.tree.hasFocus()
    assert window.instance_page.title.text() == "Instance 007"
    window.focus_filter()
    qtbot.keyClick(edit, Qt.Key.Key_Escape)  # Escape clears the filter
    assert edit.text() == "" and len(_rows(window)) == 21


def test_the_window_and_the_cli_run_the_same_verify_all(qtbot, window, workspace_id, fake, monkeypatch, cli):
    """One verify-all: the window's Verify all and ``exadesk check --all`` both run instances.VerifyAllRun."""
    runs = []
    original = instances.VerifyAllRun.run

    def run(self):
        runs.append(self)
        return original(self)

    monkeypatch.setattr(instances.VerifyAllRun, "run", run)
    items = [Instance(tracker="github", name=f"Item {i}", url="https://one.example:8443", auth_method="classic")
             for i in range(2)]
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend(items))
    fake.release.set()
    assert window.verify_workspace(workspace_id) == 2
    qtbot.waitUntil(lambda: window.verify_all_run is None, timeout=10000)
    window.session.flush()
    assert len(runs) == 1 and {inst.id for _, inst in runs[0].chosen} == {i.id for i in items}
    cli("check", "--all", "--force")
    assert len(runs) == 2 and {inst.id for _, inst in runs[1].chosen} >= {i.id for i in items}


def test_verify_now_on_an_instance_queued_in_verify_all_runs_it_once(qtbot, window, workspace_id, fake):
    items = [Instance(tracker="github", name=f"Item {i}", url=f"https://one.example/{i}", auth_method="classic")
             for i in range(instances.PER_HOST + 2)]
    window.session.update(lambda d: d.workspace(workspace_id).instances.extend(items))
    window.sidebar.select(workspace_id)
    assert window.verify_workspace(workspace_id) == len(items)
    qtbot.waitUntil(lambda: len(fake.seen) >= instances.PER_HOST)  # the host is full: the last two wait
    running, queued = items[0], items[-1]
    assert window.verify_instance(running.id) is False  # Verify all is running it: no second run
    assert window.verify_instance(queued.id) is True  # taken out of the queue and verified now, on its own
    qtbot.waitUntil(lambda: queued.url in fake.seen)
    fake.release.set()
    qtbot.waitUntil(lambda: window.verify_all_run is None and not window.runs, timeout=10000)
    window.session.flush()
    assert sorted(fake.seen) == sorted(i.url for i in items), "each instance ran exactly once"
    assert window.workspace_page.progress_text.text().startswith(f"Last Verify all: {len(items) - 1} of "
                                                                 f"{len(items) - 1} verified")
    stored = {i.name: i for i in Store().load().data.workspace(workspace_id).instances}
    assert all(stored[i.name].state is InstanceState.VERIFIED for i in items)
