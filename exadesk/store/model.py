"""The data ExaDesk keeps: workspaces, their instances and connections.

Plain dataclasses with JSON round-trips; no secret is ever a field here.
Secrets live in the keychain under ``(instance id, field name)``.
"""

from __future__ import annotations

import enum
import logging
import os
from dataclasses import field
from datetime import datetime, timezone

from exadesk.foundation import clock
from exadesk.foundation.checks import CheckResult, Verdict, verdict_of
from exadesk.foundation.records import dataclass

log = logging.getLogger(__name__)

#: What an integration can synchronise; requirements depend on these.
SYNC_OPTIONS: tuple[str, ...] = ("comments", "attachments", "worklogs", "security_levels", "triggers", "service_desk")
SYNC_LABELS: dict[str, str] = {
    "comments": "Comments",
    "attachments": "Attachments",
    "worklogs": "Work logs",
    "security_levels": "Security levels",
    "triggers": "Triggers",
    "service_desk": "Service desk",
}


def parse_sync(text: str) -> frozenset[str]:
    """Parse ``comments,attachments,security-levels`` into option keys.

    Raises:
        ValueError: naming the unknown option and the known ones.
    """
    options = set()
    for raw in text.split(","):
        name = raw.strip().lower().replace("-", "_")
        if not name:
            continue
        if name in ("work_logs", "worklog"):
            name = "worklogs"
        if name not in SYNC_OPTIONS:
            known = ", ".join(o.replace("_", "-") for o in SYNC_OPTIONS)
            raise ValueError(f"unknown sync option {raw.strip()!r}; known: {known}")
        options.add(name)
    return frozenset(options)


class InstanceState(str, enum.Enum):
    DRAFT = "draft"
    PREPARED_OFFLINE = "prepared_offline"
    VERIFIED = "verified"
    FAILING = "failing"
    NOT_CONFIRMED = "not_confirmed"  # nothing failed, but something decidable was not decided


#: The instance state a verdict leaves (a refused input is something in the form to fix).
STATE_OF_VERDICT = {Verdict.READY: InstanceState.VERIFIED, Verdict.NOT_READY: InstanceState.FAILING,
                    Verdict.NOT_CONFIRMED: InstanceState.NOT_CONFIRMED, Verdict.NOT_CHECKED: InstanceState.FAILING}


class ConfigMode(str, enum.Enum):
    BASIC = "basic"
    VISUAL = "visual"
    SCRIPTED = "scripted"


def _now() -> datetime:
    return clock.now()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


#: The time of a stored result whose time was lost ("at": null): older than any real one.
UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _dt(value) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def new_id() -> str:
    """Twelve random hex digits (48 bits), as the first twelve of a uuid4 were."""
    return os.urandom(6).hex()


@dataclass
class Verification:
    """The stored outcome of one verification (no secrets)."""

    at: datetime
    ready: bool
    checks: list[CheckResult] = field(default_factory=list)
    identity: str = ""
    error_kind: str | None = None
    error_reason: str | None = None
    error_message: str | None = None
    scope: list[str] | None = None  # the projects checked (None: stored before scopes were recorded)

    @property
    def verdict(self) -> Verdict:
        """Worked out from the checks and the error kind, so runs stored by older versions read the same way."""
        return verdict_of(self.checks, self.error_kind)

    def to_json(self) -> dict:
        return {
            "at": _iso(self.at), "ready": self.ready, "verdict": self.verdict.value, "identity": self.identity,
            "checks": [c.to_json() for c in self.checks],
            "error_kind": self.error_kind, "error_reason": self.error_reason, "error_message": self.error_message,
            **({"scope": list(self.scope)} if self.scope is not None else {}),
        }

    @classmethod
    def from_json(cls, data: dict) -> "Verification":
        run = cls(
            # A result whose time was lost is kept, as the oldest (every view sorts and prints by time).
            at=_dt(data.get("at")) or UNKNOWN_TIME, ready=bool(data["ready"]), identity=str(data.get("identity") or ""),
            checks=[CheckResult.from_json(c) for c in data.get("checks", [])],
            error_kind=data.get("error_kind"), error_reason=data.get("error_reason"),
            error_message=data.get("error_message"),
            scope=[str(x) for x in data["scope"]] if isinstance(data.get("scope"), list) else None,
        )
        # Older versions stored "ready" although a decidable check was undecided; the verdict decides now.
        run.ready = run.verdict is Verdict.READY
        return run


class StoredRuns(tuple):
    """An instance's runs as the data file holds them (JSON objects), not yet decoded."""


class RunsReadOnDemand:
    """What stands behind :attr:`Instance.history`: a list of :class:`Verification`, oldest first.

    Runs read from the data file stay JSON until the history is first read. Opening the window needs each
    instance's state, not its past runs, and decoding up to 20 runs of every instance was most of the time the
    data file took to load. A stored run that cannot be decoded is left out of the list, logged, and written back
    as it was read, so nothing in the file is lost. Assigning any iterable of runs stores a list of them.
    """

    SLOT, UNREADABLE = "_runs", "_unreadable_runs"

    def __get__(self, instance, owner=None):
        if instance is None:
            return ()  # the field's default, as dataclasses asks for it: no runs
        runs = instance.__dict__[self.SLOT]
        if isinstance(runs, StoredRuns):
            stored_runs, runs, unreadable = runs, [], []
            for stored in stored_runs:
                try:
                    runs.append(Verification.from_json(stored))
                except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
                    log.warning("a stored run of instance %s cannot be read (%s); it is kept as it is",
                                instance.id, type(exc).__name__)
                    unreadable.append(stored)
            instance.__dict__[self.SLOT], instance.__dict__[self.UNREADABLE] = runs, unreadable
        return runs

    def __set__(self, instance, runs) -> None:
        instance.__dict__[self.SLOT] = runs if isinstance(runs, StoredRuns) else list(runs)

    @classmethod
    def as_json(cls, instance) -> list:
        """The runs for the data file; those never decoded are written back as they were read."""
        runs = instance.__dict__[cls.SLOT]
        if isinstance(runs, StoredRuns):
            return list(runs)
        return instance.__dict__.get(cls.UNREADABLE, []) + [v.to_json() for v in runs]


@dataclass
class Instance:
    """One tracker instance and the proxy user set up on it.

    Attributes:
        values: the non-secret credential fields (user name, email, client id).
        secret_fields: names of the secret fields stored in the keychain.
        role: "proxy" for the integration's account, "admin" for an admin's own
            credential used by the access planner.
        sandbox: made by the sandbox (File, Start the sandbox), which may replace it when it restarts;
            everything else is the person's and the sandbox never touches it. None: stored before ExaDesk
            marked the sandbox's instances (the sandbox then recognises its own by name and address).
    """

    tracker: str
    name: str
    url: str
    auth_method: str
    id: str = field(default_factory=new_id)
    values: dict[str, str] = field(default_factory=dict)
    secret_fields: list[str] = field(default_factory=list)
    proxy_user: str = ""
    sync: list[str] = field(default_factory=list)
    scope: list[str] = field(default_factory=list)
    state: InstanceState = InstanceState.DRAFT
    ca_bundle: str | None = None
    notes: str = ""
    role: str = "proxy"
    token_expires_at: datetime | None = None
    created_at: datetime = field(default_factory=_now)
    history: list[Verification] = RunsReadOnDemand()  # oldest first, the newest HISTORY_LIMIT
    sandbox: bool | None = False

    HISTORY_LIMIT = 20

    @property
    def last(self) -> Verification | None:
        return self.history[-1] if self.history else None

    def record(self, verification: Verification) -> None:
        self.history.append(verification)
        del self.history[: -self.HISTORY_LIMIT]
        self.state = STATE_OF_VERDICT[verification.verdict]

    def to_json(self) -> dict:
        return {
            "id": self.id, "tracker": self.tracker, "name": self.name, "url": self.url,
            "auth_method": self.auth_method, "values": dict(self.values), "secret_fields": list(self.secret_fields),
            "proxy_user": self.proxy_user, "sync": list(self.sync), "scope": list(self.scope),
            "state": self.state.value, "ca_bundle": self.ca_bundle, "notes": self.notes, "role": self.role,
            "token_expires_at": _iso(self.token_expires_at), "created_at": _iso(self.created_at),
            "history": RunsReadOnDemand.as_json(self),
            "sandbox": self.sandbox,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Instance":
        return cls(
            id=str(data["id"]), tracker=str(data["tracker"]), name=str(data["name"]), url=str(data.get("url", "")),
            auth_method=str(data.get("auth_method", "")), values={str(k): str(v) for k, v in data.get("values", {}).items()},
            secret_fields=[str(s) for s in data.get("secret_fields", [])], proxy_user=str(data.get("proxy_user", "")),
            sync=[str(s) for s in data.get("sync", [])], scope=[str(s) for s in data.get("scope", [])],
            state=InstanceState(data.get("state", "draft")), ca_bundle=data.get("ca_bundle"),
            notes=str(data.get("notes", "")), role=str(data.get("role", "proxy")),
            token_expires_at=_dt(data.get("token_expires_at")), created_at=_dt(data.get("created_at")) or _now(),
            history=StoredRuns(data.get("history", [])),
            sandbox=None if data.get("sandbox") is None else bool(data["sandbox"]),
        )


@dataclass
class Connection:
    """Two instances joined by an integration, and how it is configured."""

    name: str
    left: str  # instance ids
    right: str
    mode: ConfigMode = ConfigMode.SCRIPTED
    id: str = field(default_factory=new_id)
    admins: dict[str, str] = field(default_factory=dict)  # instance id -> id of the instance holding the admin's credential
    admin_kinds: dict[str, str] = field(default_factory=dict)  # instance id -> "system", "project" or "delegated"

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "left": self.left, "right": self.right,
                "mode": self.mode.value, "admins": dict(self.admins), "admin_kinds": dict(self.admin_kinds)}

    @classmethod
    def from_json(cls, data: dict) -> "Connection":
        return cls(id=str(data["id"]), name=str(data["name"]), left=str(data["left"]), right=str(data["right"]),
                   mode=ConfigMode(data.get("mode", "scripted")), admins=dict(data.get("admins", {})),
                   admin_kinds={str(k): str(v) for k, v in data.get("admin_kinds", {}).items()})


@dataclass
class FixRun:
    """One ``exadesk fix --apply``: who applied what, when, the tracker's answers, and how to undo each change.

    Each change is a dict: ``check``, ``words``, ``request`` and ``undo`` (a request as method, path, params,
    body; never a credential; ``undo`` None when the change has no inverse, ``no_undo`` saying why), ``answer``
    (the tracker's, short), ``at``, ``undone_at`` (and ``undo_answer``) once undone.
    """

    id: str
    instance: str  # instance id of the proxy user's instance
    admin: str  # instance id of the admin credential that applied it
    by: str  # the admin, in words ("Dana on Jira (dana@example.com)")
    at: datetime
    changes: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.id, "instance": self.instance, "admin": self.admin, "by": self.by, "at": _iso(self.at),
                "changes": [dict(c) for c in self.changes]}

    @classmethod
    def from_json(cls, data: dict) -> "FixRun":
        return cls(id=str(data["id"]), instance=str(data.get("instance", "")), admin=str(data.get("admin", "")),
                   by=str(data.get("by", "")), at=_dt(data.get("at")) or _now(),
                   changes=[dict(c) for c in data.get("changes", []) if isinstance(c, dict)])


@dataclass
class Workspace:
    """A client or team: its instances and connections."""

    name: str
    notes: str = ""
    id: str = field(default_factory=new_id)
    archived: bool = False
    person: str = ""  # the person doing the setup, for the "proxy user is you" warning
    instances: list[Instance] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    fix_runs: list[FixRun] = field(default_factory=list)  # changes ExaDesk applied for the person (exadesk fix)

    def instance(self, key: str) -> Instance | None:
        """Find an instance by id or (case-insensitive) name."""
        for inst in self.instances:
            if inst.id == key or inst.name.lower() == key.lower():
                return inst
        return None

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "notes": self.notes, "archived": self.archived,
                "person": self.person, "instances": [i.to_json() for i in self.instances],
                "connections": [c.to_json() for c in self.connections],
                "fix_runs": [r.to_json() for r in self.fix_runs]}

    @classmethod
    def from_json(cls, data: dict) -> "Workspace":
        return cls(id=str(data["id"]), name=str(data["name"]), notes=str(data.get("notes", "")),
                   archived=bool(data.get("archived", False)), person=str(data.get("person", "")),
                   instances=[Instance.from_json(i) for i in data.get("instances", [])],
                   connections=[Connection.from_json(c) for c in data.get("connections", [])],
                   fix_runs=[FixRun.from_json(r) for r in data.get("fix_runs", []) if isinstance(r, dict)])


@dataclass
class Settings:
    """Preferences that are not per instance."""

    proxy: str = ""  # empty: the system's / environment's proxy
    ca_bundle: str = ""
    theme: str = "system"  # system, light, dark
    timeout: float = 20.0
    allow_plaintext_secrets: bool = False  # only ever set by the person, never by ExaDesk

    def to_json(self) -> dict:
        return {"proxy": self.proxy, "ca_bundle": self.ca_bundle, "theme": self.theme, "timeout": self.timeout,
                "allow_plaintext_secrets": self.allow_plaintext_secrets}

    @classmethod
    def from_json(cls, data: dict) -> "Settings":
        return cls(proxy=str(data.get("proxy", "")), ca_bundle=str(data.get("ca_bundle", "")),
                   theme=str(data.get("theme", "system")), timeout=float(data.get("timeout", 20.0)),
                   allow_plaintext_secrets=bool(data.get("allow_plaintext_secrets", False)))


@dataclass
class Data:
    """Everything in the data file."""

    workspaces: list[Workspace] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)

    def workspace(self, key: str) -> Workspace | None:
        for ws in self.workspaces:
            if ws.id == key or ws.name.lower() == key.lower():
                return ws
        return None

    def find_instance(self, key: str, workspace: str | None = None) -> tuple[Workspace, Instance] | None:
        for ws in self.workspaces:
            if workspace and ws.id != workspace and ws.name.lower() != workspace.lower():
                continue
            inst = ws.instance(key)
            if inst:
                return ws, inst
        return None
