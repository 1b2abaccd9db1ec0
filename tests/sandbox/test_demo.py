"""exadesk/sandbox/demo.py: the ``exadesk sandbox`` demo: which emulators and lessons it starts, and the
ready-to-paste commands it prints (secrets through --secret-env, every argument shell-quoted)."""

from __future__ import annotations

import shlex

import pytest

from exadesk import sandbox
from exadesk.sandbox import demo
from exadesk.sandbox.github import DEMO_CLASSIC


def test_learning_scenarios_are_unique_per_tracker_and_use_a_known_emulator():
    keys = [(s.tracker, s.key) for s in (*demo.SCENARIOS, *demo.FAILING)]
    assert len(keys) == len(set(keys))
    assert {tracker for tracker, _ in keys} <= set(sandbox.EMULATOR_MODULES)
    assert all(s.title == (s.short or s.label) for s in demo.SCENARIOS)


def test_secret_variable_names_tracker_lesson_and_field():
    assert demo.secret_variable("github", "token") == "EXADESK_DEMO_GITHUB_TOKEN"
    assert demo.secret_variable("jira_onprem", "password", "captcha-after-3") == \
        "EXADESK_DEMO_JIRA_ONPREM_CAPTCHA_AFTER_3_PASSWORD"


@pytest.fixture
def github_only():
    running = demo.start_demo(["github"])
    yield running
    running.stop()


def test_a_demo_of_one_tracker_starts_only_its_emulator_and_lessons(github_only):
    assert list(github_only.emulators) == ["github"]
    assert github_only.lessons and {lesson.tracker for lesson in github_only.lessons} == {"github"}
    assert [lesson.scenario.key for lesson in github_only.failing] == ["not-admin"]


def test_the_printed_commands_export_the_secret_and_pass_it_by_variable(github_only):
    emulator = github_only.emulators["github"]
    lines = demo.commands("github", emulator)
    assert lines[0] == f"export EXADESK_DEMO_GITHUB_TOKEN={shlex.quote(DEMO_CLASSIC)}"
    command = shlex.split(lines[1])
    assert command[:5] == ["exadesk", "check", "github", "--url", emulator.url]
    assert command[-2:] == ["--secret-env", "token=EXADESK_DEMO_GITHUB_TOKEN"] and DEMO_CLASSIC not in lines[1]
    described = "\n".join(github_only.describe())
    assert emulator.url in described and "Learning scenarios" in described and "A failing instance" in described
