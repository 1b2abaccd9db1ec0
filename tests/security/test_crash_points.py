"""Issue 20 items 4 and 6: keychain and data file stay consistent when runs crash or race.

Real ``exadesk`` processes share a file-backed keychain (tests/helpers/file_keyring.py). A process
told ``EXADESK_CRASH_AT=<step>`` kills itself with SIGKILL at that step, as ``kill -9`` would; the
next command's start-up sweep must then leave every instance with its secrets and no secret without
its instance.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from exadesk.store.storage import Store
from tests.helpers.file_keyring import ENV, FileKeyring

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = "ghp_" + "Zx9Q" * 9
PASSPHRASE = "correct horse battery staple 42"


@pytest.fixture
def shared_keychain(tmp_path, monkeypatch):
    """A keychain file every child process (and this test) reads; used in place of the in-memory one."""
    monkeypatch.setenv(ENV, str(tmp_path / "keychain.json"))
    import keyring

    previous = keyring.get_keyring()
    backend = FileKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _exadesk(*argv: str, crash_at: str = "", **extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="tests.helpers.file_keyring.FileKeyring", PYTHONPATH=os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), ROOT])),
               TOKEN=TOKEN, PASSPHRASE=PASSPHRASE, **extra)
    env.pop("EXADESK_CRASH_AT", None)
    if crash_at:
        env["EXADESK_CRASH_AT"] = crash_at
    return subprocess.Popen([sys.executable, "-m", "exadesk", *argv], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _run(*argv: str, crash_at: str = "") -> subprocess.CompletedProcess:
    proc = _exadesk(*argv, crash_at=crash_at)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(argv, proc.returncode, out, err)


ADD = ("add", "github", "--name", "Web", "--url", "https://github.com", "--auth", "classic", "--secret-env", "TOKEN",
       "--workspace", "Acme")


def _consistent(keychain: FileKeyring) -> dict[str, list[str]]:
    """Every stored instance has all its secrets, and every secret belongs to a stored instance."""
    data = Store().load().data
    stored = {i.id: i for w in data.workspaces for i in w.instances}
    owners: dict[str, list[str]] = {}
    for key in keychain.entries():
        inst_id, field = key.split("|", 1)[1].split("/", 1)
        owners.setdefault(inst_id, []).append(field)
    assert set(owners) <= set(stored), f"keychain entries without an instance: {set(owners) - set(stored)}"
    for inst in stored.values():
        assert sorted(owners.get(inst.id, [])) == sorted(inst.secret_fields), f"{inst.name} lost a secret"
    return owners


@pytest.mark.parametrize("step", ["add.claimed", "add.secrets_written", "add.stored"])
def test_add_killed_at_any_step_leaves_no_orphan(shared_keychain, step):
    killed = _run(*ADD, crash_at=step)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    listed = _run("list")  # the next start settles what the killed run left
    assert listed.returncode == 0, listed.stderr
    owners = _consistent(shared_keychain)
    stored = [i for w in Store().load().data.workspaces for i in w.instances]
    assert len(stored) == (1 if step == "add.stored" else 0)
    assert len(owners) == len(stored)
    assert not any((Store().path.parent / "pending-secrets").glob("*.json")), "a settled claim was left behind"


@pytest.mark.parametrize("step", ["remove.claimed", "remove.stored", "remove.secrets_deleted"])
def test_remove_killed_at_any_step_never_leaves_an_instance_without_its_secret(shared_keychain, step):
    assert _run(*ADD).returncode == 0
    killed = _run("remove", "Web", crash_at=step)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _run("list").returncode == 0
    owners = _consistent(shared_keychain)
    stored = [i for w in Store().load().data.workspaces for i in w.instances]
    # Killed before the data file was written, the instance is still there with its secret; after, both are gone.
    assert len(stored) == (1 if step == "remove.claimed" else 0) and len(owners) == len(stored)


def test_stale_temporary_files_of_a_killed_save_are_removed(shared_keychain):
    assert _run(*ADD).returncode == 0
    leftover = Store().path.parent / ".exadesk.json.abc123.tmp"
    leftover.write_bytes(b"x" * 1_000_000)
    assert _run("workspace", "create", "Second").returncode == 0
    assert not leftover.exists()


@pytest.mark.parametrize("step", ["import.claimed", "import.secrets_written", "import.stored"])
def test_import_killed_at_any_step_leaves_no_orphan(shared_keychain, step, tmp_path):
    assert _run(*ADD).returncode == 0
    out = tmp_path / "acme.exadesk"
    assert _run("export", "--workspace", "Acme", "-o", str(out), "--include-secrets",
                "--passphrase-env", "PASSPHRASE").returncode == 0
    killed = _run("import", str(out), "--passphrase-env", "PASSPHRASE", crash_at=step)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _run("list").returncode == 0
    owners = _consistent(shared_keychain)
    assert len(owners) == (2 if step == "import.stored" else 1)


@pytest.mark.parametrize("parallel", [2, 4, 8])
def test_parallel_imports_of_one_bundle_keep_every_winner_whole(shared_keychain, tmp_path, parallel, monkeypatch):
    """Each import of the same bundle becomes its own workspace with its own ids; no rollback touches another's."""
    assert _run(*ADD).returncode == 0
    out = tmp_path / "acme.exadesk"
    assert _run("export", "--workspace", "Acme", "-o", str(out), "--include-secrets",
                "--passphrase-env", "PASSPHRASE").returncode == 0
    # The receiver: a machine where the bundle's ids are not stored yet, so every run starts from the same ids.
    monkeypatch.setenv("EXADESK_HOME", str(tmp_path / "receiver"))
    shared_keychain.path.unlink()
    procs = [_exadesk("import", str(out), "--passphrase-env", "PASSPHRASE") for _ in range(parallel)]
    results = [p.communicate(timeout=180) + (p.returncode,) for p in procs]
    owners = _consistent(shared_keychain)  # before the fix: the losers' rollback deleted the winner's secret
    assert all(code == 0 for _, _, code in results), [err for _, err, code in results if code]
    data = Store().load().data
    assert len(data.workspaces) == parallel
    assert len({w.name for w in data.workspaces}) == parallel
    assert len(owners) == parallel
    assert all(shared_keychain.get_password("exadesk", f"{i}/token") == TOKEN for i in owners)


def test_an_import_that_fails_late_removes_only_its_own_entries(shared_keychain, tmp_path, monkeypatch):
    """The rollback of one run never deletes entries of instances another run stored under the same bundle ids."""
    from exadesk.services import bundle
    from exadesk.foundation.errors import StorageError

    assert _run(*ADD).returncode == 0
    out = tmp_path / "acme.exadesk"
    assert _run("export", "--workspace", "Acme", "-o", str(out), "--include-secrets",
                "--passphrase-env", "PASSPHRASE").returncode == 0
    found = bundle.read_bundle(out)
    store = Store()
    real_update = store.update

    def failing_update(change):
        raise StorageError(bundle.messages.problem("storage.locked", seconds=10))

    monkeypatch.setattr(store, "update", failing_update)
    with pytest.raises(StorageError):
        bundle.apply_import(store, found, passphrase=PASSPHRASE)
    monkeypatch.setattr(store, "update", real_update)
    _consistent(shared_keychain)
    assert len(json.loads(shared_keychain.path.read_text())) == 1, "the stored instance kept its secret"
