"""Benchmark: how long Cancel takes to end a check, and Verify all, stuck on a server that never answers.

A GitHub emulator with the ``hang`` fault accepts each request and never answers it, so without an abortable
request a run would wait for its 20 s timeout. Measured in one run:

- the baseline: one complete check of a healthy GitHub emulator (what a person waits for anyway);
- a check stuck on the hung emulator: seconds from ``cancel.set()`` to ``engine.verify`` returning;
- Verify all over a healthy and a hung instance, cancelled once the healthy one is stored: seconds from
  ``cancel.set()`` to ``instances.verify_all`` returning (the finished result stored).

Goal: Cancel ends the run within one second (issue 19 item 9), whatever the request in flight.

Run alone: ``python -m bench.cancel`` (``--runs N``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time

from bench.common import median_spread, memory_keyring, row, slow_github_scenario, temp_home

CANCEL_GOAL_SECONDS = 1.0
TIMEOUT = 20.0  # the default; the hung server would hold a run this long without an abortable request


def run(runs: int = 5) -> list[dict]:
    """The cancel rows (seconds)."""
    import keyring

    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
    previous = keyring.get_keyring()
    keyring.set_keyring(memory_keyring())
    try:
        with temp_home():
            return _measure(max(1, runs))
    finally:
        keyring.set_keyring(previous)


def _target(url: str, token: str):
    from exadesk.verification.spec import Secrets, Target

    return Target(tracker="github", url=url, auth_method="classic", secrets=Secrets({"token": token}),
                  scope=["acme/website"], timeout=TIMEOUT)


def _measure(runs: int) -> list[dict]:
    from exadesk.verification import engine
    from exadesk.sandbox import emulator_class

    token, healthy_scenario = slow_github_scenario(0.0)
    healthy_scenario.pop("fault")
    hung_scenario = dict(healthy_scenario, fault="hang")
    github = emulator_class("github")
    healthy, hung = github(healthy_scenario).start(), github(hung_scenario).start()
    try:
        baseline_samples = []
        for _ in range(runs):
            started = time.perf_counter()
            report = engine.verify(_target(healthy.url, token))
            baseline_samples.append(time.perf_counter() - started)
            assert report.problem is None, report.problem
        check_samples = [_cancel_check(engine, _target(hung.url, token), hung) for _ in range(runs)]
        all_samples = [_cancel_verify_all(healthy.url, hung.url, token, hung) for _ in range(runs)]
    finally:
        healthy.stop()
        hung.stop()
    baseline = statistics.median(baseline_samples)
    rows = []
    for name, samples in (("Cancel a check stuck on a silent server", check_samples),
                          ("Cancel Verify all with one instance stuck", all_samples)):
        value, spread = median_spread(samples, 3)
        rows.append(row(name, value, baseline, unit="s", goal=f"<= {CANCEL_GOAL_SECONDS:g} s",
                        met=max(samples) <= CANCEL_GOAL_SECONDS, spread=spread,
                        note=f"baseline: one complete healthy check; without an abortable request: {TIMEOUT:g} s"))
    return rows


def _wait_for_requests(emulator, count: int, limit: float = 10.0) -> None:
    ends = time.perf_counter() + limit
    while len(emulator.requests) < count:
        if time.perf_counter() > ends:
            raise RuntimeError("the run never reached the hung server")
        time.sleep(0.005)


def _cancel_check(engine, target, hung) -> float:
    cancel = threading.Event()
    ended: list[float] = []
    before = len(hung.requests)
    worker = threading.Thread(target=lambda: (engine.verify(target, cancel=cancel), ended.append(time.perf_counter())))
    worker.start()
    _wait_for_requests(hung, before + 1)
    time.sleep(0.2)  # well inside the request
    cancelled = time.perf_counter()
    cancel.set()
    worker.join(TIMEOUT + 5)
    return ended[0] - cancelled


def _cancel_verify_all(healthy_url: str, hung_url: str, token: str, hung) -> float:
    from exadesk.services import instances
    from exadesk.store.keychain import SecretStore
    from exadesk.store.model import Instance, InstanceState, Workspace
    from exadesk.store.storage import Store

    store = Store()
    workspace = Workspace(name=f"Cancel {time.perf_counter_ns()}")
    # Another token for the hung instance: one credential is sent first by one run only (the one-probe rule), so a
    # shared token would hold the healthy run behind the hung one.
    other_token = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    for name, url, secret in (("healthy", healthy_url, token), ("hung", hung_url, other_token)):
        inst = Instance(tracker="github", name=name, url=url, auth_method="classic", secret_fields=["token"],
                        scope=["acme/website"], state=InstanceState.PREPARED_OFFLINE)
        SecretStore().set(inst.id, "token", secret)
        workspace.instances.append(inst)
    store.update(lambda data: data.workspaces.append(workspace))
    cancel = threading.Event()
    finished: list[str] = []
    ended: list[float] = []
    before = len(hung.requests)

    def work():
        instances.verify_all(store, workspace=workspace.id, force=True, cancel=cancel,
                             on_progress=lambda done, total, inst_id, report: finished.append(inst_id))
        ended.append(time.perf_counter())

    worker = threading.Thread(target=work)
    worker.start()
    _wait_for_requests(hung, before + 1)
    ends = time.perf_counter() + 10
    while not finished:  # the healthy one is done; the hung one is in flight
        if time.perf_counter() > ends:
            raise RuntimeError("the healthy instance did not finish")
        time.sleep(0.005)
    cancelled = time.perf_counter()
    cancel.set()
    worker.join(TIMEOUT + 5)
    stored = store.load().data.workspace(workspace.id).instance("healthy")
    if not stored.history:
        raise RuntimeError("the finished instance's result was not stored")
    return ended[0] - cancelled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cancel", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.runs), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
