"""``exadesk sandbox``: start every emulator on loopback with a demo scenario."""

from __future__ import annotations

import sys
import time

from exadesk.foundation.exit_codes import EXIT_USAGE



def add_parser(sub) -> None:
    parser = sub.add_parser("sandbox", help="start the tracker emulators on loopback for a demo")
    parser.add_argument("--tracker", action="append", default=[], help="only these trackers")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this many seconds (0: until Ctrl+C)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from exadesk.verification import registry
    from exadesk.sandbox.demo import start_demo

    chosen = []
    for name in args.tracker:
        try:
            chosen.append(registry.get(name).spec.id)
        except KeyError:
            # Starting nothing and saying nothing would look like a sandbox that works.
            print(f"exadesk sandbox: {registry.unknown(name).text()}", file=sys.stderr)
            return EXIT_USAGE
    demo = start_demo(chosen or None)
    try:
        print("ExaDesk sandbox: emulators on loopback (made-up demo credentials).")
        for line in demo.describe():
            print(line)
        print("Press Ctrl+C to stop.")
        sys.stdout.flush()
        deadline = time.monotonic() + args.seconds if args.seconds else None
        while deadline is None or time.monotonic() < deadline:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        demo.stop()
    return 0
