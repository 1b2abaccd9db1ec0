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
    grants = [grant_body(base, api, scheme_id, grant_id, grant, cloud=cloud)
              for grant_id, grant in numbered(scheme_id, scheme)]
    return {"expand": "permissions,user,group,projectRole,field,all", "id": int(scheme_id), "name": scheme["name"],
            "description": scheme.get("description", ""), "self": f"{base}{api}/permissionscheme/{scheme_id}",
            "permissions": grants}


def numbered(scheme_id: str, scheme: dict) -> list[tuple[int, dict]]:
    """The scheme's grants with their ids: a created grant keeps the id it was given, the others are numbered."""
    return [(int(grant.get("id") or int(scheme_id) * 100 + n), grant)
            for n, grant in enumerate(scheme.get("grants", []), start=1)]


def grant_body(base: str, api: str, scheme_id: str, grant_id: int, grant: dict, *, cloud: bool) -> dict:
    holder = {"type": grant["type"]}
    if grant.get("parameter"):
        holder["parameter"] = grant["parameter"]
        if cloud:
            holder["value"] = grant["parameter"]
    return {"id": grant_id, "holder": holder, "permission": grant["permission"],
            "self": f"{base}{api}/permissionscheme/{scheme_id}/permission/{grant_id}"}


# -- permission-grant writes (Create permission grant, Delete permission scheme grant) --------------------------
# Both flavours: POST {api}/permissionscheme/{schemeId}/permission with {"holder": {"type", "parameter" or
# "value"}, "permission"} answers 201 with the grant; DELETE .../permission/{permissionId} answers 204. Cloud
# refuses the same grant twice and an unknown grant id with 400; the caller's right is checked by the emulator.


def create_grant(request: Request, base: str, api: str, scheme_id: str, scheme: dict, *, cloud: bool) -> Response:
    """Add the grant the request's body describes to ``scheme`` (its grants, numbered first so ids stay put)."""
    body = request.json()
    holder = body.get("holder") if isinstance(body, dict) else None
    permission = str(body.get("permission") or "") if isinstance(body, dict) else ""
    if not isinstance(holder, dict) or not holder.get("type") or not permission:
        return error(400, request, "A permission grant needs a holder and a permission.")
    parameter = str(holder.get("value") or holder.get("parameter") or "")
    rows = numbered(scheme_id, scheme)
    if any(g["permission"] == permission and g["type"] == holder["type"] and str(g.get("parameter") or "") == parameter
           for _, g in rows):
        return error(400, request, "The same permission grant is present.")
    scheme["grants"] = [dict(grant, id=grant_id) for grant_id, grant in rows]  # ids stay as they were shown
    grant = {"id": max([grant_id for grant_id, _ in rows] + [int(scheme_id) * 100 + 99]) + 1,
             "permission": permission, "type": str(holder["type"])}
    if parameter:
        grant["parameter"] = parameter
    scheme["grants"].append(grant)
    return json_response(grant_body(base, api, scheme_id, grant["id"], grant, cloud=cloud), 201)


def delete_grant(request: Request, scheme_id: str, scheme: dict, grant_id: str, *, missing: int) -> Response:
    """Remove a grant by id; ``missing`` is the status the flavour answers for an unknown one."""
    rows = numbered(scheme_id, scheme)
    if not any(str(n) == grant_id for n, _ in rows):
        return error(missing, request, f"Permission grant with id {grant_id} not found.")
    scheme["grants"] = [dict(grant, id=n) for n, grant in rows if str(n) != grant_id]
    return Response(204, None)
