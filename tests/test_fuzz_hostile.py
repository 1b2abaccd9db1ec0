"""Hostile input, 10,000 examples per target (issue 20): nothing that arrives from outside prints a traceback.

Five targets: the data file loader, the bundle importer, address validation, name validation, and
the reply parsers (exadesk.verification.http's JSON and header handling, and every adapter's ``diagnose``). Each
either accepts its input or answers with a classified Problem; any other exception fails the test.

The setting is the ``fuzz`` profile: 10,000 examples, no per-example deadline. To keep the five
within about a minute on one core, hypothesis draws one seed per example and the hostile input is
built from it (tens of draws per example cost more than the targets themselves); ``note`` shows the
input of a failing example. ``EXADESK_FUZZ_EXAMPLES`` changes the count for a longer or shorter run.
"""

from __future__ import annotations

import hashlib
import json
import os
import random

import pytest
import requests
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from exadesk.foundation import validation
from exadesk.foundation.errors import CheckError, ErrorKind, ExaDeskError, Problem
from exadesk.services import bundle
from exadesk.store.model import Data, Instance, Workspace
from exadesk.store.storage import NewerFileError, decode, encode
from exadesk.verification import engine, registry
from exadesk.verification.http import HttpClient, Page, Reply
from exadesk.verification.http_limits import retry_after_seconds
from exadesk.verification.spec import Secrets, Target

EXAMPLES = int(os.environ.get("EXADESK_FUZZ_EXAMPLES", 10_000))
settings.register_profile("fuzz", max_examples=EXAMPLES, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings(settings.get_profile("fuzz"))
seeds = st.randoms(use_true_random=True)

TRACKER_IDS = sorted(t.spec.id for t in registry.all_trackers())

#: Pieces of hostile text: terminal controls, bidi overrides, zero-width marks, path, format and quoting
#: characters, a non-BMP character, long runs, numbers that overflow.
PIECES = ["", "", "a", "Prod", " ", "\x1b", "\x1b[31m", "\x1b]0;owned\x07", "\x07", "\x9b", "\x00", "\r", "\n", "\t",
          "\x7f", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\U0001f600", "\u00e9", "{", "}", "{tracker}",
          "%s", "/", "..", "../../", "\\", "'", '"', ":", "@", "[", "]", "?", "#", "https://", "http://", "x" * 190,
          "y" * 2_100, "null", "0", "-1", "1e400", "inf", "nan", "2026-13-45T99:99:99"]
#: JSON values that break naive readers: wrong types, huge and non-finite numbers, deep and empty containers.
VALUES = [None, True, False, 0, -1, 2**63, -(2**70), 1.5, float("inf"), float("nan"), "", [], {}, [None], {"": None},
          {"id": None}, [[[[[]]]]], {"a": {"b": {"c": {}}}}, "x" * 5000, ["a", 1], {"id": "x", "name": 5}]


def text(rnd: random.Random) -> str:
    return "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 4)))


def value(rnd: random.Random):
    pick = rnd.random()
    if pick < 0.4:
        return rnd.choice(VALUES)
    if pick < 0.7:
        return text(rnd)
    if pick < 0.8:
        return rnd.randint(-(2**70), 2**70)
    if pick < 0.9:
        return [value(rnd) for _ in range(rnd.randint(0, 3))]
    return {text(rnd): value(rnd) for _ in range(rnd.randint(0, 3))}


def mutate(rnd: random.Random, objects: list[dict]) -> None:
    """Set one to three fields of the given objects (known or not) to hostile values, or drop one."""
    for _ in range(rnd.randint(1, 3)):
        obj = rnd.choice(objects)
        key = rnd.choice(sorted(obj) + ["unknown_field", text(rnd)])
        if rnd.random() < 0.15 and key in obj:
            del obj[key]
        else:
            obj[key] = value(rnd)


# -- 1. the data file loader -----------------------------------------------------------------------

_GOOD_FILE = json.dumps({"schema_version": 2, "workspaces": [{**Workspace(name="W").to_json(), "instances": [
    Instance(tracker="github", name="Web", url="https://github.com", auth_method="classic").to_json()],
    "connections": [{"id": "c", "name": "S", "left": "a", "right": "b"}]}], "settings": {}})


def data_file(rnd: random.Random) -> bytes:
    kind = rnd.random()
    if kind < 0.15:
        return rnd.randbytes(rnd.randint(0, 200))
    if kind < 0.3:
        return json.dumps(value(rnd)).encode()
    if kind < 0.35:
        return rnd.choice([b"[", b'{"a":', b'{"workspaces":[']) * rnd.choice([1, 50, 5000, 100_000])
    raw = json.loads(_GOOD_FILE)
    ws = raw["workspaces"][0]
    mutate(rnd, [raw, ws, ws["instances"][0], ws["connections"][0], raw["settings"]])
    return json.dumps(raw).encode()


@FUZZ
@given(rnd=seeds)
def test_the_loader_reads_or_refuses_any_file(rnd):
    raw = data_file(rnd)
    note(repr(raw[:2000]))
    try:
        data = decode(raw)
    except NewerFileError as exc:
        assert exc.problem.reason == "storage.newer"
        return
    except (ValueError, UnicodeDecodeError, RecursionError):
        return
    again = decode(encode(data))  # what was read writes back and reads the same
    assert [w.to_json() for w in again.workspaces] == [w.to_json() for w in data.workspaces]


# -- 2. the bundle importer ------------------------------------------------------------------------

_VALID_BUNDLE = json.loads(bundle.export_workspace(Workspace(name="Client", instances=[
    Instance(tracker="github", name="Web", url="https://github.com", auth_method="classic", id="aaa111"),
    Instance(tracker="jira_cloud", name="Jira", url="https://acme.atlassian.net", auth_method="api_token",
             id="bbb222")], connections=[])))
_VALID_BUNDLE["payload"]["workspace"]["connections"] = [
    {"id": "c1", "name": "Sync", "left": "aaa111", "right": "bbb222", "mode": "scripted", "admins": {},
     "admin_kinds": {}}]
_VALID_BOX = {"cipher": "AES-256-GCM", "kdf": {"name": "scrypt", "n": 2**16, "r": 8, "p": 1,
                                               "salt": "AAAAAAAAAAAAAAAAAAAAAA=="},
              "key_check": "0" * 64, "nonce": "AAAAAAAAAAAAAAAA", "ciphertext": "AAAA"}


def bundle_bytes(rnd: random.Random) -> bytes:
    kind = rnd.random()
    if kind < 0.1:
        return rnd.randbytes(rnd.randint(0, 300))
    if kind < 0.2:
        return b"{" + rnd.randbytes(rnd.randint(0, 200))
    top = json.loads(json.dumps(_VALID_BUNDLE))
    ws = top["payload"]["workspace"]
    if kind < 0.45:
        top["secrets"] = box = json.loads(json.dumps(_VALID_BOX))
        mutate(rnd, [box, box["kdf"]])
    else:
        mutate(rnd, [top, ws, ws["instances"][0], ws["instances"][1], ws["connections"][0]])
    if isinstance(top.get("payload"), dict) and rnd.random() < 0.9:  # reach the validation behind the checksum
        top["payload_sha256"] = hashlib.sha256(bundle._canonical(top["payload"])).hexdigest()
    return json.dumps(top).encode()


@FUZZ
@given(rnd=seeds)
def test_the_importer_reads_or_refuses_any_bundle(rnd):
    raw = bundle_bytes(rnd)
    note(repr(raw[:3000]))
    try:
        found = bundle.parse_bundle(raw, "fuzz.exadesk")
    except ExaDeskError as exc:
        assert exc.problem.reason.startswith("bundle."), exc.problem.reason
        assert exc.problem.message and exc.problem.next_step
        return
    ws = found.workspace
    for shown in [ws.name] + [i.name for i in ws.instances] + [c.name for c in ws.connections]:
        assert not any(validation.is_control(c) for c in shown), "a control character would reach the screen"
    plan = bundle.plan_import(Data(), found)
    assert all(validation.is_safe_id(plan.renamed_ids.get(i.id, i.id)) for i in ws.instances)


# -- 3. address validation -------------------------------------------------------------------------

SCHEMES = ["https://", "http://", "ftp://", "", "https:/", "HTTPS://", "https://user:pw@", "javascript:", "file://"]
HOSTS = ["github.com", "acme.atlassian.net", "127.0.0.1", "[::1]", "::1", "localhost", "", "xn--e1afmkfd.xn--p1ai",
         "a" * 300, "例え.jp"]
TAILS = ["", "/", ":8443", ":99999", ":-1", ":0", "/jira?x=1", "[", "]", ":abc", "/%zz", " ", "/" + "a" * 2100,
         "#frag", "@evil.com", "/api/v3", "\\\\host"]


@FUZZ
@given(rnd=seeds)
def test_address_validation_accepts_or_explains(rnd):
    tracker_id = rnd.choice(TRACKER_IDS)
    url = rnd.choice(SCHEMES) + rnd.choice(HOSTS + [text(rnd)]) + rnd.choice(TAILS + [text(rnd)])
    note(f"{tracker_id} {url!r}")
    spec = registry.get(tracker_id).spec
    method = spec.auth_methods[0]
    report = engine.validate(Target(tracker=tracker_id, url=url, auth_method=method.id,
                                    values={f.name: "x" for f in method.fields if not f.secret},
                                    secrets=Secrets({f.name: "s" * 40 for f in method.fields if f.secret})))
    url_check = next(c for c in report.checks if c.id == f"{tracker_id}.url")
    # A page address pasted from the browser is trimmed to the site first; the address rules then judge the site.
    site = engine.site_target(Target(tracker=tracker_id, url=url)).url
    if validation.url_problem(site.strip().rstrip("/")) is not None:
        assert url_check.status.value == "fail"
    if report.problem is not None:
        assert report.problem.kind is ErrorKind.BAD_INPUT and report.problem.message


# -- 4. name validation ----------------------------------------------------------------------------


@FUZZ
@given(rnd=seeds)
def test_name_validation_and_escaping(rnd):
    name = text(rnd) if rnd.random() < 0.8 else rnd.choice(PIECES) * rnd.randint(150, 260)
    note(repr(name))
    problem = validation.name_problem(name, "The name")
    if problem is None:
        assert name.strip() and len(name) <= validation.MAX_NAME
        assert not any(validation.is_control(c) for c in name)
    else:
        assert problem.kind is ErrorKind.BAD_INPUT and problem.reason.startswith("input.name_")
        assert not any(validation.is_control(c) for c in problem.text())
    shown = validation.escape_controls(name)
    assert not any(validation.is_control(c) for c in shown)
    assert validation.escape_controls(shown) == shown


# -- 5. the reply parsers --------------------------------------------------------------------------

_DIAGNOSERS = []
for _t in registry.all_trackers():
    module = __import__(type(_t).__module__, fromlist=["x"])
    if hasattr(module, "diagnose"):
        _DIAGNOSERS.append((_t.spec.name, module.diagnose))
_DIAGNOSERS.append(("Zendesk", __import__("exadesk.trackers.zendesk", fromlist=["x"]).make_diagnose("oauth")))
_DIAGNOSERS.append(("Jira", __import__("exadesk.trackers.jira_onprem", fromlist=["x"])._diagnoser("basic", "pw")))

HEADER_NAMES = ["Content-Type", "Retry-After", "WWW-Authenticate", "X-RateLimit-Reset", "Location",
                "X-Seraph-LoginReason", "X-Authentication-Denied-Reason", "X-GitHub-SSO", "X-OAuth-Scopes",
                "X-Accepted-OAuth-Scopes", "Sforce-Limit-Info", "X-VSS-E2EID", "X-TFS-FedAuthRedirect"]
HEADER_VALUES = ["inf", "1e400", "-1", "nan", "application/json", "text/html", "Mon, 32 Foo 99999 99:99:99 GMT",
                 "required; url=https://x", "5", "Wed, 21 Oct 2015 07:28:00 GMT"]
BODIES = [b"<html><form action='https://idp/x'>SAMLRequest", b'{"errors":[{"message":null}]}',
          b'{"error":{"message":{"x":1}}}', b'[{"errorCode":5}]', b'{"message": 1e400}', b"<!DOCTYPE html>sign in",
          b'{"error": "invalid_grant", "error_description": 5}', b"\xff\xfe", b"null", b"", b"  "]
#: Nesting deep enough to exhaust a recursive JSON reader (issue 20 item 12, a 100,000-deep reply).
DEEP = [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000]


def reply_body(rnd: random.Random) -> bytes:
    pick = rnd.random()
    if pick < 0.2:
        return rnd.randbytes(rnd.randint(0, 100))
    if pick < 0.5:
        return json.dumps(value(rnd)).encode()
    if pick < 0.7:
        return text(rnd).encode("utf-8", "surrogatepass")
    if pick < 0.72:
        return rnd.choice(DEEP)
    return rnd.choice(BODIES)


@FUZZ
@given(rnd=seeds)
def test_reply_parsers_classify_any_reply(rnd):
    name, diagnose = rnd.choice(_DIAGNOSERS)
    status = rnd.choice([200, 203, 301, 400, 401, 403, 404, 407, 409, 429, 500, 503, 999])
    head = {rnd.choice(HEADER_NAMES): rnd.choice(HEADER_VALUES + [text(rnd)]) for _ in range(rnd.randint(0, 3))}
    body = reply_body(rnd)
    note(f"{name} {status} {head!r} {body[:200]!r}")
    reply = Reply(status, requests.structures.CaseInsensitiveDict(head), body, "https://tracker.example.com/api")
    client = HttpClient(base_url="https://tracker.example.com", page=Page(name, diagnose=diagnose))
    found = diagnose(reply, client)
    assert found is None or isinstance(found, Problem)
    for parse in (lambda: client._classify(reply, None), lambda: client.decode(reply)):
        try:
            parse()
        except CheckError as exc:
            assert exc.problem.message and exc.problem.kind in ErrorKind
    wait = retry_after_seconds(head.get("Retry-After"))
    assert wait is None or wait >= 0


@pytest.mark.parametrize("body", DEEP, ids=["deep-list", "deep-object"])
def test_reply_parsers_on_a_very_deep_reply(body):
    for name, diagnose in _DIAGNOSERS:
        reply = Reply(200, requests.structures.CaseInsensitiveDict({"Content-Type": "application/json"}), body,
                      "https://tracker.example.com/api")
        client = HttpClient(base_url="https://tracker.example.com", page=Page(name, diagnose=diagnose))
        found = diagnose(reply, client)
        assert found is None or isinstance(found, Problem)
        try:
            client.decode(reply)
        except CheckError as exc:
            assert exc.problem.kind is ErrorKind.UNEXPECTED_RESPONSE


@pytest.mark.parametrize("header", ["inf", "1e400", "nan", "-inf", "-1", "99999999999999999999"])
def test_reply_parsers_on_a_non_finite_retry_after(header):
    reply = Reply(429, requests.structures.CaseInsensitiveDict({"Retry-After": header}), b"{}",
                  "https://tracker.example.com/api")
    client = HttpClient(base_url="https://tracker.example.com", page=Page("Tracker"))
    try:
        client._classify(reply, None)
    except CheckError as exc:
        assert exc.problem.kind is ErrorKind.RATE_LIMITED
