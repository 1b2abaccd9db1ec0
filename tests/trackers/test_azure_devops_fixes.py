"""Azure DevOps fixes: membership of Project Collection Administrators and of each project's Project
Administrators through the Graph memberships API (PUT, undo DELETE), with the admin instance's token; a Server
collection gets the manual way instead."""

from __future__ import annotations

from exadesk.foundation.checks import Status
from exadesk.sandbox import azure_devops as ado
from exadesk.services import fixes
from exadesk.store.model import Instance
from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec
from tests.helpers.fixes import status, statuses, stored, workspace, writes

PCA = "azure_devops.project_collection_administrators"
PA = "azure_devops.project_administrators"
LEE_ID, LEE_PAT = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "sbxlee2pat7projectadminonly3azuredevops4emulatorxyz"  # made up


def _ado(emulators, proxy_groups: list[str], *, admin_pat: str = ado.ADMIN_PAT, **scenario):
    emulator = emulators.start("azure_devops", {
        "users": {ado.PROXY_ID: {"groups": proxy_groups},
                  LEE_ID: {"name": "Lee Lead", "account": "lee@acme.example",
                           "groups": ["[Website]\\Project Administrators", "[Backend]\\Project Administrators"]}},
        "pats": {LEE_PAT: {"user": LEE_ID, "collections": ["acme"]}}, **scenario})
    inst = Instance(tracker="azure_devops", name="ADO", url=emulator.url, auth_method="pat", secret_fields=["token"],
                    scope=["Website", "Backend"])
    admin = Instance(tracker="azure_devops", name="ADO admin", url=emulator.url, auth_method="pat",
                     secret_fields=["token"], role="admin")
    store, ws = stored(inst, admin, secrets={"ADO": {"token": ado.DEMO_PAT}, "ADO admin": {"token": admin_pat}})
    return emulator, store, ws, inst


def _membership(user_id: str, group: str) -> str:
    return (f"/_apis/graph/memberships/{ado.subject_descriptor('aad', user_id)}/"
            f"{ado.subject_descriptor('vssgp', ado._sid(group))}?api-version=7.1-preview.1")


def test_collection_admin_fix_adds_the_membership_through_graph_and_undo_removes_it(emulators):
    emulator, store, ws, inst = _ado(emulators, ["[Website]\\Project Administrators",
                                                 "[Backend]\\Project Administrators"])
    assert status(inst, ws, PCA) is Status.FAIL
    plan = fixes.plan(ws, inst)
    assert not writes(emulator), "planning only reads"
    path = _membership(ado.PROXY_ID, "[acme]\\Project Collection Administrators")
    assert [(c.words, c.call.shown(), c.inverse.shown()) for c in plan.to_apply] == [
        ("Add Exalate Proxy (exalate.proxy@acme.example) to [acme]\\Project Collection Administrators",
         f"PUT {path}", f"DELETE {path}")]
    assert plan.admin.name == "ADO admin" and plan.to_apply[0].reference.startswith("https://learn.microsoft.com/")
    assert "no narrower group" in plan.to_apply[0].touches[0]

    outcome = fixes.apply(store, plan)
    assert outcome.refused is None and outcome.applied[0]["answer"] == "HTTP 200"
    assert writes(emulator) == [("PUT", "/acme" + path.split("?")[0])]
    assert statuses(outcome.before)[PCA] is Status.FAIL and statuses(outcome.after)[PCA] is Status.PASS

    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert undone.refused is None and len(undone.applied) == 1
    assert statuses(undone.after)[PCA] is Status.FAIL
    assert emulator.scenario["users"][ado.PROXY_ID]["groups"] == ["[Website]\\Project Administrators",
                                                                   "[Backend]\\Project Administrators"]
    # Plan, apply, undo and the checks between: every request a documented operation (connectionData aside, see
    # tests/sandbox/test_azure_devops_conformance.py), the membership's PUT and DELETE in the Graph description.
    graph = load_spec("azure-devops/graph.json")
    memberships = [r for r in emulator.requests if "/_apis/graph/" in r.path]
    assert assert_requests_documented(graph, memberships) == 2 and assert_replies_conform(graph, memberships) >= 1
    rest = [r for r in emulator.requests if r not in memberships and not r.path.endswith("/_apis/connectionData")]
    assert sum(assert_requests_documented(load_spec(name), [r for r in rest if load_spec(name).match(r.method, r.path)])
               for name in ("azure-devops/core.json", "azure-devops/identities.json")) == len(rest)


def test_project_admin_fix_adds_only_the_projects_missing_and_a_retry_sends_nothing(emulators):
    emulator, store, ws, inst = _ado(emulators, ["[acme]\\Project Collection Administrators",
                                                 "[Website]\\Project Administrators"])
    assert status(inst, ws, PA) is Status.FAIL
    plan = fixes.plan(ws, inst)
    path = _membership(ado.PROXY_ID, "[Backend]\\Project Administrators")
    assert [(c.call.shown(), c.inverse.shown()) for c in plan.to_apply] == [(f"PUT {path}", f"DELETE {path}")]
    assert plan.to_apply[0].words.endswith("to [Backend]\\Project Administrators")
    assert [c.done for c in plan.changes] == [True, False], "Website's membership is already in place"
    outcome = fixes.apply(store, plan)
    assert statuses(outcome.after)[PA] is Status.PASS
    again = fixes.apply(store, plan)
    assert again.applied == [] and [m for m, _ in writes(emulator)] == ["PUT"], "the membership was added once"
    undone = fixes.undo(store, workspace(store), outcome.run.id)
    assert statuses(undone.after)[PA] is Status.FAIL


def test_a_project_administrator_cannot_add_to_collection_administrators_and_nothing_is_half_applied(emulators):
    emulator, store, ws, inst = _ado(emulators, ["[Website]\\Project Administrators"], admin_pat=LEE_PAT)
    plan = fixes.plan(ws, inst)
    assert [c.check_id for c in plan.to_apply] == [PCA, PA], "the collection group first, then Backend"
    outcome = fixes.apply(store, plan)
    assert outcome.run is None and outcome.applied == []
    assert "HTTP 403" in outcome.refused.message and "Manage group membership" in outcome.refused.message
    assert "membership of Project Collection Administrators" in outcome.refused.next_step
    assert emulator.scenario["users"][ado.PROXY_ID]["groups"] == ["[Website]\\Project Administrators"]
    assert workspace(store).fix_runs == []


def test_azure_devops_server_gets_the_manual_way_and_nothing_is_sent(emulators):
    emulator, store, ws, inst = _ado(emulators, ["[Website]\\Project Administrators"], deployment="onPremises")
    plan = fixes.plan(ws, inst)
    assert plan.to_apply == []
    assert [title for title, _ in plan.by_hand] == ["Proxy user is a Project Collection Administrator",
                                                    "Proxy user is a Project Administrator of every synced project"]
    assert "TFSSecurity.exe /g+" in plan.by_hand[0][1] and "Graph API is for Azure DevOps Services only" in \
        plan.by_hand[0][1]
    assert not writes(emulator)
