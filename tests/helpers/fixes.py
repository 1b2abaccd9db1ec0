"""Helpers for the per-tracker fix tests (exadesk.services.fixes against the emulators): a workspace stored with its
instances' secrets in the test keychain, one check's status, the writes an emulator received, and a GitHub scenario
with a proxy user and an administrator."""

from __future__ import annotations

from exadesk.foundation.checks import Status
from exadesk.services import instances
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Data, Instance, Workspace
from exadesk.store.storage import Store
from exadesk.verification import engine
from exadesk.verification.http import is_declared_read


def stored(*items: Instance, secrets: dict[str, dict[str, str]], connections=()) -> tuple[Store, Workspace]:
    """A store holding one workspace "Acme" with ``items``; ``secrets`` maps an instance's name to its secrets."""
    keychain = SecretStore()
    for inst in items:
        for name, value in secrets.get(inst.name, {}).items():
            keychain.set(inst.id, name, value)
    store = Store()
    store.save(Data(workspaces=[Workspace(name="Acme", instances=list(items), connections=list(connections))]))
    return store, store.load().data.workspace("Acme")


def workspace(store: Store) -> Workspace:
    return store.load().data.workspace("Acme")


def status(inst: Instance, ws: Workspace, check_id: str) -> Status:
    """The status of one check of a fresh verification of ``inst``."""
    target, problems = instances.target_for(inst, ws)
    assert not problems
    report = engine.verify(target)
    assert report.problem is None, report.problem
    return next(c.status for c in report.checks if c.id == check_id)


def statuses(report) -> dict:
    return {c.id: c.status for c in report.checks}


def writes(emulator) -> list[tuple[str, str]]:
    """(method, path) of every request the emulator received that is not a read."""
    return [(r.method, r.path) for r in emulator.requests
            if r.method not in ("GET", "HEAD") and not is_declared_read(r.method, r.path)]


def github_scenario(proxy_token: str, admin_token: str, proxy_role: str | None) -> dict:
    """GitHub with the proxy user's and the administrator dana's classic tokens, and one repository acme/portal that
    dana administers; the proxy user is a collaborator with ``proxy_role`` (None: not one)."""
    collaborators = {"dana": "admin", **({"exalate-proxy": proxy_role} if proxy_role else {})}
    return {"tokens": {proxy_token: {"login": "exalate-proxy", "name": "Exalate Proxy", "id": 4101, "kind": "classic",
                                     "scopes": ["repo"]},
                       admin_token: {"login": "dana", "name": "Dana Admin", "id": 4102, "kind": "classic",
                                     "scopes": ["repo"]}},
            "repos": {"acme/portal": {"id": 1, "private": False, "owner_type": "User", "collaborators": collaborators}}}
