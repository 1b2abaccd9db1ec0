"""exadesk/sandbox (its __init__): the explicit list of emulators, one module per tracker, found by tracker id."""

from __future__ import annotations

import pytest

from exadesk import sandbox
from exadesk.sandbox.kit import Emulator
from exadesk.verification import registry


def test_every_registered_tracker_has_exactly_one_emulator_module():
    assert sorted(sandbox.EMULATOR_MODULES) == sorted(t.spec.id for t in registry.all_trackers())
    assert len(set(sandbox.EMULATOR_MODULES)) == len(sandbox.EMULATOR_MODULES)


@pytest.mark.parametrize("tracker", sandbox.EMULATOR_MODULES)
def test_emulator_class_is_the_modules_emulator_for_that_tracker(tracker):
    emulator = sandbox.emulator_class(tracker)
    assert issubclass(emulator, Emulator) and emulator.tracker == tracker


def test_an_unknown_tracker_has_no_emulator():
    with pytest.raises(ModuleNotFoundError):
        sandbox.emulator_class("kanbanly")


def test_available_lists_every_emulator_in_order():
    assert sandbox.available() == list(sandbox.EMULATOR_MODULES)
