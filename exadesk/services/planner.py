"""The admin access planner: who may configure a connection, and whether they can.

The rules come from the seeds' "Administrator types": a local admin on each
side for any mode; one person who is admin on both systems for Visual; a
project admin suffices for Basic on Jira Cloud (app 5.2.0 and later); a
delegated admin needs the ``exalate_console_admin`` group (created by a system
admin) and project-admin rights, except on Jira on-premise; Zendesk and
Salesforce have their own options; and a project admin in that group cannot
accept Public Basic or Visual connections started from the other side.

The facts come from admin reports made by :func:`exadesk.verification.engine.verify_admin`
with each admin's own credential; without fresh reports, the last stored
verification of each side's admin credential is used (``exadesk plan`` stores it).
"""

from __future__ import annotations

import dataclasses
from dataclasses import field

import re

from exadesk.foundation.checks import Identity, Report, Status
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.foundation.records import dataclass
from exadesk.store.model import ConfigMode, Connection, Instance, Workspace
from exadesk.verification.spec import CONSOLE_GROUP, AdminPolicy
ADMIN_KINDS = ("system_admin", "project_admin", "console_group_member", "console_group_exists")
ADMIN_TYPES = {
    "system": "Local (system) administrator",
    "project": "Project administrator (Jira Cloud, Basic mode only)",
    "delegated": f"Delegated administrator (member of {CONSOLE_GROUP})",
}

WHY_ADMIN = (
    "Why administrator rights at all: in the Visual and Scripted modes an integration runs scripts that can read and "
    "change any data the proxy user can reach, on both sides. Whoever configures it therefore holds the keys to both "
    "systems, so access to the integration's console is guarded like the tracker's own admin area. There is no "
    "separate user directory: the tracker's own sign-in and roles decide who may configure it."
)


@dataclass
class PlanItem:
    """One line of the plan: a rule applied to a side (or to both)."""

    id: str
    side: str  # instance name, or "both sides"
    title: str
    why: str
    status: Status = Status.UNKNOWN
    detail: str = ""
    fix: str = ""
    manual: bool = False

    def to_json(self) -> dict:
        return {"id": self.id, "side": self.side, "title": self.title, "why": self.why, "status": self.status.value,
                "detail": self.detail, "fix": self.fix, "manual": self.manual}


@dataclass
class Plan:
    connection: str
    mode: ConfigMode
    items: list[PlanItem] = field(default_factory=list)
    why_admin: str = WHY_ADMIN
    problems: list = field(default_factory=list)  # Problems of admin runs that could not finish

    @property
    def undecided(self) -> list[PlanItem]:
        """Items an API could decide but nothing did yet (no admin credential, or the run stopped)."""
        return [i for i in self.items if i.status is Status.UNKNOWN and not i.manual]

    @property
    def ready(self) -> bool:
        return self.exit_code() == 0

    def exit_code(self) -> int:
        """Same meaning as ``exadesk check``: 0 ready, 1 not ready, 3 inconclusive.

        Manual items do not block (as in ``check``); an item left undecided for want of a
        credential or an answer makes the plan inconclusive.
        """
        if any(i.status is Status.FAIL for i in self.items):
            return 1
        if self.problems:
            definitive = [p for p in self.problems if p.kind.definitive]
            return 1 if definitive else 3
        return 3 if self.undecided else 0

    def to_json(self) -> dict:
        return {"connection": self.connection, "mode": self.mode.value, "ready": self.ready,
                "why_admin": self.why_admin, "items": [i.to_json() for i in self.items],
                "errors": [p.to_json() for p in self.problems]}


def _admin_status(report: Report | None, tracker_id: str, kind: str) -> tuple[Status, str, str, bool]:
    """Status, detail, fix and manual flag of one admin kind in an admin report."""
    from exadesk.verification import registry

    spec = registry.get(tracker_id).spec
    requirement = spec.admin_requirements.get(kind)
    if requirement is None:
        if spec.admin_requirements:
            # The tracker's admin catalogue exists and leaves this kind out: it does not exist there.
            return Status.SKIPPED, f"Not applicable: {spec.name} has no {_KIND_WORDS[kind]}.", "", False
        return (Status.UNKNOWN, f"ExaDesk cannot check this on {spec.name} yet; confirm by hand that the person is "
                                f"a {_KIND_WORDS[kind]}.", "", True)
    if report is None:
        steps = " ".join(f"{i}. {s}" for i, s in enumerate(requirement.steps, 1))
        return (Status.UNKNOWN, "No admin credential of this side has been checked yet." + (f" {steps}" if steps else ""),
                requirement.fix, requirement.manual)
    check_id = spec.check_id(requirement.key)
    for check in report.checks:
        if check.id == check_id:
            return check.status, check.detail, check.fix, check.manual
    if report.problem is not None:
        return Status.UNKNOWN, report.problem.text(), requirement.fix, False
    return Status.UNKNOWN, "Not checked.", requirement.fix, requirement.manual


_KIND_WORDS = {"system_admin": "system administrator", "project_admin": "project administrator",
               "console_group_member": f"{CONSOLE_GROUP} group", "console_group_exists": f"{CONSOLE_GROUP} group"}


def _handles(identity: Identity) -> set[str]:
    """Names a person goes by: display name, login, and the local part of an email login."""
    out = {x.strip().lower() for x in (identity.login, identity.name) if x and x.strip()}
    out |= {x.split("@", 1)[0] for x in list(out) if "@" in x}
    return out


def _same_person(a: Report | None, b: Report | None) -> bool | None:
    """Whether two admin reports name the same person; None when either is unknown.

    Trackers do not share an identity, so this compares what each shows (name, login, email);
    a mismatch is a warning, not a proof of two people.
    """
    if not (a and b and a.identity and b.identity):
        return None
    return bool(_handles(a.identity) & _handles(b.identity))


def admin_targets(workspace: Workspace, connection: Connection, *, settings=None, secrets=None) -> dict:
    """What to verify for each side with an admin credential: side id -> (admin instance, Target or Problem).

    The target's scope is the side's (the projects the connection syncs), unless the side names none.
    A secret missing from the keychain gives the Problem instead of a target.
    """
    from exadesk.services import instances

    out = {}
    for side_id, admin_id in connection.admins.items():
        admin, side = workspace.instance(admin_id), workspace.instance(side_id)
        if admin is None:
            continue
        target, problems = instances.target_for(admin, workspace, secrets=secrets, settings=settings)
        if side is not None and side.scope:
            target = dataclasses.replace(target, scope=list(side.scope))
        out[side_id] = (admin, problems[0] if problems else target)
    return out


def stored_reports(workspace: Workspace, connection: Connection) -> dict[str, Report]:
    """Admin reports rebuilt from the last stored verification of each side's admin credential."""
    out: dict[str, Report] = {}
    for side_id, admin_id in connection.admins.items():
        admin = workspace.instance(admin_id)
        last = admin.last if admin else None
        if last is None:
            continue
        report = Report(tracker=admin.tracker, url=admin.url, checks=list(last.checks), finished_at=last.at)
        # The stored label is "Name (login)" or one of them.
        match = re.fullmatch(r"(.*) \((.*)\)", last.identity or "")
        report.identity = (Identity(name=match.group(1), login=match.group(2)) if match
                           else Identity(name=last.identity) if last.identity else None)
        if last.error_kind:
            try:
                kind = ErrorKind(last.error_kind)
            except ValueError:
                kind = ErrorKind.UNEXPECTED_RESPONSE
            report.problem = Problem(kind, last.error_message or "", reason=last.error_reason or "")
        out[side_id] = report
    return out


def _tracker_name(tracker_id: str) -> str:
    from exadesk.verification import registry

    return registry.get(tracker_id).spec.name


def _policy(tracker_id: str) -> AdminPolicy:
    from exadesk.verification import registry

    return registry.get(tracker_id).spec.admin_policy


def _no_console_group(tracker_id: str) -> bool:
    """The tracker's admin catalogue exists and has no console group: delegation does not exist there."""
    from exadesk.verification import registry

    admin = registry.get(tracker_id).spec.admin_requirements
    return bool(admin) and "console_group_member" not in admin


def _combine(*statuses: Status) -> Status:
    if any(s is Status.FAIL for s in statuses):
        return Status.FAIL
    if all(s is Status.PASS for s in statuses):
        return Status.PASS
    return Status.UNKNOWN


SIDE_WORDS = {"left": "left side", "right": "right side"}
#: What a connection shows in place of an instance that no longer exists.
REMOVED_INSTANCE = "(instance removed)"


def missing_sides(workspace: Workspace, connection: Connection) -> list[str]:
    """The sides (``"left"``, ``"right"``) whose instance is no longer in the workspace."""
    return [side for side in ("left", "right") if workspace.instance(getattr(connection, side)) is None]


def side_names(workspace: Workspace, connection: Connection) -> tuple[str, str]:
    """The names of both sides' instances, :data:`REMOVED_INSTANCE` for a side that is gone (never a raw id)."""
    return tuple(inst.name if inst else REMOVED_INSTANCE  # type: ignore[return-value]
                 for inst in (workspace.instance(connection.left), workspace.instance(connection.right)))


def _missing_side_item(workspace: Workspace, connection: Connection, side: str) -> PlanItem:
    """A failing item for a side whose instance was removed: nothing can be configured there."""
    other = workspace.instance(connection.right if side == "left" else connection.left)
    return PlanItem(
        f"plan.side_missing.{side}", SIDE_WORDS[side].capitalize(), f"The {SIDE_WORDS[side]} has an instance",
        "A connection joins two instances; each side's administrator configures the integration there.",
        Status.FAIL,
        f"The instance on the {SIDE_WORDS[side]} no longer exists in {workspace.name} (it was removed)"
        + (f"; the other side is {other.name}." if other else "."),
        "Choose the instance for this side again: in the window, the connection's Edit; on the command line, "
        f"`exadesk connect` with --name {_quote(connection.name)} and both sides. Or remove the connection.")


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def plan_for(workspace: Workspace, connection: Connection,
             admin_reports: dict[str, Report] | None = None) -> Plan:
    """The plan for ``connection``; ``admin_reports`` maps a side's instance id to its admin report.

    Without ``admin_reports`` the last stored admin verifications are used (see :func:`stored_reports`).
    """
    reports = stored_reports(workspace, connection) if admin_reports is None else admin_reports
    plan = Plan(connection=connection.name, mode=connection.mode)
    sides: list[Instance] = [i for i in (workspace.instance(connection.left), workspace.instance(connection.right)) if i]
    plan.items.extend(_missing_side_item(workspace, connection, side) for side in missing_sides(workspace, connection))
    plan.problems = [r.problem for r in reports.values() if r is not None and r.problem is not None]
    for side in sides:
        kind = connection.admin_kinds.get(side.id, "system")
        plan.items.extend(_side_items(kind, side, reports.get(side.id), connection.mode))
    if connection.mode is ConfigMode.VISUAL and len(sides) == 2:
        plan.items.insert(0, _visual_admin_item(sides, reports))
    return plan


def _side_items(kind: str, side: Instance, report: Report | None, mode: ConfigMode) -> list[PlanItem]:
    """The items of one side, by the kind of administrator who configures it."""
    if kind == "project":
        return _project_admin_items(side, report, mode)
    if kind == "delegated" and _no_console_group(side.tracker):
        return [_delegated_unavailable_item(side)]
    if kind == "delegated":
        return _delegated_items(side, report, mode)
    return [PlanItem(f"plan.local_admin.{side.id}", side.name, "A local administrator configures this side",
                     "Each side is configured by its own administrator; every mode needs one.",
                     *_admin_status(report, side.tracker, "system_admin"))]


def _project_admin_items(side: Instance, report: Report | None, mode: ConfigMode) -> list[PlanItem]:
    """A project administrator sets up Basic where the tracker's policy allows it, with the app version to confirm."""
    tracker = side.tracker
    allowed = _policy(tracker).project_admin_basic and mode is ConfigMode.BASIC
    item = PlanItem(f"plan.project_admin.{side.id}", side.name, "Project administrator may set up Basic",
                    "On Jira Cloud (app version 5.2.0 and later) a project admin may set up Basic connections "
                    "without system admin rights. Basic only lets them initiate and accept connections.")
    if not allowed:
        item.status = Status.FAIL
        item.detail = ("A project administrator can configure only Basic connections, and only on Jira Cloud; "
                       f"this side is {tracker.replace('_', ' ')} in {mode.value} mode.")
        item.fix = "Have a system administrator of this side configure it, or a delegated administrator."
    else:
        item.status, item.detail, item.fix, item.manual = _admin_status(report, tracker, "project_admin")
    version = PlanItem(
        f"plan.app_version.{side.id}", side.name, "Integration app is version 5.2.0 or later",
        "Project-level administration arrived in version 5.2.0 of the Jira Cloud app.", Status.UNKNOWN,
        "The app's version is shown in Jira (Apps, Manage apps); no read-only API of Jira shows it reliably.",
        "Update the app from Apps, Manage apps if it is older than 5.2.0.", manual=True)
    return [item, version]


def _delegated_unavailable_item(side: Instance) -> PlanItem:
    name = _tracker_name(side.tracker)
    return PlanItem(
        f"plan.delegated_unavailable.{side.id}", side.name, "Delegated administration is available",
        f"A delegated administrator is a member of {CONSOLE_GROUP}, a group of the tracker itself.",
        Status.FAIL, f"{name} has no {CONSOLE_GROUP} group, so it has no delegated administrators.",
        f"Have a local administrator of {name} configure this side (admin kind 'system').")


def _delegated_items(side: Instance, report: Report | None, mode: ConfigMode) -> list[PlanItem]:
    """A delegated administrator: the console group, its membership, the tracker's own extra steps and rules."""
    tracker = side.tracker
    exists = _admin_status(report, tracker, "console_group_exists")
    member = _admin_status(report, tracker, "console_group_member")
    items = [
        PlanItem(f"plan.console_group_exists.{side.id}", side.name, f"Group {CONSOLE_GROUP} exists",
                 "A delegated administrator is anyone in this group; only a system administrator can create it.",
                 exists[0], exists[1],
                 exists[2] or f"Ask a system administrator to create the group {CONSOLE_GROUP}.", exists[3]),
        PlanItem(f"plan.console_group_member.{side.id}", side.name, f"Administrator is in {CONSOLE_GROUP}",
                 "Membership is what grants console access to a non-system administrator.", member[0], member[1],
                 member[2] or f"Ask a system administrator to add the person to {CONSOLE_GROUP}.", member[3]),
    ]
    policy = _policy(tracker)
    if policy.delegated_needs_project_admin:
        items.append(PlanItem(
            f"plan.delegated_project_admin.{side.id}", side.name, "Delegated administrator is project admin",
            "Besides the group, a delegated administrator needs project-admin rights (not on Jira "
            "on-premise).", *_admin_status(report, tracker, "project_admin")))
    items.extend(PlanItem(f"plan.{step.key}.{side.id}", side.name, step.title, step.why,
                          Status.UNKNOWN, step.detail, step.fix, manual=True) for step in policy.delegated_steps)
    if mode in (ConfigMode.BASIC, ConfigMode.VISUAL):
        items.append(_accept_rule_item(side, _admin_status(report, tracker, "system_admin")[0]))
    return items


def _accept_rule_item(side: Instance, system_admin: Status) -> PlanItem:
    """A delegated project admin cannot accept Public Basic or Visual invitations, unless also system admin."""
    rule = PlanItem(
        f"plan.accept_rule.{side.id}", side.name, "Cannot accept Public Basic or Visual invitations",
        f"A project admin who is in {CONSOLE_GROUP} cannot accept Public Basic or Visual connections "
        "initiated from the remote side.", Status.WARN,
        "Start the connection from this side, or have a system administrator accept the invitation.",
        "Initiate the connection from this side instead of accepting it.")
    if system_admin is Status.PASS:
        rule.status, rule.fix = Status.SKIPPED, ""
        rule.detail = "Does not apply: the person is also a system administrator, who may accept."
    return rule


def _visual_admin_item(sides: list[Instance], reports: dict[str, Report]) -> PlanItem:
    """Visual mode: one person is administrator on both systems, as both sides' admin reports show."""
    a, b = sides
    both = [_admin_status(reports.get(s.id), s.tracker, "system_admin")[0] for s in sides]
    same = _same_person(reports.get(a.id), reports.get(b.id))
    item = PlanItem("plan.visual_admin_both", "both sides", "One person is administrator on both systems",
                    "Visual mode is configured in one place for both sides, so both sides verify that the same "
                    "person is admin on each before a Visual connection can be configured.")
    status = _combine(*both)
    if status is Status.FAIL:
        failing = [s.name for s, st in zip(sides, both) if st is Status.FAIL]
        item.detail = f"The person is not an administrator on: {', '.join(failing)}."
    elif status is Status.PASS and same is False:
        status = Status.WARN
        item.detail = (f"The admin credentials name {reports[a.id].identity.label()} on {a.name} and "
                       f"{reports[b.id].identity.label()} on {b.name}: make sure they are one person.")
    elif status is Status.PASS and same:
        item.detail = f"{reports[a.id].identity.label()} is administrator on both."
    else:
        status = Status.UNKNOWN
        item.detail = "Verify an admin credential of the same person on both sides to confirm."
    item.status = status
    if status is not Status.PASS:
        item.fix = ("Use Basic or Scripted mode, or have one person who is administrator on both systems "
                    "configure the Visual connection.")
    return item
