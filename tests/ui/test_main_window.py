"""The main window: the catalogue, first run, instance page actions, the sandbox, geometry, names from old files."""

from __future__ import annotations

from exadesk.store import keychain
from exadesk.store.model import Instance, InstanceState, Workspace
from exadesk.store.storage import Store
from exadesk.ui.sidebar import ROLE_ID
from exadesk.verification import registry
from tests.helpers.window import add_instance, sidebar_rows


def test_catalogue_lists_every_tracker_and_marks_hp_alm_retired(qtbot, window):
    catalogue = window.sidebar.catalogue
    qtbot.waitUntil(lambda: catalogue.count() > 0)  # filled right after the first paint
    texts = [catalogue.item(i).text() for i in range(catalogue.count())]
    assert len(texts) == len(registry.all_trackers()) >= 11
    assert "HP ALM/QC (retired)" in texts
    hp = next(catalogue.item(i) for i in range(catalogue.count()) if catalogue.item(i).data(ROLE_ID) == "hp_alm")
    assert hp.toolTip() == registry.get("hp_alm").spec.retired
    catalogue.setCurrentItem(hp)
    page = window.tracker_page
    assert window.stack.currentWidget() is page
    assert page.retired.isVisibleTo(page) and page.retired.text() == registry.get("hp_alm").spec.retired


def test_first_run_offers_a_workspace_and_the_sandbox(qtbot, window):
    page = window.first_run
    assert window.stack.currentWidget() is page
    assert not page.create_button.isEnabled()
    qtbot.keyClicks(page.name_edit, "Acme")
    assert page.create_button.isEnabled()
    page.create_button.click()
    assert [w.name for w in Store().load().data.workspaces] == ["Acme"]
    assert window.stack.currentWidget() is window.workspace_page
    assert window.workspace_page.title.text() == "Acme"
    assert window.workspace_page.summary.text() == "No instances yet."


def test_verify_now_runs_off_the_ui_thread_and_records_the_result(qtbot, window, workspace_id, emulators):
    emulator = emulators.start("github", {"fault": {"kind": "slow", "delay": 0.5, "path": "/repos/|/graphql$"}})
    inst = add_instance(window, workspace_id, Instance(tracker="github", name="Acme GitHub", url=emulator.url,
                                                       auth_method="classic", secret_fields=["token"],
                                                       scope=["acme/website"]),
                        {"token": emulator.demo_secrets["token"]})
    page = window.instance_page
    assert page.instance_id == inst.id
    assert page.empty.isVisible() and page.badge.text() == "Draft"
    page.verify_button.click()
    assert inst.id in window.runs
    assert page.cancel_button.isVisible() and not page.verify_button.isEnabled() and page.progress.isVisible()
    qtbot.waitUntil(lambda: inst.id not in window.runs, timeout=15000)
    qtbot.waitUntil(lambda: page.badge.text() == "Verified")  # recorded by the writer thread
    assert page.table.checks.rowCount() >= 3
    assert page._detail_labels["proxy_user"].text() == "Exalate Proxy (exalate-proxy)"
    assert page._detail_labels["last"].text() != "Never"
    stored = Store().load().data.find_instance(inst.id)[1]
    assert stored.state is InstanceState.VERIFIED and len(stored.history) == 1


def test_a_missing_secret_is_explained_not_sent(qtbot, window, workspace_id):
    inst = add_instance(window, workspace_id, Instance(tracker="github", name="No secret", url="https://github.com",
                                                       auth_method="classic", secret_fields=["token"]))
    assert not window.verify_instance(inst.id)
    view = window.instance_page.problem_view
    assert view.isVisible() and view.problem.reason == "keychain.missing_secret"
    assert view.title.text() == "The keychain needs attention"
    assert "Replace secret" in view.next_step.text()


def test_sandbox_builds_a_demo_workspace_with_every_emulator(qtbot, window, memory_keyring):
    from exadesk import sandbox

    window.first_run.sandbox_button.click()
    try:
        ws = window.session.data.workspace("Sandbox demo")
        assert ws is not None
        assert {i.tracker for i in ws.instances} == set(sandbox.available())
        for inst in ws.instances:
            for name in inst.secret_fields:
                assert (keychain.SERVICE, f"{inst.id}/{name}") in memory_keyring.entries
        github = next(i for i in ws.instances if i.tracker == "github")
        window.sidebar.select(github.id)
        window.instance_page.verify_button.click()
        qtbot.waitUntil(lambda: window.instance_page.badge.text() == "Verified", timeout=15000)
    finally:
        window.session.shutdown()


def test_window_geometry_is_remembered(qtbot, session):
    from exadesk.ui.main_window import MainWindow

    first = MainWindow(session)
    qtbot.addWidget(first)
    first.resize(700, 510)
    first.show()
    qtbot.waitExposed(first)
    first.save_geometry()
    first.hide()
    second = MainWindow(session)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 510)


def test_names_with_control_characters_from_an_old_file_are_shown_written_out(qtbot, memory_keyring):
    """The window shows an older file's control characters escaped, as the command line does, and says so."""
    from exadesk.ui.main_window import MainWindow
    from exadesk.ui.session import Session

    ws = Workspace(name="Old\x1b]0;title\x07", instances=[
        Instance(tracker="github", name="Web\u202eexe", url="https://github.com", auth_method="classic")])
    Store().update(lambda d: d.workspaces.append(ws))
    session = Session()
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert "Web\\u202eexe" in sidebar_rows(win)
    top = win.sidebar.tree.topLevelItem(0).text(0)
    assert "Old\\x1b]0;title\\x07" in top and "\x1b" not in top
    assert "held control characters" in win.statusBar().currentMessage()
    session.shutdown()
