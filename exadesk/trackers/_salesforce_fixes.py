"""Salesforce fixes: the "fix it for me" plans of exadesk/trackers/salesforce.py.

A failing API Enabled or object permission requirement is met by assigning the proxy user the narrowest permission
set the org already has that grants it (POST sobjects/PermissionSetAssignment, undone with a DELETE). They are apart
from the tracker module so that it stays the short first read (its spec, sign-in and checks); they sign in as the
administrator with the reads of _salesforce_api.py, and their sentences are keys of the tracker's TEXTS.
"""

from __future__ import annotations


from exadesk.foundation.errors import CheckError
from exadesk.foundation.records import dataclass
from exadesk.trackers._salesforce_api import problem, records, sign_in
from exadesk.verification.changes import Call, Change, Fix

# Salesforce's Object Reference (PermissionSet, ObjectPermissions, PermissionSetAssignment) and REST API Developer
# Guide (Create a Record: POST /services/data/vXX.X/sobjects/PermissionSetAssignment {AssigneeId, PermissionSetId}
# answers 201 {id, success, errors}; Delete a Record: DELETE .../sobjects/PermissionSetAssignment/{id}). Assigning
# takes Assign Permission Sets (or Manage Users). Only sets not owned by a profile can be assigned, and a set tied to
# a user licence (LicenseId) only to users of that licence. ExaDesk never
# creates or edits a permission set: it assigns the narrowest one the org already has.

_ASSIGNMENT_REF = ("https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/"
                   "sforce_api_objects_permissionsetassignment.htm")
#: System permissions that make a set broad: a set with fewer of them is narrower, and the preview names them.
BROAD_PERMISSIONS = {"PermissionsModifyAllData": "Modify All Data", "PermissionsViewAllData": "View All Data",
                     "PermissionsCustomizeApplication": "Customize Application",
                     "PermissionsManageUsers": "Manage Users", "PermissionsAuthorApex": "Author Apex"}
#: Requirement key -> the ObjectPermissions field that meets it on each object in scope.
_OBJECT_GRANTS = {"PermissionsRead": "Read", "PermissionsCreate": "Create", "PermissionsEdit": "Edit"}
#: Requirements met through a parent object's permission: case comments follow the case's access (Edit on Case).
_PARENT_GRANTS = {"CaseComment": ("PermissionsEdit", ["Case"])}


@dataclass(frozen=True)
class _PermissionSet:
    """An assignable permission set: its system permissions and object permissions (object -> granted fields)."""

    id: str
    name: str
    label: str
    system: frozenset[str]
    objects: dict[str, frozenset[str]]
    licence: str = ""  # the user licence the set is tied to ("" for none): only its users may be given it

    def grants(self, key: str, objects: list[str]) -> bool:
        if key == "ApiEnabled":
            return "PermissionsApiEnabled" in self.system
        return all(key in self.objects.get(name.lower(), ()) for name in objects)

    def breadth(self, objects: list[str]) -> tuple:
        """Sort key, narrowest first: broad system permissions, then objects outside the scope, then (to pick one
        set for Read, Create and Edit alike) the fewest of those three missing on the scope, then the name."""
        inside = {name.lower() for name in objects}
        covered = sum(key in self.objects.get(name, ()) for name in inside for key in _OBJECT_GRANTS)
        return (len(self.system & set(BROAD_PERMISSIONS)), len(set(self.objects) - inside), -covered, self.name)


def _permission_sets(client, data: str) -> list[_PermissionSet]:
    """Every permission set not owned by a profile, with its object permissions (two queries)."""
    fields = ", ".join(("PermissionsApiEnabled", *BROAD_PERMISSIONS))
    rows = records(client, data, f"SELECT Id, Name, Label, LicenseId, {fields} FROM PermissionSet "
                                  "WHERE IsOwnedByProfile = false")
    grants: dict[str, dict[str, frozenset[str]]] = {}
    for row in records(client, data, "SELECT ParentId, SobjectType, PermissionsRead, PermissionsCreate, "
                                      "PermissionsEdit FROM ObjectPermissions WHERE Parent.IsOwnedByProfile = false"):
        granted = frozenset(key for key in _OBJECT_GRANTS if row.get(key) is True)
        grants.setdefault(str(row.get("ParentId")), {})[str(row.get("SobjectType") or "").lower()] = granted
    return [_PermissionSet(str(r.get("Id")), str(r.get("Name") or ""), str(r.get("Label") or r.get("Name") or ""),
                           frozenset(f for f in ("PermissionsApiEnabled", *BROAD_PERMISSIONS) if r.get(f) is True),
                           grants.get(str(r.get("Id")), {}), str(r.get("LicenseId") or ""))
            for r in rows if r.get("Id")]


def _touches(ctx, chosen: _PermissionSet, objects: list[str], what: str) -> str:
    broad = [label for name, label in BROAD_PERMISSIONS.items() if name in chosen.system]
    if broad:
        return ctx.say("fix.broad", label=chosen.label, permissions=", ".join(broad), what=what)
    outside = sorted(set(chosen.objects) - {name.lower() for name in objects})
    if outside:
        return ctx.say("fix.other_objects", label=chosen.label, objects=", ".join(outside))
    return ctx.say("fix.nothing_else", label=chosen.label)


def _plan_assignment(ctx, key: str):
    user_id = ctx.proxy_identity.id if ctx.proxy_identity else ""
    if not user_id:
        return []
    client, data = sign_in(ctx)
    grant, objects = _PARENT_GRANTS.get(key) or (key, list(dict.fromkeys(ctx.proxy.scope or ctx.spec.scope.default)))
    what = ctx.say("fix.api") if key == "ApiEnabled" else \
        ctx.say("fix.object", permission=_OBJECT_GRANTS[grant], objects=", ".join(objects))
    users = records(client, data, f"SELECT Id, Profile.UserLicenseId FROM User WHERE Id = '{user_id}'")
    licence = str((users[0].get("Profile") or {}).get("UserLicenseId") or "") if users else ""
    candidates = sorted((s for s in _permission_sets(client, data)
                         if s.grants(grant, objects) and s.licence in ("", licence)),
                        key=lambda s: s.breadth(objects))
    if not candidates:
        raise CheckError(problem("salesforce.no_permission_set", what=what))
    chosen = candidates[0]
    assigned = {str(r.get("PermissionSetId")) for r in records(
        client, data, f"SELECT Id, PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '{user_id}'")}
    path = f"{data}/sobjects/PermissionSetAssignment"
    # The words name all the set gives on these objects: one assignment often meets Read, Create and Edit at once.
    gives = what if key == "ApiEnabled" else ctx.say("fix.object", objects=", ".join(objects), permission=", ".join(
        label for field_name, label in _OBJECT_GRANTS.items() if chosen.grants(field_name, objects)))
    return [Change(ctx.spec.check_id(key), ctx.say("fix.assign", label=chosen.label, user=ctx.proxy_identity.label(),
                                                what=gives),
                   Call("POST", path, body={"AssigneeId": user_id, "PermissionSetId": chosen.id}),
                   Call("DELETE", f"{path}/{{created}}"), _ASSIGNMENT_REF, (_touches(ctx, chosen, objects, what),),
                   created_from=("id",), done=chosen.id in assigned)]


def assignment_fixes() -> tuple:
    """The tracker's FIXES: one permission set assignment for API Enabled and each object permission."""

    return (Fix(("ApiEnabled", *_OBJECT_GRANTS, *_PARENT_GRANTS), _plan_assignment,
                "the Assign Permission Sets permission (or Manage Users), as a System Administrator has",
                _ASSIGNMENT_REF),)
