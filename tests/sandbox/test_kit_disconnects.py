"""A client hanging up on an emulator mid-request is logged by the kit, never printed as a thread's traceback."""

from __future__ import annotations

import logging
import socket
import struct
import time


def test_a_reset_connection_is_logged_not_printed(emulators, capfd, caplog):
    emulator = emulators.start("github")
    host, port = emulator.url.removeprefix("http://").split(":")
    caplog.set_level(logging.DEBUG, logger="exadesk.sandbox.kit")
    with socket.create_connection((host, int(port))) as client:
        # Half a request with a body still to come, then an abortive close (RST): the server's read fails.
        client.sendall(b"POST /user HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any("went away" in r.getMessage() for r in caplog.records):
        time.sleep(0.02)
    assert any("went away (ConnectionResetError)" in r.getMessage() for r in caplog.records), caplog.records
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "ConnectionResetError" not in captured.err
