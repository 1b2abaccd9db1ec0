"""Glue between stored instances, the keychain and the check engine (used by CLI and GUI)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from exadesk import messages
from exadesk.checks import Report
from exadesk.errors import KeychainError
from exadesk.keychain import SecretStore
from exadesk.model import Instance, InstanceState, Settings, Verification, Workspace
from exadesk.trackers.base import Secrets, Target

#: A verification older than this is "stale" and redone by verify-all.
STALE_AFTER = timedelta(days=7)


def target_for(instance: Instance, workspace: Workspace | None = None, *, secrets: SecretStore | None = None,
               settings: Settings | None = None) -> tuple[Target, list]:
    """Build a verification target; secrets come from the keychain.

    Returns:
        The target and a list of Problems (a secret missing from the keychain).
    """
    problems = []
    values: dict[str, str] = {}
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
            else:
                problems.append(messages.problem("keychain.missing_secret", field=name, instance=instance.name))
    settings = settings or Settings()
    target = Target(
        tracker=instance.tracker, url=instance.url, auth_method=instance.auth_method, values=dict(instance.values),
        secrets=Secrets(values), sync=frozenset(instance.sync), scope=list(instance.scope),
        ca_bundle=instance.ca_bundle or settings.ca_bundle or None, timeout=settings.timeout,
        proxy=settings.proxy or None, person=workspace.person if workspace else "",
    )
    return target, problems


def verification_from(report: Report) -> Verification:
    """What is stored of a report: statuses, texts, identity. Never a secret."""
    return Verification(
        at=report.finished_at or datetime.now(timezone.utc), ready=report.ready, checks=list(report.checks),
        identity=report.identity.label() if report.identity else "",
        error_kind=report.problem.kind.value if report.problem else None,
        error_reason=report.problem.reason if report.problem else None,
        error_message=report.problem.text() if report.problem else None,
    )


def record(instance: Instance, report: Report) -> None:
    """Store a report's outcome on the instance (history, state, identity, expiry)."""
    verification = verification_from(report)
    instance.record(verification)
    if report.identity and not instance.proxy_user:
        instance.proxy_user = report.identity.label()
    if report.token_expires_at:
        instance.token_expires_at = report.token_expires_at
    if report.problem is not None and report.problem.kind.value in ("network", "tls", "rate_limited", "cancelled"):
        # Could not reach it: the instance stays prepared rather than "failing".
        if instance.state is InstanceState.FAILING and len(instance.history) == 1:
            instance.state = InstanceState.PREPARED_OFFLINE


def needs_verification(instance: Instance, now: datetime | None = None) -> bool:
    """Pending (never verified) or stale instances."""
    now = now or datetime.now(timezone.utc)
    last = instance.last
    return last is None or instance.state in (InstanceState.DRAFT, InstanceState.PREPARED_OFFLINE) \
        or (now - last.at) > STALE_AFTER
