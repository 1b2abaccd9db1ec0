"""Admin-credential runs against an emulator, and the plan they feed (tracker admin tests share these)."""

from __future__ import annotations

from exadesk.foundation.checks import Report, Status
from exadesk.services.planner import Plan, plan_for
from exadesk.store.model import ConfigMode, Connection, Instance, Workspace
from exadesk.verification import engine
from exadesk.verification.spec import Secrets, Target


def run_admin(emulator, secrets: dict[str, str], *, auth_method: str = "", values: dict[str, str] | None = None,
              scope: tuple[str, ...] = ()) -> Report:
    """``engine.verify_admin`` with the given credential; asserts it sent only reads (token calls aside) and that
    no secret reached the report."""
    seen = len(emulator.requests)
    target = Target(tracker=emulator.tracker, url=emulator.url, auth_method=auth_method, values=dict(values or {}),
                    secrets=Secrets(secrets), scope=list(scope), timeout=10)
    report = engine.verify_admin(target)
    for request in emulator.requests[seen:]:
        assert request.method == "GET" or "token" in request.path, f"{request.method} {request.path} is not a read"
    text = repr([c.to_json() for c in report.checks]) + repr(report.problem and report.problem.to_json())
    for value in secrets.values():
        assert value not in text, "a secret leaked into the admin report"
    return report


def statuses(report: Report) -> dict[str, Status]:
    return {c.id: c.status for c in report.checks}


def plan_with(tracker: str, report: Report, *, mode: ConfigMode, kind: str = "system",
              other: tuple[str, Report | None] = ("github", None)) -> Plan:
    """The plan of a connection between ``tracker`` (admin kind ``kind``, checked in ``report``) and another side."""
    here = Instance(tracker=tracker, name="Here", url=report.url, auth_method="")
    there = Instance(tracker=other[0], name="There", url="https://example.invalid", auth_method="")
    workspace = Workspace(name="Admin test", instances=[here, there])
    connection = Connection(name="c", left=here.id, right=there.id, mode=mode, admin_kinds={here.id: kind})
    reports = {here.id: report}
    if other[1] is not None:
        reports[there.id] = other[1]
    return plan_for(workspace, connection, reports)


def item(plan: Plan, prefix: str, side: str = "Here"):
    """The one plan item of ``side`` (or of both sides) whose id starts with ``prefix``."""
    found = [i for i in plan.items if i.id.startswith(prefix) and i.side in (side, "both sides")]
    assert len(found) == 1, [i.id for i in plan.items]
    return found[0]
