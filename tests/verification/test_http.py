"""The HTTP client (exadesk/verification/http.py): redirects, bounds on replies, the one-probe rule, deadlines and
Cancel.

How statuses are classified is in test_http_replies.py, retries and the per-host bound in test_http_limits.py,
TLS and proxies in test_http_transport.py."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from exadesk.foundation.errors import ErrorKind
from exadesk.sandbox import kit
from exadesk.sandbox.kit import Response
from exadesk.verification.http import BasicAuth, BearerAuth, HeaderAuth, ProbeGuard
from tests.helpers.scripted_http import OK, SECRET, server  # noqa: F401  (server: a fixture)
from tests.helpers.scripted_http import client as _client, reason as _reason


def test_json_round_trip_and_headers(server):
    srv = server({"/api/me": OK})
    client = _client(srv.url, BearerAuth(SECRET))
    assert client.get_json("/api/me", expect=dict) == {"ok": True}
    request = srv.requests[0]
    assert request.headers["authorization"] == f"Bearer {SECRET}"
    assert request.headers["accept"] == "application/json"
    assert "ExaDesk" in request.headers["user-agent"]


def test_allowed_status_is_returned(server):
    srv = server({"/x": Response(404, {"message": "no"})})
    assert _client(srv.url).get("/x", allow=(404,)).status == 404


def test_rejected_credential_is_never_sent_again(server):
    srv = server({"/a": Response(401, {}), "/b": OK})
    guard = ProbeGuard()
    client = _client(srv.url, BasicAuth("proxy", SECRET), guard=guard)
    assert _reason(lambda: client.get("/a")).reason == "auth"
    again = _client(srv.url, BasicAuth("proxy", SECRET), guard=guard)
    assert _reason(lambda: again.get("/b")).reason == "http.already_rejected"
    assert len(srv.requests) == 1
    # Another credential is still sent, and an anonymous 401 rejects nothing.
    assert _client(srv.url, BasicAuth("proxy", "other"), guard=guard).get("/b").status == 200


def test_401_is_not_retried(server):
    srv = server({"/a": Response(401, {})})
    _reason(lambda: _client(srv.url, HeaderAuth("X-Api-Key", SECRET)).get("/a"))
    assert len(srv.requests) == 1


def test_cross_host_redirect_never_carries_the_credential(server):
    other = server({"/steal": OK})
    srv = server({"/a": Response(302, b"", {"Location": f"http://localhost:{other.port}/steal"})})
    problem = _reason(lambda: _client(srv.url, BearerAuth(SECRET)).get("/a"))
    assert problem.reason == "http.sso_redirect"
    assert other.requests == []


def test_same_host_redirect_is_followed_with_the_credential(server):
    srv = server({"/old": Response(301, b"", {"Location": "/new"}), "/new": OK})
    assert _client(srv.url, BearerAuth(SECRET)).get_json("/old") == {"ok": True}
    assert [r.path for r in srv.requests] == ["/old", "/new"]


def test_redirect_loop_stops_and_is_named_a_loop(server):
    srv = server({"/a": Response(302, b"", {"Location": "/b"}), "/b": Response(302, b"", {"Location": "/a"})})
    problem = _reason(lambda: _client(srv.url).get("/a"))
    assert len(srv.requests) <= 4
    assert (problem.reason, problem.kind) == ("http.redirect_loop", ErrorKind.UNEXPECTED_RESPONSE)
    assert "single sign-on" not in problem.text()


def test_a_long_redirect_chain_is_named_a_loop_too(server):
    srv = server({f"/{i}": Response(302, b"", {"Location": f"/{i + 1}"}) for i in range(10)})
    assert _reason(lambda: _client(srv.url).get("/0")).reason == "http.redirect_loop"
    assert len(srv.requests) <= 4


def test_https_to_plain_http_redirect_is_named_and_not_followed(server):
    plain = server({"/api/me": OK})
    srv = server({"/api/me": Response(301, b"", {"Location": f"http://127.0.0.1:{plain.port}/api/me"})}, tls=True)
    problem = _reason(lambda: _client(srv.url, BearerAuth(SECRET), ca_bundle=kit.self_signed_cert_path()).get("/api/me"))
    assert (problem.reason, problem.kind) == ("http.insecure_redirect", ErrorKind.UNEXPECTED_RESPONSE)
    assert f"127.0.0.1:{plain.port}" in problem.message
    assert plain.requests == []  # the credential never travels unencrypted


def test_redirect_to_login_path_is_sso(server):
    srv = server({"/api": Response(302, b"", {"Location": "/login.jsp?os_destination=%2Fapi&token=abc"})})
    problem = _reason(lambda: _client(srv.url).get("/api"))
    assert problem.reason == "http.sso_redirect"
    assert "token=abc" not in problem.text(), "the query of a login URL is not repeated"


@pytest.mark.parametrize("body, reason", [
    (b"<!DOCTYPE html><form><input type='password'></form>", "http.login_page"),
    (b"<html><body>Your instance is hibernating. Wake it up.</body></html>", "http.maintenance"),
    (b"<html><form><input name=SAMLRequest></form></html>", "http.sso_redirect"),
    (b"<html><body>Hello</body></html>", "http.html"),
])
def test_html_instead_of_json(server, body, reason):
    srv = server({"/api": Response(200, body, {}, "text/html")})
    assert _reason(lambda: _client(srv.url).get("/api")).reason == reason


@pytest.mark.parametrize("body, expect, reason", [
    (b"{not json", dict, "http.invalid_json"),
    (b"[1, 2]", dict, "http.wrong_shape"),
    (b"null", dict, "http.wrong_shape"),
    (b"{}", list, "http.wrong_shape"),
    (b"", dict, "http.invalid_json"),
])
def test_decode_shapes(server, body, expect, reason):
    srv = server({"/api": Response(200, body)})
    assert _reason(lambda: _client(srv.url).get_json("/api", expect=expect)).reason == reason


def test_declared_too_large_is_refused_before_reading(server):
    srv = server({"/api": Response(200, b"[" + b"1," * 600_000 + b"1]")})
    problem = _reason(lambda: _client(srv.url, max_bytes=1_000_000).get("/api"))
    assert problem.reason == "network.too_large"


def test_chunked_body_beyond_the_cap_is_cut_off():
    """No Content-Length: the cap still holds while streaming."""

    class Chunked(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(100):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Chunked)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        problem = _reason(lambda: _client(f"http://127.0.0.1:{httpd.server_address[1]}", max_bytes=500_000).get("/"))
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert problem.reason == "network.too_large"


def test_truncated_body_is_classified(server):
    srv = server(scenario={"fault": "truncated"})
    problem = _reason(lambda: _client(srv.url).get_json("/x"))
    assert problem.kind in (ErrorKind.UNEXPECTED_RESPONSE, ErrorKind.NETWORK)


def test_plain_http_to_a_remote_host_is_refused_before_sending():
    problem = _reason(lambda: _client("http://jira.example.com", BearerAuth(SECRET)))
    assert problem.reason == "network.plain_http" and problem.kind is ErrorKind.BAD_INPUT


@pytest.mark.parametrize("url", ["ftp://x.example.com", "https://", "jira.example.com", "https:///path"])
def test_unusable_base_url_is_bad_input(url):
    assert _reason(lambda: _client(url)).kind is ErrorKind.BAD_INPUT


def test_hanging_server_times_out_in_time(server):
    srv = server(scenario={"fault": "hang"})
    started = time.monotonic()
    problem = _reason(lambda: _client(srv.url, timeout=(1.0, 0.5)).get("/x"))
    assert problem.reason == "network.timeout"
    assert time.monotonic() - started < 3


def test_connection_refused():
    problem = _reason(lambda: _client(f"http://127.0.0.1:{kit.free_port()}").get("/x"))
    assert problem.reason == "network.refused"


def test_unknown_host_is_dns():
    problem = _reason(lambda: _client("https://no-such-host.invalid").get("/x"))
    assert problem.reason in ("network.dns", "network")


def test_cancel_stops_before_sending(server):
    srv = server({"/x": OK})
    cancel = threading.Event()
    cancel.set()
    assert _reason(lambda: _client(srv.url, cancel=cancel).get("/x")).kind is ErrorKind.CANCELLED
    assert srv.requests == []


# -- TLS -----------------------------------------------------------------------------


# -- proxies -------------------------------------------------------------------------


def test_auth_objects_never_show_their_secret():
    for auth in (BasicAuth("u", SECRET), BearerAuth(SECRET), HeaderAuth("X-Key", SECRET)):
        assert SECRET not in repr(auth) and SECRET not in str(auth)
        assert SECRET not in auth.fingerprint()


# -- the whole request has one deadline; Cancel ends what is in flight ------------------------------------------


@pytest.mark.parametrize("kind", ["trickle_status", "trickle_header", "trickle_body", "endless_continue"])
def test_a_trickling_reply_ends_at_the_deadline(kind):
    """Each byte comes well inside the read timeout, so only a deadline on the whole request ends it."""
    from tests.helpers.hostile_servers import HostileServer

    with HostileServer(kind) as srv:
        started = time.monotonic()
        problem = _reason(lambda: _client(srv.url, BearerAuth(SECRET), timeout=(1.0, 1.0)).get("/x"))
        took = time.monotonic() - started
    assert problem.reason == "network.timeout"
    assert "1 seconds" in problem.message
    # Before the fix each ran until the test server stopped itself (10 s); the bound is generous for loaded machines.
    assert took < 4, f"{kind}: {took:.1f}s for a 1 s timeout"


@pytest.mark.parametrize("kind", ["silent", "trickle_body"])
def test_cancel_ends_a_request_in_flight_at_once(kind):
    from tests.helpers.hostile_servers import HostileServer

    cancel = threading.Event()
    with HostileServer(kind) as srv:
        timer = threading.Timer(0.3, cancel.set)
        timer.start()
        started = time.monotonic()
        problem = _reason(lambda: _client(srv.url, BearerAuth(SECRET), timeout=(20.0, 20.0), cancel=cancel).get("/x"))
        took = time.monotonic() - started
        timer.cancel()
    assert problem.kind is ErrorKind.CANCELLED
    # Before the fix: until the 20 s timeout or the server's end (7.9 s measured). The 1 s goal is in bench/.
    assert took < 0.3 + 2.5, f"cancel took {took - 0.3:.2f}s to end the request"


def test_an_aborted_request_shuts_its_socket():
    """The abandoned exchange does not keep reading: the server sees its connection closed."""
    import socket as socketlib

    listener = socketlib.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(2)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    cancel = threading.Event()
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(_reason(lambda: _client(url, cancel=cancel).get("/x"))))
    worker.start()
    try:
        conn, _ = listener.accept()
        conn.settimeout(2)
        conn.recv(4096)  # the request
        cancel.set()
        assert conn.recv(4096) == b"", "the client's socket is still open after cancel"
        conn.close()
    finally:
        listener.close()
        worker.join(2)
    assert outcome and outcome[0].kind is ErrorKind.CANCELLED
