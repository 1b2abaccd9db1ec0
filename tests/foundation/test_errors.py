"""The error kinds and the exceptions that carry a Problem (exadesk/foundation/errors.py)."""

from __future__ import annotations

import pytest

from exadesk.foundation.errors import (CheckError, ErrorKind, ExaDeskError, KeychainError, Problem, StorageError,
                            ValidationError)


def test_only_a_rejected_credential_a_refusal_or_a_missing_thing_proves_not_ready():
    assert {k for k in ErrorKind if k.definitive} == {ErrorKind.AUTH, ErrorKind.FORBIDDEN, ErrorKind.NOT_FOUND}


def test_kinds_are_stored_by_their_value():
    assert ErrorKind("rate_limited") is ErrorKind.RATE_LIMITED
    assert ErrorKind.TLS == "tls"


def test_a_problem_reads_as_one_sentence_and_its_json_holds_no_details():
    problem = Problem(ErrorKind.NETWORK, "The tracker did not answer.", "Check the address.", reason="http.timeout",
                      details={"url": "https://acme.example"})
    assert problem.text() == "The tracker did not answer. Check the address."
    assert Problem(ErrorKind.TLS, "Bad certificate.").text() == "Bad certificate."
    assert problem.to_json() == {"kind": "network", "reason": "http.timeout", "message": "The tracker did not answer.",
                                 "next_step": "Check the address."}


@pytest.mark.parametrize("error_class", [CheckError, KeychainError, StorageError, ValidationError])
def test_every_error_carries_its_problem_and_kind(error_class):
    problem = Problem(ErrorKind.BAD_INPUT, "The address is empty.", "Paste the site address.")
    with pytest.raises(ExaDeskError) as caught:
        raise error_class(problem)
    assert caught.value.problem is problem
    assert caught.value.kind is ErrorKind.BAD_INPUT
    assert str(caught.value) == problem.text()
