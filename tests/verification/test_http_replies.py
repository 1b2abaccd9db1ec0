"""exadesk/verification/http_replies.py: what a reply, a failed handshake or a failed connection is classified as."""

from __future__ import annotations

import pytest

from exadesk.foundation.errors import ErrorKind
from exadesk.verification.http import BearerAuth, Reply
from exadesk.verification.http_replies import (Page, classify_connection_error, classify_html, classify_tls, origin, proxy_name,
                                  status_problem, strip_query)
from exadesk.sandbox.kit import Response
from tests.helpers.scripted_http import SECRET, server  # noqa: F401  (server: a fixture)
from tests.helpers.scripted_http import client as _client, reason as _reason


@pytest.mark.parametrize("status, kind, reason", [
    (401, ErrorKind.AUTH, "auth"), (403, ErrorKind.FORBIDDEN, "forbidden"), (404, ErrorKind.NOT_FOUND, "not_found"),
    (500, ErrorKind.UNEXPECTED_RESPONSE, "http.server_error"), (418, ErrorKind.UNEXPECTED_RESPONSE, "unexpected_response"),
    (407, ErrorKind.NETWORK, "network.proxy_auth"),
])
def test_status_classification(server, status, kind, reason):
    srv = server({"/x": Response(status, {"message": "no"})})
    problem = _reason(lambda: _client(srv.url, BearerAuth(SECRET)).get("/x"))
    assert (problem.kind, problem.reason) == (kind, reason)
    assert SECRET not in problem.text()


def test_classify_html_helper():
    reply = Reply(200, {}, b"<html>We'll be right back</html>", "https://x")
    assert classify_html(reply) == "http.maintenance"


def _reply(status, body=b"", headers=None, url="https://tracker.example.com/api/me?token=abc"):
    return Reply(status, headers or {}, body, url)


def test_a_json_2xx_is_no_problem_but_an_html_page_is():
    page = Page("Tracker")
    assert status_problem(_reply(200, b'{"ok": true}', {"Content-Type": "application/json"}), page) is None
    html = _reply(200, b"<html><form><input type=password></form></html>", {"Content-Type": "text/html"})
    assert status_problem(html, page).reason == "http.login_page"


def test_a_203_gateway_page_is_a_login_page_whatever_its_words():
    reply = _reply(203, b"<html>Azure DevOps</html>", {"Content-Type": "text/html"})
    assert status_problem(reply, Page("Azure DevOps")).reason == "http.login_page"


def test_a_429_names_the_wait_the_tracker_asked_for():
    problem = status_problem(_reply(429, headers={"Retry-After": "120"}), Page("Tracker"))
    assert problem.kind is ErrorKind.RATE_LIMITED and "2 minutes" in problem.text()


@pytest.mark.parametrize("body, reason", [
    (b"<form action='https://idp'><input name=SAMLRequest></form>", "http.sso_redirect"),
    (b"<html>This instance is hibernating</html>", "http.maintenance"),
    (b"<html><a>Log in</a></html>", "http.login_page"),
    (b"<html>Hello</html>", "http.html"),
])
def test_classify_html_names_the_kind_of_page(body, reason):
    assert classify_html(_reply(200, body)) == reason


def test_an_sso_form_sends_the_person_to_its_action_without_the_query():
    body = b"<html><form method=post action=\"https://idp.example.com/saml?SAMLRequest=x&amp;t=1\">SAMLRequest</form>"
    problem = status_problem(_reply(200, body, {"Content-Type": "text/html"}), Page("Tracker"))
    assert problem.reason == "http.sso_redirect"
    assert "https://idp.example.com/saml" in problem.text() and "SAMLRequest=x" not in problem.text()


@pytest.mark.parametrize("error, reason", [
    ("[SSL: WRONG_VERSION_NUMBER] wrong version number", "tls.plain_http"),
    ("certificate verify failed: self-signed certificate", "tls.self_signed"),
    ("certificate verify failed: Basic Constraints of CA cert not marked critical", "tls.strict_x509"),
    ("certificate verify failed: Hostname mismatch, certificate is not valid for 'x'", "tls.hostname"),
    ("certificate verify failed: certificate has expired", "tls.expired"),
    ("[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure", "tls"),
])
def test_classify_tls(error, reason):
    assert classify_tls(Exception(error), "tracker.example.com").reason == reason


def test_plain_http_on_a_self_hosted_tracker_names_its_http_address():
    problem = classify_tls(Exception("wrong version number"), "jira.corp", self_hosted=True, tracker="Jira",
                           url="https://jira.corp:8443/rest")
    assert problem.reason == "tls.plain_http_self_hosted" and "http://jira.corp:8443" in problem.text()


@pytest.mark.parametrize("error, reason", [
    ("Failed to resolve: Name or service not known", "network.dns"),
    ("[Errno 111] Connection refused", "network.refused"),
    ("Read timed out.", "network.timeout"),
    ("Connection aborted: RemoteDisconnected", "network"),
])
def test_classify_connection_error(error, reason):
    assert classify_connection_error(Exception(error), "tracker.example.com").reason == reason


def test_proxy_name_never_carries_the_proxy_password(monkeypatch):
    assert proxy_name("http://user:pw-123@proxy.corp:3128", "https://x.example.com") == "http://proxy.corp:3128"
    monkeypatch.setenv("HTTPS_PROXY", "http://user:pw-123@envproxy.corp:8080")
    named = proxy_name(None, "https://x.example.com")
    assert "envproxy.corp:8080" in named and "HTTPS_PROXY" in named and "pw-123" not in named


def test_origin_and_strip_query_drop_what_may_carry_a_secret():
    assert origin("https://u:p@[::1]:8443/a?b=c") == "https://[::1]:8443"
    assert origin("not an address") == "not an address"
    assert strip_query("https://x.example.com/a/b?token=abc#f") == "https://x.example.com/a/b"
