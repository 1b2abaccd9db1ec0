"""Signing in through the system browser: OAuth 2.0 for native apps (RFC 8252), shared by every tracker.

The authorization code flow with PKCE (RFC 7636, S256) through a loopback redirect on
127.0.0.1 and a random port, the state checked; the device flow (RFC 8628 style, as
Salesforce offers it); refresh (RFC 6749 section 6) and revocation (RFC 7009). Each
tracker's endpoints and rules are data (:class:`OAuthProfile`), declared as the ``oauth`` of its spec in its tracker
module (exadesk/trackers/) and written from the vendor's docs, which each profile lists in ``docs``.

Nothing here imports Qt; the CLI (``exadesk login``) and the window drive the same functions.
No secret (code, verifier, token) ever goes into an exception text, a log line or a repr.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
import socket
import threading
import time
from dataclasses import field
from datetime import datetime, timedelta
from typing import Callable
from urllib.parse import parse_qs, urlencode, urlsplit

from exadesk.foundation import clock, messages
from exadesk.foundation.errors import ExaDeskError, Problem
from exadesk.foundation.records import dataclass
from exadesk.verification.spec import SIGN_IN_PAGE, AuthMethod, Field, Step

#: Field names every OAuth sign-in uses, for all trackers (instance values and keychain entries).
CLIENT_ID, CLIENT_SECRET, ACCESS_TOKEN, REFRESH_TOKEN = "client_id", "client_secret", "access_token", "refresh_token"
#: How long the browser sign-in waits for the redirect by default.
DEFAULT_TIMEOUT = 300.0
CALLBACK_PATH = "/callback"
#: The longest one connection to the loopback receiver may take to send its request: a client dribbling a byte a
#: second must not outlive the sign-in's own timeout.
CONNECTION_SECONDS = 5.0

log = logging.getLogger(__name__)


class OAuthError(ExaDeskError):
    """A sign-in or refresh that did not give tokens; ``problem.reason`` names why (``oauth.*``).

    ``error`` keeps the tracker's own error words (never a secret) for callers that reword the problem.
    """

    def __init__(self, problem: Problem, error: str = ""):
        super().__init__(problem)
        self.error = error


@dataclass(frozen=True)
class OAuthProfile:
    """One tracker's OAuth endpoints and rules, as data.

    Attributes:
        tracker: the tracker id; ``name`` its display name.
        method_id: the tracker's auth method that holds the OAuth fields.
        client_secret: "required" (the tracker always wants it) or "optional" (only for confidential clients).
        token_body: "form" (application/x-www-form-urlencoded) or "json".
        device: the tracker offers the device flow (``response_type=device_code`` on the token endpoint).
        user_required: ``exadesk login`` needs ``--user`` (the proxy user's user name).
        password_grant: the tracker offers the resource-owner password grant (ServiceNow, where allowed).
        refresh_lifespan: how long a refresh token lives when the tracker does not say (None: until revoked).
        register_steps / register_link: where the admin registers the OAuth client (``{url}`` is the instance).
        docs: the vendor pages this profile was written from.
    """

    tracker: str
    name: str
    method_id: str
    authorize_path: str
    token_path: str
    revoke_path: str = ""
    revoke_style: str = "form"  # "form": POST token=...; "bearer_delete": DELETE with the token as Bearer
    scopes: tuple[str, ...] = ()
    client_secret: str = "optional"
    token_body: str = "form"
    device: bool = False
    password_grant: bool = False
    user_required: bool = False  # the sign-in needs the proxy user's user name (``exadesk login --user``)
    refresh_lifespan: timedelta | None = None
    register_steps: tuple[str, ...] = ()
    register_link: str = ""
    docs: tuple[str, ...] = ()

    @property
    def secret_required(self) -> bool:
        return self.client_secret == "required"


# -- the sign-in method a tracker declares -----------------------------------------------------------


def sign_in_method(profile: OAuthProfile, *, label: str, description: str, client_id_hint: str,
                   client_id_example: str = "", client_id_pattern: str = r"\S{6,}", before: tuple = ()):
    """The AuthMethod of a tracker's browser sign-in, built from its profile: the same field names everywhere.

    Fields: ``client_id`` (not secret), ``client_secret`` (secret; required only where the profile says),
    ``refresh_token`` (secret, filled in by the sign-in); ``before`` adds tracker fields in front (a user name).
    The access token is not a field: it is a cache the engine refreshes (exadesk.verification.tokens).
    """
    steps = [Step(text, link=profile.register_link if i == 0 else "",
                  link_label="Open the OAuth client settings" if i == 0 else "")
             for i, text in enumerate(profile.register_steps)]
    steps.append(Step("Click 'Sign in with the browser' (or run `exadesk login --instance NAME`) and sign in as the "
                      "proxy user. ExaDesk keeps the tokens only in your system keychain and renews them before "
                      "each check."))
    if profile.device:
        steps.append(Step("On a machine whose browser cannot reach this one, choose 'Sign in with a code' (`exadesk "
                          "login --device`) and enter the code on any device."))
    secret_hint = ("the client secret shown where the OAuth client was registered" if profile.secret_required else
                   "only if the OAuth client is confidential and asks for its secret; leave empty for PKCE")
    return AuthMethod(
        id=profile.method_id, label=label, description=description,
        fields=(*before,
                Field(CLIENT_ID, "Client ID", hint=client_id_hint, example=client_id_example,
                      pattern=client_id_pattern),
                Field(CLIENT_SECRET, "Client secret", secret=True, required=profile.secret_required,
                      advanced=not profile.secret_required, hint=secret_hint),
                Field(REFRESH_TOKEN, "Refresh token", secret=True,
                      hint="filled in by 'Sign in with the browser'", pattern=r"\S{20,}")),
        steps=tuple(steps), custom_page=SIGN_IN_PAGE, core_refreshes_token=True)


# -- the secrets of one sign-in ---------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Pkce:
    """A PKCE pair: the verifier stays here, the S256 challenge goes in the authorization URL."""

    verifier: str
    challenge: str

    @classmethod
    def new(cls) -> "Pkce":
        verifier = secrets.token_urlsafe(64)[:96]  # 43..128 characters of [A-Za-z0-9-._~]
        return cls(verifier, s256(verifier))

    def __repr__(self) -> str:
        return "Pkce(****)"


def s256(verifier: str) -> str:
    """BASE64URL(SHA256(verifier)) without padding (RFC 7636 section 4.2)."""
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()


def new_state() -> str:
    """An unguessable state value tying the browser's answer to this request."""
    return secrets.token_urlsafe(24)


@dataclass(repr=False)
class TokenSet:
    """What a token endpoint gave. repr and str never show the tokens."""

    access_token: str
    refresh_token: str = ""
    expires_at: datetime | None = None
    refresh_expires_at: datetime | None = None
    instance_url: str = ""  # Salesforce: the org's address to call
    identity_url: str = ""  # Salesforce: the id URL naming org and user
    scope: str = ""

    def __repr__(self) -> str:
        return f"TokenSet(****, expires_at={self.expires_at}, instance_url={self.instance_url!r})"

    __str__ = __repr__


@dataclass(repr=False)
class DeviceCode:
    """A device-flow start: the person enters ``user_code`` at ``verification_uri``."""

    user_code: str
    verification_uri: str
    device_code: str = field(default="")
    interval: float = 5.0
    expires_at: float = 0.0  # time.monotonic()

    def __repr__(self) -> str:
        return f"DeviceCode(user_code={self.user_code!r}, verification_uri={self.verification_uri!r})"


def _problem(reason: str, profile: OAuthProfile | None = None, **params) -> Problem:
    if profile is not None:
        params.setdefault("tracker", profile.name)
    return messages.problem(reason, **params)


def _clean(text: str) -> str:
    """A vendor's error words for a message: printable, short (they come from a redirect anyone can forge)."""
    return "".join(c for c in str(text or "") if c.isprintable())[:200]


# -- URLs ------------------------------------------------------------------------------


def authorization_url(profile: OAuthProfile, base_url: str, client_id: str, redirect_uri: str, state: str,
                      pkce: Pkce) -> str:
    """The address to open in the browser."""
    params = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri, "state": state,
              "code_challenge": pkce.challenge, "code_challenge_method": "S256"}
    if profile.scopes:
        params["scope"] = " ".join(profile.scopes)
    return base_url.rstrip("/") + profile.authorize_path + "?" + urlencode(params)


# -- the loopback receiver ---------------------------------------------------------------

_PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>ExaDesk</title></head>"
         "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p></body></html>")


class LoopbackReceiver:
    """Listens on 127.0.0.1 at a random free port for the one redirect of a sign-in, then closes.

    Requests to other paths (a browser's favicon) get 404 and do not count; an answer with the wrong ``state``
    (not from this sign-in: any local process can send one) is logged and ignored, so it cannot end the sign-in.
    Each connection is served in its own thread and shut after :data:`CONNECTION_SECONDS`, so a slow or idle
    client never holds the receiver past the sign-in's timeout.
    """

    def __init__(self, port: int = 0):
        import html
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # only a sign-in needs it (CLI start-up)

        receiver = self
        self.params: dict[str, str] | None = None
        self.expected_state = ""
        self.ignored = 0  # answers with a state that was not this sign-in's
        self._lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            timeout = 2  # a browser's idle pre-connection must not hold the one-request loop

            def setup(self):
                super().setup()
                # A per-read timeout does not stop a client sending one byte a second: bound the whole connection.
                self._limit = threading.Timer(CONNECTION_SECONDS, _shut_quietly, (self.connection,))
                self._limit.daemon = True
                self._limit.start()

            def finish(self):
                self._limit.cancel()
                super().finish()

            def log_message(self, *args):  # the query holds the code: never log it
                pass

            def do_GET(self):  # noqa: N802 - the http.server name
                parts = urlsplit(self.path)
                if parts.path != CALLBACK_PATH:
                    self.send_error(404)
                    return
                params = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
                with receiver._lock:
                    if receiver.params is not None:
                        accepted = None
                    elif secrets.compare_digest(params.get("state", "").encode(), receiver.expected_state.encode()):
                        receiver.params, accepted = params, True
                    else:
                        receiver.ignored, accepted = receiver.ignored + 1, False
                if accepted is None:
                    self.send_error(404)
                    return
                if not accepted:
                    log.warning("The sign-in receiver ignored an answer that was not for this sign-in (wrong state).")
                    title, text = "Sign-in not accepted", "This answer was not for ExaDesk's current sign-in."
                elif params.get("error"):
                    title, text = "Sign-in declined", "Return to ExaDesk to try again."
                else:
                    title, text = "Signed in", "You can close this window and return to ExaDesk."
                body = _PAGE.format(title=html.escape(title), text=html.escape(text)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request, client_address):
                # Browsers close connections early (prefetch, a closed tab): not worth a traceback on the terminal.
                import sys

                log.info("A browser connection to the sign-in receiver ended early (%s).", sys.exc_info()[0].__name__)

        self._server = Server(("127.0.0.1", port), Handler)
        self._server.timeout = 0.1

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{CALLBACK_PATH}"

    def wait(self, timeout: float, cancel: threading.Event | None = None) -> dict[str, str]:
        """Serve until the redirect arrives; raises OAuthError on timeout or cancel. Closes the port either way.

        When the time runs out after answers with the wrong state only, that is the error (``oauth.state_mismatch``).
        """
        deadline = time.monotonic() + timeout
        try:
            while self.params is None:
                if cancel is not None and cancel.is_set():
                    raise OAuthError(messages.problem("oauth.cancelled"))
                if time.monotonic() > deadline:
                    if self.ignored:
                        raise OAuthError(messages.problem("oauth.state_mismatch"))
                    raise OAuthError(messages.problem("oauth.timeout", seconds=int(timeout)))
                try:
                    self._server.handle_request()
                except OSError:  # the listening socket's own trouble; each connection's is handled in its thread
                    continue
            return self.params
        finally:
            self.close()

    def close(self) -> None:
        self._server.server_close()


def _shut_quietly(connection) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


# -- token endpoint ------------------------------------------------------------------------


def token_client(profile: OAuthProfile, base_url: str, *, ca_bundle: str | None = None, proxy: str | None = None,
                 timeout: float = 20.0, cancel: threading.Event | None = None):
    """An HttpClient for the tracker's OAuth endpoints (the one HTTP layer: TLS, proxies, timeouts)."""
    from exadesk.verification.http import HttpClient, Page

    return HttpClient(base_url=base_url.rstrip("/"), page=Page(profile.name, None, base_url), cancel=cancel,
                      timeout=(min(10.0, timeout), timeout), ca_bundle=ca_bundle, proxy=proxy)


def _post_token(client, profile: OAuthProfile, form: dict[str, str], *, failure: str) -> TokenSet:
    """POST one grant; a refusal becomes ``failure`` (or oauth.rejected for a wrong client)."""
    form = {k: v for k, v in form.items() if v}
    if profile.token_body == "json":
        reply = client.request("POST", profile.token_path, json_body=form, auth=None, retry=False,
                               allow=(400, 401, 403))
    else:
        reply = client.request("POST", profile.token_path, data=form, auth=None, retry=False, allow=(400, 401, 403),
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    data = reply.json_or_none()
    data = data if isinstance(data, dict) else {}
    if reply.status >= 400 or not data.get("access_token"):
        error = _clean(data.get("error") or f"HTTP {reply.status}")
        description = _clean(data.get("error_description") or data.get("description") or "")
        if reply.status < 400:
            raise OAuthError(_problem("oauth.bad_reply", profile, what="no access token"))
        if error in ("authorization_pending", "slow_down"):
            raise _Pending(error)
        wrong_client = error in ("invalid_client", "invalid_client_id", "unauthorized_client")
        reason = "oauth.rejected" if wrong_client else failure
        words = f"{error}: {description}" if description else error
        raise OAuthError(_problem(reason, profile, error=words), words)
    return _token_set(data)


class _Pending(Exception):
    """The device flow's 'not yet approved' (or 'slow down') answer."""


def _token_set(data: dict) -> TokenSet:
    now = clock.now()

    def after(seconds) -> datetime | None:
        try:
            return now + timedelta(seconds=int(seconds)) if seconds not in (None, "") else None
        except (TypeError, ValueError):
            return None

    return TokenSet(access_token=str(data["access_token"]), refresh_token=str(data.get("refresh_token") or ""),
                    expires_at=after(data.get("expires_in")),
                    refresh_expires_at=after(data.get("refresh_token_expires_in")),
                    instance_url=str(data.get("instance_url") or ""), identity_url=str(data.get("id") or ""),
                    scope=str(data.get("scope") or ""))


def exchange_code(client, profile: OAuthProfile, code: str, redirect_uri: str, client_id: str,
                  client_secret: str, pkce: Pkce) -> TokenSet:
    """Trade the authorization code (and PKCE verifier) for tokens."""
    return _post_token(client, profile, {
        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri, "client_id": client_id,
        "client_secret": client_secret, "code_verifier": pkce.verifier}, failure="oauth.rejected")


def refresh(client, profile: OAuthProfile, refresh_token: str, client_id: str, client_secret: str = "") -> TokenSet:
    """A new access token from the refresh token; a refused refresh token means 'sign in again'.

    The reply may hold a new refresh token (rotation); when it holds none the old one stays valid.
    """
    tokens = _post_token(client, profile, {"grant_type": "refresh_token", "refresh_token": refresh_token,
                                           "client_id": client_id, "client_secret": client_secret},
                         failure="oauth.sign_in_again")
    if not tokens.refresh_token:
        tokens.refresh_token = refresh_token
    return tokens


def password_grant(client, profile: OAuthProfile, username: str, password: str, client_id: str,
                   client_secret: str) -> TokenSet:
    """The first token pair from the user's password, where the tracker allows it (ServiceNow)."""
    if not profile.password_grant:
        raise OAuthError(_problem("oauth.no_password_grant", profile))
    return _post_token(client, profile, {"grant_type": "password", "username": username, "password": password,
                                         "client_id": client_id, "client_secret": client_secret},
                       failure="oauth.rejected")


def revoke(client, profile: OAuthProfile, token: str) -> bool:
    """Ask the tracker to revoke a token; True when it confirmed. Never raises for a refusal."""
    if not profile.revoke_path:
        return False
    from exadesk.foundation.errors import CheckError

    try:
        if profile.revoke_style == "bearer_delete":
            from exadesk.verification.http import BearerAuth

            reply = client.request("DELETE", profile.revoke_path, auth=BearerAuth(token), retry=False,
                                   allow=(400, 401, 403, 404))
        else:
            reply = client.request("POST", profile.revoke_path, data={"token": token}, auth=None, retry=False,
                                   allow=(400, 401, 403, 404),
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    except CheckError:
        return False
    return 200 <= reply.status < 300


# -- whole flows ------------------------------------------------------------------------------


def sign_in_browser(profile: OAuthProfile, base_url: str, client_id: str, client_secret: str = "", *,
                    open_url: Callable[[str], object], timeout: float = DEFAULT_TIMEOUT,
                    cancel: threading.Event | None = None, client=None, port: int = 0) -> TokenSet:
    """The authorization code flow with PKCE through a loopback redirect.

    Args:
        open_url: called with the address to open (the system browser, or printing it).
        timeout: seconds to wait for the browser's answer (a closed browser never answers).
        cancel: set it to stop waiting.
        client: the HttpClient for the token endpoint (default: :func:`token_client`).

    Raises:
        OAuthError: ``oauth.timeout``, ``oauth.cancelled``, ``oauth.state_mismatch``, ``oauth.denied``,
        ``oauth.rejected``; nothing is returned, so nothing can be stored.
    """
    if profile.secret_required and not client_secret:
        raise OAuthError(_problem("oauth.secret_required", profile))
    pkce, state = Pkce.new(), new_state()
    receiver = LoopbackReceiver(port)
    receiver.expected_state = state
    try:
        url = authorization_url(profile, base_url, client_id, receiver.redirect_uri, state, pkce)
        open_url(url)
        params = receiver.wait(timeout, cancel)
    finally:
        receiver.close()
    if not secrets.compare_digest(params.get("state", ""), state):
        raise OAuthError(_problem("oauth.state_mismatch", profile))
    if params.get("error"):
        raise OAuthError(_problem("oauth.denied", profile, error=_clean(params.get("error_description")
                                                                       or params["error"])))
    if not params.get("code"):
        raise OAuthError(_problem("oauth.bad_reply", profile, what="no code in the browser's answer"))
    client = client or token_client(profile, base_url, cancel=cancel)
    return exchange_code(client, profile, params["code"], receiver.redirect_uri, client_id, client_secret, pkce)


def start_device(client, profile: OAuthProfile, client_id: str) -> DeviceCode:
    """Ask for a user code (Salesforce: POST response_type=device_code to the token endpoint)."""
    if not profile.device:
        raise OAuthError(_problem("oauth.no_device", profile))
    form = {"response_type": "device_code", "client_id": client_id}
    if profile.scopes:
        form["scope"] = " ".join(profile.scopes)
    reply = client.request("POST", profile.token_path, data=form, auth=None, retry=False, allow=(400, 401),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    data = reply.json_or_none()
    data = data if isinstance(data, dict) else {}
    if reply.status >= 400 or not data.get("device_code") or not data.get("user_code"):
        error = _clean(data.get("error_description") or data.get("error") or f"HTTP {reply.status}")
        raise OAuthError(_problem("oauth.rejected", profile, error=error))
    try:
        interval = max(1.0, float(data.get("interval") or 5))
    except (TypeError, ValueError):
        interval = 5.0
    expires = float(data["expires_in"]) if str(data.get("expires_in", "")).isdigit() else 600.0
    return DeviceCode(user_code=str(data["user_code"]), verification_uri=str(data.get("verification_uri") or ""),
                      device_code=str(data["device_code"]), interval=interval, expires_at=time.monotonic() + expires)


def poll_device(client, profile: OAuthProfile, device: DeviceCode, client_id: str, client_secret: str = "", *,
                timeout: float = DEFAULT_TIMEOUT, cancel: threading.Event | None = None) -> TokenSet:
    """Poll the token endpoint every ``interval`` seconds until approved, denied, expired, cancelled or timed out."""
    cancel = cancel or threading.Event()
    deadline = min(time.monotonic() + timeout, device.expires_at or float("inf"))
    interval = device.interval
    while True:
        if cancel.wait(interval):
            raise OAuthError(messages.problem("oauth.cancelled"))
        if time.monotonic() > deadline:
            raise OAuthError(messages.problem("oauth.timeout", seconds=int(timeout)))
        try:
            return _post_token(client, profile, {"grant_type": "device", "code": device.device_code,
                                                 "client_id": client_id, "client_secret": client_secret},
                               failure="oauth.denied")
        except _Pending as pending:
            if str(pending) == "slow_down":
                interval += 5


def sign_in_device(profile: OAuthProfile, base_url: str, client_id: str, client_secret: str = "", *,
                   show_code: Callable[[DeviceCode], object], timeout: float = DEFAULT_TIMEOUT,
                   cancel: threading.Event | None = None, client=None) -> TokenSet:
    """The device flow: show the code (``show_code``), then poll until the person approves it elsewhere."""
    client = client or token_client(profile, base_url, cancel=cancel)
    device = start_device(client, profile, client_id)
    show_code(device)
    return poll_device(client, profile, device, client_id, client_secret, timeout=timeout, cancel=cancel)
