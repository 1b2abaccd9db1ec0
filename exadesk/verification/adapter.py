"""Adapters in three steps: sign in, gather the facts, judge each requirement.

A tracker module writes three kinds of function and joins them with :func:`adapter`::

    JUDGES = Judges()

    def _sign_in(ctx) -> Session: ...          # the one probe; sets ctx.identity
    def _gather(ctx, session) -> Facts: ...    # reads only what the requirements that apply need

    @JUDGES("member")
    def _member(ctx, facts) -> CheckResult: ...  # one small function per requirement key

    verify_live = adapter(_sign_in, _gather, JUDGES)

The facts are what the tracker said, as data; a judge reads them and decides one requirement, so each rule can be
read (and tested) on its own, and the reads can run concurrently (``ctx.gather``) without touching the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from exadesk.foundation.checks import CheckResult

T = TypeVar("T")

#: judge(ctx, facts): one result, or several for the rare rule that also reports ``ctx.scope_missing``.
Judge = Callable[..., "CheckResult | Iterable[CheckResult] | None"]


class Judges:
    """The judge functions of one tracker, each registered under the requirement key it decides."""

    def __init__(self) -> None:
        self._by_key: dict[str, Judge] = {}

    def __call__(self, *keys: str) -> Callable[[Judge], Judge]:
        """Decorator: ``@JUDGES("member")`` registers the function as the judge of ``member``."""
        def register(judge: Judge) -> Judge:
            for key in keys:
                self.add(key, judge)
            return judge
        return register

    def add(self, key: str, judge: Judge) -> None:
        """Register ``judge`` for ``key`` (parametrised keys: ``functools.partial(fn, group=...)``)."""
        if key in self._by_key:
            raise ValueError(f"two judges for the requirement {key!r}")
        self._by_key[key] = judge

    def keys(self) -> tuple[str, ...]:
        return tuple(self._by_key)

    def judge(self, ctx, facts) -> Iterator[CheckResult]:
        """The results of every requirement that applies and has a judge, in the catalogue's order."""
        for req in ctx.requirements:  # the catalogue this run judges (proxy or admin)
            judge = self._by_key.get(req.key)
            if judge is None or not ctx.applies(req.key):
                continue
            outcome = judge(ctx, facts)
            if isinstance(outcome, CheckResult):
                yield outcome
            elif outcome is not None:
                yield from outcome


def adapter(sign_in: Callable, gather: Callable, judges: Judges) -> Callable[..., Iterator[CheckResult]]:
    """A ``verify_live`` (or ``verify_admin``) generator made of the three steps."""
    def verify(ctx) -> Iterator[CheckResult]:
        session = sign_in(ctx)
        facts = gather(ctx, session)
        yield from judges.judge(ctx, facts)
    verify.judges = judges  # for tests: which keys this adapter decides
    return verify


class Later(Generic[T]):
    """A fact read the first time a judge asks for it (``get``), once.

    For a slow read that only some requirements need: the judges before them in the catalogue report while it is
    read, so the window shows those checks as they come, and an error reading it (SAML SSO, a spent rate limit)
    stops the run only from the first judge that needs it.
    """

    def __init__(self, read: Callable[[], T]) -> None:
        self._read: Callable[[], T] | None = read
        self._value: T | None = None

    def get(self) -> T:
        if self._read is not None:
            self._value, self._read = self._read(), None
        return self._value
