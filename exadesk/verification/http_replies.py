"""What a reply or a failed exchange means: the bounded :class:`Reply`, a tracker's :class:`Page`, and the one
mapping of statuses, web pages, TLS and connection errors to a :class:`~exadesk.foundation.errors.Problem` a person
reads.

Status codes and exceptions become an :class:`~exadesk.foundation.errors.ErrorKind` here, once, never in the adapters; a
tracker's own recognition (``Page.diagnose``) runs first, in the client (exadesk.verification.http).
"""

from __future__ import annotations

import html
import json
import os
import re
from typing import TYPE_CHECKING, Callable
from urllib.parse import urlsplit

from exadesk.foundation import messages
from exadesk.foundation.errors import Problem
from exadesk.foundation.records import dataclass
from exadesk.verification.http_limits import human_wait, retry_after_seconds

if TYPE_CHECKING:
    import requests


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
    diagnose: Callable[[Reply, object], Problem | None] | None = None  # tracker's own recognition (reply, client)
    login_url: str = ""  # where a person signs in, named by login-page messages
    self_hosted: bool = False  # the tracker may run on a customer's server (which may lack https)


_MAINTENANCE = re.compile(rb"(hibernat|maintenance|temporarily unavailable|instance is waking|be right back)", re.I)
_LOGIN_FORM = re.compile(rb"(type=[\"']?password|already logged in|sign in|log in|login-form|j_username)", re.I)


def problem_of(reply: Reply, page: Page, reason: str, **params) -> Problem:
    """The Problem ``reason`` for ``reply``, naming the tracker, its address and where a person signs in."""
    params.setdefault("tracker", page.tracker)
    params.setdefault("url", origin(reply.url))
    params.setdefault("login_url", page.login_url or origin(reply.url))
    params.setdefault("status", reply.status)
    return messages.problem(reason, **params)


def status_problem(reply: Reply, page: Page, proxy: str | None = None) -> Problem | None:
    """What an answered request's status says went wrong, or None for a usable 2xx reply.

    ``proxy``: the proxy the client was given (named by a 407), when not the environment's.
    """
    status = reply.status
    if 200 <= status < 300:
        if not reply.looks_like_html():
            return None
        # 203 Non-Authoritative: a gateway answered instead of the API (Azure DevOps' sign-in page),
        # whatever words the page uses.
        reason = classify_html(reply)
        where = {"login_url": _form_action(reply)} if reason == "http.sso_redirect" else {}
        return problem_of(reply, page, "http.login_page" if status == 203 and reason == "http.html" else reason,
                          **{k: v for k, v in where.items() if v})
    path = urlsplit(reply.url).path
    if status == 407:
        return messages.problem("network.proxy_auth", host=urlsplit(reply.url).hostname or "",
                                proxy=proxy_name(proxy, reply.url))
    named = {401: ("auth", {}), 403: ("forbidden", {"what": path}), 404: ("not_found", {"what": path}),
             429: ("rate_limited", {"retry_after": human_wait(retry_after_seconds(reply.headers.get("Retry-After")))})}
    if status in named:
        reason, params = named[status]
        return problem_of(reply, page, reason, **params)
    if status >= 500:
        return problem_of(reply, page, "http.server_error", status=status)
    return problem_of(reply, page, "unexpected_response", what=f"HTTP {status}")


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
    return strip_query(html.unescape(match.group(1).decode("utf-8", errors="replace")))


def classify_tls(exc: Exception, host: str, *, self_hosted: bool = False, tracker: str = "", url: str = "") -> Problem:
    """What a failed TLS handshake means: plain http, a self-signed or strict certificate, a name mismatch."""
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
    """What a connection that failed before any reply means (name lookup, refused, timed out, reset)."""
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


def proxy_name(proxy: str | None, url: str) -> str:
    """The proxy a request to ``url`` went through, and which setting named it."""
    if proxy:
        return origin(proxy)
    import requests

    proxies = requests.utils.get_environ_proxies(url)
    scheme = urlsplit(url).scheme
    value = proxies.get(scheme) or proxies.get("all") or "configured in the environment"
    name = origin(value) if "://" in value else value
    # requests reads the proxy from environment variables, not the Windows/PAC settings: say which one, so the
    # person knows where it came from.
    source = next((v for v in (f"{scheme.upper()}_PROXY", f"{scheme}_proxy", "ALL_PROXY", "all_proxy")
                   if os.environ.get(v)), "")
    return f"{name} (set by {source})" if source else name



def origin(url: str) -> str:
    parts = urlsplit(url)
    if not parts.hostname:
        return url
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname  # IPv6 keeps its brackets
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def strip_query(url: str) -> str:
    """The address without its query (which may carry a token)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else url

