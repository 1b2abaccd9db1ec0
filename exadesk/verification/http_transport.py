"""One exchange on the wire: its deadline, its cancel, and the TLS it trusts.

:class:`Deadline` bounds one request from connecting to its last byte and ends it at once on Cancel, by shutting the
sockets the exchange opened (urllib3's pools are wrapped so their connections join the deadline).
:func:`make_ssl_context` trusts the operating system's store plus an optional CA bundle; :func:`ca_bundle_problem`
says why a bundle cannot serve. The client (exadesk.verification.http) sends every request through these.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import TYPE_CHECKING, Callable, TypeVar

from exadesk.foundation import messages
from exadesk.foundation.errors import CheckError, Problem
from exadesk.verification.http_limits import POLL_SECONDS

if TYPE_CHECKING:  # ssl and urllib3 are loaded on the first request, not on import
    import ssl

T = TypeVar("T")

_active = threading.local()  # the Deadline of the request this thread is sending, for the connections it opens


class Deadline:
    """The end of one request: one time limit for connect, headers and body together, and an early end on cancel.

    A server that trickles its reply one byte at a time (or sends endless ``100 Continue``) never trips a per-read
    socket timeout; a deadline on the whole exchange does. :meth:`run` sends the exchange from a helper thread and
    waits for it, looking at the clock and at ``cancel`` every :data:`POLL_SECONDS`: when either says stop, the
    sockets the exchange opened are shut (which wakes a read blocked on them) and the caller gets a classified error
    at once, whatever was in flight (name lookup, connect, TLS, headers, body).

    Any ``threading.Event`` serves as the cancel flag: setting it from any thread ends every request waiting on it.
    """

    def __init__(self, seconds: float, cancel: threading.Event | None = None, host: str = ""):
        self.seconds = seconds
        self.cancel = cancel
        self.host = host
        self.ends = time.monotonic() + seconds
        self._connections: list = []
        self._lock = threading.Lock()
        self._aborted = False

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    def adopt(self, connection) -> None:
        """Remember a connection the exchange uses, so an abort can shut its socket; shut it at once if too late."""
        with self._lock:
            self._connections.append(connection)
            aborted = self._aborted
        if aborted:
            _shut(connection)

    def abort(self) -> None:
        """Shut every socket the exchange opened: a thread blocked reading one wakes up with an error."""
        with self._lock:
            self._aborted = True
            connections, self._connections = self._connections, []
        for connection in connections:
            _shut(connection)

    def run(self, exchange: Callable[[], T]) -> T:
        """Run ``exchange`` (which sends one request and reads its reply) within the deadline; raise CheckError when
        the time runs out or the run is cancelled."""
        outcome: dict = {}
        finished = threading.Event()

        def send() -> None:
            _active.deadline = self
            try:
                outcome["value"] = exchange()
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread, which raises it
                outcome["error"] = exc
            finally:
                _active.deadline = None
                finished.set()

        # A daemon thread: an exchange abandoned after its deadline never keeps the process (or Ctrl+C) waiting.
        threading.Thread(target=send, name="exadesk-request", daemon=True).start()
        while not finished.wait(max(0.0, min(POLL_SECONDS, self.remaining()))):
            if self.cancelled():
                self.abort()
                raise CheckError(messages.problem("cancelled"))
            if self.remaining() <= 0:
                self.abort()
                raise CheckError(messages.problem("network.timeout", host=self.host, timeout=seconds_text(self.seconds)))
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]


def _shut(connection) -> None:
    sock = getattr(connection, "sock", None)
    if sock is None:
        return
    try:
        # socket.socket's own shutdown, also for an SSLSocket: ssl's override drops the TLS state under the reading
        # thread.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def seconds_text(value: float) -> str:
    """A number of seconds as a message shows it (``20``, ``2.5``)."""
    return f"{value:g}"


def _abortable_pools() -> dict:
    """urllib3 pool classes whose connections join the current thread's Deadline (built on first use: import cost)."""
    global _POOLS
    if _POOLS is None:
        from urllib3.connection import HTTPConnection, HTTPSConnection
        from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

        def joins(base):
            class Abortable(base):
                def connect(self):
                    _join(self)
                    return super().connect()

                def request(self, *args, **kwargs):
                    _join(self)
                    return super().request(*args, **kwargs)

            Abortable.__name__ = f"Abortable{base.__name__}"
            return Abortable

        class Pool(HTTPConnectionPool):
            ConnectionCls = joins(HTTPConnection)

        class TlsPool(HTTPSConnectionPool):
            ConnectionCls = joins(HTTPSConnection)

        _POOLS = {"http": Pool, "https": TlsPool}
    return _POOLS


_POOLS: dict | None = None


def _join(connection) -> None:
    deadline = getattr(_active, "deadline", None)
    if deadline is not None:
        deadline.adopt(connection)



def transport_adapter(context: "ssl.SSLContext"):
    """A requests transport adapter: ``context`` for direct and proxied TLS, and connections a Deadline can shut."""
    from requests.adapters import HTTPAdapter
    from urllib3.poolmanager import pool_classes_by_scheme as default_pools

    def abortable(manager):
        if manager.pool_classes_by_scheme is default_pools:  # not SOCKS: its pools are its own
            manager.pool_classes_by_scheme = _abortable_pools()
        return manager

    class TransportAdapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            kwargs["ssl_context"] = context
            super().init_poolmanager(*args, **kwargs)
            abortable(self.poolmanager)

        def proxy_manager_for(self, proxy, **kwargs):
            kwargs["ssl_context"] = context
            return abortable(super().proxy_manager_for(proxy, **kwargs))

    return TransportAdapter()


def make_ssl_context(ca_bundle: str | None = None) -> "ssl.SSLContext":
    """The OS trust store, plus ``ca_bundle`` when one is given."""
    import ssl

    try:
        import truststore

        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except ImportError:  # pragma: no cover - truststore is a dependency
        context = ssl.create_default_context()
    if ca_bundle:
        problem = ca_bundle_problem(ca_bundle, context)
        if problem is not None:
            raise CheckError(problem)
    return context


def ca_bundle_problem(path: str, context: "ssl.SSLContext | None" = None) -> Problem | None:
    """Why ``path`` cannot serve as extra certificate authorities (a missing file, not PEM), or None; loads it into
    ``context`` when one is given."""
    import ssl

    if context is None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        context.load_verify_locations(cafile=path)
    except FileNotFoundError:
        return messages.problem("input.ca_bundle", path=path, why="does not exist")
    except IsADirectoryError:
        return messages.problem("input.ca_bundle", path=path, why="is a folder, not a file")
    except PermissionError:
        return messages.problem("input.ca_bundle", path=path, why="cannot be read (no permission)")
    except (ssl.SSLError, OSError, ValueError, UnicodeError):
        return messages.problem("input.ca_bundle", path=path, why="holds no certificate in PEM form")
    return None

