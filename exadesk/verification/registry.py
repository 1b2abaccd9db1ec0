"""The tracker registry: each tracker module registers itself (as rclone's backends do).

A tracker is one module in the package ``exadesk.trackers`` (names starting with ``_`` are shared code) that
ends with ``register(SPEC, sys.modules[__name__])``. The package finds its modules by listing this folder, imports a
module the first time it is asked for (a check of one tracker imports only its module) and all of them once for the
catalogue, which is ordered by ``TrackerSpec.catalogue_order``. Adding a tracker is its module, its emulator and its
tests; nothing here or in the core changes.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Callable, Iterator

from exadesk.foundation import messages
from exadesk.foundation.checks import CheckResult
from exadesk.foundation.records import dataclass
from exadesk.verification.spec import Target, TrackerSpec, VerifyContext, validate_target

#: The package of the tracker modules (found by name, so that this module never imports it).
TRACKER_PACKAGE = "exadesk.trackers"


@dataclass(frozen=True)
class Tracker:
    """A registered tracker: its spec and the module (or any object) holding its entry points.

    ``verify_live(ctx)`` is required; ``validate_offline(target)``, ``verify_admin(ctx)``, ``FIXES``,
    ``NOT_FIXABLE`` (requirement key -> why no fix is declared) and ``fix_client(ctx)`` are optional.
    """

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


def register(spec: TrackerSpec, module) -> Tracker:
    """Add a tracker: called by each tracker module at its end (``register(SPEC, sys.modules[__name__])``).

    Registering the same id again replaces it (a reloaded module).
    """
    for notice in spec.notices:
        assert notice.tracker == spec.id, f"{spec.id}: notice {notice.id} is declared for {notice.tracker}"
    if spec.oauth is not None:
        assert spec.oauth.tracker == spec.id, f"{spec.id}: its OAuth profile is declared for {spec.oauth.tracker}"
    messages.register(spec.id, spec.messages)
    _REGISTRY[spec.id] = Tracker(spec, module)
    return _REGISTRY[spec.id]


def unregister(tracker_id: str) -> None:
    """Remove a registered tracker and its messages (tests that register a throwaway tracker clean up with it)."""
    tracker = _REGISTRY.pop(tracker_id, None)
    if tracker is not None:
        messages.unregister(tracker_id, tracker.spec.messages)


def module_names() -> list[str]:
    """The tracker modules, found by listing their package (none of them imported)."""
    package = importlib.import_module(TRACKER_PACKAGE)
    return sorted(info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_"))


def _import(name: str) -> None:
    module = importlib.import_module(f"{TRACKER_PACKAGE}.{name}")
    assert name in _REGISTRY, f"{module.__name__} must end with register(SPEC, sys.modules[__name__])"


_loaded_all = False


def _load() -> dict[str, Tracker]:
    global _loaded_all
    if not _loaded_all:
        for name in module_names():
            if name not in _REGISTRY:
                _import(name)
        _loaded_all = True
    return _REGISTRY


def all_trackers() -> list[Tracker]:
    """Every registered tracker, in catalogue order (however they were loaded)."""
    return sorted(_load().values(), key=lambda t: (t.spec.catalogue_order, t.spec.id))


def ids() -> list[str]:
    """The ids of every tracker, in catalogue order."""
    return [t.id for t in all_trackers()]


def oauth_profile(tracker_id: str):
    """The tracker's browser sign-in (its spec's ``oauth``), or None when it offers none or is unknown."""
    try:
        return get(tracker_id).spec.oauth
    except KeyError:
        return None


def oauth_profiles() -> dict:
    """Every tracker's OAuth profile by tracker id, in catalogue order."""
    return {t.id: t.spec.oauth for t in all_trackers() if t.spec.oauth is not None}


def all_notices() -> list:
    """Every tracker's lifecycle notices, in catalogue order."""
    return [n for t in all_trackers() for n in t.spec.notices]


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
    if key in module_names():  # start-up time: a check of one tracker imports only its module
        _import(key)
        return _REGISTRY[key]
    return _load()[key]


def tracker_name(tracker_id: str) -> str:
    """The tracker's display name (Jira Cloud); the id (jira_cloud) is for scripts and --json."""
    try:
        return get(tracker_id).spec.name
    except KeyError:
        return tracker_id


def field_label(tracker_id: str, method_id: str, field_name: str) -> str:
    """A credential field's label (API token) for its stored name (api_token)."""
    try:
        spec = get(tracker_id).spec
        methods = [spec.auth_method(method_id)] + list(spec.auth_methods)
    except KeyError:
        return field_name.replace("_", " ")
    for method in methods:
        found = method.field(field_name)
        if found is not None:
            return found.label
    return field_name.replace("_", " ")
