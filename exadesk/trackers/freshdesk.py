"""Freshdesk: placeholder spec until its adapter lands (see the tracker issues)."""

from __future__ import annotations

from exadesk import messages
from exadesk.errors import CheckError
from exadesk.trackers.base import AuthMethod, Field, ScopeSpec, TrackerSpec, UrlSpec

SPEC = TrackerSpec(
    id="freshdesk",
    name="Freshdesk",
    docs_url="",
    url=UrlSpec(example="https://your-domain.freshdesk.com", hint="https://your-domain.freshdesk.com"),
    scope=ScopeSpec(label="Projects", example=""),
    auth_methods=(
        AuthMethod(
            id="api_key",
            label="API key",
            description="",
            fields=(
                Field("api_key", "API key", secret=True),
            ),
        ),
    ),
    requirements=(),
)


def verify_live(ctx):
    raise CheckError(messages.problem("unexpected_response", tracker=SPEC.name,
                                      what="live verification of this tracker is not built yet", url=ctx.target.url))
    yield  # pragma: no cover
