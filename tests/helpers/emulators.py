"""Starting emulators in tests."""

from __future__ import annotations

import threading

from exadesk import sandbox
from exadesk.sandbox.kit import Emulator


class EmulatorFactory:
    def __init__(self):
        self.running: list[Emulator] = []

    def start(self, tracker_id: str, scenario: dict | None = None, **kwargs) -> Emulator:
        emulator = sandbox.emulator_class(tracker_id)(scenario, **kwargs).start()
        self.running.append(emulator)
        return emulator

    def stop_all(self) -> None:
        for emulator in self.running:
            emulator.stop()
        self.running.clear()


def only_reads(emulator) -> bool:
    """Whether every request the emulator saw was a read: a GET, or a non-GET its tracker declares a read."""
    from exadesk.verification import registry
    from exadesk.verification.http import is_declared_read

    reads = registry.get(emulator.tracker).spec.non_get_reads
    return all(is_declared_read(r.method, emulator.url + r.path, r.json() if r.method == "POST" else None, reads)
               for r in emulator.requests)


def track_concurrency(emulator: Emulator) -> dict:
    """Wrap the emulator's handler to record the most requests it served at the same time (``state["peak"]``)."""
    state = {"now": 0, "peak": 0}
    lock = threading.Lock()
    original = emulator.handle

    def handle(request):
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        try:
            return original(request)
        finally:
            with lock:
                state["now"] -= 1

    emulator.handle = handle
    return state
