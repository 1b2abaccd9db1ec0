"""Emulators of the trackers' APIs, for tests and the ``exadesk sandbox`` demo.

An explicit list, one module per tracker, named like the tracker module. These
modules never import ``exadesk.trackers``.
"""

from __future__ import annotations

import importlib

from exadesk.sandbox.kit import Emulator

EMULATOR_MODULES: tuple[str, ...] = (
    "jira_cloud", "jira_onprem", "azure_devops", "github", "servicenow", "salesforce",
    "zendesk", "freshdesk", "freshservice", "asana", "hp_alm",
)


def emulator_class(tracker_id: str) -> type[Emulator]:
    """The emulator class of a tracker (each module defines ``EMULATOR``)."""
    module = importlib.import_module(f"{__name__}.{tracker_id}")
    return module.EMULATOR


def available() -> list[str]:
    out = []
    for name in EMULATOR_MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError:
            continue
        out.append(name)
    return out
