"""An IPv6 address (``http://[::1]:PORT``) reaches the server for every tracker: the brackets survive."""

from __future__ import annotations

import socket
import threading

import pytest

from exadesk import sandbox
from tests.helpers.built_trackers import all_ids, demo_command, require_built


class _Ipv6Listener:
    """Accepts on [::1], records the first request line of each connection, answers 503 and closes."""

    def __init__(self):
        self.lines: list[str] = []
        self.sock = socket.socket(socket.AF_INET6)
        self.sock.bind(("::1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://[::1]:{self.sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.lines.append(conn.recv(4096).split(b"\r\n")[0].decode("latin-1"))
                    conn.sendall(b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    pass

    def stop(self):
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


def _ipv6_available() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _ipv6_available(), reason="this machine has no IPv6 loopback")
@pytest.mark.parametrize("tracker_id", all_ids())
def test_an_ipv6_address_is_reached(tracker_id, cli, monkeypatch):
    require_built(tracker_id)
    emulator = sandbox.emulator_class(tracker_id)(None)  # for its demo arguments only; never started
    listener = _Ipv6Listener()
    try:
        args = demo_command(emulator, tracker_id, monkeypatch)
        args[args.index("--url") + 1] = listener.url
        result = cli(*args, "--timeout", "2")
    finally:
        listener.stop()
    error = result.json()["error"] or {}
    assert error.get("reason") != "input.url", f"{tracker_id}: {error.get('message')}"
    assert listener.lines, f"{tracker_id} never reached {listener.url}: {error.get('message')}"
