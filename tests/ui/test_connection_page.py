"""The connection page: the admin plan as a checklist that turns green as "Check now" results arrive."""

from __future__ import annotations

import secrets as _secrets
import string

import pytest
from PySide6.QtCore import Qt

from exadesk.foundation.checks import Status
from exadesk.store.model import ConfigMode, Connection, Instance, Workspace
from exadesk.store.storage import Store
from tests.helpers.emulators import only_reads

ALPHABET = string.ascii_letters + string.digits


def _made_up(prefix: str, n: int) -> str:
    return prefix + "".join(_secrets.choice(ALPHABET) for _ in range(n))


@pytest.fixture
def acme(session, emulators):
    """Jira Cloud and GitHub with Dana's admin credentials on both; Rey (not a GitHub admin) as an alternative."""
    jira_token, dana_gh, rey_gh = _made_up("ATATT3xFfGF0", 40), _made_up("ghp_", 36), _made_up("ghp_", 36)
    jira = emulators.start("jira_cloud", {"people": {"dana@example.com": {
        "accountId": "5b10a2844c20165700ede303", "displayName": "Dana Admin", "token": jira_token,
        "administer": True, "groups": ["jira-administrators"]}}})
    github = emulators.start("github", {
        "tokens": {dana_gh: {"login": "dana", "name": "Dana Admin", "id": 4102, "kind": "classic", "scopes": ["repo"]},
                   rey_gh: {"login": "rey", "name": "Rey Reader", "id": 4103, "kind": "classic", "scopes": ["repo"]}},
        "repos": {"acme/website": {"collaborators": {"dana": "admin", "rey": "push"}}}})
    side_jira = Instance(tracker="jira_cloud", name="Jira", url=jira.url, auth_method="api_token",
                         values={"email": "site-admin@example.com"}, scope=["SUP"])
    side_repo = Instance(tracker="github", name="Repo", url=github.url, auth_method="classic",
                         scope=["acme/website"])
    dana_jira = Instance(tracker="jira_cloud", name="Dana on Jira", url=jira.url, auth_method="api_token",
                         values={"email": "dana@example.com"}, secret_fields=["api_token"], role="admin")
    dana_repo = Instance(tracker="github", name="Dana on GitHub", url=github.url, auth_method="classic",
                         secret_fields=["token"], role="admin")
    rey_repo = Instance(tracker="github", name="Rey on GitHub", url=github.url, auth_method="classic",
                        secret_fields=["token"], role="admin")
    ws = Workspace(name="Acme", instances=[side_jira, side_repo, dana_jira, dana_repo, rey_repo])
    session.update(lambda data: data.workspaces.append(ws))
    session.secrets.set(dana_jira.id, "api_token", jira_token)
    session.secrets.set(dana_repo.id, "token", dana_gh)
    session.secrets.set(rey_repo.id, "token", rey_gh)
    return {"ws": ws, "jira": side_jira, "repo": side_repo, "dana_jira": dana_jira, "dana_repo": dana_repo,
            "rey_repo": rey_repo, "emulators": (jira, github), "secrets": (jira_token, dana_gh, rey_gh)}


def _connect(session, acme, right_admin: str) -> Connection:
    conn = Connection(name="Sync", left=acme["jira"].id, right=acme["repo"].id, mode=ConfigMode.VISUAL,
                      admins={acme["jira"].id: acme["dana_jira"].id, acme["repo"].id: acme[right_admin].id})
    session.update(lambda data: data.workspace(acme["ws"].id).connections.append(conn))
    return conn


def _page(qtbot, session, acme, conn):
    from exadesk.ui.connection_page import ConnectionPage

    page = ConnectionPage(session)
    qtbot.addWidget(page)
    page.show_connection(acme["ws"].id, conn.id)
    page.show()
    return page


def _row_ids(page) -> list[str]:
    return [page.items.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) for n in range(page.items.topLevelItemCount())]


def test_checklist_turns_green_as_checks_pass(qtbot, session, acme):
    conn = _connect(session, acme, "dana_repo")
    page = _page(qtbot, session, acme, conn)
    local_jira = f"plan.local_admin.{acme['jira'].id}"
    assert _row_ids(page)[0] == "plan.visual_admin_both"
    assert page.status_of("plan.visual_admin_both") is Status.UNKNOWN and page.status_of(local_jira) is Status.UNKNOWN
    assert not page.items.topLevelItem(0).icon(0).isNull()

    seen = []
    original = page.refresh

    def spy():
        original()
        seen.append((bool(page.runs), page.status_of(local_jira)))

    page.refresh = spy
    with qtbot.waitSignal(page.checked, timeout=20000):
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert (True, Status.PASS) in seen, "the item turned green while a run was still going"
    assert page.status_of("plan.visual_admin_both") is Status.PASS
    assert page.status_of(local_jira) is Status.PASS
    assert page.verdict.text() == "Ready to configure" and page.check_button.isEnabled()
    for emulator in acme["emulators"]:
        assert emulator.requests and only_reads(emulator)
    shown = " ".join(page.items.topLevelItem(n).text(c) for n in range(page.items.topLevelItemCount())
                     for c in range(5)) + page.why.text()
    assert not any(s in shown for s in acme["secrets"])
    # The results are stored on the admin credential, so the plan and the report show them later.
    qtbot.waitUntil(lambda: Store().load().data.find_instance(acme["dana_jira"].id)[1].last is not None,
                    timeout=5000)


def test_an_admin_on_one_side_only_stays_red_with_the_fix(qtbot, session, acme):
    conn = _connect(session, acme, "rey_repo")
    page = _page(qtbot, session, acme, conn)
    with qtbot.waitSignal(page.checked, timeout=20000):
        page.check_now()
    assert page.status_of("plan.visual_admin_both") is Status.FAIL
    row = page.items.topLevelItem(_row_ids(page).index("plan.visual_admin_both"))
    assert "Repo" in row.text(3) and "Basic or Scripted" in row.text(4)
    assert page.verdict.text() == "Not ready"


def test_a_secret_missing_from_the_keychain_is_shown_without_sending(qtbot, session, acme):
    conn = _connect(session, acme, "dana_repo")
    session.secrets.delete(acme["dana_repo"].id, ["token"])
    page = _page(qtbot, session, acme, conn)
    with qtbot.waitSignal(page.checked, timeout=20000):
        page.check_now()
    github = acme["emulators"][1]
    assert not github.requests
    assert page.plan.problems and page.plan.exit_code() in (1, 3)
    assert "Dana on GitHub" in page.why.text() or "keychain" in page.why.text().lower()
