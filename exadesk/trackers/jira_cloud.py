"""Jira Cloud: placeholder spec until its adapter lands (see the tracker issues)."""

from __future__ import annotations

from exadesk import messages
from exadesk.errors import CheckError
from exadesk.trackers.base import AuthMethod, Field, ScopeSpec, TrackerSpec, UrlSpec

SPEC = TrackerSpec(
    id="jira_cloud",
    name="Jira Cloud",
    docs_url="",
    url=UrlSpec(example="https://your-site.atlassian.net", hint="https://your-site.atlassian.net"),
    scope=ScopeSpec(label="Projects", example=""),
    auth_methods=(
        AuthMethod(
            id="api_token",
            label="Admin email + API token",
            description="",
            fields=(
                Field("email", "Admin email", secret=False, role='user'),
                Field("api_token", "API token", secret=True),
            ),
        ),
    ),
    requirements=(),
)


def verify_live(ctx):
    raise CheckError(messages.problem("unexpected_response", tracker=SPEC.name,
                                      what="live verification of this tracker is not built yet", url=ctx.target.url))
    yield  # pragma: no cover
