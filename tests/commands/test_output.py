"""What a person reads after a check: who signed in, which proxy user, and a rejected credential folded to one line."""

from __future__ import annotations

from exadesk.foundation.checks import Status, fold_not_run, not_run_line
from exadesk.foundation.words import plural
from exadesk.services import instances, report as readiness
from exadesk.store.model import Instance, Workspace
from exadesk.verification import engine
from exadesk.verification.spec import Secrets, Target
from tests.helpers.built_trackers import demo_command


def _human(args: list[str]) -> list[str]:
    return [a for a in args if a != "--json"]


def _rejected(emulators, monkeypatch, cli, tracker="jira_cloud", *extra):
    emulator = emulators.start(tracker)
    secrets = {name: value[:-4] + "ZZZZ" for name, value in emulator.demo_secrets.items()}
    args = demo_command(emulator, tracker, monkeypatch, secrets)
    return emulator, cli(*_human(args), *extra), cli(*args, *extra)


def test_plural_helper_says_one_and_many():
    assert plural(1, "{count} instance", "{count} instances") == "1 instance"
    assert plural(0, "{count} instance", "{count} instances") == "0 instances"
    assert not_run_line(11) == "11 checks could not run until sign-in works."
    assert not_run_line(1) == "1 check could not run until sign-in works."
    assert not_run_line(3, "cancelled") == "3 checks did not run: the verification was cancelled."


def test_a_rejected_credential_shows_the_sign_in_problem_and_one_line_for_the_rest(emulators, monkeypatch, cli):
    emulator, human, machine = _rejected(emulators, monkeypatch, cli)
    data = machine.json()
    assert data["error"]["kind"] == "auth"
    undecided = [c for c in data["checks"] if c["status"] == "unknown"]
    assert len(undecided) >= 5  # --json keeps every check for scripts
    out = human.out
    assert f"{len(undecided)} checks could not run until sign-in works." in out
    assert data["error"]["next_step"] in out  # the sign-in fix is shown once
    for check in undecided:
        assert check["title"] not in out  # each not-run check is folded, not listed with its fix
    assert "(Jira Cloud)" in out and "(jira_cloud)" not in out


def test_jira_cloud_says_who_signed_in_and_which_proxy_user_was_checked(emulators, monkeypatch, cli):
    emulator = emulators.start("jira_cloud")
    args = demo_command(emulator, "jira_cloud", monkeypatch)
    data = cli(*args).json()
    assert data["signed_in"]["kind"] == "admin" and data["identity"]["kind"] == "app"
    out = cli(*_human(args)).out
    signed = next(line for line in out.splitlines() if "Signed in as:" in line)
    checked = next(line for line in out.splitlines() if "Proxy user checked:" in line)
    assert data["identity"]["name"] not in signed  # the app user is not who signed in
    assert data["signed_in"]["name"] in signed and data["identity"]["name"] in checked


def test_a_tracker_where_the_proxy_user_signs_in_itself_names_it_once(emulators, monkeypatch, cli):
    emulator = emulators.start("github")
    out = cli(*_human(demo_command(emulator, "github", monkeypatch))).out
    assert "Signed in as:" in out and "Proxy user checked:" not in out


def test_the_report_folds_checks_that_never_ran_after_a_rejected_credential(emulators):
    emulator = emulators.start("jira_cloud")
    secrets = {name: value[:-4] + "ZZZZ" for name, value in emulator.demo_secrets.items()}
    values = {}
    args = emulator.demo_args
    for flag, value in zip(args[::2], args[1::2]):
        if flag == "--user":
            values["email"] = value
    target = Target(tracker="jira_cloud", url=emulator.url, values=values, secrets=Secrets(secrets),
                    scope=["SUP"])
    result = engine.verify(target)
    assert result.problem is not None and result.problem.kind.value == "auth"
    shown, folded = fold_not_run(result.checks, result.problem.kind)
    assert folded and all(c.status is Status.UNKNOWN for c in folded)
    inst = Instance(tracker="jira_cloud", name="Acme Jira", url=emulator.url, auth_method="api_token")
    instances.record(inst, result)
    ws = Workspace(name="Acme", instances=[inst])
    for fmt in ("md", "html"):
        text = readiness.render(ws, fmt)
        assert not_run_line(len(folded)) in text
        assert all(c.fix not in text for c in folded if c.fix)
