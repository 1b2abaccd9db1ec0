"""The emulator kit: typed scenarios, checked when an emulator is made and when it starts."""

from __future__ import annotations

import re
from typing import get_type_hints

import pytest

from exadesk import sandbox
from exadesk.sandbox.demo import SCENARIOS
from exadesk.sandbox.kit import Emulator, ScenarioError

TRACKERS = sandbox.EMULATOR_MODULES


def _known_keys(emulator: type[Emulator]) -> set[str]:
    return set(get_type_hints(emulator.scenario_type))


def _misspelt(emulator: type[Emulator]) -> tuple[str, str]:
    """A real key of the emulator's default scenario and a misspelling of it (two letters swapped)."""
    key = sorted(emulator().default_scenario())[0]
    wrong = key[1] + key[0] + key[2:] if key[0] != key[1] else key + "s"
    assert wrong not in _known_keys(emulator)
    return key, wrong


@pytest.mark.parametrize("tracker", TRACKERS)
def test_a_misspelt_scenario_key_fails_loudly_naming_the_key_and_the_known_ones(tracker):
    emulator = sandbox.emulator_class(tracker)
    key, wrong = _misspelt(emulator)
    with pytest.raises(ScenarioError) as raised:
        emulator({wrong: True})
    message = str(raised.value)
    assert repr(wrong) in message and emulator.__name__ in message
    known = message.split("known keys: ", 1)[1]
    assert key in known and "fault" in known


@pytest.mark.parametrize("tracker", TRACKERS)
def test_every_key_of_the_default_scenario_is_declared(tracker):
    emulator = sandbox.emulator_class(tracker)
    assert set(emulator().default_scenario()) <= _known_keys(emulator)
    assert emulator.scenario_type is not Emulator.scenario_type  # each emulator declares its own


@pytest.mark.parametrize("tracker", TRACKERS)
def test_a_key_set_after_the_emulator_was_made_is_checked_when_it_starts(tracker):
    emulator = sandbox.emulator_class(tracker)()
    _, wrong = _misspelt(type(emulator))
    emulator.scenario[wrong] = 1
    with pytest.raises(ScenarioError, match=re.escape(repr(wrong))):
        emulator.start()


def test_a_misspelt_key_inside_a_fault_fails_too():
    emulator = sandbox.emulator_class("github")
    with pytest.raises(ScenarioError, match=r"\['fault'\] has no key 'time'.*known keys: .*times"):
        emulator({"fault": {"kind": "429", "time": 1}})


def test_a_well_formed_scenario_starts_and_serves_what_it_says():
    import urllib.error
    import urllib.request

    scenario = {"fault": {"kind": "500", "times": 1}, "orgs": {"acme": {"saml": True}}}
    with sandbox.emulator_class("github")(scenario) as emulator:
        assert emulator.scenario["orgs"]["acme"]["saml"] is True
        statuses = []
        for _ in range(2):
            try:
                urllib.request.urlopen(f"{emulator.url}/", timeout=5)
            except urllib.error.HTTPError as refused:
                statuses.append(refused.code)
        assert statuses[0] == 500 and statuses[1:] != [500]  # the fault once ("times": 1), then the emulator itself


@pytest.mark.parametrize("lesson", SCENARIOS, ids=lambda s: f"{s.tracker}-{s.key}")
def test_every_sandbox_lesson_uses_only_known_keys(lesson):
    sandbox.emulator_class(lesson.tracker)(lesson.scenario)  # raises ScenarioError on a stray key


@pytest.mark.parametrize("tracker, scenario, wrong", [
    ("github", {"tokens": {"t": {"login": "a", "scope": ["repo"]}}}, "scope"),
    ("github", {"repos": {"acme/x": {"collaborators": {}, "privat": True}}}, "privat"),
    ("asana", {"workspaces": {"1": {"members": {"2": {"is_admn": True}}}}}, "is_admn"),
    ("freshdesk", {"agents": {"key": {"role_id": [1]}}}, "role_id"),
])
def test_a_misspelt_key_in_a_typed_record_fails_too(tracker, scenario, wrong):
    with pytest.raises(ScenarioError, match=re.escape(repr(wrong))):
        sandbox.emulator_class(tracker)(scenario)


@pytest.mark.parametrize("tracker, scenario, wrong", [
    ("zendesk", {"users": {"9001": {"restricted": True}}}, "restricted"),
    ("servicenow", {"users": {"exalate.proxy": {"role": ["admin"]}}}, "role"),
    ("salesforce", {"org": {"api_enable": False}}, "api_enable"),
    ("hp_alm", {"users": {"sa": {"siteadmin": True}}}, "siteadmin"),
    ("azure_devops", {"pats": {"p": {"collection": ["acme"]}}}, "collection"),
])
def test_a_misspelt_key_in_the_other_typed_records_fails(tracker, scenario, wrong):
    with pytest.raises(ScenarioError, match=re.escape(repr(wrong))):
        sandbox.emulator_class(tracker)(scenario)
