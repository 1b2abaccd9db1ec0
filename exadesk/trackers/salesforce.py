"""Salesforce, an OAuth access token of the proxy user (the user who installed the integration).

This module is what ExaDesk requires of the proxy user and the administrator, and how each requirement is judged.
The reads (sign-in, error bodies, SOQL queries) are in _salesforce_api.py; the fixes in _salesforce_fixes.py.

Written from Salesforce's REST API and OAuth documentation:
https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_using_userinfo_endpoint.htm (/services/oauth2/userinfo)
https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm (GET /services/data/)
https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm (query?q=SOQL)
https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm
https://developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_resources_users_specific.htm (users/me)
https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm (errors as a JSON list)
https://github.com/forcedotcom/salesforcedx-vscode/issues/2387, restforce/restforce#219 and #646: REST answers a user
    without API Enabled, like an org without API access, with 403 API_DISABLED_FOR_ORG "The REST API is not enabled
    for this Organization"; the OAuth userinfo endpoint still answers. No endpoint reachable without the API shows
    the org's edition, so the per-user fix comes first and the edition second.
https://help.salesforce.com/s/articleView?id=005132365 (uninstalled connected apps blocked, OAUTH_APPROVAL_ERROR_GENERIC)
https://developer.salesforce.com/tools/salesforcecli (sf org login web / sf org display, to get a token today)
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from dataclasses import field
from datetime import date

from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.verification.changes import CONSOLE_MEMBER_NOT_FIXABLE, admin_role_not_fixable, console_group_not_fixable
from exadesk.verification.notices import Notice
from exadesk.verification.oauth import OAuthProfile, sign_in_method
from exadesk.verification.registry import register
# The reads live in _salesforce_api.py; api_base, credential, diagnose, errors, api_disabled and token_error_reason
# stay reachable here too, as the tracker's surface they were.
from exadesk.trackers._salesforce_api import (  # noqa: F401
    MAX_QUERY_BATCHES, api_base, api_disabled, credential, diagnose, errors, records, sign_in, token_error_reason,
)
from exadesk.trackers._salesforce_fixes import BROAD_PERMISSIONS, assignment_fixes  # noqa: F401
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.spec import (
    CONSOLE_GROUP, AdminPolicy, AuthMethod, DelegatedStep, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec,
)

_API_DISABLED_FIX = ("Turn on API Enabled for the user: Setup, Profiles (or a permission set assigned to the user), System "
                     "Permissions, API Enabled. Salesforce sends the same answer when the org's edition has no API "
                     "access: if API Enabled is already on, the edition lacks it (Enterprise, Unlimited, Developer "
                     "and Performance have it, Professional needs the API add-on): ask your Salesforce account "
                     "executive.")

#: Below this share of the daily API allowance left, warn: the sync would stall when it runs out.
API_REQUESTS_WARNING = 0.10
_PERMISSIONS_STEP = ("Setup, Users, Profiles (or Permission Sets), the proxy user's profile, Object Settings, "
                     "{objects}")

_PUBLIC_GROUPS_STEP = "Setup, Users, Public Groups"
#: Profile and permission-set permissions that make a Salesforce administrator for the integration's console.
ADMIN_PERMISSIONS = {"PermissionsModifyAllData": "Modify All Data",
                     "PermissionsCustomizeApplication": "Customize Application"}
#: No "project_admin": Salesforce has no projects (the planner shows that kind as not applicable); access goes
#: by profile, a manual item of the plan.
ADMIN_REQUIREMENTS = {
    "system_admin": Requirement(
        "admin.system_administrator", "Administrator is a System Administrator",
        "Give the person the System Administrator profile (Setup, Users, Users, the person, Edit, Profile), or a "
        "permission set with Modify All Data or Customize Application (Setup, Users, Permission Sets)."),
    "console_group_exists": Requirement(
        f"admin.group.{CONSOLE_GROUP}", f"The public group {CONSOLE_GROUP} exists",
        f"A System Administrator opens {_PUBLIC_GROUPS_STEP}, New, and sets Group Name to exactly {CONSOLE_GROUP}."),
    "console_group_member": Requirement(
        f"admin.member.{CONSOLE_GROUP}", f"Administrator is a member of {CONSOLE_GROUP}",
        f"A System Administrator opens {_PUBLIC_GROUPS_STEP}, {CONSOLE_GROUP}, Edit, and adds the person to "
        "Selected Members."),
}

#: Every sentence this adapter writes in a check or a fix (exadesk.foundation.strings).
TEXTS = {
    "shape.no_versions": "no API versions listed",
    "shape.no_user_id": "a user id Salesforce did not name",
    "identity.kind": "{kind}, profile {profile}",
    "api.answered": "The REST API answered for {who} (profile {profile}; API Enabled through {via}).",
    "api.via_profile": "its profile",
    "api.via_set": "a permission set",
    "api.refused_signed_in": "{who} signs in (the OAuth userinfo endpoint answered), but the REST API refused: {said}. "
                             "Salesforce answers this way when the user's profile and permission sets lack API "
                             "Enabled, and when the org's edition has no API access.",
    "api.refused": "the REST API refused: {said}. Salesforce answers this way when the user's profile and permission "
                   "sets lack API Enabled, and when the org's edition has no API access.",
    "objects.none_exists": "None of the objects in scope exists, so object permissions could not be checked.",
    "objects.missing_on": "Missing on: {names}.",
    "objects.granted_on": "Granted on {names}.",
    "where.describe_for": "GET sobjects (Describe Global) for {names}",
    "where.describe": "GET sobjects (Describe Global)",
    "object.not_visible": "The proxy user cannot see {name}.",
    "object.createable": "{name} is createable for the proxy user.",
    "object.not_createable": "{name} is not createable for the proxy user.",
    "limits.not_readable": "Only users with View Setup and Configuration can read the org's limits.",
    "limits.by_hand": "Check Setup, Company Information, API Requests, Last 24 Hours by hand.",
    "limits.not_sent": "Salesforce did not report the daily API request limit.",
    "limits.none_left": "No API requests left of {top} in the last 24 hours.",
    "limits.few_left": "Only {left} of {top} API requests left in the last 24 hours.",
    "limits.left": "{left} of {top} API requests left in the last 24 hours.",
    "modify_all.has": "{who} has Modify All Data (profile {profile}), like a System Administrator. If this is a "
                      "person's own account, their edits stop syncing and the setup ends when they leave.",
    "modify_all.not": "Profile {profile} is not an all-powerful admin profile.",
    "admin.profile": "{who} has the profile {profile}{how}.",
    "admin.how": " ({permissions})",
    "admin.through_set": "{who} has administrator permissions through the permission set {names} (profile {profile}).",
    "admin.not_admin": "{who} has the profile {profile} and no permission set with Modify All Data or Customize "
                       "Application.",
    "console.missing": "There is no public group {group} in this org.",
    "console.cannot_be_member": "{who} cannot be in {group}: the group does not exist yet.",
    "console.create_first": "First create the public group {group}, then add the person to it.",
    "console.exists": "The public group {group} exists.",
    "console.member": "{who} is a member of {group}.",
    "console.not_member": "{who} is not a direct member of {group} (ExaDesk counts direct members only, not members "
                          "through a role or another group).",
    "fix.assign": "Assign the permission set {label} to {user} (it grants {what})",
    "fix.api": "API Enabled",
    "fix.object": "{permission} on {objects}",
    "fix.broad": "{label} also grants {permissions}: no permission set in this org grants {what} with less.",
    "fix.other_objects": "{label} also gives object permissions on {objects}.",
    "fix.nothing_else": "{label} grants nothing beyond what the integration's requirements need.",
}

NOTICES = (
    Notice("salesforce_username_password", "salesforce", "Salesforce retires username-password sign-in",
           "SOAP login() with a user name and password is retired on 1 June 2027 and already off in new orgs.",
           "Sign in with OAuth (the browser sign-in); ExaDesk offers no user name + password flow.", date(2027, 6, 1),
           source="help.salesforce.com 005132110"),
)

OAUTH = OAuthProfile(
    tracker="salesforce", name="Salesforce", method_id="oauth",
    authorize_path="/services/oauth2/authorize", token_path="/services/oauth2/token",
    revoke_path="/services/oauth2/revoke", scopes=("api", "refresh_token", "id"), client_secret="optional",
    device=True,
    register_steps=(
        "In Setup open External Client App Manager (or App Manager, New Connected App) and create an app "
        "with OAuth enabled.",
        "Callback URL: http://127.0.0.1/callback (ExaDesk listens there on a free port). Scopes: 'Manage user "
        "data via APIs (api)', 'Perform requests at any time (refresh_token, offline_access)' and 'Access the "
        "identity URL service (id)'.",
        "Tick 'Require Proof Key for Code Exchange (PKCE)'; untick 'Require Secret for Web Server Flow' (a "
        "desktop app cannot keep a secret), and tick 'Enable Device Flow' for machines without a browser.",
        "Install the app in the org (since September 2025 uninstalled apps are blocked), then give ExaDesk the "
        "Consumer Key.",
    ),
    register_link="{url}/lightning/setup/ManageExternalClientApplication/home",
    docs=("https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_web_server_flow.htm",
          "https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_device_flow.htm",
          "https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_revoke_token.htm"),
)

SPEC = TrackerSpec(
    texts=TEXTS,
    admin_policy=AdminPolicy(delegated_steps=(DelegatedStep(
        "salesforce_profile", "Salesforce: the person's profile has access",
        "On Salesforce the app is installed for chosen profiles; a system administrator grants a "
        "profile access.",
        "Confirm in Setup, Installed Packages, the app, Manage Licenses / profiles.",
        "Ask a system administrator to grant the person's profile access to the app."),)),
    catalogue_order=60,
    notices=NOTICES,
    oauth=OAUTH,
    id="salesforce",
    name="Salesforce",
    docs_url="https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/",
    summary="Salesforce orgs (My Domain address); the proxy user is the user who installed the integration.",
    url=UrlSpec(example="https://acme.my.salesforce.com",
                hint="your My Domain address, https://your-domain.my.salesforce.com (sandboxes: "
                     "https://your-domain--sandbox.sandbox.my.salesforce.com), not the lightning.force.com address",
                pattern=r"https://[a-z0-9-]+(\.(sandbox|develop|scratch|trailblaze|demo|patch))?\.my\.salesforce\.com",
                site=r"[a-z0-9-]+(\.(sandbox|develop|scratch|trailblaze|demo|patch))?\.my\.salesforce\.com"),
    scope=ScopeSpec(label="Objects", example="Case", default=("Case",),
                    hint="an object's API name, for example Case or Ticket__c",
                    pattern=r"[A-Za-z][A-Za-z0-9_]*", noun="object", entry="API name"),
    sync_options=("comments", "attachments", "triggers"),
    auth_methods=(
        AuthMethod(
            id="access_token",
            label="OAuth access token",
            description="An OAuth access token of the proxy user and the org's My Domain address. Salesforce retires "
                        "user name + password sign-in, so ExaDesk offers none.",
            fields=(
                Field("access_token", "Access token", secret=True,
                      hint="a Salesforce access token: your org id (15 characters starting with 00D), an exclamation "
                           "mark, then a long string of letters, digits, dots and underscores",
                      example="00D000000000001!AQ0AQ" + "x" * 30,
                      pattern=r"00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}"),
            ),
            steps=(
                Step("Sign in to Salesforce as the proxy user: the user who installs the integration and whose changes "
                     "are not synced back.", link="{url}/", link_label="Open Salesforce"),
                Step("Copy your My Domain address from Setup, My Domain (it ends in .my.salesforce.com).",
                     link="{url}/lightning/setup/OrgDomain/home", link_label="Open My Domain"),
                Step("Make sure the proxy user's profile or a permission set has API Enabled (Setup, Profiles, the "
                     "profile, System Permissions) and Read, Create and Edit on the objects to sync (Case by "
                     "default).", link="{url}/lightning/setup/EnhancedProfiles/home", link_label="Open Profiles"),
                Step("Get an access token for the proxy user. Until ExaDesk's own browser sign-in arrives, use the "
                     "Salesforce CLI: run `sf org login web --instance-url` with your My Domain address, then "
                     "`sf org display` and copy the Access Token."),
                Step("If the sign-in page says OAUTH_APPROVAL_ERROR_GENERIC or 'app must be installed into org', "
                     "Salesforce blocks uninstalled connected apps: an admin installs the app (Setup, Connected Apps "
                     "OAuth Usage, Install) or grants the user 'Approve Uninstalled Connected Apps'.",
                     link="{url}/lightning/setup/ConnectedAppsUsage/home", link_label="Open Connected Apps OAuth Usage"),
                Step("Paste the token here. It lasts as long as the org's session timeout (Setup, Session Settings); "
                     "when it expires, sign in again for a new one."),
            ),
        ),
        sign_in_method(
            OAUTH, label="Sign in with the browser (OAuth)",
            description="Sign in as the proxy user in the browser through your org's connected or external client "
                        "app; ExaDesk learns the org address and user from the sign-in and renews the access token "
                        "before each check.",
            client_id_hint="the app's Consumer Key (a long string starting with 3MVG)",
            client_id_example="3MVG9" + "A" * 80),
    ),
    requirements=(
        Requirement("ApiEnabled", "Proxy user may use the API (API Enabled)", _API_DISABLED_FIX),
        Requirement("PermissionsRead", "Proxy user can read the objects in scope",
                    "Give the proxy user Read on the objects: " + _PERMISSIONS_STEP.format(objects="the object, Read.")),
        Requirement("PermissionsCreate", "Proxy user can create records of the objects in scope",
                    "Give the proxy user Create on the objects: " +
                    _PERMISSIONS_STEP.format(objects="the object, Create.")),
        Requirement("PermissionsEdit", "Proxy user can edit records of the objects in scope",
                    "Give the proxy user Edit on the objects: " + _PERMISSIONS_STEP.format(objects="the object, Edit.")),
        Requirement("CaseComment", "Proxy user can add case comments",
                    "Give the proxy user Read and Edit on Cases (case comments follow the case's access), and check "
                    "the profile's page layouts show Case Comments.", when=frozenset({"comments"})),
        Requirement("ContentVersion", "Proxy user can add files",
                    "Turn on Create for Files (Content) in the profile, System Permissions, and make sure the user "
                    "can see Files.", when=frozenset({"attachments"})),
        Requirement("DailyApiRequests", "Org has API requests left today",
                    "The org is near its 24-hour API request limit: check Setup, Company Information, API Requests, "
                    "Last 24 Hours, reduce other integrations' use or buy more."),
        Requirement("ModifyAllData", "Proxy user is not a person's own admin account",
                    "Use a dedicated integration user (a Salesforce Integration user licence or a dedicated "
                    "System Administrator) as proxy user; its own edits are not synced back, so a person's "
                    "account would lose theirs."),
    ),
    messages={
        "session_invalid": Message(ErrorKind.AUTH, "Salesforce did not accept the access token ({detail}).",
                                   "Access tokens expire with the org's session timeout or when the user signs out or "
                                   "the app's access is revoked: get a new token as the walkthrough shows and check "
                                   "the address is the org the token was issued for."),
        "api_disabled_org": Message(ErrorKind.FORBIDDEN, "Salesforce refused its REST API to this user ({detail}).",
                                    _API_DISABLED_FIX),
        "request_limit": Message(ErrorKind.RATE_LIMITED, "The org has used up its API requests ({detail}).",
                                 "Wait until the 24-hour limit frees requests (Setup, Company Information shows the "
                                 "use), then verify again."),
        "app_not_installed": Message(ErrorKind.AUTH, "Salesforce blocked the sign-in because the connected app is not "
                                     "installed in the org ({detail}).",
                                     "An admin installs the app (Setup, Connected Apps OAuth Usage, the app, Install), "
                                     "or gives the proxy user the 'Approve Uninstalled Connected Apps' permission "
                                     "(not available on cloned profiles), then sign in again."),
        "refresh_rejected": Message(ErrorKind.AUTH, "Salesforce refused to renew the access token ({detail}).",
                                    "Common causes: the connected app's refresh token policy expired it, the user "
                                    "approved the app more than 5 times (the 6th approval revokes the oldest token), or "
                                    "an IP restriction. Sign in again; an admin can check the policy in Setup, "
                                    "Connected Apps, Manage, Edit Policies."),
        "no_permission_set": Message(ErrorKind.BAD_INPUT, "No permission set in this org grants {what} (a profile's own "
                                     "permission set cannot be assigned), so ExaDesk has nothing to assign.",
                                     "Create a permission set with just that (Setup, Permission Sets, New, then "
                                     "System Permissions or Object Settings), then run the fix again: ExaDesk then "
                                     "assigns it."),
        "login_security_token": Message(ErrorKind.AUTH, "Salesforce asked for a security token ({detail}).",
                                        "This only happens with user name + password sign-in, which Salesforce "
                                        "retires and ExaDesk does not use: sign in with OAuth instead."),
    },
    admin_requirements=ADMIN_REQUIREMENTS,
)



# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What Salesforce said about the proxy user, its profile, the objects in scope and the org's limits."""

    #: What REST answered when it refused its API to the user (API Enabled, or the edition); "" when it answered.
    api_refused: str = ""
    who: str = ""
    profile: dict = field(default_factory=dict)  # the user's Profile fields (PermissionsApiEnabled, ...)
    objects: tuple[str, ...] = ()  # the objects in scope that Describe Global lists
    missing: tuple[str, ...] = ()  # the objects in scope it does not list
    described: dict = field(default_factory=dict)  # object name -> its Describe Global entry (None: not listed)
    limits: dict | None = None  # the DailyApiRequests limit; None when the user may not read limits

    @property
    def profile_name(self) -> str:
        return str(self.profile.get("Name") or "unknown")


def _refused(exc: CheckError) -> str | None:
    """What Salesforce said when ``exc`` is REST refusing its API to this user, else None."""
    if exc.problem.reason != "salesforce.api_disabled_org":
        return None
    return exc.problem.details.get("said", "")


def _sign_in_live(ctx):
    """Sign in; REST refusing its API already here (the chatter fallback) decides ApiEnabled: (None, said)."""
    try:
        return sign_in(ctx)
    except CheckError as exc:
        said = _refused(exc)
        if said is None:
            raise
        return None, said


def _gather(ctx, session) -> Facts:
    client, data = session
    if client is None:
        return Facts(api_refused=data)
    soql = ("SELECT Id, Username, Name, UserType, IsActive, Profile.Name, Profile.PermissionsApiEnabled, "
            f"Profile.PermissionsModifyAllData FROM User WHERE Id = '{ctx.identity.id}'")
    try:  # the first data API call decides ApiEnabled; the other checks need the API and are not reached
        records = client.get_json(f"{data}/query", params={"q": soql}, expect=dict).get("records") or []
    except CheckError as exc:
        said = _refused(exc)
        if said is None:
            raise
        return Facts(api_refused=said)
    record = records[0] if records and isinstance(records[0], dict) else {}
    profile = record.get("Profile") if isinstance(record.get("Profile"), dict) else {}
    facts = Facts(who=ctx.identity.label(), profile=profile)
    ctx.identity.kind = ctx.say("identity.kind", kind=ctx.identity.kind or "user", profile=facts.profile_name)
    return _with_objects_and_limits(ctx, facts, client, data)


def _with_objects_and_limits(ctx, facts: Facts, client, data: str) -> Facts:
    """Describe Global (every object the user can access, with its flags for this user, in one read) and the org's
    limits, read together."""
    objects = list(dict.fromkeys(ctx.target.scope or SPEC.scope.default))
    # Comments and files live in objects of their own; describe them only when they are synced.
    extra = [name for name in ("CaseComment", "ContentVersion") if ctx.applies(name)]
    listed, limits = ctx.gather([lambda: client.get_json(f"{data}/sobjects", expect=dict),
                                 lambda: client.get(f"{data}/limits", allow=(403,))])
    by_name = {str(o.get("name")).lower(): o for o in listed.get("sobjects") or [] if isinstance(o, dict)}
    described = {name: by_name.get(name.lower()) for name in dict.fromkeys(objects + extra)}
    daily = None if limits.status == 403 else client.decode(limits, dict).get("DailyApiRequests") or {}
    return dataclasses.replace(facts, described=described, limits=daily,
                               objects=tuple(n for n in objects if described[n] is not None),
                               missing=tuple(n for n in objects if described[n] is None))


JUDGES = Judges()


@JUDGES("ApiEnabled")
def _api_enabled(ctx, facts: Facts):
    if facts.api_refused:
        # REST refused the API to a user whose sign-in works (when userinfo showed it).
        who = ctx.identity.label() if ctx.identity and ctx.identity.id else ""
        said = facts.api_refused.rstrip(".")
        return ctx.failed("ApiEnabled", ctx.say("api.refused_signed_in", who=who, said=said) if who
                          else ctx.say("api.refused", said=said))
    via = ctx.say("api.via_profile") if facts.profile.get("PermissionsApiEnabled") else ctx.say("api.via_set")
    return ctx.passed("ApiEnabled", ctx.say("api.answered", who=facts.who, profile=facts.profile_name, via=via))


#: Object permission requirement -> the Describe Global flag that shows it for the user.
_NEEDS = {"PermissionsRead": "queryable", "PermissionsCreate": "createable", "PermissionsEdit": "updateable"}


def _object_permission(ctx, facts: Facts, key: str):
    """One result per permission, aggregated over the objects in scope; the first also names the missing ones."""
    if facts.api_refused:
        return
    if facts.missing and key == next(iter(_NEEDS)):
        yield ctx.scope_missing(facts.missing)
    if not facts.objects:
        yield ctx.unknown(key, ctx.say("objects.none_exists"))
        return
    flag = _NEEDS[key]
    unsent = [name for name in facts.objects if flag not in facts.described[name]]  # not sent: never a fail
    lacking = [name for name in facts.objects if name not in unsent and facts.described[name].get(flag) is not True]
    if lacking:
        yield ctx.failed(key, ctx.say("objects.missing_on", names=", ".join(lacking)))
    elif unsent:
        yield ctx.not_sent(key, flag, ctx.say("where.describe_for", names=", ".join(unsent)))
    else:
        yield ctx.passed(key, ctx.say("objects.granted_on", names=", ".join(facts.objects)))


for _key in _NEEDS:
    JUDGES.add(_key, functools.partial(_object_permission, key=_key))


def _createable(ctx, facts: Facts, key: str):
    """CaseComment and ContentVersion: the proxy user may create them (described only when they are synced)."""
    if facts.api_refused:
        return None
    desc = facts.described.get(key)
    if desc is None:
        return ctx.failed(key, ctx.say("object.not_visible", name=key))
    if "createable" not in desc:  # not sent: never a fail
        return ctx.not_sent(key, "createable", ctx.say("where.describe"))
    if desc.get("createable") is True:
        return ctx.passed(key, ctx.say("object.createable", name=key))
    return ctx.failed(key, ctx.say("object.not_createable", name=key))


for _key in ("CaseComment", "ContentVersion"):
    JUDGES.add(_key, functools.partial(_createable, key=_key))


@JUDGES("DailyApiRequests")
def _daily_api_requests(ctx, facts: Facts):
    if facts.api_refused:
        return None
    if facts.limits is None:
        return ctx.unknown("DailyApiRequests", ctx.say("limits.not_readable"), fix=ctx.say("limits.by_hand"))
    top, left = facts.limits.get("Max"), facts.limits.get("Remaining")
    if not isinstance(top, int) or not isinstance(left, int):
        return ctx.unknown("DailyApiRequests", ctx.say("limits.not_sent"))
    if left <= 0:
        return ctx.failed("DailyApiRequests", ctx.say("limits.none_left", top=top))
    if top and left / top < API_REQUESTS_WARNING:
        return ctx.warned("DailyApiRequests", ctx.say("limits.few_left", left=left, top=top))
    return ctx.passed("DailyApiRequests", ctx.say("limits.left", left=left, top=top))


@JUDGES("ModifyAllData")
def _modify_all_data(ctx, facts: Facts):
    if facts.api_refused:
        return None
    if facts.profile.get("PermissionsModifyAllData") is True:
        return ctx.warned("ModifyAllData", ctx.say("modify_all.has", who=facts.who, profile=facts.profile_name))
    return ctx.passed("ModifyAllData", ctx.say("modify_all.not", profile=facts.profile_name))


verify_live = adapter(_sign_in_live, _gather, JUDGES)


# -- the administrator's own credential (exadesk.services.planner) -----------------------------------------------------

_ADMIN_KEYS = {kind: req.key for kind, req in ADMIN_REQUIREMENTS.items()}


@dataclass(frozen=True)
class AdminFacts:
    """The administrator's profile, its admin permission sets and the console group."""

    who: str
    profile_name: str
    granted: tuple[str, ...]  # the admin permissions the profile holds (labels)
    sets: tuple[str, ...] | None  # permission sets with admin permissions; None when the profile decided it
    group_id: str | None  # the console group; None when it does not exist
    member: bool = False


def _gather_admin(ctx, session) -> AdminFacts:
    client, data = session
    user_id = ctx.identity.id
    wanted = ", ".join(f"Profile.{name}" for name in ADMIN_PERMISSIONS)
    users = records(client, data, f"SELECT Id, Profile.Name, {wanted} FROM User WHERE Id = '{user_id}'")
    profile = users[0].get("Profile") if users and isinstance(users[0].get("Profile"), dict) else {}
    profile_name = str(profile.get("Name") or "unknown")
    granted = tuple(label for name, label in ADMIN_PERMISSIONS.items() if profile.get(name) is True)
    sets = None
    if profile_name != "System Administrator" and not granted:
        either = " OR ".join(f"PermissionSet.{name} = true" for name in ADMIN_PERMISSIONS)
        sets = tuple(str((r.get("PermissionSet") or {}).get("Name") or "") for r in records(
            client, data, f"SELECT Id, PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '{user_id}' "
                          f"AND ({either})"))
    groups = records(client, data, "SELECT Id, DeveloperName FROM Group "
                                    f"WHERE Type = 'Regular' AND DeveloperName = '{CONSOLE_GROUP}'")
    group_id = str(groups[0].get("Id") or "") if groups else None
    member = bool(group_id is not None and records(
        client, data, f"SELECT Id FROM GroupMember WHERE GroupId = '{group_id}' AND UserOrGroupId = '{user_id}'"))
    return AdminFacts(ctx.identity.label(), profile_name, granted, sets, group_id, member)


ADMIN_JUDGES = Judges()


@ADMIN_JUDGES(_ADMIN_KEYS["system_admin"])
def _system_admin(ctx, facts: AdminFacts):
    """System Administrator: the profile, or Modify All Data / Customize Application from it or a permission set."""
    key = _ADMIN_KEYS["system_admin"]
    if facts.sets is None:
        how = ctx.say("admin.how", permissions=", ".join(facts.granted)) if facts.granted else ""
        return ctx.passed(key, ctx.say("admin.profile", who=facts.who, profile=facts.profile_name, how=how))
    if facts.sets:
        return ctx.passed(key, ctx.say("admin.through_set", who=facts.who, names=", ".join(facts.sets),
                                       profile=facts.profile_name))
    return ctx.failed(key, ctx.say("admin.not_admin", who=facts.who, profile=facts.profile_name))


@ADMIN_JUDGES(_ADMIN_KEYS["console_group_exists"])
def _console_group_exists(ctx, facts: AdminFacts):
    key = _ADMIN_KEYS["console_group_exists"]
    if facts.group_id is None:
        return ctx.failed(key, ctx.say("console.missing", group=CONSOLE_GROUP))
    return ctx.passed(key, ctx.say("console.exists", group=CONSOLE_GROUP))


@ADMIN_JUDGES(_ADMIN_KEYS["console_group_member"])
def _console_group_member(ctx, facts: AdminFacts):
    key = _ADMIN_KEYS["console_group_member"]
    if facts.group_id is None:
        return ctx.failed(key, ctx.say("console.cannot_be_member", who=facts.who, group=CONSOLE_GROUP),
                          fix=ctx.say("console.create_first", group=CONSOLE_GROUP))
    if facts.member:
        return ctx.passed(key, ctx.say("console.member", who=facts.who, group=CONSOLE_GROUP))
    return ctx.failed(key, ctx.say("console.not_member", who=facts.who, group=CONSOLE_GROUP))


verify_admin = adapter(sign_in, _gather_admin, ADMIN_JUDGES)


# -- fixes (exadesk fix): a permission set assignment (exadesk/trackers/_salesforce_fixes.py) ----------------------


def fix_client(ctx):
    """The administrator's client for fixes, signed in as ``ctx.target`` (the fix module makes it writable)."""
    return sign_in(ctx)[0]


FIXES = assignment_fixes()
#: Why the other requirements have no fix (scripts/fix_table.py shows them in docs/fixes.md).
NOT_FIXABLE = {
    "ContentVersion": "Files follow a system permission of the profile and the user's Files access, not the object "
                      "permissions the permission-set fix assigns; an administrator turns them on.",
    "DailyApiRequests": "the org's 24-hour API request limit is the org's allowance, not a grant: no permission "
                        "raises it (less use elsewhere, or buying more, does).",
    "ModifyAllData": "replacing a person's own admin account with a dedicated integration user is a person's choice; "
                     "ExaDesk's fixes never take rights away.",
    ADMIN_REQUIREMENTS["system_admin"].key: admin_role_not_fixable("a System Administrator"),
    ADMIN_REQUIREMENTS["console_group_exists"].key: console_group_not_fixable("a system administrator",
                                                                              f"the public group {CONSOLE_GROUP}"),
    ADMIN_REQUIREMENTS["console_group_member"].key: CONSOLE_MEMBER_NOT_FIXABLE,
}


register(SPEC, sys.modules[__name__])
