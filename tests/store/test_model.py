"""The data model: JSON round trips, sync options, history bounds, lookups."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from exadesk.foundation import clock
from exadesk.foundation.checks import CheckResult, Identity, Report, Status
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.store.model import (Connection, ConfigMode, Data, Instance, InstanceState, Settings, Verification, Workspace,
                           parse_sync)


def _instance(**kw) -> Instance:
    base = dict(tracker="jira_cloud", name="Acme Jira", url="https://acme.atlassian.net", auth_method="api_token",
                values={"email": "sync@acme.example"}, secret_fields=["token"], scope=["ACME"], sync=["comments"])
    base.update(kw)
    return Instance(**base)


def test_instance_round_trip_through_json_text():
    inst = _instance(token_expires_at=datetime(2027, 1, 2, tzinfo=timezone.utc), notes="ü ✓")
    inst.record(Verification(at=clock.now(), ready=False,
                             checks=[CheckResult("jira_cloud.BROWSE_PROJECTS", Status.FAIL, "Browse", "no", "grant")],
                             identity="Sync (sync@acme.example)", error_kind="forbidden", error_reason="forbidden",
                             error_message="Refused."))
    again = Instance.from_json(json.loads(json.dumps(inst.to_json())))
    assert again == inst
    assert again.state is InstanceState.FAILING and again.last.checks[0].status is Status.FAIL


def test_workspace_and_data_round_trip():
    left, right = _instance(), _instance(tracker="github", name="Repo", url="https://github.com", auth_method="classic")
    ws = Workspace(name="Client A", person="me@example.com", instances=[left, right],
                   connections=[Connection("A-B", left.id, right.id, ConfigMode.VISUAL, admins={left.id: right.id})])
    data = Data(workspaces=[ws], settings=Settings(proxy="http://proxy:3128", timeout=7.5))
    again = Data(workspaces=[Workspace.from_json(w.to_json()) for w in data.workspaces],
                 settings=Settings.from_json(data.settings.to_json()))
    assert again == data


def test_history_is_bounded_and_state_follows_the_last_result():
    inst = _instance()
    for i in range(Instance.HISTORY_LIMIT + 5):
        inst.record(Verification(at=clock.now(), ready=i % 2 == 0))
    assert len(inst.history) == Instance.HISTORY_LIMIT
    assert inst.state is (InstanceState.VERIFIED if inst.last.ready else InstanceState.FAILING)


def _stored_instance(history: list) -> dict:
    return {"id": "a1b2c3", "tracker": "github", "name": "Repos", "url": "https://github.com", "history": history}


def test_stored_runs_are_decoded_when_first_read_and_written_back_as_read_until_then():
    run = {"at": "2026-12-01T10:00:00+00:00", "ready": True, "identity": "bot", "a_newer_field": 1,
           "checks": [{"id": "github.repo", "status": "pass", "title": "Token has the repo scope"}]}
    inst = Instance.from_json(_stored_instance([run]))
    assert inst.to_json()["history"] == [run], "never read: written back exactly, newer fields included"
    assert [c.id for c in inst.last.checks] == ["github.repo"] and inst.last.ready
    assert inst.to_json()["history"][0]["checks"][0]["status"] == "pass"


def test_a_stored_run_that_cannot_be_read_is_left_out_and_kept_in_the_file(caplog):
    good = {"at": "2026-12-01T10:00:00+00:00", "ready": False, "checks": []}
    broken = [{"at": "not a date", "ready": True}, {"at": "2026-12-02T10:00:00+00:00"}, "not even an object",
              {"at": None, "ready": True, "checks": [{"id": "x", "status": "no such status"}]}]
    inst = Instance.from_json(_stored_instance([good, *broken]))
    assert [run.at.day for run in inst.history] == [1]
    assert "cannot be read" in caplog.text and "a1b2c3" in caplog.text
    inst.record(Verification(at=clock.now(), ready=True))
    written = inst.to_json()["history"]
    assert written[:4] == broken and len(written) == 6, "the unreadable runs stay in the file"


def test_history_assigned_or_given_is_a_list_of_its_own():
    runs = (Verification(at=clock.now(), ready=True),)
    inst = Instance(tracker="github", name="Repos", url="https://github.com", auth_method="classic", history=runs)
    assert inst.history == list(runs) and isinstance(inst.history, list)
    inst.history = runs[:0]
    first, second = _instance(), _instance()
    first.history.append(runs[0])
    assert inst.history == [] and second.history == [], "no two instances share a default list"


def test_lookups_are_case_insensitive_and_by_id():
    inst = _instance()
    data = Data(workspaces=[Workspace(name="Client A", instances=[inst])])
    assert data.workspace("client a") is data.workspaces[0]
    assert data.find_instance("ACME JIRA")[1] is inst
    assert data.find_instance(inst.id)[1] is inst
    assert data.find_instance("Acme Jira", workspace="other") is None


@pytest.mark.parametrize("text, expected", [
    ("", frozenset()),
    ("comments, Attachments", {"comments", "attachments"}),
    ("security-levels,work-logs,worklog", {"security_levels", "worklogs"}),
    (" , ,service_desk", {"service_desk"}),
])
def test_parse_sync(text, expected):
    assert parse_sync(text) == frozenset(expected)


def test_parse_sync_names_the_unknown_option_and_the_known_ones():
    with pytest.raises(ValueError) as info:
        parse_sync("comments,emails")
    assert "'emails'" in str(info.value) and "security-levels" in str(info.value)


def test_settings_tolerate_missing_keys():
    assert Settings.from_json({}) == Settings()


def test_report_exit_codes_and_json():
    ok = Report(tracker="github", url="https://github.com", checks=[CheckResult("github.repo", Status.PASS, "Repo")])
    assert ok.ready and ok.exit_code() == 0
    failing = Report(tracker="github", url="u", checks=[CheckResult("github.repo", Status.FAIL, "Repo")])
    assert failing.exit_code() == 1
    for kind, code in [(ErrorKind.BAD_INPUT, 2), (ErrorKind.AUTH, 1), (ErrorKind.FORBIDDEN, 1),
                       (ErrorKind.NOT_FOUND, 1), (ErrorKind.NETWORK, 3), (ErrorKind.TLS, 3),
                       (ErrorKind.RATE_LIMITED, 3), (ErrorKind.UNEXPECTED_RESPONSE, 3), (ErrorKind.CANCELLED, 3)]:
        report = Report(tracker="github", url="u", problem=Problem(kind, "m"))
        assert report.exit_code() == code, kind
        assert not report.ready
    report = Report(tracker="github", url="u", identity=Identity(name="P", login="p"))
    data = json.loads(json.dumps(report.to_json()))
    assert set(data) >= {"tracker", "url", "ready", "identity", "checks", "error", "checked_at"}
    assert data["identity"]["login"] == "p"


def test_identity_label():
    assert Identity(name="Proxy", login="proxy@x").label() == "Proxy (proxy@x)"
    assert Identity(login="proxy@x").label() == "proxy@x"
    assert Identity(id="42").label() == "42"
