"""What Jira Cloud and Jira Server / Data Center share: reading permission schemes and the security warning.

Written from Atlassian's permission-scheme documentation:
https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permission-schemes/ (holder object)
https://docs.atlassian.com/software/jira/docs/api/REST/latest/#api/2/project/{projectKeyOrId}/permissionscheme
https://support.atlassian.com/jira-cloud-administration/docs/manage-project-permissions/
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

#: Projects looked at for the security warning; a site with more is reported as partly checked.
MAX_PROJECTS = 200

#: The warning both flavours show (seed: "make sure the proxy user has access only to public projects").
SECURITY_KEY = "public_projects_only"
SECURITY_TITLE = "Proxy user reaches public projects only"
SECURITY_FIX = ("A known weakness of the Connect operation lets the integration read data of every project its user "
                "can browse. Remove the proxy user (or its role or group) from Browse Projects in the permission "
                "scheme of each project listed (Project settings, Permissions, Browse Projects), or accept the risk "
                "knowingly.")


def grants(scheme: dict) -> list[tuple[str, dict]]:
    """(permission key, holder) pairs of a permission scheme read with ``expand=permissions``."""
    out = []
    for grant in scheme.get("permissions") or []:
        if isinstance(grant, dict) and isinstance(grant.get("holder"), dict):
            out.append((str(grant.get("permission") or ""), grant["holder"]))
    return out


def holders_of(scheme: dict, permission: str) -> list[dict]:
    return [holder for key, holder in grants(scheme) if key == permission]


def holder_id(holder: dict) -> str:
    """The holder's identifier: Cloud recommends ``value``; Server / Data Center only has ``parameter``."""
    return str(holder.get("value") or holder.get("parameter") or "")


def is_public(browse_holders: Iterable[dict]) -> bool:
    """Whether a project is public, judged from who holds Browse Projects in its permission scheme.

    Atlassian's holder types: ``anyone`` is "Public" (anonymous users, Server / Data Center and older Cloud
    schemes), and ``applicationRole`` is "Application access": with no parameter any logged-in user, with one
    every user of that product. Either way everybody who can sign in sees the project, which is what the
    project-access levels "Open" and "Limited" mean. Grants to groups, roles, single users, the lead or
    issue-field holders keep a project private.
    """
    return any(str(h.get("type") or "") in ("anyone", "applicationRole") for h in browse_holders)


@dataclass
class Exposure:
    """The result of looking at the projects a proxy user can browse."""

    private: list[str] = field(default_factory=list)  # reached and not public
    unreadable: list[str] = field(default_factory=list)  # scheme not readable with this credential
    checked: int = 0
    total: int = 0


def exposure(projects: list[str], scheme_of: Callable[[str], dict | None],
             reaches: Callable[[list[dict]], bool] = lambda holders: True) -> Exposure:
    """Classify projects as private-and-reached from their permission schemes.

    Args:
        projects: keys of projects, at most :data:`MAX_PROJECTS` are looked at.
        scheme_of: the project's permission scheme with grants, or None when it cannot be read.
        reaches: whether the proxy user is among the Browse Projects holders (always true when the list
            comes from the proxy user's own project list).
    """
    found = Exposure(total=len(projects))
    for key in projects[:MAX_PROJECTS]:
        scheme = scheme_of(key)
        found.checked += 1
        if scheme is None:
            found.unreadable.append(key)
            continue
        browse = holders_of(scheme, "BROWSE_PROJECTS")
        if reaches(browse) and not is_public(browse):
            found.private.append(key)
    return found


def security_result(ctx, found: Exposure, who: str):
    """One warning result for :data:`SECURITY_KEY` from an :class:`Exposure`."""
    partly = (f" Only the first {found.checked} of {found.total} projects were looked at."
              if found.total > found.checked else "")
    if found.private:
        return ctx.warned(SECURITY_KEY, f"{who} can browse projects that are not public: "
                                        f"{', '.join(found.private)}.{partly}")
    if found.unreadable and len(found.unreadable) == found.checked:
        return ctx.unknown(SECURITY_KEY, "The permission schemes could not be read with this credential (it takes a "
                                         "Jira administrator), so private projects could not be told apart.",
                           fix="Verify with a Jira administrator's credential, or check each project's "
                               "Browse Projects permission by hand.")
    if found.unreadable:
        return ctx.warned(SECURITY_KEY, f"{who} reaches only public projects among those checked, but the "
                                        f"permission schemes of {', '.join(found.unreadable)} could not be read."
                                        f"{partly}")
    if not found.checked:
        return ctx.passed(SECURITY_KEY, f"{who} cannot browse any project.")
    return ctx.passed(SECURITY_KEY, f"Every project {who} can browse is public ({found.checked} checked).{partly}")


def join_limited(items: list[str], limit: int = 10) -> str:
    """A comma list that stays readable for long lists."""
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
