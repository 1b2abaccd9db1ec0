"""Salesforce's REST API as ExaDesk reads it: the instance address, the access token, Salesforce's error bodies and
OAuth errors, the sign-in (userinfo, the latest data API version) and SOQL queries read to the end. It judges
nothing: the checks of exadesk/trackers/salesforce.py and the fixes of _salesforce_fixes.py word what the reads
mean. Apart from the tracker module so that it stays the short first read (its spec and checks).

https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_using_userinfo_endpoint.htm (/services/oauth2/userinfo)
https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm (GET /services/data/)
https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm (query?q=SOQL)
https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm (errors as a JSON list)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from exadesk.foundation.checks import Identity
from exadesk.foundation.errors import CheckError
from exadesk.verification.http import Auth, BearerAuth, Reply
from exadesk.verification.spec import Target, origin

#: The tracker's name (its SPEC.name) in the problems these reads raise: this module never imports the tracker's.
NAME = "Salesforce"

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
    from exadesk.foundation import messages

    found = errors(reply)
    codes = {code for code, _ in found}
    detail = "; ".join(f"{code}: {message}" if code else message for code, message in found)[:300]
    if reply.status == 401 or (reply.status == 403 and b"Bad_OAuth_Token" in reply.body[:200]):
        return messages.problem("salesforce.session_invalid", tracker=NAME,
                                detail=detail or reply.text.strip()[:100] or "HTTP 401")
    if reply.status == 403 and "REQUEST_LIMIT_EXCEEDED" in codes:
        return messages.problem("salesforce.request_limit", tracker=NAME, detail=detail)
    if api_disabled(reply):
        problem = messages.problem("salesforce.api_disabled_org", tracker=NAME, detail=detail)
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


def latest_version(versions) -> str:
    """The highest API version listed, or "" when none is."""
    best = None
    for item in versions if isinstance(versions, list) else []:
        if isinstance(item, dict):
            try:
                number = float(str(item.get("version")))
            except ValueError:
                continue
            if best is None or number > best[0]:
                best = (number, str(item["version"]))
    return best[1] if best else ""


def problem(reason: str, **params):
    from exadesk.foundation import messages

    return messages.problem(reason, tracker=NAME, **params)


def sign_in(ctx):
    """The client and the data API base (``/services/data/vXX.X``); sets ``ctx.identity`` from userinfo, which
    answers without API Enabled (the data API's refusal is ``salesforce.api_disabled_org``, see diagnose)."""
    client = ctx.client(api_base(ctx.target.url), credential(ctx.target), login_url=ctx.target.url,
                        diagnose=diagnose)
    reply = client.get("/services/oauth2/userinfo", allow=(403,))
    version = latest_version(client.get_json("/services/data/", expect=list))
    if not version:
        raise CheckError(problem("http.wrong_shape", what=ctx.say("shape.no_versions")))
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
        raise CheckError(problem("http.wrong_shape", what=ctx.say("shape.no_user_id"), url=ctx.target.url))
    return client, data


#: Query More Results: at most this many further batches of a query's records (2,000 each) are read.
MAX_QUERY_BATCHES = 25


def records(client, data: str, soql: str) -> list[dict]:
    """A query's records, following ``nextRecordsUrl`` while Salesforce says it is not done."""
    body = client.get_json(f"{data}/query", params={"q": soql}, expect=dict)
    records = [r for r in body.get("records") or [] if isinstance(r, dict)]
    for _ in range(MAX_QUERY_BATCHES):
        more = str(body.get("nextRecordsUrl") or "")
        if body.get("done", True) is not False or not more.startswith(f"{data}/query/"):
            break
        body = client.get_json(more, expect=dict)
        records += [r for r in body.get("records") or [] if isinstance(r, dict)]
    return records
