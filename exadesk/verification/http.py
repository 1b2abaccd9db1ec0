"""The one HTTP client every adapter uses: :class:`HttpClient`, its credentials and the one-probe rule.

It owns timeouts, proxies, bounded retries for idempotent reads, a cap on reply size, redirect handling that
recognises login and SSO pages, the refusal of plain http to anything but loopback, the refusal of anything but a
declared read, and the "one probe per credential" rule (:class:`ProbeGuard`). Beside it:
exadesk.verification.http_limits (the per-host bound and Retry-After), exadesk.verification.http_transport (one
exchange's deadline, cancel and TLS) and exadesk.verification.http_replies (what a reply or a failure means, as a
Problem).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from dataclasses import field
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar
from urllib.parse import urljoin, urlsplit

from exadesk import __version__
from exadesk.foundation import messages
from exadesk.foundation.errors import CheckError, ErrorKind
# The names below are part of this module's interface: adapters and tests import them from exadesk.verification.http.
from exadesk.foundation.records import dataclass
from exadesk.verification.http_limits import (  # noqa: F401
    HOST_LIMITS, MAX_PER_HOST, MAX_RETRY_WAIT, POLL_SECONDS, HostLimiter, host_key, retry_after_seconds)
from exadesk.verification.http_replies import (  # noqa: F401
    Page, Reply, classify_connection_error, classify_html, classify_tls, problem_of, proxy_name, status_problem,
    strip_query)
from exadesk.foundation.validation import is_loopback
from exadesk.verification.http_transport import (  # noqa: F401
    Deadline, ca_bundle_problem, make_ssl_context, seconds_text, transport_adapter)

if TYPE_CHECKING:  # requests and urllib3 cost ~17 MB and ~30 ms: loaded on the first request, not on import
    import requests

log = logging.getLogger(__name__)
T = TypeVar("T")

USER_AGENT = f"ExaDesk/{__version__} (setup verification; read-only)"
DEFAULT_TIMEOUT = (5.0, 20.0)  # connect, read
MAX_BODY_BYTES = 8 * 1024 * 1024
RETRY_STATUSES = (429, 502, 503, 504)
#: Same-host redirects followed for one request; more is a loop (or a chain no API needs).
MAX_REDIRECTS = 3

@dataclass(frozen=True)
class DeclaredRead:
    """A request other than GET that verification may send, declared by the tracker that needs it (its spec's
    ``non_get_reads``) with the vendor's reference. A read-only POST asks a question too big for a query string;
    a session or token call creates a session or token, never tracker data.

    Attributes:
        path: the path's end (adapters may sit under a prefix such as ``/ex/jira/{cloudId}``).
        body: when given, the JSON body must pass it too (a GraphQL query, never a mutation).
    """

    method: str
    path: str
    reference: str
    body: Callable[[object], bool] | None = field(default=None, compare=False)

    def allows(self, method: str, path: str, json_body=None) -> bool:
        return (method == self.method.upper() and path.endswith(self.path.rstrip("/"))
                and (self.body is None or self.body(json_body)))


def is_declared_read(method: str, url: str, json_body=None, reads: Iterable[DeclaredRead] = ()) -> bool:
    """Whether verification may send ``method`` to ``url``: any GET/HEAD, or one of ``reads`` (the tracker's)."""
    method = method.upper()
    if method in ("GET", "HEAD"):
        return True
    path = urlsplit(url).path.rstrip("/")
    return any(read.allows(method, path, json_body) for read in reads)


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



_LOGIN_PATH = re.compile(r"(login|signin|sign-in|sso|saml|adfs|oauth2?/authorize|okta|auth/realms|idp|cas/)", re.I)


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
        verifying: refuse requests that are not reads: a GET, or one of ``reads`` (:func:`is_declared_read`).
        reads: the tracker's declared non-GET reads (its spec's ``non_get_reads``).
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
    reads: tuple[DeclaredRead, ...] = ()

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
            adapter = transport_adapter(make_ssl_context(self.ca_bundle))
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
        if self.verifying and not is_declared_read(method, self.url(path), json_body, self.reads):
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
            if self._retries(reply, host, retry=retry, attempt=attempt, allow=allow):
                attempt += 1
                continue
            if reply.status in allow:
                return reply
            self._classify(reply, use_auth)
            return reply

    # -- internals -------------------------------------------------------------

    def _retries(self, reply: Reply, host: str, *, retry: bool, attempt: int, allow: set) -> bool:
        """Whether to send the request again after ``reply`` (429, 502, 503, 504), having waited as it asked.

        A Retry-After of a 429/503 pauses every request to the host, not only this one (waited out in the limiter's
        slot); otherwise the back-off is slept here. No retry for a request that may not repeat, past the retries, or
        when the wait asked for is longer than :data:`MAX_RETRY_WAIT`.
        """
        asked = retry_after_seconds(reply.headers.get("Retry-After")) if reply.status in (429, 503) else None
        if asked is not None and asked <= MAX_RETRY_WAIT:
            self.limiter.pause(host, asked)
        if reply.status not in RETRY_STATUSES or not retry or attempt >= self.max_retries or reply.status in allow:
            return False
        wait = asked if asked is not None else retry_after_seconds(reply.headers.get("Retry-After"))
        if wait is None:
            wait = 0.5 * (2 ** attempt)
        if wait > MAX_RETRY_WAIT:
            return False
        if asked is None:
            self._sleep(wait)
        return True

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
            raise CheckError(messages.problem(reason, host=host, proxy=proxy_name(self.proxy, url))) from None
        except requests.exceptions.ConnectTimeout:
            raise CheckError(messages.problem("network.timeout", host=host, timeout=seconds_text(self.timeout[0]))) from None
        except requests.exceptions.ReadTimeout:
            raise CheckError(messages.problem("network.timeout", host=host, timeout=seconds_text(self.timeout[1]))) from None
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
                raise CheckError(messages.problem("network.timeout", host=host, timeout=seconds_text(self.timeout[1]))) from None
            raise CheckError(messages.problem("http.invalid_json", tracker=self.page.tracker, url=response.url)) from None
        return b"".join(chunks)

    def _refuse_redirect(self, reply: Reply, current: str, target: str, method: str, redirects: int) -> None:
        """Raise when a redirect must not be followed, naming why: to plain http, round in a loop, or to a sign-in."""
        if urlsplit(current).scheme == "https" and urlsplit(target).scheme == "http":
            # Checked first: following it would send the credential unencrypted, whatever the host.
            self._raise(reply, "http.insecure_redirect", target=strip_query(target))
        if self._is_login_redirect(current, target) or method != "GET":
            self._raise(reply, "http.sso_redirect", login_url=strip_query(target))
        if redirects >= MAX_REDIRECTS or target == current:
            self._raise(reply, "http.redirect_loop", target=strip_query(target), count=redirects + 1)

    def _is_login_redirect(self, current: str, target: str) -> bool:
        a, b = urlsplit(current), urlsplit(target)
        if (a.hostname, a.port) != (b.hostname, b.port) or a.scheme != b.scheme:
            return True  # never carry a credential to another host
        return bool(_LOGIN_PATH.search(b.path) or "SAMLRequest" in b.query)

    def _classify(self, reply: Reply, auth: Auth | None) -> None:
        if reply.status == 401 and auth is not None:
            self.guard.reject(auth)  # never sent again in this run
        problem = status_problem(reply, self.page, self.proxy)
        if problem is not None:
            raise CheckError(problem)

    def _raise(self, reply: Reply, reason: str, **params) -> None:
        raise CheckError(problem_of(reply, self.page, reason, **params))

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise CheckError(messages.problem("cancelled"))

    def _sleep(self, seconds: float) -> None:
        if self.cancel is not None:
            if self.cancel.wait(seconds):
                raise CheckError(messages.problem("cancelled"))
        else:
            time.sleep(seconds)


def _names(expect) -> str:
    if isinstance(expect, tuple):
        return " or ".join(t.__name__ for t in expect)
    return expect.__name__
