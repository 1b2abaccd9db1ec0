"""Benchmark: a check's wall time and requests against the number of items in its scope.

For every tracker whose checks have a per-scope axis (projects, repositories, tables, objects, workspaces), one
check with 1, 10 and 40 items in scope against its emulator, every request delayed (100 ms: a workstation to a
SaaS region). Goals, in the same run: 40 items take at most 2.5 times the 1-item wall time; a Jira Cloud check
of 40 projects sends at most 20 requests.

Run alone: ``python -m bench.scope`` (``--sizes 1,10,40``, ``--delay S``, ``--only jira_cloud,github``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Callable

GOAL_VS_ONE = 2.5
JIRA_CLOUD_MAX_REQUESTS = 20  # for 40 projects


def _jira_cloud(n: int) -> tuple[dict, list[str]]:
    from exadesk.sandbox.jira_cloud import APP_ACCOUNT

    keys = [f"P{i:02d}" for i in range(n)]
    projects = {key: {"id": str(20000 + i), "name": f"Project {i}", "scheme": "10000", "role_members": [APP_ACCOUNT]}
                for i, key in enumerate(keys)}
    # Every scheme public, as on a site with one permission scheme: the site-wide exposure check then needs no
    # read per project (it does when schemes differ; that cost is per site, not per item in scope).
    public = {"grants": [{"permission": "BROWSE_PROJECTS", "type": "applicationRole"}]}
    return {"projects": projects, "schemes": {"10100": public}}, keys


def _jira_onprem(n: int) -> tuple[dict, list[str]]:
    keys = [f"P{i:02d}" for i in range(n)]
    public = {"grants": [{"permission": "BROWSE_PROJECTS", "type": "applicationRole"}]}  # as for Jira Cloud
    return {"projects": {key: {"id": 20000 + i, "name": f"Project {i}", "scheme": "10000", "denied": [],
                               "visible": True, "service_desk": None, "agent": False}
                         for i, key in enumerate(keys)}, "schemes": {"10100": public}}, keys


def _github(n: int) -> tuple[dict, list[str]]:
    repos = [f"acme/repo-{i:02d}" for i in range(n)]
    return {"repos": {r: {"id": 5000 + i, "private": True, "owner_type": "Organization",
                          "collaborators": {"exalate-proxy": "admin"}} for i, r in enumerate(repos)}}, repos


def _azure_devops(n: int) -> tuple[dict, list[str]]:
    from exadesk.sandbox.azure_devops import PROXY_ID as user  # the demo token's user

    names = [f"Project{i:02d}" for i in range(n)]
    groups = {f"[{name}]\\Project Administrators": ["[acme]\\Project Collection Valid Users"] for name in names}
    return {"projects": {name: {"id": f"00000000-0000-4000-8000-{i:012d}"} for i, name in enumerate(names)},
            "groups": groups,
            "users": {user: {"groups": ["[acme]\\Project Collection Administrators", *groups]}}}, names


def _servicenow(n: int) -> tuple[dict, list[str]]:
    tables = [f"u_table_{i:02d}" for i in range(n)]
    # security_admin reads the write ACLs (sys_security_acl answers 403 to others), so the run is verified.
    return {"users": {"exalate.proxy": {"roles": ["itil", "snc_platform_rest_api_access", "import_set_loader",
                                                  "import_transformer", "x_exalate_integration", "security_admin"]}},
            "tables": {t: [{"sys_id": f"{i:032x}", "number": f"REC{i:07d}"}] for i, t in enumerate(tables)},
            "acls": {t: {"read": ["itil"], "write": ["itil"]} for t in tables},
            "write_acls": {t: [{"sys_id": f"acl{i:029x}", "roles": ["itil"]}] for i, t in enumerate(tables)}}, tables


def _salesforce(n: int) -> tuple[dict, list[str]]:
    names = [f"Object{i:02d}__c" for i in range(n)]
    return {"objects": {name: {"name": name, "label": name, "queryable": True, "retrieveable": True,
                               "searchable": True, "createable": True, "updateable": True, "deletable": False,
                               "custom": True} for name in names}}, names


def _asana(n: int) -> tuple[dict, list[str]]:
    me = "1204000000000001"  # the demo token's user (exadesk.sandbox.asana's default scenario)
    gids = [str(1204000000100000 + i) for i in range(n)]
    return {"workspaces": {gid: {"name": f"Workspace {i:02d}", "is_organization": True, "pat_blocked": False,
                                 "members": {me: {"is_admin": False, "is_guest": False, "is_active": True}}}
                           for i, gid in enumerate(gids)}}, [f"Workspace {i:02d}" for i in range(n)]


def _hp_alm(n: int) -> tuple[dict, list[str]]:
    from exadesk.sandbox.hp_alm import DEMO_USER

    names = [f"Project_{i:02d}" for i in range(n)]
    paths = [f"SYNC/{name}" for name in names]
    return {"domains": {"SYNC": names}, "users": {DEMO_USER: {"projects": paths, "admin_of": paths}}}, paths


#: tracker id -> builder of (scenario, scope) for n items in scope.
TRACKERS: dict[str, Callable[[int], tuple[dict, list[str]]]] = {
    "jira_cloud": _jira_cloud, "jira_onprem": _jira_onprem, "github": _github, "azure_devops": _azure_devops,
    "servicenow": _servicenow, "salesforce": _salesforce, "asana": _asana, "hp_alm": _hp_alm,
}


def target_for(tracker: str, emulator, scope: list[str]):
    """A Target for ``tracker``'s first sign-in method with the emulator's demo credential and ``scope``."""
    from exadesk.verification import registry
    from exadesk.verification.spec import Secrets, Target

    args = dict(zip(emulator.demo_args[::2], emulator.demo_args[1::2]))
    method = registry.get(tracker).spec.auth_methods[0]
    values = {method.user_field.name: args["--user"]} if "--user" in args and method.user_field else {}
    return Target(tracker=tracker, url=emulator.url, auth_method=method.id, values=values,
                  secrets=Secrets(dict(emulator.demo_secrets)), scope=scope)


def measure(tracker: str, n: int, delay: float) -> tuple[float, int, object]:
    """One check of ``tracker`` with ``n`` items in scope: (seconds, requests the emulator saw, the report)."""
    from exadesk.verification import engine
    from exadesk.sandbox import emulator_class

    scenario, scope = TRACKERS[tracker](n)
    scenario["fault"] = {"kind": "slow", "delay": delay}
    emulator = emulator_class(tracker)(scenario).start()
    try:
        target = target_for(tracker, emulator, scope)
        started = time.perf_counter()
        report = engine.verify(target)
        seconds = time.perf_counter() - started
        return seconds, len(emulator.requests), report
    finally:
        emulator.stop()


def run(sizes: tuple[int, ...] = (1, 10, 40), delay: float = 0.1, only: tuple[str, ...] = ()) -> list[dict]:
    """Rows for the bench table: per tracker, each size's wall time and requests, the goal on the largest size."""
    from bench.common import row

    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
    rows = []
    measure("github", 1, 0.0)  # warm up: imports, TLS context and the like are not the 1-item check's cost
    for tracker in only or tuple(TRACKERS):
        seen = {}
        for n in sizes:
            seconds, count, report = measure(tracker, n, delay)
            if report.problem is not None:
                raise RuntimeError(f"{tracker} with {n} in scope stopped: {report.problem.message}")
            seen[n] = (seconds, count)
        one = seen[min(sizes)][0]
        for n in sizes:
            seconds, count = seen[n]
            largest = n == max(sizes) and n > min(sizes)
            goal, met = "-", None
            if largest:
                goal, met = f"<= {GOAL_VS_ONE}x", seconds <= GOAL_VS_ONE * one
                if tracker == "jira_cloud":
                    goal += f", <= {JIRA_CLOUD_MAX_REQUESTS} requests"
                    met = met and count <= JIRA_CLOUD_MAX_REQUESTS
            rows.append(row(f"{tracker}: {n} in scope ({count} requests, {int(delay * 1000)} ms each)", seconds, one,
                            unit="s", goal=goal, met=met, spread=f"{count} requests"))
    return rows


def main(argv: list[str] | None = None) -> int:
    from bench.common import format_table

    parser = argparse.ArgumentParser(prog="python -m bench.scope", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,40")
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--only", default="")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = run(tuple(int(s) for s in args.sizes.split(",")), args.delay,
               tuple(t for t in args.only.split(",") if t))
    print(json.dumps(rows) if args.json else format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
