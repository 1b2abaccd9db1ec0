"""Azure DevOps Services (dev.azure.com/{org}) and Azure DevOps Server collections, personal access tokens.

This module is what ExaDesk requires of the proxy user and the administrator, how each requirement is judged, and
the fixes. The reads (hosts, the PAT, the service's refusals, the sign-in, groups, projects) are in
_azure_devops_api.py.

Written from Microsoft's documentation and API descriptions (MicrosoftDocs/vsts-rest-api-specs, API 7.1):
https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate
    (a PAT goes as Basic with an empty user name; global PATs retire 1 Dec 2026)
https://learn.microsoft.com/rest/api/azure/devops/ims/identities/read-identities (searchFilter, queryMembership,
    served on vssps.dev.azure.com/{organization} and on the Server collection)
https://learn.microsoft.com/rest/api/azure/devops/core/projects/get
https://learn.microsoft.com/azure/devops/organizations/security/look-up-project-collection-administrators
https://learn.microsoft.com/azure/devops/integrate/concepts/rest-api-versioning and the client libraries'
    GET {collection}/_apis/connectionData (authenticatedUser), the call Microsoft's own clients use to learn who
    the credential is; it is not in the OpenAPI descriptions (azure-devops-python-api, location_client.py:
    get_connection_data, version 7.1-preview.1).
https://github.com/microsoft/azure-devops-python-api azure/devops/client.py: every request carries
    X-TFS-FedAuthRedirect: Suppress, so a refused credential is a 401, not a 302 to the sign-in page.
https://learn.microsoft.com/azure/devops/organizations/accounts/change-application-access-policies
    (IP Conditional Access policy validation; VS403463)

Membership is read from the identities API with queryMembership=Expanded, which includes groups joined
through other groups (an Entra group, a nested team). The Graph API's memberships are direct only (depth 1),
and Azure DevOps Server has no Graph API, so one path serves both.

Hosts: dev.azure.com/{org} serves core APIs, vssps.dev.azure.com/{org} the identity APIs; the legacy
{org}.visualstudio.com address is the same organisation. A Server collection URL
(https://host/tfs/{collection} or https://host/{collection}) serves everything itself, and so does a
loopback http://127.0.0.1:PORT/{collection} (the emulator, treated as a self-hosted server).
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from datetime import date
from urllib.parse import urlsplit

from exadesk.foundation import messages, strings
from exadesk.foundation.checks import CheckResult, Status
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.trackers import _azure_devops_api as ado_api
from exadesk.verification.http import is_loopback
from exadesk.verification.notices import Notice
from exadesk.verification.registry import register
# The reads live in _azure_devops_api.py; Location, locate, PatAuth, diagnose and the API versions stay reachable
# here too, as the tracker's surface they were.
from exadesk.trackers._azure_devops_api import (  # noqa: F401
    API_VERSION, CONNECTION_DATA_VERSION, Location, PatAuth, descriptor_key, diagnose, locate,
)
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.spec import (
    CONSOLE_GROUP, AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec,
)
from exadesk.verification.changes import (CONSOLE_MEMBER_NOT_FIXABLE, Call, Change, Fix, admin_role_not_fixable,
                                          console_group_not_fixable)

PCA = "Project Collection Administrators"
PROJECT_ADMINS = "Project Administrators"
PCA_KEY = "project_collection_administrators"
PROJECT_ADMINS_KEY = "project_administrators"

_PCA_FIX = ("Organization Settings (Collection Settings on Server), Permissions, Project Collection Administrators, "
            "Members, Add: add the proxy user.")
_PROJECT_FIX = ("In each project: Project Settings, Permissions, Project Administrators, Members, Add: add the proxy "
                "user.")

#: In the order the admin report lists them (the group's existence decides what its membership means).
ADMIN_REQUIREMENTS = {
    "system_admin": Requirement(
        f"admin.{PCA_KEY}", "Administrator is a Project Collection Administrator",
        "Organization Settings (Collection Settings on Server), Permissions, Project Collection Administrators, "
        "Members, Add: add the person."),
    "console_group_exists": Requirement(
        f"admin.group.{CONSOLE_GROUP}", f"The organisation-level group {CONSOLE_GROUP} exists",
        "A Project Collection Administrator opens Organization Settings (Collection Settings on Server), "
        f"Permissions, New group, and names it exactly {CONSOLE_GROUP}."),
    "console_group_member": Requirement(
        f"admin.member.{CONSOLE_GROUP}", f"Administrator is a member of {CONSOLE_GROUP}",
        f"A Project Collection Administrator opens Organization Settings, Permissions, {CONSOLE_GROUP}, Members, "
        "Add and adds the person."),
    "project_admin": Requirement(
        f"admin.{PROJECT_ADMINS_KEY}", "Administrator is a Project Administrator of every project in scope",
        "In each project: Project Settings, Permissions, Project Administrators, Members, Add: add the person."),
}

#: Every sentence this adapter writes in a check or a fix (exadesk.foundation.strings).
TEXTS = {
    "url.title": "Instance address",
    "url.not_an_address": "{url} is not an organisation or collection address: {problem}.",
    "url.more_than_org": "it has more than the organisation (a project or page); use "
                         "https://dev.azure.com/your-organisation",
    "url.no_collection": "it has no collection; use the collection address such as "
                         "https://ado.example.com/tfs/DefaultCollection",
    "url.expected": "Expected: {hint}.",
    "identity.proxy": "the proxy user's identity was not returned",
    "identity.admin": "the administrator's identity was not returned",
    "member": "{who} is a member of {group}.",
    "not_member": "{who} is not a member of {group} (directly or through another group).",
    "projects.none_in_scope": "No projects are in scope, so Project Administrators could not be checked.",
    "projects.add_some": "Add the projects to sync.",
    "projects.not_admin": "{who} is not in Project Administrators of {names}.",
    "projects.admin": "{who} is a Project Administrator of {names}.",
    "projects.none_exists": "None of the projects in scope exists, so Project Administrators could not be checked.",
    "projects.correct_names": "Correct the project names in the scope.",
    "console.exists": "{group} exists.",
    "console.missing": "There is no group {group} in this organisation.",
    "console.cannot_be_member": "{who} cannot be in {console}: the group does not exist yet.",
    "console.create_first": "First create the group {console}, then add the person to it.",
    "fix.add": "Add {user} to {group}",
    "fix.pca_touches": "Project Collection Administrators have full control of every project, setting and member of "
                       "the organisation. The integration requires this group (Exalate's own requirement); Azure "
                       "DevOps has no narrower group that meets it.",
    "fix.project_touches": "Project Administrators of {project} can change every setting, permission and member of "
                           "{project} (and only {project}); the integration requires this group, and no narrower "
                           "group meets it.",
}

NOTICES = (
    Notice("azure_devops_global_pats", "azure_devops", "Global personal access tokens stop working",
           "Personal access tokens created for 'All accessible organizations' stop working on 1 December 2026.",
           "Create a token for one organisation (the one you sync) instead.", date(2026, 12, 1), frozenset({"pat"}),
           "learn.microsoft.com azure devops personal access tokens"),
)

SPEC = TrackerSpec(
    texts=TEXTS,
    catalogue_order=30,
    notices=NOTICES,
    id="azure_devops",
    name="Azure DevOps",
    docs_url="https://learn.microsoft.com/rest/api/azure/devops",
    summary="Azure DevOps Services organisations and Azure DevOps Server collections; the proxy user's personal "
            "access token.",
    url=UrlSpec(
        example="https://dev.azure.com/acme",
        hint="https://dev.azure.com/your-organisation (or https://your-organisation.visualstudio.com); for Azure "
             "DevOps Server the collection address, such as https://ado.example.com/tfs/DefaultCollection",
        pattern=r"https://(dev\.azure\.com/[^/\s]+|[A-Za-z0-9-]+\.visualstudio\.com|[^/\s]+(/tfs)?/[^/\s]+)",
        # A Services page (.../_boards/board) trims to the organisation; a Server's collection path is its own.
        site=r"dev\.azure\.com/[^/?#\s]+|[a-z0-9-]+\.visualstudio\.com",
        self_hosted=True,
    ),
    scope=ScopeSpec(label="Projects", example="Website", hint="the project's name as Azure DevOps shows it",
                    pattern=r"[^/\\:*?\"<>|;#$+=\[\]]{1,64}", noun="project", entry="name", required=True),
    sync_options=("comments", "attachments"),
    auth_methods=(
        AuthMethod(
            id="pat",
            label="Personal access token",
            description="A token of the proxy user for one organisation (or Server collection).",
            fields=(
                Field("token", "Personal access token", secret=True,
                      hint="the token Azure DevOps showed once: 52 lower-case letters and digits, or 84 characters "
                           "for newer tokens", example="x" * 52, pattern=r"[a-z2-7]{52}|[A-Za-z0-9]{84}"),
            ),
            steps=(
                Step("Sign in to Azure DevOps as the proxy user: a dedicated account for the integration, not your "
                     "own (changes made by the proxy user are not synchronised)."),
                Step("Make the proxy user a member of Project Collection Administrators: Organization Settings, "
                     "Permissions, Project Collection Administrators, Members, Add.",
                     link="{url}/_settings/groups", link_label="Open organisation permissions"),
                Step("In each project to sync, add it to Project Administrators: Project Settings, Permissions, "
                     "Project Administrators, Members, Add."),
                Step("As the proxy user open User settings, Personal access tokens, New Token.",
                     link="{url}/_usersSettings/tokens", link_label="Open personal access tokens"),
                Step("Under Organization pick this organisation (not 'All accessible organizations': those tokens "
                     "stop working on 1 December 2026). Choose an expiry your policy allows."),
                Step("Under Scopes choose Custom defined and tick Work Items (Read, write & manage), Project and Team "
                     "(Read), Identity (Read), Member Entitlement Management (Read); 'Show all scopes' reveals "
                     "Identity and Member Entitlement. User Profile (Read) is also needed."),
                Step("Create the token and copy it at once: Azure DevOps shows it only once."),
                Step("Azure DevOps Server: use the collection address (https://host/tfs/DefaultCollection), and keep "
                     "IIS Basic authentication turned off on the server, otherwise personal access tokens fail."),
            ),
        ),
    ),
    requirements=(
        Requirement(PCA_KEY, "Proxy user is a Project Collection Administrator", _PCA_FIX),
        Requirement(PROJECT_ADMINS_KEY, "Proxy user is a Project Administrator of every synced project", _PROJECT_FIX),
        Requirement("pat_scopes", "Token has the scopes the integration needs",
                    "Edit the token (User settings, Personal access tokens) and tick the scopes listed in the steps.",
                    manual=True,
                    steps=("As the proxy user open User settings, Personal access tokens and edit the token.",
                           "Check that Organization is this organisation, and that the scopes include Work Items "
                           "(Read, write & manage), Project and Team (Read), User Profile (Read), Identity (Read) and "
                           "Member Entitlement Management (Read).",
                           "Note the expiry date: Azure DevOps does not show it to the token itself, and only "
                           "Microsoft Entra sign-ins may read the token list by API.")),
        Requirement("conditional_access", "The integration's server is allowed by IP Conditional Access",
                    "Ask an organisation administrator to allow the integration server's IP addresses in Microsoft "
                    "Entra Conditional Access, or to review Organization Settings, Policies, 'Enable IP Conditional "
                    "Access policy validation'.",
                    manual=True,
                    steps=("Open Organization Settings, Policies and see whether 'Enable IP Conditional Access policy "
                           "validation' is on.",
                           "If it is, check with your Entra administrator that the integration server's outgoing IP "
                           "addresses are allowed: this check ran from this workstation, not from that server.")),
    ),
    messages={
        "signin_page": Message(
            ErrorKind.AUTH, "Azure DevOps answered with its sign-in page (HTTP 203): it did not accept the token.",
            "Copy the token again (it must be sent whole, as the password with an empty user name), and check it was "
            "created for this organisation ({url})."),
        "wrong_organization": Message(
            ErrorKind.AUTH, "The token is valid but not for this organisation ({detail}).",
            "Create the token for this organisation (User settings, Personal access tokens, Organization), or check "
            "the organisation name in the address."),
        "collection_missing": Message(
            ErrorKind.AUTH, "The server refused the token at this address: it must include the collection "
                            "(Resource not available for anonymous access).",
            "Use the collection's address, such as https://your-server/tfs/DefaultCollection."),
        "conditional_access": Message(
            ErrorKind.FORBIDDEN, "A Conditional Access policy of your organisation blocked the token from this "
                                 "network (VS403463).",
            "Ask your Entra administrator to allow this workstation's and the integration server's IP addresses, or "
            "verify from an allowed network."),
        "iis_basic_auth": Message(
            ErrorKind.AUTH, "The server's IIS answered the token with its own Basic-authentication refusal.",
            "IIS Basic authentication is on for Azure DevOps Server, which breaks personal access tokens: an "
            "administrator must turn it off in IIS Manager (the Azure DevOps site, Authentication, Basic "
            "Authentication: Disabled)."),
        "scope_missing": Message(
            ErrorKind.FORBIDDEN, "The token is accepted but may not read identities and groups (it lacks the "
                                 "{scope} scope).",
            "Edit the token (User settings, Personal access tokens, Edit), choose 'Show all scopes' and tick {scope}, "
            "then verify again."),
        "graph_on_server": Message(
            ErrorKind.BAD_INPUT, "Azure DevOps Server documents no REST call that adds a member to a group (its "
                                 "Graph API is for Azure DevOps Services only, and its identities API only reads), "
                                 "so ExaDesk cannot make this change on {url}.",
            "On the server, a Project Collection Administrator adds the proxy user in the web portal (Collection "
            "Settings or Project Settings, Permissions, the group, Members, Add), or runs TFSSecurity.exe /g+ "
            "\"{group}\" n:DOMAIN\\user /collection:{url} on the application tier."),
        "group_not_found": Message(
            ErrorKind.NOT_FOUND, "The group {group} is not visible to the proxy user.",
            "Check the organisation or collection name in the address, and that the token has the Identity (Read) "
            "scope."),
    },
    admin_requirements=ADMIN_REQUIREMENTS,
)


class _Offline:
    """The TEXTS table outside a check run (validate_offline has no context): ``OFFLINE.say(key, ...)``."""

    @staticmethod
    def say(key: str, **params) -> str:
        return strings.say(TEXTS, SPEC.id, key, **params)


OFFLINE = _Offline()


def validate_offline(target) -> list[CheckResult]:
    """A Server address must name the collection; a Services address must not carry a project."""
    url = target.url.strip().rstrip("/")
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    problem = ""
    if (parts.hostname or "").lower() == "dev.azure.com" and len(segments) > 1:
        problem = OFFLINE.say("url.more_than_org")
    elif not (parts.hostname or "").lower().endswith(("dev.azure.com", ".visualstudio.com")):
        if not segments or segments[-1].lower() == "tfs":
            problem = OFFLINE.say("url.no_collection")
    if not problem or is_loopback(parts.hostname or ""):
        return []  # loopback is a sandbox server; it answers for itself
    return [CheckResult(id=f"{SPEC.id}.url.collection", status=Status.FAIL, title=OFFLINE.say("url.title"),
                        detail=OFFLINE.say("url.not_an_address", url=repr(target.url), problem=problem),
                        fix=OFFLINE.say("url.expected", hint=SPEC.url.hint))]


# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What Azure DevOps said about the token's user, the groups that matter and the projects in scope."""

    who: str
    collection: str  # the organisation or collection name, as it prefixes its groups' names
    member_of: frozenset[str]  # descriptor keys of every group the user is in (nested too)
    scope: tuple[str, ...]  # the projects named, once each
    pca: dict | None = None  # the collection's Project Collection Administrators group
    console: dict | None = None  # the collection's exalate_console_admin group (admin run); None: it does not exist
    #: Project name (lower-cased) -> as Azure DevOps spells it, and the names of the user's groups; None when no
    #: project is in scope (not read).
    projects: dict[str, str] | None = None
    group_names: frozenset[str] | None = None

    def holds(self, group: dict | None) -> bool:
        return group is not None and descriptor_key(group.get("descriptor")) in self.member_of

    def group(self, name: str) -> str:
        return f"[{self.collection}]\\{name}"


def _facts(ctx, session: ado_api.Session) -> Facts:
    return Facts(who=session.who, collection=session.loc.name, member_of=frozenset(session.member_of),
                 scope=tuple(dict.fromkeys(ctx.target.scope)))


def _with_pca(facts: Facts, session: ado_api.Session) -> Facts:
    """The facts with the PCA group, which every organisation has: not finding it means the address or the token's
    scope is wrong, and the run ends saying so."""
    pca = ado_api.find_group(session.ims, facts.group(PCA))
    if pca is None:
        raise CheckError(messages.problem("azure_devops.group_not_found", tracker=SPEC.name, group=facts.group(PCA)))
    return dataclasses.replace(facts, pca=pca)


def _with_projects(ctx, facts: Facts, session: ado_api.Session) -> Facts:
    """The facts with every project's name and the user's group names (two reads whatever the scope's size)."""
    if not facts.scope:
        return facts
    listed = {str(p.get("name") or "").lower(): str(p.get("name")) for p in ado_api.all_projects(session)
              if p.get("name")}
    return dataclasses.replace(facts, projects=listed, group_names=ado_api.group_names(ctx, session))


def _gather(ctx, session: ado_api.Session) -> Facts:
    facts = _facts(ctx, session)
    if ctx.applies(PCA_KEY):
        facts = _with_pca(facts, session)
    return _with_projects(ctx, facts, session) if ctx.applies(PROJECT_ADMINS_KEY) else facts


def _collection_admin(ctx, facts: Facts, key: str) -> CheckResult:
    group = facts.group(PCA)
    if facts.holds(facts.pca):
        return ctx.passed(key, ctx.say("member", who=facts.who, group=group))
    return ctx.failed(key, ctx.say("not_member", who=facts.who, group=group))


def _project_admins(ctx, facts: Facts, key: str):
    """Results for Project Administrators of each project in scope (a missing project is its own finding)."""
    if facts.projects is None or facts.group_names is None:
        yield ctx.unknown(key, ctx.say("projects.none_in_scope"), fix=ctx.say("projects.add_some"))
        return
    found = [facts.projects[name.lower()] for name in facts.scope if name.lower() in facts.projects]
    missing = [name for name in facts.scope if name.lower() not in facts.projects]
    not_admin = [name for name in found if f"[{name}]\\{PROJECT_ADMINS}".lower() not in facts.group_names]
    if missing:
        yield ctx.scope_missing(missing, facts.who)
    if not_admin:
        yield ctx.failed(key, ctx.say("projects.not_admin", who=facts.who, names=", ".join(not_admin)))
    elif found:
        yield ctx.passed(key, ctx.say("projects.admin", who=facts.who, names=", ".join(found)))
    else:
        yield ctx.unknown(key, ctx.say("projects.none_exists"), fix=ctx.say("projects.correct_names"))


JUDGES = Judges()
JUDGES.add(PCA_KEY, functools.partial(_collection_admin, key=PCA_KEY))
JUDGES.add(PROJECT_ADMINS_KEY, functools.partial(_project_admins, key=PROJECT_ADMINS_KEY))

verify_live = adapter(ado_api.sign_in, _gather, JUDGES)


# -- the administrator's own credential (exadesk.services.planner) -----------------------------------------------------

_ADMIN_KEYS = {kind: req.key for kind, req in ADMIN_REQUIREMENTS.items()}


def _sign_in_admin(ctx) -> ado_api.Session:
    return ado_api.sign_in(ctx, admin=True)


def _gather_admin(ctx, session: ado_api.Session) -> Facts:
    """The planner's admin facts: collection admin, the console group (exists, member), project admin. Group
    existence is read with the same identities search as PCA's."""
    facts = _with_pca(_facts(ctx, session), session)
    facts = dataclasses.replace(facts, console=ado_api.find_group(session.ims, facts.group(CONSOLE_GROUP)))
    return _with_projects(ctx, facts, session)


def _console_group_exists(ctx, facts: Facts):
    # Any member of the collection may search its groups (the same search found PCA), so absence is real.
    key, group = _ADMIN_KEYS["console_group_exists"], facts.group(CONSOLE_GROUP)
    if facts.console is None:
        return ctx.failed(key, ctx.say("console.missing", group=group))
    return ctx.passed(key, ctx.say("console.exists", group=group))


def _console_group_member(ctx, facts: Facts):
    key, group = _ADMIN_KEYS["console_group_member"], facts.group(CONSOLE_GROUP)
    if facts.console is None:
        return ctx.failed(key, ctx.say("console.cannot_be_member", who=facts.who, console=CONSOLE_GROUP),
                          fix=ctx.say("console.create_first", console=CONSOLE_GROUP))
    if facts.holds(facts.console):
        return ctx.passed(key, ctx.say("member", who=facts.who, group=group))
    return ctx.failed(key, ctx.say("not_member", who=facts.who, group=group))


ADMIN_JUDGES = Judges()
ADMIN_JUDGES.add(_ADMIN_KEYS["system_admin"], functools.partial(_collection_admin, key=_ADMIN_KEYS["system_admin"]))
ADMIN_JUDGES.add(_ADMIN_KEYS["console_group_exists"], _console_group_exists)
ADMIN_JUDGES.add(_ADMIN_KEYS["console_group_member"], _console_group_member)
ADMIN_JUDGES.add(_ADMIN_KEYS["project_admin"],
                 functools.partial(_project_admins, key=_ADMIN_KEYS["project_admin"]))

verify_admin = adapter(_sign_in_admin, _gather_admin, ADMIN_JUDGES)


# -- fixes (exadesk fix): membership of the group a failing requirement names --------------------------------------
# Microsoft's Graph reference (graph.json 7.1, served on vssps.dev.azure.com/{organization}): Memberships - Add
# (PUT /_apis/graph/memberships/{subjectDescriptor}/{containerDescriptor}, api-version 7.1-preview.1, PAT scope
# vso.graph_manage) and Memberships - Remove Membership (DELETE, same path). The subject descriptors come from the
# identities read verification already makes (Identity.subjectDescriptor). The Graph API is Services only: Azure
# DevOps Server's descriptions (identities-onprem.json) have no write, so there the fix names the manual way.

_MEMBERSHIPS_REF = "https://learn.microsoft.com/rest/api/azure/devops/graph/memberships/add?view=azure-devops-rest-7.1"
GRAPH_VERSION = "7.1-preview.1"


def fix_client(ctx):
    """The administrator's client for the Graph API (the identities host), signed in as ``ctx.target``."""
    return ado_api.sign_in(ctx, admin=True).ims


def _fix_subject(ctx, session: ado_api.Session) -> dict | None:
    """The proxy user's identity with its direct groups, read with the administrator's token."""
    user_id = ctx.proxy_identity.id if ctx.proxy_identity else ""
    if not user_id:
        return None
    found = ado_api.values(session.ims.get_json("/_apis/identities", params={
        "identityIds": user_id, "queryMembership": "Direct", "api-version": API_VERSION}))
    return next((i for i in found if str(i.get("id") or "").lower() == user_id.lower()), None)


def _membership_change(ctx, session: ado_api.Session, key: str, group_name: str, touches: str):
    """The change that puts the proxy user in ``group_name`` (done when it is a direct member), or None."""

    if not session.hosted:
        raise CheckError(messages.problem("azure_devops.graph_on_server", tracker=SPEC.name, url=session.loc.core,
                                          group=group_name))
    subject, group = _fix_subject(ctx, session), ado_api.find_group(session.ims, group_name)
    if subject is None or group is None or not subject.get("subjectDescriptor") or not group.get("subjectDescriptor"):
        return None  # the proxy user's own check names what is missing
    path = f"/_apis/graph/memberships/{subject['subjectDescriptor']}/{group['subjectDescriptor']}"
    params = (("api-version", GRAPH_VERSION),)
    direct = {descriptor_key(d) for d in subject.get("memberOf") or []}
    return Change(SPEC.check_id(key), ctx.say("fix.add", user=ctx.proxy_identity.label(), group=group_name),
                  Call("PUT", path, params), Call("DELETE", path, params), _MEMBERSHIPS_REF, (touches,),
                  done=descriptor_key(group.get("descriptor")) in direct)


def _plan_collection_admin(ctx, key: str):
    session = ado_api.sign_in(ctx, admin=True)
    change = _membership_change(ctx, session, key, f"[{session.loc.name}]\\{PCA}", ctx.say("fix.pca_touches"))
    return [change] if change else []


def _plan_project_admins(ctx, key: str):
    session = ado_api.sign_in(ctx, admin=True)
    listed = {str(p.get("name") or "").lower(): str(p.get("name")) for p in ado_api.all_projects(session)
              if p.get("name")}
    changes = []
    for name in dict.fromkeys(ctx.proxy.scope):
        project = listed.get(name.lower())
        if project:  # a project that does not exist is the scope finding's, not a membership to add
            change = _membership_change(ctx, session, key, f"[{project}]\\{PROJECT_ADMINS}",
                                        ctx.say("fix.project_touches", project=project))
            changes += [change] if change else []
    return changes


FIXES = (
    Fix((PCA_KEY,), _plan_collection_admin, "membership of Project Collection Administrators (only its members "
        "may add members to it), with a token that has the Graph (Read & manage) scope", _MEMBERSHIPS_REF),
    Fix((PROJECT_ADMINS_KEY,), _plan_project_admins, "Project Administrators of each project listed (or "
        "Project Collection Administrators), with a token that has the Graph (Read & manage) scope",
        _MEMBERSHIPS_REF),
)
#: Why the administrator's own requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md); the
#: proxy user's group fixes are for Azure DevOps Services, since Azure DevOps Server's REST descriptions
#: (identities-onprem.json) document no write for identities or group membership.
NOT_FIXABLE = {
    ADMIN_REQUIREMENTS["system_admin"].key: admin_role_not_fixable(
        "a Project Collection Administrator",
        " (and on Azure DevOps Server its REST descriptions document no write for identities)"),
    ADMIN_REQUIREMENTS["project_admin"].key: admin_role_not_fixable("a Project Administrator"),
    ADMIN_REQUIREMENTS["console_group_member"].key: CONSOLE_MEMBER_NOT_FIXABLE,
    ADMIN_REQUIREMENTS["console_group_exists"].key: console_group_not_fixable(
        "a Project Collection Administrator",
        also=", and Azure DevOps Server's REST descriptions document no write for identities"),
}


register(SPEC, sys.modules[__name__])
