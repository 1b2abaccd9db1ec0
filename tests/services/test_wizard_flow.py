"""exadesk/services/wizard_flow.py: the set-up flow without a window: steps, answers, checking as you type, what is
stored."""

from __future__ import annotations

import pytest

from exadesk.foundation import messages
from exadesk.foundation.checks import Report
from exadesk.foundation.errors import ErrorKind
from exadesk.services.wizard_flow import WizardFlow, WizardStep
from exadesk.store.model import InstanceState


TOKEN = "ghp_" + "Q7flowtestTOKENxyz0123456789abcdefgh"


def test_flow_starts_with_the_first_method_and_the_default_address():
    flow = WizardFlow(tracker="github")
    assert flow.step is WizardStep.METHOD
    assert flow.auth_method == "classic"
    assert flow.url == "https://github.com"


def test_credentials_step_blocks_until_the_fields_have_their_form():
    flow = WizardFlow(tracker="github")
    flow.go(WizardStep.CREDENTIALS)
    assert flow.next() is WizardStep.CREDENTIALS  # the token is missing
    flow.set_value("token", "ghp_short")
    state = flow.field_state("token")
    assert not state.ok and state.problem and "ghp_" in state.expected
    flow.set_value("token", " " + TOKEN)
    assert "space" in flow.field_state("token").problem
    flow.set_value("token", TOKEN)
    assert flow.field_state("token").ok
    assert flow.next() is WizardStep.SYNC


def test_url_state_explains_the_expected_form():
    flow = WizardFlow(tracker="freshservice")
    flow.url = ""
    empty = flow.url_state()
    assert not empty.ok and empty.problem == "" and "freshservice.com" in empty.expected
    flow.url = "http://acme.example.com"
    assert not flow.url_state().ok and flow.url_state().problem
    flow.url = "acme.freshservice.com"
    assert flow.url_state().ok


def test_walkthrough_links_wait_for_a_valid_address():
    flow = WizardFlow(tracker="github")
    flow.url = "not a url"
    steps = flow.walkthrough()
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    assert all(not s.link for s in steps if s.link_label)
    flow.url = "https://github.example.com/"
    linked = [s for s in flow.walkthrough() if s.link]
    assert linked and linked[0].link == "https://github.example.com/settings/tokens"


def test_changing_the_method_drops_answers_it_has_no_field_for():
    flow = WizardFlow(tracker="servicenow")
    flow.choose_method("oauth")
    flow.set_value("client_id", "abc")
    flow.set_value("client_secret", "s3cr3t-flow-test")
    flow.choose_method("basic")
    assert "client_id" not in flow.values
    assert "client_secret" not in flow.secrets.names()
    with pytest.raises(KeyError):
        flow.set_value("client_id", "x")


def test_requirements_follow_the_sync_choice():
    flow = WizardFlow(tracker="jira_onprem")
    before = {r.key for r in flow.requirements()}
    flow.toggle_sync("worklogs", True)
    after = {r.key for r in flow.requirements()}
    assert after > before
    flow.toggle_sync("worklogs", False)
    assert {r.key for r in flow.requirements()} == before


def test_secrets_never_show_in_repr_or_the_stored_instance():
    flow = WizardFlow(tracker="github")
    flow.set_value("token", TOKEN)
    assert TOKEN not in repr(flow)
    inst = flow.to_instance()
    assert TOKEN not in str(inst.to_json())
    assert inst.secret_fields == ["token"]
    assert flow.secrets_to_store() == {"token": TOKEN}
    assert inst.state is InstanceState.PREPARED_OFFLINE  # never verified


def test_save_for_later_is_offered_only_when_the_instance_could_not_be_reached():
    flow = WizardFlow(tracker="github")
    assert not flow.can_save_for_later()  # no credential yet
    flow.set_value("token", TOKEN)
    assert flow.can_save_for_later()
    report = Report(tracker="github", url=flow.url)
    report.problem = messages.problem("network.dns", host="github.com")
    flow.finish_verification(report)
    assert flow.last_error_kind is ErrorKind.NETWORK and flow.can_save_for_later()
    report.problem = messages.problem("auth", tracker="GitHub", credential="token")
    flow.finish_verification(report)
    assert flow.last_error_kind is ErrorKind.AUTH and not flow.can_save_for_later()


def test_back_from_results_skips_the_run():
    flow = WizardFlow(tracker="github")
    flow.go(WizardStep.RESULTS)
    assert flow.back() is WizardStep.SYNC


def test_editing_keeps_secrets_in_the_keychain_until_replaced():
    flow = WizardFlow(tracker="github")
    flow.set_value("token", TOKEN)
    inst = flow.to_instance()
    edit = WizardFlow.for_instance(inst)
    assert edit.step is WizardStep.CREDENTIALS and edit.field_state("token").ok
    target = edit.target(keychain_secrets={"token": TOKEN})
    assert target.secrets.get("token") == TOKEN
    assert edit.secrets_to_store() == {}
    assert edit.to_instance().secret_fields == ["token"]


def test_scope_is_checked_against_the_trackers_form():
    flow = WizardFlow(tracker="github")
    flow.set_scope_text("acme/website, nonsense")
    state = flow.scope_state()
    assert not state.ok and "nonsense" in state.problem
    flow.set_scope_text("acme/website\nacme/backend")
    assert flow.scope == ["acme/website", "acme/backend"] and flow.scope_state().ok
