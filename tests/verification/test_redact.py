"""The one redactor: every form of every secret of a run is masked in what a tracker sent."""

from __future__ import annotations

import base64
from urllib.parse import quote

from exadesk.foundation.checks import CheckResult, Identity, Status
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.verification.redact import MASK, Redactor
from exadesk.verification.spec import Secrets, Target

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


def test_a_run_redactor_masks_each_target_s_secret_as_that_target_sends_it():
    other = Target(tracker="zendesk", url="https://acme.zendesk.com", values={"email": "agent@acme.example"},
                   secrets=Secrets({"token": "zendesk-api-token-99"}))
    run = Redactor.for_run([other])
    redact = Redactor.for_target(Target(tracker="github", url="https://github.com", secrets=Secrets({"token": TOKEN})),
                                 then=run)
    basic = base64.b64encode(b"agent@acme.example/token:zendesk-api-token-99").decode()
    text = redact.text(f"{TOKEN} / zendesk-api-token-99 / Basic {basic}")
    assert text == f"{MASK} / {MASK} / Basic {MASK}"
    assert redact.identity(Identity(name="zendesk-api-token-99", login="x")).name == MASK
    assert not Redactor.for_run([]) and Redactor.for_target(other, then=Redactor.for_run([])).text("a b") == "a b"


def test_verify_all_masks_the_other_instances_secrets_too(emulators):
    """Two instances on one server: it has seen both tokens and may echo either in the other's reply."""
    import json as jsonlib

    from exadesk import sandbox
    from exadesk.verification import engine
    from exadesk.sandbox.kit import Response
    from tests.commands.workflow import github_scenario, new_token

    first, second = new_token(), new_token()
    scenario = github_scenario(first)
    scenario["tokens"].update(github_scenario(second)["tokens"])
    base = sandbox.emulator_class("github")

    class EchoesTheOther(base):
        def handle(self, request):
            response = super().handle(request)
            if request.path.endswith("/user") and response is not None and response.status == 200:
                data = jsonlib.loads(response.encode())
                sent = request.headers.get("authorization", "").split()[-1]
                data["name"] = second if sent == first else first  # the other instance's token
                return Response(200, data, response.headers, response.content_type)
            return response

    emulator = EchoesTheOther(scenario).start()
    try:
        targets = [(str(i), Target(tracker="github", url=emulator.url, auth_method="classic",
                                   secrets=Secrets({"token": token}), scope=["acme/website"], timeout=5))
                   for i, token in enumerate((first, second))]
        reports = engine.verify_many(targets)
    finally:
        emulator.stop()
    for report in reports.values():
        text = jsonlib.dumps(report.to_json())
        assert first not in text and second not in text
        assert report.identity is not None and report.identity.name == MASK
