"""The one validator of what a person typed: keyed problems that the command line and the wizard both show."""

from __future__ import annotations

import pytest

from exadesk.foundation.checks import Status
from exadesk.foundation.validation import address_problems, field_problem, input_problems, scope_problems
from exadesk.services.wizard_flow import WizardFlow
from exadesk.verification import engine, registry
from exadesk.verification.spec import Secrets, Target

GITHUB = registry.get("github").spec
TOKEN = "ghp_" + "a" * 36


def _github(url="https://github.com", token=TOKEN, scope=("acme/website",), method="classic") -> Target:
    return Target(tracker="github", url=url, auth_method=method, secrets=Secrets({"token": token} if token else {}),
                  scope=list(scope))


@pytest.mark.parametrize("target, reasons", [
    (_github(), []),
    (_github(url="http://github.com"), ["input.url_plain_http"]),
    (_github(url="https://proxy:pw@github.com"), ["input.url_credentials"]),
    (_github(url="not an address"), ["input.url_shape"]),
    (_github(url="https://github.com/\x1b[2J"), ["input.url_control"]),
    (_github(url="https://github.com/" + "a" * 2100), ["input.url_long"]),
    (_github(method="password"), ["input.auth_method"]),
    (_github(token=""), ["input.field_missing"]),
    (_github(token=f" {TOKEN}"), ["input.field_spaces"]),
    (_github(token="not-a-token"), ["input.field_form"]),
    (_github(scope=()), ["input.scope_none"]),
    (_github(scope=("acme/website", "no slash")), ["input.scope_entries"]),
    (_github(url="http://github.com", token="", scope=()), ["input.url_plain_http", "input.field_missing",
                                                           "input.scope_none"]),
])
def test_each_kind_of_bad_input_is_one_keyed_problem(target, reasons):
    assert [p.reason for p in input_problems(GITHUB, target)] == reasons


def test_the_command_line_prints_the_validators_sentences_as_failing_checks():
    target = _github(url="http://github.com", token="not-a-token", scope=())
    problems = input_problems(GITHUB, target)
    checks = [c for c in registry.get("github").validate_offline(target) if c.status is Status.FAIL]
    assert [(c.detail, c.fix) for c in checks] == [(p.problem().message, p.problem().next_step) for p in problems]
    assert [c.id for c in checks] == ["github.url", "github.field.token", "github.scope"]
    report = engine.validate(target)
    assert report.problem.reason == "input.field" and "plain http" in report.problem.message


def test_the_wizard_shows_the_validators_words_under_each_input():
    flow = WizardFlow(tracker="github")
    flow.url = "https://proxy:secret@github.com"
    flow.set_value("token", "not-a-token")
    flow.set_scope_text("acme/website, no-slash")
    assert flow.url_state().problem == address_problems(GITHUB, flow.site_url())[0].beside() \
        == "The address contains a user name or password before the host."
    assert flow.field_state("token").problem == field_problem(flow.method.field("token"), "not-a-token").beside() \
        == "does not have the expected form"
    assert flow.scope_state().problem == scope_problems(GITHUB, flow.scope)[0].beside() \
        == "not a valid entry: no-slash"


def test_an_empty_required_field_says_what_is_expected_in_the_wizard_and_that_it_is_missing_on_the_command_line():
    flow = WizardFlow(tracker="github")
    state = flow.field_state("token")
    assert not state.ok and state.problem == "" and state.expected.startswith("a classic token")
    check = next(c for c in registry.get("github").validate_offline(_github(token="")) if c.id == "github.field.token")
    assert check.detail == "Personal access token is missing." and check.fix == f"Enter {state.expected}."


def test_a_secret_that_does_not_fit_is_never_echoed_but_a_plain_value_is():
    problems = input_problems(GITHUB, _github(token="ghp_not-quite-a-secret"))
    assert all("ghp_not-quite" not in p.problem().text() for p in problems)
    jira = registry.get("jira_cloud").spec
    email = jira.auth_methods[0].field("email")
    assert email is not None and "'no-at-sign'" in field_problem(email, "no-at-sign").problem().message


def test_an_administrators_credential_needs_no_scope():
    assert [p.reason for p in input_problems(GITHUB, _github(scope=()), require_scope=False)] == []
