"""Benchmark: verify-all of 50 instances whose emulators answer each request after 200 ms.

Measured in one run: each instance verified alone, one by one (which gives the
single slowest instance's time and the one-by-one total), then all of them
through ``instances.verify_all`` (parallel, bounded, results stored). Goal: the
parallel wall time within 1.5 times the slowest single instance.

Run alone: ``python -m bench.verify_all`` (``--instances N``, ``--delay S``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import memory_keyring, slow_github_scenario

GOAL_VS_SLOWEST = 1.5
GOAL_VS_SEQUENTIAL = 0.1  # at least ten times faster than one by one


def run(instances_count: int = 50, delay: float = 0.2) -> list[dict]:
    """Measure and return rows ``{name, value, baseline, ratio, goal}`` (seconds; lower ratio is better)."""
    import keyring

    previous_home = os.environ.get("EXADESK_HOME")
    previous_keyring = keyring.get_keyring()
    with tempfile.TemporaryDirectory(prefix="exadesk-bench-") as home:
        os.environ["EXADESK_HOME"] = home
        os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
        keyring.set_keyring(memory_keyring())
        try:
            return _measure(instances_count, delay, Path(home))
        finally:
            keyring.set_keyring(previous_keyring)
            if previous_home is None:
                os.environ.pop("EXADESK_HOME", None)
            else:
                os.environ["EXADESK_HOME"] = previous_home


def _measure(count: int, delay: float, home: Path) -> list[dict]:
    from exadesk.services import instances
    from exadesk.verification import engine
    from exadesk.store.keychain import SecretStore
    from exadesk.store.model import Data, Instance, InstanceState, Workspace
    from exadesk.sandbox.github import GitHubEmulator
    from exadesk.store.storage import Store

    emulators, ws = [], Workspace(name="Bench")
    store, keychain = Store(), SecretStore()
    try:
        for i in range(count):
            token, scenario = slow_github_scenario(delay)
            emulator = GitHubEmulator(scenario).start()
            emulators.append(emulator)
            inst = Instance(tracker="github", name=f"bench-{i:02d}", url=emulator.url, auth_method="classic",
                            secret_fields=["token"], scope=["acme/website"], state=InstanceState.PREPARED_OFFLINE)
            keychain.set(inst.id, "token", token)
            ws.instances.append(inst)
        store.save(Data(workspaces=[ws]))

        # One by one: every instance alone, which also gives the slowest single instance.
        singles = []
        started = time.perf_counter()
        for inst in ws.instances:
            target, problems = instances.target_for(inst, ws)
            assert not problems
            t0 = time.perf_counter()
            report = engine.verify(target)
            singles.append(time.perf_counter() - t0)
            assert report.ready, report.to_json()
        sequential = time.perf_counter() - started
        slowest = max(singles)

        # All at once through verify-all, results stored.
        started = time.perf_counter()
        result = instances.verify_all(store, force=True)
        parallel = time.perf_counter() - started
        counts = result.counts()
        assert counts["ready"] == count, counts
        assert all(len(i.history) == 1 for i in store.load().data.workspaces[0].instances)
    finally:
        for emulator in emulators:
            emulator.stop()
    label = f"{count} instances, {int(delay * 1000)} ms per request"
    return [
        {"name": f"verify-all wall time vs slowest single instance ({label})", "value": round(parallel, 3),
         "baseline": round(slowest, 3), "ratio": round(parallel / slowest, 2), "goal": GOAL_VS_SLOWEST},
        {"name": f"verify-all wall time vs one by one ({label})", "value": round(parallel, 3),
         "baseline": round(sequential, 3), "ratio": round(parallel / sequential, 3), "goal": GOAL_VS_SEQUENTIAL},
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.verify_all", description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.2)
    args = parser.parse_args(argv)
    rows = run(args.instances, args.delay)
    ok = True
    for row in rows:
        met = row["ratio"] <= row["goal"]
        ok &= met
        print(f"{row['name']}: {row['value']:.3f} s vs {row['baseline']:.3f} s = {row['ratio']}x "
              f"(goal <= {row['goal']}x) {'OK' if met else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
