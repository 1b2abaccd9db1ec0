"""The tracker contract: what every tracker module declares and implements.

A tracker module holds, in order: a docstring naming the vendor docs it was
written from; ``SPEC``, a :class:`TrackerSpec` (data only); and
``verify_live(ctx)``, a generator of check results that only reads. Optional
``validate_offline(target)`` adds tracker-specific format checks to the
generic ones done here from the field patterns.
"""

from __future__ import annotations

import threading
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import field
from datetime import datetime
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

from exadesk.foundation import messages, strings
from exadesk.foundation.checks import CheckResult, Identity, Status
from exadesk.foundation.errors import CheckError, Problem
from exadesk.foundation.records import dataclass
from exadesk.verification.http import DeclaredRead
# The address helpers live with the rules they serve; importers of this module keep finding them here.
from exadesk.foundation.validation import (InputProblem, has_credentials, input_problems, normalise_url, origin,  # noqa: F401
                                redact_url, site_url)
from exadesk.foundation.messages import Message
from exadesk.verification.notices import Notice

#: The tracker-side group whose members are delegated administrators of the integration (where a tracker has one).
if TYPE_CHECKING:  # a browser sign-in's profile; trackers that offer one import exadesk.verification.oauth
    from exadesk.verification.oauth import OAuthProfile

CONSOLE_GROUP = "exalate_console_admin"


@dataclass(frozen=True)
class Field:
    """One credential input.

    Attributes:
        name: key in the instance's values / keychain entry (``token``).
        label: what the form calls it.
        secret: masked in the UI, stored only in the keychain, redacted everywhere.
        pattern: a regex the whole value must match offline; ``hint`` says it in words.
        role: ``user`` marks the field the CLI's ``--user`` fills.
    """

    name: str
    label: str
    secret: bool = False
    required: bool = True
    advanced: bool = False
    hint: str = ""
    example: str = ""
    pattern: str = ""
    role: str = ""
    help: str = ""


@dataclass(frozen=True)
class Step:
    """One numbered step of a walkthrough; ``link`` may use ``{url}`` (the instance)."""

    text: str
    link: str = ""
    link_label: str = ""


@dataclass(frozen=True)
class AuthMethod:
    """A way to sign in, with the fields it needs and how to get them."""

    id: str
    label: str
    description: str
    fields: tuple[Field, ...]
    steps: tuple[Step, ...] = ()
    admin_credential: bool = False  # the credential is an admin's, not the proxy user's (Jira Cloud)
    custom_page: str = ""  # a UI page name for this method's walkthrough
    #: The core keeps this sign-in's access token: before each check it trades the stored refresh token for one
    #: (exadesk.verification.tokens). False where the adapter refreshes by itself or the credential does not expire.
    core_refreshes_token: bool = False

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def secret_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.secret)

    @property
    def user_field(self) -> Field | None:
        return next((f for f in self.fields if f.role == "user"), None)


@dataclass(frozen=True)
class Requirement:
    """Something the proxy user needs, and how ExaDesk confirms it.

    Attributes:
        key: the vendor's own name for it (``LINK_ISSUES``, ``repo``); the check
            id is ``<tracker>.<key>``.
        when: sync options of which any makes it apply; empty means always.
        manual: no API shows it; ``steps`` tell a person how to confirm it.
        methods: auth methods it applies to; empty means all.
    """

    key: str
    title: str
    fix: str
    when: frozenset[str] = frozenset()
    manual: bool = False
    steps: tuple[str, ...] = ()
    methods: frozenset[str] = frozenset()

    def applies(self, sync: Iterable[str], method: str = "") -> bool:
        if self.methods and method and method not in self.methods:
            return False
        return not self.when or bool(self.when & set(sync))


@dataclass(frozen=True)
class UrlSpec:
    """What the instance address looks like."""

    example: str
    hint: str
    pattern: str = ""  # regex over the whole https URL; loopback http is always allowed for sandboxes
    default: str = ""  # a fixed address (github.com) the form can prefill
    #: A regex matched at the start of an address a person pasted from the browser, after its ``scheme://``: what
    #: it matches is the site address, and the page path after it is dropped
    #: (``acme.atlassian.net/jira/software/projects/SUP/boards/1``). Empty: the address is kept as typed.
    site: str = ""
    #: The tracker can run on a customer's own server (which may lack https); hosted-only trackers always speak https.
    self_hosted: bool = False


@dataclass(frozen=True)
class ScopeSpec:
    """What the instance's scope list holds (projects, repositories, tables)."""

    label: str
    example: str
    hint: str = ""
    default: tuple[str, ...] = ()
    pattern: str = ""
    noun: str = "item"  # one entry in words ("project"); "no project OPS" when it does not exist
    entry: str = "name"  # what the person typed for it ("key"): "check the key"
    #: Requirements are checked per entry (project, repository, table): with none, a run would verify nothing,
    #: so the wizard's scope step and the CLI (exit 2, naming --project) ask for at least one.
    required: bool = False

    def missing(self, scope) -> bool:
        return self.required and not any(s.strip() for s in scope)

    def missing_sentence(self, tracker_name: str, option: str = "") -> str:
        """``GitHub checks each of the repositories that sync, and none was given: name at least one ...``."""
        how = f" with {option}" if option else ""
        form = self.hint or self.example
        if self.example and "for example" not in form:
            form += f", for example {self.example}"
        return (f"{tracker_name} checks each of the {self.label.lower()} that sync, and none was given: name at "
                f"least one{how} ({form})")


@dataclass(frozen=True)
class DelegatedStep:
    """A manual item the admin planner adds for a delegated administrator on this tracker (nothing API-readable)."""

    key: str  # the plan item is ``plan.<key>.<instance id>``
    title: str
    why: str
    detail: str
    fix: str


@dataclass(frozen=True)
class AdminPolicy:
    """Who may configure an integration on this tracker, for the admin planner (exadesk.services.planner).

    Attributes:
        project_admin_basic: a project administrator may set up Basic connections (Jira Cloud, app 5.2.0+).
        delegated_needs_project_admin: a delegated administrator also needs project-admin rights.
        delegated_steps: tracker-specific manual items for a delegated administrator.
    """

    project_admin_basic: bool = False
    delegated_needs_project_admin: bool = True
    delegated_steps: tuple[DelegatedStep, ...] = ()


@dataclass(frozen=True)
class TrackerSpec:
    """Everything the UI, CLI and engine need to know about one tracker, as data."""

    id: str
    name: str
    docs_url: str
    url: UrlSpec
    auth_methods: tuple[AuthMethod, ...]
    requirements: tuple[Requirement, ...]
    scope: ScopeSpec
    sync_options: tuple[str, ...] = ()  # which of model.SYNC_OPTIONS mean something here
    summary: str = ""
    retired: str = ""  # non-empty: the plain statement that support ended
    #: Dated lifecycle notices of this tracker (a notice's ``methods`` narrows it to some sign-in methods).
    notices: tuple[Notice, ...] = ()
    messages: dict[str, Message] = field(default_factory=dict)
    icon: str = ""  # resources/icons/<icon>.svg; defaults to the id
    #: The browser sign-in (exadesk.verification.oauth), or None when the tracker offers none.
    oauth: OAuthProfile | None = None
    #: Who may configure an integration here (exadesk.services.planner).
    admin_policy: AdminPolicy = AdminPolicy()
    #: Where the catalogue lists it (lower first; ties by id).
    catalogue_order: int = 1000
    #: Checks of an administrator's own credential, keyed by the planner's generic kinds
    #: (exadesk.services.planner.ADMIN_KINDS: system_admin, project_admin, console_group_member,
    #: console_group_exists); each Requirement's key is the tracker's own name for it.
    #: The module's ``verify_admin(ctx)`` yields their results.
    admin_requirements: dict[str, Requirement] = field(default_factory=dict)
    #: Every sentence the adapter writes in a check, by key (exadesk.foundation.strings): ``ctx.say(key, **params)``.
    texts: dict[str, str] = field(default_factory=dict)
    #: The only requests other than GET its verification sends, each with the vendor's reference; the HTTP layer
    #: refuses any other before it is sent (verification only reads).
    non_get_reads: tuple[DeclaredRead, ...] = ()

    def auth_method(self, method_id: str | None) -> AuthMethod:
        if not method_id:
            return self.auth_methods[0]
        for method in self.auth_methods:
            if method.id == method_id:
                return method
        raise KeyError(method_id)

    def requirement(self, key: str) -> Requirement:
        for req in (*self.requirements, *self.admin_requirements.values()):
            if req.key == key:
                return req
        raise KeyError(key)

    def check_id(self, key: str) -> str:
        return f"{self.id}.{key}"


class Secrets:
    """Secret field values, in memory only; repr and str never show them."""

    def __init__(self, values: dict[str, str] | None = None):
        self._values = dict(values or {})

    def get(self, name: str, default: str = "") -> str:
        return self._values.get(name, default)

    def __contains__(self, name: str) -> bool:
        return bool(self._values.get(name))

    def names(self) -> list[str]:
        return list(self._values)

    def values(self) -> list[str]:
        return [v for v in self._values.values() if v]

    def __repr__(self) -> str:
        return f"Secrets({', '.join(self._values)}: ****)"

    __str__ = __repr__


@dataclass(frozen=True)
class SignIn:
    """The credential one run signs in with, as its provider has it when the run starts."""

    secrets: Secrets
    #: When the refresh token of a browser sign-in ExaDesk made was issued (ISO time; not a secret): lets a
    #: tracker count the token's life when its API hides it. Empty when unknown.
    refresh_token_issued_at: str = ""


class CredentialProvider:
    """What the engine asks, once per run and in the verifying thread, for the credential a target signs in with.

    This one hands over the target's own secrets. exadesk.verification.tokens' providers first refresh an OAuth sign-in
    on demand (cancellable through ``cancel``). A provider raises an ExaDeskError whose Problem stops the run.
    """

    def sign_in(self, target: "Target", cancel: threading.Event) -> SignIn:
        return SignIn(target.secrets)


@dataclass(frozen=True)
class Target:
    """One instance to validate or verify: the address, the credential, the scope. Immutable: derive a changed
    one with ``dataclasses.replace``."""

    tracker: str
    url: str
    auth_method: str = ""
    values: dict[str, str] = field(default_factory=dict)
    secrets: Secrets = field(default_factory=Secrets)
    sync: frozenset[str] = frozenset()
    scope: list[str] = field(default_factory=list)
    ca_bundle: str | None = None
    timeout: float = 20.0
    proxy: str | None = None
    person: str = ""  # who is doing the setup (name, email or login), for the "proxy user is you" warning
    #: Asked by the engine for the current credential before anything is sent (a stored OAuth sign-in refreshes
    #: its access token there, exadesk.verification.tokens); None: the secrets above, as they are.
    credentials: CredentialProvider | None = field(default=None, repr=False, compare=False)

    def value(self, name: str) -> str:
        """A field's value, secret or not."""
        return self.values.get(name) or self.secrets.get(name)


T = TypeVar("T")


class VerifyContext:
    """What ``verify_live`` gets: the target, an HTTP client factory, and result helpers.

    Adapters report through :meth:`passed`, :meth:`failed`, :meth:`warned` and
    :meth:`unknown`, which fill title and fix from the requirement catalogue, so
    the wording lives in one place (the spec). Independent reads (one per item in
    scope) go through :meth:`gather`, which sends them concurrently.
    """

    def __init__(self, spec: TrackerSpec, target: Target, client_factory: Callable, cancel: threading.Event,
                 *, concurrency: int = 1, requirements: tuple[Requirement, ...] | None = None,
                 sign_in: SignIn | None = None):
        self.spec = spec
        self.target = target
        #: The catalogue this run judges: the proxy user's requirements, or an administrator's
        #: (``spec.admin_requirements``) for an admin run.
        self.requirements = spec.requirements if requirements is None else tuple(requirements)
        #: The credential the run signed in with (its secrets are ``target.secrets``).
        self.sign_in = sign_in or SignIn(target.secrets)
        self._client_factory = client_factory
        self.cancel = cancel
        self.concurrency = max(1, concurrency)
        self.identity: Identity | None = None  # the proxy user checked
        self.signed_in: Identity | None = None  # who the credential belongs to, when not the proxy user
        self.token_expires_at: datetime | None = None
        self.reported: set[str] = set()

    @property
    def method(self) -> AuthMethod:
        return self.spec.auth_method(self.target.auth_method)

    def client(self, base_url: str, auth=None, *, login_url: str = "", diagnose=None):
        """An :class:`~exadesk.verification.http.HttpClient` for ``base_url`` sharing this run's guard and cancel
        flag."""
        return self._client_factory(base_url, auth, login_url=login_url, diagnose=diagnose)

    def gather(self, calls: Iterable[Callable[[], T]]) -> list[T]:
        """Run independent reads concurrently and return their results in the order given.

        At most :attr:`concurrency` run at once; the HTTP layer's per-host bound and Retry-After pause apply
        to every request they send. Call it after the credential's first request has been answered (the
        one-probe rule: the probe guard also holds concurrent first sends back). The first failure, in the
        order given, is raised once the calls running have ended; Cancel returns at once.
        """
        calls = list(calls)
        if self.concurrency == 1 or len(calls) <= 1:
            return [call() for call in calls]
        pool = ThreadPoolExecutor(max_workers=min(self.concurrency, len(calls)), thread_name_prefix="read")
        try:
            futures = [pool.submit(call) for call in calls]
            pending, failed = set(futures), False
            while pending:
                done, pending = wait(pending, timeout=0.1, return_when=FIRST_EXCEPTION)
                if self.cancel.is_set():
                    raise CheckError(messages.problem("cancelled"))
                if not failed and any(not f.cancelled() and f.exception() is not None for f in done):
                    failed = True
                    for future in pending:
                        future.cancel()  # those not started yet; the running ones end by themselves
            for future in futures:
                if not future.cancelled() and future.exception() is not None:
                    raise future.exception()
            return [future.result() for future in futures]
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def applies(self, key: str) -> bool:
        return self.spec.requirement(key).applies(self.target.sync, self.target.auth_method)

    def _result(self, key: str, status: Status, detail: str, fix: str | None, title: str | None,
                manual: bool = False) -> CheckResult:
        try:
            req = self.spec.requirement(key)
            title = title or req.title
            fix = req.fix if fix is None else fix
        except KeyError:
            title = title or key
            fix = fix or ""
        check_id = self.spec.check_id(key)
        self.reported.add(check_id)
        return CheckResult(id=check_id, status=status, title=title, detail=detail,
                           fix="" if status is Status.PASS else fix, manual=manual)

    def passed(self, key: str, detail: str = "", *, title: str | None = None) -> CheckResult:
        return self._result(key, Status.PASS, detail, "", title)

    def failed(self, key: str, detail: str, *, fix: str | None = None, title: str | None = None) -> CheckResult:
        return self._result(key, Status.FAIL, detail, fix, title)

    def warned(self, key: str, detail: str, *, fix: str | None = None, title: str | None = None) -> CheckResult:
        return self._result(key, Status.WARN, detail, fix, title)

    def unknown(self, key: str, detail: str, *, fix: str | None = None, title: str | None = None) -> CheckResult:
        """Not confirmed: an API could decide it, but this run could not (a table not readable, nothing in
        scope). The verdict is then "not confirmed", never ready."""
        return self._result(key, Status.UNKNOWN, detail, fix, title)

    not_confirmed = unknown

    def manual(self, key: str, detail: str, *, fix: str | None = None, title: str | None = None) -> CheckResult:
        """No API shows this by nature: a person confirms it with the steps given (``detail`` names them).
        It does not hold back a verdict of ready; it is listed "to confirm by hand"."""
        return self._result(key, Status.UNKNOWN, detail, fix, title, manual=True)

    def not_sent(self, key: str, field: str, where: str, *, fix: str | None = None,
                 title: str | None = None) -> CheckResult:
        """A field the tracker did not send: never a fail, "not confirmed" (the one rule for every adapter).

        Args:
            field: the field's name as the vendor documents it (``role_ids``).
            where: the request whose reply lacked it (``GET /agents/me``).
        """
        return self.unknown(key, messages.say("not_sent", tracker=self.spec.name, field=field, where=where),
                            fix=fix, title=title)

    def denied(self, key: str, what: str, steps: str = "", *, fix: str | None = None,
               title: str | None = None) -> CheckResult:
        """The tracker refused to show ``what`` this check needs (403 on one table or endpoint): the check is
        not confirmed, with ``steps`` to confirm it by hand; the other checks still run."""
        detail = messages.say("denied", tracker=self.spec.name, what=what)
        if steps:
            detail += " " + messages.say("denied.steps", steps=steps)
        return self.unknown(key, detail, fix=fix, title=title)

    def scope_missing(self, missing: Iterable[str], who: str = "the proxy user") -> CheckResult:
        """ONE finding for entries in scope that do not exist or that ``who`` cannot see (a typo is the usual cause).

        Adapters report it instead of a "(not found)" in every per-scope check, and leave those entries out of
        the checks that follow.
        """
        missing = list(missing)
        scope = self.spec.scope
        names = ", ".join(missing)
        noun = scope.noun if len(missing) == 1 else f"{scope.noun}s" if not scope.noun.endswith("y") \
            else f"{scope.noun[:-1]}ies"
        check_id = f"{self.spec.id}.scope"
        self.reported.add(check_id)
        return CheckResult(id=check_id, status=Status.FAIL, title=messages.say("scope_missing.title", label=scope.label),
                           detail=messages.say("scope_missing.one" if len(missing) == 1 else "scope_missing.many",
                                               noun=noun, names=names, entry=scope.entry),
                           fix=messages.say("scope_missing.fix", entry=scope.entry, tracker=self.spec.name, who=who))

    def say(self, key: str, **params) -> str:
        """This tracker's sentence ``key`` (its spec's ``texts``), translated, with ``params`` filled in."""
        return strings.say(self.spec.texts, self.spec.id, key, **params)

    def problem(self, reason: str, **params) -> Problem:
        """A Problem for one of this tracker's own reasons (``SPEC.messages``)."""
        params.setdefault("tracker", self.spec.name)
        return messages.problem(f"{self.spec.id}.{reason}", **params)


# -- the sign-in method trackers declare ------------------------------------------------------------

#: The wizard page that offers "Sign in with the browser" (exadesk.ui.pages maps the name to a widget).
#: exadesk.verification.oauth.sign_in_method declares such a method from a tracker's OAuth profile.
SIGN_IN_PAGE = "oauth_sign_in"


# -- generic offline validation (the rules themselves are exadesk.foundation.validation's, shared with the wizard) -----


def _input_check(spec: TrackerSpec, problem: InputProblem) -> CheckResult:
    """An input's problem as a failing check, with the id and title of that input's check."""
    found = problem.problem()
    if problem.input == "url":
        check_id, title = f"{spec.id}.url", "Instance address"
    elif problem.input == "auth_method":
        check_id, title = f"{spec.id}.auth_method", "Sign-in method"
    elif problem.input == "scope":
        check_id, title = f"{spec.id}.scope", spec.scope.label
    else:
        check_id, title = f"{spec.id}.field.{problem.input}", problem.params["field"]
    return CheckResult(id=check_id, status=Status.FAIL, title=title, detail=found.message, fix=found.next_step)


def validate_target(spec: TrackerSpec, target: Target, *, require_scope: bool = True) -> list[CheckResult]:
    """Offline checks every tracker gets: the URL shape, each field's form, and a scope where one is required
    (``require_scope=False`` for an administrator's own credential, whose checks need no scope).

    A failing check for each of :func:`exadesk.foundation.validation.input_problems`, and a passing one for a usable
    address.
    """
    problems = input_problems(spec, target, require_scope=require_scope)
    results = [_input_check(spec, p) for p in problems]
    if not any(p.input == "url" for p in problems):
        results.insert(0, CheckResult(id=f"{spec.id}.url", status=Status.PASS, title="Instance address",
                                      detail=site_url(spec, target.url)))
    return results
