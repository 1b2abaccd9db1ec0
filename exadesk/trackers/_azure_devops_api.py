"""Azure DevOps' REST API as ExaDesk reads it: where an organisation's or collection's APIs live, the PAT, the
service's own refusals, the sign-in (connectionData and the identity with every group it is in), groups by name and
the projects. It judges nothing: the checks and fixes of exadesk/trackers/azure_devops.py word what these reads mean.
Apart from the tracker module so that it stays the short first read (its spec and checks).

Written from the documentation the tracker module's docstring lists (the identities API, connectionData, the
hosts of Services and Server).
"""

from __future__ import annotations

import re
from dataclasses import field
from urllib.parse import urlsplit

from exadesk.foundation import messages
from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.foundation.records import dataclass
from exadesk.verification.http import BasicAuth, HttpClient, Reply
from exadesk.verification.spec import origin

#: The tracker's name (its SPEC.name) in the problems these reads raise: this module never imports the tracker's.
NAME = "Azure DevOps"
API_VERSION = "7.1"
#: connectionData is a preview resource: Microsoft's client asks for it as 7.1-preview.1
#: (azure-devops-python-api, azure/devops/v7_1/location/location_client.py); a bare "7.1" is refused.
CONNECTION_DATA_VERSION = "7.1-preview.1"


@dataclass(frozen=True)
class Location:
    """Where an organisation's APIs live."""

    core: str  # projects, connectionData
    identities: str  # the identities API (vssps for Services)
    name: str  # organisation or collection name, as it prefixes group names
    hosted: bool


def locate(url: str) -> Location:
    """Map the address a person types to the API bases (see the module docstring)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    if host == "dev.azure.com" and segments:
        org = segments[0]
        return Location(f"https://dev.azure.com/{org}", f"https://vssps.dev.azure.com/{org}", org, True)
    if host.endswith(".visualstudio.com"):
        org = host.split(".")[0]
        return Location(f"https://dev.azure.com/{org}", f"https://vssps.dev.azure.com/{org}", org, True)
    base = origin(parts) + ("/" + "/".join(segments) if segments else "")
    return Location(base, base, segments[-1] if segments else "", False)


def diagnose(reply: Reply, client):
    """Azure DevOps' own signals: the 203 sign-in page, TF400813, VS403463 and IIS's Basic refusal."""
    params = {"tracker": NAME, "url": client.base_url}
    if reply.status == 203 and reply.looks_like_html():
        return messages.problem("azure_devops.signin_page", **params)
    if reply.status not in (401, 403):
        return None
    data = reply.json_or_none()
    text = str(data.get("message") or "") if isinstance(data, dict) else reply.text[:4000]
    if "VS403463" in text:
        return messages.problem("azure_devops.conditional_access", **params)
    if "TF400813" in text and "anonymous" in text.lower():
        return messages.problem("azure_devops.collection_missing", **params)
    if "TF400813" in text:
        match = re.search(r"TF400813: [^.]*", text)
        return messages.problem("azure_devops.wrong_organization", detail=match.group(0) if match else "TF400813",
                                **params)
    challenge = reply.headers.get("WWW-Authenticate", "")
    if reply.status == 401 and reply.looks_like_html() and challenge.lower().startswith("basic") \
            and "bearer" not in challenge.lower():
        return messages.problem("azure_devops.iis_basic_auth", **params)
    return None


def values(data) -> list[dict]:
    """A list reply: the documented bare array, or the {"count", "value"} wrapper the service sends."""
    if isinstance(data, dict) and isinstance(data.get("value"), list):
        data = data["value"]
    return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []


def descriptor_key(value) -> str:
    """An identity descriptor as one comparable string.

    The service sends ``"Type;identifier"`` strings; the API description documents an object with
    ``identityType`` and ``identifier``. Both mean the same descriptor.
    """
    if isinstance(value, dict):
        return f"{value.get('identityType', '')};{value.get('identifier', '')}".lower()
    return str(value or "").lower()


def identity_property(identity: dict, name: str) -> str:
    props = identity.get("properties") if isinstance(identity.get("properties"), dict) else {}
    value = props.get(name)
    if isinstance(value, dict):
        value = value.get("$value")
    return str(value or "")


def find_group(client, group: str) -> dict | None:
    """The group's identity, found by its scoped name (``[project]\\group``), or None."""
    data = client.get_json("/_apis/identities", params={"searchFilter": "General", "filterValue": group,
                                                        "queryMembership": "None", "api-version": API_VERSION})
    for identity in values(data):
        names = {str(identity.get(k) or "").lower() for k in ("providerDisplayName", "customDisplayName")}
        names.add(identity_property(identity, "Account").lower())
        if group.lower() in names:  # the scoped name only: every project has its own "Project Administrators"
            return identity
    return None


@dataclass
class Session:
    """The signed-in identity and where its groups are read from."""

    loc: Location
    core: HttpClient
    ims: HttpClient
    member_of: set[str]
    who: str
    member_of_sent: list[str] = field(default_factory=list)  # the same descriptors as the service sent them
    hosted: bool = True  # Azure DevOps Services (connectionData's deploymentType "hosted"), not a Server


class PatAuth(BasicAuth):
    """A PAT as Basic with an empty user name (Microsoft: any user name, the PAT as password), sent the way
    Microsoft's clients send it: with ``X-TFS-FedAuthRedirect: Suppress``, so a refusal is a 401 and not a redirect
    to the sign-in page that would look like single sign-on."""

    def headers(self) -> dict[str, str]:
        return {**super().headers(), "X-TFS-FedAuthRedirect": "Suppress"}


def sign_in(ctx, admin: bool = False) -> Session:
    """Who the token belongs to, with every group it is in (nested too); ``admin``: the token is an
    administrator's (named so in errors), not the proxy user's."""
    loc = locate(ctx.target.url)
    auth = PatAuth("", ctx.target.secrets.get("token"))
    core = ctx.client(loc.core, auth, login_url=ctx.target.url, diagnose=diagnose)
    ims = core if loc.identities == loc.core else ctx.client(loc.identities, auth, login_url=ctx.target.url,
                                                             diagnose=diagnose)
    connection = _connection(ctx, core, loc)
    me = _expanded_identity(ctx, ims, loc, admin)
    member_of = {descriptor_key(d) for d in (me.get("memberOf") or [])}
    sent = [d if isinstance(d, str) else f"{d.get('identityType', '')};{d.get('identifier', '')}"
            for d in me.get("memberOf") or [] if isinstance(d, (str, dict))]
    hosted = loc.hosted or str(connection.get("deploymentType") or "").lower() == "hosted"
    return Session(loc, core, ims, member_of, ctx.identity.label(), sent, hosted)


def _connection(ctx, core, loc: Location) -> dict:
    """connectionData: who the token is (sets ``ctx.identity``) and the deployment."""
    connection = core.get_json("/_apis/connectionData", params={"api-version": CONNECTION_DATA_VERSION}, expect=dict)
    user = connection.get("authenticatedUser") if isinstance(connection.get("authenticatedUser"), dict) else {}
    user_id = str(user.get("id") or "")
    if not user_id or "unauthenticated" in descriptor_key(user.get("descriptor")):
        raise CheckError(messages.problem("azure_devops.collection_missing", tracker=NAME, url=loc.core))
    account = identity_property(user, "Account")
    ctx.identity = Identity(name=str(user.get("customDisplayName") or user.get("providerDisplayName") or account),
                            login=account, id=user_id, kind="user")
    return connection


def _expanded_identity(ctx, ims, loc: Location, admin: bool) -> dict:
    """The signed-in user's identity with every group it is in, directly or through other groups."""
    user_id = ctx.identity.id
    try:
        found = values(ims.get_json("/_apis/identities", params={
            "identityIds": user_id, "queryMembership": "Expanded", "api-version": API_VERSION}))
    except CheckError as exc:
        # connectionData accepted the token, so a refusal here is the token's scope, not the token.
        if exc.problem.kind in (ErrorKind.AUTH, ErrorKind.FORBIDDEN):
            raise CheckError(messages.problem("azure_devops.scope_missing", tracker=NAME,
                                              scope="Identity (Read)")) from None
        raise
    me = next((i for i in found if str(i.get("id") or "").lower() == user_id.lower()), None)
    if me is None:
        raise CheckError(messages.problem("http.wrong_shape", tracker=NAME, url=loc.identities,
                                          what=ctx.say("identity.admin") if admin else ctx.say("identity.proxy")))
    return me


def all_projects(session: Session) -> list[dict]:
    """Every project of the collection the user can see (GET _apis/projects, paged by continuation token)."""
    out: list[dict] = []
    token = ""
    while len(out) < 10000:
        params = {"api-version": API_VERSION, "$top": "1000"}
        if token:
            params["continuationToken"] = token
        reply = session.core.get("/_apis/projects", params=params)
        out.extend(values(session.core.decode(reply)))
        token = reply.headers.get("x-ms-continuationtoken", "")
        if not token:
            return out
    return out


def group_names(ctx, session: Session) -> frozenset[str]:
    """Lower-cased names of the groups the user is in (directly or through other groups), read by descriptor."""
    sent = session.member_of_sent
    chunks = [sent[i:i + 50] for i in range(0, len(sent), 50)]  # descriptors go in the query string
    replies = ctx.gather(lambda chunk=chunk: session.ims.get_json("/_apis/identities", params={
        "descriptors": ",".join(chunk), "queryMembership": "None", "api-version": API_VERSION}) for chunk in chunks)
    names = set()
    for identity in (i for reply in replies for i in values(reply)):
        names |= {str(identity.get(k) or "").lower() for k in ("providerDisplayName", "customDisplayName")}
        names.add(identity_property(identity, "Account").lower())
    return frozenset(names - {""})
