"""Emulator of GitHub's REST API as GitHub Enterprise Server serves it (under /api/v3).

From GitHub's documentation: GET /user (with the X-OAuth-Scopes header for
classic tokens and github-authentication-token-expiration for tokens with an
expiry), GET /repos/{owner}/{repo} (with ``permissions`` for the caller),
GET /user/memberships/orgs/{org}; error bodies ``{"message", "documentation_url"}``;
SAML enforcement as a 403 with X-GitHub-SSO.
Fine-grained tokens get X-Accepted-GitHub-Permissions (the permissions the endpoint accepts, sets separated by
"; ") on every reply, errors included, and no X-OAuth-Scopes; an endpoint their permissions do not cover answers
403 "Resource not accessible by personal access token"
(https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#insufficient-permission-errors).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TypedDict

from exadesk.foundation import clock
from exadesk.sandbox.kit import DemoLogin, Emulator, Request, Response, Scenario, json_response, route

DOCS = "https://docs.github.com/rest"
DEMO_CLASSIC = "ghp_" + "Demo0Classic0Token0For0ExaDesk0Sbx1"[:36].ljust(36, "0")
DEMO_FINE = "github_pat_" + "11DEMO0FINE0GRAINED0TOKEN0EXADESK0SANDBOX"


class GitHubToken(TypedDict, total=False):
    """A token and the account it signs in as."""

    login: str
    name: str
    email: str
    id: int
    kind: str  # "classic" or "fine_grained"
    scopes: list[str]  # a classic token's OAuth scopes
    repos: list[str]  # the repositories (owner/name) a fine-grained token was given
    org_permissions: dict[str, str]  # a fine-grained token's organisation permissions ({"members": "read"})
    expires: str  # as GitHub's github-authentication-token-expiration header writes it


class GitHubInvitation(TypedDict, total=False):
    invitee: str  # login
    permissions: str  # the role offered


class GitHubRepo(TypedDict, total=False):
    id: int
    private: bool
    owner_type: str  # "Organization" or "User"
    collaborators: dict[str, str]  # login -> role
    invitations: dict[str, GitHubInvitation]  # invitation id -> the invitation
    permissions_sent: bool  # False leaves out the optional permissions object


class GitHubOrg(TypedDict, total=False):
    members: dict[str, str]  # login -> "admin" or "member"
    saml: bool  # the organisation enforces SAML single sign-on
    sso_authorised: list[str]  # tokens authorised for it


class GitHubScenario(Scenario, total=False):
    """The GitHub emulator's state."""

    tokens: dict[str, GitHubToken]
    repos: dict[str, GitHubRepo]  # owner/name -> the repository
    orgs: dict[str, GitHubOrg]  # login -> the organisation


class GitHubEmulator(Emulator):
    """GitHub's REST and GraphQL APIs over a :class:`GitHubScenario`."""

    tracker = "github"
    scenario_type = GitHubScenario
    demo_secrets = {"token": DEMO_CLASSIC}
    demo_login = DemoLogin(scope=("acme/website",))

    def default_scenario(self) -> dict:
        # The demo tokens expire some months after "now" (ExaDesk's clock, so a pinned test date moves them too).
        expires = clock.now() + timedelta(days=210)
        return {
            "tokens": {
                DEMO_CLASSIC: {"login": "exalate-proxy", "name": "Exalate Proxy", "id": 4101, "kind": "classic",
                               "scopes": ["repo", "read:org"], "expires": expires.strftime("%Y-%m-%d %H:%M:%S UTC")},
                DEMO_FINE: {"login": "exalate-proxy", "name": "Exalate Proxy", "id": 4101, "kind": "fine_grained",
                            "repos": ["acme/website", "acme/backend"], "expires": expires.strftime("%Y-%m-%d %H:%M:%S +0000"),
                            "org_permissions": {"members": "read"}},
            },
            "repos": {
                "acme/website": {"id": 1296269, "private": True, "owner_type": "Organization",
                                 "collaborators": {"exalate-proxy": "admin"}},
                "acme/backend": {"id": 1296270, "private": True, "owner_type": "Organization",
                                 "collaborators": {"exalate-proxy": "admin"}},
            },
            "orgs": {"acme": {"members": {"exalate-proxy": "member"}, "saml": False, "sso_authorised": []}},
        }

    # -- helpers -----------------------------------------------------------------

    def error(self, status: int, request: Request) -> Response:
        text = {401: "Bad credentials", 403: "Forbidden", 404: "Not Found", 429: "API rate limit exceeded",
                500: "Server Error"}.get(status, "Error")
        return json_response({"message": text, "documentation_url": DOCS, "status": str(status)}, status)

    def _token(self, request: Request) -> tuple[str, dict] | None:
        token = request.bearer() or request.bearer("token")
        info = self.scenario["tokens"].get(token or "")
        return (token, info) if info else None

    def _headers(self, info: dict, accepted: str = "") -> dict[str, str]:
        headers = {"X-GitHub-Media-Type": "github.v3; format=json", "X-RateLimit-Limit": "5000",
                   "X-RateLimit-Remaining": "4999",
                   "X-RateLimit-Reset": str(int(clock.now().timestamp()) + 3600)}
        if info.get("kind") == "fine_grained" and accepted:
            headers["X-Accepted-GitHub-Permissions"] = accepted
        if info.get("kind") == "classic":
            headers["X-OAuth-Scopes"] = ", ".join(info.get("scopes", []))
            headers["X-Accepted-OAuth-Scopes"] = "repo"
        if info.get("expires"):
            headers["github-authentication-token-expiration"] = info["expires"]
        return headers

    def _sso_block(self, org: str, token: str) -> Response | None:
        org_info = self.scenario["orgs"].get(org, {})
        if org_info.get("saml") and token not in org_info.get("sso_authorised", []):
            return Response(403, {"message": "Resource protected by organization SAML enforcement. You must grant "
                                             "your Personal Access token access to this organization.",
                                  "documentation_url": DOCS},
                            {"X-GitHub-SSO": f"required; url=https://github.com/orgs/{org}/sso?"
                                             "authorization_request=AZSCKtL4U8yX1H3sCQIVnVgmjmon5fWxks5YrqhJgah0b2tlbl"})
        return None

    # -- routes ------------------------------------------------------------------

    @route("GET", "/api/v3/user")
    def user(self, request: Request) -> Response:
        found = self._token(request)
        if not found:
            return self.error(401, request)
        token, info = found
        body = {"login": info["login"], "id": info["id"], "node_id": "MDQ6VXNlcjE=", "type": "User",
                "site_admin": False, "name": info.get("name"), "email": info.get("email"),
                "url": f"{self.url}/api/v3/users/{info['login']}"}
        return json_response(body, 200, **{k.replace("-", "_"): v for k, v in self._headers(info).items()})

    @route("GET", "/api/v3/repos/{owner}/{repo}")
    def repo(self, request: Request, owner: str, repo: str) -> Response:
        found = self._token(request)
        if not found:
            return self.error(401, request)
        token, info = found
        full = f"{owner}/{repo}"
        blocked = self._sso_block(owner, token)
        if blocked:
            return blocked
        data = self.scenario["repos"].get(full)
        visible = data is not None
        if visible and data.get("private") and info.get("kind") == "classic" and "repo" not in info.get("scopes", []):
            visible = False  # GitHub hides private repositories from tokens without repo: 404, not 403
        if visible and info.get("kind") == "fine_grained" and full not in info.get("repos", []):
            visible = False
        role = (data or {}).get("collaborators", {}).get(info["login"])
        org_role = self.scenario["orgs"].get(owner, {}).get("members", {}).get(info["login"])
        if visible and not role and org_role != "admin" and data.get("private"):
            visible = False
        if not visible:
            refusal = self.error(404, request)
            refusal.headers.update(self._headers(info, "metadata=read"))
            return refusal
        levels = ["pull", "triage", "push", "maintain", "admin"]
        granted = "admin" if org_role == "admin" else (role or "pull")
        rank = levels.index(granted)
        body = {"id": data["id"], "name": repo, "full_name": full, "private": bool(data.get("private")),
                "owner": {"login": owner, "type": data.get("owner_type", "User")},
                "permissions": {lvl: levels.index(lvl) <= rank for lvl in levels}}
        if data.get("permissions_sent") is False:  # optional in the documented schema (full-repository)
            del body["permissions"]
        return Response(200, body, self._headers(info, "metadata=read"))

    @route("POST", "/api/graphql")
    @route("POST", "/graphql")
    def graphql(self, request: Request) -> Response:
        """The GraphQL subset a setup check reads: aliased ``repository(owner, name)`` with ``nameWithOwner``,
        ``viewerPermission`` and the owner's ``__typename``. Not found is null plus a
        NOT_FOUND error; SAML enforcement is a FORBIDDEN error with the X-GitHub-SSO header, as GitHub documents."""
        found = self._token(request)
        if not found:
            return self.error(401, request)
        token, info = found
        body = request.json()
        query = body.get("query", "") if isinstance(body, dict) else ""
        if not re.match(r"\s*(query\b|\{)", query):
            return json_response({"errors": [{"message": "Only queries are served by this emulator."}]}, 200)
        data, errors, headers = {}, [], self._headers(info)  # GraphQL replies carry the same rate-limit headers
        for alias, owner, name in re.findall(r'(\w+):\s*repository\(owner:\s*"([^"]+)",\s*name:\s*"([^"]+)"\)',
                                             query):
            if self._sso_block(owner, token) is not None:
                data[alias] = None
                errors.append({"type": "FORBIDDEN", "path": [alias], "message": "Resource protected by organization "
                               "SAML enforcement. You must grant your Personal Access token access to this "
                               "organization."})
                headers["X-GitHub-SSO"] = f"partial-results; organizations={owner}"
                continue
            reply = self.repo(request, owner, name)  # the REST rules for what the token sees
            if reply.status != 200:
                data[alias] = None
                errors.append({"type": "NOT_FOUND", "path": [alias],
                               "message": f"Could not resolve to a Repository with the name '{owner}/{name}'."})
                continue
            rest = reply.body
            granted = rest.get("permissions") or {"pull": True}
            level = next((lvl for lvl in ("admin", "maintain", "push", "triage") if granted.get(lvl)), "pull")
            owner_body = {"__typename": "Organization" if rest["owner"]["type"] == "Organization" else "User"}
            data[alias] = {"nameWithOwner": rest["full_name"], "owner": owner_body,
                           "viewerPermission": {"pull": "READ", "push": "WRITE"}.get(level, level.upper())}
        out = {"data": data}
        if errors:
            out["errors"] = errors
        return json_response(out, 200, **{k.replace("-", "_"): v for k, v in headers.items()})

    @route("GET", "/api/v3/user/memberships/orgs/{org}")
    def membership(self, request: Request, org: str) -> Response:
        found = self._token(request)
        if not found:
            return self.error(401, request)
        token, info = found
        blocked = self._sso_block(org, token)
        if blocked:
            return blocked
        headers = self._headers(info, "members=read")
        if info.get("kind") == "fine_grained" and not info.get("org_permissions", {}).get("members"):
            return Response(403, {"message": "Resource not accessible by personal access token",
                                  "documentation_url": f"{DOCS}/orgs/members#get-an-organization-membership-for-the-"
                                                       "authenticated-user", "status": "403"}, headers)
        role = self.scenario["orgs"].get(org, {}).get("members", {}).get(info["login"])
        if role is None:
            refusal = self.error(404, request)
            refusal.headers.update(headers)
            return refusal
        return Response(200, {"url": f"{self.url}/api/v3/orgs/{org}/memberships/{info['login']}", "state": "active",
                              "role": role, "organization": {"login": org},
                              "user": {"login": info["login"]}}, headers)

    # -- collaborators, and the writes an administrator makes (exadesk fix) --------------------------------------
    # A repository's ``collaborators`` (login -> pull, triage, push, maintain, admin) and ``invitations`` (id ->
    # invitee login and permission). Adding a collaborator takes the Admin role (or organisation owner): 403 "Must
    # have admin rights to Repository." otherwise. A new collaborator gets an invitation (201) that only the
    # invitee's own token accepts (PATCH /user/repository_invitations/{id}); an existing one's role changes (204).

    _PERMISSION = {"pull": "read", "triage": "read", "push": "write", "maintain": "write", "admin": "admin"}
    _ROLE_NAME = {"pull": "read", "triage": "triage", "push": "write", "maintain": "maintain", "admin": "admin"}

    def _repo_admin(self, info: dict, owner: str, data: dict) -> bool:
        org_role = self.scenario["orgs"].get(owner, {}).get("members", {}).get(info["login"])
        return org_role == "admin" or data.get("collaborators", {}).get(info["login"]) == "admin"

    def _repo_for(self, request: Request, owner: str, repo: str, *, admin: bool):
        """(token info, repository) or the refusal: 401, 404 for an unseen repository, 403 without admin rights."""
        found = self._token(request)
        if not found:
            return None, None, self.error(401, request)
        token, info = found
        data = self.scenario["repos"].get(f"{owner}/{repo}")
        org_role = self.scenario["orgs"].get(owner, {}).get("members", {}).get(info["login"])
        if data is None or (data.get("private") and info["login"] not in data.get("collaborators", {})
                            and org_role != "admin"):
            return None, None, self.error(404, request)
        if admin and not self._repo_admin(info, owner, data):
            return None, None, json_response({"message": "Must have admin rights to Repository.",
                                              "documentation_url": f"{DOCS}/collaborators/collaborators"}, 403)
        return info, data, None

    @route("GET", "/api/v3/repos/{owner}/{repo}/collaborators/{user}/permission")
    def collaborator_permission(self, request: Request, owner: str, repo: str, user: str) -> Response:
        info, data, refused = self._repo_for(request, owner, repo, admin=False)
        if refused:
            return refused
        role = data.get("collaborators", {}).get(user)
        return json_response({"permission": self._PERMISSION.get(role, "none"),
                              "role_name": self._ROLE_NAME.get(role, "none"), "user": {"login": user}})

    @route("GET", "/api/v3/repos/{owner}/{repo}/collaborators/{user}")
    def is_collaborator(self, request: Request, owner: str, repo: str, user: str) -> Response:
        info, data, refused = self._repo_for(request, owner, repo, admin=False)
        if refused:
            return refused
        return Response(204, None) if user in data.get("collaborators", {}) else self.error(404, request)

    @route("PUT", "/api/v3/repos/{owner}/{repo}/collaborators/{user}")
    def add_collaborator(self, request: Request, owner: str, repo: str, user: str) -> Response:
        info, data, refused = self._repo_for(request, owner, repo, admin=True)
        if refused:
            return refused
        body = request.json() if isinstance(request.json(), dict) else {}
        permission = str(body.get("permission") or "push")
        if permission not in self._ROLE_NAME:
            return json_response({"message": "Validation Failed", "documentation_url": DOCS}, 422)
        collaborators = data.setdefault("collaborators", {})
        if user in collaborators:
            collaborators[user] = permission
            return Response(204, None)
        invitations = data.setdefault("invitations", {})
        invitation_id = next((i for i, inv in invitations.items() if inv["invitee"] == user), None)
        if invitation_id is None:
            invitation_id = str(7000 + len(invitations) + 1)
        invitations[invitation_id] = {"invitee": user, "permissions": permission}
        return json_response(self._invitation(owner, repo, invitation_id, invitations[invitation_id]), 201)

    def _invitation(self, owner: str, repo: str, invitation_id: str, invitation: dict) -> dict:
        return {"id": int(invitation_id), "repository": {"full_name": f"{owner}/{repo}"},
                "invitee": {"login": invitation["invitee"]}, "permissions": invitation["permissions"],
                "html_url": f"https://github.com/{owner}/{repo}/invitations"}

    @route("DELETE", "/api/v3/repos/{owner}/{repo}/collaborators/{user}")
    def remove_collaborator(self, request: Request, owner: str, repo: str, user: str) -> Response:
        info, data, refused = self._repo_for(request, owner, repo, admin=True)
        if refused:
            return refused
        data.setdefault("collaborators", {}).pop(user, None)
        invitations = data.setdefault("invitations", {})
        for invitation_id in [i for i, inv in invitations.items() if inv["invitee"] == user]:
            del invitations[invitation_id]  # documented: also cancels the user's outstanding invitations
        return Response(204, None)

    @route("GET", "/api/v3/repos/{owner}/{repo}/invitations")
    def invitations(self, request: Request, owner: str, repo: str) -> Response:
        info, data, refused = self._repo_for(request, owner, repo, admin=True)
        if refused:
            return refused
        return json_response([self._invitation(owner, repo, i, inv)
                              for i, inv in data.get("invitations", {}).items()])

    @route("PATCH", "/api/v3/user/repository_invitations/{invitation_id}")
    def accept_invitation(self, request: Request, invitation_id: str) -> Response:
        found = self._token(request)
        if not found:
            return self.error(401, request)
        login = found[1]["login"]
        for data in self.scenario["repos"].values():
            invitation = data.get("invitations", {}).get(invitation_id)
            if invitation and invitation["invitee"] == login:
                data.setdefault("collaborators", {})[login] = invitation["permissions"]
                del data["invitations"][invitation_id]
                return Response(204, None)
        return self.error(404, request)


EMULATOR = GitHubEmulator
