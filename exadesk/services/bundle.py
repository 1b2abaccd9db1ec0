"""Handover bundles: one workspace in one file, secrets left out unless encrypted with a passphrase.

File layout (JSON, UTF-8)::

    {"format": "exadesk-bundle", "version": 1, "created_at": ..., "app_version": ...,
     "payload": {"workspace": {...}},            # no secret, ever
     "payload_sha256": "<hex of the canonical payload>",
     "secrets": null | {"cipher": "AES-256-GCM", "kdf": {"name": "scrypt", "n", "r", "p", "salt"},
                        "key_check": ..., "nonce": ..., "ciphertext": ...}}

The secrets are ``{instance id: {field: value}}`` encrypted with AES-256-GCM
under a key from scrypt (parameters recorded in the file, bounded on import),
with the payload digest as associated data, so they cannot be moved to another
workspace. ``payload_sha256`` detects a damaged file; without secrets it is not
a signature, and the import preview is what the receiver trusts.

Importing never executes anything: the file is size-capped before parsing,
parsed with ``json`` only, validated field by field (unknown fields refused),
and nothing is written, to the keychain or the data file, until everything
checked out, including the passphrase.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import unicodedata
from dataclasses import field
from datetime import datetime
from pathlib import Path

from exadesk import __version__
from exadesk.foundation import clock, messages
from exadesk.foundation.errors import ExaDeskError, KeychainError
from exadesk.foundation.records import dataclass
from exadesk.foundation.validation import MAX_NAME, MAX_URL, escape_controls, is_safe_id
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Connection, Data, Instance, Workspace, new_id

FORMAT = "exadesk-bundle"
VERSION = 1
SUFFIX = ".exadesk"
MAX_BYTES = 8 * 2**20  # far above 500 instances with full history
MAX_INSTANCES = 5000
MAX_CONNECTIONS = 5000
MAX_TEXT = 20_000
MIN_PASSPHRASE = 12

#: scrypt cost used on export (64 MiB and a fraction of a second). Import accepts what ExaDesk writes with
#: headroom for a future raise (n twice as large, two lanes: at most 128 MiB and about four times the time),
#: never what a tampered file declares: n=2^20, r=16, p=4 would take 2 GiB and many seconds per attempt.
SCRYPT = {"n": 2**16, "r": 8, "p": 1}
SCRYPT_MAX_N, SCRYPT_MAX_R, SCRYPT_MAX_P = 2**17, 8, 2

_TOP_KEYS = {"format", "version", "created_at", "app_version", "payload", "payload_sha256", "secrets"}
# The fields a bundle may hold are exactly those this version's model writes; anything else is refused.
_WORKSPACE_KEYS = frozenset(Workspace(name="").to_json())
_INSTANCE_KEYS = frozenset(Instance(tracker="", name="", url="", auth_method="").to_json())
_CONNECTION_KEYS = frozenset(Connection(name="", left="", right="").to_json())
_SECRET_KEYS = {"cipher", "kdf", "key_check", "nonce", "ciphertext"}


class BundleError(ExaDeskError):
    """A bundle could not be written or read; nothing was imported."""


def _fail(reason: str, **params) -> BundleError:
    return BundleError(messages.problem(reason, **params))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int, *, normalise: bool = True) -> bytes:
    """The key of a passphrase. Normalised to NFC: "é" typed as one character (Windows, Linux) or as e + accent
    (macOS) is the same passphrase to the person, so it must give the same key."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    text = unicodedata.normalize("NFC", passphrase) if normalise else passphrase
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(text.encode("utf-8", errors="surrogateescape"))


def _key_matches(key: bytes, key_check: str) -> bool:
    # Bytes: compare_digest refuses a str with non-ASCII characters (a tampered key_check) with a TypeError.
    return hmac.compare_digest(_key_check(key).encode(), key_check.encode("utf-8", errors="surrogateescape"))


def _key_check(key: bytes) -> str:
    # Lets a wrong passphrase be told apart from a changed ciphertext; reveals nothing GCM would not.
    return hmac.new(key, b"exadesk-bundle key check", hashlib.sha256).hexdigest()


# -- export ------------------------------------------------------------------------------


def export_workspace(workspace: Workspace, *, passphrase: str | None = None, secrets: SecretStore | None = None,
                     now: datetime | None = None) -> bytes:
    """The bundle bytes of ``workspace``; secrets are included (encrypted) only when a passphrase is given.

    Raises:
        BundleError: the passphrase is too short, or a secret is missing from the keychain.
        KeychainError: the keychain could not be read.
    """
    payload = {"workspace": workspace.to_json()}
    digest = hashlib.sha256(_canonical(payload)).hexdigest()
    bundle = {"format": FORMAT, "version": VERSION, "created_at": (now or clock.now()).isoformat(),
              "app_version": __version__, "payload": payload, "payload_sha256": digest, "secrets": None}
    if passphrase is not None:
        if len(passphrase) < MIN_PASSPHRASE:
            raise _fail("bundle.passphrase_weak", length=len(passphrase), minimum=MIN_PASSPHRASE)
        store = secrets or SecretStore()
        values: dict[str, dict[str, str]] = {}
        for inst in workspace.instances:
            for name in inst.secret_fields:
                value = store.get(inst.id, name)
                if not value:
                    raise _fail("bundle.secret_missing", field=name, instance=inst.name)
                values.setdefault(inst.id, {})[name] = value
        bundle["secrets"] = _encrypt(values, passphrase, digest)
    return json.dumps(bundle, indent=1, ensure_ascii=False).encode("utf-8")


def _encrypt(values: dict, passphrase: str, digest: str) -> dict:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key = _derive(passphrase, salt, **SCRYPT)
    ciphertext = AESGCM(key).encrypt(nonce, _canonical(values), digest.encode("ascii"))
    return {"cipher": "AES-256-GCM", "kdf": {"name": "scrypt", **SCRYPT, "salt": _b64(salt)},
            "key_check": _key_check(key), "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)}


# -- reading -----------------------------------------------------------------------------


@dataclass
class Bundle:
    """A read and validated bundle; nothing of it is stored yet."""

    name: str  # the file's name, for messages
    workspace: Workspace
    created_at: str
    app_version: str
    secrets_box: dict | None
    digest: str

    @property
    def has_secrets(self) -> bool:
        return self.secrets_box is not None

    def secret_count(self) -> int:
        return sum(len(i.secret_fields) for i in self.workspace.instances)


def read_bundle(path: Path) -> Bundle:
    """Read and validate a bundle file, refusing anything too large before parsing it."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail("bundle.too_large", name=name, size_mb=f"{size / 2**20:.1f}", limit_mb=MAX_BYTES // 2**20)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _fail("bundle.not_bundle", name=name, detail=exc.strerror or type(exc).__name__) from None
    return parse_bundle(raw, name)


def parse_bundle(raw: bytes, name: str = "the bundle") -> Bundle:
    """Validate bundle bytes (see :func:`read_bundle`)."""
    if len(raw) > MAX_BYTES:
        raise _fail("bundle.too_large", name=name, size_mb=f"{len(raw) / 2**20:.1f}", limit_mb=MAX_BYTES // 2**20)
    if not raw.lstrip()[:1] == b"{":
        raise _fail("bundle.not_bundle", name=name, detail="it does not start like one")
    try:
        top = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _fail("bundle.damaged", name=name, detail="it is incomplete or not valid JSON") from None
    if not isinstance(top, dict) or top.get("format") != FORMAT:
        raise _fail("bundle.not_bundle", name=name, detail="it has no ExaDesk bundle header")
    version = top.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail("bundle.invalid", name=name, where="version", detail="not a format number")
    if version > VERSION:
        raise _fail("bundle.newer", name=name, found=version, supported=VERSION)
    unknown = set(top) - _TOP_KEYS
    if unknown:
        raise _fail("bundle.invalid", name=name, where="header", detail=f"unknown fields {sorted(unknown)}")
    payload = top.get("payload")
    if not isinstance(payload, dict) or set(payload) != {"workspace"}:
        raise _fail("bundle.invalid", name=name, where="payload", detail="expected exactly one workspace")
    digest = hashlib.sha256(_canonical(payload)).hexdigest()
    if not _is_hex(top.get("payload_sha256"), 64) or not hmac.compare_digest(digest, top["payload_sha256"]):
        raise _fail("bundle.damaged", name=name, detail="its checksum does not match its content")
    workspace = _validate_workspace(payload["workspace"], name)
    box = top.get("secrets")
    if box is not None:
        _validate_box(box, name)
    return Bundle(name, workspace, str(top.get("created_at", ""))[:64], str(top.get("app_version", ""))[:32], box,
                  digest)


def _is_hex(value, length: int) -> bool:
    """A digest as ExaDesk writes it (compare_digest refuses non-ASCII text with a TypeError)."""
    return isinstance(value, str) and len(value) == length and all(c in "0123456789abcdef" for c in value)


def _check(cond: bool, name: str, where: str, detail: str) -> None:
    if not cond:
        raise _fail("bundle.invalid", name=name, where=where, detail=detail)


def _text(value, name: str, where: str, limit: int = MAX_TEXT, optional: bool = False) -> None:
    if optional and value is None:
        return
    _check(isinstance(value, str) and len(value) <= limit, name, where, f"expected text of at most {limit} characters")


def _validate_workspace(raw, name: str) -> Workspace:
    from exadesk.verification import registry

    _check(isinstance(raw, dict), name, "workspace", "not an object")
    _check(not set(raw) - _WORKSPACE_KEYS, name, "workspace", f"unknown fields {sorted(set(raw) - _WORKSPACE_KEYS)}")
    _text(raw.get("id"), name, "workspace id", 64)
    _text(raw.get("name"), name, "workspace name", MAX_NAME)
    _check(bool(str(raw.get("name")).strip()), name, "workspace name", "empty")
    instances = raw.get("instances", [])
    connections = raw.get("connections", [])
    _check(isinstance(instances, list) and len(instances) <= MAX_INSTANCES, name, "instances",
           f"expected a list of at most {MAX_INSTANCES}")
    _check(isinstance(connections, list) and len(connections) <= MAX_CONNECTIONS, name, "connections",
           f"expected a list of at most {MAX_CONNECTIONS}")
    known = {t.spec.id for t in registry.all_trackers()}
    ids = set()
    for index, inst in enumerate(instances):
        where = f"instance {index + 1}"
        _check(isinstance(inst, dict), name, where, "not an object")
        _check(not set(inst) - _INSTANCE_KEYS, name, where, f"unknown fields {sorted(set(inst) - _INSTANCE_KEYS)}")
        for key in ("id", "tracker", "name"):
            _text(inst.get(key), name, f"{where} {key}", MAX_NAME)
        _check(bool(inst["name"].strip()), name, f"{where} name", "empty")
        _text(inst.get("url", ""), name, f"{where} url", MAX_URL)
        _check(inst["tracker"] in known, name, where, f"unknown tracker {inst['tracker'][:40]!r}")
        _check(inst["id"] not in ids, name, where, "duplicate id")
        ids.add(inst["id"])
        for key in ("url", "auth_method", "proxy_user", "notes", "role"):
            _text(inst.get(key, ""), name, f"{where} {key}")
        _text(inst.get("ca_bundle"), name, f"{where} ca_bundle", optional=True)
        values = inst.get("values", {})
        _check(isinstance(values, dict) and len(values) <= 50 and
               all(isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_TEXT for k, v in values.items()),
               name, f"{where} values", "expected a small map of texts")
        for key in ("secret_fields", "sync", "scope"):
            items = inst.get(key, [])
            _check(isinstance(items, list) and len(items) <= 1000 and all(isinstance(s, str) and len(s) <= 500
                                                                           for s in items),
                   name, f"{where} {key}", "expected a list of short texts")
        secret_names = set(inst.get("secret_fields", []))
        _check(not secret_names & set(values), name, f"{where} values", "a secret field is stored in clear")
        history = inst.get("history", [])
        _check(isinstance(history, list) and len(history) <= Instance.HISTORY_LIMIT, name, f"{where} history",
               f"expected at most {Instance.HISTORY_LIMIT} results")
    for index, conn in enumerate(connections):
        where = f"connection {index + 1}"
        _check(isinstance(conn, dict), name, where, "not an object")
        _check(not set(conn) - _CONNECTION_KEYS, name, where, f"unknown fields {sorted(set(conn) - _CONNECTION_KEYS)}")
        for key in ("id", "name", "left", "right"):
            _text(conn.get(key), name, f"{where} {key}", MAX_NAME)
        _check(conn["left"] in ids and conn["right"] in ids, name, where, "joins an instance that is not in the bundle")
        for key in ("admins", "admin_kinds"):
            mapping = conn.get(key, {})
            _check(isinstance(mapping, dict) and len(mapping) <= 2 and all(
                k in ids and isinstance(v, str) and (key == "admin_kinds" or v in ids) and len(v) <= 40
                for k, v in mapping.items()), name, f"{where} {key}", "names an instance that is not in the bundle")
    try:
        workspace = Workspace.from_json(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _fail("bundle.invalid", name=name, where="workspace", detail=type(exc).__name__) from None
    _show_controls(workspace)
    return workspace


def _show_controls(workspace: Workspace) -> None:
    """Write control characters that came in a bundle visibly (``\\x1b``), so no screen obeys them.

    ExaDesk refuses them when a person types a name; a bundle may still carry them (edited by hand, or
    made to attack the receiver's terminal), and the preview shows exactly what will be stored.
    """
    workspace.name = escape_controls(workspace.name)
    workspace.notes = escape_controls(workspace.notes, keep="\n\t")
    workspace.person = escape_controls(workspace.person)
    for inst in workspace.instances:
        inst.name, inst.url = escape_controls(inst.name), escape_controls(inst.url)
        inst.proxy_user, inst.notes = escape_controls(inst.proxy_user), escape_controls(inst.notes, keep="\n\t")
    for conn in workspace.connections:
        conn.name = escape_controls(conn.name)


def _validate_box(box, name: str) -> None:
    _check(isinstance(box, dict) and set(box) == _SECRET_KEYS, name, "secrets", "unexpected layout")
    _check(box["cipher"] == "AES-256-GCM", name, "secrets", "unknown cipher")
    kdf = box["kdf"]
    _check(isinstance(kdf, dict) and kdf.get("name") == "scrypt" and set(kdf) == {"name", "n", "r", "p", "salt"},
           name, "secrets", "unknown key derivation")
    for key in ("n", "r", "p"):
        value = kdf[key]
        _check(isinstance(value, int) and not isinstance(value, bool) and value >= 1, name, "secrets",
               f"key derivation parameter {key} is not a positive whole number")
    if kdf["n"] > SCRYPT_MAX_N or kdf["r"] > SCRYPT_MAX_R or kdf["p"] > SCRYPT_MAX_P:
        raise _fail("bundle.kdf_cost", name=name, n=_power(kdf["n"]), r=kdf["r"], p=kdf["p"],
                    max_n=_power(SCRYPT_MAX_N), max_r=SCRYPT_MAX_R, max_p=SCRYPT_MAX_P,
                    memory_mb=128 * kdf["r"] * kdf["n"] * max(1, kdf["p"]) // 2**20)
    _check(kdf["n"] & (kdf["n"] - 1) == 0 and kdf["n"] > 1, name, "secrets", "scrypt n must be a power of two")
    for key in ("salt", "nonce", "ciphertext", "key_check"):
        _check(isinstance(kdf.get(key, box.get(key)), str), name, "secrets", f"{key} is not text")


def _power(n: int) -> str:
    return f"2^{n.bit_length() - 1}" if n > 0 and n & (n - 1) == 0 else str(n)


def decrypt_secrets(bundle: Bundle, passphrase: str) -> dict[str, dict[str, str]]:
    """The secrets of a bundle, ``{instance id: {field: value}}``.

    Raises:
        BundleError: wrong passphrase (bundle.wrong_passphrase) or changed secrets (bundle.damaged).
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    box = bundle.secrets_box
    if box is None:
        return {}
    kdf = box["kdf"]
    try:
        salt, nonce = base64.b64decode(kdf["salt"], validate=True), base64.b64decode(box["nonce"], validate=True)
        ciphertext = base64.b64decode(box["ciphertext"], validate=True)
    except ValueError:
        raise _fail("bundle.damaged", name=bundle.name, detail="the encrypted part is not readable") from None
    if len(nonce) != 12 or len(salt) < 8:
        raise _fail("bundle.damaged", name=bundle.name, detail="the encrypted part is not readable")
    key = _derive(passphrase, salt, kdf["n"], kdf["r"], kdf["p"])
    if not _key_matches(key, box["key_check"]) and unicodedata.normalize("NFC", passphrase) != passphrase:
        # Bundles exported before passphrases were normalised used the characters as typed.
        key = _derive(passphrase, salt, kdf["n"], kdf["r"], kdf["p"], normalise=False)
    if not _key_matches(key, box["key_check"]):
        raise _fail("bundle.wrong_passphrase", name=bundle.name)
    try:
        plain = AESGCM(key).decrypt(nonce, ciphertext, bundle.digest.encode("ascii"))
        values = json.loads(plain.decode("utf-8"))
    except (InvalidTag, ValueError, UnicodeDecodeError):
        raise _fail("bundle.damaged", name=bundle.name, detail="the encrypted secrets were changed") from None
    ok = isinstance(values, dict) and all(
        isinstance(k, str) and isinstance(v, dict) and all(isinstance(f, str) and isinstance(s, str) for f, s in v.items())
        for k, v in values.items())
    if not ok:
        raise _fail("bundle.damaged", name=bundle.name, detail="the encrypted secrets have an unexpected layout")
    return values


# -- import ------------------------------------------------------------------------------


@dataclass
class ImportPlan:
    """What an import will add; shown to the person before anything is written.

    Attributes:
        workspace_name: the name it will get (suffixed when the name is taken).
        merged: never True today: a bundle always becomes a new workspace.
        renamed_ids: instance ids that collide with stored ones get new ids.
    """

    workspace_name: str
    instances: list[tuple[str, str, str]]  # name, tracker, url
    connections: list[str]
    secret_count: int
    secrets_included: bool
    renamed_ids: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The preview as plain sentences."""
        from exadesk.verification.registry import tracker_name
        from exadesk.foundation.words import plural

        instances = plural(len(self.instances), "{count} instance", "{count} instances")
        connections = plural(len(self.connections), "{count} connection", "{count} connections")
        out = [f"Workspace {self.workspace_name!r} will be added with {instances} and {connections}."]
        out += [f"  + {n} ({tracker_name(t)}) {u}" for n, t, u in self.instances]
        out += [f"  + connection {c}" for c in self.connections]
        if self.secrets_included:
            out.append(plural(self.secret_count, "{count} secret will go into this machine's keychain once the "
                              "passphrase checks out.", "{count} secrets will go into this machine's keychain once "
                              "the passphrase checks out."))
        elif self.secret_count:
            out.append(plural(self.secret_count, "{count} secret is not in the bundle; enter it again before "
                              "verifying.", "{count} secrets are not in the bundle; enter them again before "
                              "verifying."))
        return out


def plan_import(data: Data, bundle: Bundle, *, as_name: str | None = None, with_secrets: bool = True) -> ImportPlan:
    """Work out what importing ``bundle`` into ``data`` adds, without changing anything."""
    name = as_name or bundle.workspace.name
    taken = {w.name.lower() for w in data.workspaces}
    base, n = name, 2
    while name.lower() in taken:
        name = f"{base} (imported{'' if n == 2 else f' {n - 1}'})"
        n += 1
    stored_ids = {i.id for w in data.workspaces for i in w.instances}
    # An id already stored, or one that is not a plain id (it names keychain entries and lock files), gets a new one.
    renamed = {i.id: new_id() for i in bundle.workspace.instances if i.id in stored_ids or not is_safe_id(i.id)}
    ws = bundle.workspace
    return ImportPlan(name, [(i.name, i.tracker, i.url) for i in ws.instances], [c.name for c in ws.connections],
                      bundle.secret_count(), bundle.has_secrets and with_secrets, renamed)


def apply_import(store, bundle: Bundle, *, passphrase: str | None = None, with_secrets: bool = True,
                 as_name: str | None = None, secrets: SecretStore | None = None) -> Workspace:
    """Import ``bundle`` as a new workspace; secrets go to the keychain only after the passphrase checks out.

    With ``with_secrets`` and a bundle holding secrets, a passphrase is required. The instance ids are
    reserved first (an id already stored, or being imported by another run at the same moment, gets a
    new one), so the secrets this run writes are its own: on any failure it removes exactly those, and a
    run killed half-way is settled at the next start (see :mod:`exadesk.store.recovery`).

    Returns:
        The workspace as stored (its name may carry a suffix when the name was taken meanwhile).
    """
    from exadesk.store import recovery

    use_secrets = bundle.has_secrets and with_secrets
    values: dict[str, dict[str, str]] = {}
    if use_secrets:
        if not passphrase:
            raise _fail("bundle.passphrase_needed", name=bundle.name)
        values = decrypt_secrets(bundle, passphrase)
    ws = Workspace.from_json(bundle.workspace.to_json())
    ws.id = new_id()
    wanted = {i.id: (list(i.secret_fields) if use_secrets else []) for i in ws.instances}
    held = recovery.claim(store, wanted, rename_taken=True)
    try:
        ids = held.renamed
        for inst in ws.instances:
            inst.id = ids.get(inst.id, inst.id)
        for conn in ws.connections:
            conn.left, conn.right = ids.get(conn.left, conn.left), ids.get(conn.right, conn.right)
            conn.admins = {ids.get(k, k): ids.get(v, v) for k, v in conn.admins.items()}
        recovery.crash_point("import.claimed")
        written: list[tuple[str, str]] = []
        keychain = None
        try:
            if use_secrets:
                keychain = secrets or SecretStore()
                for inst in ws.instances:
                    for field_name in inst.secret_fields:
                        value = values.get(_old(ids, inst.id), {}).get(field_name)
                        if value:
                            keychain.set(inst.id, field_name, value)
                            written.append((inst.id, field_name))
            recovery.crash_point("import.secrets_written")

            def add(d: Data) -> None:
                # The name is settled under the lock: a parallel import of the same bundle gets the next suffix.
                ws.name = plan_import(d, bundle, as_name=as_name, with_secrets=with_secrets).workspace_name
                d.workspaces.append(ws)

            store.update(add)
        except BaseException:
            settled = True
            for inst_id, field_name in written:  # only what this run wrote, under ids only this run holds
                try:
                    keychain.delete(inst_id, [field_name])
                except KeychainError:
                    settled = False
            if not settled:
                held.leave()  # the next start deletes what could not be deleted now
            raise
        recovery.crash_point("import.stored")
    finally:
        held.release()
    return ws


def _old(renamed: dict[str, str], new: str) -> str:
    for old, replacement in renamed.items():
        if replacement == new:
            return old
    return new
