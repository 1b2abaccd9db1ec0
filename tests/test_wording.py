"""Issue 19, "Wording and small things": what a person reads is whole words, right plurals and display names."""

from __future__ import annotations

import pytest

from exadesk.sandbox.github import DEMO_CLASSIC
from exadesk.services import bundle
from exadesk.verification import engine, registry
from exadesk.verification.spec import Target

REPO = ("--project", "acme/website")


def test_the_import_preview_counts_in_words():
    plan = bundle.ImportPlan("Acme", [("Web", "github", "https://github.com")], [], 1, True)
    text = "\n".join(plan.lines())
    assert "with 1 instance and 0 connections." in text
    assert "1 secret will go into" in text
    assert "(s)" not in text and "(GitHub)" in text and "(github)" not in text


@pytest.mark.parametrize("typed, meant", [("jiracloud", "jira_cloud"), ("Jira Cloud", "jira_cloud"),
                                          ("githb", "github"), ("service-now", "servicenow")])
def test_a_misspelt_tracker_gets_did_you_mean(typed, meant, cli):
    result = cli("check", typed, "--url", "https://x.example.com")
    assert result.code == 2 and f"Did you mean {meant}?" in result.err
    report = engine.validate(Target(tracker=typed, url="https://x.example.com"))
    assert report.problem.reason == "input.tracker_guess" and meant in report.problem.next_step


def test_sandbox_with_a_misspelt_tracker_starts_nothing_and_says_why(cli):
    result = cli("sandbox", "--tracker", "jiracloud", "--seconds", "0.1")
    assert result.code == 2
    assert "Did you mean jira_cloud?" in result.err and "emulators on loopback" not in result.out


@pytest.mark.parametrize("pasted", [DEMO_CLASSIC, "ATATT3xFfGF0abcdEFGH1234ijklMNOP5678", "c2VjcmV0Cg==",
                                    "token=Abc123def456GHI789jkl012"])
def test_a_secret_passed_to_secret_env_is_never_printed(pasted, cli):
    result = cli("check", "github", "--url", "https://github.com", "--secret-env", pasted, *REPO)
    assert result.code == 2
    assert pasted not in result.out + result.err
    if "=" in pasted.rstrip("="):
        assert pasted.partition("=")[2] not in result.out + result.err  # FIELD=secret: the secret part
    assert "looks like the secret itself" in result.err and "--secret-env TOKEN" in result.err


def test_a_variable_name_that_is_not_set_is_named(cli, monkeypatch):
    monkeypatch.delenv("MY_GITHUB_TOKEN", raising=False)
    result = cli("check", "github", "--secret-env", "MY_GITHUB_TOKEN", *REPO)
    assert result.code == 2 and "MY_GITHUB_TOKEN is not set" in result.err


def test_project_and_sync_take_repeated_options_and_comma_lists(cli, monkeypatch):
    monkeypatch.setenv("GH_TOKEN", DEMO_CLASSIC)
    from exadesk.cli import build_parser
    from exadesk.commands.check import build_target

    def target(*extra):
        return build_target(build_parser().parse_args(["check", "github", "--secret-env", "GH_TOKEN", *extra]))

    both = [target("--project", "acme/website,acme/api", "--sync", "comments", "--sync", "attachments"),
            target("--project", "acme/website", "--project", "acme/api", "--sync", "comments,attachments")]
    for made in both:
        assert made.scope == ["acme/website", "acme/api"] and made.sync == {"comments", "attachments"}
    # A free-text scope (an Asana workspace) keeps a name with a comma whole.
    asana = build_target(build_parser().parse_args(["check", "asana", "--secret-env", "GH_TOKEN", "--project",
                                                    "Acme, Inc."]))
    assert asana.scope == ["Acme, Inc."]


def test_cli_lists_say_tracker_names_and_states_in_words(cli, emulators, monkeypatch, memory_keyring):
    emulator = emulators.start("github")
    monkeypatch.setenv("GH_TOKEN", DEMO_CLASSIC)
    added = cli("add", "github", "--name", "Web", "--workspace", "Client A", "--url", emulator.url,
                "--secret-env", "GH_TOKEN", *REPO)
    assert "(GitHub)" in added.out and "(github)" not in added.out
    listed = cli("list").out
    assert "GitHub" in listed and "prepared offline" in listed and "prepared_offline" not in listed
    assert cli("list", "--json").json()[0]["instances"][0]["state"] == "prepared_offline"  # ids stay for scripts


def test_no_scope_label_repeats_the_word_scope():
    for tracker in registry.all_trackers():
        assert tracker.spec.scope.label.lower() != "scope", tracker.spec.id
