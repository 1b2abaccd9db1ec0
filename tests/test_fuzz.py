"""Fuzzing with hypothesis: validators, the data-file loader and the bundle importer take any input
and either accept it or give a clear, classified error (never an unexpected exception)."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from exadesk.foundation.errors import CheckError, ErrorKind, ExaDeskError, StorageError
from exadesk.store.model import Instance, Workspace, parse_sync
from exadesk.store.storage import Store, decode
from exadesk.verification import engine, registry
from exadesk.verification.http import HttpClient, Page
from exadesk.verification.spec import Secrets, Target, normalise_url

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

TRACKER_IDS = [t.id for t in registry.all_trackers()]

url_like = st.one_of(
    st.text(max_size=80),
    st.builds(lambda scheme, host, rest: f"{scheme}{host}{rest}",
              st.sampled_from(["https://", "http://", "ftp://", "", "https:/", "HTTPS://", "https://user:pw@"]),
              st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
              st.sampled_from(["", "/", ":8443", ":99999", "/jira?x=1", "[", "]", ":abc", "/%zz", " "])),
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


# -- URL and credential validators ------------------------------------------------------


@FUZZ
@given(tracker_id=st.sampled_from(TRACKER_IDS), url=url_like, value=st.text(max_size=60),
       secret=st.text(max_size=60).map(lambda s: "Sx9q" + s))
def test_offline_validation_accepts_or_explains(tracker_id, url, value, secret):
    assume(secret not in url and secret not in value and "{" not in url + value)
    spec = registry.get(tracker_id).spec
    method = spec.auth_methods[0]
    values = {f.name: value for f in method.fields if not f.secret}
    secrets = {f.name: secret for f in method.fields if f.secret}
    report = engine.validate(Target(tracker=tracker_id, url=url, auth_method=method.id, values=values,
                                    secrets=Secrets(secrets)))
    if report.problem is not None:
        assert report.problem.kind is ErrorKind.BAD_INPUT
        assert report.problem.message and "{" not in report.problem.text()
    if len(secret) >= 6 and secret.strip() == secret:
        shown = json.dumps(report.to_json())
        assert secret not in shown and json.dumps(secret)[1:-1] not in shown, "a secret field value was echoed"


@FUZZ
@given(url=url_like)
def test_normalise_url_never_raises(url):
    out = normalise_url(url)
    assert isinstance(out, str) and not out.endswith("/")


@FUZZ
@given(url=url_like)
def test_http_client_accepts_or_refuses_an_address_cleanly(url):
    try:
        HttpClient(base_url=url, page=Page("Tracker"))
    except CheckError as exc:
        assert exc.problem.kind is ErrorKind.BAD_INPUT


@FUZZ
@given(text=st.text(max_size=60))
def test_sync_option_parser(text):
    try:
        parsed = parse_sync(text)
    except ValueError as exc:
        assert "known:" in str(exc)
    else:
        assert isinstance(parsed, frozenset)


# -- the data-file loader ---------------------------------------------------------------


def _load_cleanly(raw: bytes):
    try:
        decode(raw)
    except (ValueError, UnicodeDecodeError, StorageError):
        pass


@FUZZ
@given(raw=st.binary(max_size=200))
def test_loader_on_arbitrary_bytes(raw):
    _load_cleanly(raw)


@FUZZ
@given(top=json_values)
def test_loader_on_arbitrary_json(top):
    _load_cleanly(json.dumps(top).encode())


_GOOD = Instance(tracker="github", name="Web", url="https://github.com", auth_method="classic").to_json()


@FUZZ
@given(key=st.sampled_from(sorted(_GOOD)), value=json_values)
def test_loader_on_instances_with_one_wrong_field(key, value):
    instance = dict(_GOOD, **{key: value})
    raw = {"schema_version": 2, "workspaces": [{"id": "w", "name": "W", "instances": [instance]}]}
    _load_cleanly(json.dumps(raw).encode())


@FUZZ
@given(key=st.sampled_from(["proxy", "ca_bundle", "theme", "timeout", "allow_plaintext_secrets"]), value=json_values)
def test_loader_on_settings_with_one_wrong_field(key, value):
    _load_cleanly(json.dumps({"schema_version": 2, "workspaces": [], "settings": {key: value}}).encode())


@pytest.mark.parametrize("raw", [b"[" * 100_000, b'{"a":' * 100_000, b'{"schema_version": 1e400}',
                                 b'{"schema_version": 2, "workspaces": [null]}'],
                         ids=["deep-list", "deep-object", "huge-version", "null-workspace"])
def test_loader_on_pathological_files(tmp_path, raw):
    path = tmp_path / "exadesk.json"
    path.write_bytes(raw)
    loaded = Store(path).load()
    assert loaded.data.workspaces == []
    assert [w.reason for w in loaded.warnings] == ["storage.corrupt"]


# -- the bundle importer ----------------------------------------------------------------

bundle = pytest.importorskip("exadesk.services.bundle", reason="no bundle importer yet")


def _valid_bundle_dict() -> dict:
    ws = Workspace(name="Client", instances=[Instance(tracker="github", name="Web", url="https://github.com",
                                                      auth_method="classic")])
    return json.loads(bundle.export_workspace(ws))


def _seal(top: dict) -> bytes:
    """Recompute the checksum so mutations reach the validation behind it."""
    top = dict(top)
    if isinstance(top.get("payload"), dict):
        top["payload_sha256"] = hashlib.sha256(bundle._canonical(top["payload"])).hexdigest()
    return json.dumps(top).encode()


def _import_cleanly(raw: bytes):
    try:
        found = bundle.parse_bundle(raw, "fuzz.exadesk")
    except ExaDeskError as exc:
        assert exc.problem.reason.startswith("bundle."), exc.problem.reason
        assert exc.problem.message and "{" not in exc.problem.text()
        return None
    assert isinstance(found.workspace, Workspace)
    return found


@FUZZ
@given(raw=st.binary(max_size=300))
def test_bundle_on_arbitrary_bytes(raw):
    _import_cleanly(raw)


@FUZZ
@given(raw=st.binary(max_size=100))
def test_bundle_on_bytes_that_start_like_json(raw):
    _import_cleanly(b"{" + raw)


@FUZZ
@given(data=st.data())
def test_bundle_with_one_wrong_value_anywhere(data):
    top = _valid_bundle_dict()
    ws = top["payload"]["workspace"]
    where = data.draw(st.sampled_from(["top", "workspace", "instance"]))
    target = top if where == "top" else ws if where == "workspace" else ws["instances"][0]
    key = data.draw(st.sampled_from(sorted(target) + ["unexpected"]))
    target[key] = data.draw(json_values)
    _import_cleanly(_seal(top))


def test_valid_bundle_still_imports():
    assert _import_cleanly(_seal(_valid_bundle_dict())) is not None
