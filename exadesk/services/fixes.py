"""Fix it for me: with an administrator's credential, apply the narrowest grant a failing check needs.

Verification only reads; fixing is a separate action the person starts (``exadesk fix``). A tracker module
declares its fixes as data (:class:`Fix` in its ``FIXES``): the requirement keys it fixes, a small function that
reads the current state with GETs and returns the :class:`Change` list (each change in words, the exact request,
its inverse, what else it touches), what an administrator needs to make it, and the vendor's reference.

This module builds the :class:`FixPlan` from a fresh verification, applies it in order with the workspace's
admin instance's credential (never the proxy user's), stops at the first refusal, records every applied change
with its inverse in the workspace's fix history, undoes a run in reverse order, and verifies again. The HTTP
client it makes is the only one with ``verifying=False``; verification never gets it.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable
from dataclasses import field, replace

from exadesk.foundation import clock, messages
from exadesk.foundation.checks import Report, Status
from exadesk.foundation.errors import CheckError, ExaDeskError, Problem
from exadesk.foundation.messages import FIX_WORDS
from exadesk.foundation.records import dataclass
from exadesk.store.model import FixRun, Instance, Workspace, new_id
from exadesk.verification.changes import Call, Change, Fix, FixContext
from exadesk.verification.redact import Redactor
from exadesk.verification.spec import Target, normalise_url

#: Check statuses a fix is offered for: a missing grant (fail) and a flagged one (warn, such as a role
#: ServiceNow will soon require).
FIXABLE = (Status.FAIL, Status.WARN)


class FixError(ExaDeskError):
    """A fix that cannot start (no admin instance, a secret missing): nothing was sent."""


def fixes_of(tracker_id: str) -> dict[str, Fix]:
    """Requirement key -> the tracker's fix for it."""
    from exadesk.verification import registry

    declared = getattr(registry.get(tracker_id).module, "FIXES", ())
    return {key: fix for fix in declared for key in fix.keys}


def not_fixable_of(tracker_id: str) -> dict[str, str]:
    """Requirement key -> why the tracker declares no fix for it, in a sentence (its module's ``NOT_FIXABLE``, next
    to ``FIXES``). A requirement is fixed, manual, or has its reason here (scripts/fix_table.py lists them)."""
    from exadesk.verification import registry

    return dict(getattr(registry.get(tracker_id).module, "NOT_FIXABLE", {}))


def fixable_checks(instance: Instance) -> list[str]:
    """Ids of the checks of the instance's last verification that failed (or warned) and have a declared fix."""
    return fixable_in(instance.tracker, instance.last.checks) if instance.last is not None else []


def fixable_in(tracker_id: str, checks) -> list[str]:
    """Ids of ``checks`` (check results of ``tracker_id``) that failed (or warned) and have a declared fix."""
    try:
        declared = fixes_of(tracker_id)
    except KeyError:
        return []
    prefix = f"{tracker_id}."
    return [c.id for c in checks if c.status in FIXABLE and c.id.startswith(prefix)
            and c.id[len(prefix):] in declared]


# -- the plan ---------------------------------------------------------------------------------


@dataclass
class FixPlan:
    """What ``exadesk fix`` shows before anything is sent."""

    workspace: Workspace
    instance: Instance
    admin: Instance
    admin_user: str
    before: Report
    changes: list[Change] = field(default_factory=list)
    by_hand: list[tuple[str, str]] = field(default_factory=list)  # (check title, why no API fix)
    needs: dict[str, str] = field(default_factory=dict)  # check id -> what the admin needs for its fix

    @property
    def to_apply(self) -> list[Change]:
        return [c for c in self.changes if not c.done]

    def only(self, chosen: Iterable[int]) -> FixPlan:
        """The same plan with just the changes at the positions ``chosen`` (in :attr:`changes`), in the plan's order:
        what the person ticked in the window. Applying it keeps every rule of :func:`apply` (read again first, stop
        at a refusal, record, verify again); the changes left out are not sent."""
        keep = set(chosen)
        return replace(self, changes=[c for i, c in enumerate(self.changes) if i in keep])

    def to_json(self) -> dict:
        return {"instance": self.instance.name, "admin": self.admin.name, "admin_user": self.admin_user,
                "changes": [c.to_json() for c in self.changes],
                "by_hand": [{"check": title, "why": why} for title, why in self.by_hand],
                "before": _statuses(self.before)}


def admin_for(workspace: Workspace, instance: Instance) -> Instance | None:
    """The workspace's admin instance for ``instance``: a connection's admin of that side, else an admin
    credential (role admin) of the same tracker and address; on Jira Cloud, whose credential is itself an
    administrator's (the app user has none), the instance itself."""
    from exadesk.verification import registry

    for connection in workspace.connections:
        admin = workspace.instance(connection.admins.get(instance.id, ""))
        if admin is not None and admin.tracker == instance.tracker:
            return admin
    site = normalise_url(instance.url).lower()
    for other in workspace.instances:
        if other.role == "admin" and other.tracker == instance.tracker and normalise_url(other.url).lower() == site:
            return other
    method = registry.get(instance.tracker).spec.auth_method(instance.auth_method)
    return instance if method is not None and method.admin_credential else None


def plan(workspace: Workspace, instance: Instance, *, secrets=None, settings=None, report: Report | None = None,
         cancel: threading.Event | None = None, only: Collection[str] | None = None) -> FixPlan:
    """Verify ``instance`` (unless ``report`` is given) and plan the fixes of its failing checks; with ``only`` (check
    ids), of those checks alone (a per-finding Fix…, ``exadesk fix --check``).

    Raises:
        FixError: no admin instance, or a secret of it is missing; nothing was sent.
    """
    from exadesk.verification import engine, registry

    tracker = registry.get(instance.tracker)
    admin = admin_for(workspace, instance)
    if admin is None:
        raise FixError(messages.problem("fix.no_admin", instance=instance.name, tracker=tracker.spec.name,
                                        tracker_id=tracker.id, workspace=workspace.name))
    proxy_target, admin_target = _targets(workspace, instance, admin, secrets, settings)
    before = report or engine.verify(proxy_target, cancel=cancel)
    declared, reasons = fixes_of(instance.tracker), not_fixable_of(instance.tracker)
    result = FixPlan(workspace, instance, admin, _user_of(admin, admin_target), before)
    ctx = _context(tracker.spec, admin_target, proxy_target, cancel, before.identity)
    prefix = f"{tracker.spec.id}."
    for check in before.checks:
        if check.status not in FIXABLE or not check.id.startswith(prefix) or only is not None and check.id not in only:
            continue
        key = check.id[len(prefix):]
        fix = declared.get(key)
        if fix is None:
            if check.status is Status.FAIL:  # the tracker's own reason where it declares one
                why = reasons.get(key) or messages.problem("fix.no_api", tracker=tracker.spec.name).message
                result.by_hand.append((check.title, why[:1].upper() + why[1:]))
            continue
        result.needs[check.id] = fix.needs
        try:
            planned = {c.call.shown() for c in result.changes}
            # Two checks may need the same change (one role for two permissions, one permission set with Read,
            # Create and Edit): it is listed and sent once.
            result.changes.extend(c for c in fix.plan(ctx, key) if c.call.shown() not in planned)
        except ExaDeskError as exc:  # the admin may not read what the fix needs to know: say so, plan the rest
            result.by_hand.append((check.title, exc.problem.text()))
    return result


# -- applying and undoing -------------------------------------------------------------------------


@dataclass
class Outcome:
    """What applying (or undoing) did: the run recorded, the refusal that stopped it, and before/after."""

    run: FixRun | None
    applied: list[dict]
    refused: Problem | None
    before: Report
    after: Report | None = None

    def to_json(self) -> dict:
        return {"run": self.run.id if self.run else None, "applied": self.applied,
                "refused": self.refused.to_json() if self.refused else None,
                "before": _statuses(self.before), "after": _statuses(self.after) if self.after else {}}


def apply(store, fix_plan: FixPlan, *, secrets=None, settings=None, cancel: threading.Event | None = None) -> Outcome:
    """Send the plan's changes in order with the admin's credential; stop at the first refusal.

    Every change the tracker accepted is recorded (one :class:`FixRun` in the workspace) with its inverse, even
    when a later one is refused, so it can be undone. Then the instance is verified again.
    """
    from exadesk.verification import registry

    tracker = registry.get(fix_plan.instance.tracker)
    proxy_target, admin_target = _targets(fix_plan.workspace, fix_plan.instance, fix_plan.admin, secrets, settings)
    client = _fix_client(tracker, admin_target, cancel)
    run = FixRun(id=new_id(), instance=fix_plan.instance.id, admin=fix_plan.admin.id, by=fix_plan.admin_user,
                 at=clock.now())
    refused = None
    still_needed = _still_needed(tracker, fix_plan, admin_target, proxy_target, cancel)
    for change in fix_plan.to_apply:
        if change.call.shown() not in still_needed:
            continue  # made since the plan was shown (a retry, or someone else): never sent twice
        status, answer, data = _send(client, change.call, Redactor.for_target(admin_target))
        if not 200 <= status < 300:
            refused = messages.problem("fix.refused", tracker=tracker.spec.name, change=change.words,
                                       answer=answer, needs=fix_plan.needs.get(change.check_id, "more rights"),
                                       applied=messages.counted("change", len(run.changes)))
            break
        inverse = change.inverse
        if inverse is not None and change.created_from:
            created = _dig(data, change.created_from)
            inverse = inverse.filled(created) if created else None
        run.changes.append({"check": change.check_id, "words": change.words, "request": change.call.to_json(),
                            "answer": answer, "at": clock.now().isoformat(),
                            "undo": inverse.to_json() if inverse else None,
                            "no_undo": "" if inverse is not None else change.no_inverse or FIX_WORDS["no_created_id"],
                            "undone_at": None})
    if run.changes:
        _record(store, fix_plan.workspace.id, run)
    after = _verify_again(proxy_target, cancel)
    return Outcome(run if run.changes else None, run.changes, refused, fix_plan.before, after)


def undo(store, workspace: Workspace, run_id: str, *, secrets=None, settings=None,
         cancel: threading.Event | None = None) -> Outcome:
    """Reverse a run's applied changes in reverse order; stop at the first refusal. Then verify again.

    Raises:
        FixError: no such run, or its instance or admin instance is gone.
    """
    from exadesk.verification import engine, registry

    run = next((r for r in workspace.fix_runs if r.id == run_id), None)
    if run is None:
        raise FixError(messages.problem("fix.no_run", run=run_id, workspace=workspace.name))
    instance, admin = workspace.instance(run.instance), workspace.instance(run.admin)
    if instance is None or admin is None:
        raise FixError(messages.problem("fix.run_orphaned", run=run_id))
    tracker = registry.get(instance.tracker)
    proxy_target, admin_target = _targets(workspace, instance, admin, secrets, settings)
    before = engine.verify(proxy_target, cancel=cancel)
    client = _fix_client(tracker, admin_target, cancel)
    undone, refused = [], None
    for entry in reversed(run.changes):
        if entry.get("undone_at") or not entry.get("undo"):
            continue
        status, answer, _ = _send(client, Call.from_json(entry["undo"]), Redactor.for_target(admin_target))
        if not 200 <= status < 300 and status != 404:  # 404: already gone, which is what undo wants
            refused = messages.problem("fix.undo_refused", tracker=tracker.spec.name, change=entry["words"],
                                       answer=answer)
            break
        entry["undone_at"], entry["undo_answer"] = clock.now().isoformat(), answer
        undone.append(entry)
    if undone:
        _record(store, workspace.id, run)
    after = _verify_again(proxy_target, cancel)
    return Outcome(run, undone, refused, before, after)


# -- the history of fix runs (what ``exadesk fix --history``, ``--undo`` and the window show) -----------------------


def runs_of(workspace: Workspace, instance_id: str) -> list[FixRun]:
    """The fix runs applied for an instance, newest first."""
    return sorted((r for r in workspace.fix_runs if r.instance == instance_id), key=lambda r: r.at, reverse=True)


def to_undo(run: FixRun) -> list[dict]:
    """The changes of a run an undo reverses, in the order it reverses them (newest first)."""
    return [entry for entry in reversed(run.changes) if entry.get("undo") and not entry.get("undone_at")]


def run_state(run: FixRun) -> str:
    """``applied``, ``partly undone`` or ``undone``, in words (FIX_WORDS)."""
    undone = sum(1 for entry in run.changes if entry.get("undone_at"))
    key = "state_undone" if undone and undone == len(run.changes) else "state_partly" if undone else "state_applied"
    return FIX_WORDS[key]


def undo_preview(run: FixRun) -> list[str]:
    """What undoing a run will reverse, one line a change (its words and the inverse request), then the applied
    changes no request reverses (with why): the sentence a confirmation names."""
    lines = [f"{entry['words']}: {FIX_WORDS['undo']}: {Call.from_json(entry['undo']).shown()}"
             for entry in to_undo(run)]
    lines += [f"{entry['words']}: {FIX_WORDS['no_undo'].format(why=entry.get('no_undo') or '')}"
              for entry in run.changes if not entry.get("undo") and not entry.get("undone_at")]
    return lines


# -- internals --------------------------------------------------------------------------------------


def _targets(workspace, instance, admin, secrets, settings) -> tuple[Target, Target]:
    from exadesk.services import instances

    proxy_target, problems = instances.target_for(instance, workspace, secrets=secrets, settings=settings)
    if admin.id == instance.id:
        admin_target = proxy_target
    else:
        admin_target, more = instances.target_for(admin, workspace, secrets=secrets, settings=settings)
        problems += more
    if problems:
        raise FixError(problems[0])
    return proxy_target, admin_target


def _user_of(admin: Instance, target: Target) -> str:
    """Who applies the fix: the admin credential's user name (never a secret), or the instance's name."""
    from exadesk.verification import registry

    method = registry.get(admin.tracker).spec.auth_method(admin.auth_method)
    user_field = method.user_field if method else None
    user = target.values.get(user_field.name, "") if user_field else ""
    return f"{admin.name} ({user})" if user else admin.name


def _client_factory(spec, target: Target, cancel: threading.Event):
    from exadesk.verification.http import HttpClient, Page, ProbeGuard

    guard = ProbeGuard()

    def make(base_url: str, auth, *, login_url: str = "", diagnose=None) -> HttpClient:
        page = Page(spec.name, diagnose, login_url, self_hosted=spec.url.self_hosted)
        # The one client that may write: made here only, never handed to verification.
        return HttpClient(base_url=base_url, page=page, auth=auth, guard=guard, cancel=cancel,
                          timeout=(min(10.0, target.timeout), target.timeout), ca_bundle=target.ca_bundle,
                          proxy=target.proxy, verifying=False)

    return make


def _context(spec, admin_target: Target, proxy_target: Target, cancel, proxy_identity=None) -> FixContext:
    cancel = cancel or threading.Event()
    return FixContext(spec, admin_target, proxy_target, _client_factory(spec, admin_target, cancel), cancel,
                      proxy_identity)


def _fix_client(tracker, admin_target: Target, cancel):
    """The admin's writing client, as the tracker's ``fix_client(ctx)`` signs it in."""
    ctx = _context(tracker.spec, admin_target, admin_target, cancel)
    return tracker.module.fix_client(ctx)


def _still_needed(tracker, fix_plan: FixPlan, admin_target: Target, proxy_target: Target, cancel) -> set[str]:
    """The requests of the plan a fresh plan, read again with GETs just before applying, still wants to send.

    A change made since the plan was shown (a retry, someone else) is either marked done or no longer planned (the
    need is met another way): both are left out. When the state can no longer be read, the planned requests are
    sent as shown and the tracker's own answer decides.
    """
    declared = fixes_of(tracker.id)
    ctx = _context(tracker.spec, admin_target, proxy_target, cancel, fix_plan.before.identity)
    prefix = f"{tracker.spec.id}."
    out: set[str] = set()
    for check_id in dict.fromkeys(c.check_id for c in fix_plan.to_apply):
        key = check_id[len(prefix):]
        try:
            out |= {c.call.shown() for c in declared[key].plan(ctx, key) if not c.done}
        except ExaDeskError:
            out |= {c.call.shown() for c in fix_plan.to_apply if c.check_id == check_id}
    return out


def _send(client, call: Call, redact: Redactor) -> tuple[int, str, object]:
    """Send one change; (status, the tracker's answer in a short sentence, decoded body). Never raises for a refusal.

    The answer is shown and stored, so a secret the tracker echoed is masked first.
    """
    try:
        reply = client.request(call.method, call.path, params=dict(call.params) or None, json_body=call.body,
                               allow=range(300, 600), retry=False)
    except CheckError as exc:
        return 0, redact.text(exc.problem.text()), None
    data = reply.json_or_none()
    return reply.status, redact.text(_answer(reply.status, data)), data


def _answer(status: int, data) -> str:
    """The tracker's answer, short: ``HTTP 201`` plus its error text when it gave one."""
    words = _error_words(data)
    text = f"HTTP {status}"
    return f"{text}: {'; '.join(words)[:300]}" if words else text


def _error_words(data) -> list[str]:
    """The error texts of a reply body, in the shapes the trackers use: Salesforce's list of ``{errorCode,
    message}``, Jira's ``errorMessages`` and ``errors`` (a dict; Asana's is a list of ``{message}``), ServiceNow's
    ``error`` object, Zendesk's ``error`` name with its ``description`` and ``details`` (field -> list of
    ``{description}``), and a plain ``message`` (Azure DevOps, GitHub)."""
    if isinstance(data, list):
        return [": ".join(str(e[k]) for k in ("errorCode", "message") if e.get(k)) for e in data if isinstance(e, dict)]
    if not isinstance(data, dict):
        return []
    errors = data.get("errors")
    error = data.get("error") if isinstance(data.get("error"), dict) else {}
    words = [str(m) for m in data.get("errorMessages") or [] if m]
    words += [str(v) for v in errors.values()] if isinstance(errors, dict) else []
    words += [str(e["message"]) for e in errors if isinstance(e, dict) and e.get("message")] \
        if isinstance(errors, list) else []
    words += [str(error[k]) for k in ("message", "detail") if error.get(k)]
    words += _zendesk_words(data) if isinstance(data.get("error"), str) else []
    return words + ([data["message"]] if isinstance(data.get("message"), str) else [])


def _zendesk_words(data: dict) -> list[str]:
    """Zendesk's ``{"error": "RecordInvalid", "description": "...", "details": {field: [{"description"}]}}``."""
    details = data.get("details") if isinstance(data.get("details"), dict) else {}
    said = [str(d["description"]) for found in details.values() if isinstance(found, list)
            for d in found if isinstance(d, dict) and d.get("description")]
    first = ": ".join(str(data[k]) for k in ("error", "description") if isinstance(data.get(k), str) and data[k])
    return [first, *said] if first else said


def _dig(data, path: tuple[str, ...]) -> str:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return str(data) if isinstance(data, (str, int)) and str(data) else ""


def _record(store, workspace_id: str, run: FixRun) -> None:
    def change(data) -> None:
        ws = data.workspace(workspace_id)
        if ws is None:
            return
        ws.fix_runs = [r for r in ws.fix_runs if r.id != run.id] + [run]

    store.update(change)


def _verify_again(target: Target, cancel) -> Report:
    from exadesk.verification import engine

    return engine.verify(target, cancel=cancel)


def _statuses(report: Report) -> dict[str, str]:
    return {c.id: c.status.value for c in report.checks}


__all__ = ["Call", "Change", "Fix", "FixContext", "FixError", "FixPlan", "Outcome", "admin_for", "apply",
           "fixable_checks", "fixable_in", "fixes_of", "not_fixable_of", "plan", "run_state", "runs_of", "to_undo",
           "undo", "undo_preview"]
