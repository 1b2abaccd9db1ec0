"""Jira Cloud's REST API v3 as ExaDesk reads it: the sign-in probe (myself, and the site's cloud id to word a
rejected token), the app user among all users, projects by key and on the site, project roles, the bulk permission
check and issue security levels. It judges nothing: the checks and fixes of exadesk/trackers/jira_cloud.py word
what these reads mean. Apart from the tracker module so that it stays the short first read (its spec and checks).

https://developer.atlassian.com/cloud/jira/platform/rest/v3/ (myself, user/search (active users only), users/search
    (every user: inactive and deleted too), project/search, project/{key}/role, permissions/check,
    issuesecurityschemes; swagger-v3.v3.json)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from exadesk.foundation import messages
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.trackers import _jira

#: The tracker's name (its SPEC.name) in the problems these reads raise: this module never imports the tracker's.
NAME = "Jira Cloud"
API = "/rest/api/3"


def is_gateway(url: str) -> bool:
    return (urlsplit(url).hostname or "").lower() == "api.atlassian.com" or "/ex/jira/" in url


def identify(ctx, client, anonymous, params: dict | None = None) -> dict:
    """GET myself; a plain rejection is explained with the site's cloud id (read anonymously)."""
    try:
        return client.get_json("/rest/api/3/myself", params=params, expect=dict)
    except CheckError as exc:
        if exc.kind is not ErrorKind.AUTH or exc.problem.reason != "auth":
            raise
        cloud_id = "<cloud id>"
        if not is_gateway(ctx.target.url):
            try:
                info = anonymous.get("/_edge/tenant_info", allow=(401, 403, 404), auth=False).json_or_none()
            except CheckError:
                info = None  # the cloud id only sharpens the message
            if isinstance(info, dict) and re.fullmatch(r"[0-9a-f-]{36}", str(info.get("cloudId") or "")):
                cloud_id = str(info["cloudId"])
        raise CheckError(messages.problem("jira_cloud.token_rejected", tracker=NAME, url=ctx.target.url,
                                          cloud_id=cloud_id)) from None


#: Get all users is read in pages of Atlassian's largest size, up to this many pages (then "not confirmed").
ALL_USERS_PAGE, ALL_USERS_PAGES = 1000, 50


def _is_app_user(user, name: str) -> bool:
    return isinstance(user, dict) and user.get("accountType") == "app" and user.get("displayName") == name


def find_app_user(client, name: str) -> tuple[dict | None, str]:
    """(the app user called ``name``, ""), or (None, why its absence is not confirmed; "" when every user was read).

    user/search returns active users only, and app accounts have no e-mail address, so one search by name
    finds an active app user; a deactivated or removed one only shows in Get all users (/users/search:
    "active users, inactive users and previously deleted users"), read page by page.
    """
    users = client.get_json("/rest/api/3/user/search", params={"query": name, "maxResults": 50}, expect=list)
    found = next((u for u in users if _is_app_user(u, name)), None)
    if found:
        return found, ""
    for page in range(ALL_USERS_PAGES):
        reply = client.get("/rest/api/3/users/search",
                           params={"startAt": page * ALL_USERS_PAGE, "maxResults": ALL_USERS_PAGE}, allow=(403,))
        if reply.status == 403:
            return None, "this credential may not list all users (Browse users and groups)"
        batch = client.decode(reply, list)
        found = next((u for u in batch if _is_app_user(u, name)), None)
        if found or not batch:
            return found, ""
    return None, f"the site has more than {ALL_USERS_PAGE * ALL_USERS_PAGES} accounts"


def projects_by_key(ctx, client, keys: list[str]) -> tuple[dict[str, str], list[str]]:
    """The projects in scope that exist and the administrator sees (key -> id), and the keys that do not."""
    pages = ctx.gather(
        lambda chunk=keys[i:i + 50]: client.get_json(f"{API}/project/search",  # at most 50 keys a request
                                                     params={"keys": chunk, "maxResults": 50}, expect=dict)
        for i in range(0, len(keys), 50))
    found = {str(p.get("key")): str(p.get("id")) for page in pages for p in page.get("values") or []
             if isinstance(p, dict) and p.get("key") and p.get("id")}
    return found, [key for key in keys if key not in found]


def role_id(client, project: str, role: str) -> str:
    """The id of the project role called ``role`` (project roles are shared by every Cloud project); "" when none."""
    urls = client.get_json(f"{API}/project/{project}/role", expect=dict)
    url = str(urls.get(role) or "")
    return url.rstrip("/").rsplit("/", 1)[-1] if url else ""


def app_permissions(client, account: str, project_ids: dict[str, str], keys) -> dict[str, set[str]]:
    """Permission key (of ``keys``) -> ids of the projects where the account holds it, from one bulk permission
    check."""
    ids = sorted({int(pid) for pid in project_ids.values() if str(pid).isdigit()})[:1000]  # the documented maximum
    if not ids:
        return {}
    wanted = sorted(set(keys))
    reply = client.request("POST", f"{API}/permissions/check", json_body={
        "accountId": account, "projectPermissions": [{"permissions": wanted, "projects": ids}]})
    data = client.decode(reply, dict)
    return {str(entry.get("permission")): {str(p) for p in entry.get("projects") or []}
            for entry in data.get("projectPermissions") or [] if isinstance(entry, dict)}


def role_has(client, project: str, role_id: str, account: str) -> bool:
    role = client.get_json(f"{API}/project/{project}/role/{role_id}", expect=dict)
    return account in {str((a.get("actorUser") or {}).get("accountId") or "") for a in role.get("actors") or []
                       if isinstance(a, dict)}


def security_levels(ctx, client, projects: list[tuple[str, str]], reaches) -> tuple[str, ...]:
    """Field note: the role removed from an issue security level leaves the app user blind to those issues.
    Returns "KEY: level" for each level of the projects in scope the app user cannot see."""
    names = {pid: key for key, pid in projects}
    uses: dict[str, list[str]] = {}  # issue security scheme id -> keys of the projects in scope using it
    start = 0
    while True:  # which scheme each project uses, all projects at once
        page = client.get_json(f"{API}/issuesecurityschemes/project",
                               params={"projectId": list(names), "startAt": start, "maxResults": 100}, expect=dict)
        values = [v for v in page.get("values") or [] if isinstance(v, dict)]
        for value in values:
            if str(value.get("projectId")) in names:
                uses.setdefault(str(value.get("issueSecuritySchemeId")), []).append(names[str(value["projectId"])])
        if page.get("isLast", True) or not values or start > 5000:
            break
        start += len(values)
    scheme_ids = sorted(uses)
    details = ctx.gather(lambda sid=sid: (client.get_json(f"{API}/issuesecurityschemes/{sid}", expect=dict),
                                          level_members(client, sid)) for sid in scheme_ids)
    hidden = []
    for sid, (scheme, members) in zip(scheme_ids, details):
        for level in scheme.get("levels") or []:
            if isinstance(level, dict) and not reaches(members.get(str(level.get("id")), [])):
                hidden.extend(f"{key}: {level.get('name') or level.get('id')}" for key in uses[sid])
    return tuple(sorted(hidden))


def level_members(client, scheme_id: str) -> dict[str, list[dict]]:
    """Holders of each level of an issue security scheme, by level id."""
    out: dict[str, list[dict]] = {}
    start = 0
    while True:
        page = client.get_json(f"{API}/issuesecurityschemes/level/member",
                               params={"schemeId": scheme_id, "startAt": start, "maxResults": 100}, expect=dict)
        values = [m for m in page.get("values") or [] if isinstance(m, dict)]
        for member in values:
            if isinstance(member.get("holder"), dict):
                out.setdefault(str(member.get("issueSecurityLevelId")), []).append(member["holder"])
        if page.get("isLast", True) or not values or start > 5000:
            return out
        start += len(values)


def all_projects(client) -> tuple[dict[str, str], int]:
    """The projects the administrator sees (all of them for an admin), key -> id, up to the cap, and their number."""
    found: dict[str, str] = {}
    start = total = 0
    while len(found) < _jira.MAX_PROJECTS + 1:
        page = client.get_json(f"{API}/project/search", params={"startAt": start, "maxResults": 50},
                               expect=dict)
        values = [p for p in page.get("values") or [] if isinstance(p, dict)]
        found.update((str(p.get("key")), str(p.get("id"))) for p in values if p.get("key"))
        total = int(page.get("total") or 0) if str(page.get("total") or "").isdigit() else len(found)
        if page.get("isLast", True) or not values:
            break
        start += len(values)
    return dict(list(found.items())[:_jira.MAX_PROJECTS]), max(total, len(found))
