"""The ``exadesk sandbox`` demo: every emulator on loopback with its demo scenario."""

from __future__ import annotations

from dataclasses import dataclass, field

from exadesk import sandbox
from exadesk.sandbox.kit import Emulator


@dataclass
class Demo:
    emulators: dict[str, Emulator] = field(default_factory=dict)

    def describe(self) -> list[str]:
        lines = []
        for tracker_id, emulator in self.emulators.items():
            creds = ", ".join(f"{k}={v}" for k, v in emulator.demo_secrets.items())
            extra = " ".join(emulator.demo_args)
            lines.append(f"  {tracker_id:13} {emulator.url:24} {creds}  {extra}".rstrip())
        return lines

    def stop(self) -> None:
        for emulator in self.emulators.values():
            emulator.stop()


def start_demo(only: list[str] | None = None) -> Demo:
    demo = Demo()
    for tracker_id in sandbox.available():
        if only and tracker_id not in only:
            continue
        demo.emulators[tracker_id] = sandbox.emulator_class(tracker_id)().start()
    return demo
