"""Azure DevOps: placeholder spec until its adapter lands (see the tracker issues)."""

from __future__ import annotations

from exadesk import messages
from exadesk.errors import CheckError
from exadesk.trackers.base import AuthMethod, Field, ScopeSpec, TrackerSpec, UrlSpec

SPEC = TrackerSpec(
    id="azure_devops",
    name="Azure DevOps",
    docs_url="",
    url=UrlSpec(example="https://dev.azure.com/your-org", hint="https://dev.azure.com/your-org"),
    scope=ScopeSpec(label="Projects", example=""),
    auth_methods=(
        AuthMethod(
            id="pat",
            label="Personal access token",
            description="",
            fields=(
                Field("token", "Personal access token", secret=True),
            ),
        ),
    ),
    requirements=(),
)


def verify_live(ctx):
    raise CheckError(messages.problem("unexpected_response", tracker=SPEC.name,
                                      what="live verification of this tracker is not built yet", url=ctx.target.url))
    yield  # pragma: no cover
