"""The check engine: offline validation, then live verification, into a Report.

Runs in any thread; the UI and CLI call the same functions. ``verify_many``
runs several instances in parallel with a bound on requests in flight overall
and per host.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable, Mapping

from exadesk.foundation import clock, messages, validation
from exadesk.foundation.checks import CheckResult, Report, Status
from exadesk.foundation.errors import CheckError, ErrorKind, ExaDeskError, Problem
from exadesk.verification import notices, registry
from exadesk.verification.http import HttpClient, Page, ProbeGuard
from exadesk.verification.http_limits import MAX_PER_HOST, HostSlots, any_set, host_key
from exadesk.verification.redact import Redactor
from exadesk.verification.spec import (CredentialProvider, SignIn, Target, VerifyContext, normalise_url, redact_url,
                                  site_url)

log = logging.getLogger(__name__)

OnResult = Callable[[CheckResult], None]


def validate(target: Target, *, purpose: str = "proxy") -> Report:
    """Offline validation only: nothing is sent. The report's problem is BAD_INPUT when a field is wrong
    (or, for a proxy user about to be checked, no scope is given where the requirements are checked per project).

    ``purpose``: "proxy" (a proxy user about to be checked: the scope is required), "prepare" (an instance stored
    to be checked later: its scope may come later) or "admin" (an administrator's own credential: no scope).
    """
    try:
        tracker = registry.get(target.tracker)
    except KeyError:
        report = Report(tracker=target.tracker, url=redact_url(target.url))
        report.problem = registry.unknown(target.tracker)
        return report
    target = site_target(target)  # trimmed first, then every address rule runs once (validate_target)
    report = Report(tracker=tracker.id, url=redact_url(target.url))
    report.problem = input_problem(target)
    if report.problem is not None:
        return report
    report.checks.extend(tracker.validate_offline(target, require_scope=purpose == "proxy"))
    bad = [c for c in report.checks if c.status is Status.FAIL]
    bad.sort(key=lambda c: c.id == f"{tracker.id}.scope")  # the address and fields first, the scope last
    if bad and bad[0].id == f"{tracker.id}.scope" and tracker.spec.scope.missing(target.scope):
        scope = tracker.spec.scope
        report.problem = messages.problem("input.scope_missing", tracker=tracker.spec.name,
                                          label=scope.label.lower(), example=scope.example)
    elif bad:
        first = bad[0]
        # The check's detail and fix are whole sentences ("Expected: ..."); the message adds its own framing.
        report.problem = messages.problem("input.field", field=first.title, problem=first.detail.rstrip("."),
                                          example=first.fix.removeprefix("Expected:").strip().rstrip("."))
    report.checks.extend(_notice_results(tracker.spec, target))
    return report


def site_target(target: Target) -> Target:
    """``target`` with a page address pasted from the browser trimmed to the tracker's site (``UrlSpec.site``): the
    address every check uses. Any other address stays as typed (the address rules judge it as it is)."""
    try:
        spec = registry.get(target.tracker).spec
    except KeyError:
        return target
    if validation.url_problem(target.url) is not None:
        return target  # too long or with control characters as typed: the address rules refuse it as it is
    site = site_url(spec, target.url)
    return target if site == normalise_url(target.url) else dataclasses.replace(target, url=site)


#: The longest wait for one reply a person may ask for (seconds).
MAX_TIMEOUT = 3600.0


def timeout_problem(value) -> Problem | None:
    """Why ``value`` cannot be a timeout in seconds (negative, zero, infinite, not a number), or None."""
    import math

    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
            and 0 < value <= MAX_TIMEOUT:
        return None
    return messages.problem("input.timeout", value=value, maximum=f"{MAX_TIMEOUT:g}")


def input_problem(target: Target) -> Problem | None:
    """What every tracker refuses before anything is sent: the timeout, a secret that is not text, the CA file."""
    problem = timeout_problem(target.timeout)
    if problem is not None:
        return problem
    for name in target.secrets.names():
        value = target.secrets.get(name)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # bytes that were not UTF-8, as Python passes them on from the environment
            return messages.problem("input.secret_encoding", field=_field_label(target, name))
    if target.ca_bundle:
        from exadesk.verification.http_transport import ca_bundle_problem

        return ca_bundle_problem(target.ca_bundle)
    return None


def _field_label(target: Target, name: str) -> str:
    try:
        field = registry.get(target.tracker).spec.auth_method(target.auth_method or None).field(name)
    except (KeyError, AttributeError):
        field = None
    return field.label if field is not None else name.replace("_", " ")


def verify(target: Target, *, cancel: threading.Event | None = None, on_result: OnResult | None = None,
           guard: ProbeGuard | None = None, http_options: dict | None = None,
           run_redactor: Redactor | None = None) -> Report:
    """Validate offline, then verify live. Never raises for tracker trouble: it lands in ``report.problem``.

    ``run_redactor``: the other secrets of the run (Verify all, :meth:`Redactor.for_run`), masked too if a tracker
    echoes one.
    """
    return _verify(target, "proxy", cancel=cancel, on_result=on_result, guard=guard, http_options=http_options,
                   run_redactor=run_redactor)


def verify_admin(target: Target, *, cancel: threading.Event | None = None, on_result: OnResult | None = None,
                 guard: ProbeGuard | None = None, http_options: dict | None = None) -> Report:
    """Verify an administrator's own credential against the tracker's ``admin_requirements``.

    Trackers whose API shows nothing about admins give manual checks with steps.
    """
    return _verify(target, "admin", cancel=cancel, on_result=on_result, guard=guard, http_options=http_options,
                   run_redactor=None)


def _verify(target: Target, purpose: str, *, cancel, on_result, guard, http_options, run_redactor) -> Report:
    cancel = cancel or threading.Event()
    report = validate(target, purpose=purpose)
    sign_in = None
    if report.problem is None:
        # The run's target, derived once: the site address and the credential as its provider has it now.
        sign_in, report.problem = _sign_in(target, cancel)
    if sign_in is not None:  # the address as every check uses it: normalised, a page address trimmed to the site
        target = dataclasses.replace(target, url=site_url(registry.get(target.tracker).spec, target.url),
                                     secrets=sign_in.secrets)
    # Everything a tracker sent reaches people through this report: the one place an echoed secret is masked.
    redact = Redactor.for_target(target, then=run_redactor)
    if report.problem is not None:
        report.finished_at = clock.now()
        return _redacted(report, redact)
    emit = (lambda result: on_result(redact.result(result))) if on_result is not None else None
    report = _run(target, purpose, report, sign_in, cancel=cancel, on_result=emit, guard=guard or ProbeGuard(),
                  http_options=http_options)
    return _redacted(report, redact)


def _sign_in(target: Target, cancel: threading.Event) -> tuple[SignIn | None, Problem | None]:
    """Ask the target's credential provider (or, for an OAuth sign-in given on the command line, the one that
    trades its refresh token) for the credential of this run, in this thread."""
    provider = target.credentials or _command_line_sign_in(target) or CredentialProvider()
    try:
        return provider.sign_in(target, cancel), None
    except ExaDeskError as exc:
        return None, exc.problem


def _command_line_sign_in(target: Target):
    """The provider that trades a refresh token given on the command line, where the tracker has a browser
    sign-in; the token machinery (and the stored-token keychain it needs) is loaded only then."""
    if registry.oauth_profile(target.tracker) is None:
        return None
    from exadesk.verification import tokens

    return tokens.command_line_sign_in(target)


def _redacted(report: Report, redact: Redactor) -> Report:
    if redact:
        report.checks = [redact.result(c) for c in report.checks]
        report.identity = redact.identity(report.identity)
        report.problem = redact.problem(report.problem)
    return report


def _run(target: Target, purpose: str, report: Report, sign_in: SignIn, *, cancel, on_result, guard,
         http_options) -> Report:
    tracker = registry.get(target.tracker)
    spec = tracker.spec
    if purpose == "admin":
        # The admin run judges the admin catalogue only; its ids stay "<tracker>.<vendor key>".
        requirements = tuple(spec.admin_requirements.values())
        live = getattr(tracker.module, "verify_admin", None) or _no_admin_api
    else:
        requirements = spec.requirements
        live = tracker.verify_live
    # Offline checks passed; keep their notices but not the format checks in the live report.
    report.checks = [c for c in report.checks if c.id.startswith("notice.")]
    for c in report.checks:
        _emit(on_result, c)

    def client_factory(base_url: str, auth, *, login_url: str = "", diagnose=None) -> HttpClient:
        options = dict(http_options or {})
        page = Page(spec.name, diagnose, login_url, self_hosted=spec.url.self_hosted)
        return HttpClient(base_url=base_url, page=page, auth=auth, guard=guard,
                          cancel=cancel, timeout=options.pop("timeout", (min(10.0, target.timeout), target.timeout)),
                          ca_bundle=target.ca_bundle, proxy=target.proxy, verifying=True,
                          reads=spec.non_get_reads, **options)

    ctx = VerifyContext(spec, target, client_factory, cancel, concurrency=MAX_PER_HOST, requirements=requirements,
                        sign_in=sign_in)
    report.problem = _live(live, ctx, report, on_result)
    report.identity = ctx.identity
    report.signed_in = ctx.signed_in
    report.token_expires_at = ctx.token_expires_at
    for result in _remaining(ctx, report):
        report.checks.append(result)
        _emit(on_result, result)
    person = _person_check(spec, target, report) if purpose == "proxy" else None
    if person:
        report.checks.append(person)
        _emit(on_result, person)
    report.finished_at = clock.now()
    return report


def _live(live, ctx: VerifyContext, report: Report, on_result: OnResult | None) -> Problem | None:
    """Run the adapter's generator into ``report``; the Problem that ended it early, or None."""
    try:
        for result in live(ctx):
            report.checks.append(result)
            _emit(on_result, result)
            if ctx.cancel.is_set():
                raise CheckError(messages.problem("cancelled"))
    except ExaDeskError as exc:
        problem = exc.problem
        if messages.address_matters(problem.reason):
            # What passes or fails from a laptop may differ on the integration's server (IP allow-lists); only
            # causes that can depend on the address say so (a misspelt host or a suspended account do not).
            where = messages.problem("where.workstation")
            problem.next_step = f"{problem.next_step} {where.message} {where.next_step}".strip()
        return problem
    except Exception as exc:  # an adapter bug must not take the window down; the log keeps the type and place
        # Not log.exception: the exception's text may quote a secret the adapter held; the frames do not.
        log.error("adapter %s crashed with %s:\n%s", ctx.spec.id, type(exc).__name__,
                  "".join(traceback.format_tb(exc.__traceback__)).rstrip())
        return messages.problem("http.wrong_shape", tracker=ctx.spec.name, what="an internal error in ExaDesk",
                                url=ctx.target.url)
    return None


def _no_admin_api(ctx: VerifyContext):
    """Trackers without ``verify_admin``: nothing to call; every admin requirement becomes a manual check."""
    return iter(())


def _emit(on_result: OnResult | None, result: CheckResult) -> None:
    if on_result is not None:
        on_result(result)


def _remaining(ctx: VerifyContext, report: Report) -> list[CheckResult]:
    """Give every requirement of the catalogue judged a result: skipped, manual, or unknown when the run stopped
    early."""
    spec, target = ctx.spec, ctx.target
    out = []
    seen = {c.id for c in report.checks}
    for req in ctx.requirements:
        check_id = spec.check_id(req.key)
        if check_id in seen:
            continue
        if not req.applies(target.sync, target.auth_method):
            if req.methods and target.auth_method and target.auth_method not in req.methods:
                continue  # belongs to another sign-in method: not part of this setup at all
            out.append(CheckResult(check_id, Status.SKIPPED, req.title, messages.say("skipped"), ""))
        elif req.manual:
            steps = " ".join(f"{i}. {s}" for i, s in enumerate(req.steps, 1))
            out.append(CheckResult(check_id, Status.UNKNOWN, req.title,
                                   messages.say("manual") + (f" {steps}" if steps else ""), req.fix, manual=True))
        else:
            why = messages.say("stopped" if report.problem else "not_checked")
            out.append(CheckResult(check_id, Status.UNKNOWN, req.title, why, req.fix))
    return out


def _notice_results(spec, target: Target) -> list[CheckResult]:
    today = clock.now().date()
    out = []
    for notice in notices.for_spec(spec, target.auth_method):
        when = notice.effective.strftime("%-d %B %Y") if hasattr(notice.effective, "strftime") else str(notice.effective)
        tense = messages.say("notice.since" if notice.effective <= today else "notice.from")
        out.append(CheckResult(f"notice.{notice.id}", Status.WARN, notice.title,
                               messages.say("notice", text=notice.text, tense=tense, when=when), notice.advice))
    return out


def _norm(value: str) -> str:
    return (value or "").strip().lower()


def _person_check(spec, target: Target, report: Report) -> CheckResult | None:
    """Warn when the proxy user is the person doing the setup (their own edits would stop syncing)."""
    ident = report.identity
    if ident is None or not target.person:
        return None
    handles = {_norm(ident.name), _norm(ident.login), _norm(ident.id)} - {""}
    people = {_norm(p) for p in target.person.split(",")} - {""}
    check_id = f"{spec.id}.dedicated_proxy_user"
    title = messages.say("person.title")
    if handles & people:
        return CheckResult(check_id, Status.WARN, title, messages.say("person.is_you", who=ident.label()),
                           messages.say("person.is_you_fix"))
    return CheckResult(check_id, Status.PASS, title, messages.say("person.not_you", who=ident.label()), "")


# -- verify many -------------------------------------------------------------------


def verify_many(targets: Iterable[tuple[str, Target]], *, max_workers: int = 8, per_host: int = MAX_PER_HOST,
                cancel: threading.Event | None = None,
                on_report: Callable[[str, Report], None] | None = None,
                on_start: Callable[[str], None] | None = None,
                on_result: Callable[[str, CheckResult], None] | None = None,
                cancels: Mapping[str, threading.Event] | None = None) -> dict[str, Report]:
    """Verify several targets in parallel; ``targets`` are (key, target) pairs. See :class:`VerifyMany`."""
    return VerifyMany(targets, max_workers=max_workers, per_host=per_host, cancel=cancel, on_report=on_report,
                      on_start=on_start, on_result=on_result, cancels=cancels).run()


class VerifyMany:
    """The one verify-all scheduler: several targets verified in parallel, politely per host.

    At most ``max_workers`` run at once and at most ``per_host`` against one host (name and port,
    :func:`exadesk.verification.http_limits.host_key`), so a consultant's 50 instances on one Jira do not look like an
    attack; their requests together stay within the same per-host bound (exadesk.verification.http_limits.HOST_LIMITS),
    with each check's own concurrent reads. A free worker takes the next target in order whose host has room (the one
    per-host wait, :class:`exadesk.verification.http_limits.HostSlots`): many targets on one host never hold back those
    on another. One ProbeGuard serves the whole run.

    ``cancel`` stops the run: queued targets end as cancelled without sending anything. ``cancels``: a key's own flag
    (set by whoever stops that one); a running target stops on either flag. ``on_start(key)`` when a target leaves
    the queue, ``on_result(key, result)`` per check as it comes, ``on_report(key, report)`` once per target; all from
    worker threads. :meth:`withdraw` takes a queued target out (a person verifies it on its own).
    """

    def __init__(self, targets: Iterable[tuple[str, Target]], *, max_workers: int = 8, per_host: int = MAX_PER_HOST,
                 cancel: threading.Event | None = None, on_report: Callable[[str, Report], None] | None = None,
                 on_start: Callable[[str], None] | None = None,
                 on_result: Callable[[str, CheckResult], None] | None = None,
                 cancels: Mapping[str, threading.Event] | None = None):
        self.cancel = cancel or threading.Event()
        self.cancels = cancels or {}
        self.max_workers = max(1, max_workers)
        self.on_report, self.on_start, self.on_result = on_report, on_start, on_result
        self.guard = ProbeGuard()
        self._queue = [(key, target, host_key(normalise_url(target.url))) for key, target in targets]
        # A server that two instances share sees both credentials: whatever it echoes, every secret of the run is
        # masked (one pattern for the run, compiled here once).
        self._run_redactor = Redactor.for_run(target for _, target, _ in self._queue)
        self._slots = HostSlots(per_host)
        self._lock = threading.Lock()
        self.results: dict[str, Report] = {}

    def _stopped(self, item) -> bool:
        own = self.cancels.get(item[0])
        return self.cancel.is_set() or (own is not None and own.is_set())

    def withdraw(self, key: str) -> bool:
        """Take ``key`` out of the queue before it starts. True when this run will not verify it (taken out now, or
        finished already); False when it has left the queue and is being verified."""
        if self._slots.withdraw(self._queue, lambda item: item[0] == key) is not None:
            return True
        with self._lock:
            return key in self.results

    def run(self) -> dict[str, Report]:
        """Verify every target (blocking) and return the reports by key."""
        workers = min(self.max_workers, len(self._queue))
        with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="verify") as pool:
            for future in [pool.submit(self._work) for _ in range(workers)]:
                future.result()
        return self.results

    def _work(self) -> None:
        while True:
            item, held = self._slots.take_next(self._queue, lambda queued: queued[2], self._stopped)
            if item is None:
                return
            key, target, host = item
            if held:
                try:
                    report = self._verify(key, target)
                finally:
                    self._slots.release(host)
            else:  # stopped while it waited: it never starts, and nothing is sent
                report = Report(tracker=target.tracker, url=target.url, problem=messages.problem("cancelled"))
            with self._lock:
                self.results[key] = report
            if self.on_report is not None:
                self.on_report(key, report)

    def _verify(self, key: str, target: Target) -> Report:
        if self.on_start is not None:
            self.on_start(key)
        emit = (lambda result: self.on_result(key, result)) if self.on_result is not None else None
        return verify(target, cancel=any_set(self.cancel, self.cancels.get(key)), guard=self.guard,
                      run_redactor=self._run_redactor, on_result=emit)


def is_inconclusive(kind: ErrorKind) -> bool:
    return kind in (ErrorKind.NETWORK, ErrorKind.TLS, ErrorKind.RATE_LIMITED, ErrorKind.UNEXPECTED_RESPONSE,
                    ErrorKind.CANCELLED)
