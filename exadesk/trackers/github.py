"""GitHub (github.com and GitHub Enterprise Server), personal access tokens.

This module is what ExaDesk requires of the proxy user and how each requirement is judged; the reads of the
repositories in scope (REST, GraphQL, organisation memberships) are in _github_api.py.

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
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from exadesk.foundation import clock, strings
from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.trackers._github_api import Needs, Rights, permission_sets, repository_rights
from exadesk.verification.adapter import Judges, Later, adapter
from exadesk.verification.changes import Call, Change, Fix, admin_role_not_fixable
from exadesk.verification.http import BearerAuth, DeclaredRead, Reply
from exadesk.verification.registry import register
from exadesk.verification.spec import AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec, origin

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

#: Every sentence this adapter writes in a check (exadesk.foundation.strings).
TEXTS = {
    "none": "none",
    "later": "later",
    "sso_page": "the organisation's SSO page",
    "perm.level": "{name} ({level})",
    "perm.and": " and ",
    "perm.or": " or ",
    "perm.scope": "the {scopes} scope",
    "perm.read_memberships": "permission to read organisation memberships",
    "repo.not_reported": "GitHub did not report the token's scopes; this may not be a classic token.",
    "repo.not_reported_fix": "Use the fine-grained method for tokens starting with github_pat_.",
    "repo.scopes": "Scopes: {scopes}.",
    "repo.missing": "The token's scopes are: {scopes}. Private repositories stay hidden without repo.",
    "scope.add": "Add the repositories to sync (owner/repository).",
    "access.no_scope": "No repositories are in scope.",
    "access.asks": "{repo} (GitHub asks for {needs})",
    "access.unreachable": "Not reachable with this token: {repos}.",
    "access.reaches": "Reaches {repos}.",
    "admin.no_scope": "No repositories are in scope, so admin rights could not be checked.",
    "admin.not_found": "{repo} (not found: private without the repo scope, or misspelt)",
    "admin.not_admin": "{login} is not admin of: {repos}.",
    "admin.unreachable": "Some repositories could not be reached, so admin rights are unknown there.",
    "admin.via_owner": " (organisation owner for {repos})",
    "admin.administers": "{login} administers every repository in scope{via}.",
    "owner.unread": "{login} has no Admin role on {repos}, and the token may not read the organisation membership "
                    "that would make them an owner (GitHub asks for {needs}).",
    "owner.unread_fix": "Give the token the organisation permission {needs} (Settings, Developer settings, "
                        "Fine-grained tokens, the token, Organization permissions), or give the proxy user the Admin "
                        "role on the repository, then verify again.",
    "expiry.unreliable": "GitHub's expiry header for fine-grained tokens is unreliable here (it names the current "
                         "time).",
    "expiry.unreliable_fix": "Read the expiry date on the token's page (Settings, Developer settings, Fine-grained "
                             "tokens) and enter it in ExaDesk so it is watched.",
    "expiry.none": "GitHub reports no expiry date for this token.",
    "expiry.expired": "The token expired on {when}.",
    "expiry.soon": "The token expires on {when} ({days} days left).",
    "expiry.later": "Expires on {when}.",
    "planner.no_scope": "No repositories are in scope, so admin rights were not checked.",
    "planner.no_scope_fix": "Add the repositories the connection syncs (owner/repository).",
    "planner.hidden": "{repo} (not found, or hidden from this token)",
    "planner.neither": "{login} is neither admin nor organisation owner of: {repos}.",
    "planner.direct": "{login} has the Admin role on {repos}.",
    "planner.lacks": "{login} lacks the Admin role on: {repos}.",
}

SPEC = TrackerSpec(
    non_get_reads=NON_GET_READS,
    texts=TEXTS,
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
    # The token's own checks come first: they show while the repositories are read, and stand when that read stops
    # the run (SAML SSO).
    requirements=(
        Requirement("repo", "Token has the repo scope",
                    "Edit the token in Settings, Developer settings, Personal access tokens (classic) and tick repo; "
                    "without it GitHub hides private repositories (they answer 404).",
                    methods=frozenset({"classic"})),
        Requirement("token_expiry", "Token is not about to expire",
                    "Create a new token before it expires and replace the secret in ExaDesk."),
        Requirement("repository_access", "Token reaches every repository in scope",
                    "Add the missing repositories to the token (Settings, Developer settings, Fine-grained tokens, "
                    "Repository access), or check the owner/repository names.",
                    methods=frozenset({"fine_grained"})),
        Requirement("admin", "Proxy user is repository admin or organisation owner", _REPO_FIX),
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
        return client_problem("sso_required", sso_url=match.group(1) if match else _say("sso_page"))
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
        when = datetime.fromtimestamp(int(reset), timezone.utc).strftime("%H:%M UTC") if reset.isdigit() else \
            _say("later")
        return client_problem("rate_limited", reset=when)
    return None


def client_problem(reason: str, **params):
    from exadesk.foundation import messages

    return messages.problem(f"github.{reason}", tracker=SPEC.name, **params)


def _say(key: str, **params) -> str:
    """A sentence of TEXTS where no check context is at hand (the words for GitHub's own headers)."""
    return strings.say(TEXTS, SPEC.id, key, **params)


def _expiry(reply: Reply) -> datetime | None:
    # "github-authentication-token-expiration: 2026-12-01 10:00:00 UTC" (also "+0200" forms)
    value = reply.headers.get("github-authentication-token-expiration", "").strip()
    if not value:  # tokens without an expiry date get no header
        return None
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
    return _permission_words(permission_sets(header))


def _permission_words(sets) -> str:
    return _say("perm.or").join(
        _say("perm.and").join(_say("perm.level", name=_PERMISSION_NAMES.get(name, name.replace("_", " ").capitalize()),
                                   level=level) for name, level in wanted) for wanted in sets)


def _needs_words(needs: Needs) -> str:
    """What GitHub said the token lacks, in words (its permissions, else a classic token's scopes)."""
    if needs.permissions:
        return _permission_words(needs.permissions)
    return _say("perm.scope", scopes=needs.scopes) if needs.scopes else ""


def _sign_in(ctx):
    """A client for the token and the reply of GET /user; sets the identity."""
    client = ctx.client(api_base(ctx.target.url), BearerAuth(ctx.target.secrets.get("token")),
                        login_url=ctx.target.url, diagnose=diagnose)
    reply = client.get("/user", headers={"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"})
    user = client.decode(reply, dict)
    login = str(user.get("login") or "")
    ctx.identity = Identity(name=str(user.get("name") or login), login=login, id=str(user.get("id") or ""),
                            kind=str(user.get("type") or ""))
    return client, reply


# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What GitHub said about the token and the repositories in scope."""

    login: str
    method: str  # classic or fine_grained
    scopes: str | None  # X-OAuth-Scopes as sent (None: not sent)
    expires: datetime | None  # GitHub-Authentication-Token-Expiration
    repos: tuple[str, ...]
    #: read when the first judge needing it asks (the token's own checks show meanwhile); None: nothing in scope
    rights: Later[Rights | None]


def _gather(ctx, session) -> Facts:
    client, reply = session
    repos = tuple(ctx.target.scope)
    return Facts(login=ctx.identity.login, method=ctx.target.auth_method or "classic",
                 scopes=reply.headers.get("X-OAuth-Scopes"), expires=_expiry(reply), repos=repos,
                 rights=Later(lambda: repository_rights(ctx, client, list(repos)) if repos else None))


JUDGES = Judges()


@JUDGES("repo")
def _repo_scope(ctx, facts: Facts):
    if facts.method != "classic":
        return None
    scopes = sorted({s.strip() for s in (facts.scopes or "").split(",") if s.strip()})
    if facts.scopes is None:
        return ctx.unknown("repo", ctx.say("repo.not_reported"), fix=ctx.say("repo.not_reported_fix"))
    if "repo" in scopes:
        return ctx.passed("repo", ctx.say("repo.scopes", scopes=", ".join(scopes)))
    return ctx.failed("repo", ctx.say("repo.missing", scopes=", ".join(scopes) or ctx.say("none")))


@JUDGES("repository_access")
def _repository_access(ctx, facts: Facts):
    if facts.method != "fine_grained":
        return None
    rights = facts.rights.get()
    if rights is None:
        return ctx.unknown("repository_access", ctx.say("access.no_scope"), fix=ctx.say("scope.add"))
    needs = rights.missing_needs
    named = [ctx.say("access.asks", repo=r, needs=_needs_words(needs[r])) if r in needs else r for r in rights.missing]
    if named:
        return ctx.failed("repository_access", ctx.say("access.unreachable", repos=", ".join(named)))
    return ctx.passed("repository_access", ctx.say("access.reaches", repos=", ".join(facts.repos)))


@JUDGES("admin")
def _admin(ctx, facts: Facts):
    rights = facts.rights.get()
    if rights is None:
        return ctx.unknown("admin", ctx.say("admin.no_scope"), fix=ctx.say("scope.add"))
    not_admin = list(rights.not_admin)
    if facts.method != "fine_grained":  # a classic token does not see a private repository without repo
        not_admin += [ctx.say("admin.not_found", repo=r) for r in rights.missing]
    if not_admin:
        return ctx.failed("admin", ctx.say("admin.not_admin", login=facts.login, repos=", ".join(not_admin)))
    if rights.missing:
        return ctx.unknown("admin", ctx.say("admin.unreachable"))
    if rights.owner_unread:
        return _owner_unread(ctx, "admin", facts.login, rights.owner_unread)
    return ctx.passed("admin", ctx.say("admin.administers", login=facts.login, via=_via_owner(ctx, rights)))


def _via_owner(ctx, rights: Rights) -> str:
    return ctx.say("admin.via_owner", repos=", ".join(rights.via_owner)) if rights.via_owner else ""


def _owner_unread(ctx, key: str, login: str, unread: dict[str, Needs]):
    """The owner role could not be read for these repositories: not confirmed, naming what the token lacks."""
    needs = " / ".join(sorted({_needs_words(n) or ctx.say("perm.read_memberships") for n in unread.values()}))
    return ctx.unknown(key, ctx.say("owner.unread", login=login, repos=", ".join(unread), needs=needs),
                       fix=ctx.say("owner.unread_fix", needs=needs))


@JUDGES("token_expiry")
def _token_expiry(ctx, facts: Facts):
    expires = facts.expires
    if facts.method == "fine_grained" and expires is not None and expires <= clock.now() + timedelta(minutes=5):
        # GitHub has been seen to send the current time as the expiry of fine-grained tokens
        # (google/go-github#3708): a token that just answered cannot have expired, so the header says nothing.
        ctx.token_expires_at = None
        return ctx.unknown("token_expiry", ctx.say("expiry.unreliable"), fix=ctx.say("expiry.unreliable_fix"))
    ctx.token_expires_at = expires
    if expires is None:
        return ctx.passed("token_expiry", ctx.say("expiry.none"))
    left = expires - clock.now()
    when = expires.strftime("%d %b %Y")
    if left <= timedelta(0):
        return ctx.failed("token_expiry", ctx.say("expiry.expired", when=when))
    if left <= EXPIRY_WARNING:
        return ctx.warned("token_expiry", ctx.say("expiry.soon", when=when, days=max(left.days, 0)))
    return ctx.passed("token_expiry", ctx.say("expiry.later", when=when))


verify_live = adapter(_sign_in, _gather, JUDGES)


# -- the administrator's own credential (exadesk.services.planner) -----------------------------------------------------
# GitHub has no exalate_console_admin group and no delegated administrators: whoever installs and configures the
# integration is a repository admin or an organisation owner of every repository in scope.


ADMIN_JUDGES = Judges()


@ADMIN_JUDGES(ADMIN_KEY)
def _owner_or_repo_admin(ctx, facts: Facts):
    rights = facts.rights.get()
    if rights is None:
        return ctx.unknown(ADMIN_KEY, ctx.say("planner.no_scope"), fix=ctx.say("planner.no_scope_fix"))
    lacking = rights.not_admin + [ctx.say("planner.hidden", repo=r) for r in rights.missing]
    if lacking:
        return ctx.failed(ADMIN_KEY, ctx.say("planner.neither", login=facts.login, repos=", ".join(lacking)))
    if rights.owner_unread:
        return _owner_unread(ctx, ADMIN_KEY, facts.login, rights.owner_unread)
    return ctx.passed(ADMIN_KEY, ctx.say("admin.administers", login=facts.login, via=_via_owner(ctx, rights)))


@ADMIN_JUDGES(REPO_ADMIN_KEY)
def _repo_admin(ctx, facts: Facts):
    rights = facts.rights.get()
    if rights is None:
        return ctx.unknown(REPO_ADMIN_KEY, ctx.say("planner.no_scope"), fix=ctx.say("planner.no_scope_fix"))
    indirect = {*rights.missing, *rights.not_admin, *rights.via_owner, *rights.owner_unread}
    if not indirect:
        return ctx.passed(REPO_ADMIN_KEY, ctx.say("planner.direct", login=facts.login, repos=", ".join(facts.repos)))
    lacking = ", ".join(r for r in facts.repos if r in indirect)
    return ctx.failed(REPO_ADMIN_KEY, ctx.say("planner.lacks", login=facts.login, repos=lacking))


verify_admin = adapter(_sign_in, _gather, ADMIN_JUDGES)  # the same facts, judged for the administrator


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
    return _sign_in(ctx)[0]


def _plan_admin(ctx, key: str):
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


FIXES = (Fix(("admin",), _plan_admin, "the Admin role on each repository listed (or organisation owner)",
             _COLLABORATORS_REF),)
#: Why the other requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md). The admin fix itself
#: may end in an invitation the proxy user must accept before its check passes (FIX_TEXTS["accept"]).
NOT_FIXABLE = {
    "repo": "a classic token's scopes are chosen by its owner when it is made or edited in GitHub's settings; no REST "
            "call changes another user's token.",
    "token_expiry": "only the proxy user can make a new token (Settings, Developer settings); GitHub's REST API "
                    "creates no personal access token.",
    "repository_access": "a fine-grained token's repositories are chosen by its owner in GitHub's settings; no REST "
                         "call changes another user's token.",
    ADMIN_KEY: admin_role_not_fixable("an organisation owner or repository admin"),
    REPO_ADMIN_KEY: "giving the administrator the Admin role is left to a person; ExaDesk's fixes grant only what the "
                    "proxy user lacks.",
}


register(SPEC, sys.modules[__name__])
