"""The one HTTP layer every adapter uses.

It owns timeouts, TLS (the OS trust store through truststore, plus an optional
CA bundle), proxies, bounded retries for idempotent reads, a cap on reply
size, redirect handling that recognises login and SSO pages, the refusal of
plain http to anything but loopback, and the "one probe per credential" rule.
Status codes and exceptions become an :class:`~exadesk.errors.ErrorKind`
here, once, never in the adapters.
"""

from __future__ import annotations

import hashlib
import html
import ipaddress
import json
import logging
import math
import os
import re
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Callable, Iterable, TypeVar
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from exadesk import __version__, clock, messages
from exadesk.errors import CheckError, ErrorKind, Problem

if TYPE_CHECKING:  # requests, urllib3 and ssl cost ~17 MB and ~30 ms: loaded on the first request, not on import
    import ssl

    import requests

log = logging.getLogger(__name__)
T = TypeVar("T")

USER_AGENT = f"ExaDesk/{__version__} (setup verification; read-only)"
DEFAULT_TIMEOUT = (5.0, 20.0)  # connect, read
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_RETRY_WAIT = 15.0
RETRY_STATUSES = (429, 502, 503, 504)
#: Same-host redirects followed for one request; more is a loop (or a chain no API needs).
MAX_REDIRECTS = 3
#: How often a waiting request looks at its deadline and cancel flag: Cancel ends a request within this (plus a thread switch).
POLL_SECONDS = 0.05
#: Requests in flight to one host at once, for the whole process: a check's concurrent reads and Verify all's
#: instances together (exadesk.instances.PER_HOST is this same number).
MAX_PER_HOST = 4

#: The only requests other than GET that verification sends, by method and path (the path's end, as adapters
#: may sit under a prefix such as /ex/jira/{cloudId}), each with the vendor's reference. Read-only POSTs ask a
#: question too big for a query string; session and token calls create a session or token, never tracker data.
#: Anything else is refused before it is sent (verification only reads).
NON_GET_READS: dict[tuple[str, str], str] = {
    ("POST", "/rest/api/3/permissions/check"):
        "https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/"
        "#api-rest-api-3-permissions-check-post",  # Get bulk permissions
    ("POST", "/authentication-point/alm-authenticate"):
        "https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/Authenticate_LWSSO.html",  # ALM sign-in
    ("POST", "/rest/site-session"):
        "https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/sessions.html",  # ALM session
    ("DELETE", "/rest/site-session"):
        "https://admhelp.microfocus.com/alm/api_refs/REST/Content/REST_API/sessions.html",  # ALM session end
    ("POST", "/graphql"):  # api.github.com/graphql and GHES /api/graphql; queries only (see is_declared_read)
        "https://docs.github.com/graphql/guides/forming-calls-with-graphql#about-queries",
    ("POST", "/api/now/v1/batch"):  # ServiceNow's Batch API; GET sub-requests only (see is_declared_read)
        "https://www.servicenow.com/docs/r/api-reference/rest-apis/batch-api.html",
    ("POST", "/oauth_token.do"):
        "https://www.servicenow.com/docs/r/platform-security/authentication/c_OAuthApplications.html",  # OAuth token
}


_GRAPHQL_QUERY = re.compile(r"\s*(query\b|\{)")  # a query document, never a mutation or subscription


def is_declared_read(method: str, url: str, json_body=None) -> bool:
    """Whether verification may send ``method`` to ``url``: any GET/HEAD, or one of :data:`NON_GET_READS`."""
    method = method.upper()
    if method in ("GET", "HEAD"):
        return True
    path = urlsplit(url).path.rstrip("/")
    if method == "POST" and path.endswith("/graphql"):
        query = json_body.get("query") if isinstance(json_body, dict) else None
        return isinstance(query, str) and _GRAPHQL_QUERY.match(query) is not None
    if method == "POST" and path.endswith("/api/now/v1/batch"):
        inner = json_body.get("rest_requests") if isinstance(json_body, dict) else None
        return isinstance(inner, list) and all(isinstance(r, dict) and r.get("method") == "GET" for r in inner)
    return any(method == m and path.endswith(p) for m, p in NON_GET_READS)


class HostLimiter:
    """At most ``per_host`` requests in flight to one host, and one pause for all of them after a Retry-After.

    One limiter serves the whole process (:data:`HOST_LIMITS`), so a check's concurrent reads and Verify all's
    instances together stay within the bound, and a 429/503 asking to wait holds back every request to that
    host, not only the one that got it. Waiting for a slot or a pause ends at once on Cancel.
    """

    def __init__(self, per_host: int = MAX_PER_HOST):
        self.per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._resume_at: dict[str, float] = {}  # host -> time.monotonic() when requests may go again

    @contextmanager
    def slot(self, host: str, cancel: threading.Event | None = None):
        """Hold one of ``host``'s slots while a request is sent; waits out a pause first."""
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.Semaphore(self.per_host))
        while True:
            self._wait_pause(host, cancel)
            if semaphore.acquire(timeout=0.05):
                break
        try:
            self._wait_pause(host, cancel)  # a pause that began while this request queued
        except BaseException:
            semaphore.release()
            raise
        try:
            yield
        finally:
            semaphore.release()

    def pause(self, host: str, seconds: float) -> None:
        """Hold every request to ``host`` for ``seconds`` (the tracker's Retry-After)."""
        with self._lock:
            self._resume_at[host] = max(self._resume_at.get(host, 0.0), time.monotonic() + seconds)

    def _wait_pause(self, host: str, cancel: threading.Event | None) -> None:
        while True:
            if cancel is not None and cancel.is_set():
                raise CheckError(messages.problem("cancelled"))
            with self._lock:
                left = self._resume_at.get(host, 0.0) - time.monotonic()
            if left <= 0:
                return
            if cancel is not None:
                cancel.wait(min(left, 0.1))
            else:
                time.sleep(min(left, 0.1))


#: The process's one per-host bound (see :class:`HostLimiter`).
HOST_LIMITS = HostLimiter()

# -- credentials ---------------------------------------------------------------


class Auth:
    """How a request proves who it is. Subclasses hide their secret from repr."""

    def headers(self) -> dict[str, str]:
        raise NotImplementedError

    def fingerprint(self) -> str:
        """A digest that identifies the credential in memory (never stored)."""
        material = "\0".join(f"{k}:{v}" for k, v in sorted(self.headers().items()))
        return hashlib.sha256(material.encode()).hexdigest()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} ****>"


class BasicAuth(Auth):
    def __init__(self, user: str, password: str):
        self._user, self._password = user, password

    def headers(self) -> dict[str, str]:
        import base64

        raw = f"{self._user}:{self._password}".encode()
        return {"Authorization": "Basic " + base64.b64encode(raw).decode()}


class BearerAuth(Auth):
    def __init__(self, token: str, scheme: str = "Bearer"):
        self._token, self._scheme = token, scheme

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"{self._scheme} {self._token}"}


class HeaderAuth(Auth):
    def __init__(self, name: str, value: str):
        self._name, self._value = name, value

    def headers(self) -> dict[str, str]:
        return {self._name: self._value}


class ProbeGuard:
    """Remembers credentials a tracker rejected so they are never sent again.

    One guard serves a whole run (a single check or verify-all): a rejected
    password sent again is how admins get locked out.
    """

    def __init__(self):
        self._rejected: set[str] = set()
        self._answered: set[str] = set()  # credentials the tracker has answered without rejecting
        self._probing: set[str] = set()  # credentials whose first request is on its way
        self._changed = threading.Condition()

    def reject(self, auth: Auth) -> None:
        with self._changed:
            self._rejected.add(auth.fingerprint())
            self._changed.notify_all()

    def is_rejected(self, auth: Auth) -> bool:
        with self._changed:
            return auth.fingerprint() in self._rejected

    def begin(self, auth: Auth, cancel: threading.Event | None = None) -> bool:
        """Wait while another thread sends this credential for the first time; True if this request is that first one.

        Verify-all runs instances in parallel, and two instances may share one credential: without this wait both
        would send it before either learnt it was rejected.
        """
        key = auth.fingerprint()
        with self._changed:
            while key in self._probing and not (cancel is not None and cancel.is_set()):
                self._changed.wait(0.1)
            if key in self._answered or key in self._rejected:
                return False
            self._probing.add(key)
            return True

    def settle(self, auth: Auth, answered: bool) -> None:
        """End a first request: an answer that did not reject the credential lets the others go ahead at once."""
        key = auth.fingerprint()
        with self._changed:
            self._probing.discard(key)
            if answered and key not in self._rejected:
                self._answered.add(key)
            self._changed.notify_all()


# -- deadlines and cancelling -----------------------------------------------------

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
                raise CheckError(messages.problem("network.timeout", host=self.host, timeout=_seconds(self.seconds)))
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]


def _shut(connection) -> None:
    sock = getattr(connection, "sock", None)
    if sock is None:
        return
    try:
        # socket.socket's own shutdown, also for an SSLSocket: ssl's override drops the TLS state under the reading thread.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def _seconds(value: float) -> str:
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


# -- replies -------------------------------------------------------------------


@dataclass
class Reply:
    """A bounded, already-read HTTP reply."""

    status: int
    headers: requests.structures.CaseInsensitiveDict
    body: bytes
    url: str

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def looks_like_html(self) -> bool:
        if "html" in self.content_type:
            return True
        head = self.body.lstrip()[:200].lower()
        return head.startswith(b"<!doctype html") or head.startswith(b"<html")

    def json_or_none(self):
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: absurdly nested JSON
            return None

    def too_deep(self) -> bool:
        """True when the body is JSON nested deeper than the decoder goes (a hostile reply, not data)."""
        try:
            json.loads(self.body)
        except RecursionError:
            return True
        except (ValueError, UnicodeDecodeError):
            pass
        return False


@dataclass
class Page:
    """How a tracker's API is reached: what the adapter tells the client once."""

    tracker: str  # display name, for messages
    diagnose: Callable[[Reply, "HttpClient"], Problem | None] | None = None  # tracker's own recognition
    login_url: str = ""  # where a person signs in, named by login-page messages
    self_hosted: bool = False  # the tracker may run on a customer's server (which may lack https)


_LOGIN_PATH = re.compile(r"(login|signin|sign-in|sso|saml|adfs|oauth2?/authorize|okta|auth/realms|idp|cas/)", re.I)
_MAINTENANCE = re.compile(rb"(hibernat|maintenance|temporarily unavailable|instance is waking|be right back)", re.I)
_LOGIN_FORM = re.compile(rb"(type=[\"']?password|already logged in|sign in|log in|login-form|j_username)", re.I)


def is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:  # "inf", "1e400" and "nan" are not a time anyone can wait: the same as no hint
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - clock.now().timestamp())
    except (TypeError, ValueError):
        return None


def _human_wait(seconds: float | None) -> str:
    if seconds is None:
        return "a minute"
    if seconds < 90:
        return f"{int(seconds) or 1} seconds"
    return f"{int(seconds // 60)} minutes"


def _transport_adapter(context: "ssl.SSLContext"):
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


# -- the client ----------------------------------------------------------------


@dataclass
class HttpClient:
    """A read-only client for one tracker instance in one verification run.

    Args:
        base_url: the API root the adapter derived (``https://x.atlassian.net``).
        page: the tracker's name and its own reply recognition.
        auth: the credential; ``None`` for anonymous calls.
        guard: shared by every client of the run (the one-probe rule).
        cancel: when set, the next request raises a cancelled error.
        limiter: the per-host bound and Retry-After pause (the process's :data:`HOST_LIMITS`).
        verifying: refuse requests that are not declared reads (:func:`is_declared_read`).
    """

    base_url: str
    page: Page
    auth: Auth | None = None
    guard: ProbeGuard = field(default_factory=ProbeGuard)
    cancel: threading.Event | None = None
    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    ca_bundle: str | None = None
    proxy: str | None = None
    max_bytes: int = MAX_BODY_BYTES
    max_retries: int = 2
    session: requests.Session | None = None
    requests_sent: int = 0
    limiter: HostLimiter = field(default_factory=lambda: HOST_LIMITS)
    verifying: bool = False

    def __post_init__(self):
        try:
            parts = urlsplit(self.base_url)
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError:  # "https://[" and the like
            parts = urlsplit("")
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise CheckError(messages.problem("input.url", value=self.base_url, tracker=self.page.tracker,
                                              example="https://your-instance.example.com"))
        if parts.scheme == "http" and not is_loopback(parts.hostname):
            raise CheckError(messages.problem("network.plain_http", host=parts.hostname))
        if self.session is None:
            import requests

            self.session = requests.Session()
            self.session.headers["User-Agent"] = USER_AGENT
            adapter = _transport_adapter(make_ssl_context(self.ca_bundle))
            self.session.mount("https://", adapter)
            self.session.mount("http://", adapter)
            if self.proxy:
                self.session.proxies = {"http": self.proxy, "https": self.proxy}
            # Otherwise requests honours HTTPS_PROXY / NO_PROXY and the system settings it can read.

    # -- public ----------------------------------------------------------------

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    def get(self, path: str, *, params=None, allow: Iterable[int] = (), headers=None, auth: Auth | None | bool = True) -> Reply:
        """GET a path and return the reply, raising a classified error unless its status is 2xx or in ``allow``."""
        return self.request("GET", path, params=params, allow=allow, headers=headers, auth=auth)

    def get_json(self, path: str, *, params=None, allow: Iterable[int] = (), headers=None, auth: Auth | None | bool = True,
                 expect: type | tuple = (dict, list)):
        """GET and decode JSON. A reply of the wrong shape is an unexpected_response."""
        reply = self.get(path, params=params, allow=allow, headers=headers, auth=auth)
        return self.decode(reply, expect)

    def decode(self, reply: Reply, expect: type | tuple = (dict, list)):
        data = reply.json_or_none()
        if data is None and reply.body.strip() not in (b"null",):
            self._raise(reply, "http.too_deep" if reply.too_deep() else "http.invalid_json", what="invalid JSON")
        if not isinstance(data, expect):
            self._raise(reply, "http.wrong_shape", what=f"{type(data).__name__} where {_names(expect)} was expected")
        return data

    def request(self, method: str, path: str, *, params=None, data=None, json_body=None, allow: Iterable[int] = (),
                headers=None, auth: Auth | None | bool = True, retry: bool | None = None) -> Reply:
        """Send one request (reads, plus the log-in/log-out/token calls some trackers need).

        Verification never changes tracker data: adapters only use POST/DELETE
        for session log-in and log-out and OAuth token endpoints.
        """
        if self.verifying and not is_declared_read(method, self.url(path), json_body):
            raise CheckError(messages.problem("http.not_a_read", method=method.upper(), path=urlsplit(self.url(path)).path,
                                              tracker=self.page.tracker))
        use_auth = self.auth if auth is True else (auth or None)
        first = use_auth is not None and self.guard.begin(use_auth, self.cancel)
        if use_auth is not None and self.guard.is_rejected(use_auth):
            raise CheckError(messages.problem("http.already_rejected"))
        answered = [False]
        try:
            return self._request(method, path, params=params, data=data, json_body=json_body, allow=allow,
                                 headers=headers, use_auth=use_auth, retry=retry, answered=answered)
        finally:
            if first:
                self.guard.settle(use_auth, answered[0])

    def _request(self, method, path, *, params, data, json_body, allow, headers, use_auth, retry, answered) -> Reply:
        retry = (method == "GET") if retry is None else retry
        url = self.url(path)
        allow = set(allow)
        attempt = 0
        redirects = 0
        while True:
            self._check_cancel()
            host = host_key(url)
            with self.limiter.slot(host, self.cancel):
                reply = self._send(method, url, params=params, data=data, json_body=json_body, headers=headers,
                                   auth=use_auth)
            answered[0] = True
            params = None if redirects else params
            if 300 <= reply.status < 400 and reply.status != 304:
                target = reply.headers.get("Location", "")
                next_url = urljoin(url, target)
                self._refuse_redirect(reply, url, next_url, method, redirects)
                url, redirects = next_url, redirects + 1
                params = None  # the Location carries its own query
                continue
            problem = self.page.diagnose(reply, self) if self.page.diagnose else None
            if problem is not None:
                if problem.kind is ErrorKind.AUTH and use_auth is not None:
                    self.guard.reject(use_auth)
                raise CheckError(problem)
            asked = _retry_after_seconds(reply.headers.get("Retry-After")) if reply.status in (429, 503) else None
            if asked is not None and asked <= MAX_RETRY_WAIT:
                self.limiter.pause(host, asked)  # every request to this host waits, not only this one
            if reply.status in RETRY_STATUSES and retry and attempt < self.max_retries and reply.status not in allow:
                wait = asked if asked is not None else _retry_after_seconds(reply.headers.get("Retry-After"))
                if wait is None:
                    wait = 0.5 * (2 ** attempt)
                if wait <= MAX_RETRY_WAIT:
                    attempt += 1
                    if asked is None:
                        self._sleep(wait)  # our own back-off; a Retry-After is waited out in the limiter's slot
                    continue
            if reply.status in allow:
                return reply
            self._classify(reply, use_auth)
            return reply

    # -- internals -------------------------------------------------------------

    def _send(self, method, url, *, params, data, json_body, headers, auth) -> Reply:
        send_headers = {"Accept": "application/json"}
        if headers:
            send_headers.update(headers)
        if auth is not None:
            send_headers.update(auth.headers())
        host = urlsplit(url).hostname or ""
        self.requests_sent += 1
        deadline = Deadline(self.request_seconds, self.cancel, host)
        return deadline.run(lambda: self._exchange(method, url, params=params, data=data, json_body=json_body,
                                                   headers=send_headers, host=host))

    @property
    def request_seconds(self) -> float:
        """The most one request may take from connecting to its last byte (the ``--timeout`` a person gave)."""
        return max(self.timeout)

    def _exchange(self, method, url, *, params, data, json_body, headers, host) -> Reply:
        """Send one request and read its bounded reply (in the Deadline's helper thread)."""
        import requests

        try:
            response = self.session.request(method, url, params=params, data=data, json=json_body, headers=headers,
                                            timeout=self.timeout, allow_redirects=False, stream=True)
        except requests.exceptions.SSLError as exc:
            raise CheckError(classify_tls(exc, host, self_hosted=self.page.self_hosted, tracker=self.page.tracker,
                                          url=url)) from None
        except requests.exceptions.ProxyError as exc:
            text = str(exc)
            reason = "network.proxy_auth" if "407" in text else "network.proxy"
            raise CheckError(messages.problem(reason, host=host, proxy=_proxy_name(self, url))) from None
        except requests.exceptions.ConnectTimeout:
            raise CheckError(messages.problem("network.timeout", host=host, timeout=_seconds(self.timeout[0]))) from None
        except requests.exceptions.ReadTimeout:
            raise CheckError(messages.problem("network.timeout", host=host, timeout=_seconds(self.timeout[1]))) from None
        except requests.exceptions.ConnectionError as exc:
            raise CheckError(classify_connection_error(exc, host)) from None
        except requests.exceptions.InvalidURL:
            raise CheckError(messages.problem("input.url", value=url, tracker=self.page.tracker,
                                              example="https://your-instance.example.com")) from None
        except requests.exceptions.RequestException as exc:
            raise CheckError(messages.problem("network", host=host, error=type(exc).__name__)) from None
        try:
            body = self._read_bounded(response, host)
        finally:
            response.close()
        return Reply(response.status_code, response.headers, body, url)

    def _read_bounded(self, response, host: str) -> bytes:
        import requests

        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise CheckError(messages.problem("network.too_large", host=host, limit_mb=self.max_bytes // 2**20,
                                              tracker=self.page.tracker))
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(65536):
                self._check_cancel()
                size += len(chunk)
                if size > self.max_bytes:
                    raise CheckError(messages.problem("network.too_large", host=host, limit_mb=self.max_bytes // 2**20,
                                                      tracker=self.page.tracker))
                chunks.append(chunk)
        except requests.exceptions.RequestException as exc:
            if isinstance(exc, (requests.exceptions.ReadTimeout, requests.exceptions.ConnectionError)) and "timed out" in str(exc):
                raise CheckError(messages.problem("network.timeout", host=host, timeout=_seconds(self.timeout[1]))) from None
            raise CheckError(messages.problem("http.invalid_json", tracker=self.page.tracker, url=response.url)) from None
        return b"".join(chunks)

    def _refuse_redirect(self, reply: Reply, current: str, target: str, method: str, redirects: int) -> None:
        """Raise when a redirect must not be followed, naming why: to plain http, round in a loop, or to a sign-in."""
        if urlsplit(current).scheme == "https" and urlsplit(target).scheme == "http":
            # Checked first: following it would send the credential unencrypted, whatever the host.
            self._raise(reply, "http.insecure_redirect", target=_strip_query(target))
        if self._is_login_redirect(current, target) or method != "GET":
            self._raise(reply, "http.sso_redirect", login_url=_strip_query(target))
        if redirects >= MAX_REDIRECTS or target == current:
            self._raise(reply, "http.redirect_loop", target=_strip_query(target), count=redirects + 1)

    def _is_login_redirect(self, current: str, target: str) -> bool:
        a, b = urlsplit(current), urlsplit(target)
        if (a.hostname, a.port) != (b.hostname, b.port) or a.scheme != b.scheme:
            return True  # never carry a credential to another host
        return bool(_LOGIN_PATH.search(b.path) or "SAMLRequest" in b.query)

    def _classify(self, reply: Reply, auth: Auth | None) -> None:
        status = reply.status
        host = urlsplit(reply.url).hostname or ""
        if status == 401:
            if auth is not None:
                self.guard.reject(auth)
            self._raise(reply, "auth")
        if status == 403:
            self._raise(reply, "forbidden", what=urlsplit(reply.url).path)
        if status == 404:
            self._raise(reply, "not_found", what=urlsplit(reply.url).path)
        if status == 407:
            raise CheckError(messages.problem("network.proxy_auth", host=host, proxy=_proxy_name(self, reply.url)))
        if status == 429:
            wait = _retry_after_seconds(reply.headers.get("Retry-After"))
            self._raise(reply, "rate_limited", retry_after=_human_wait(wait))
        if status >= 500:
            self._raise(reply, "http.server_error", status=status)
        if 200 <= status < 300:
            if reply.looks_like_html():
                # 203 Non-Authoritative: a gateway answered instead of the API (Azure DevOps' sign-in page),
                # whatever words the page uses.
                reason = classify_html(reply)
                where = {"login_url": _form_action(reply)} if reason == "http.sso_redirect" else {}
                self._raise(reply, "http.login_page" if status == 203 and reason == "http.html" else reason,
                            **{k: v for k, v in where.items() if v})
            return
        self._raise(reply, "unexpected_response", what=f"HTTP {status}")

    def _raise(self, reply: Reply, reason: str, **params) -> None:
        base = self.page.login_url or _origin(reply.url)
        params.setdefault("tracker", self.page.tracker)
        params.setdefault("url", _origin(reply.url))
        params.setdefault("login_url", base)
        params.setdefault("status", reply.status)
        raise CheckError(messages.problem(reason, **params))

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise CheckError(messages.problem("cancelled"))

    def _sleep(self, seconds: float) -> None:
        if self.cancel is not None:
            if self.cancel.wait(seconds):
                raise CheckError(messages.problem("cancelled"))
        else:
            time.sleep(seconds)


def classify_html(reply: Reply) -> str:
    """Name the kind of web page a JSON API answered with."""
    body = reply.body[:65536]
    if b"SAMLRequest" in body or b"SAMLResponse" in body:
        return "http.sso_redirect"
    if _MAINTENANCE.search(body):
        return "http.maintenance"
    if _LOGIN_FORM.search(body):
        return "http.login_page"
    return "http.html"


def _form_action(reply: Reply) -> str:
    """Where an auto-submitting SSO form (an IdP's SAMLRequest page) would send the person, without its query."""
    match = re.search(rb"<form[^>]*\saction=[\"']?(https?://[^\"'\s>]+)", reply.body[:65536], re.I)
    if not match:
        return ""
    return _strip_query(html.unescape(match.group(1).decode("utf-8", errors="replace")))


def classify_tls(exc: Exception, host: str, *, self_hosted: bool = False, tracker: str = "", url: str = "") -> Problem:
    text = str(exc)
    lowered = text.lower()
    if "wrong version number" in lowered or "http request" in lowered or "http_request" in lowered:
        # The server answered the TLS hello in plain http: no certificate is involved, the address is.
        secure = urlsplit(url)
        plain = f"http://{secure.netloc}" if secure.netloc else f"http://{host}"
        reason = "tls.plain_http_self_hosted" if self_hosted else "tls.plain_http"
        return messages.problem(reason, host=host, tracker=tracker or None, plain=plain)
    if "self-signed" in lowered or "self signed" in lowered or "unable to get local issuer" in lowered:
        return messages.problem("tls.self_signed", host=host)
    if "basic constraints" in lowered or "authority key identifier" in lowered or "not marked critical" in lowered:
        match = re.search(r"(Basic Constraints[^'\")]*|Missing Authority Key Identifier[^'\")]*)", text, re.I)
        return messages.problem("tls.strict_x509", host=host, error=(match.group(1) if match else "strict X.509 check"))
    if "hostname mismatch" in lowered or "doesn't match" in lowered:
        return messages.problem("tls.hostname", host=host)
    if "expired" in lowered:
        return messages.problem("tls.expired", host=host)
    match = re.search(r"\[SSL: ([A-Z_]+)\]|(CERTIFICATE_VERIFY_FAILED)", text)
    return messages.problem("tls", host=host, error=(match.group(1) or match.group(2)) if match else "handshake failed")


def classify_connection_error(exc: Exception, host: str) -> Problem:
    text = str(exc)
    if any(s in text for s in ("Name or service not known", "nodename nor servname", "getaddrinfo failed",
                               "Temporary failure in name resolution", "No address associated", "NameResolutionError")):
        return messages.problem("network.dns", host=host)
    if "Connection refused" in text or "ECONNREFUSED" in text or "actively refused" in text:
        return messages.problem("network.refused", host=host)
    if "timed out" in text.lower():
        return messages.problem("network.timeout", host=host, timeout="the allowed")
    if "RemoteDisconnected" in text or "Connection aborted" in text or "reset by peer" in text:
        return messages.problem("network", host=host)
    return messages.problem("network", host=host)


def _proxy_name(client: HttpClient, url: str) -> str:
    if client.proxy:
        return _origin(client.proxy)
    import requests

    proxies = requests.utils.get_environ_proxies(url)
    scheme = urlsplit(url).scheme
    value = proxies.get(scheme) or proxies.get("all") or "configured in the environment"
    name = _origin(value) if "://" in value else value
    # requests reads the proxy from environment variables, not the Windows/PAC settings: say which one, so the
    # person knows where it came from.
    source = next((v for v in (f"{scheme.upper()}_PROXY", f"{scheme}_proxy", "ALL_PROXY", "all_proxy")
                   if os.environ.get(v)), "")
    return f"{name} (set by {source})" if source else name


def host_key(url: str) -> str:
    """The host a per-host bound counts against: name and port (the scheme's when none is written).

    The one key of every per-host bound: requests here, verifications in ``engine.verify_many``.
    """
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # an unusable port fails later with a message; it counts against the text as written
        return url.lower()
    return f"{(parts.hostname or '').lower()}:{port or parts.scheme}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    if not parts.hostname:
        return url
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname  # IPv6 keeps its brackets
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def _strip_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else url


def _names(expect) -> str:
    if isinstance(expect, tuple):
        return " or ".join(t.__name__ for t in expect)
    return expect.__name__
