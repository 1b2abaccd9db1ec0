"""Issue 20 items 9, 10, 11 and 13: hostile ids, names, lengths and key-derivation costs.

* 9: an instance id from a bundle never names a path: ids are validated and regenerated; OAuth lock
  files derive from a digest of the id and are removed when done.
* 10: control characters (ESC, OSC, BEL, a right-to-left override) are refused in names typed by a
  person and shown escaped when they arrive from a bundle or an old data file.
* 11: one validation for every entry point: ``add`` (with or without ``--workspace``), ``workspace``
  and import follow the same name and address rules, so export never writes what import refuses.
* 13: a bundle's scrypt cost is accepted only within what ExaDesk writes, with headroom.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

import pytest

from exadesk.foundation import paths, validation
from exadesk.services import bundle
from exadesk.store.keychain import SecretStore
from exadesk.store.model import Connection, Instance, Workspace
from exadesk.store.storage import Store
from exadesk.verification import tokens

PASSPHRASE = "correct horse battery staple 42"
TOKEN = "ghp_" + "Qw7e" * 9
HOSTILE_NAMES = {
    "csi-colour": "Prod\x1b[31m red",
    "osc-title": "Prod\x1b]0;owned\x07",
    "bell": "Prod\x07",
    "rtl-override": "Prod\u202etxt.exe",
    "newline": "Prod\nFAKE LINE",
    "c1-csi": "Prod\x9b31m",
}


def _seal(top: dict) -> bytes:
    top["payload_sha256"] = hashlib.sha256(bundle._canonical(top["payload"])).hexdigest()
    return json.dumps(top).encode()


def _bundle_with(tmp_path, *, instance_id="a1b2c3", name="Web", ws_name="Client", tracker="github",
                 auth_method="classic") -> bytes:
    inst = Instance(tracker=tracker, name=name, url="https://github.com", auth_method=auth_method, id=instance_id)
    other = Instance(tracker="github", name="Other", url="https://github.com", auth_method="classic")
    ws = Workspace(name=ws_name, instances=[inst, other],
                   connections=[Connection("Sync", inst.id, other.id, admins={inst.id: other.id})])
    top = json.loads(bundle.export_workspace(ws))
    return _seal(top)


# -- item 9: ids from a bundle ----------------------------------------------------------------------


@pytest.mark.parametrize("hostile", ["../../../../created-by-import", "..", "a/b", "x" * 65, "id with space", ""])
def test_an_unsafe_id_from_a_bundle_is_replaced_everywhere(cli, tmp_path, hostile):
    path = tmp_path / "hostile.exadesk"
    path.write_bytes(_bundle_with(tmp_path, instance_id=hostile))
    result = cli("import", str(path))
    assert result.code == 0, result.err
    ws = Store().load().data.workspace("Client")
    ids = [i.id for i in ws.instances]
    assert all(validation.is_safe_id(i) for i in ids) and hostile not in ids
    conn = ws.connections[0]
    assert conn.left == ids[0] and conn.right == ids[1] and conn.admins == {ids[0]: ids[1]}


def test_oauth_lock_files_derive_from_a_digest_of_the_id_and_are_removed(tmp_path, memory_keyring):
    """Before: `.oauth-<id>.lock` with the id as given; `../../x` made folders and a file outside the config folder."""
    inst = Instance(tracker="zendesk", name="Desk", url="https://acme.zendesk.com", auth_method="oauth",
                    id="../../../escaped/created-by-import", secret_fields=["refresh_token", "access_token"])
    got, problem = tokens.fresh_tokens(inst, SecretStore(), now=datetime(2030, 1, 1, tzinfo=timezone.utc))
    assert got == {} and problem is not None and problem.reason == "oauth.sign_in_again"
    everything = paths.home_override().parent  # the test's own folder, around the ExaDesk home
    assert [p for p in everything.rglob("*") if "escaped" in p.name or "created-by-import" in p.name] == []
    assert list(paths.config_dir().glob(".oauth-*")) == [], "the lock file (or a folder on its way) was left behind"


def test_a_removed_lock_file_still_excludes_a_waiter(tmp_path):
    """The lock file is deleted on release; a waiter holding the deleted file locks the new one instead."""
    import threading

    from exadesk.store.storage import file_lock

    lock = tmp_path / ".oauth-x.lock"
    inside, overlaps, entered = [], [], []

    def worker() -> None:
        for _ in range(30):
            with file_lock(lock, remove=True):
                inside.append(1)
                entered.append(1)
                if len(inside) > 1:
                    overlaps.append(1)
                inside.pop()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(entered) == 120 and overlaps == [] and not lock.exists()


# -- item 10: control characters in names -----------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_add_and_workspace_refuse_control_characters(cli, monkeypatch, name, memory_keyring):
    monkeypatch.setenv("TOKEN", TOKEN)
    added = cli("add", "github", "--name", name, "--url", "https://github.com", "--auth", "classic",
                "--secret-env", "TOKEN")
    assert added.code == 2 and "control character" in added.err, added.err
    in_workspace = cli("add", "github", "--name", "Web", "--workspace", name, "--url", "https://github.com",
                       "--auth", "classic", "--secret-env", "TOKEN")
    assert in_workspace.code == 2 and "control character" in in_workspace.err
    created = cli("workspace", "create", name)
    assert created.code == 2 and "control character" in created.err
    assert Store().load().data.workspaces == [] and memory_keyring.entries == {}
    for result in (added, in_workspace, created):
        assert "\x1b" not in result.err + result.out and "\u202e" not in result.err + result.out


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_names_from_a_bundle_are_shown_escaped_by_dry_run_list_and_check(cli, tmp_path, name):
    path = tmp_path / "hostile.exadesk"
    path.write_bytes(_bundle_with(tmp_path, name=name, ws_name="Client " + name))
    outputs = [cli("import", str(path), "--dry-run"), cli("import", str(path)), cli("list"),
               cli("check", "--instance", validation.escape_controls(name)), cli("list", "--json")]
    assert outputs[1].code == 0, outputs[1].err
    for result in outputs:
        shown = result.out + result.err
        assert not any(validation.is_control(c) for c in shown.replace("\n", "").replace("\t", "")), repr(shown)
    assert validation.escape_controls(name) in outputs[0].out
    stored = Store().load().data.workspaces[0].instances[0].name
    assert stored == validation.escape_controls(name), "stored as shown: the window cannot be fooled either"


def test_controls_in_an_old_data_file_are_escaped_on_the_terminal(cli):
    """Names stored before this rule (or edited by hand) are written visibly by every command, which also finds
    them by the name as shown; loading says once what it did."""
    ws = Workspace(name="Old\x1b]0;title\x07", instances=[
        Instance(tracker="github", name="Web\u202eexe", url="https://github.com", auth_method="classic")])
    Store().update(lambda d: d.workspaces.append(ws))
    for argv in (("list",), ("workspace", "search", "Web"), ("history", "Web\\u202eexe")):
        result = cli(*argv)
        assert result.code == 0, result.err
        assert "\x1b" not in result.out and "\u202e" not in result.out and "\x07" not in result.out
        assert "\\x1b]0;title\\x07" in result.out or "Web\\u202eexe" in result.out
        assert "held control characters" in result.err


# -- item 11: one validation for every entry point --------------------------------------------------


@pytest.mark.parametrize("argv, expected", [
    (("--name", "n" * 201), "at most 200"),
    (("--name", "Web", "--workspace", "w" * 201), "at most 200"),
    (("--name", "Web", "--workspace", "   "), "is empty"),
    (("--name", ""), "is empty"),
    (("--name", "Web", "--url", "https://github.example.com/" + "a" * 20_001), "at most 2000"),
    (("--name", "Web", "--url", "https://github.example.com/" + "a" * 2_000), "at most 2000"),
], ids=["long-name", "long-workspace", "blank-workspace", "empty-name", "url-20001", "url-2026"])
def test_add_follows_the_same_rules_as_import(cli, monkeypatch, argv, expected, memory_keyring):
    monkeypatch.setenv("TOKEN", TOKEN)
    args = ["add", "github", "--auth", "classic", "--secret-env", "TOKEN", *argv]
    if "--url" not in argv:
        args += ["--url", "https://github.com"]
    result = cli(*args)
    assert result.code == 2 and expected in result.err, result.err
    assert Store().load().data.workspaces == [] and memory_keyring.entries == {}


def test_what_add_accepts_at_the_limits_exports_and_imports(cli, monkeypatch, tmp_path, memory_keyring):
    monkeypatch.setenv("TOKEN", TOKEN)
    name, ws_name = "n" * 200, "w" * 200
    url = "https://github.example.com/" + "a" * (validation.MAX_URL - len("https://github.example.com/"))
    added = cli("add", "github", "--name", name, "--workspace", ws_name, "--url", url, "--auth", "classic",
                "--secret-env", "TOKEN")
    assert added.code == 0, added.err
    out = tmp_path / "limits.exadesk"
    assert cli("export", "--workspace", ws_name, "-o", str(out)).code == 0
    imported = cli("import", str(out))
    assert imported.code == 0, imported.err


def test_a_bundle_with_a_too_long_address_is_refused(tmp_path, memory_keyring):
    top = json.loads(_bundle_with(tmp_path))
    top["payload"]["workspace"]["instances"][0]["url"] = "https://github.com/" + "a" * validation.MAX_URL
    path = tmp_path / "long.exadesk"
    path.write_bytes(_seal(top))
    with pytest.raises(bundle.BundleError) as info:
        bundle.read_bundle(path)
    assert info.value.problem.reason == "bundle.invalid" and "url" in info.value.problem.message


# -- item 13: bounded scrypt cost -------------------------------------------------------------------


@pytest.mark.parametrize("kdf", [{"n": 2**20, "r": 16, "p": 4}, {"n": 2**18}, {"r": 16}, {"p": 4}],
                         ids=["issue-20", "n-2^18", "r-16", "p-4"])
def test_a_costly_key_derivation_is_refused_before_any_work(tmp_path, memory_keyring, kdf, monkeypatch):
    ws = Workspace(name="Client", instances=[Instance(tracker="github", name="Web", url="https://github.com",
                                                      auth_method="classic", secret_fields=["token"])])
    SecretStore().set(ws.instances[0].id, "token", TOKEN)
    top = json.loads(bundle.export_workspace(ws, passphrase=PASSPHRASE))
    top["secrets"]["kdf"].update(kdf)
    path = tmp_path / "costly.exadesk"
    path.write_bytes(_seal(top))
    derived = []
    monkeypatch.setattr(bundle, "_derive", lambda *a, **k: derived.append(a) or b"\0" * 32)
    with pytest.raises(bundle.BundleError) as info:
        found = bundle.read_bundle(path)
        bundle.apply_import(Store(), found, passphrase=PASSPHRASE)
    problem = info.value.problem
    assert problem.reason == "bundle.kdf_cost" and derived == []
    assert "n=2^17, r=8, p=2" in problem.message and "Nothing was imported" in problem.next_step


def test_the_cost_exadesk_writes_and_its_headroom_are_accepted(tmp_path, memory_keyring):
    ws = Workspace(name="Client", instances=[Instance(tracker="github", name="Web", url="https://github.com",
                                                      auth_method="classic", secret_fields=["token"])])
    SecretStore().set(ws.instances[0].id, "token", TOKEN)
    raw = bundle.export_workspace(ws, passphrase=PASSPHRASE)
    assert json.loads(raw)["secrets"]["kdf"]["n"] <= bundle.SCRYPT_MAX_N
    bundle.parse_bundle(raw)
