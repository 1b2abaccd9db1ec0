"""The emulator kit: loopback HTTP servers that speak a tracker's API.

An emulator is a subclass of :class:`Emulator` that declares routes with
:func:`route` and reads its state from a scenario dict, typed by the emulator's
:attr:`Emulator.scenario_type` (a TypedDict) and checked when the emulator is made:
a misspelt key fails loudly instead of silently doing nothing. The kit adds what
every emulator needs: a free port, a request log (credentials recorded only
as digests), and misbehaviours on request (``scenario["fault"]``).

Emulators are written from the vendors' API documentation, like the
adapters, and never import an adapter: they must not echo its assumptions.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import logging
import re
import socket
import ssl
import sys
import threading
import time
import types
from dataclasses import field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, ClassVar, NotRequired, Required, TypedDict, Union, get_args, get_origin, \
    get_type_hints, is_typeddict
from urllib.parse import parse_qs, urlsplit

from exadesk.foundation.records import dataclass

log = logging.getLogger(__name__)

#: Misbehaviours every emulator supports through ``scenario["fault"]``.
FAULTS = (
    "401", "403", "404", "429", "500", "login_page", "sso_redirect", "invalid_json", "slow",
    "truncated", "huge", "wrong_content_type", "wrong_shape", "null_body", "hang",
)


class Fault(TypedDict, total=False):
    """A misbehaviour on request: ``kind`` from :data:`FAULTS`, only on paths matching ``path``, ``times`` times."""

    kind: Required[str]
    path: str  # a regular expression searched in the request path
    times: int  # how many requests misbehave; every one when absent
    delay: float  # seconds, for "slow"
    retry_after: int  # seconds, for "429"
    _used: int  # the kit's own count of the requests that misbehaved


class Scenario(TypedDict, total=False):
    """What every emulator's scenario may hold; each emulator's own TypedDict extends it with its keys."""

    fault: str | Fault  # a name from FAULTS, or a Fault


class ScenarioError(ValueError):
    """A scenario holds a key its emulator does not know (most often a misspelt one)."""


def check_scenario(kind: type, scenario: dict, where: str = "scenario") -> None:
    """Raise :class:`ScenarioError` naming the first key of ``scenario`` that ``kind`` (a TypedDict) does not
    declare, and the known ones. Records typed as TypedDicts inside it (directly, in a list or as the values of a
    dict) are checked the same way."""
    known = get_type_hints(kind)
    for key, value in scenario.items():
        if key not in known:
            raise ScenarioError(f"The {where} has no key {key!r}; known keys: {', '.join(sorted(known))}.")
        _check_value(known[key], value, f"{where}[{key!r}]")


def _check_value(hint: Any, value: Any, where: str) -> None:
    """Check ``value`` against the TypedDicts that ``hint`` names (other types are the emulator's business)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Required, NotRequired):
        _check_value(args[0], value, where)
    elif is_typeddict(hint) and isinstance(value, dict):
        check_scenario(hint, value, where)
    elif origin is dict and len(args) == 2 and isinstance(value, dict):
        for key, item in value.items():
            _check_value(args[1], item, f"{where}[{key!r}]")
    elif origin is list and args and isinstance(value, list):
        for index, item in enumerate(value):
            _check_value(args[0], item, f"{where}[{index}]")
    elif origin in (Union, types.UnionType):
        records = [a for a in args if is_typeddict(a)]
        if records and isinstance(value, dict):
            check_scenario(records[0], value, where)


@dataclass
class Request:
    """One request as the emulator saw it. The credential is kept only as a digest."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    credential: str = ""  # sha256 of the Authorization header (or the tracker's own auth header)
    reply_status: int = 0  # what the emulator answered (for conformance tests)
    reply_body: bytes = b""
    reply_type: str = ""

    def param(self, name: str, default: str = "") -> str:
        values = self.query.get(name)
        return values[0] if values else default

    def json(self) -> Any:
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            return None

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode("utf-8", "replace")).items()}

    def basic(self) -> tuple[str, str] | None:
        """The (user, password) of a Basic Authorization header, if any (RFC 7617)."""
        value = self.headers.get("authorization", "")
        if not value.lower().startswith("basic "):
            return None
        try:
            user, _, password = base64.b64decode(value[6:].strip()).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return None
        return user, password

    def bearer(self, scheme: str = "bearer") -> str | None:
        value = self.headers.get("authorization", "")
        if value.lower().startswith(scheme + " "):
            return value[len(scheme) + 1:].strip()
        return None


@dataclass
class Response:
    status: int = 200
    body: Any = None  # dict/list -> JSON; bytes/str -> as is
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"

    def encode(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


def json_response(body: Any, status: int = 200, **headers: str) -> Response:
    return Response(status, body, {k.replace("_", "-"): v for k, v in headers.items()})


def html_response(body: str, status: int = 200, **headers: str) -> Response:
    return Response(status, body, {k.replace("_", "-"): v for k, v in headers.items()}, "text/html; charset=utf-8")


_ROUTE_ATTR = "_emulator_routes"


def route(method: str, template: str) -> Callable:
    """Declare a handler for ``method`` and a path template such as ``/repos/{owner}/{repo}``."""

    def mark(func):
        routes = getattr(func, _ROUTE_ATTR, [])
        routes.append((method.upper(), template))
        setattr(func, _ROUTE_ATTR, routes)
        return func

    return mark


def _compile(template: str) -> re.Pattern:
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(f"^{pattern}$")


def deep_merge(base: dict, extra: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in (extra or {}).items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


@dataclass(frozen=True)
class DemoLogin:
    """How the demo signs in to an emulator, besides its secrets.

    Attributes:
        auth: the sign-in method's id ("" for the tracker's first method).
        user: the proxy user's name, for the method's user field ("" when it has none).
        scope: the projects (repositories, tables...) in scope; empty for the tracker's default.
    """

    auth: str = ""
    user: str = ""
    scope: tuple[str, ...] = ()

    def check_args(self) -> tuple[str, ...]:
        """The same sign-in as ``exadesk check`` arguments."""
        return (*(("--auth", self.auth) if self.auth else ()), *(("--user", self.user) if self.user else ()),
                *(arg for key in self.scope for arg in ("--project", key)))


class Emulator:
    """Base of every tracker emulator.

    Subclasses set ``tracker`` (the tracker id), ``default_scenario()`` and
    routes. ``scenario["fault"]`` makes the server misbehave: a name from
    :data:`FAULTS`, or a dict ``{"kind": ..., "path": regex, "times": n, "delay": s}``.
    """

    tracker = ""
    #: The scenario's keys and their types: a scenario with any other key is refused when the emulator is made.
    scenario_type: ClassVar[type] = Scenario
    #: Made-up demo credentials: secret field -> value; and the rest of the demo sign-in as data (which method, the
    #: proxy user's name, the projects in scope). The window's sandbox demo builds its instances from these;
    #: ``exadesk sandbox`` prints them as ``exadesk check`` arguments (:attr:`demo_args`).
    demo_secrets: dict[str, str] = {}
    demo_login: DemoLogin = DemoLogin()

    @property
    def demo_args(self) -> tuple[str, ...]:
        """The demo sign-in as ``exadesk check`` arguments (``("--user", "admin@example.com")``)."""
        return self.demo_login.check_args()

    def __init__(self, scenario: dict | None = None, *, host: str = "127.0.0.1", port: int = 0, tls: bool = False):
        check_scenario(self.scenario_type, scenario or {}, f"{type(self).__name__} scenario")
        self.scenario = deep_merge(self.default_scenario(), scenario or {})
        check_scenario(self.scenario_type, self.scenario, f"{type(self).__name__} default scenario")
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._routes = self._collect_routes()
        self._server = _Server((host, port), _Handler, self, _self_signed_context() if tls else None)
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self.tls = tls

    # -- life cycle --------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def start(self) -> "Emulator":
        # A key set on ``self.scenario`` after the emulator was made is checked too, before the first request.
        check_scenario(self.scenario_type, self.scenario, f"{type(self).__name__} scenario")
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"emulator-{self.tracker}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> "Emulator":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- what subclasses override -------------------------------------------------

    def default_scenario(self) -> dict:
        return {}

    def error(self, status: int, request: Request) -> Response:
        """The tracker's own body for an error status (override to match the vendor)."""
        return json_response({"message": {401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
                                          429: "Too Many Requests", 500: "Internal Server Error"}.get(status, "Error")},
                             status)

    def login_page(self, request: Request) -> Response:
        return html_response("<!DOCTYPE html><html><head><title>Log in</title></head><body><form action='/login' "
                             "method='post'><input name='username'><input type='password' name='password'>"
                             "<button>Log in</button></form></body></html>")

    def sso_location(self, request: Request) -> str:
        return "https://login.example-idp.test/app/sso/saml?SAMLRequest=fZJNb9swDIbv"

    # -- helpers for subclasses ---------------------------------------------------

    def count(self, credential_digest: str | None = None, path: str | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.requests
                       if (credential_digest is None or r.credential == credential_digest)
                       and (path is None or re.search(path, r.path)))

    @staticmethod
    def digest(header_value: str) -> str:
        return hashlib.sha256(header_value.encode()).hexdigest()

    # -- dispatch -----------------------------------------------------------------

    def _collect_routes(self):
        routes = []
        for name in dir(type(self)):
            func = getattr(type(self), name, None)
            for method, template in getattr(func, _ROUTE_ATTR, []):
                routes.append((method, _compile(template), template, getattr(self, name)))
        # Most specific first: longer literal templates win over parameterised ones.
        routes.sort(key=lambda r: (-len(re.sub(r"\{\w+\}", "", r[2])), r[2]))
        return routes

    def credential_header(self, headers: dict[str, str]) -> str:
        return headers.get("authorization", "")

    def handle(self, request: Request) -> Response | None:
        """Apply faults, then route. ``None`` means: never answer (the hang fault)."""
        fault = self._active_fault(request)
        if fault is not None:
            kind = fault["kind"]
            if kind == "slow":
                time.sleep(float(fault.get("delay", 2.0)))
            elif kind == "hang":
                return None
            else:
                return self._fault_response(kind, request, fault)
        for method, pattern, _template, handler in self._routes:
            if method != request.method:
                continue
            match = pattern.match(request.path)
            if match:
                return handler(request, **match.groupdict())
        return self.error(404, request)

    def _active_fault(self, request: Request) -> dict | None:
        fault = self.scenario.get("fault")
        if not fault:
            return None
        if isinstance(fault, str):
            fault = {"kind": fault}
        if fault.get("path") and not re.search(fault["path"], request.path):
            return None
        with self._lock:
            times = fault.get("times")
            if times is not None:
                used = fault.setdefault("_used", 0)
                if used >= times:
                    return None
                fault["_used"] = used + 1
                if isinstance(self.scenario.get("fault"), dict):
                    self.scenario["fault"] = fault
        return fault

    def _fault_response(self, kind: str, request: Request, fault: dict) -> Response:
        if kind.isdigit():
            status = int(kind)
            response = self.error(status, request)
            if status == 429:
                response.headers.setdefault("Retry-After", str(fault.get("retry_after", 30)))
            return response
        if kind == "login_page":
            return self.login_page(request)
        if kind == "sso_redirect":
            return Response(302, b"", {"Location": self.sso_location(request)}, "text/html")
        if kind == "invalid_json":
            return Response(200, b'{"self": "truncated', {}, "application/json")
        if kind == "truncated":
            return Response(200, b'{"name": "half', {"X-Emulator-Truncate": "1"}, "application/json")
        if kind == "huge":
            return Response(200, b"[" + b'"x",' * (10 * 2**20 // 4) + b'"x"]', {}, "application/json")
        if kind == "wrong_content_type":
            return Response(200, b"name=proxy&ok=1", {}, "text/plain")
        if kind == "wrong_shape":
            return Response(200, b"[1, 2, 3]", {}, "application/json")
        if kind == "null_body":
            return Response(200, b"null", {}, "application/json")
        raise ValueError(f"unknown fault {kind!r}; known: {', '.join(FAULTS)}")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, handler, emulator: Emulator, tls: ssl.SSLContext | None = None):
        self.emulator = emulator
        self.tls = tls
        super().__init__(address, handler)

    def finish_request(self, request, client_address):
        """Serve one connection, in its own thread; with TLS the handshake happens here too. (Wrapping the listening
        socket would do every handshake inside accept(), in the one serving thread: a check's concurrent connections
        would then wait on each other, and one slow handshake would stall the emulator.)"""
        if self.tls is None:
            super().finish_request(request, client_address)
            return
        with self.tls.wrap_socket(request, server_side=True) as secured:
            super().finish_request(secured, client_address)

    def handle_error(self, request, client_address):
        """A client that hangs up mid-request (a cancelled check, a timeout) is normal traffic: logged, not printed
        (socketserver prints a traceback to stderr, which ended up in the test output)."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError, ssl.SSLError)):
            log.debug("%s emulator: client %s went away (%s)", self.emulator.tracker, client_address[0],
                      type(exc).__name__)
        else:
            log.warning("%s emulator: error while serving %s", self.emulator.tracker, client_address[0],
                        exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; with Nagle on, the body waits for the client's delayed ACK
    # (about 40 ms per request on a kept-alive connection), which real servers do not add.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format, *args):  # the test output stays clean
        pass

    def _serve(self):
        emulator = self.server.emulator
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        cred = emulator.credential_header(headers)
        request = Request(self.command, parts.path, parse_qs(parts.query, keep_blank_values=True), headers, body,
                          Emulator.digest(cred) if cred else "")
        with emulator._lock:
            emulator.requests.append(request)
        try:
            response = emulator.handle(request)
        except Exception as exc:  # an emulator bug shows as a 500 with the reason, like a real server's error page
            response = json_response({"emulator_error": f"{type(exc).__name__}: {exc}"}, 500)
        if response is None:
            emulator._stopping.wait(600)
            self.close_connection = True
            return
        data = response.encode()
        request.reply_status, request.reply_type = response.status, response.content_type
        request.reply_body = data[: 2**20]
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        truncate = response.headers.pop("X-Emulator-Truncate", None)
        for key, value in response.headers.items():
            # A list sends the header once per value (several Set-Cookie lines, as session logins need).
            for one in (value if isinstance(value, (list, tuple)) else (value,)):
                self.send_header(key, one)
        self.send_header("Content-Length", str(len(data) + (4096 if truncate else 0)))
        if truncate:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _serve


_CERT_CACHE: dict[str, ssl.SSLContext] = {}


def _self_signed_context() -> ssl.SSLContext:
    """A TLS context with a fresh self-signed certificate for 127.0.0.1 (the TLS-failure scenario)."""
    if "ctx" in _CERT_CACHE:
        return _CERT_CACHE["ctx"]
    import datetime
    import ipaddress
    import os
    import tempfile

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ExaDesk emulator")])
    # The system clock on purpose, not exadesk.foundation.clock: OpenSSL checks the validity against the system clock,
    # and a certificate dated by a pinned test clock (say 2031) would be refused as not yet valid.
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    folder = tempfile.mkdtemp(prefix="exadesk-tls-")
    cert_path, key_path = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    _CERT_CACHE["ctx"] = context
    _CERT_CACHE["cert_path"] = cert_path  # type: ignore[assignment]
    return context


def self_signed_cert_path() -> str:
    """Path of the emulators' self-signed certificate (a CA bundle that makes TLS pass)."""
    _self_signed_context()
    return _CERT_CACHE["cert_path"]  # type: ignore[return-value]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
