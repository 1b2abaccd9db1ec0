"""Raw-socket servers that misbehave below HTTP: they trickle, stall or never finish a reply.

Each binds 127.0.0.1 only, serves every connection from its own daemon thread, and stops itself after
``lifetime`` seconds (or when the ``with`` block ends), so a test that forgets it never leaves it running.
"""

from __future__ import annotations

import socket
import threading
import time

#: A complete, valid reply; the trickling behaviours send it one byte at a time.
BODY = b'{"login": "slow", "id": 1, "name": "Slow"}'
REPLY = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(BODY), BODY)


def _drip(conn: socket.socket, data: bytes, stop: threading.Event, pause: float) -> None:
    for i in range(len(data)):
        if stop.is_set():
            return
        conn.sendall(data[i:i + 1])
        stop.wait(pause)


def _read_request(conn: socket.socket, stop: threading.Event) -> None:
    conn.settimeout(0.2)
    seen = b""
    while b"\r\n\r\n" not in seen and not stop.is_set():
        try:
            chunk = conn.recv(4096)
        except socket.timeout:
            continue
        if not chunk:
            return
        seen += chunk


def _behave(kind: str, conn: socket.socket, stop: threading.Event) -> None:
    if kind == "silent":  # accepts the connection, never reads or answers
        stop.wait()
        return
    _read_request(conn, stop)
    head, _, body = REPLY.partition(b"\r\n\r\n")
    if kind == "trickle_status":  # the status line itself, one byte at a time
        _drip(conn, REPLY, stop, 0.2)
    elif kind == "trickle_header":  # status at once, then an endless header line
        conn.sendall(head.split(b"\r\n")[0] + b"\r\nX-Slow: ")
        while not stop.is_set():
            _drip(conn, b"a", stop, 0.2)
    elif kind == "trickle_body":  # headers at once, the body one byte at a time
        conn.sendall(head + b"\r\n\r\n")
        _drip(conn, body, stop, 0.2)
    elif kind == "endless_continue":
        while not stop.is_set():
            conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            stop.wait(0.05)
    else:
        raise ValueError(kind)
    stop.wait()


class HostileServer:
    """``with HostileServer("trickle_body") as srv: ... srv.url`` (``http://127.0.0.1:PORT``)."""

    def __init__(self, kind: str, lifetime: float = 10.0):
        self.kind = kind
        self.lifetime = lifetime
        self.connections = 0
        self._stop = threading.Event()
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> "HostileServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)

    def _serve(self) -> None:
        ends = time.monotonic() + self.lifetime
        open_connections = []
        try:
            while not self._stop.is_set() and time.monotonic() < ends:
                try:
                    conn, _ = self._listener.accept()
                except socket.timeout:
                    continue
                self.connections += 1
                open_connections.append(conn)
                threading.Thread(target=self._one, args=(conn,), daemon=True).start()
        finally:
            self._stop.set()
            self._listener.close()
            for conn in open_connections:
                try:
                    conn.close()
                except OSError:
                    pass

    def _one(self, conn: socket.socket) -> None:
        try:
            _behave(self.kind, conn, self._stop)
        except OSError:  # the client gave up and closed its end: that is what the tests want
            pass
