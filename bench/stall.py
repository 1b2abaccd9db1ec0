"""The largest event-loop stall in the window while verify-all runs over 50 slow instances.

The real window (``exadesk.ui.app.build_window``) over a throw-away home whose
workspace holds 50 GitHub instances, each served by its own emulator that
answers every request after 200 ms. The workspace page's "Verify all" button is
clicked, and a 5 ms QTimer records the gap between its ticks until every run
has finished and been stored. The baseline is the same timer over the idle
window for one second, measured just before. Goal: no gap over 50 ms.

Run under QT_QPA_PLATFORM=offscreen (set here when unset).
"""

from __future__ import annotations

import os
import time

from bench.common import guard_pyside_refcount_bug, memory_keyring, row, slow_github_scenario, temp_home

STALL_LIMIT_MS = 50.0
TICK_MS = 5


class _Ticks:
    """A 5 ms QTimer that keeps the largest gap between two of its ticks."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.largest = 0.0
        self.gaps: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last:
            gap = (now - self.last) * 1000
            self.gaps.append(gap)
            self.largest = max(self.largest, gap)
        self.last = now

    def start(self) -> None:
        self.last, self.largest, self.gaps = 0.0, 0.0, []
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def _spin(app, seconds: float, until=None) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and not (until and until()):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.001)


def run(instances_count: int = 50, delay: float = 0.2) -> list[dict]:
    """The stall row; ``instances_count`` slow instances verified through the window's verify-all."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
    import keyring

    guard_pyside_refcount_bug()

    previous = keyring.get_keyring()
    keyring.set_keyring(memory_keyring())
    try:
        with temp_home():
            return _measure(instances_count, delay)
    finally:
        keyring.set_keyring(previous)


def _measure(count: int, delay: float) -> list[dict]:
    from exadesk.store.keychain import SecretStore
    from exadesk.store.model import Data, Instance, InstanceState, Workspace
    from exadesk.sandbox.github import GitHubEmulator
    from exadesk.store.storage import Store
    from exadesk.ui.app import build_window, create_app

    emulators, ws, keychain = [], Workspace(name="Bench"), SecretStore()
    window = None
    try:
        for i in range(count):
            token, scenario = slow_github_scenario(delay)
            emulators.append(GitHubEmulator(scenario).start())
            inst = Instance(tracker="github", name=f"bench-{i:02d}", url=emulators[-1].url, auth_method="classic",
                            secret_fields=["token"], scope=["acme/website"], state=InstanceState.PREPARED_OFFLINE)
            keychain.set(inst.id, "token", token)
            ws.instances.append(inst)
        Store().save(Data(workspaces=[ws]))

        app = create_app()
        window = build_window(app)
        window.show()
        _spin(app, 1.5)  # first paint, then the deferred catalogue
        ticks = _Ticks()

        ticks.start()  # baseline: the idle window
        _spin(app, 1.0)
        ticks.stop()
        idle = ticks.largest

        window.show_workspace(ws.id)
        _spin(app, 0.1)
        ticks.start()
        started = time.perf_counter()
        window.workspace_page.verify_button.click()
        _spin(app, 600, until=lambda: not window.runs and window.verify_all_run is None)
        _spin(app, 0.2)  # the last result is stored and shown
        wall = time.perf_counter() - started
        ticks.stop()
        stored = Store().load().data.workspaces[0].instances
        done = sum(1 for inst in stored if inst.history)
        if done != count:
            raise RuntimeError(f"only {done} of {count} instances were verified and stored")
        gaps = sorted(ticks.gaps)
        p99 = gaps[int(len(gaps) * 0.99) - 1] if gaps else 0.0
    finally:
        if window is not None:
            window.session.shutdown()
            window.close()
            window.deleteLater()
        for emulator in emulators:
            emulator.stop()
    return [row(f"largest event-loop stall in the window during verify-all ({count} instances, "
                f"{int(delay * 1000)} ms per request) vs the idle window", round(ticks.largest, 1), round(idle, 1),
                unit="ms", goal=f"<= {STALL_LIMIT_MS:.0f} ms", met=ticks.largest <= STALL_LIMIT_MS,
                spread=f"p99 {p99:.1f} ms, {len(gaps)} ticks over {wall:.1f} s")]


if __name__ == "__main__":
    for r in run():
        print(r)
