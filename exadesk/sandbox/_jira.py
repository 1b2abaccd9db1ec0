"""What the Jira emulators share: Atlassian's error body and permission-scheme replies.

From Atlassian's REST documentation: errors are ``{"errorMessages": [...], "errors": {}}``; a permission
scheme read with ``expand=permissions`` lists grants ``{"id", "holder": {"type", "parameter"}, "permission"}``.
"""

from __future__ import annotations

from exadesk.sandbox.kit import Request, Response, json_response

ERROR_TEXT = {401: "You are not authenticated. Authentication required to perform this operation.",
              403: "You do not have permission to perform this operation.",
              404: "The requested resource could not be found.", 429: "Rate limit exceeded.",
              500: "Internal server error."}


def error(status: int, request: Request, text: str = "") -> Response:
    return json_response({"errorMessages": [text or ERROR_TEXT.get(status, "Error")], "errors": {}}, status)


def scheme_body(base: str, api: str, scheme_id: str, scheme: dict, *, cloud: bool) -> dict:
    """A permission scheme with its grants, as ``/project/{key}/permissionscheme?expand=permissions`` returns it."""
    grants = []
    for n, grant in enumerate(scheme.get("grants", []), start=1):
        holder = {"type": grant["type"]}
        if grant.get("parameter"):
            holder["parameter"] = grant["parameter"]
            if cloud:
                holder["value"] = grant["parameter"]
        entry = {"id": int(scheme_id) * 100 + n, "holder": holder, "permission": grant["permission"],
                 "self": f"{base}{api}/permissionscheme/{scheme_id}/permission/{int(scheme_id) * 100 + n}"}
        grants.append(entry)
    return {"expand": "permissions,user,group,projectRole,field,all", "id": int(scheme_id), "name": scheme["name"],
            "description": scheme.get("description", ""), "self": f"{base}{api}/permissionscheme/{scheme_id}",
            "permissions": grants}
