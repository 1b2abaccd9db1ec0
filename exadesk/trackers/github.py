"""GitHub (github.com and GitHub Enterprise Server), personal access tokens.

Written from GitHub's REST API documentation:
https://docs.github.com/rest/users/users#get-the-authenticated-user
https://docs.github.com/rest/repos/repos#get-a-repository
https://docs.github.com/rest/orgs/members#get-an-organization-membership-for-the-authenticated-user
https://docs.github.com/rest/overview/resources-in-the-rest-api (X-OAuth-Scopes, token expiration header)
https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#insufficient-permission-errors and
https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors
    (fine-grained tokens carry no X-OAuth-Scopes; X-Accepted-GitHub-Permissions names what an endpoint accepts,
    sets separated by "; ", permissions of a set by ",")
https://docs.github.com/enterprise-server@3.14/rest/quickstart (GHES serves the API at /api/v3)
https://docs.github.com/graphql/guides/forming-calls-with-graphql (POST /graphql; GHES: /api/graphql; a query
    reads, with aliases for many repositories in one call; a missing repository is null with a NOT_FOUND error)
https://docs.github.com/graphql/reference/objects#repository (viewerPermission, owner)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from exadesk import clock
from exadesk.checks import Identity
from exadesk.errors import ErrorKind
from exadesk.http import BearerAuth, DeclaredRead, Reply
from exadesk.messages import Message
from exadesk.trackers import register
from exadesk.trackers.base import AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec, origin

EXPIRY_WARNING = timedelta(days=14)

ADMIN_KEY, REPO_ADMIN_KEY = "admin.owner_or_repo_admin", "admin.repo_admin"

_REPO_FIX = ("Make the proxy user an admin of the repository (Repository, Settings, Collaborators and teams, "
             "role Admin), or an owner of the organisation.")

_GRAPHQL_QUERY = re.compile(r"\s*(query\b|\{)")  # a query document, never a mutation or subscription


def _graphql_query(body) -> bool:
    query = body.get("query") if isinstance(body, dict) else None
    return isinstance(query, str) and _GRAPHQL_QUERY.match(query) is not None


#: GraphQL (api.github.com/graphql, GHES /api/graphql): queries only.
NON_GET_READS = (
    DeclaredRead("POST", "/graphql", "https://docs.github.com/graphql/guides/forming-calls-with-graphql#about-queries",
                 body=_graphql_query),
)

SPEC = TrackerSpec(
    non_get_reads=NON_GET_READS,
    catalogue_order=40,
    id="github",
    name="GitHub",
    docs_url="https://docs.github.com/rest",
    summary="Repositories on github.com or GitHub Enterprise Server; the proxy user's personal access token.",
    url=UrlSpec(
        example="https://github.com",
        hint="https://github.com, or your GitHub Enterprise Server address such as https://github.example.com",
        default="https://github.com",
        site=r"[^/?#@\s]+",  # the API lives at the host (api.github.com or /api/v3), so a repository page trims to it
        self_hosted=True,
    ),
    scope=ScopeSpec(label="Repositories", example="acme/website", hint="owner/repository, for example acme/website",
                    pattern=r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", noun="repository", entry="owner/name",
                    required=True),
    sync_options=("comments", "attachments", "triggers"),
    auth_methods=(
        AuthMethod(
            id="classic",
            label="Personal access token (classic)",
            description="A token that acts as the proxy user everywhere it has access. Needs the repo scope, which "
                        "covers private repositories.",
            fields=(
                Field("token", "Personal access token", secret=True, hint="a classic token, starting with ghp_",
                      example="ghp_" + "x" * 36, pattern=r"(ghp_[A-Za-z0-9]{36,251}|[0-9a-f]{40})"),
            ),
            steps=(
                Step("Sign in to GitHub as the proxy user (the repository admin or organisation owner the integration "
                     "acts as)."),
                Step("Open Settings, Developer settings, Personal access tokens, Tokens (classic).",
                     link="{url}/settings/tokens", link_label="Open token settings"),
                Step("Choose Generate new token (classic). Name it after the integration and pick an expiry your "
                     "policy allows."),
                Step("Tick the repo scope (full control of private repositories)."),
                Step("Generate the token and copy it at once: GitHub shows it only once."),
                Step("If your organisation uses single sign-on, choose Configure SSO next to the token and authorise "
                     "it for the organisation."),
            ),
        ),
        AuthMethod(
            id="fine_grained",
            label="Fine-grained personal access token",
            description="A token limited to chosen repositories of one owner. The organisation may have to approve it "
                        "before it can change anything.",
            fields=(
                Field("token", "Fine-grained token", secret=True, hint="a fine-grained token, starting with github_pat_",
                      example="github_pat_" + "x" * 40, pattern=r"github_pat_[A-Za-z0-9_]{22,251}"),
            ),
            steps=(
                Step("Sign in to GitHub as the proxy user."),
                Step("Open Settings, Developer settings, Personal access tokens, Fine-grained tokens, and choose "
                     "Generate new token.", link="{url}/settings/personal-access-tokens/new",
                     link_label="Open the new-token page"),
                Step("Set Resource owner to the organisation that owns the repositories (not your own account)."),
                Step("Under Repository access choose Only select repositories and pick the repositories to sync."),
                Step("Under Repository permissions give Administration, Contents, Issues, Metadata and Pull requests "
                     "access as the integration needs (Read and write)."),
                Step("Generate the token and copy it at once. If the organisation requires approval, ask an owner to "
                     "approve it under Organisation settings, Personal access tokens, Pending requests."),
            ),
        ),
    ),
    requirements=(
        Requirement("repo", "Token has the repo scope",
                    "Edit the token in Settings, Developer settings, Personal access tokens (classic) and tick repo; "
                    "without it GitHub hides private repositories (they answer 404).",
                    methods=frozenset({"classic"})),
        Requirement("repository_access", "Token reaches every repository in scope",
                    "Add the missing repositories to the token (Settings, Developer settings, Fine-grained tokens, "
                    "Repository access), or check the owner/repository names.",
                    methods=frozenset({"fine_grained"})),
        Requirement("admin", "Proxy user is repository admin or organisation owner", _REPO_FIX),
        Requirement("token_expiry", "Token is not about to expire",
                    "Create a new token before it expires and replace the secret in ExaDesk."),
        Requirement("fine_grained_approval", "Organisation approved the fine-grained token",
                    "Ask an organisation owner to approve the token (Organisation settings, Personal access tokens, "
                    "Pending requests).",
                    manual=True, methods=frozenset({"fine_grained"}),
                    steps=("Open github.com/settings/personal-access-tokens as the proxy user.",
                           "Open the token: its status must not read 'Pending' for the organisation.",
                           "GitHub lets a pending token read but answers 403 to every write, so a read-only check "
                           "cannot tell the difference.")),
    ),
    # No console group exists on GitHub, so only the admin kinds it has are declared (the planner explains the rest).
    admin_requirements={
        "system_admin": Requirement(ADMIN_KEY, "Administrator is organisation owner or admin of each repository",
                                    "Give the person the Admin role on each repository listed (Repository, "
                                    "Settings, Collaborators and teams), or make them an owner of the organisation "
                                    "(Organisation, People, Change role, Owner)."),
        "project_admin": Requirement(REPO_ADMIN_KEY, "Administrator has the Admin role on each repository in scope",
                                     "Give the person the Admin role on each repository listed (Repository, "
                                     "Settings, Collaborators and teams)."),
    },
    messages={
        "sso_required": Message(ErrorKind.FORBIDDEN,
                                "The organisation uses SAML single sign-on and this token is not yet authorised for it.",
                                "Open {sso_url} while signed in as the proxy user to authorise the token (the link is "
                                "valid for about an hour), then verify again."),
        "classic_forbidden": Message(ErrorKind.FORBIDDEN,
                                     "The organisation forbids access with classic personal access tokens.",
                                     "Create a fine-grained token with the organisation as resource owner."),
        "lifetime_policy": Message(ErrorKind.FORBIDDEN,
                                   "The organisation does not accept tokens that live this long.",
                                   "Create a new token with a shorter expiry, as the organisation's policy states."),
        "ip_allow_list": Message(ErrorKind.FORBIDDEN,
                                 "The organisation only accepts requests from allowed IP addresses, and this "
                                 "workstation's address is not one of them.",
                                 "Ask an organisation owner to add the address of this workstation and of the "
                                 "integration's server (Organisation settings, Authentication security, IP allow "
                                 "list)."),
        "rate_limited": Message(ErrorKind.RATE_LIMITED, "GitHub's rate limit for this token is used up.",
                                "Wait until {reset} and verify again."),
    },
)


def api_base(url: str) -> str:
    """github.com maps to api.github.com; any other host is a GHES server with /api/v3."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in ("github.com", "www.github.com", "api.github.com"):
        return "https://api.github.com"
    return origin(parts) + "/api/v3"


def diagnose(reply: Reply, client) -> object:
    """GitHub's own 403 signals: SSO, org policies, IP allow lists, a spent rate limit."""
    if reply.status != 403:
        return None
    sso = reply.headers.get("X-GitHub-SSO", "")
    if sso.startswith("required"):
        match = re.search(r"url=(\S+)", sso)
        return client_problem("sso_required", sso_url=match.group(1) if match else "the organisation's SSO page")
    data = reply.json_or_none()
    text = str(data.get("message", "")) if isinstance(data, dict) else ""
    if "personal access token (classic)" in text and "forbids" in text:
        return client_problem("classic_forbidden")
    if "lifetime is greater than" in text:
        return client_problem("lifetime_policy")
    if "IP allow list" in text or "appear to have the correct authorization credentials" in text:
        return client_problem("ip_allow_list")
    if reply.headers.get("X-RateLimit-Remaining") == "0":
        reset = reply.headers.get("X-RateLimit-Reset", "")
        when = datetime.fromtimestamp(int(reset), timezone.utc).strftime("%H:%M UTC") if reset.isdigit() else "later"
        return client_problem("rate_limited", reset=when)
    return None


def client_problem(reason: str, **params):
    from exadesk import messages

    return messages.problem(f"github.{reason}", tracker=SPEC.name, **params)


def _expiry(reply: Reply) -> datetime | None:
    # "github-authentication-token-expiration: 2026-12-01 10:00:00 UTC" (also "+0200" forms)
    value = reply.headers.get("github-authentication-token-expiration", "").strip()
    for fmt in ("%Y-%m-%d %H:%M:%S %Z", "%Y-%m-%d %H:%M:%S %z"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    return None


_PERMISSION_NAMES = {"pull_requests": "Pull requests", "members": "Members", "metadata": "Metadata"}


def accepted_permissions(header: str) -> str:
    """GitHub's X-Accepted-GitHub-Permissions in words: ``issues=read; pull_requests=read`` is
    "Issues (read) or Pull requests (read)". Empty when the header is absent or asks for nothing."""
    sets = []
    for alternative in (header or "").split(";"):
        wanted = []
        for item in alternative.split(","):
            name, _, level = item.strip().partition("=")
            if name and level and name != "allows_permissionless_access":
                label = _PERMISSION_NAMES.get(name, name.replace("_", " ").capitalize())
                wanted.append(f"{label} ({level})")
        if wanted:
            sets.append(" and ".join(wanted))
    return " or ".join(sets)


def _needs(reply: Reply) -> str:
    """What the endpoint accepts, from a reply to a fine-grained token (or a classic one's accepted scopes)."""
    needed = accepted_permissions(reply.headers.get("X-Accepted-GitHub-Permissions", ""))
    if needed:
        return needed
    scopes = reply.headers.get("X-Accepted-OAuth-Scopes", "").strip()
    return f"the {scopes} scope" if scopes else ""


@dataclass
class Rights:
    """What the token showed about the repositories in scope."""

    missing: list[str] = field(default_factory=list)  # not reachable
    not_admin: list[str] = field(default_factory=list)
    via_owner: list[str] = field(default_factory=list)  # administered as organisation owner only
    #: repository -> what the token lacks to read its owner's membership (the owner role is not confirmed)
    owner_unread: dict[str, str] = field(default_factory=dict)
    #: repository -> what GitHub says the repository endpoint accepts (for a repository not reachable)
    missing_needs: dict[str, str] = field(default_factory=dict)


def _rights(ctx, client, repos: list[str]) -> Rights:
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
            if _needs(repo_reply):
                rights.missing_needs[full] = _needs(repo_reply)
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
        elif isinstance(role, str):
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


def _owner_role(client, owner: str) -> bool | str:
    """True/False for an organisation owner, or what the token lacks to read the membership."""
    membership = client.get(f"/user/memberships/orgs/{owner}", allow=(403, 404))
    if membership.status == 403:
        # The token may not read the membership: the role is unknown, not absent.
        return _needs(membership) or "permission to read organisation memberships"
    body = client.decode(membership, dict) if membership.status == 200 else {}
    return body.get("role") == "admin" and body.get("state") == "active"


def _signed_in(ctx):
    """A client for the token and the reply of GET /user; sets the identity."""
    client = ctx.client(api_base(ctx.target.url), BearerAuth(ctx.target.secrets.get("token")),
                        login_url=ctx.target.url, diagnose=diagnose)
    reply = client.get("/user", headers={"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"})
    user = client.decode(reply, dict)
    login = str(user.get("login") or "")
    ctx.identity = Identity(name=str(user.get("name") or login), login=login, id=str(user.get("id") or ""),
                            kind=str(user.get("type") or ""))
    return client, reply


def verify_admin(ctx):
    """The planner's admin facts: repository admin, or organisation owner, of every repository in scope.

    GitHub has no exalate_console_admin group and no delegated administrators: whoever installs and
    configures the integration is a repository admin or an organisation owner.
    """
    client, _ = _signed_in(ctx)
    login = ctx.identity.login
    repos = list(ctx.target.scope)
    if not repos:
        for key in (ADMIN_KEY, REPO_ADMIN_KEY):
            yield ctx.unknown(key, "No repositories are in scope, so admin rights were not checked.",
                              fix="Add the repositories the connection syncs (owner/repository).")
        return
    rights = _rights(ctx, client, repos)
    missing, not_admin, via_owner = rights.missing, rights.not_admin, rights.via_owner
    unreachable = [f"{r} (not found, or hidden from this token)" for r in missing]
    if not_admin or unreachable:
        yield ctx.failed(ADMIN_KEY, f"{login} is neither admin nor organisation owner of: "
                                    f"{', '.join(not_admin + unreachable)}.")
    elif rights.owner_unread:
        yield _owner_unread(ctx, ADMIN_KEY, login, rights.owner_unread)
    else:
        via = f" (organisation owner for {', '.join(via_owner)})" if via_owner else ""
        yield ctx.passed(ADMIN_KEY, f"{login} administers every repository in scope{via}.")
    direct = [r for r in repos if r not in missing and r not in not_admin and r not in via_owner
              and r not in rights.owner_unread]
    if direct == repos:
        yield ctx.passed(REPO_ADMIN_KEY, f"{login} has the Admin role on {', '.join(repos)}.")
    else:
        yield ctx.failed(REPO_ADMIN_KEY, f"{login} lacks the Admin role on: "
                                         f"{', '.join(r for r in repos if r not in direct)}.")


def verify_live(ctx):
    method = ctx.target.auth_method or "classic"
    client, reply = _signed_in(ctx)
    login = ctx.identity.login

    if method == "classic":
        header = reply.headers.get("X-OAuth-Scopes")
        scopes = {s.strip() for s in (header or "").split(",") if s.strip()}
        if header is None:
            yield ctx.unknown("repo", "GitHub did not report the token's scopes; this may not be a classic token.",
                              fix="Use the fine-grained method for tokens starting with github_pat_.")
        elif "repo" in scopes:
            yield ctx.passed("repo", f"Scopes: {', '.join(sorted(scopes))}.")
        else:
            shown = ", ".join(sorted(scopes)) or "none"
            yield ctx.failed("repo", f"The token's scopes are: {shown}. Private repositories stay hidden without repo.")

    expires = _expiry(reply)
    if method == "fine_grained" and expires is not None and expires <= clock.now() + timedelta(minutes=5):
        # GitHub has been seen to send the current time as the expiry of fine-grained tokens
        # (google/go-github#3708): a token that just answered cannot have expired, so the header says nothing.
        yield ctx.unknown("token_expiry", "GitHub's expiry header for fine-grained tokens is unreliable here (it "
                                          "names the current time).",
                          fix="Read the expiry date on the token's page (Settings, Developer settings, Fine-grained "
                              "tokens) and enter it in ExaDesk so it is watched.")
        expires = None
    elif expires is None:
        yield ctx.passed("token_expiry", "GitHub reports no expiry date for this token.")
    ctx.token_expires_at = expires
    if expires is not None:
        left = expires - clock.now()
        when = expires.strftime("%d %b %Y")
        if left <= timedelta(0):
            yield ctx.failed("token_expiry", f"The token expired on {when}.")
        elif left <= EXPIRY_WARNING:
            yield ctx.warned("token_expiry", f"The token expires on {when} ({max(left.days, 0)} days left).")
        else:
            yield ctx.passed("token_expiry", f"Expires on {when}.")

    repos = list(ctx.target.scope)
    if not repos:
        yield ctx.unknown("admin", "No repositories are in scope, so admin rights could not be checked.",
                          fix="Add the repositories to sync (owner/repository).")
        if method == "fine_grained":
            yield ctx.unknown("repository_access", "No repositories are in scope.",
                              fix="Add the repositories to sync (owner/repository).")
        return

    rights = _rights(ctx, client, repos)
    missing, not_admin, admin_via_owner = rights.missing, rights.not_admin, rights.via_owner

    if method == "fine_grained":
        if missing:
            named = [f"{r} (GitHub asks for {rights.missing_needs[r]})" if r in rights.missing_needs else r
                     for r in missing]
            yield ctx.failed("repository_access", f"Not reachable with this token: {', '.join(named)}.")
        else:
            yield ctx.passed("repository_access", f"Reaches {', '.join(repos)}.")
    elif missing:
        not_admin.extend(f"{r} (not found: private without the repo scope, or misspelt)" for r in missing)

    if not_admin:
        yield ctx.failed("admin", f"{login} is not admin of: {', '.join(not_admin)}.")
    elif method == "fine_grained" and missing:
        yield ctx.unknown("admin", "Some repositories could not be reached, so admin rights are unknown there.")
    elif rights.owner_unread:
        yield _owner_unread(ctx, "admin", login, rights.owner_unread)
    else:
        via = f" (organisation owner for {', '.join(admin_via_owner)})" if admin_via_owner else ""
        yield ctx.passed("admin", f"{login} administers every repository in scope{via}.")


def _owner_unread(ctx, key: str, login: str, unread: dict[str, str]):
    """The owner role could not be read for these repositories: not confirmed, naming what the token lacks."""
    needs = sorted(set(unread.values()))
    return ctx.unknown(key, f"{login} has no Admin role on {', '.join(unread)}, and the token may not read the "
                            f"organisation membership that would make them an owner (GitHub asks for "
                            f"{' / '.join(needs)}).",
                       fix=f"Give the token the organisation permission {' / '.join(needs)} (Settings, Developer "
                           "settings, Fine-grained tokens, the token, Organization permissions), or give the proxy "
                           "user the Admin role on the repository, then verify again.")


# -- fixes (exadesk fix): the Admin role on each repository in scope ----------------------------------------
# GitHub's REST reference, Collaborators: Get repository permissions for a user (GET
# /repos/{owner}/{repo}/collaborators/{username}/permission), Check if a user is a repository collaborator (204 or
# 404), Add a repository collaborator (PUT .../collaborators/{username} {"permission": "admin"}: 201 and an
# invitation the user must accept for a new collaborator, 204 when an existing collaborator's role is changed;
# "Must have admin rights" otherwise) and Remove a repository collaborator (DELETE, which also cancels the user's
# outstanding invitations).

_COLLABORATORS_REF = "https://docs.github.com/en/rest/collaborators/collaborators#add-a-repository-collaborator"
#: Roles as the permission read names them -> as Add a repository collaborator takes them.
_ROLE_PARAM = {"read": "pull", "write": "push", "triage": "triage", "maintain": "maintain", "admin": "admin"}
FIX_TEXTS = {
    "raise": "Give {user} the Admin role on {repo} (now {role})",
    "invite": "Invite {user} to {repo} with the Admin role",
    "accept": "GitHub sends {user} an invitation: the proxy user must accept it (signed in as {user}, at "
              "https://github.com/{repo}/invitations) before the check passes.",
    "admin_touches": "Admin on {repo} also lets {user} change its settings, collaborators and webhooks, and delete "
                     "or transfer it; GitHub has no narrower role that configures the integration.",
}


def fix_client(ctx):
    """The administrator's client for fixes (the fix module makes it writable; verification never sees it)."""
    return _signed_in(ctx)[0]


def _plan_admin(ctx, key: str):
    from exadesk.fixes import Call, Change

    client = fix_client(ctx)
    login = ctx.proxy_identity.login if ctx.proxy_identity else ""
    if not login:
        return []
    changes = []
    for repo in ctx.proxy.scope:
        reply = client.get(f"/repos/{repo}/collaborators/{login}/permission", allow=(403, 404))
        if reply.status != 200:
            continue  # the administrator cannot see the repository either
        data = client.decode(reply, dict)
        role = str(data.get("role_name") or data.get("permission") or "none")
        path = f"/repos/{repo}/collaborators/{login}"
        touches = (FIX_TEXTS["admin_touches"].format(repo=repo, user=login),)
        collaborator = client.get(path, allow=(404,)).status == 204
        if collaborator or role == "admin":
            changes.append(Change(SPEC.check_id(key), FIX_TEXTS["raise"].format(user=login, repo=repo, role=role),
                                  Call("PUT", path, body={"permission": "admin"}),
                                  Call("PUT", path, body={"permission": _ROLE_PARAM.get(role, "pull")}),
                                  _COLLABORATORS_REF, touches, done=role == "admin"))
            continue
        pending = client.get_json(f"/repos/{repo}/invitations", params={"per_page": 100}, expect=list)
        invited = any(str((i.get("invitee") or {}).get("login") or "").lower() == login.lower()
                      for i in pending if isinstance(i, dict))
        changes.append(Change(SPEC.check_id(key), FIX_TEXTS["invite"].format(user=login, repo=repo),
                              Call("PUT", path, body={"permission": "admin"}), Call("DELETE", path), _COLLABORATORS_REF,
                              (FIX_TEXTS["accept"].format(user=login, repo=repo), *touches), done=invited))
    return changes


def _fixes():
    from exadesk.fixes import Fix

    return (Fix(("admin",), _plan_admin, "the Admin role on each repository listed (or organisation owner)",
                _COLLABORATORS_REF),)


FIXES = _fixes()


register(SPEC, sys.modules[__name__])
