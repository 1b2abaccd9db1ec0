"""Salesforce, an OAuth access token of the proxy user (the user who installed the integration).

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

import re
import sys
from datetime import date
from urllib.parse import urlsplit

from exadesk.checks import Identity
from exadesk.errors import CheckError, ErrorKind
from exadesk.http import Auth, BearerAuth, Reply
from exadesk.messages import Message
from exadesk.notices import Notice
from exadesk.oauth import OAuthProfile
from exadesk.trackers import register
from exadesk.trackers.base import (
    CONSOLE_GROUP, AdminPolicy, AuthMethod, DelegatedStep, Field, Requirement, ScopeSpec, Step, Target, TrackerSpec,
    UrlSpec, origin, sign_in_method,
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
    "console_group_member": Requirement(
        f"admin.member.{CONSOLE_GROUP}", f"Administrator is a member of {CONSOLE_GROUP}",
        f"A System Administrator opens {_PUBLIC_GROUPS_STEP}, {CONSOLE_GROUP}, Edit, and adds the person to "
        "Selected Members."),
    "console_group_exists": Requirement(
        f"admin.group.{CONSOLE_GROUP}", f"The public group {CONSOLE_GROUP} exists",
        f"A System Administrator opens {_PUBLIC_GROUPS_STEP}, New, and sets Group Name to exactly {CONSOLE_GROUP}."),
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
        "login_security_token": Message(ErrorKind.AUTH, "Salesforce asked for a security token ({detail}).",
                                        "This only happens with user name + password sign-in, which Salesforce "
                                        "retires and ExaDesk does not use: sign in with OAuth instead."),
    },
    admin_requirements=ADMIN_REQUIREMENTS,
)

#: REST's answers when the API is not open to the user: API_DISABLED_FOR_ORG (a user without API Enabled, or an org
#: without API: REST does not tell them apart) and API_CURRENTLY_DISABLED ("API is disabled for this User").
_API_DISABLED_CODES = ("API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED")


def api_base(url: str) -> str:
    """The instance (My Domain) address the REST API is served from; a loopback address is a test server."""
    parts = urlsplit(url)
    return origin(parts, (parts.hostname or "").lower())


def credential(target: Target) -> Auth:
    """The Authorization for an access token: pasted, or the browser sign-in's (refreshed before the check)."""
    return BearerAuth(target.secrets.get("access_token"))


def errors(reply: Reply) -> list[tuple[str, str]]:
    """(errorCode, message) pairs: Salesforce answers errors as ``[{"message", "errorCode"}]``."""
    data = reply.json_or_none()
    items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
    out = []
    for item in items:
        if isinstance(item, dict):
            code = str(item.get("errorCode") or item.get("error") or "")
            out.append((code, str(item.get("message") or item.get("error_description") or "")))
    return out


def token_error_reason(error: str, description: str = "", location: str = "") -> str | None:
    """The reason key for an OAuth error on the authorize redirect or token endpoint, or None.

    ``error``/``error_description`` come from the redirect's query or the token reply;
    ``location`` is the redirect URL, which names the uninstalled-app block.
    """
    text = f"{error} {description} {location}".lower()
    if "oauth_approval_error_generic" in text or "must+be+installed" in text or "must be installed" in text:
        return "salesforce.app_not_installed"
    if error == "invalid_grant" and ("refresh" in text or "expired" in text or "token" in text):
        return "salesforce.refresh_rejected"
    if "login_must_use_security_token" in text or "invalid_login" in text:
        return "salesforce.login_security_token"
    return None


def diagnose(reply: Reply, client) -> object:
    """Salesforce's own answers: expired sessions, API limits, an org without API access."""
    from exadesk import messages

    found = errors(reply)
    codes = {code for code, _ in found}
    detail = "; ".join(f"{code}: {message}" if code else message for code, message in found)[:300]
    if reply.status == 401 or (reply.status == 403 and b"Bad_OAuth_Token" in reply.body[:200]):
        return messages.problem("salesforce.session_invalid", tracker=SPEC.name,
                                detail=detail or reply.text.strip()[:100] or "HTTP 401")
    if reply.status == 403 and "REQUEST_LIMIT_EXCEEDED" in codes:
        return messages.problem("salesforce.request_limit", tracker=SPEC.name, detail=detail)
    if api_disabled(reply):
        problem = messages.problem("salesforce.api_disabled_org", tracker=SPEC.name, detail=detail)
        problem.details["said"] = api_disabled(reply)  # verify_live turns it into the ApiEnabled result
        return problem
    return None


def api_disabled(reply: Reply) -> str:
    """Salesforce's words when a 403 says the API is not open to this user (or org), else ''."""
    if reply.status != 403:
        return ""
    for code, message in errors(reply):
        if code in _API_DISABLED_CODES or "disabled for this user" in message.lower():
            return f"{code}: {message}" if code else message
    return ""


def _latest_version(versions) -> str:
    best = None
    for item in versions if isinstance(versions, list) else []:
        if isinstance(item, dict):
            try:
                number = float(str(item.get("version")))
            except ValueError:
                continue
            if best is None or number > best[0]:
                best = (number, str(item["version"]))
    if best is None:
        raise CheckError(_problem("http.wrong_shape", what="no API versions listed"))
    return best[1]


def _problem(reason: str, **params):
    from exadesk import messages

    return messages.problem(reason, tracker=SPEC.name, **params)


def _sign_in(ctx):
    """The client and the data API base (``/services/data/vXX.X``); sets ``ctx.identity`` from userinfo, which
    answers without API Enabled (the data API's refusal is ``salesforce.api_disabled_org``, see diagnose)."""
    client = ctx.client(api_base(ctx.target.url), credential(ctx.target), login_url=ctx.target.url,
                        diagnose=diagnose)
    reply = client.get("/services/oauth2/userinfo", allow=(403,))
    version = _latest_version(client.get_json("/services/data/", expect=list))
    data = f"/services/data/v{version}"
    if reply.status == 403:
        # userinfo can refuse a token issued without OpenID scopes; such a token still reaches the REST API.
        me = client.get_json(f"{data}/chatter/users/me", expect=dict)
        info = {"user_id": me.get("id"), "name": me.get("name") or me.get("displayName"),
                "preferred_username": me.get("username"), "user_type": me.get("userType")}
    else:
        info = client.decode(reply, dict)
    user_id = str(info.get("user_id") or "")
    ctx.identity = Identity(name=str(info.get("name") or ""), login=str(info.get("preferred_username") or ""),
                            id=user_id, kind=str(info.get("user_type") or ""))
    if not re.fullmatch(r"005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?", user_id):
        raise CheckError(_problem("http.wrong_shape", what="a user id Salesforce did not name", url=ctx.target.url))
    return client, data


def _api_refused(ctx, said: str):
    """ApiEnabled failed: REST refused the API to a user whose sign-in works (when userinfo showed it)."""
    who = ctx.identity.label() if ctx.identity and ctx.identity.id else ""
    signed_in = (f"{who} signs in (the OAuth userinfo endpoint answered), but " if who else "")
    return ctx.failed("ApiEnabled", f"{signed_in}the REST API refused: {said.rstrip('.')}. Salesforce answers this way when the "
                                    "user's profile and permission sets lack API Enabled, and when the org's edition "
                                    "has no API access.")


def verify_live(ctx):
    try:
        client, data = _sign_in(ctx)
        user_id = ctx.identity.id
        soql = ("SELECT Id, Username, Name, UserType, IsActive, Profile.Name, Profile.PermissionsApiEnabled, "
                f"Profile.PermissionsModifyAllData FROM User WHERE Id = '{user_id}'")
        reply = client.get(f"{data}/query", params={"q": soql})
    except CheckError as exc:
        if exc.problem.reason != "salesforce.api_disabled_org":
            raise
        # The first data API call decides ApiEnabled; the other checks need the API and are not reached.
        yield _api_refused(ctx, exc.problem.details.get("said", ""))
        return
    records = client.decode(reply, dict).get("records") or []
    record = records[0] if records and isinstance(records[0], dict) else {}
    profile = record.get("Profile") if isinstance(record.get("Profile"), dict) else {}
    profile_name = str(profile.get("Name") or "unknown")
    ctx.identity.kind = f"{ctx.identity.kind or 'user'}, profile {profile_name}"
    via = "its profile" if profile.get("PermissionsApiEnabled") else "a permission set"
    yield ctx.passed("ApiEnabled", f"The REST API answered for {ctx.identity.label()} (profile {profile_name}; "
                                   f"API Enabled through {via}).")

    objects = list(dict.fromkeys(ctx.target.scope or SPEC.scope.default))
    # Comments and files live in objects of their own; describe them only when they are synced.
    extra = [name for name in ("CaseComment", "ContentVersion") if ctx.applies(name)]
    # Describe Global: every object the user can access, with its flags for this user, in one read.
    listed = client.get_json(f"{data}/sobjects", expect=dict)
    by_name = {str(o.get("name")).lower(): o for o in listed.get("sobjects") or [] if isinstance(o, dict)}
    described = {name: by_name.get(name.lower()) for name in dict.fromkeys(objects + extra)}
    missing = [name for name in objects if described[name] is None]
    if missing:
        yield ctx.scope_missing(missing)
        objects = [name for name in objects if name not in missing]
    if objects:
        yield from _object_results(ctx, objects, described)
    else:
        for key in _NEEDS:
            yield ctx.unknown(key, "None of the objects in scope exists, so object permissions could not be checked.")
    if "CaseComment" in extra:
        yield _one_object(ctx, "CaseComment", described.get("CaseComment"), ("createable",))
    if "ContentVersion" in extra:
        yield _one_object(ctx, "ContentVersion", described.get("ContentVersion"), ("createable",))

    limits = client.get(f"{data}/limits", allow=(403,))
    if limits.status == 403:
        yield ctx.unknown("DailyApiRequests", "Only users with View Setup and Configuration can read the org's limits.",
                          fix="Check Setup, Company Information, API Requests, Last 24 Hours by hand.")
    else:
        daily = client.decode(limits, dict).get("DailyApiRequests") or {}
        top, left = daily.get("Max"), daily.get("Remaining")
        if not isinstance(top, int) or not isinstance(left, int):
            yield ctx.unknown("DailyApiRequests", "Salesforce did not report the daily API request limit.")
        elif left <= 0:
            yield ctx.failed("DailyApiRequests", f"No API requests left of {top} in the last 24 hours.")
        elif top and left / top < API_REQUESTS_WARNING:
            yield ctx.warned("DailyApiRequests", f"Only {left} of {top} API requests left in the last 24 hours.")
        else:
            yield ctx.passed("DailyApiRequests", f"{left} of {top} API requests left in the last 24 hours.")

    if profile.get("PermissionsModifyAllData") is True:
        yield ctx.warned("ModifyAllData", f"{ctx.identity.label()} has Modify All Data (profile {profile_name}), like "
                                          "a System Administrator. If this is a person's own account, their edits stop "
                                          "syncing and the setup ends when they leave.")
    else:
        yield ctx.passed("ModifyAllData", f"Profile {profile_name} is not an all-powerful admin profile.")


_NEEDS = {"PermissionsRead": ("queryable",), "PermissionsCreate": ("createable",), "PermissionsEdit": ("updateable",)}


def _object_results(ctx, objects: list[str], described: dict):
    """One result per permission, aggregated over the objects in scope."""
    for key, flags in _NEEDS.items():
        lacking, unsent = [], []
        for name in objects:
            desc = described.get(name) or {}
            if any(flag not in desc for flag in flags):  # not sent: never a fail
                unsent.append(name)
            elif not all(desc.get(flag) is True for flag in flags):
                lacking.append(name)
        if lacking:
            yield ctx.failed(key, f"Missing on: {', '.join(lacking)}.")
        elif unsent:
            yield ctx.not_sent(key, " and ".join(flags), f"GET sobjects (Describe Global) for {', '.join(unsent)}")
        else:
            yield ctx.passed(key, f"Granted on {', '.join(objects)}.")


def _one_object(ctx, key: str, desc: dict | None, flags: tuple[str, ...]):
    if desc is None:
        return ctx.failed(key, f"The proxy user cannot see {key}.")
    if any(flag not in desc for flag in flags):  # not sent: never a fail
        return ctx.not_sent(key, " and ".join(flags), "GET sobjects (Describe Global)")
    if all(desc.get(flag) is True for flag in flags):
        return ctx.passed(key, f"{key} is {' and '.join(flags)} for the proxy user.")
    return ctx.failed(key, f"{key} is not {' and '.join(flags)} for the proxy user.")


def _records(client, data: str, soql: str) -> list[dict]:
    body = client.get_json(f"{data}/query", params={"q": soql}, expect=dict)
    return [r for r in body.get("records") or [] if isinstance(r, dict)]


def verify_admin(ctx):
    """The planner's admin facts for the token's user: System Administrator (the profile, or Modify All Data /
    Customize Application from the profile or a permission set), and the public group exalate_console_admin
    (exists, direct member). Salesforce has no projects; the profile option is a manual item of the plan."""
    keys = {kind: req.key for kind, req in ADMIN_REQUIREMENTS.items()}
    client, data = _sign_in(ctx)
    user_id, who = ctx.identity.id, ctx.identity.label()
    wanted = ", ".join(f"Profile.{name}" for name in ADMIN_PERMISSIONS)
    users = _records(client, data, f"SELECT Id, Profile.Name, {wanted} FROM User WHERE Id = '{user_id}'")
    profile = users[0].get("Profile") if users and isinstance(users[0].get("Profile"), dict) else {}
    profile_name = str(profile.get("Name") or "unknown")
    granted = [label for name, label in ADMIN_PERMISSIONS.items() if profile.get(name) is True]
    if profile_name == "System Administrator" or granted:
        how = f" ({', '.join(granted)})" if granted else ""
        yield ctx.passed(keys["system_admin"], f"{who} has the profile {profile_name}{how}.")
    else:
        either = " OR ".join(f"PermissionSet.{name} = true" for name in ADMIN_PERMISSIONS)
        sets = _records(client, data, "SELECT Id, PermissionSet.Name FROM PermissionSetAssignment "
                                      f"WHERE AssigneeId = '{user_id}' AND ({either})")
        names = [str((r.get("PermissionSet") or {}).get("Name") or "") for r in sets]
        if names:
            yield ctx.passed(keys["system_admin"], f"{who} has administrator permissions through the permission "
                                                   f"set {', '.join(names)} (profile {profile_name}).")
        else:
            yield ctx.failed(keys["system_admin"], f"{who} has the profile {profile_name} and no permission set with "
                                                   "Modify All Data or Customize Application.")

    groups = _records(client, data, "SELECT Id, DeveloperName FROM Group "
                                    f"WHERE Type = 'Regular' AND DeveloperName = '{CONSOLE_GROUP}'")
    if not groups:
        yield ctx.failed(keys["console_group_exists"], f"There is no public group {CONSOLE_GROUP} in this org.")
        yield ctx.failed(keys["console_group_member"], f"{who} cannot be in {CONSOLE_GROUP}: the group does not "
                                                       "exist yet.",
                         fix=f"First create the public group {CONSOLE_GROUP}, then add the person to it.")
    else:
        yield ctx.passed(keys["console_group_exists"], f"The public group {CONSOLE_GROUP} exists.")
        group_id = str(groups[0].get("Id") or "")
        members = _records(client, data, "SELECT Id FROM GroupMember "
                                         f"WHERE GroupId = '{group_id}' AND UserOrGroupId = '{user_id}'")
        if members:
            yield ctx.passed(keys["console_group_member"], f"{who} is a member of {CONSOLE_GROUP}.")
        else:
            yield ctx.failed(keys["console_group_member"], f"{who} is not a direct member of {CONSOLE_GROUP} "
                                                           "(ExaDesk counts direct members only, not members through "
                                                           "a role or another group).")


register(SPEC, sys.modules[__name__])
