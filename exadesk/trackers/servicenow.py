"""ServiceNow: the proxy user by user name + password (Basic) or OAuth (refresh token).

This module is what ExaDesk requires of the proxy user and how each requirement is judged. The reads (Table, Batch
and aggregate APIs under ACLs, error bodies, the OAuth refresh) are in _servicenow_api.py; the administrator's own
checks (the planner's) and the fixes in _servicenow_admin.py.

Written from ServiceNow's documentation:
https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html (Table API, sysparm_query/fields/limit)
https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthApplications.html (/oauth_token.do,
    password and refresh_token grants; refresh token lifespan 8,640,000 s = 100 days, access token 1,800 s)
https://www.servicenow.com/docs/r/api-reference/rest-apis/user-role-inheritance-api.html (the Role Management V2
    REST API plugin, com.glide.role_management.inh_count.rest_api, depends on com.glide.role_management.inh_count)
https://www.servicenow.com/docs/r/platform-security/access-control/... (sys_security_acl, sys_security_acl_role)
Table API security (KB2971488): a table whose table-level ACL the caller does not pass answers 403
{"error": {"message": "User Not Authorized", ...}, "status": "failure"}; row-level ACLs filter rows instead.
For a non-admin proxy user that is sys_security_acl (security_admin), often v_plugin and oauth_entity/
oauth_credential, sometimes sys_user_has_role: only the checks needing such a table are "not confirmed".
Basic authentication restriction (Australia release, KB3025707): web-service-access-only accounts or the
snc_basic_auth_api_access role.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from datetime import datetime, timedelta

from exadesk.foundation import clock
from exadesk.foundation.errors import ErrorKind
from exadesk.foundation.messages import Message
from exadesk.foundation.records import dataclass
from exadesk.trackers._servicenow_admin import (ADMIN_JUDGES, ADMIN_REQUIREMENTS, ADMIN_TEXTS, gather_admin,
                                                not_fixable, role_fixes)
from exadesk.verification import oauth
from exadesk.verification.http import DeclaredRead
from exadesk.verification.registry import register
from exadesk.trackers._servicenow_api import (
    Plugin, Session, TableAccess, plugin, refresh_token_record, roles, sign_in, table_access, tables_access, true,
    write_acls,
)
from exadesk.verification.adapter import Judges, adapter
from exadesk.verification.spec import AuthMethod, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec

PLUGIN_ID = "com.glide.role_management.inh_count.rest_api"
REFRESH_WARNING = timedelta(days=14)
DEFAULT_REFRESH_LIFESPAN = timedelta(days=100)
#: Roles that ServiceNow's own ACLs grant on the tables most often synced, used only when the
#: instance does not let the proxy user read its ACLs (sys_security_acl is admin-only by default).
_KNOWN_WRITE_ROLES = {
    "incident": {"itil", "sn_incident_write"},
    "problem": {"itil", "problem_manager"},
    "change_request": {"itil", "sn_change_write"},
    "sc_req_item": {"itil", "catalog_admin"},
    "sc_task": {"itil"},
}
_ADMIN_ROLES = {"admin"}  # admin passes ACLs; security_admin does not by itself

#: Every sentence this adapter writes in a check (exadesk.foundation.strings).
TEXTS = {
    "roles.refused": "its roles (sys_user_has_role answered 403 User Not Authorized)",
    "roles.steps": "As an administrator open User Administration, Users, the proxy user, and its Roles tab; it "
                   "should hold the integration's dedicated role, not admin.",
    "roles.hidden": "The proxy user's roles are not visible to it.",
    "admin.builtin": "the built-in admin account",
    "admin.holds": "{user} holds the admin role",
    "admin.is_admin": "The proxy user is {who}. The integration works, but it can change anything on the instance, "
                      "and a person's admin account would stop their own edits syncing.",
    "admin.roles_hidden": "The proxy user's roles are not visible to it (sys_user_has_role ACLs).",
    "admin.roles_hidden_fix": "Check the user's Roles tab as an administrator (User Administration, Users).",
    "admin.roles": "Roles: {roles}.",
    "plugin.steps": "As an administrator open System Definition, Plugins and check that 'Contextual Security: Role "
                    "Management V2 REST API' ({plugin}) is installed and active.",
    "plugin.refused": "the plugin list (v_plugin answered 403 User Not Authorized)",
    "plugin.active": "{name} is active.",
    "plugin.inactive": "{name} is installed but {state}.",
    "plugin.off": "inactive",
    "plugin.not_installed": "The plugin {plugin} is not installed: the instance's plugin list shows other plugins "
                            "but not this one.",
    "plugin.hidden": "The plugin list (v_plugin) shows no plugin at all to the proxy user (its rows are hidden), so "
                     "the plugin could not be checked. Confirm it by hand: {steps}",
    "table.readable": "records readable",
    "table.missing": "no such table",
    "table.refused": "read refused (403)",
    "table.no_access": "no such table, or no access to it ({status})",
    "table.hidden_count": "{count} records exist but none is readable",
    "table.hidden": "no records visible (the table may be empty, or ACLs hide every row)",
    "table.result": "{table}: {access}.",
    "read.entry": "{table} ({access})",
    "read.no_tables": "None of the tables in scope exists, so reading could not be checked.",
    "read.refused": "Cannot read: {tables}.",
    "read.hidden": "Not proven: {tables}. ServiceNow hides rows the ACLs deny instead of refusing, so an empty "
                   "answer is not proof either way.",
    "read.hidden_fix": "Open one record of the table while impersonating the proxy user (System Security, "
                       "Impersonate User).",
    "read.readable": "Readable: {tables}.",
    "write.no_tables": "None of the tables in scope exists, so writing could not be checked.",
    "write.admin": "The proxy user holds admin, which ACLs allow to write {tables}.",
    "write.acl_held": "{table} (ACL roles held: {roles})",
    "write.no_role_needed": "no role needed",
    "write.acl_lacking": "{table} (write ACLs ask for {roles})",
    "write.known_held": "{table} (holds {roles}; ACLs not readable)",
    "write.known_lacking": "{table} (none of {roles}; ACLs not readable)",
    "write.denied": "Roles do not allow writing: {tables}.",
    "write.unknown": "Write access to {tables} could not be worked out: the ACLs (sys_security_acl, guarded by "
                     "security_admin) and the proxy user's roles do not show it. Confirm it with a test write (see "
                     "the manual check).",
    "write.allowed": "By roles and ACLs: {tables}. ACL conditions and scripts can still refuse single records; the "
                     "manual check confirms it.",
    "rest.granted": "The role is granted.",
    "rest.through_admin": "admin includes it.",
    "rest.lacking": "The proxy user lacks snc_platform_rest_api_access. It reached the API now, but instances that "
                    "restrict REST access by role refuse it.",
    "import_set.held": "Import set roles: {roles}.",
    "import_set.through_admin": "through admin",
    "import_set.none": "No import set role among: {roles}.",
    "basic.allowed": "The account is {why}.",
    "basic.web_service_only": "web service access only",
    "basic.holds_role": "holds snc_basic_auth_api_access",
    "basic.refused": "whether it holds snc_basic_auth_api_access (sys_user_has_role answered 403 User Not "
                     "Authorized); it is not 'Web service access only'",
    "basic.hidden": "The account is not web-service-access-only and its roles are not visible.",
    "basic.restricted": "Basic sign-in works today, but the account is neither 'Web service access only' nor holds "
                        "snc_basic_auth_api_access; the Basic authentication restriction (Australia release) "
                        "refuses such accounts.",
    "refresh.counted": " (counted from when ExaDesk signed in)",
    "refresh.days": "{days} days",
    "refresh.default": "100 days unless the application sets another lifespan",
    "refresh.unreadable": "ServiceNow does not let the proxy user read its token records, so the refresh token's "
                          "expiry is unknown. A refresh token lives {span} from when it was issued and is not "
                          "extended when used.",
    "refresh.unreadable_fix": "As an administrator open System OAuth, Manage Tokens and note the refresh token's "
                              "Expires date.",
    "refresh.expired": "The refresh token expired on {when}{counted}.",
    "refresh.soon": "The refresh token runs out on {when} ({days} days left){counted}; after that the integration "
                    "stops until a new one is entered.",
    "refresh.later": "The refresh token runs out on {when} ({days} days left){counted}.",
    **ADMIN_TEXTS,
}

_USER_FIELD = Field("username", "User name", role="user", hint="the proxy user's user name (user ID), not the email",
                    example="exalate.proxy", pattern=r"[^\s:^][^:^]*")

_BASIC_STEPS = (
    Step("Sign in to ServiceNow as an administrator and open User Administration, Users. Create a dedicated user "
         "for the integration (for example exalate.proxy) rather than using a person's account.",
         link="{url}/sys_user_list.do", link_label="Open Users"),
    Step("On the new user tick 'Web service access only' (it can then use the API but not the browser) and set a "
         "password. Since the Australia release Basic sign-in is refused for other accounts unless they hold the "
         "snc_basic_auth_api_access role."),
    Step("Give the user a dedicated role with the rights the integration needs (itil for incidents, "
         "snc_platform_rest_api_access, the import set roles, and read/write on the tables you sync) instead of "
         "admin."),
    Step("Check that the plugin 'Contextual Security: Role Management V2 REST API' is active (System Definition, "
         "Plugins). After an upgrade it may need to be activated by hand.",
         link="{url}/v_plugin_list.do", link_label="Open Plugins"),
    Step("Enter the user name and password here. The password is used to sign in; ExaDesk keeps it only in your "
         "system keychain."),
)

_OAUTH_STEPS = (
    Step("As an administrator open System OAuth, Application Registry, New, 'Create an OAuth API endpoint for "
         "external clients'. Name it after the integration.",
         link="{url}/oauth_entity_list.do", link_label="Open Application Registry"),
    Step("Set 'Refresh Token Lifespan' longer than the default 8,640,000 seconds (100 days) if your policy allows: "
         "the integration stops when the refresh token runs out and a new one is needed."),
    Step("Save, then copy the Client ID and Client Secret."),
    Step("Get the first refresh token by signing in once as the proxy user (password grant on "
         "{url}/oauth_token.do, or the browser sign-in ExaDesk offers) and paste it here with the proxy user's user "
         "name."),
    Step("Give the proxy user a dedicated role (not admin) with read/write on the tables you sync, and check that "
         "the Role Management V2 REST API plugin is active (System Definition, Plugins)."),
)

OAUTH = oauth.OAuthProfile(
    tracker="servicenow", name="ServiceNow", method_id="oauth",
    authorize_path="/oauth_auth.do", token_path="/oauth_token.do", revoke_path="/oauth_revoke_token.do",
    scopes=("useraccount",), client_secret="required", password_grant=True, user_required=True,
    refresh_lifespan=timedelta(seconds=8_640_000),
    register_steps=(
        "As an administrator open System OAuth, Application Registry, New, 'Create an OAuth API endpoint for "
        "external clients'.",
        "Set Redirect URL to http://127.0.0.1 (ExaDesk listens there on a free port for the browser's answer).",
        "Set 'Refresh Token Lifespan' longer than the default 8,640,000 seconds (100 days) if your policy allows.",
        "Save, then give ExaDesk the Client ID and Client Secret.",
    ),
    register_link="{url}/oauth_entity_list.do",
    docs=("https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthApplications.html",),
)

def _batch_of_gets(body) -> bool:
    inner = body.get("rest_requests") if isinstance(body, dict) else None
    return isinstance(inner, list) and all(isinstance(r, dict) and r.get("method") == "GET" for r in inner)


#: The Batch API (GET sub-requests only) and the OAuth token endpoint (a token, never tracker data).
NON_GET_READS = (
    DeclaredRead("POST", "/api/now/v1/batch", "https://www.servicenow.com/docs/r/api-reference/rest-apis/batch-api.html",
                 body=_batch_of_gets),
    DeclaredRead("POST", "/oauth_token.do",
                 "https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthApplications.html"),
)

SPEC = TrackerSpec(
    non_get_reads=NON_GET_READS,
    texts=TEXTS,
    catalogue_order=50,
    oauth=OAUTH,
    id="servicenow",
    name="ServiceNow",
    docs_url="https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html",
    summary="A ServiceNow instance; the proxy user signs in with a password or an OAuth refresh token.",
    url=UrlSpec(example="https://acme.service-now.com",
                hint="the instance address without a path, such as https://acme.service-now.com",
                pattern=r"https://[A-Za-z0-9.-]+(:\d+)?", site=r"[A-Za-z0-9.-]+(:\d+)?"),
    scope=ScopeSpec(label="Tables", example="incident", hint="a table name such as incident or change_request",
                    default=("incident",), pattern=r"[a-z][a-z0-9_]*", noun="table", entry="table name"),
    sync_options=("comments", "attachments"),
    auth_methods=(
        AuthMethod(
            id="basic",
            label="User name + password",
            description="The proxy user's own user name and password (Basic authentication).",
            fields=(_USER_FIELD, Field("password", "Password", secret=True, hint="the proxy user's password")),
            steps=_BASIC_STEPS,
        ),
        AuthMethod(
            id="oauth",
            label="OAuth (refresh token)",
            description="An OAuth application of the instance; ExaDesk trades the refresh token for a 30-minute "
                        "access token. It works as long as the refresh token lives (100 days by default).",
            fields=(
                _USER_FIELD,
                Field("client_id", "Client ID", hint="the 32 hexadecimal characters from the Application Registry",
                      example="0f1e2d3c4b5a69788796a5b4c3d2e1f0", pattern=r"[0-9a-fA-F]{32}"),
                Field("client_secret", "Client secret", secret=True, hint="the client secret from the Application "
                      "Registry", pattern=r"\S{6,}"),
                Field("refresh_token", "Refresh token", secret=True,
                      hint="a long string of letters, digits, - and _ without spaces", pattern=r"[A-Za-z0-9_.~+/=-]{20,}"),
            ),
            steps=_OAUTH_STEPS,
        ),
    ),
    requirements=(
        Requirement("admin", "Proxy user has a dedicated role rather than admin",
                    "Create a role for the integration (User Administration, Roles) with read/write on the synced "
                    "tables, give it to the proxy user, and remove admin."),
        Requirement(PLUGIN_ID, "Role Management V2 REST API plugin is installed and active",
                    "Open System Definition, Plugins, find 'Contextual Security: Role Management V2 REST API' "
                    f"({PLUGIN_ID}) and activate it. Instances since New York have it; after an upgrade it may need "
                    "activating by hand."),
        Requirement("read", "Proxy user can read the tables in scope",
                    "Give the proxy user a role that the table's read ACLs allow (System Security, Access Control "
                    "(ACL), operation read), for incident usually itil."),
        Requirement("write", "Proxy user can write the tables in scope",
                    "Give the proxy user a role that the table's write ACLs allow (System Security, Access Control "
                    "(ACL), operation write), for incident usually itil."),
        Requirement("snc_platform_rest_api_access", "Proxy user may use the REST API",
                    "Give the proxy user the snc_platform_rest_api_access role (User Administration, Users, the user, "
                    "Roles, Edit)."),
        Requirement("import_set", "Proxy user has the import set roles",
                    "Give the proxy user import_set_loader and import_transformer (User Administration, Users, the "
                    "user, Roles, Edit)."),
        Requirement("sys_journal_field", "Proxy user can read comments and work notes (sys_journal_field)",
                    "Give the proxy user a role the sys_journal_field read ACLs allow (System Security, Access "
                    "Control (ACL), table sys_journal_field).", when=frozenset({"comments"})),
        Requirement("sys_attachment", "Proxy user can read attachments (sys_attachment)",
                    "Give the proxy user a role the sys_attachment read ACLs allow (System Security, Access Control "
                    "(ACL), table sys_attachment).", when=frozenset({"attachments"})),
        Requirement("snc_basic_auth_api_access", "Basic sign-in is allowed for this account",
                    "Tick 'Web service access only' on the proxy user (User Administration, Users), or give it the "
                    "snc_basic_auth_api_access role; from the Australia release Basic sign-in is refused otherwise.",
                    methods=frozenset({"basic"})),
        Requirement("refresh_token_lifespan", "OAuth refresh token is not about to run out",
                    "Get a new refresh token (sign in again as the proxy user) and replace it in ExaDesk; consider a "
                    "longer Refresh Token Lifespan in System OAuth, Application Registry.",
                    methods=frozenset({"oauth"})),
        Requirement("write_confirmed", "A test write by the proxy user succeeds",
                    "Ask an administrator to review the write ACLs of the table (System Security, Access Control).",
                    manual=True,
                    steps=("Sign in as an administrator and open System Security, Impersonate User, the proxy user.",
                           "Open a record of each synced table (for example an incident), add a work note and save.",
                           "ExaDesk only reads, and ACL conditions and scripts decide writes record by record, so "
                           "only a real write proves it.")),
    ),
    messages={
        "not_authenticated": Message(
            ErrorKind.AUTH, "ServiceNow did not accept the proxy user's sign-in (User Not Authenticated).",
            "Check the user name and password. The same answer comes when the account is locked out, must reset its "
            "password, signs in only through SSO, or Basic sign-in is restricted (Australia release: only "
            "web-service-access-only accounts or the snc_basic_auth_api_access role). Sign in once in the browser at "
            "{login_url} as the proxy user to see which; ExaDesk will not retry, so the account is not locked further."),
        "oauth_rejected": Message(
            ErrorKind.AUTH, "ServiceNow refused the OAuth credential ({error}).",
            "The refresh token may have run out (100 days by default, not extended on use) or been revoked, or the "
            "client ID/secret are wrong. Get a new refresh token and check the Application Registry entry."),
        "token_other_user": Message(
            ErrorKind.AUTH, "The refresh token acts as {owner}, not as the proxy user {user}.",
            "Get the refresh token by signing in as {user}, or correct the user name."),
        "user_refused": Message(
            ErrorKind.FORBIDDEN, "ServiceNow refused to show the proxy user its own user record (sys_user answered "
            "403 User Not Authorized).",
            "Ask an administrator to let the proxy user read its own sys_user record (System Security, Access Control "
            "(ACL), table sys_user); ServiceNow's own ACLs allow it by default."),
        "user_not_found": Message(
            ErrorKind.NOT_FOUND, "No user {user} is visible on this instance.",
            "Check the user name (User Administration, Users, the User ID column) and that it matches the credential."),
    },
    admin_requirements=ADMIN_REQUIREMENTS,
)


# -- verification: sign in, gather the facts, judge each requirement ------------------------------------------------


def _sign_in(ctx) -> Session:
    """Basic or OAuth, then the account's own sys_user record (exadesk/trackers/_servicenow_api.py)."""
    return sign_in(ctx, OAUTH)


@dataclass(frozen=True)
class Facts:
    """What ServiceNow said about the proxy user, its roles, the plugin and the tables in scope."""

    username: str
    user: dict
    roles: frozenset[str] | None  # None: sys_user_has_role refused
    plugin: Plugin | None = None
    tables: tuple[tuple[str, TableAccess], ...] = ()  # every table in scope, in order
    #: the tables' write ACLs (sys_security_acl; None: refused) and the roles each asks for (sys_security_acl_role)
    acls: tuple[dict, ...] | None = None
    acl_roles: tuple[dict, ...] = ()
    extra: dict[str, TableAccess] = dataclasses.field(default_factory=dict)  # sys_journal_field, sys_attachment
    #: the refresh token's lifespan and expiry as the instance shows them (each None when not readable)
    token: tuple[timedelta | None, datetime | None] | None = None

    @property
    def held(self) -> frozenset[str]:
        """The roles seen (none when refused or hidden)."""
        return self.roles or frozenset()

    @property
    def is_admin(self) -> bool:
        return bool(self.held & _ADMIN_ROLES)

    @property
    def existing(self) -> list[str]:
        """The tables in scope that exist (a misspelt one is the single scope finding)."""
        return [table for table, access in self.tables if access.state != "missing"]


def _scope_tables(ctx) -> list[str]:
    return list(dict.fromkeys(ctx.target.scope)) or list(SPEC.scope.default)


def _gather(ctx, session: Session) -> Facts:
    """The reads the requirements in scope need; independent ones together, the write ACLs once the tables are known."""
    client = session.client
    reads = {"roles": lambda: roles(client, session.sys_id)}
    if ctx.applies(PLUGIN_ID):
        reads["plugin"] = lambda: plugin(client, PLUGIN_ID)
    if ctx.applies("read") or ctx.applies("write"):
        tables = _scope_tables(ctx)
        reads["tables"] = lambda: tuple(zip(tables, tables_access(ctx, client, tables)))
    for key in ("sys_journal_field", "sys_attachment"):
        if ctx.applies(key):
            reads[key] = lambda key=key: table_access(client, key)
    if ctx.method.id == "oauth" and ctx.applies("refresh_token_lifespan"):
        reads["token"] = lambda: refresh_token_record(client, ctx.target.value("client_id"), session.sys_id)
    found = dict(zip(reads, ctx.gather(reads.values())))
    facts = Facts(username=ctx.target.value("username"), user=session.user, roles=found["roles"],
                  plugin=found.get("plugin"), tables=found.get("tables", ()), token=found.get("token"),
                  extra={key: found[key] for key in ("sys_journal_field", "sys_attachment") if key in found})
    if ctx.applies("write") and facts.existing and not facts.is_admin:
        acls, acl_roles = write_acls(client, facts.existing)
        facts = dataclasses.replace(facts, acls=acls, acl_roles=acl_roles)
    return facts


JUDGES = Judges()


def _roles_denied(ctx, key: str):
    return ctx.denied(key, ctx.say("roles.refused"), ctx.say("roles.steps"))


@JUDGES("admin")
def _admin(ctx, facts: Facts):
    builtin = facts.username.lower() == "admin"
    if "admin" in facts.held or builtin:
        who = ctx.say("admin.builtin") if builtin else ctx.say("admin.holds", user=facts.username)
        return ctx.warned("admin", ctx.say("admin.is_admin", who=who))
    if facts.roles is None:
        return _roles_denied(ctx, "admin")
    if not facts.roles:
        return ctx.unknown("admin", ctx.say("admin.roles_hidden"), fix=ctx.say("admin.roles_hidden_fix"))
    return ctx.passed("admin", ctx.say("admin.roles", roles=", ".join(sorted(facts.roles))))


@JUDGES(PLUGIN_ID)
def _plugin_active(ctx, facts: Facts):
    """Active, inactive, not installed, or not confirmed (v_plugin refused or every row hidden)."""
    steps = ctx.say("plugin.steps", plugin=PLUGIN_ID)
    if facts.plugin.rows is None:
        return ctx.denied(PLUGIN_ID, ctx.say("plugin.refused"), steps)
    if facts.plugin.rows:
        state = str(facts.plugin.rows[0].get("active") or "").lower()
        name = facts.plugin.rows[0].get("name") or PLUGIN_ID
        if state in ("active", "true"):
            return ctx.passed(PLUGIN_ID, ctx.say("plugin.active", name=name))
        return ctx.failed(PLUGIN_ID, ctx.say("plugin.inactive", name=name, state=state or ctx.say("plugin.off")))
    if facts.plugin.list_visible:  # the list shows other plugins: the V2 plugin's row is absent, so not installed
        return ctx.failed(PLUGIN_ID, ctx.say("plugin.not_installed", plugin=PLUGIN_ID))
    return ctx.unknown(PLUGIN_ID, ctx.say("plugin.hidden", steps=steps))


def _access(ctx, access: TableAccess) -> str:
    """A table's access in words."""
    if access.state == "yes":
        return ctx.say("table.readable")
    if access.state == "missing":
        return ctx.say("table.missing")
    if access.state == "no":
        return ctx.say("table.refused") if access.status == 403 else ctx.say("table.no_access", status=access.status)
    if access.count:
        return ctx.say("table.hidden_count", count=access.count)
    return ctx.say("table.hidden")


@JUDGES("read")
def _read(ctx, facts: Facts):
    missing = [table for table, access in facts.tables if access.state == "missing"]
    if missing:
        yield ctx.scope_missing(missing)
    by_state: dict[str, list[str]] = {"yes": [], "no": [], "hidden": []}
    for table, access in facts.tables:
        if access.state != "missing":
            by_state[access.state].append(ctx.say("read.entry", table=table, access=_access(ctx, access)))
    if not facts.existing:
        yield ctx.unknown("read", ctx.say("read.no_tables"))
    elif by_state["no"]:
        yield ctx.failed("read", ctx.say("read.refused", tables=", ".join(by_state["no"])))
    elif by_state["hidden"]:
        yield ctx.unknown("read", ctx.say("read.hidden", tables=", ".join(by_state["hidden"])),
                          fix=ctx.say("read.hidden_fix"))
    else:
        yield ctx.passed("read", ctx.say("read.readable", tables=", ".join(by_state["yes"])))


@JUDGES("write")
def _write(ctx, facts: Facts):
    """Write access from roles and ACLs; nothing is written (the manual check proves it)."""
    tables = facts.existing
    if not tables:
        return ctx.unknown("write", ctx.say("write.no_tables"))
    if facts.is_admin:
        return ctx.passed("write", ctx.say("write.admin", tables=", ".join(tables)))
    allowed, denied, unknown = [], [], []
    for table in tables:
        if facts.acls and any(str(a.get("name")) == table for a in facts.acls):
            _judge_acls(ctx, facts, table, allowed, denied)
            continue
        known = _KNOWN_WRITE_ROLES.get(table)
        if known and facts.held & known:
            allowed.append(ctx.say("write.known_held", table=table, roles=", ".join(sorted(facts.held & known))))
        elif known and facts.held:
            denied.append(ctx.say("write.known_lacking", table=table, roles=", ".join(sorted(known))))
        else:
            unknown.append(table)
    if denied:
        return ctx.failed("write", ctx.say("write.denied", tables="; ".join(denied)))
    if unknown:
        return ctx.unknown("write", ctx.say("write.unknown", tables=", ".join(unknown)))
    return ctx.passed("write", ctx.say("write.allowed", tables="; ".join(allowed)))


def _judge_acls(ctx, facts: Facts, table: str, allowed: list[str], denied: list[str]) -> None:
    """A table whose write ACLs are readable: allowed when one of them asks for no role or a role held."""
    by_acl: dict[str, set[str]] = {str(a.get("sys_id")): set() for a in facts.acls if str(a.get("name")) == table}
    for row in facts.acl_roles:
        if str(row.get("sys_security_acl")) in by_acl:
            by_acl[str(row.get("sys_security_acl"))].add(str(row.get("sys_user_role.name") or ""))
    open_to = [needed for needed in by_acl.values() if not (needed - {""}) or (needed & facts.held)]
    if open_to:
        held = sorted({r for needed in open_to for r in needed if r and r in facts.held})
        allowed.append(ctx.say("write.acl_held", table=table,
                               roles=", ".join(held) or ctx.say("write.no_role_needed")))
    else:
        needed = sorted({r for roles in by_acl.values() for r in roles if r})
        denied.append(ctx.say("write.acl_lacking", table=table, roles=", ".join(needed)))


@JUDGES("snc_platform_rest_api_access")
def _rest_api(ctx, facts: Facts):
    key = "snc_platform_rest_api_access"
    if facts.roles is None:
        return _roles_denied(ctx, key)
    if not facts.roles:
        return ctx.unknown(key, ctx.say("roles.hidden"))
    if facts.is_admin:
        return ctx.passed(key, ctx.say("rest.through_admin"))
    if key in facts.roles:
        return ctx.passed(key, ctx.say("rest.granted"))
    return ctx.warned(key, ctx.say("rest.lacking"))


@JUDGES("import_set")
def _import_set(ctx, facts: Facts):
    if facts.roles is None:
        return _roles_denied(ctx, "import_set")
    if not facts.roles:
        return ctx.unknown("import_set", ctx.say("roles.hidden"))
    import_roles = sorted(r for r in facts.roles if r.startswith(("import_set", "import_transformer")))
    if import_roles or facts.is_admin:
        return ctx.passed("import_set", ctx.say("import_set.held",
                                                roles=", ".join(import_roles) or ctx.say("import_set.through_admin")))
    return ctx.failed("import_set", ctx.say("import_set.none", roles=", ".join(sorted(facts.roles))))


def _table_check(ctx, facts: Facts, *, key: str):
    """Comments (sys_journal_field) and attachments (sys_attachment): their table readable."""
    access = facts.extra[key]
    detail = ctx.say("table.result", table=key, access=_access(ctx, access))
    if access.state == "yes":
        return ctx.passed(key, detail)
    if access.state == "no":
        return ctx.failed(key, detail)
    return ctx.unknown(key, detail)


for _key in ("sys_journal_field", "sys_attachment"):
    JUDGES.add(_key, functools.partial(_table_check, key=_key))


@JUDGES("snc_basic_auth_api_access")
def _basic_allowed(ctx, facts: Facts):
    """The Basic authentication restriction (Australia release)."""
    key = "snc_basic_auth_api_access"
    if ctx.method.id != "basic":
        return None
    if true(facts.user.get("web_service_access_only")):
        return ctx.passed(key, ctx.say("basic.allowed", why=ctx.say("basic.web_service_only")))
    if key in facts.held:
        return ctx.passed(key, ctx.say("basic.allowed", why=ctx.say("basic.holds_role")))
    if facts.roles is None:
        return ctx.denied(key, ctx.say("basic.refused"), ctx.say("roles.steps"))
    if not facts.roles:
        return ctx.unknown(key, ctx.say("basic.hidden"))
    return ctx.warned(key, ctx.say("basic.restricted"))


@JUDGES("refresh_token_lifespan")
def _refresh_token(ctx, facts: Facts):
    key = "refresh_token_lifespan"
    if ctx.method.id != "oauth":
        return None
    lifespan, expires = facts.token
    issued, counted = _parse_iso(ctx.sign_in.refresh_token_issued_at), ""  # a browser sign-in ExaDesk made
    if expires is None and issued is not None:
        # Not readable here, but the token's life started at that sign-in and is not extended on use.
        expires = issued + (lifespan or DEFAULT_REFRESH_LIFESPAN)
        counted = ctx.say("refresh.counted")
    if expires is None:
        span = ctx.say("refresh.days", days=lifespan.days) if lifespan else ctx.say("refresh.default")
        return ctx.unknown(key, ctx.say("refresh.unreadable", span=span), fix=ctx.say("refresh.unreadable_fix"))
    ctx.token_expires_at = expires
    left = expires - clock.now()
    when = expires.strftime("%d %b %Y")
    if left <= timedelta(0):
        return ctx.failed(key, ctx.say("refresh.expired", when=when, counted=counted))
    if left <= REFRESH_WARNING:
        return ctx.warned(key, ctx.say("refresh.soon", when=when, days=left.days, counted=counted))
    return ctx.passed(key, ctx.say("refresh.later", when=when, days=left.days, counted=counted))


verify_live = adapter(_sign_in, _gather, JUDGES)


# -- the administrator's own credential: the planner's admin checks and the fixes (exadesk/trackers/_servicenow_admin.py)

verify_admin = adapter(_sign_in, gather_admin, ADMIN_JUDGES)


def fix_client(ctx):
    """The administrator's client for fixes, signed in as ``ctx.target`` (the fix module makes it writable)."""
    return _sign_in(ctx).client


FIXES = role_fixes(fix_client)
NOT_FIXABLE = not_fixable(PLUGIN_ID)  # why the other requirements have no fix (docs/fixes.md)


def _parse_iso(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


register(SPEC, sys.modules[__name__])
