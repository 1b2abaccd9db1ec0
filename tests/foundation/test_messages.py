"""The message catalogue: every reason renders whole, and every reason the code names exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exadesk.foundation import messages
from exadesk.foundation.errors import ErrorKind
from exadesk.verification import registry

registry.all_trackers()  # registers each tracker's own reasons (SPEC.messages)

PACKAGE = Path(messages.__file__).parent


@pytest.mark.parametrize("reason", sorted(messages.CATALOGUE))
def test_every_placeholder_is_filled(reason):
    message = messages.CATALOGUE[reason]
    values = {name: f"<{name.upper()}>" for name in message.placeholders()}
    problem = messages.problem(reason, **values)
    text = problem.message + " " + problem.next_step
    assert "{" not in text and "}" not in text, text
    for name, value in values.items():
        shown = value if "!r" not in name else repr(value)
        assert shown in text or repr(value) in text, f"{reason}: {name} not shown"
    assert problem.kind is message.kind and problem.reason == reason
    assert problem.message.strip(), "a reason needs a sentence"


@pytest.mark.parametrize("reason", sorted(messages.CATALOGUE))
def test_missing_values_never_crash_or_show_braces(reason):
    problem = messages.problem(reason)
    assert "{" not in problem.text() and "}" not in problem.text()


@pytest.mark.parametrize("reason", sorted(messages.CATALOGUE))
def test_sentences_are_plain_and_finished(reason):
    message = messages.CATALOGUE[reason]
    for part in (message.text, message.next_step):
        if part:
            assert part[0].isupper() or part[0] in "{'`\"", f"{reason}: {part!r} should start a sentence"
            assert part.rstrip().endswith((".", ")", "?", "!")), f"{reason}: {part!r} should end a sentence"
            assert "Traceback" not in part and "Exception" not in part


def test_every_kind_has_a_generic_message():
    kinds = {m.kind for m in messages.CATALOGUE.values()}
    generic = {ErrorKind.AUTH, ErrorKind.FORBIDDEN, ErrorKind.NOT_FOUND, ErrorKind.NETWORK, ErrorKind.TLS,
               ErrorKind.RATE_LIMITED, ErrorKind.UNEXPECTED_RESPONSE, ErrorKind.CANCELLED}
    assert generic <= kinds
    for kind in generic:
        assert kind.value in messages.CATALOGUE, f"no generic message for {kind.value}"


def test_unknown_reason_falls_back_to_its_kind_prefix():
    problem = messages.problem("network.something_new", host="jira.example.com")
    assert problem.kind is ErrorKind.NETWORK and "jira.example.com" in problem.message
    assert messages.problem("no.such.thing").kind is ErrorKind.UNEXPECTED_RESPONSE


def test_details_keep_only_safe_context():
    problem = messages.problem("auth", tracker="Jira", credential="API token", password="hunter2-secret",
                               url="https://x.example.com", status=401)
    assert set(problem.details) <= {"status", "url", "host", "login_url"}
    assert "hunter2-secret" not in repr(problem.details) + problem.text()


_CALL = re.compile(r"""messages\.problem\(\s*["']([a-z0-9_.]+)["']""")


def test_every_reason_named_in_the_code_is_in_the_catalogue():
    """A typo in a reason key would silently fall back to a vaguer sentence."""
    missing = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for reason in _CALL.findall(path.read_text(encoding="utf-8")):
            if reason not in messages.CATALOGUE:
                missing.append(f"{path.relative_to(PACKAGE)}: {reason}")
    assert not missing, missing


def test_tracker_reasons_are_registered_under_their_tracker():
    for tracker in registry.all_trackers():
        for key in tracker.spec.messages:
            assert f"{tracker.id}.{key}" in messages.CATALOGUE
