"""exadesk/verification/http_transport.py: TLS (the trust store plus a CA bundle), proxies, the request's one
deadline."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.sandbox import kit
from exadesk.verification.http import BearerAuth, HttpClient, Page
from exadesk.verification.http_transport import ca_bundle_problem, make_ssl_context, seconds_text
from tests.helpers.scripted_http import OK, SECRET, server  # noqa: F401  (server: a fixture)
from tests.helpers.scripted_http import client as _client, reason as _reason


# -- TLS -----------------------------------------------------------------------------


def test_self_signed_certificate_is_refused_then_trusted_with_a_ca_bundle(server):
    srv = server({"/x": OK}, tls=True)
    problem = _reason(lambda: _client(srv.url).get("/x"))
    assert problem.kind is ErrorKind.TLS and problem.reason == "tls.self_signed"
    assert _client(srv.url, ca_bundle=kit.self_signed_cert_path()).get_json("/x") == {"ok": True}


def test_certificate_for_another_name(server):
    srv = server({"/x": OK}, tls=True)
    problem = _reason(lambda: _client(f"https://localhost:{srv.port}", ca_bundle=kit.self_signed_cert_path()).get("/x"))
    assert problem.kind is ErrorKind.TLS and problem.reason == "tls.hostname"


def test_plain_http_server_on_https_address_says_plain_http_not_certificates(server):
    srv = server({"/x": OK})
    problem = _reason(lambda: _client(f"https://127.0.0.1:{srv.port}").get("/x"))
    assert problem.kind is ErrorKind.TLS and problem.reason == "tls.plain_http"
    assert "plain http" in problem.message
    assert "certificate" not in f"{problem.message} {problem.next_step}".lower()


def test_plain_http_on_a_self_hosted_tracker_names_the_http_address_and_why_not(server):
    srv = server({"/x": OK})
    client = HttpClient(base_url=f"https://127.0.0.1:{srv.port}", page=Page("Jira", self_hosted=True),
                        timeout=(2.0, 2.0))
    problem = _reason(lambda: client.get("/x"))
    assert problem.reason == "tls.plain_http_self_hosted"
    assert f"http://127.0.0.1:{srv.port}" in problem.next_step and "never sends a credential" in problem.next_step


# -- proxies -------------------------------------------------------------------------


class _Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    status = 407

    def log_message(self, *a):
        pass

    def _refuse(self):
        self.send_response(self.status)
        if self.status == 407:
            self.send_header("Proxy-Authenticate", 'Basic realm="corp"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_CONNECT = do_GET = _refuse


@pytest.mark.parametrize("status, reason", [(407, "network.proxy_auth"), (403, "network.proxy")])
def test_proxy_refusals_name_the_proxy_but_not_its_password(status, reason):
    handler = type("P", (_Proxy,), {"status": status})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    proxy = f"http://corpuser:proxy-pass-9876@127.0.0.1:{httpd.server_address[1]}"
    try:
        problem = _reason(lambda: _client("https://jira.example.com", BearerAuth(SECRET), proxy=proxy).get("/x"))
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert problem.kind is ErrorKind.NETWORK and problem.reason == reason
    assert "proxy-pass-9876" not in problem.text() + repr(problem.details)


# -- CA bundles ----------------------------------------------------------------------


def test_a_ca_bundle_is_loaded_into_the_context():
    assert ca_bundle_problem(kit.self_signed_cert_path()) is None
    make_ssl_context(kit.self_signed_cert_path())  # does not raise


@pytest.mark.parametrize("make, why", [
    (lambda tmp: tmp / "missing.pem", "does not exist"),
    (lambda tmp: tmp, "is a folder"),
    (lambda tmp: (tmp / "junk.pem").write_text("not a certificate") and tmp / "junk.pem", "no certificate in PEM"),
])
def test_an_unusable_ca_bundle_says_why(tmp_path, make, why):
    path = str(make(tmp_path))
    problem = ca_bundle_problem(path)
    assert problem.reason == "input.ca_bundle" and why in problem.text()
    with pytest.raises(CheckError) as info:
        make_ssl_context(path)
    assert info.value.problem.reason == "input.ca_bundle"


def test_seconds_text():
    assert (seconds_text(20.0), seconds_text(2.5)) == ("20", "2.5")
