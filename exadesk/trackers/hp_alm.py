"""HP ALM/QC: placeholder spec until its adapter lands (see the tracker issues)."""

from __future__ import annotations

from exadesk import messages
from exadesk.errors import CheckError
from exadesk.trackers.base import AuthMethod, Field, ScopeSpec, TrackerSpec, UrlSpec

SPEC = TrackerSpec(
    id="hp_alm",
    name="HP ALM/QC",
    docs_url="",
    url=UrlSpec(example="https://alm.example.com/qcbin", hint="https://alm.example.com/qcbin"),
    scope=ScopeSpec(label="Projects", example=""),
    auth_methods=(
        AuthMethod(
            id="password",
            label="Admin user + password",
            description="",
            fields=(
                Field("username", "User name", secret=False, role='user'),
                Field("password", "Password", secret=True),
            ),
        ),
    ),
    requirements=(),
    retired="Support for HP ALM/QC ended in November 2024.",
)


def verify_live(ctx):
    raise CheckError(messages.problem("unexpected_response", tracker=SPEC.name,
                                      what="live verification of this tracker is not built yet", url=ctx.target.url))
    yield  # pragma: no cover
