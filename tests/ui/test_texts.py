"""The window's words not tied to one widget (exadesk/ui/texts.py): one phrase per status, verdict and error kind."""

from __future__ import annotations

import pytest

from exadesk.foundation import checks
from exadesk.foundation.checks import CheckResult, Status, Verdict
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.store.model import InstanceState
from exadesk.ui import texts


def test_every_status_verdict_and_error_kind_has_words_of_its_own(qapp):
    for values, words in ((Status, texts.status), (Verdict, texts.verdict), (ErrorKind, texts.kind_title)):
        phrases = [words(v) for v in values]
        assert all(phrases) and len(set(phrases) - {"Not confirmed"}) >= len(phrases) - 1, phrases
    assert texts.kind_title(None) == "Verification could not finish"


def test_an_undecided_check_says_who_decides_it(qapp):
    assert texts.check_status(CheckResult("t.a", Status.UNKNOWN, "A", manual=True)) == "Confirm by hand"
    assert texts.check_status(CheckResult("t.b", Status.UNKNOWN, "B")) == "Not confirmed"
    assert texts.check_status(CheckResult("t.c", Status.SKIPPED, "C")) == "Not needed"


@pytest.mark.parametrize("count, kind", [(1, ErrorKind.AUTH), (3, ErrorKind.AUTH), (2, ErrorKind.CANCELLED),
                                         (0, ErrorKind.AUTH)])
def test_the_not_run_line_reads_as_the_command_lines(qapp, count, kind):
    assert texts.not_run_line(count, kind) == checks.not_run_line(count, kind)


def test_every_instance_state_and_expiring_has_a_badge_and_its_help(qapp):
    for key in [s.value for s in InstanceState] + ["expiring"]:
        assert texts.badge(key) != key or key == "draft" and texts.badge(key) == "Draft"
        assert texts.badge_help(key).endswith(".")
    assert texts.badge("from_a_newer_version") == "from_a_newer_version" and texts.badge_help("x") == ""


def test_a_problem_is_titled_by_where_it_is(qapp):
    bundle = Problem(ErrorKind.BAD_INPUT, "Bad file.", reason="bundle.invalid")
    storage = Problem(ErrorKind.BAD_INPUT, "Unreadable.", reason="storage.unreadable")
    form = Problem(ErrorKind.BAD_INPUT, "Empty address.", reason="input.url_empty")
    assert texts.problem_title(bundle) == "The file could not be imported"
    assert texts.problem_title(storage) == "ExaDesk's data file needs attention"
    assert texts.problem_title(form) == "Something in the form needs a fix"


def test_sync_options_have_labels_and_help(qapp):
    from exadesk.verification import registry

    options = {o for t in registry.all_trackers() for o in t.spec.sync_options}
    for option in options:
        assert texts.sync_label(option) != option, option
        assert texts.sync_help(option).endswith("."), option


def test_a_failed_write_names_the_file_and_the_error_never_its_content(qapp):
    problem = texts.write_failed("/home/ann/exadesk.json", PermissionError("secret-looking detail"))
    assert "/home/ann/exadesk.json" in problem.message and "PermissionError" in problem.message
    assert "secret-looking detail" not in problem.text() and problem.reason == "ui.write_failed"
