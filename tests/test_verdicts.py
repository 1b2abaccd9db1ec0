"""Verdict states: ready (verified), not ready (something fails), not confirmed (something decidable undecided).

A manual requirement (no API shows it) never blocks "ready"; it is listed "to confirm by hand". An unknown
that this run could have decided (a table not readable, nothing in scope, a field not sent, the run stopped)
makes the verdict "not confirmed": exit 3, its own badge, report line and history line.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import datetime, timezone

import pytest

from exadesk.commands.output import print_report
from exadesk.foundation import messages
from exadesk.foundation.checks import CheckResult, Report, Status, Verdict
from exadesk.services import report as readiness
from exadesk.store import history
from exadesk.store.model import Instance, InstanceState, Verification, Workspace

AT = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def _report(*checks: CheckResult, problem=None) -> Report:
    return Report(tracker="github", url="https://github.com", checks=list(checks), problem=problem, started_at=AT)


PASS = CheckResult("github.repo", Status.PASS, "Repository access")
FAIL = CheckResult("github.admin", Status.FAIL, "Admin on the repository", "push only", "Make it admin.")
MANUAL = CheckResult("github.sso", Status.UNKNOWN, "SSO authorised", "No API shows this.", "Authorise it.", manual=True)
UNDECIDED = CheckResult("github.scopes", Status.UNKNOWN, "Token scopes", "GitHub did not send X-OAuth-Scopes.",
                        "Look at the token's settings.")
WARN = CheckResult("notice.x", Status.WARN, "A notice", "Soon.")


@pytest.mark.parametrize("checks, problem, verdict, code", [
    ((PASS, MANUAL, WARN), None, Verdict.READY, 0),
    ((PASS, FAIL, UNDECIDED), None, Verdict.NOT_READY, 1),
    ((PASS, UNDECIDED, MANUAL), None, Verdict.NOT_CONFIRMED, 3),
    ((PASS,), "network.timeout", Verdict.NOT_CONFIRMED, 3),
    ((PASS,), "cancelled", Verdict.NOT_CONFIRMED, 3),
    ((), "input.tracker", Verdict.NOT_CHECKED, 2),
], ids=["manual-only-is-ready", "fail-wins", "undecided-is-not-confirmed", "network", "stopped", "bad-input"])
def test_verdict_and_exit_code(checks, problem, verdict, code):
    prob = messages.problem(problem, value="x", host="github.com", timeout=20) if problem else None
    rep = _report(*checks, problem=prob)
    assert rep.verdict is verdict
    assert rep.exit_code() == code
    assert rep.ready is (verdict is Verdict.READY)
    assert rep.to_json()["verdict"] == verdict.value


def test_manual_and_not_confirmed_are_told_apart():
    rep = _report(PASS, MANUAL, UNDECIDED)
    assert rep.to_confirm_by_hand == [MANUAL]
    assert rep.not_confirmed == [UNDECIDED]
    assert MANUAL.not_confirmed is False and UNDECIDED.not_confirmed is True


def _printed(rep: Report) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        print_report(rep, "Acme GitHub")
    return out.getvalue()


def test_cli_prints_words_aligned_instead_of_question_marks():
    text = _printed(_report(PASS, FAIL, WARN, MANUAL, UNDECIDED))
    assert "????" not in text
    lines = [line for line in text.splitlines() if line.lstrip().startswith("[")]
    words = [line.split("]")[0].strip() + "]" for line in lines]
    assert "[NOT CONFIRMED] Token scopes" in text
    assert words == ["[PASS]", "[FAIL]", "[WARN]", "[MANUAL]", "[NOT CONFIRMED]"]
    # The titles start in one column, whatever the word's length.
    assert len({line.index(title) for line, title in zip(lines, (
        "Repository access", "Admin on the repository", "A notice", "SSO authorised", "Token scopes"))}) == 1


def test_cli_headline_names_the_state_and_what_is_left():
    text = _printed(_report(PASS, MANUAL, UNDECIDED))
    assert text.splitlines()[0].endswith(": NOT CONFIRMED")
    ready = _printed(_report(PASS, MANUAL))
    assert ready.splitlines()[0].endswith(": READY") and "to confirm by hand" in ready


def test_check_help_has_the_table_of_states(cli):
    result = cli("check", "--help")
    assert result.code == 0
    text = " ".join(result.out.split())
    for fragment in ("0 ready", "1 not ready", "2 ", "3 not confirmed"):
        assert fragment in text, fragment


def _instance(*runs: Verification) -> Instance:
    inst = Instance(tracker="github", name="Acme GitHub", url="https://github.com", auth_method="pat")
    for run in runs:
        inst.record(run)
    return inst


def test_stored_run_keeps_its_verdict_and_the_instance_its_state():
    from exadesk.services.instances import verification_from

    run = verification_from(_report(PASS, UNDECIDED))
    assert run.verdict is Verdict.NOT_CONFIRMED and run.ready is False
    again = Verification.from_json(json.loads(json.dumps(run.to_json())))
    assert again.verdict is Verdict.NOT_CONFIRMED
    inst = _instance(run)
    assert inst.state is InstanceState.NOT_CONFIRMED
    assert Instance.from_json(json.loads(json.dumps(inst.to_json()))).state is InstanceState.NOT_CONFIRMED


@pytest.mark.parametrize("stored, verdict", [
    ({"ready": True, "checks": [PASS.to_json(), MANUAL.to_json()]}, Verdict.READY),
    ({"ready": False, "checks": [PASS.to_json(), FAIL.to_json()]}, Verdict.NOT_READY),
    ({"ready": False, "checks": [PASS.to_json()], "error_kind": "network"}, Verdict.NOT_CONFIRMED),
    ({"ready": False, "checks": [], "error_kind": "auth"}, Verdict.NOT_READY),
    # Saved by an older ExaDesk as ready although a decidable check was undecided: it reads as what it was.
    ({"ready": True, "checks": [PASS.to_json(), UNDECIDED.to_json()]}, Verdict.NOT_CONFIRMED),
], ids=["ready", "failing", "network", "auth", "old-ready-with-undecided"])
def test_old_data_files_load_with_a_verdict(stored, verdict):
    data = {"at": AT.isoformat(), "identity": "", "error_kind": None, **stored}
    assert Verification.from_json(data).verdict is verdict


def test_old_instance_state_values_still_load():
    inst = Instance.from_json({"id": "a1", "tracker": "github", "name": "Old", "state": "failing", "history": []})
    assert inst.state is InstanceState.FAILING


def test_report_and_history_have_a_line_of_their_own():
    run = Verification(at=AT, ready=False, checks=[PASS, UNDECIDED, MANUAL])
    inst = _instance(run)
    ws = Workspace(name="Acme")
    ws.instances.append(inst)
    built = readiness.build(ws, AT)
    assert built.instances[0].verdict == "Not confirmed"
    assert built.instances[0].not_confirmed == ["Token scopes"]
    assert built.instances[0].by_hand == ["SSO authorised"]
    md = readiness.to_markdown(built)
    assert "Not confirmed" in md and "Not confirmed: Token scopes" in md and "To confirm by hand: SSO authorised" in md
    assert "0 of 1 instances ready, 1 not confirmed" in md
    page = readiness.to_html(built)
    assert "class='Not-confirmed'" in page and ".Not-confirmed" in page
    rows = history.timeline(inst)
    assert rows[0]["verdict"] == "not_confirmed" and rows[0]["not_confirmed"] == ["Token scopes"]
    assert history.verdict_line(rows[0]) == "Not confirmed: Token scopes"


# -- a scope where requirements are checked per project -----------------------------------------------------


@pytest.mark.parametrize("tracker, args", [
    ("hp_alm", ("--user", "alm_admin")),
    ("github", ()),
    ("jira_onprem", ()),
    ("azure_devops", ()),
])
def test_no_scope_is_exit_2_naming_the_option_and_nothing_is_sent(tracker, args, cli, emulators, monkeypatch):
    emulator = emulators.start(tracker)
    secrets = dict(emulator.demo_secrets)
    argv = ["check", tracker, "--url", emulator.url, *args]
    for i, (name, value) in enumerate(secrets.items()):
        monkeypatch.setenv(f"SCOPE_SECRET_{i}", value)
        argv += ["--secret-env", f"{name}=SCOPE_SECRET_{i}"]
    result = cli(*argv)
    assert result.code == 2, result.out + result.err
    assert "--project" in result.err and "none was given" in result.err
    assert emulator.requests == []


def test_stored_instance_without_scope_is_not_checked_with_the_reason():
    from exadesk.verification import engine
    from exadesk.verification.spec import Secrets, Target

    rep = engine.verify(Target(tracker="hp_alm", url="https://alm.example.com/qcbin", auth_method="password",
                               values={"username": "alm_admin"}, secrets=Secrets({"password": "x-Pass-1"})))
    assert rep.verdict is Verdict.NOT_CHECKED and rep.exit_code() == 2
    assert rep.problem.reason == "input.scope_missing" and "--project" in rep.problem.next_step


def test_wizard_scope_step_asks_for_a_scope_where_required():
    from exadesk.services.wizard_flow import WizardFlow, WizardStep

    flow = WizardFlow("hp_alm")
    flow.step = WizardStep.SYNC
    assert not flow.scope_state().ok and "at least one" in flow.scope_state().problem
    assert not flow.can_advance()
    flow.set_scope_text("DEFAULT/Sync_Project")
    assert flow.scope_state().ok and flow.can_advance()
    servicenow = WizardFlow("servicenow")  # a default table: nothing to ask
    servicenow.step = WizardStep.SYNC
    assert servicenow.can_advance()
