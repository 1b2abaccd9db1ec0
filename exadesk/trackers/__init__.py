"""The tracker registry: an explicit list, one module per tracker.

Adding a tracker is one module here plus its emulator and tests.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Callable, Iterator

from exadesk import messages
from exadesk.checks import CheckResult
from exadesk.trackers.base import Target, TrackerSpec, VerifyContext, validate_target

#: Module names under exadesk.trackers, in the order the catalogue shows them.
TRACKER_MODULES: tuple[str, ...] = (
    "jira_cloud",
    "jira_onprem",
    "azure_devops",
    "github",
    "servicenow",
    "salesforce",
    "zendesk",
    "freshdesk",
    "freshservice",
    "asana",
    "hp_alm",
)


@dataclass(frozen=True)
class Tracker:
    """A loaded tracker module: its spec and its two entry points."""

    spec: TrackerSpec
    module: ModuleType

    @property
    def id(self) -> str:
        return self.spec.id

    def validate_offline(self, target: Target, *, require_scope: bool = True) -> list[CheckResult]:
        results = validate_target(self.spec, target, require_scope=require_scope)
        extra: Callable | None = getattr(self.module, "validate_offline", None)
        scope_id = f"{self.spec.id}.scope"  # a missing scope does not hide a bad address from the tracker's checks
        if extra is not None and not any(r.status.value == "fail" and r.id != scope_id for r in results):
            results.extend(extra(target))
        return results

    def verify_live(self, ctx: VerifyContext) -> Iterator[CheckResult]:
        return self.module.verify_live(ctx)


_REGISTRY: dict[str, Tracker] = {}


def _add(name: str) -> Tracker:
    module = importlib.import_module(f"{__name__}.{name}")
    spec: TrackerSpec = module.SPEC
    assert spec.id == name, f"{name}: SPEC.id must equal the module name"
    messages.register(spec.id, spec.messages)
    _REGISTRY[spec.id] = Tracker(spec, module)
    return _REGISTRY[spec.id]


def _load() -> dict[str, Tracker]:
    for name in TRACKER_MODULES:
        if name not in _REGISTRY:
            _add(name)
    return _REGISTRY


def all_trackers() -> list[Tracker]:
    _load()
    return [_REGISTRY[name] for name in TRACKER_MODULES]  # catalogue order, however they were loaded


def _plain(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def closest(name: str) -> str:
    """The id of the tracker a misspelt ``name`` most likely means (``jiracloud``, ``Jira Cloud`` -> ``jira_cloud``),
    or "" when none is close."""
    import difflib

    wanted = _plain(name)
    if not wanted:
        return ""
    candidates: dict[str, str] = {}
    for tracker in all_trackers():
        candidates[_plain(tracker.spec.id)] = tracker.spec.id
        candidates[_plain(tracker.spec.name)] = tracker.spec.id
    if wanted in candidates:
        return candidates[wanted]
    match = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.6)
    return candidates[match[0]] if match else ""


def unknown(name: str):
    """The Problem for a tracker name that is not one: with "did you mean" when one is close."""
    guess = closest(name)
    if guess:
        return messages.problem("input.tracker_guess", value=name, guess=guess)
    return messages.problem("input.tracker", value=name)


def get(tracker_id: str) -> Tracker:
    """The tracker with this id (``jira_cloud``); also accepts ``jira-cloud``.

    Raises:
        KeyError: no such tracker.
    """
    key = tracker_id.strip().lower().replace("-", "_")
    if key in _REGISTRY:
        return _REGISTRY[key]
    if key in TRACKER_MODULES:  # start-up time: a check of one tracker imports only its module
        return _add(key)
    return _load()[key]
