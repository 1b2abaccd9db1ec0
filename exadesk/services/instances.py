"""Glue between stored instances, the keychain and the check engine (used by CLI and GUI)."""

from __future__ import annotations

import threading
from dataclasses import field
from datetime import datetime, timedelta
from typing import Callable

from exadesk.foundation import clock, messages
from exadesk.foundation.checks import Report
from exadesk.foundation.errors import ErrorKind, KeychainError
from exadesk.foundation.records import dataclass
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Data, Instance, InstanceState, Settings, Verification, Workspace
from exadesk.store.recovery import claim, crash_point
from exadesk.store.storage import Store
from exadesk.verification.http_limits import MAX_PER_HOST
from exadesk.verification.spec import Secrets, Target, normalise_url

#: A verification older than this is "stale" and redone by verify-all.
STALE_AFTER = timedelta(days=7)


def target_for(instance: Instance, workspace: Workspace | None = None, *, secrets: SecretStore | None = None,
               settings: Settings | None = None) -> tuple[Target, list]:
    """Build a verification target; secrets come from the keychain.

    Returns:
        The target and a list of Problems (a secret missing from the keychain).
    """
    from exadesk.verification import tokens

    signed_in = tokens.profile_of(instance) is not None
    problems = []
    values: dict[str, str] = {}
    store = None
    if instance.secret_fields:
        store = secrets or SecretStore()
        for name in instance.secret_fields:
            try:
                value = store.get(instance.id, name)
            except KeychainError as exc:
                problems.append(exc.problem)
                break
            if value:
                values[name] = value
            elif not (signed_in and name == tokens.CACHED_FIELD):  # a missing access token is refreshed
                problems.append(messages.problem("keychain.missing_secret", field=name, instance=instance.name))
    settings = settings or Settings()
    target = Target(
        tracker=instance.tracker, url=instance.url, auth_method=instance.auth_method, values=dict(instance.values),
        secrets=Secrets(values), sync=frozenset(instance.sync), scope=list(instance.scope),
        ca_bundle=instance.ca_bundle or settings.ca_bundle or None, timeout=settings.timeout,
        proxy=settings.proxy or None, person=_people(instance, workspace),
        credentials=tokens.StoredSignIn(instance, store, settings) if signed_in and store is not None else None,
    )
    return target, problems


def _people(instance: Instance, workspace: Workspace | None) -> str:
    """Who is doing the setup: the name the person gave, plus the accounts of admin credentials on the same tracker.

    An admin credential stored for this instance's tracker (same address) belongs to the person doing the setup,
    so a proxy credential of that same account is a person, not a dedicated integration account.
    """
    if workspace is None:
        return ""
    people = [workspace.person] if workspace.person else []
    admin_ids = {a for c in workspace.connections for a in c.admins.values()}
    if instance.role == "admin" or instance.id in admin_ids:
        return ",".join(people)
    url = normalise_url(instance.url).lower()
    for other in workspace.instances:
        if other.id == instance.id or other.tracker != instance.tracker:
            continue
        if (other.role != "admin" and other.id not in admin_ids) or normalise_url(other.url).lower() != url:
            continue
        label = (other.last.identity if other.last else "") or other.proxy_user
        # A stored label reads "Name (login)"; the check compares names and logins, separated by commas.
        name, _, login = label.partition(" (")
        people += [part.replace(",", " ").strip() for part in (name, login.removesuffix(")")) if part.strip()]
    return ",".join(people)


def verification_from(report: Report) -> Verification:
    """What is stored of a report: statuses, texts, identity. Never a secret."""
    return Verification(
        at=report.finished_at or clock.now(), ready=report.ready, checks=list(report.checks),
        identity=report.identity.label() if report.identity else "",
        error_kind=report.problem.kind.value if report.problem else None,
        error_reason=report.problem.reason if report.problem else None,
        error_message=report.problem.text() if report.problem else None,
    )


def record(instance: Instance, report: Report) -> None:
    """Store a report's outcome on the instance (history, state, identity, expiry)."""
    verification = verification_from(report)
    verification.scope = list(instance.scope)  # so a later scope change reads as one, not as a permission change
    instance.record(verification)
    if report.identity and not instance.proxy_user:
        instance.proxy_user = report.identity.label()
    if report.token_expires_at:
        instance.token_expires_at = report.token_expires_at
    if report.problem is not None and report.problem.kind.value in ("network", "tls", "rate_limited", "cancelled"):
        # Could not reach it: until one run has reached the tracker, the instance stays "prepared offline".
        reached = any(v.error_kind not in ("network", "tls", "rate_limited", "cancelled") for v in instance.history)
        if instance.state in (InstanceState.FAILING, InstanceState.NOT_CONFIRMED) and not reached:
            instance.state = InstanceState.PREPARED_OFFLINE


def needs_verification(instance: Instance, now: datetime | None = None) -> bool:
    """Pending (never verified) or stale instances."""
    now = now or clock.now()
    last = instance.last
    return last is None or instance.state in (InstanceState.DRAFT, InstanceState.PREPARED_OFFLINE) \
        or (now - last.at) > STALE_AFTER


# -- verify all ------------------------------------------------------------------

#: Verifications in flight at once during verify-all, and against one host. Threads mostly wait on the
#: network, so the overall bound is generous; the per-host bound keeps 50 instances on one Jira polite. It is
#: the HTTP layer's one per-host setting, which also bounds the requests of all those checks together.
MAX_IN_FLIGHT = 64
PER_HOST = MAX_PER_HOST


@dataclass
class VerifyAllResult:
    """What one verify-all run did.

    Attributes:
        reports: instance id -> Report, for every instance that was attempted.
        names: instance id -> instance name.
        cancelled: True when the run was stopped before every instance finished.
    """

    reports: dict[str, Report] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    cancelled: bool = False

    def counts(self) -> dict[str, int]:
        """``{"ready": n, "not_ready": n, "inconclusive": n, "bad_input": n}`` (inconclusive: not confirmed)."""
        out = {"ready": 0, "not_ready": 0, "inconclusive": 0, "bad_input": 0}
        for report in self.reports.values():
            out[("ready", "not_ready", "bad_input", "inconclusive")[report.exit_code()]] += 1
        return out


def pending(data: Data, *, workspace: str | None = None, force: bool = False,
            now: datetime | None = None) -> list[tuple[Workspace, Instance]]:
    """The instances verify-all would verify: pending or stale ones (all with ``force``), archived workspaces left
    out."""
    chosen = []
    for ws in data.workspaces:
        if ws.archived or (workspace and workspace.lower() not in (ws.id, ws.name.lower())):
            continue
        # Admin credentials are checked by `exadesk plan` (engine.verify_admin), never as proxy users.
        chosen.extend((ws, inst) for inst in ws.instances
                      if inst.role != "admin" and (force or needs_verification(inst, now)))
    return chosen


def keeps_last_result(report: Report) -> bool:
    """The one rule for storing a verify-all outcome: a run that asked nothing of the tracker (its secret could not
    be read, or it was stopped) keeps the instance's last result rather than storing a non-answer."""
    kind = report.problem.kind if report.problem is not None else None
    return kind in (ErrorKind.KEYCHAIN, ErrorKind.CANCELLED)


def record_all(data: Data, reports: dict[str, Report]) -> None:
    """Store verify-all outcomes on their instances, by :func:`keeps_last_result`'s rule."""
    for inst_id, report in reports.items():
        found = data.find_instance(inst_id)
        if found and not keeps_last_result(report):
            record(found[1], report)


class VerifyAllRun:
    """One verify-all, Qt-free, under both ``exadesk check --all`` and the window's Verify all.

    Runs the chosen instances on ``engine.verify_many``'s executor (at most ``max_workers`` at once, ``per_host``
    against one host: name and port) and reports through callbacks, all called from worker threads:
    ``on_started(instance id)``, ``on_result(instance id, CheckResult)`` as checks come,
    ``on_finished(instance id, Report)`` once per instance (a missing secret ends at once, nothing sent).
    :meth:`cancel` (or setting ``cancel``) stops it at once; queued instances end cancelled without sending.
    Storing is the caller's (:func:`record_all`, or the window's batched writer with :func:`keeps_last_result`).
    """

    def __init__(self, chosen, *, settings: Settings | None = None, secrets: SecretStore | None = None,
                 max_workers: int = MAX_IN_FLIGHT, per_host: int = PER_HOST, cancel: threading.Event | None = None,
                 on_started: Callable[[str], None] | None = None,
                 on_result: Callable[[str, object], None] | None = None,
                 on_finished: Callable[[str, Report], None] | None = None, each_cancellable: bool = False):
        self.chosen = list(chosen)
        self.settings, self.secrets = settings, secrets
        self.max_workers, self.per_host = max_workers, per_host
        self.cancel_event = cancel or threading.Event()
        # Each instance's own flag, for a person stopping one of them (the window); stopping the run sets them all.
        self._own = {inst.id: threading.Event() for _, inst in self.chosen} if each_cancellable else {}
        self.on_started, self.on_result, self.on_finished = on_started, on_result, on_finished
        self._lock = threading.Lock()
        self._scheduler = None  # the engine's VerifyMany, once run() has built it
        self._withdrawn: set[str] = set()  # taken out before run() built the queue

    def cancel(self) -> None:
        self.cancel_event.set()
        for flag in self._own.values():
            flag.set()

    def cancel_instance(self, inst_id: str) -> bool:
        """Stop one instance of the run; False when it has no flag of its own."""
        flag = self._own.get(inst_id)
        if flag is not None:
            flag.set()
        return flag is not None

    def withdraw(self, inst_id: str) -> bool:
        """Take a queued instance out of the run, because a person verifies it on its own ("Verify now").

        True when this run will not verify it (taken out now, finished already, or never part of it): the caller
        may verify it; False when the run is verifying it, so a second run would only repeat it.
        """
        with self._lock:
            scheduler = self._scheduler
            if scheduler is None:
                self._withdrawn.add(inst_id)
                return True
        return scheduler.withdraw(inst_id)

    def _finished(self, inst_id: str, report: Report) -> None:
        if self.on_finished is not None:
            self.on_finished(inst_id, report)

    def run(self) -> VerifyAllResult:
        """Verify every chosen instance (blocking) and return the reports; nothing is stored here."""
        from exadesk.verification import engine

        result = VerifyAllResult(names={inst.id: inst.name for _, inst in self.chosen})
        targets = []
        for ws, inst in self.chosen:
            with self._lock:
                if inst.id in self._withdrawn:
                    continue
            target, problems = target_for(inst, ws, secrets=self.secrets, settings=self.settings)
            if problems:
                report = Report(tracker=inst.tracker, url=inst.url, problem=problems[0])
                report.finished_at = clock.now()
                result.reports[inst.id] = report
                self._finished(inst.id, report)
            else:
                targets.append((inst.id, target))
        scheduler = engine.VerifyMany(
            targets, max_workers=self.max_workers, per_host=self.per_host, cancel=self.cancel_event,
            cancels=self._own, on_start=self.on_started, on_result=self.on_result, on_report=self._finished)
        with self._lock:
            self._scheduler = scheduler
            for inst_id in self._withdrawn:
                scheduler.withdraw(inst_id)
        result.reports.update(scheduler.run())
        result.cancelled = self.cancel_event.is_set()
        return result


def verify_all(store, *, workspace: str | None = None, force: bool = False, chosen=None,
               max_workers: int = MAX_IN_FLIGHT, per_host: int = PER_HOST, cancel: threading.Event | None = None,
               on_progress: Callable[[int, int, str, Report], None] | None = None,
               secrets: SecretStore | None = None) -> VerifyAllResult:
    """``check --all``: verify every pending or stale instance with :class:`VerifyAllRun` and store the results.

    Offline validation runs first for each instance (inside ``engine.verify``); an instance whose secret is missing
    from the keychain gets a report naming that without anything being sent. Results are stored in one locked
    update at the end, also after a cancel, by :func:`record_all` (cancelled instances keep their last result).

    Args:
        store: the :class:`~exadesk.store.storage.Store`.
        workspace: only this workspace (name or id).
        force: verify every instance, not only pending or stale ones.
        chosen: (workspace, instance) pairs to verify instead of :func:`pending`.
        max_workers: verifications in flight at once.
        per_host: verifications in flight against one host.
        cancel: set it to stop; running requests stop at their next step.
        on_progress: called as ``(done, total, instance id, report)`` from worker threads.
    """
    data = store.load().data
    if chosen is None:
        chosen = pending(data, workspace=workspace, force=force)
    total = len(chosen)
    done = [0]
    lock = threading.Lock()

    def progress(inst_id: str, report: Report) -> None:
        with lock:
            done[0] += 1
            count = done[0]
        if on_progress is not None:
            on_progress(count, total, inst_id, report)

    result = VerifyAllRun(chosen, settings=data.settings, secrets=secrets, max_workers=max_workers,
                          per_host=per_host, cancel=cancel, on_finished=progress).run()
    if result.reports:  # nothing ran (or nothing to store): no write, so an unreadable file is never touched
        store.update(lambda d: record_all(d, result.reports))
    return result


# -- workspaces ------------------------------------------------------------------


def create_workspace(data: Data, name: str, *, person: str = "", notes: str = "") -> Workspace:
    """Add a workspace; raises ValueError when the name is empty or taken."""
    name = _workspace_name(data, name)
    ws = Workspace(name=name, person=person, notes=notes)
    data.workspaces.append(ws)
    return ws


def rename_workspace(data: Data, key: str, new_name: str) -> Workspace:
    """Rename a workspace (by name or id); raises ValueError for an unknown one or a taken name."""
    ws = _workspace(data, key)
    ws.name = _workspace_name(data, new_name, ignore=ws)
    return ws


def archive_workspace(data: Data, key: str, archived: bool = True) -> Workspace:
    """Archive (or restore) a workspace: archived ones are kept but left out of verify-all and expiry warnings."""
    ws = _workspace(data, key)
    ws.archived = archived
    return ws


def search(data: Data, text: str, *, include_archived: bool = False) -> list[tuple[Workspace, list[Instance]]]:
    """Workspaces and instances matching ``text`` (case-insensitive, every word must match).

    A workspace whose name or notes match comes with all its instances; otherwise
    with the instances whose name, tracker, address, proxy user, state or notes match.
    """
    out = []
    for ws in data.workspaces:
        if ws.archived and not include_archived:
            continue
        if _matches(f"{ws.name} {ws.notes}", text):
            out.append((ws, list(ws.instances)))
            continue
        hits = filter_instances(ws.instances, text)
        if hits:
            out.append((ws, hits))
    return out


def filter_instances(items: list[Instance], text: str = "", states: set[InstanceState] | None = None) -> list[Instance]:
    """The instances matching ``text`` (every word) and, if given, one of ``states``. Fast enough for thousands."""
    words = text.lower().split()
    out = []
    for inst in items:
        if states and inst.state not in states:
            continue
        if words:
            hay = f"{inst.name} {inst.tracker} {inst.url} {inst.proxy_user} {inst.state.value} {inst.notes}".lower()
            if not all(w in hay for w in words):
                continue
        out.append(inst)
    return out


def _matches(hay: str, text: str) -> bool:
    hay = hay.lower()
    words = text.lower().split()
    return bool(words) and all(w in hay for w in words)


def _workspace(data: Data, key: str) -> Workspace:
    ws = data.workspace(key)
    if ws is None:
        raise ValueError(f"there is no workspace called {key!r}")
    return ws


def _workspace_name(data: Data, name: str, ignore: Workspace | None = None) -> str:
    from exadesk.foundation import validation

    problem = validation.name_problem(name, "The workspace name")
    if problem is not None:  # the same rules as every other entry point (add, the wizard, a bundle)
        raise ValueError(problem.text().rstrip("."))
    name = " ".join(name.split())
    for ws in data.workspaces:
        if ws is not ignore and ws.name.lower() == name.lower():
            raise ValueError(f"a workspace called {ws.name!r} already exists")
    return name


def connections_using(workspace: Workspace, instance_id: str) -> list:
    """The workspace's connections that use an instance, as a side or as a side's administrator credential."""
    return [c for c in workspace.connections
            if instance_id in (c.left, c.right) or instance_id in c.admins.values()]


def removal_warning(workspace: Workspace, instance: Instance) -> str:
    """What removing ``instance`` does to the connections that use it ("" when none does), naming each."""
    sides = [c.name for c in workspace.connections if instance.id in (c.left, c.right)]
    admins = [c.name for c in workspace.connections
              if instance.id in c.admins.values() and c.name not in sides]
    parts = []
    if sides:
        parts.append(f"{_names(sides)} would be left without {instance.name} as one of {_its(sides)} sides, until "
                     "you choose another instance for it")
    if admins:
        parts.append(f"{_names(admins)} would no longer be checked with {instance.name}, the administrator's "
                     "credential chosen for it")
    return ("; ".join(parts) + ".") if parts else ""


def _names(names: list[str]) -> str:
    quoted = ", ".join(f"\u201c{n}\u201d" for n in names)
    return f"The connection{'s' if len(names) > 1 else ''} {quoted}"


def _its(names: list[str]) -> str:
    return "their" if len(names) > 1 else "its"


def keychain_fields(instance: Instance) -> list[str]:
    """Every keychain entry an instance may have: its secret fields and any sign-in tokens."""
    from exadesk.verification import tokens

    fields = list(instance.secret_fields)
    if tokens.profile_of(instance) is not None:
        fields += [f for f in tokens.entry_fields() if f not in fields]
    return fields


def forget_secrets(instance: Instance, store: SecretStore | None = None) -> None:
    """Delete every keychain entry of an instance: its secret fields and any sign-in tokens.

    Raises:
        KeychainError: the keychain could not be reached (nothing is removed from the data file then).
    """
    fields = keychain_fields(instance)
    if fields:
        (store or SecretStore()).delete(instance.id, fields)


def remove_with_secrets(store: Store, secrets, instance, change: Callable[[Data], object]) -> Data:
    """Write the data file without the instance (``change``), then delete its secrets, safe at every crash point."""
    held = claim(store, {instance.id: keychain_fields(instance)})
    try:
        crash_point("remove.claimed")
        data = store.update(change)
    except BaseException:
        held.release()  # the instance is still stored, with its secrets
        raise
    try:
        crash_point("remove.stored")
        forget_secrets(instance, secrets)
        crash_point("remove.secrets_deleted")
    except BaseException:
        held.leave()  # the instance is gone; the next start deletes what is left of its secrets
        raise
    held.release()
    return data
