"""ServiceNow: placeholder spec until its adapter lands (see the tracker issues)."""

from __future__ import annotations

from exadesk import messages
from exadesk.errors import CheckError
from exadesk.trackers.base import AuthMethod, Field, ScopeSpec, TrackerSpec, UrlSpec

SPEC = TrackerSpec(
    id="servicenow",
    name="ServiceNow",
    docs_url="",
    url=UrlSpec(example="https://your-instance.service-now.com", hint="https://your-instance.service-now.com"),
    scope=ScopeSpec(label="Projects", example=""),
    auth_methods=(
        AuthMethod(
            id="basic",
            label="User name + password",
            description="",
            fields=(
                Field("username", "User name", secret=False, role='user'),
                Field("password", "Password", secret=True),
            ),
        ),
    ),
    requirements=(),
)


def verify_live(ctx):
    raise CheckError(messages.problem("unexpected_response", tracker=SPEC.name,
                                      what="live verification of this tracker is not built yet", url=ctx.target.url))
    yield  # pragma: no cover
