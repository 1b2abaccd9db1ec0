"""History and drift: change sentences from stored results, and drift after a permission is removed in the emulator."""

from __future__ import annotations

from datetime import datetime, timezone

from exadesk.foundation.checks import CheckResult, Status
from exadesk.store import history
from exadesk.store.model import Instance, Verification
from tests.commands.workflow import add_github, github_scenario, new_token, stored

NOW = datetime(2026, 11, 24, tzinfo=timezone.utc)


def _run(day: int, status: Status, *, error_kind=None, month: int = 11) -> Verification:
    checks = [] if error_kind else [
        CheckResult("jira_onprem.LINK_ISSUES", status, "Link Issues"),
        CheckResult("jira_onprem.BROWSE_PROJECTS", Status.PASS, "Browse Projects"),
    ]
    return Verification(at=datetime(2026, month, day, 9, tzinfo=timezone.utc), ready=status is Status.PASS,
                        checks=checks, identity="exalate", error_kind=error_kind,
                        error_message="Could not reach jira.example.com." if error_kind else None)


def _instance(*runs: Verification) -> Instance:
    inst = Instance(tracker="jira_onprem", name="Jira", url="https://jira.example.com", auth_method="pat")
    for run in runs:
        inst.record(run)
    return inst


def test_a_removed_permission_reads_as_granted_then_missing():
    inst = _instance(_run(1, Status.PASS), _run(3, Status.PASS), _run(20, Status.FAIL), _run(22, Status.FAIL))
    assert history.drift(inst, NOW) == ["Link Issues: granted on 3 Nov, missing since 20 Nov."]
    (change,) = history.changes(inst, latest_only=True)
    assert change.worse and change.check_id == "jira_onprem.LINK_ISSUES"


def test_nothing_changed_means_no_sentences():
    assert history.drift(_instance(_run(1, Status.PASS), _run(2, Status.PASS)), NOW) == []
    assert history.drift(_instance(), NOW) == []


def test_unreachable_runs_do_not_count_as_changes_but_are_mentioned():
    inst = _instance(_run(3, Status.PASS), _run(20, Status.PASS, error_kind="network"))
    sentences = history.drift(inst, NOW)
    assert len(sentences) == 1 and sentences[0].startswith("The last attempt on 20 Nov was inconclusive")
    assert history.timeline(inst)[0]["conclusive"] is False


def test_a_fix_after_a_regression_shows_only_the_latest_change():
    inst = _instance(_run(1, Status.PASS), _run(5, Status.FAIL), _run(9, Status.PASS))
    assert history.drift(inst, NOW) == ["Link Issues: missing on 5 Nov, granted since 9 Nov."]
    assert len(history.changes(inst)) == 2


def test_other_years_are_spelt_out():
    inst = _instance(_run(3, Status.PASS, month=12), _run(20, Status.FAIL))
    inst.history[0].at = inst.history[0].at.replace(year=2025)
    assert history.drift(inst, NOW) == ["Link Issues: granted on 3 Dec 2025, missing since 20 Nov."]


def test_drift_after_admin_is_removed_in_the_emulator(emulators, cli, monkeypatch):
    token = new_token()
    emulator = emulators.start("github", github_scenario(token))
    add_github(cli, monkeypatch, emulator.url, "site", token)
    assert cli("check", "--instance", "site", "--json").code == 0
    # The organisation demotes the proxy user from admin to write access.
    emulator.scenario["repos"]["acme/website"]["collaborators"]["exalate-proxy"] = "push"
    assert cli("check", "--instance", "site", "--json").code == 1
    inst = stored("site")
    assert len(inst.history) == 2
    sentences = history.drift(inst)
    assert len(sentences) == 1
    assert sentences[0].startswith("Proxy user is repository admin or organisation owner: granted on ")
    assert ", missing since " in sentences[0]
    result = cli("history", "site", "--json")
    assert result.code == 0 and result.json()["changes"] == sentences
    assert [r["ready"] for r in result.json()["runs"]] == [False, True]
    assert token not in result.out


def test_history_command_prints_each_runs_verdict_in_words(cli, exadesk_home):
    from exadesk.foundation.checks import CheckResult, Status
    from exadesk.store.model import Instance, Verification, Workspace
    from exadesk.store.storage import Store

    undecided = CheckResult("github.repo", Status.UNKNOWN, "Token scopes", "not sent")
    failing = CheckResult("github.admin", Status.FAIL, "Repository admin", "push only")
    inst = Instance(tracker="github", name="site", url="https://github.com", auth_method="classic")
    inst.record(Verification(at=NOW, ready=False, checks=[failing]))
    inst.record(Verification(at=NOW, ready=False, checks=[undecided]))
    ws = Workspace(name="Acme")
    ws.instances.append(inst)
    Store().update(lambda data: data.workspaces.append(ws))
    result = cli("history", "site")
    assert result.code == 0
    lines = [line.strip() for line in result.out.splitlines() if line.startswith("  20")]
    assert lines[0].endswith("Not confirmed: Token scopes") and lines[1].endswith("Not ready: Repository admin")
    assert [r["verdict"] for r in cli("history", "site", "--json").json()["runs"]] == ["not_confirmed", "not_ready"]


def _scoped(day: int, status: Status, scope: list[str] | None) -> Verification:
    run = _run(day, status)
    run.scope = scope
    return run


def test_a_project_removed_from_scope_reads_as_a_scope_change_not_a_permission_change():
    # Browse was missing for OPS; OPS left the scope the same day, so the check passes: nothing was granted.
    inst = _instance(_scoped(6, Status.FAIL, ["SUP", "OPS"]), _scoped(6, Status.PASS, ["SUP"]))
    (sentence,) = history.drift(inst, NOW)
    assert sentence == ("Link Issues: granted since 6 Nov, when OPS was removed from the scope (a scope change, "
                        "not a change on the tracker).")
    assert "missing on" not in sentence
    # The same status change with an unchanged scope is still reported as a change on the tracker.
    same = _instance(_scoped(6, Status.FAIL, ["SUP"]), _scoped(7, Status.PASS, ["SUP"]))
    assert history.drift(same, NOW) == ["Link Issues: missing on 6 Nov, granted since 7 Nov."]
    assert history.scope_change(["SUP"], ["SUP", "OPS", "WEB"]) == "OPS, WEB were added to the scope"
    assert history.scope_change(None, ["SUP"]) == ""  # runs stored before scopes were recorded say nothing


def test_recording_a_run_keeps_the_scope_it_checked():
    from exadesk.services import instances
    from exadesk.foundation.checks import Report

    inst = Instance(tracker="jira_onprem", name="Jira", url="https://jira.example.com", auth_method="pat",
                    scope=["SUP", "OPS"])
    instances.record(inst, Report(tracker="jira_onprem", url=inst.url, finished_at=NOW))
    inst.scope = ["SUP"]
    instances.record(inst, Report(tracker="jira_onprem", url=inst.url, finished_at=NOW))
    assert [v.scope for v in inst.history] == [["SUP", "OPS"], ["SUP"]]
    assert Verification.from_json(inst.history[0].to_json()).scope == ["SUP", "OPS"]
    assert Verification.from_json({"at": NOW.isoformat(), "ready": True}).scope is None
