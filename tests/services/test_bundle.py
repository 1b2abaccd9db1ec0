"""Handover bundles: round trips with and without secrets (also through a real Secret Service) and hostile files."""

from __future__ import annotations

import json
import uuid

import keyring
import pytest

from exadesk.services import bundle
from exadesk.services.bundle import BundleError
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Connection
from exadesk.store.storage import Store
from tests.commands.workflow import add_github, new_token

PASSPHRASE = "correct horse battery " + uuid.uuid4().hex[:6]


@pytest.fixture
def acme(cli, monkeypatch):
    """A stored workspace of two GitHub instances (nothing verified) with one connection; returns the tokens."""
    tokens = [new_token(), new_token()]
    add_github(cli, monkeypatch, "https://github.com", "Site", tokens[0])
    add_github(cli, monkeypatch, "https://github.example.com", "Enterprise", tokens[1])

    def connect(data):
        ws = data.workspace("Acme")
        ws.connections.append(Connection("Site to Enterprise", ws.instances[0].id, ws.instances[1].id))

    Store().update(connect)
    return tokens


def _move_home(monkeypatch, tmp_path, name: str) -> None:
    """Act as the receiver: another data folder (same keychain backend)."""
    monkeypatch.setenv("EXADESK_HOME", str(tmp_path / name))


def _forget_secrets(ws) -> None:
    store = SecretStore()
    for inst in ws.instances:
        store.delete(inst.id, inst.secret_fields)


def test_without_secrets_round_trip(acme, cli, tmp_path, monkeypatch):
    out = tmp_path / "acme.exadesk"
    result = cli("export", "--workspace", "Acme", "-o", str(out))
    assert result.code == 0, result.err
    raw = out.read_bytes()
    assert all(t.encode() not in raw for t in acme)
    assert json.loads(raw)["secrets"] is None
    sender = Store().load().data.workspace("Acme")
    _forget_secrets(sender)
    _move_home(monkeypatch, tmp_path, "receiver")
    preview = cli("import", str(out), "--dry-run")
    assert preview.code == 0 and "2 instances and 1 connection" in preview.out and "+ Site (GitHub)" in preview.out
    assert Store().load().data.workspaces == []  # the preview wrote nothing
    assert cli("import", str(out)).code == 0
    got = Store().load().data.workspace("Acme")
    assert [i.name for i in got.instances] == ["Site", "Enterprise"]
    assert got.connections[0].left == got.instances[0].id and got.connections[0].right == got.instances[1].id
    assert SecretStore().get(got.instances[0].id, "token") is None
    # Importing again never overwrites: a second workspace with a new name and new instance ids.
    assert cli("import", str(out)).code == 0
    names = [w.name for w in Store().load().data.workspaces]
    assert names == ["Acme", "Acme (imported)"]
    second = Store().load().data.workspace("Acme (imported)")
    assert {i.id for i in second.instances}.isdisjoint({i.id for i in got.instances})
    assert second.connections[0].left == second.instances[0].id


def _round_trip_with_secrets(tokens, cli, tmp_path, monkeypatch):
    monkeypatch.setenv("EXADESK_TEST_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "acme-secrets.exadesk"
    result = cli("export", "--workspace", "Acme", "-o", str(out), "--include-secrets",
                 "--passphrase-env", "EXADESK_TEST_PASSPHRASE")
    assert result.code == 0, result.err
    raw = out.read_bytes()
    assert all(t.encode() not in raw for t in tokens) and PASSPHRASE.encode() not in raw
    box = json.loads(raw)["secrets"]
    assert box["cipher"] == "AES-256-GCM" and box["kdf"]["name"] == "scrypt" and box["kdf"]["n"] == 2**16
    _forget_secrets(Store().load().data.workspace("Acme"))
    _move_home(monkeypatch, tmp_path, "receiver")
    result = cli("import", str(out), "--passphrase-env", "EXADESK_TEST_PASSPHRASE")
    assert result.code == 0, result.err
    assert all(t not in result.out + result.err for t in tokens)
    got = Store().load().data.workspace("Acme")
    store = SecretStore()
    try:
        assert [store.get(i.id, "token") for i in got.instances] == tokens
    finally:
        _forget_secrets(got)


def test_with_secrets_round_trip(acme, cli, tmp_path, monkeypatch):
    _round_trip_with_secrets(acme, cli, tmp_path, monkeypatch)


@pytest.mark.secret_service
def test_with_secrets_round_trip_through_a_real_secret_service(cli, tmp_path, monkeypatch):
    from keyring.backends import SecretService

    previous = keyring.get_keyring()
    keyring.set_keyring(SecretService.Keyring())
    try:
        tokens = [new_token(), new_token()]
        add_github(cli, monkeypatch, "https://github.com", "Site", tokens[0])
        add_github(cli, monkeypatch, "https://github.example.com", "Enterprise", tokens[1])
        _round_trip_with_secrets(tokens, cli, tmp_path, monkeypatch)
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def secret_bundle(acme, tmp_path):
    data = bundle.export_workspace(Store().load().data.workspace("Acme"), passphrase=PASSPHRASE)
    return data, acme


def _refused(raw: bytes, tmp_path, memory_keyring, reason: str, passphrase: str = PASSPHRASE) -> BundleError:
    """Import must fail with ``reason`` and write nothing: no workspace, no keychain entry."""
    path = tmp_path / f"hostile-{uuid.uuid4().hex[:6]}.exadesk"
    path.write_bytes(raw)
    before_data, before_keys = Store().load().data.workspaces, dict(memory_keyring.entries)
    with pytest.raises(BundleError) as info:
        bundle.apply_import(Store(), bundle.read_bundle(path), passphrase=passphrase)
    assert info.value.problem.reason == reason, info.value.problem
    assert info.value.problem.message and "Nothing was imported" in info.value.problem.next_step
    assert [w.name for w in Store().load().data.workspaces] == [w.name for w in before_data]
    assert memory_keyring.entries == before_keys
    assert PASSPHRASE not in str(info.value)
    return info.value


def test_wrong_passphrase_writes_nothing(secret_bundle, tmp_path, memory_keyring):
    raw, _ = secret_bundle
    _refused(raw, tmp_path, memory_keyring, "bundle.wrong_passphrase", passphrase="not the passphrase at all")


def test_flipped_byte_in_the_workspace_is_detected(secret_bundle, tmp_path, memory_keyring):
    raw, _ = secret_bundle
    at = raw.index(b'"name": "Site"') + len(b'"name": "S')
    flipped = raw[:at] + bytes([raw[at] ^ 0x01]) + raw[at + 1:]
    _refused(flipped, tmp_path, memory_keyring, "bundle.damaged")


def test_flipped_byte_in_the_secrets_is_detected_after_the_passphrase(secret_bundle, tmp_path, memory_keyring):
    raw, _ = secret_bundle
    top = json.loads(raw)
    cipher = bytearray(__import__("base64").b64decode(top["secrets"]["ciphertext"]))
    cipher[5] ^= 0x80
    top["secrets"]["ciphertext"] = __import__("base64").b64encode(bytes(cipher)).decode()
    _refused(json.dumps(top).encode(), tmp_path, memory_keyring, "bundle.damaged")


def test_truncated_file_is_refused(secret_bundle, tmp_path, memory_keyring):
    raw, _ = secret_bundle
    _refused(raw[: len(raw) // 2], tmp_path, memory_keyring, "bundle.damaged")


def test_huge_file_is_refused_before_parsing(tmp_path, memory_keyring, monkeypatch):
    def must_not_parse(*args, **kwargs):
        raise AssertionError("a huge file must be refused before it is parsed")

    path = tmp_path / "huge.exadesk"
    with open(path, "wb") as handle:
        handle.write(b'{"format": "exadesk-bundle", "x": "')
        handle.truncate(bundle.MAX_BYTES + 1)
    monkeypatch.setattr(bundle.json, "loads", must_not_parse)
    with pytest.raises(BundleError) as info:
        bundle.read_bundle(path)
    assert info.value.problem.reason == "bundle.too_large"


def test_newer_version_is_refused(secret_bundle, tmp_path, memory_keyring):
    raw, _ = secret_bundle
    top = json.loads(raw)
    top["version"] = bundle.VERSION + 1
    error = _refused(json.dumps(top).encode(), tmp_path, memory_keyring, "bundle.newer")
    assert "newer ExaDesk" in error.problem.message


@pytest.mark.parametrize("mutate, reason", [
    (lambda t: t.update(run="rm -rf /"), "bundle.invalid"),  # unknown top-level field
    (lambda t: t["payload"]["workspace"]["instances"][0].update(tracker="evil"), "bundle.damaged"),
    (lambda t: t.update(format="something else"), "bundle.not_bundle"),
    (lambda t: t["secrets"]["kdf"].update(n=2**30), "bundle.kdf_cost"),  # a memory bomb of a key derivation
    (lambda t: t.update(version="1"), "bundle.invalid"),
], ids=["unknown-field", "edited-payload", "not-a-bundle", "kdf-bomb", "version-text"])
def test_hostile_content_is_refused(secret_bundle, tmp_path, memory_keyring, mutate, reason):
    raw, _ = secret_bundle
    top = json.loads(raw)
    mutate(top)
    _refused(json.dumps(top).encode(), tmp_path, memory_keyring, reason)


def test_schema_is_checked_even_with_a_matching_checksum(tmp_path, memory_keyring):
    """An attacker can recompute the checksum; validation must still refuse bad content."""
    payload = {"workspace": {"id": "w1", "name": "Evil", "instances": [
        {"id": "i1", "tracker": "github", "name": "x", "values": {"token": "clear"}, "secret_fields": ["token"]}]}}
    top = {"format": "exadesk-bundle", "version": 1, "payload": payload,
           "payload_sha256": bundle.hashlib.sha256(bundle._canonical(payload)).hexdigest(), "secrets": None}
    error = _refused(json.dumps(top).encode(), tmp_path, memory_keyring, "bundle.invalid")
    assert "in clear" in error.problem.message


def test_short_passphrase_and_missing_passphrase(acme, tmp_path, memory_keyring):
    ws = Store().load().data.workspace("Acme")
    with pytest.raises(BundleError) as info:
        bundle.export_workspace(ws, passphrase="short")
    assert info.value.problem.reason == "bundle.passphrase_weak"
    raw = bundle.export_workspace(ws, passphrase=PASSPHRASE)
    _refused(raw, tmp_path, memory_keyring, "bundle.passphrase_needed", passphrase="")


def test_cli_import_reports_a_wrong_passphrase_clearly(secret_bundle, cli, tmp_path, monkeypatch):
    raw, _ = secret_bundle
    path = tmp_path / "acme.exadesk"
    path.write_bytes(raw)
    monkeypatch.setenv("EXADESK_TEST_WRONG", "definitely the wrong one")
    result = cli("import", str(path), "--passphrase-env", "EXADESK_TEST_WRONG")
    assert result.code == 2
    assert "passphrase does not open" in result.err and "Nothing was imported" in result.err
    skipped = cli("import", str(path), "--skip-secrets")
    assert skipped.code == 0 and "not in the bundle" in skipped.out


def test_a_passphrase_typed_decomposed_opens_a_bundle_made_composed(acme, tmp_path, memory_keyring):
    """"é" is one character on Windows and Linux and e + accent on macOS: the same passphrase to the person."""
    import unicodedata

    composed = "Crème brûlée à la façon de Zoë"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    raw = bundle.export_workspace(Store().load().data.workspace("Acme"), passphrase=composed)
    path = tmp_path / "accents.exadesk"
    path.write_bytes(raw)
    found = bundle.read_bundle(path)
    assert bundle.decrypt_secrets(found, decomposed) == bundle.decrypt_secrets(found, composed) != {}
