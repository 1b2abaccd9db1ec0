"""Field notes (../shared/reference/field-notes.md): every cross-cutting failure admins hit, recognised through
`exadesk check ... --json` against emulators that answer exactly as the notes describe (status, headers, body).

Per-tracker entries are proven in tests/trackers/test_<tracker>.py; the entries the tracker engineers left
without a test are proven here in ``TRACKER_GAPS``. The closing-note table of the issue maps every entry to
its test.
"""

from __future__ import annotations

import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import keyring
import keyring.backend
import pytest
from keyring.backends import fail

from exadesk import sandbox
from exadesk.foundation.errors import KeychainError
from exadesk.sandbox import kit
from exadesk.sandbox.kit import Response, html_response, json_response
from exadesk.store.keychain import WINDOWS_BLOB_LIMIT, SecretStore
from exadesk.verification import notices as _notices
from exadesk.verification import registry as _trackers
from exadesk.verification.http import classify_tls
from tests.helpers.built_trackers import demo_command, require_built, secret_forms

IDS = sandbox.available()


# -- helpers ---------------------------------------------------------------------------------------------


def field_note_emulator(tracker_id: str, reply: Response, path: str = ".*", once: bool = False):
    """The tracker's emulator, answering requests whose path matches ``path`` with ``reply`` verbatim.

    Field-note symptoms come from places the emulators have no scenario for (an IdP in front of the instance,
    an organisation policy); this reproduces them byte for byte without teaching every emulator each one.
    """
    import re

    base = sandbox.emulator_class(tracker_id)

    class FieldNote(base):
        def handle(self, request):
            if re.search(path, request.path) and not (once and getattr(self, "_answered", False)):
                self._answered = True
                return Response(reply.status, reply.body, dict(reply.headers), reply.content_type)
            return super().handle(request)

    return FieldNote


def start(emulators, cls, scenario=None, **kwargs):
    emulator = cls(scenario, **kwargs).start()
    emulators.running.append(emulator)
    return emulator


def check(cli, monkeypatch, emulator, tracker_id, *extra, secrets=None):
    result = cli(*demo_command(emulator, tracker_id, monkeypatch, secrets), *extra)
    users = tuple(a for a in emulator.demo_args if not a.startswith("-"))
    for secret in (secrets or emulator.demo_secrets).values():
        for form in secret_forms(secret, users):
            assert form not in result.out + result.err, f"{tracker_id}: a secret appears in the output"
    return result


def wrong(secret: str) -> str:
    """A made-up secret of the same shape (prefix, length, alphabet) that no emulator accepts."""
    classes = ("0123456789", "abcdef", "ghijklmnopqrstuvwxyz", "ABCDEF", "GHIJKLMNOPQRSTUVWXYZ")
    tail = []
    for ch in secret[-8:]:
        alphabet = next((c for c in classes if ch in c), ch)
        tail.append(alphabet[(alphabet.index(ch) + 1) % len(alphabet)])
    return secret[:-8] + "".join(tail)


def carrying(emulator, secret: str, users=()) -> list:
    """The requests that carried ``secret`` in any form (header or body)."""
    forms = secret_forms(secret, users)
    out = []
    for r in emulator.requests:
        blob = " ".join(r.headers.values()) + " " + r.body.decode("latin-1")
        if any(f in blob for f in forms):
            out.append(r)
    return out


# -- one probe per credential ----------------------------------------------------------------------------


@pytest.mark.parametrize("tracker_id", IDS)
def test_rejected_credential_reaches_the_tracker_exactly_once(tracker_id, emulators, cli, monkeypatch):
    """Field note 'The verifier locks the account': with a rejected credential, the emulator saw it once."""
    require_built(tracker_id)
    emulator = emulators.start(tracker_id)
    secrets = {name: wrong(value) for name, value in emulator.demo_secrets.items()}
    result = check(cli, monkeypatch, emulator, tracker_id, secrets=secrets)
    data = result.json()
    assert data["error"] and data["error"]["kind"] == "auth", f"{tracker_id}: {data['error']}"
    users = tuple(a for a in emulator.demo_args if not a.startswith("-"))
    sent = [carrying(emulator, value, users) for value in secrets.values()]
    # Each request carries the whole credential (or part of it, for OAuth token calls): at most one such request.
    requests = {id(r) for group in sent for r in group}
    assert len(requests) == 1, f"{tracker_id}: the rejected credential was sent {len(requests)} times"


def test_verify_all_sends_a_shared_rejected_credential_once(emulators, cli, monkeypatch):
    """Stored instances sharing one rejected token on one tracker, verified in parallel with a slow tracker:
    one request carries it in the whole run (the others wait for its answer instead of racing it)."""
    from tests.commands.workflow import add_github, github_scenario, new_token

    accepted, rejected = new_token(), new_token()
    emulator = emulators.start("github", github_scenario(accepted, fault={"kind": "slow", "delay": 0.3}))
    names = [f"shared {i}" for i in range(4)]
    for name in names:
        add_github(cli, monkeypatch, emulator.url, name, rejected)
    result = cli("check", "--all", "--json")
    assert rejected not in result.out + result.err
    errors = {item["instance"]: item["error"] for item in result.json()}
    assert set(errors) == set(names) and {e["kind"] for e in errors.values()} == {"auth"}
    # One of them was rejected by the tracker; the others were never sent and say why.
    assert sorted(e["reason"] for e in errors.values()) == ["auth"] + ["http.already_rejected"] * 3
    assert len(carrying(emulator, rejected)) == 1


# -- login, SSO and maintenance pages ----------------------------------------------------------------------

OKTA_SAML_FORM = (
    "<html><head><title>Signing in...</title></head><body onload=\"document.forms[0].submit()\">"
    "<form id=\"appForm\" method=\"POST\" action=\"https://acme.okta.com/app/acme_jira_1/exk1abcd/sso/saml\">"
    "<input type=\"hidden\" name=\"SAMLRequest\" value=\"PHNhbWxwOkF1dGhuUmVxdWVzdCB4bWxucz0=\"/>"
    "<input type=\"hidden\" name=\"RelayState\" value=\"/rest/api/2/myself\"/></form></body></html>")
JIRA_ALREADY_LOGGED_IN = (
    "<!DOCTYPE html><html><head><title>Log in - Jira</title></head><body><div class=\"aui-message\">"
    "<p>You are already logged in as another user. Log out first.</p></div>"
    "<form id=\"login-form\" action=\"/login.jsp\" method=\"post\"><input name=\"os_username\">"
    "<input type=\"password\" name=\"os_password\"></form></body></html>")
ADO_SIGN_IN = (
    "<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body>"
    "<div id=\"signin\">Sign in to your account</div></body></html>")

PAGES = [
    # (tracker, reply, expected reason, the address the message must name)
    ("jira_cloud", html_response(OKTA_SAML_FORM), "http.sso_redirect", "https://acme.okta.com/app/acme_jira_1"),
    ("jira_onprem", html_response(JIRA_ALREADY_LOGGED_IN), "http.login_page", "{url}"),
    ("zendesk", Response(302, b"", {"Location": "https://acme.okta.com/app/zendesk/sso/saml?SAMLRequest=fZ"},
                         "text/html"), "http.sso_redirect", "https://acme.okta.com/app/zendesk/sso/saml"),
    ("freshdesk", html_response(OKTA_SAML_FORM), "http.sso_redirect", "https://acme.okta.com/app/acme_jira_1"),
    ("asana", html_response("<html><body><h1>We'll be right back</h1><p>Scheduled maintenance.</p></body></html>",
                            503), None, None),
]


@pytest.mark.parametrize("tracker_id, reply, reason, address", PAGES, ids=[p[0] for p in PAGES])
def test_login_sso_and_maintenance_pages_are_named(tracker_id, reply, reason, address, emulators, cli, monkeypatch):
    """Field note 'SSO or login page instead of JSON': classified, the address to open named, redirects not followed."""
    require_built(tracker_id)
    emulator = start(emulators, field_note_emulator(tracker_id, reply))
    result = check(cli, monkeypatch, emulator, tracker_id)
    error = result.json()["error"]
    assert result.code == 3 and error["kind"] == "unexpected_response", error
    if reason is None:  # a 503 maintenance page: the server-error wording, never a claim about the credential
        assert error["reason"] == "http.server_error"
        return
    assert error["reason"] == reason
    text = error["message"] + " " + error["next_step"]
    assert address.format(url=emulator.url) in text
    # The redirect to the IdP was not followed: the only requests went to the emulator, none twice after the page.
    assert len(emulator.requests) == 1


def test_azure_devops_203_sign_in_page_means_the_token_failed(emulators, cli, monkeypatch):
    """Field note: ADO answers a bad PAT with 203 and its HTML sign-in page; that is a failed sign-in."""
    require_built("azure_devops")
    reply = Response(203, ADO_SIGN_IN.encode(), {}, "text/html; charset=utf-8")
    emulator = start(emulators, field_note_emulator("azure_devops", reply))
    error = check(cli, monkeypatch, emulator, "azure_devops").json()["error"]
    assert error["reason"] in ("azure_devops.signin_page", "http.login_page"), error
    assert "sign" in error["message"].lower() and error["next_step"]
    assert len(emulator.requests) == 1


def test_servicenow_hibernation_page_names_the_address_to_wake(emulators, cli, monkeypatch):
    require_built("servicenow")
    emulator = emulators.start("servicenow", {"hibernating": True})
    error = check(cli, monkeypatch, emulator, "servicenow").json()["error"]
    assert error["reason"] == "http.maintenance" and "hibernat" in error["message"]
    assert emulator.url in error["next_step"] and "wake" in error["next_step"]


# -- where the check ran -------------------------------------------------------------------------------------

GITHUB_IP_ALLOW_LIST = json_response({
    "message": "Although you appear to have the correct authorization credentials, the `acme` organization has an "
               "IP allow list enabled, and your IP address is not permitted to access this resource.",
    "documentation_url": "https://docs.github.com/rest"}, 403)


def test_ip_allow_list_names_this_workstation_and_the_integration_server(emulators, cli, monkeypatch):
    """Field note 'Desktop ≠ Exalate node': the result says where the check ran and what to allow for the node."""
    # An organisation's IP allow list and policies answer every API call, GraphQL (classic tokens' repository
    # read) as REST.
    emulator = start(emulators, field_note_emulator("github", GITHUB_IP_ALLOW_LIST,
                                                     path=r"/repos/acme/website$|/graphql$"))
    data = check(cli, monkeypatch, emulator, "github").json()
    assert data["checked_from"] == "this workstation"
    error = data["error"]
    assert error["kind"] == "forbidden" and error["reason"] == "github.ip_allow_list"
    assert "IP allow list" in error["next_step"] and "integration's server" in error["next_step"]


def test_network_failures_say_where_the_check_ran(cli, monkeypatch):
    from tests.commands.workflow import closed_port_url

    monkeypatch.setenv("EXADESK_TEST_TOKEN", "ghp_" + "Q1w2E3r4" * 4 + "T5y6")
    result = cli("check", "github", "--url", closed_port_url(), "--secret-env", "EXADESK_TEST_TOKEN", "--project",
                 "acme/website", "--json")
    data = result.json()
    assert data["checked_from"] == "this workstation" and data["error"]["reason"] == "network.refused"
    # A refused connection has its own advice; an allow-list cannot refuse a connection from this workstation.
    assert "IP allow-list" not in data["error"]["next_step"]
    human = cli("check", "github", "--url", closed_port_url(), "--secret-env", "EXADESK_TEST_TOKEN", "--project",
                "acme/website")
    assert "Checked from this workstation" in human.out


ADDRESS_ADVICE = "IP allow-list or conditional-access policy"

CAUSES_WITH_THEIR_OWN_ADVICE = [
    ("freshdesk", json_response({"code": "account_suspended", "message": "Your account has been suspended."}, 403),
     "freshdesk.account_suspended"),
    ("jira_cloud", html_response(OKTA_SAML_FORM), "http.sso_redirect"),
]


@pytest.mark.parametrize("tracker_id, reply, reason", CAUSES_WITH_THEIR_OWN_ADVICE,
                         ids=[c[2] for c in CAUSES_WITH_THEIR_OWN_ADVICE])
def test_a_cause_that_is_not_the_address_gets_only_its_own_advice(tracker_id, reply, reason, emulators, cli,
                                                                    monkeypatch):
    require_built(tracker_id)
    emulator = start(emulators, field_note_emulator(tracker_id, reply))
    error = check(cli, monkeypatch, emulator, tracker_id).json()["error"]
    assert error["reason"] == reason
    assert ADDRESS_ADVICE not in error["next_step"]


def test_unknown_host_gets_only_its_own_advice(cli, monkeypatch):
    monkeypatch.setenv("EXADESK_TEST_TOKEN", "ghp_" + "Q1w2E3r4" * 4 + "T5y6")
    error = cli("check", "github", "--url", "https://no-such-host.invalid", "--secret-env", "EXADESK_TEST_TOKEN",
                "--project", "acme/website", "--json").json()["error"]
    assert error["reason"] in ("network.dns", "network")
    if error["reason"] == "network.dns":
        assert ADDRESS_ADVICE not in error["next_step"]


def test_a_refusal_that_may_be_the_address_still_says_where_the_check_ran(emulators, cli, monkeypatch):
    """A plain 403 with no tracker signal may be an allow-list: that one keeps the where-it-ran advice."""
    require_built("github")
    emulator = start(emulators, field_note_emulator("github", json_response({"message": "Forbidden"}, 403),
                                                    path=r"/user$"))
    error = check(cli, monkeypatch, emulator, "github").json()["error"]
    assert error["reason"] == "forbidden", error
    assert ADDRESS_ADVICE in error["next_step"]


# -- the proxy user is a person ----------------------------------------------------------------------------


def _github_two_people(emulators, proxy_token, admin_token, admin_login):
    from tests.commands.workflow import github_scenario

    scenario = github_scenario(proxy_token)
    scenario["tokens"][admin_token] = {"login": admin_login, "name": "Ada Admin" if admin_login != "exalate-proxy"
                                       else "Exalate Proxy", "id": 4242, "kind": "classic",
                                       "scopes": ["repo", "read:org", "admin:org"]}
    return emulators.start("github", scenario)


def _record_admin_identity(name: str) -> None:
    """Verify the stored admin credential as `exadesk plan` does and keep its outcome (the account it belongs to)."""
    from exadesk.services import instances
    from exadesk.verification import engine
    from exadesk.store.storage import Store

    store = Store()
    data = store.load().data
    ws, admin = data.find_instance(name)
    target, problems = instances.target_for(admin, ws, settings=data.settings)
    assert not problems
    report = engine.verify_admin(target)
    assert report.identity is not None

    def keep(stored):
        instances.record(stored.find_instance(name)[1], report)

    store.update(keep)


@pytest.mark.parametrize("admin_login, status", [("exalate-proxy", "warn"), ("ada-admin", "pass")])
def test_proxy_credential_of_the_admin_account_is_a_person(admin_login, status, emulators, cli, monkeypatch):
    """Field note 'A human as proxy user': the proxy credential has the identity of this instance's admin credential."""
    from tests.commands.workflow import add_github, new_token

    proxy_token, admin_token = new_token(), new_token()
    emulator = _github_two_people(emulators, proxy_token, admin_token, admin_login)
    add_github(cli, monkeypatch, emulator.url, "proxy", proxy_token)
    monkeypatch.setenv("EXADESK_TEST_ADMIN", admin_token)
    added = cli("add", "github", "--name", "admin", "--url", emulator.url, "--secret-env", "token=EXADESK_TEST_ADMIN",
                "--project", "acme/website", "--workspace", "Acme", "--role", "admin")
    assert added.code == 0, added.err
    _record_admin_identity("admin")
    result = cli("check", "--instance", "proxy", "--workspace", "Acme", "--json")
    assert proxy_token not in result.out and admin_token not in result.out
    report = result.json()[0] if isinstance(result.json(), list) else result.json()
    dedicated = {c["id"]: c for c in report["checks"]}["github.dedicated_proxy_user"]
    assert dedicated["status"] == status
    if status == "warn":
        assert "not synchronised" in dedicated["detail"] and "dedicated integration account" in dedicated["fix"]


def test_proxy_credential_of_the_person_named_in_the_check_warns(emulators, cli, monkeypatch):
    emulator = emulators.start("github")
    data = check(cli, monkeypatch, emulator, "github", "--person", "exalate-proxy").json()
    dedicated = {c["id"]: c for c in data["checks"]}["github.dedicated_proxy_user"]
    assert dedicated["status"] == "warn" and "your own edits would stop syncing" in dedicated["detail"]


# -- TLS interception and strict certificate checks ----------------------------------------------------------


def test_self_signed_chain_explains_the_company_authority_and_never_suggests_turning_checks_off(emulators, cli,
                                                                                                monkeypatch):
    """Field note 'TLS interception': the OS trust store and the CA-bundle setting; verification stays on."""
    emulator = emulators.start("github", tls=True)
    error = check(cli, monkeypatch, emulator, "github").json()["error"]
    assert error["kind"] == "tls" and error["reason"] == "tls.self_signed"
    assert "self-signed" in error["message"]
    for words in ("company proxy inspects HTTPS", "trust store", "CA bundle"):
        assert words in error["next_step"]
    assert "verify=False" not in error["next_step"] and "turn verification off" not in error["next_step"].replace(
        "Never turn verification off", "")
    # The CA-bundle setting the message points to is the fix.
    fixed = check(cli, monkeypatch, emulator, "github", "--ca-bundle", kit.self_signed_cert_path())
    assert fixed.code == 0, fixed.out[:1000]


# The exact strings of gh:python/cpython#133564 (Python 3.13 sets VERIFY_X509_STRICT by default).
STRICT_ERRORS = [
    (("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Basic Constraints of CA cert not marked critical "
      "(_ssl.c:1028)"), "Basic Constraints of CA cert not marked critical"),
    ("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Missing Authority Key Identifier (_ssl.c:1028)",
     "Missing Authority Key Identifier"),
]


@pytest.mark.parametrize("text, cause", STRICT_ERRORS, ids=["basic-constraints", "authority-key-id"])
def test_strict_x509_messages_are_explained(text, cause):
    problem = classify_tls(ssl.SSLCertVerificationError(1, text), "jira.acme.example")
    assert problem.reason == "tls.strict_x509" and cause in problem.message
    assert "Zscaler" in problem.next_step and "CA bundle" in problem.next_step
    assert "off" not in problem.next_step


def _strict_chain(tmp_path, *, ca_critical: bool, leaf_aki: bool):
    """A CA and a 127.0.0.1 server certificate, breaking one strict X.509 rule as corporate CAs do."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)  # the system clock: OpenSSL checks the certificates against it
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Acme Inspection CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), ca_critical)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False))
    if leaf_aki:
        leaf = leaf.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False)
    leaf = leaf.sign(ca_key, hashes.SHA256())
    paths = {n: tmp_path / f"{n}.pem" for n in ("ca", "leaf", "key")}
    paths["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths["leaf"].write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    paths["key"].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    return paths


@pytest.mark.parametrize("ca_critical, leaf_aki, cause", [
    (False, True, "Basic Constraints of CA cert not marked critical"),
    (True, False, "Missing Authority Key Identifier"),
], ids=["basic-constraints", "authority-key-id"])
def test_strict_x509_failure_from_a_real_handshake_is_explained(tmp_path, ca_critical, leaf_aki, cause):
    """The real OpenSSL error under VERIFY_X509_STRICT (what Python 3.13 turns on) is recognised, not just a string."""
    if not hasattr(ssl, "VERIFY_X509_STRICT"):
        pytest.skip("this Python has no strict X.509 flag")
    paths = _strict_chain(tmp_path, ca_critical=ca_critical, leaf_aki=leaf_aki)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(paths["leaf"], paths["key"])
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve():
        conn, _ = listener.accept()
        try:
            server_ctx.wrap_socket(conn, server_side=True).close()
        except (ssl.SSLError, OSError):
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client_ctx = ssl.create_default_context(cafile=str(paths["ca"]))
    client_ctx.verify_flags |= ssl.VERIFY_X509_STRICT
    try:
        with pytest.raises(ssl.SSLCertVerificationError) as caught, \
                socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            client_ctx.wrap_socket(raw, server_hostname="127.0.0.1")
    finally:
        listener.close()
        thread.join(5)
    if cause not in str(caught.value):
        pytest.skip(f"this OpenSSL words it differently: {caught.value}")
    problem = classify_tls(caught.value, "127.0.0.1")
    assert problem.reason == "tls.strict_x509" and cause in problem.message


# -- proxies ----------------------------------------------------------------------------------------------------


class _Proxy(BaseHTTPRequestHandler):
    """A company proxy that wants a login (NTLM/Basic): every CONNECT gets 407."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_CONNECT(self):
        self.send_response(407)
        self.send_header("Proxy-Authenticate", "NTLM")
        self.send_header("Proxy-Authenticate", 'Basic realm="ACME proxy"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_CONNECT


@pytest.fixture
def env_proxy(monkeypatch):
    """Set HTTPS_PROXY the way IT does; ExaDesk's own proxy setting stays empty."""

    def use(url: str) -> None:
        monkeypatch.setenv("HTTPS_PROXY", url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)

    return use


def _check_github_through_proxy(cli, monkeypatch):
    monkeypatch.setenv("EXADESK_TEST_TOKEN", "ghp_" + "Zx9Cv8Bn" * 4 + "M7l6")
    result = cli("check", "github", "--url", "https://github.acme.example", "--secret-env", "EXADESK_TEST_TOKEN",
                 "--project", "acme/website", "--json")
    assert "Zx9Cv8Bn" not in result.out + result.err
    return result.json()["error"]


def test_environment_proxy_that_refuses_is_named_with_its_variable(cli, monkeypatch, env_proxy):
    """Field note 'Proxy settings': requests reads HTTPS_PROXY; the message says so and points to NO_PROXY."""
    from tests.commands.workflow import closed_port_url

    proxy = closed_port_url()
    env_proxy(proxy)
    error = _check_github_through_proxy(cli, monkeypatch)
    assert error["kind"] == "network" and error["reason"] == "network.proxy"
    assert f"{proxy} (set by HTTPS_PROXY)" in error["message"]
    assert "NO_PROXY" in error["next_step"]


def test_environment_proxy_asking_for_a_login_gives_407_advice(cli, monkeypatch, env_proxy):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env_proxy(f"http://127.0.0.1:{server.server_address[1]}")
        error = _check_github_through_proxy(cli, monkeypatch)
    finally:
        server.shutdown()
        server.server_close()
    assert error["kind"] == "network" and error["reason"] == "network.proxy_auth"
    assert "407" in error["message"] and "HTTPS_PROXY" in error["message"]
    assert "proxy needs credentials" in error["next_step"]


# -- lifecycle notices with dates ----------------------------------------------------------------------------


NOTICE_IDS = [n.id for n in _trackers.all_notices()]


def _demo_method(tracker_id: str) -> str:
    from exadesk.verification import registry

    args = list(sandbox.emulator_class(tracker_id)().demo_args)
    return args[args.index("--auth") + 1] if "--auth" in args else registry.get(tracker_id).spec.auth_methods[0].id


@pytest.mark.parametrize("notice_id", NOTICE_IDS)
def test_notice_shows_where_the_method_is_chosen_in_results_and_in_the_report(notice_id, emulators, cli,
                                                                              monkeypatch):
    """Field notes on dated retirements: the wizard's method choice, `check --json` and the readiness report."""
    from exadesk.services.wizard_flow import WizardFlow

    notice = next(n for n in _trackers.all_notices() if n.id == notice_id)
    require_built(notice.tracker)
    method = _demo_method(notice.tracker)
    assert not notice.methods or method in notice.methods, "the demo signs in with the method the notice is about"
    # 1. Where the method is chosen (the wizard's step lists these under each method).
    flow = WizardFlow(tracker=notice.tracker)
    assert notice in flow.method_notices(method)
    for other in (m.id for m in flow.spec.auth_methods if notice.methods and m.id not in notice.methods):
        assert notice not in flow.method_notices(other), f"{notice_id} is about {sorted(notice.methods)} only"
    # 2. In the check results, with its date.
    emulator = emulators.start(notice.tracker)
    result = check(cli, monkeypatch, emulator, notice.tracker)
    found = result.check(f"notice.{notice_id}")
    assert found["status"] == "warn" and found["fix"] == notice.advice
    assert f"{notice.effective.day} {notice.effective:%B %Y}" in found["detail"]
    # 3. In the readiness report of a stored instance.
    name = f"{notice.tracker} notice"
    args = ["add", notice.tracker, "--name", name, "--url", emulator.url, "--workspace", "Notices",
            *emulator.demo_args]
    for i, (field, value) in enumerate(emulator.demo_secrets.items()):
        monkeypatch.setenv(f"EXADESK_TEST_NOTICE_{i}", value)
        args += ["--secret-env", f"{field}=EXADESK_TEST_NOTICE_{i}"]
    assert cli(*args).code == 0
    cli("check", "--instance", name, "--workspace", "Notices", "--json")
    report = cli("report", "--workspace", "Notices", "--format", "md")
    assert report.code == 0 and notice.title in report.out.replace("\\", "")
    for secret in emulator.demo_secrets.values():
        assert secret not in report.out


def test_notices_are_data_a_new_one_needs_no_code(monkeypatch, cli):
    """A notice added to a tracker's spec shows up in results without any code change."""
    from dataclasses import replace

    from exadesk.verification import registry

    extra = _notices.Notice("test_github_change", "github", "GitHub changes classic tokens",
                            "Classic tokens change behaviour on 1 March 2027.", "Prefer a fine-grained token.",
                            __import__("datetime").date(2027, 3, 1), frozenset({"classic"}))
    github = registry.get("github")
    monkeypatch.setitem(registry._REGISTRY, "github",
                        registry.Tracker(replace(github.spec, notices=github.spec.notices + (extra,)), github.module))
    monkeypatch.setenv("EXADESK_TEST_TOKEN", "ghp_" + "Nw3Ot4Pu" * 4 + "V5w6")
    result = cli("check", "github", "--url", "https://github.com", "--secret-env", "EXADESK_TEST_TOKEN", "--auth",
                 "classic", "--project", "bad project name!", "--json")
    assert result.code == 2, "offline validation stops the run: nothing is sent to github.com"
    assert result.check("notice.test_github_change")["status"] == "warn"


# -- per-tracker entries the tracker tests left open ------------------------------------------------------------

GITHUB_DOCS = "https://docs.github.com/rest"
GITHUB_POLICY_403 = [
    # gh:NixOS/org#247
    ("classic-forbidden", "github.classic_forbidden", "fine-grained token",
     {"message": "`acme` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, "
                 "or a personal access token with fine-grained permissions.", "documentation_url": GITHUB_DOCS}),
    # gh:refined-github/refined-github#6951
    ("lifetime-policy", "github.lifetime_policy", "shorter expiry",
     {"message": "The 'acme' organization forbids access via a fine-grained personal access tokens if the token's "
                 "lifetime is greater than 366 days. Please adjust your token's lifetime at the following URL: "
                 "https://github.com/settings/personal-access-tokens/4101", "documentation_url": GITHUB_DOCS}),
]


@pytest.mark.parametrize("name, reason, advice, body", GITHUB_POLICY_403, ids=[p[0] for p in GITHUB_POLICY_403])
def test_github_organisation_policy_403s_are_named(name, reason, advice, body, emulators, cli, monkeypatch):
    emulator = start(emulators, field_note_emulator("github", json_response(body, 403),
                                                     path=r"/repos/acme/website$|/graphql$"))
    error = check(cli, monkeypatch, emulator, "github").json()["error"]
    assert error["kind"] == "forbidden" and error["reason"] == reason
    assert advice in error["next_step"]


def test_github_saml_sso_shows_the_one_hour_authorisation_address(emulators, cli, monkeypatch):
    """gh:github/docs#31661: 403 with X-GitHub-SSO: required; url=... — the message shows that address."""
    emulator = emulators.start("github", {"orgs": {"acme": {"saml": True}}})
    error = check(cli, monkeypatch, emulator, "github").json()["error"]
    assert error["reason"] == "github.sso_required"
    reply = next(r for r in emulator.requests if r.reply_status == 403)
    assert b"SAML enforcement" in reply.reply_body
    assert "/orgs/acme/sso?authorization_request=" in error["next_step"] and "hour" in error["next_step"]


def test_github_fine_grained_expiration_header_is_not_trusted(emulators, cli, monkeypatch):
    from exadesk.foundation import clock
    from exadesk.sandbox.github import DEMO_FINE

    now = clock.now().strftime("%Y-%m-%d %H:%M:%S UTC")
    emulator = emulators.start("github", {"tokens": {DEMO_FINE: {"expires": now}}})
    result = check(cli, monkeypatch, emulator, "github", "--auth", "fine_grained", secrets={"token": DEMO_FINE})
    # gh:google/go-github#3708: GitHub sends the current time as the expiration of fine-grained tokens.
    expiry = result.check("github.token_expiry")
    assert expiry["status"] == "unknown" and "token's page" in expiry["fix"]
    assert result.json()["token_expires_at"] is None


# -- the sandbox demo's learning scenarios --------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    from exadesk.sandbox.demo import start_demo

    running = start_demo()
    yield running
    running.stop()


def _lesson_ids():
    from exadesk.sandbox.demo import SCENARIOS

    return [f"{s.tracker}-{s.key}" for s in SCENARIOS]


@pytest.mark.parametrize("lesson_id", _lesson_ids())
def test_each_learning_scenario_of_the_demo_ends_with_its_diagnosis(lesson_id, demo, cli, monkeypatch):
    lesson = next(x for x in demo.lessons if f"{x.tracker}-{x.scenario.key}" == lesson_id)
    require_built(lesson.tracker)
    result = check(cli, monkeypatch, lesson.emulator, lesson.tracker)
    data = result.json()
    assert data["ready"] is False
    if data["error"] is None:  # the run finished: the lesson is a check left failing or not confirmed
        statuses = {c["id"]: c["status"] for c in data["checks"]}
        assert statuses.get(lesson.scenario.expect) in ("fail", "unknown"), statuses
        assert result.code in (1, 3)
    else:
        assert data["error"]["reason"] == lesson.scenario.expect, data["error"]
        assert data["error"]["message"] and data["error"]["next_step"]
    assert any(line.strip().startswith(lesson.label) for line in demo.describe())


def test_demo_keeps_one_ready_emulator_per_tracker_and_filters_lessons_by_tracker(demo, cli, monkeypatch):
    from exadesk.sandbox.demo import start_demo

    assert set(demo.emulators) == set(IDS)
    ready = check(cli, monkeypatch, demo.emulators["github"], "github")
    assert ready.code == 0
    only = start_demo(["zendesk"])
    try:
        assert list(only.emulators) == ["zendesk"] and {x.tracker for x in only.lessons} == {"zendesk"}
    finally:
        only.stop()


# -- keyring ------------------------------------------------------------------------------------------------




class _CredWriteError(Exception):
    """Stands in for pywintypes.error, which keyring's Windows backend passes on unwrapped."""


class _WindowsCredentialManager(keyring.backend.KeyringBackend):
    """Behaves like Credential Manager: a blob over 2,560 bytes (UTF-16) fails with error 1783."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.entries = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        if len(password.encode("utf-16-le")) > WINDOWS_BLOB_LIMIT:
            raise _CredWriteError(1783, "CredWrite", "The stub received bad data.")
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username), None)


_WindowsCredentialManager.__module__ = "keyring.backends.Windows"


def test_windows_size_limit_is_checked_before_writing_and_the_boundary_fits():
    """gh:jaraco/keyring#355: 2,560 bytes = 1,280 UTF-16 characters fit; one more is refused before CredWrite."""
    backend = _WindowsCredentialManager()
    store = SecretStore(backend)
    store.set("inst1", "bundle", "j" * 1280)
    assert store.get("inst1", "bundle") == "j" * 1280
    with pytest.raises(KeychainError) as caught:
        store.set("inst1", "bundle", "k" * 1281)
    problem = caught.value.problem
    assert problem.reason == "keychain.too_large" and "2562" in problem.message and "2560" in problem.message
    assert store.get("inst1", "bundle") == "j" * 1280, "the refused write changed nothing"


def test_credwrite_1783_from_the_backend_is_the_size_limit_not_a_generic_failure():
    """When the limit is not known beforehand (another backend name), error 1783 still reads as 'too large'."""
    backend = _WindowsCredentialManager()
    type(backend).__module__ = "keyring.backends.SomeWindowsPort"
    try:
        with pytest.raises(KeychainError) as caught:
            SecretStore(backend).set("inst1", "bundle", "m" * 2000)
    finally:
        type(backend).__module__ = "keyring.backends.Windows"
    problem = caught.value.problem
    assert problem.reason == "keychain.too_large" and "4000 bytes" in problem.message
    assert "m" * 20 not in problem.text()


def test_no_keychain_backend_is_explained_and_the_secret_goes_nowhere(cli, monkeypatch, exadesk_home):
    """gh:jaraco/keyring#569, gh:cli/cli#7757: headless Linux, SSH or WSL; never a silent plaintext fallback."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    token = "ghp_" + "Hd7Lq2Xs" * 4 + "R9t0"
    monkeypatch.setenv("EXADESK_TEST_HEADLESS", token)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # over SSH or in WSL: no session bus
    try:
        result = cli("add", "github", "--name", "headless", "--url", "https://github.com", "--secret-env",
                     "token=EXADESK_TEST_HEADLESS", "--project", "acme/website", "--workspace", "Acme")
    finally:
        keyring.set_keyring(previous)
    said = result.out + result.err
    assert "No system keychain is available" in said and "dbus-run-session" in said
    assert token not in said
    for path in exadesk_home.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), f"the secret was written to {path.name}"
