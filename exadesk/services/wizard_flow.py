"""The set-up flow of one instance as plain data: steps, answers, last error kind.

The Qt wizard (``exadesk.ui.wizard``) renders and drives it; tests drive it
without a window. It names no tracker: everything comes from the spec.
Secrets are held in memory only (a :class:`~exadesk.verification.spec.Secrets`),
never in ``repr`` and never in the saved instance.
"""

from __future__ import annotations

import enum
import re
from dataclasses import field
from urllib.parse import urlsplit

from exadesk.foundation.checks import CheckResult, Report, Status
from exadesk.foundation.errors import ErrorKind
from exadesk.foundation.records import dataclass
from exadesk.foundation.validation import (address_problems, field_expected, field_problem, normalise_url,
                                           scope_problems, site_url)
from exadesk.store.model import SYNC_OPTIONS, Instance, InstanceState, Settings
from exadesk.verification import engine, notices, registry
from exadesk.verification.spec import AuthMethod, Field, Requirement, Secrets, Target, TrackerSpec


class WizardStep(str, enum.Enum):
    """The pages of the set-up flow, in order."""

    METHOD = "method"
    WALKTHROUGH = "walkthrough"
    CREDENTIALS = "credentials"
    SYNC = "sync"
    VERIFY = "verify"
    RESULTS = "results"


STEPS: tuple[WizardStep, ...] = tuple(WizardStep)

#: Error kinds after which "save for later" (offline preparation) is offered.
UNREACHABLE_KINDS = frozenset({ErrorKind.NETWORK, ErrorKind.TLS, ErrorKind.RATE_LIMITED, ErrorKind.CANCELLED,
                               ErrorKind.UNEXPECTED_RESPONSE})


@dataclass(frozen=True)
class FieldState:
    """What the form shows under one input: ok, or the expected form in words."""

    ok: bool
    expected: str = ""  # the hint with an example, shown while the value is wrong or empty
    problem: str = ""  # what is wrong, empty while typing an empty optional field
    note: str = ""  # what ExaDesk made of a right value (a pasted page address trimmed to the site)


@dataclass(frozen=True)
class WalkStep:
    """One numbered walkthrough step with its link resolved against the instance address."""

    number: int
    text: str
    link: str = ""  # empty until the instance address is known (when the template needs it)
    link_label: str = ""


@dataclass
class WizardFlow:
    """State of one set-up: which step, what was answered, what went wrong last.

    Attributes:
        tracker: the tracker id.
        step: the current step.
        name, url, auth_method, values, sync, scope: the answers.
        secrets: secret answers, in memory only.
        kept_secrets: secret fields already in the keychain (editing) that an empty input keeps.
        last_error_kind: the error kind of the last verification, or None.
        report: the last verification report.
    """

    tracker: str
    step: WizardStep = WizardStep.METHOD
    name: str = ""
    url: str = ""
    auth_method: str = ""
    values: dict[str, str] = field(default_factory=dict)
    secrets: Secrets = field(default_factory=Secrets, repr=False)
    sync: set[str] = field(default_factory=set)
    scope: list[str] = field(default_factory=list)
    kept_secrets: set[str] = field(default_factory=set)
    last_error_kind: ErrorKind | None = None
    report: Report | None = field(default=None, repr=False)
    instance_id: str = ""  # set when editing a stored instance

    def __post_init__(self):
        spec = self.spec
        if not self.auth_method:
            self.auth_method = spec.auth_methods[0].id
        if not self.url and spec.url.default:
            self.url = spec.url.default
        if not self.scope and spec.scope.default:
            self.scope = list(spec.scope.default)

    # -- the spec -------------------------------------------------------------------

    @property
    def spec(self) -> TrackerSpec:
        return registry.get(self.tracker).spec

    @property
    def method(self) -> AuthMethod:
        return self.spec.auth_method(self.auth_method)

    def basic_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.method.fields if not f.advanced)

    def advanced_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.method.fields if f.advanced)

    def method_notices(self, method_id: str | None = None) -> list[notices.Notice]:
        return notices.for_spec(self.spec, method_id or self.auth_method)

    # -- answers ---------------------------------------------------------------------

    def choose_method(self, method_id: str) -> None:
        """Pick a sign-in method; answers for fields the new method lacks are dropped."""
        method = self.spec.auth_method(method_id)
        self.auth_method = method.id
        names = {f.name for f in method.fields}
        self.values = {k: v for k, v in self.values.items() if k in names}
        self.secrets = Secrets({k: self.secrets.get(k) for k in self.secrets.names() if k in names})
        self.kept_secrets &= names

    def set_value(self, name: str, value: str) -> None:
        fld = self.method.field(name)
        if fld is None:
            raise KeyError(name)
        if fld.secret:
            current = {k: self.secrets.get(k) for k in self.secrets.names()}
            current[name] = value
            self.secrets = Secrets(current)
        else:
            self.values[name] = value

    def value(self, name: str) -> str:
        return self.values.get(name) or self.secrets.get(name)

    def set_scope_text(self, text: str) -> None:
        """Scope typed as one line: commas, spaces or new lines separate entries."""
        self.scope = [s for s in re.split(r"[\s,;]+", text) if s]

    def toggle_sync(self, option: str, on: bool) -> None:
        if option not in SYNC_OPTIONS:
            raise KeyError(option)
        (self.sync.add if on else self.sync.discard)(option)

    def offered_sync(self) -> tuple[str, ...]:
        """The sync options that mean something for this tracker (all when the spec names none)."""
        return self.spec.sync_options or SYNC_OPTIONS

    # -- checking as you type ------------------------------------------------------------

    def site_url(self) -> str:
        """The address as it is stored and checked: a page address pasted from the browser trimmed to the site."""
        return site_url(self.spec, self.url)

    def url_state(self) -> FieldState:
        spec = self.spec
        expected = f"{spec.url.hint} (for example {spec.url.example})" if spec.url.example else spec.url.hint
        url = self.site_url()
        if not url:
            return FieldState(False, expected, "")
        problems = address_problems(spec, url)
        if problems:
            return FieldState(False, expected, problems[0].beside())
        if url != normalise_url(self.url):
            return FieldState(True, expected, note=f"the site address {url} is used (the page path is not needed)")
        return FieldState(True, expected)

    def field_state(self, name: str) -> FieldState:
        fld = self.method.field(name)
        if fld is None:
            raise KeyError(name)
        expected = field_expected(fld)
        if fld.secret and name in self.kept_secrets and not self.value(name):
            return FieldState(True, expected)  # the keychain's value stays
        problem = field_problem(fld, self.value(name))
        if problem is None:
            return FieldState(True, expected)
        # An empty required input shows what is expected, without a complaint before anything was typed.
        return FieldState(False, expected, "" if problem.reason == "input.field_missing" else problem.beside())

    def scope_state(self) -> FieldState:
        spec = self.spec
        expected = spec.scope.hint or (f"for example {spec.scope.example}" if spec.scope.example else "")
        problems = scope_problems(spec, self.scope)
        return FieldState(False, expected, problems[0].beside()) if problems else FieldState(True, expected)

    def credentials_complete(self) -> bool:
        return self.url_state().ok and all(self.field_state(f.name).ok for f in self.method.fields)

    def can_advance(self) -> bool:
        if self.step is WizardStep.CREDENTIALS:
            return self.credentials_complete()
        if self.step is WizardStep.SYNC:
            return self.scope_state().ok
        if self.step is WizardStep.VERIFY:
            return self.report is not None
        return True

    # -- walkthrough and requirements ------------------------------------------------------

    def walkthrough(self) -> list[WalkStep]:
        """The method's numbered steps; a link needing the address waits until the address is valid."""
        url = self.site_url() if self.url_state().ok else ""
        out = []
        for number, step in enumerate(self.method.steps, 1):
            link = step.link
            if "{url}" in link:
                link = link.replace("{url}", url) if url else ""
            if link and not _is_web_link(link):
                link = ""
            out.append(WalkStep(number, step.text, link, step.link_label))
        return out

    def requirements(self) -> list[Requirement]:
        """The requirements that apply to the current method and sync choice (updates live)."""
        return [r for r in self.spec.requirements if r.applies(self.sync, self.auth_method)]

    # -- moving --------------------------------------------------------------------------

    def go(self, step: WizardStep) -> None:
        self.step = step

    def next(self) -> WizardStep:
        if not self.can_advance():
            return self.step
        index = STEPS.index(self.step)
        self.step = STEPS[min(index + 1, len(STEPS) - 1)]
        return self.step

    def back(self) -> WizardStep:
        index = STEPS.index(self.step)
        self.step = STEPS[max(index - 1, 0)]
        if self.step is WizardStep.VERIFY:
            self.step = WizardStep.SYNC  # going back from results skips the run itself
        return self.step

    # -- verification ------------------------------------------------------------------------

    def target(self, settings: Settings | None = None, person: str = "",
               keychain_secrets: dict[str, str] | None = None) -> Target:
        """The verification target of the answers; kept secrets come from ``keychain_secrets``."""
        settings = settings or Settings()
        secrets = {k: self.secrets.get(k) for k in self.secrets.names() if self.secrets.get(k)}
        for name in self.kept_secrets:
            if name not in secrets and keychain_secrets and keychain_secrets.get(name):
                secrets[name] = keychain_secrets[name]
        return Target(tracker=self.tracker, url=self.site_url(), auth_method=self.auth_method,
                      values={k: v for k, v in self.values.items() if v}, secrets=Secrets(secrets),
                      sync=frozenset(self.sync), scope=list(self.scope), ca_bundle=settings.ca_bundle or None,
                      timeout=settings.timeout, proxy=settings.proxy or None, person=person)

    def offline_report(self) -> Report:
        return engine.validate(self.target())

    def finish_verification(self, report: Report) -> None:
        self.report = report
        self.last_error_kind = report.problem.kind if report.problem else None

    def reset_verification(self) -> None:
        self.report = None
        self.last_error_kind = None

    @property
    def ready(self) -> bool:
        return self.report is not None and self.report.ready

    def can_save_for_later(self) -> bool:
        """Offline preparation: the answers are well formed but the instance was not (or could not be) reached."""
        if not self.credentials_complete():
            return False
        return self.report is None or self.last_error_kind in UNREACHABLE_KINDS

    def failing(self) -> list[CheckResult]:
        return [c for c in (self.report.checks if self.report else []) if c.status in (Status.FAIL, Status.WARN)]

    # -- the result ------------------------------------------------------------------------------

    def name_problem(self):
        """Why the typed name cannot be stored (the rules every entry point shares), or None."""
        from exadesk.foundation.validation import name_problem

        return name_problem(self.name, "The name") if self.name.strip() else None

    def default_name(self) -> str:
        host = urlsplit(self.site_url()).hostname or ""
        return f"{self.spec.name} ({host})" if host else self.spec.name

    def to_instance(self, existing: Instance | None = None) -> Instance:
        """The instance to store (no secret in it); ``secret_fields`` names what goes to the keychain."""
        method = self.method
        secret_names = [f.name for f in method.secret_fields
                        if self.secrets.get(f.name) or f.name in self.kept_secrets]
        inst = existing or Instance(tracker=self.tracker, name="", url="", auth_method="")
        if self.instance_id:
            inst.id = self.instance_id
        inst.name = self.name.strip() or self.default_name()
        inst.url = self.site_url()
        inst.auth_method = method.id
        inst.values = {f.name: self.values[f.name] for f in method.fields if not f.secret and self.values.get(f.name)}
        inst.secret_fields = secret_names
        inst.sync = [o for o in SYNC_OPTIONS if o in self.sync]
        inst.scope = list(self.scope)
        if self.report is None:
            inst.state = InstanceState.PREPARED_OFFLINE if existing is None else inst.state
        return inst

    def secrets_to_store(self) -> dict[str, str]:
        """Secret values typed in this flow (kept ones are already in the keychain)."""
        return {f.name: self.secrets.get(f.name) for f in self.method.secret_fields if self.secrets.get(f.name)}

    @classmethod
    def for_instance(cls, instance: Instance) -> "WizardFlow":
        """A flow prefilled from a stored instance; its secrets stay in the keychain."""
        return cls(tracker=instance.tracker, step=WizardStep.CREDENTIALS, name=instance.name, url=instance.url,
                   auth_method=instance.auth_method, values=dict(instance.values), sync=set(instance.sync),
                   scope=list(instance.scope), kept_secrets=set(instance.secret_fields), instance_id=instance.id)


def _is_web_link(link: str) -> bool:
    parts = urlsplit(link)
    return parts.scheme in ("http", "https") and bool(parts.hostname)
