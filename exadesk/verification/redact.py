"""Take every secret of a run out of what a tracker sent, before it is shown or stored.

A hostile or careless server may echo the credential back: in an error message, or as the account's name.
Whatever the adapters make of a reply reaches people through a Report (check details, the identity, the
problem), so the engine passes each of those through one :class:`Redactor` built from the run's secrets, and
nothing downstream (the output, the data file, reports, bundles) ever sees the secret.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from typing import Iterable
from urllib.parse import quote, quote_plus

#: What an echoed secret is shown as.
MASK = "****"
#: Shorter secrets are not searched for: masking every "abc" in the text would garble it and hide nothing.
MIN_LENGTH = 4


def secret_forms(secret: str, users: Iterable[str] = ()) -> set[str]:
    """The ways ``secret`` can travel: plain, URL-encoded, base64 alone and as HTTP Basic ``user:secret``."""
    raw_bytes = secret.encode("utf-8", errors="surrogateescape")  # a secret that was not UTF-8 still has its bytes
    forms = {secret, quote(raw_bytes, safe=""), quote_plus(raw_bytes)}
    # Basic user names: as typed, Zendesk's "{email}/token", and none at all (Azure DevOps sends ":{token}").
    raws = [secret, f":{secret}"] + [f"{u}{suffix}:{secret}" for u in users if u for suffix in ("", "/token")]
    for raw in raws:
        data = raw.encode("utf-8", errors="surrogateescape")
        for encoded in (base64.b64encode(data).decode(), base64.urlsafe_b64encode(data).decode()):
            forms.update((encoded, encoded.rstrip("=")))
    return {f for f in forms if len(f) >= MIN_LENGTH}


def _forms(secrets: Iterable[str], users: Iterable[str]) -> set[str]:
    users = tuple(users)
    forms: set[str] = set()
    for secret in secrets:
        if secret and len(secret) >= MIN_LENGTH:
            forms |= secret_forms(secret, users)
    return forms


def _users(target) -> list[str]:
    """A target's non-secret values: the user names a Basic form of its secret may carry."""
    return [v for v in target.values.values() if isinstance(v, str)]


class Redactor:
    """Masks the given secrets (in every form :func:`secret_forms` knows) in text and in report parts.

    ``then``: another redactor applied after this one (Verify all's, for the run's other secrets: it is compiled
    once for the run, where folding fifty credentials into every check's own pattern cost each check ~10 ms).
    """

    def __init__(self, secrets: Iterable[str] = (), users: Iterable[str] = (), *, forms: Iterable[str] = (),
                 then: "Redactor | None" = None):
        # Longest first, so a Basic form is masked whole rather than around the plain secret inside it.
        ordered = sorted(_forms(secrets, users) | set(forms), key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._then = then if then else None

    @classmethod
    def for_target(cls, target, then: "Redactor | None" = None) -> "Redactor":
        """Every secret of a :class:`~exadesk.verification.spec.Target`, with the target's non-secret values as Basic
        users; ``then``: the run's redactor for the other instances' secrets (:meth:`for_run`)."""
        return cls(target.secrets.values(), _users(target), then=then)

    @classmethod
    def for_run(cls, targets: Iterable) -> "Redactor":
        """Every secret of a run's targets, each in the forms its own target sends it (Verify all: a server that two
        instances share sees both credentials, and whatever it echoes is masked)."""
        forms: set[str] = set()
        for target in targets:
            forms |= _forms(target.secrets.values(), _users(target))
        return cls(forms=forms)

    def __bool__(self) -> bool:
        return self._pattern is not None or self._then is not None

    def text(self, value):
        """``value`` with every secret form masked (non-strings pass through)."""
        if not self or not isinstance(value, str) or not value:
            return value
        if self._pattern is not None:
            value = self._pattern.sub(MASK, value)
        return self._then.text(value) if self._then is not None else value

    def fields(self, obj, names: Iterable[str]):
        """A copy of dataclass ``obj`` with its named string fields masked (``obj`` itself when nothing changed)."""
        if obj is None or not self:
            return obj
        changes = {n: self.text(getattr(obj, n)) for n in names}
        changes = {n: v for n, v in changes.items() if v != getattr(obj, n)}
        return dataclasses.replace(obj, **changes) if changes else obj

    def problem(self, problem):
        if problem is None or not self:
            return problem
        redacted = self.fields(problem, ("message", "next_step"))
        if any(isinstance(v, str) and self.text(v) != v for v in problem.details.values()):
            redacted = dataclasses.replace(redacted, details={k: self.text(v) for k, v in problem.details.items()})
        return redacted

    def result(self, result):
        return self.fields(result, ("title", "detail", "fix"))

    def identity(self, identity):
        return self.fields(identity, ("name", "login", "id", "kind"))
