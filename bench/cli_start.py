"""``exadesk check`` in a fresh process against a bare ``python -c "import requests"`` start.

Two figures, each the median of fresh processes that alternate with the
baseline: ``exadesk check --help`` (start-up alone: Python, the command
modules, argument parsing) and a whole ``exadesk check`` of a GitHub instance
served by the local emulator (start-up plus a real verification over HTTP,
which the baseline does not do). Goal: within 1.5 times the bare start.
"""

from __future__ import annotations

import os
import secrets
import string
import sys

from bench.common import bench_env, median_spread, ratio_row, run_process

GOAL = 1.5


def _token() -> str:
    return "ghp_" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(36))


def check_scenario(token: str) -> dict:
    """The GitHub emulator's scenario for the measured check: a classic token that administers one repository."""
    return {"tokens": {token: {"login": "exalate-proxy", "name": "Exalate Proxy", "id": 4101,
                               "kind": "classic", "scopes": ["repo"]}},
            "repos": {"acme/website": {"id": 1, "private": True, "owner_type": "Organization",
                                       "collaborators": {"exalate-proxy": "admin"}}}}


def check_command(url: str) -> list[str]:
    """``exadesk check`` of the scenario's repository at ``url``; the token comes from ``BENCH_GITHUB_TOKEN``."""
    return [sys.executable, "-m", "exadesk", "check", "github", "--url", url, "--auth", "classic",
            "--secret-env", "BENCH_GITHUB_TOKEN", "--project", "acme/website"]


def run(runs: int = 9) -> list[dict]:
    """CLI start-up rows; ``runs`` fresh processes of each kind."""
    from exadesk.sandbox.github import GitHubEmulator

    token = _token()
    env = bench_env()
    env["BENCH_GITHUB_TOKEN"] = token
    baseline_cmd = [sys.executable, "-c", "import requests"]
    help_cmd = [sys.executable, "-m", "exadesk", "check", "--help"]
    with GitHubEmulator(check_scenario(token)) as emulator:
        check_cmd = check_command(emulator.url)
        for cmd in (baseline_cmd, help_cmd, check_cmd):  # warm the disk cache; the check must succeed
            _wall, _first, _rss, out = run_process(cmd, env)
        samples: dict[str, list[float]] = {"bare": [], "help": [], "check": []}
        for _ in range(runs):
            for kind, cmd in (("bare", baseline_cmd), ("help", help_cmd), ("bare", baseline_cmd),
                              ("check", check_cmd)):
                samples[kind].append(run_process(cmd, env)[0])
    assert token not in out  # the secret never reaches the output
    bare, _ = median_spread(samples["bare"])
    help_ms, help_spread = median_spread(samples["help"])
    check_ms, check_spread = median_spread(samples["check"])
    return [
        ratio_row('exadesk check --help (start-up) vs python -c "import requests"', help_ms, bare, GOAL,
                  unit="ms", spread=help_spread),
        ratio_row('exadesk check of a GitHub instance (local emulator) vs python -c "import requests"',
                  check_ms, bare, GOAL, unit="ms", spread=check_spread),
    ]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for r in run(3):
        print(r)
