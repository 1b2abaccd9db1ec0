"""GitHub's REST and GraphQL APIs as ExaDesk reads them for exadesk/trackers/github.py: which repositories in scope
a token reaches and whether its user administers them, directly or as organisation owner, and what GitHub says a
token lacks. It judges nothing and writes no sentence a person reads.

https://docs.github.com/rest/repos/repos#get-a-repository (permissions.admin, owner.type)
https://docs.github.com/rest/orgs/members#get-an-organization-membership-for-the-authenticated-user
https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#insufficient-permission-errors and
https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors
    (fine-grained tokens carry no X-OAuth-Scopes; X-Accepted-GitHub-Permissions names what an endpoint accepts,
    sets separated by "; ", permissions of a set by ",")
https://docs.github.com/graphql/guides/forming-calls-with-graphql (POST /graphql; GHES: /api/graphql; a query
    reads, with aliases for many repositories in one call; a missing repository is null with a NOT_FOUND error)
https://docs.github.com/graphql/reference/objects#repository (viewerPermission, owner)
"""

from __future__ import annotations

from dataclasses import field
from urllib.parse import urlsplit

from exadesk.foundation.records import dataclass
from exadesk.verification.http import Reply


@dataclass(frozen=True)
class Needs:
    """What an endpoint told the token it accepts: X-Accepted-GitHub-Permissions as alternative sets of (permission,
    level) pairs (to a fine-grained token), or X-Accepted-OAuth-Scopes (to a classic one)."""

    permissions: tuple[tuple[tuple[str, str], ...], ...] = ()
    scopes: str = ""

    def __bool__(self) -> bool:
        return bool(self.permissions or self.scopes)


def permission_sets(header: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """``issues=read; pull_requests=read`` as ((("issues", "read"),), (("pull_requests", "read"),)); a set asking for
    nothing (``allows_permissionless_access``) is left out."""
    sets = []
    for alternative in (header or "").split(";"):
        wanted = []
        for item in alternative.split(","):
            name, _, level = item.strip().partition("=")
            if name and level and name != "allows_permissionless_access":
                wanted.append((name, level))
        if wanted:
            sets.append(tuple(wanted))
    return tuple(sets)


def needs(reply: Reply) -> Needs:
    """What the endpoint accepts, from a reply to a fine-grained token (or a classic one's accepted scopes)."""
    permissions = permission_sets(reply.headers.get("X-Accepted-GitHub-Permissions", ""))
    return Needs(permissions, "" if permissions else reply.headers.get("X-Accepted-OAuth-Scopes", "").strip())


@dataclass
class Rights:
    """What the token showed about the repositories in scope."""

    missing: list[str] = field(default_factory=list)  # not reachable
    not_admin: list[str] = field(default_factory=list)
    via_owner: list[str] = field(default_factory=list)  # administered as organisation owner only
    #: repository -> what the token lacks to read its owner's membership (the owner role is not confirmed)
    owner_unread: dict[str, Needs] = field(default_factory=dict)
    #: repository -> what GitHub says the repository endpoint accepts (for a repository not reachable)
    missing_needs: dict[str, Needs] = field(default_factory=dict)


def repository_rights(ctx, client, repos: list[str]) -> Rights:
    """Which repositories the token reaches and the user administers, directly or as organisation owner.

    A classic token's repositories (two or more) come from one GraphQL query (aliases). GitHub's REST API reads
    one repository a request, so it reads, concurrently, only what the query did not settle: every repository for
    fine-grained tokens (their replies say which permission is missing), a single repository, all of them when the
    query reports more than "not found" (SAML), and the repositories the query did not find (to say what the token
    lacks). Then each organisation's membership once.
    """
    rights = Rights()
    bulk = (ctx.target.auth_method or "classic") == "classic" and len(repos) > 1  # one repository: REST says more
    first = _graphql_kinds(ctx, client, repos) if bulk else None
    by_rest = repos if first is None else [full for full in repos if first[full] is None]
    replies = ctx.gather(lambda full=full: client.get(f"/repos/{full}", allow=(404, 403, 301)) for full in by_rest)
    org_owned: list[str] = [full for full in repos if first and first[full] == "org"]
    rights.not_admin = [full for full in repos if first and first[full] == "user"]
    for full, repo_reply in zip(by_rest, replies):
        if repo_reply.status != 200:
            rights.missing.append(full)
            if needs(repo_reply):
                rights.missing_needs[full] = needs(repo_reply)
            continue
        data = client.decode(repo_reply, dict)
        permissions = data.get("permissions") if isinstance(data.get("permissions"), dict) else {}
        if permissions.get("admin") is True:
            continue
        owner_info = data.get("owner") if isinstance(data.get("owner"), dict) else {}
        if owner_info.get("type") == "Organization":
            org_owned.append(full)
        else:
            rights.not_admin.append(full)
    owners = sorted({full.partition("/")[0] for full in org_owned})
    owner_roles = dict(zip(owners, ctx.gather(lambda owner=owner: _owner_role(client, owner) for owner in owners)))
    for full in org_owned:
        role = owner_roles[full.partition("/")[0]]
        if role is True:
            rights.via_owner.append(full)
        elif isinstance(role, Needs):
            rights.owner_unread[full] = role
        else:
            rights.not_admin.append(full)
    rights.not_admin = [r for r in repos if r in rights.not_admin]
    return rights


#: Repositories asked in one GraphQL query (GitHub limits a query's cost, not its aliases; 50 stays far below it).
GRAPHQL_BATCH = 50


def _graphql_kinds(ctx, client, repos: list[str]) -> dict[str, str | None] | None:
    """Each repository as "admin" (the user administers it), "org" or "user" (its owner's kind), or None when it
    was not found, from one query per :data:`GRAPHQL_BATCH`; None when GitHub reported more than "not found"."""
    answers = ctx.gather(lambda chunk=repos[i:i + GRAPHQL_BATCH]: _graphql_query(client, chunk)
                         for i in range(0, len(repos), GRAPHQL_BATCH))
    if any(answer is None for answer in answers):
        return None
    return {full: kind for answer in answers for full, kind in answer.items()}


def _graphql_url(client) -> str:
    parts = urlsplit(client.base_url)
    if parts.hostname == "api.github.com":
        return "https://api.github.com/graphql"
    return f"{parts.scheme}://{parts.netloc}/api/graphql"  # GitHub Enterprise Server


def _graphql_query(client, repos: list[str]) -> dict[str, str | None] | None:
    fields = "nameWithOwner viewerPermission owner { __typename }"
    parts = []
    for n, full in enumerate(repos):
        owner, _, name = full.partition("/")
        parts.append(f"r{n}: repository(owner: {_graphql_string(owner)}, name: {_graphql_string(name)}) "
                     f"{{ {fields} }}")
    reply = client.request("POST", _graphql_url(client), json_body={"query": "query { " + " ".join(parts) + " }"},
                           allow=(403,))
    if reply.status == 403:
        return None
    body = client.decode(reply, dict)
    if any(isinstance(e, dict) and e.get("type") != "NOT_FOUND" for e in body.get("errors") or []):
        return None
    data = body.get("data") if isinstance(body.get("data"), dict) else {}
    out: dict[str, str | None] = {}
    for n, full in enumerate(repos):
        repo = data.get(f"r{n}")
        owner = repo.get("owner") if isinstance(repo, dict) and isinstance(repo.get("owner"), dict) else {}
        if not isinstance(repo, dict):
            out[full] = None
        elif repo.get("viewerPermission") == "ADMIN":
            out[full] = "admin"
        else:
            out[full] = "org" if owner.get("__typename") == "Organization" else "user"
    return out


def _graphql_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _owner_role(client, owner: str) -> bool | Needs:
    """True/False for an organisation owner, or what the token lacks to read the membership (possibly nothing
    named)."""
    membership = client.get(f"/user/memberships/orgs/{owner}", allow=(403, 404))
    if membership.status == 403:
        # The token may not read the membership: the role is unknown, not absent.
        return needs(membership)
    body = client.decode(membership, dict) if membership.status == 200 else {}
    return body.get("role") == "admin" and body.get("state") == "active"
