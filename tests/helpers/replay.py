"""Replaying responses recorded from the real services (tests/data/recorded/) through a loopback HTTP server.

A recording file holds ``source`` (repository, path, commit, licence of the project that recorded it) and
``interactions``: method, path, optional ``query`` (every listed parameter must match), status, headers and the
body exactly as recorded. :class:`ReplayServer` answers a request with the first unused interaction for its
method and path (the last one again when all were used); a request nothing was recorded for gets a 501 and is kept
in :attr:`ReplayServer.unrecorded`, which the ``replay`` fixture turns into a test failure.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

RECORDED = Path(__file__).resolve().parents[1] / "data" / "recorded"


@dataclass
class Interaction:
    method: str
    path: str
    status: int
    headers: dict[str, str]
    body: str
    query: dict[str, str] = field(default_factory=dict)
    source: str = ""  # tracker/file it came from, for failure messages

    def matches(self, method: str, path: str, query: dict[str, str]) -> bool:
        return (method.upper() == self.method.upper() and path == self.path
                and all(query.get(k) == v for k, v in self.query.items()))


def load(name: str, *, method: str | None = None, path: str | None = None,
         query: dict[str, str] | None = None) -> list[Interaction]:
    """The interactions of ``tests/data/recorded/<name>``; ``method``/``path``/``query`` re-address them (a reply
    that answers any request the same way, such as the refusal of a credential, served where the adapter asks)."""
    document = json.loads((RECORDED / name).read_text(encoding="utf-8"))
    out = []
    for item in document["interactions"]:
        out.append(Interaction(method or item["method"], path or item["path"], int(item["status"]), dict(item["headers"]),
                               item["body"], dict(item.get("query") or {}) if query is None else dict(query), name))
    return out


def source(name: str) -> dict:
    """The provenance block of a recording file."""
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))["source"]


def bodies(name: str) -> list:
    """The decoded JSON bodies of a recording file's interactions."""
    return [json.loads(i.body) for i in load(name) if i.body]


class ReplayServer:
    """A loopback server that answers only with recorded interactions.

    ``mount`` is a path prefix the adapter puts before the recorded paths (GitHub Enterprise's ``/api/v3``: an
    adapter talks to a loopback address as to a GitHub Enterprise Server).
    """

    def __init__(self, interactions: list[Interaction], mount: str = ""):
        self.interactions = list(interactions)
        self.mount = mount
        self.used: list[Interaction] = []
        self.requests: list[tuple[str, str, dict[str, str], dict[str, str]]] = []  # method, path, query, headers
        self.unrecorded: list[str] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query, keep_blank_values=True))
                path = parts.path
                headers = {k.lower(): v for k, v in self.headers.items()}
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                found = server._find(self.command, path, query, headers)
                if found is None:
                    body = json.dumps({"message": "not recorded"}).encode()
                    self.send_response(501)
                    self.send_header("Content-Type", "application/json")
                else:
                    body = found.body.encode("utf-8")
                    self.send_response(found.status)
                    for name, value in found.headers.items():
                        if name.lower() not in ("content-length", "transfer-encoding", "content-encoding",
                                                "connection"):
                            self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _answer

            def log_message(self, *args):  # quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    def _find(self, method: str, path: str, query: dict[str, str], headers: dict[str, str]) -> Interaction | None:
        with self._lock:
            self.requests.append((method, path, query, headers))
            if self.mount:
                if not path.startswith(self.mount):
                    self.unrecorded.append(f"{method} {path}")
                    return None
                path = path[len(self.mount):] or "/"
            candidates = [i for i in self.interactions if i.matches(method, path, query)]
            if not candidates:
                self.unrecorded.append(f"{method} {path}?{'&'.join(f'{k}={v}' for k, v in query.items())}")
                return None
            fresh = [i for i in candidates if i not in self.used]
            chosen = fresh[0] if fresh else candidates[-1]
            self.used.append(chosen)
            return chosen

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "ReplayServer":
        self._thread = threading.Thread(target=self._server.serve_forever, name="replay", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
