"""Issue 19, "Wording and small things", in the window: right plurals, display names, greyed retired tracker."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from exadesk.foundation import messages
from exadesk.services.wizard_flow import WizardFlow
from exadesk.store.model import Instance, Workspace
from exadesk.ui import theme
from exadesk.ui.instance_page import InstancePage
from exadesk.ui.problem_view import ProblemView
from exadesk.ui.views import WorkspacePage


def _workspace(count: int) -> Workspace:
    return Workspace(name="Acme", instances=[
        Instance(tracker="jira_cloud", name=f"Jira {i}", url="https://acme.atlassian.net", auth_method="api_token",
                 secret_fields=["api_token"]) for i in range(count)])


def test_one_instance_is_one_instance(qtbot):
    page = WorkspacePage()
    qtbot.addWidget(page)
    page.show_workspace(_workspace(1))
    assert page.summary.text().startswith("1 instance.")
    page.show_workspace(_workspace(2))
    assert page.summary.text().startswith("2 instances.")


def test_the_sidebar_says_one_instance_to_a_screen_reader(window):
    from exadesk.ui.sidebar import ACCESSIBLE_TEXT_ROLE

    ws_id = window.create_workspace("Solo")
    window.session.update(lambda d: d.workspace(ws_id).instances.extend(_workspace(1).instances))
    tree = window.sidebar.tree
    texts = [tree.topLevelItem(i).data(0, ACCESSIBLE_TEXT_ROLE) for i in range(tree.topLevelItemCount())]
    assert "Workspace Solo, 1 instance" in texts


def test_export_offers_the_one_secret_in_words(qtbot, window):
    ws_id = window.create_workspace("Solo")
    window.session.update(lambda d: d.workspace(ws_id).instances.extend(_workspace(1).instances))
    dialog = window.export_bundle(ws_id)
    assert dialog.include.text() == "&Include the secret, encrypted with a passphrase"
    dialog.reject()


def test_the_instance_page_names_secrets_by_their_labels(qtbot):
    page = InstancePage()
    qtbot.addWidget(page)
    ws = _workspace(1)
    page.show_instance(ws, ws.instances[0])
    assert page._detail_labels["secrets"].text() == "In the keychain: API token"


def test_a_bad_import_file_is_not_called_a_form(qtbot):
    view = ProblemView()
    qtbot.addWidget(view)
    view.show_problem(messages.problem("bundle.not_bundle", name="notes.txt", detail="no header"))
    assert view.title.text() == "The file could not be imported"
    view.show_problem(messages.problem("input.field", field="Address", problem="empty", example="x"))
    assert view.title.text() == "Something in the form needs a fix"


def test_the_retired_tracker_stays_grey_in_the_dark_palette(window, qapp):
    catalogue = window.sidebar.catalogue
    retired = next(catalogue.item(i) for i in range(catalogue.count()) if "retired" in catalogue.item(i).text())
    try:
        theme.apply(qapp, "dark")
        qapp.processEvents()
        grey = window.sidebar.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        normal = window.sidebar.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        assert retired.foreground().color() == grey != normal
    finally:
        theme.apply(qapp, "light")
        qapp.processEvents()
    assert retired.foreground().color() == window.sidebar.palette().color(QPalette.ColorGroup.Disabled,
                                                                          QPalette.ColorRole.Text)


def test_jira_cloud_step_one_says_the_token_is_the_administrators(window, workspace_id):
    wizard = window.start_wizard("jira_cloud", WizardFlow(tracker="jira_cloud"))
    subtitle = wizard.currentPage().subTitle()
    assert "administrator's credential" in subtitle and "the proxy user will use" not in subtitle
    wizard.reject()
    wizard = window.start_wizard("github", WizardFlow(tracker="github"))
    assert "proxy user" in wizard.currentPage().subTitle() and "will use" in wizard.currentPage().subTitle()
    wizard.reject()


def test_the_scope_row_never_reads_scope_in_scope(window, workspace_id):
    from PySide6.QtWidgets import QLabel

    wizard = window.start_wizard("freshdesk", WizardFlow(tracker="freshdesk"))
    labels = [w.text() for w in wizard.findChildren(QLabel)]
    assert not any("Scope in" in text.replace("&", "") for text in labels)
    wizard.reject()
