"""The shared table runner for tracker scenario tests.

A tracker test is mostly a table of ``Case``: a scenario for the emulator,
the CLI arguments, and what must come out (exit code, failing check ids,
error kind). :func:`run_case` starts the emulator, runs ``exadesk check --json``
with the secret in an environment variable, and asserts, including that the
secret never appears in the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Case:
    name: str
    # a dict, or a function giving one when the case runs (for dates relative to the pinned clock)
    scenario: dict | Callable[[], dict] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    code: int = 0
    fail: tuple[str, ...] = ()  # check ids that must fail
    warn: tuple[str, ...] = ()
    passed: tuple[str, ...] = ()
    kind: str | None = None  # error kind expected
    reason: str | None = None  # error reason key expected
    secrets: dict[str, str] = field(default_factory=dict)  # FIELD -> value; defaults to the emulator's demo ones

    def __str__(self) -> str:
        return self.name


def run_case(case: Case, tracker: str, emulators, cli, monkeypatch, base_args: tuple[str, ...] = ()):
    emulator = emulators.start(tracker, case.scenario() if callable(case.scenario) else case.scenario)
    secrets = case.secrets or dict(emulator.demo_secrets)
    args = ["check", tracker, "--url", emulator.url, "--json", *(base_args or emulator.demo_args), *case.args]
    for i, (name, value) in enumerate(secrets.items()):
        var = f"EXADESK_TEST_SECRET_{i}"
        monkeypatch.setenv(var, value)
        args += ["--secret-env", f"{name}={var}"]
    result = cli(*args)
    for value in secrets.values():
        assert value not in result.out and value not in result.err, "a secret leaked into the output"
    data = result.json()
    assert result.code == case.code, f"{case.name}: exit {result.code}, expected {case.code}: {result.out[:2000]}"
    statuses = result.statuses()
    for check_id in case.fail:
        assert statuses.get(check_id) == "fail", f"{case.name}: {check_id} is {statuses.get(check_id)}, expected fail"
    for check_id in case.warn:
        assert statuses.get(check_id) == "warn", f"{case.name}: {check_id} is {statuses.get(check_id)}, expected warn"
    for check_id in case.passed:
        assert statuses.get(check_id) == "pass", f"{case.name}: {check_id} is {statuses.get(check_id)}, expected pass"
    if case.kind is None:
        assert data["error"] is None, f"{case.name}: unexpected error {data['error']}"
    else:
        assert data["error"] and data["error"]["kind"] == case.kind, f"{case.name}: error {data['error']}"
        assert data["error"]["message"], "an error needs a sentence"
    if case.reason is not None:
        assert data["error"]["reason"] == case.reason, f"{case.name}: reason {data['error']['reason']}"
    if case.code == 0:
        assert data["ready"] is True
    else:
        assert data["ready"] is False
    return result, emulator


#: The emulator kit's misbehaviours and how every adapter must classify them:
#: fault name -> (exit code, error kind, reason or None).
KIT_FAULTS: dict[str, tuple[int, str, str | None]] = {
    "401": (1, "auth", None),
    "403": (1, "forbidden", None),
    "404": (1, "not_found", None),
    "429": (3, "rate_limited", None),
    "500": (3, "unexpected_response", "http.server_error"),
    "login_page": (3, "unexpected_response", "http.login_page"),
    "sso_redirect": (3, "unexpected_response", "http.sso_redirect"),
    "invalid_json": (3, "unexpected_response", "http.invalid_json"),
}


def kit_fault_cases(slow_passes: tuple[str, ...], reasons: dict[str, str] | None = None,
                    skip: tuple[str, ...] = ()) -> list[Case]:
    """One Case per kit misbehaviour, plus a slow reply that still arrives in time.

    Args:
        slow_passes: check ids that must pass when every reply is slow but within the timeout.
        reasons: a tracker's own reason for a fault where it recognises more
            (``{"401": "asana.token_rejected"}``).
        skip: faults this tracker's table covers with its own, more specific case.
    """
    reasons = reasons or {}
    cases = []
    for fault, (code, kind, reason) in KIT_FAULTS.items():
        if fault in skip:
            continue
        scenario = {"fault": {"kind": "429", "retry_after": 120}} if fault == "429" else {"fault": fault}
        cases.append(Case(fault.replace("_", "-"), scenario, code=code, kind=kind, reason=reasons.get(fault, reason)))
    cases.append(Case("slow-but-in-time", {"fault": {"kind": "slow", "delay": 0.3}}, passed=slow_passes))
    return cases
