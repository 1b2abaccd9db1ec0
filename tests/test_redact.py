"""The one redactor: every form of every secret of a run is masked in what a tracker sent."""

from __future__ import annotations

import base64
from urllib.parse import quote

from exadesk.checks import CheckResult, Identity, Status
from exadesk.errors import ErrorKind, Problem
from exadesk.redact import MASK, Redactor
from exadesk.trackers.base import Secrets, Target

TOKEN = "s3cr/et+t0ken=="
PASSWORD = "pässwörd-42"


def _redactor() -> Redactor:
    target = Target(tracker="jira_onprem", url="https://jira.example.com", values={"username": "sync@acme.example"},
                    secrets=Secrets({"token": TOKEN, "password": PASSWORD}))
    return Redactor.for_target(target)


def test_every_form_of_every_secret_is_masked():
    redact = _redactor()
    basic = base64.b64encode(f"sync@acme.example:{PASSWORD}".encode()).decode()
    for form in (TOKEN, PASSWORD, quote(TOKEN, safe=""), quote(PASSWORD, safe=""), f"Basic {basic}",
                 base64.b64encode(TOKEN.encode()).decode(), base64.b64encode(f":{TOKEN}".encode()).decode().rstrip("=")):
        text = redact.text(f"The server said: {form} is wrong")
        assert form.removeprefix("Basic ") not in text and MASK in text, form


def test_report_parts_are_copied_masked_and_the_rest_kept():
    redact = _redactor()
    result = CheckResult("x.y", Status.PASS, "Account", f"Signed in as {TOKEN}", "")
    assert redact.result(result).detail == f"Signed in as {MASK}"
    assert result.detail == f"Signed in as {TOKEN}"  # the original is not changed under its holder
    assert redact.identity(Identity(name=PASSWORD, login="sync")).name == MASK
    problem = redact.problem(Problem(ErrorKind.AUTH, f"Bad token {TOKEN}.", "Check it.", "auth", {"why": TOKEN}))
    assert (problem.message, problem.details["why"]) == (f"Bad token {MASK}.", MASK)
    assert redact.text("nothing secret here") == "nothing secret here"


def test_short_and_missing_secrets_garble_nothing():
    redact = Redactor(["", "abc"])
    assert not redact
    assert redact.text("abcdef") == "abcdef"
