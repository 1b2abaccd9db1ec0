"""The data file: atomic writes at every interruption point, corrupt files kept aside, the lock, migrations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from exadesk.foundation.errors import StorageError
from exadesk.store import storage
from exadesk.store.model import Data, Instance, Workspace
from exadesk.store.storage import Store, decode, encode, file_lock, write_atomic


def _data(marker: str, n: int = 3) -> Data:
    ws = Workspace(name=f"ws-{marker}")
    ws.instances = [Instance(tracker="github", name=f"{marker}-{i}", url="https://github.com", auth_method="classic")
                    for i in range(n)]
    return Data(workspaces=[ws])


def _names(data: Data) -> list[str]:
    return [i.name for w in data.workspaces for i in w.instances]


def test_round_trip(tmp_path):
    store = Store(tmp_path / "exadesk.json")
    original = _data("a")
    store.save(original)
    assert _names(store.load().data) == _names(original)
    assert oct(os.stat(store.path).st_mode & 0o777) == "0o600", "the data file is private to its owner"


def test_missing_file_is_an_empty_start(tmp_path):
    loaded = Store(tmp_path / "none.json").load()
    assert loaded.data.workspaces == [] and loaded.warnings == []


# -- interrupted writes ------------------------------------------------------------

_STEPS = ["mkstemp", "chmod", "write", "fsync", "replace"]


@pytest.mark.parametrize("step", _STEPS)
def test_write_interrupted_at_any_step_leaves_the_old_file(tmp_path, monkeypatch, step):
    store = Store(tmp_path / "exadesk.json")
    store.save(_data("old"))
    before = store.path.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    target = {"mkstemp": (storage.tempfile, "mkstemp"), "chmod": (storage.os, "chmod"),
              "fsync": (storage.os, "fsync"), "replace": (storage.os, "replace")}.get(step)
    if step == "write":
        real_fdopen = os.fdopen

        class FailingWrite:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[: len(data) // 2])  # half written, then the disk is full
                raise OSError(28, "No space left on device")

            def __getattr__(self, name):
                return getattr(self.handle, name)

        monkeypatch.setattr(storage.os, "fdopen", lambda fd, mode: FailingWrite(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(*target, boom)
    with pytest.raises(OSError):
        store.save(_data("new"))
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert _names(store.load().data) == _names(_data("old"))
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [], "a failed write cleans up its temporary file"


def test_interrupted_bytes_prefixes_never_load_as_a_different_file(tmp_path):
    """What a torn write would look like: every prefix is either the whole file or refused (kept aside)."""
    full = encode(_data("new", 2))
    for cut in range(0, len(full), max(1, len(full) // 60)):
        path = tmp_path / f"cut-{cut}.json"
        path.write_bytes(full[:cut])
        loaded = Store(path).load()
        if cut == 0 or loaded.warnings:
            assert loaded.data.workspaces == []
        else:  # pragma: no cover - a prefix that parses would be a torn file accepted
            pytest.fail(f"a torn file of {cut} bytes loaded as data")


# -- corrupt and newer files --------------------------------------------------------


@pytest.mark.parametrize("content", [b"{not json", b"[]", b"\xff\xfe\x00garbage", b'{"schema_version": 2, "workspaces": 5}',
                                     b'{"schema_version": 2, "workspaces": [{"name": "no id"}]}',
                                     b'{"schema_version": "two"}', b"null"])
def test_corrupt_file_is_kept_aside_and_reported(tmp_path, content):
    path = tmp_path / "exadesk.json"
    path.write_bytes(content)
    loaded = Store(path).load()
    assert loaded.data.workspaces == []
    assert [w.reason for w in loaded.warnings] == ["storage.corrupt"]
    kept = [p for p in tmp_path.iterdir() if "unreadable" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == content, "the unreadable file is kept byte for byte"
    assert str(kept[0]) in loaded.warnings[0].message
    assert path.read_bytes() == content, "the file stays where it is until the person chooses"
    assert loaded.blocked is not None and loaded.blocked.reason == "storage.unreadable_write"


def test_two_corrupt_files_in_a_row_do_not_overwrite_each_other(tmp_path):
    path = tmp_path / "exadesk.json"
    for content in (b"{broken one", b"{broken two", b"{broken two"):
        path.write_bytes(content)
        Store(path).load()
    kept = sorted(p.read_bytes() for p in tmp_path.iterdir() if "unreadable" in p.name)
    assert kept == [b"{broken one", b"{broken two"], "one copy per content, however often it is read"


def test_a_different_file_sharing_a_copy_name_is_kept_under_a_name_of_its_own(tmp_path):
    path = tmp_path / "exadesk.json"
    path.write_bytes(b"{broken")
    first = Store(path).load().kept
    first.write_bytes(b"{another broken file that happens to share the checksum")  # as a crc32 collision would
    second = Store(path).load().kept
    assert second != first and second.read_bytes() == b"{broken"
    assert first.read_bytes() == b"{another broken file that happens to share the checksum", "never overwritten"
    assert Store(path).load().kept == second, "the same content read again keeps no third copy"


def test_file_from_a_newer_version_is_left_untouched(tmp_path):
    path = tmp_path / "exadesk.json"
    content = json.dumps({"schema_version": 99, "workspaces": []}).encode()
    path.write_bytes(content)
    loaded = Store(path).load()
    assert [w.reason for w in loaded.warnings] == ["storage.newer"]
    with pytest.raises(StorageError) as info:
        Store(path).update(lambda d: d.workspaces.append(Workspace(name="new")))
    assert info.value.problem.reason == "storage.newer_write"
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir() if "unreadable" in p.name] == []


def test_version_1_is_migrated():
    raw = {"schema_version": 1, "instances": [
        Instance(tracker="github", name="old", url="https://github.com", auth_method="classic").to_json()]}
    data = decode(json.dumps(raw).encode())
    assert _names(data) == ["old"] and data.workspaces[0].name == "My instances"


def test_encoding_never_contains_secret_fields():
    inst = Instance(tracker="github", name="x", url="https://github.com", auth_method="classic",
                    secret_fields=["token"], values={"user": "me"})
    ws = Workspace(name="w", instances=[inst])
    raw = json.loads(encode(Data(workspaces=[ws])))
    stored = raw["workspaces"][0]["instances"][0]
    assert stored["secret_fields"] == ["token"] and "token" not in stored["values"]


# -- the lock ------------------------------------------------------------------------

_HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from exadesk.store.storage import file_lock
    with file_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def test_lock_held_by_another_process_times_out_with_a_message(tmp_path):
    lock = tmp_path / "exadesk.json.lock"
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(lock), "5"], stdout=subprocess.PIPE, text=True,
                              cwd=os.path.dirname(os.path.dirname(__file__)))
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StorageError) as info:
            with file_lock(lock, timeout=0.3):
                pass
        assert info.value.problem.reason == "storage.locked"
    finally:
        holder.kill()
        holder.wait()
    with file_lock(lock, timeout=2):  # released when the holder died
        pass


_ADDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from exadesk.store.model import Instance, Workspace
    from exadesk.store.storage import Store
    store = Store(Path(sys.argv[1]))
    def add(data, i):
        if not data.workspaces:
            data.workspaces.append(Workspace(name="shared"))
        data.workspaces[0].instances.append(
            Instance(tracker="github", name=f"{sys.argv[2]}-{i}", url="https://github.com", auth_method="classic"))
    for i in range(15):
        store.update(lambda d: add(d, i))
""")


def test_two_processes_updating_lose_nothing(tmp_path):
    path = tmp_path / "exadesk.json"
    root = os.path.dirname(os.path.dirname(__file__))
    procs = [subprocess.Popen([sys.executable, "-c", _ADDER, str(path), tag], cwd=root) for tag in ("a", "b")]
    for proc in procs:
        assert proc.wait(timeout=60) == 0
    names = _names(Store(path).load().data)
    assert sorted(names) == sorted([f"{t}-{i}" for t in "ab" for i in range(15)])


def test_write_atomic_creates_private_folder(tmp_path):
    target = tmp_path / "deep" / "config" / "exadesk.json"
    write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert oct(os.stat(target.parent).st_mode & 0o777) == "0o700"


def test_names_with_control_characters_in_an_older_file_load_written_out_and_are_reported(tmp_path):
    """Names with controls are refused today; an older file's are shown escaped everywhere, nothing lost."""
    path = tmp_path / "exadesk.json"
    data = Data(workspaces=[Workspace(name="Acme\x1b]0;pwned\x07", instances=[
        Instance(tracker="github", name="Prod\u202egnp.exe", url="https://api.github.com", auth_method="pat")])])
    path.write_bytes(encode(data))
    result = Store(path).load()
    ws = result.data.workspaces[0]
    assert ws.name == "Acme\\x1b]0;pwned\\x07"
    assert ws.instances[0].name == "Prod\\u202egnp.exe"
    [warning] = result.warnings
    assert warning.reason == "storage.names_escaped"
    assert "Acme\\x1b]0;pwned\\x07" in warning.text() and "\x1b" not in warning.text()
    assert path.read_bytes() == encode(data)  # reading changes nothing on disk; the next saved change keeps the names


def test_a_file_without_control_characters_loads_without_a_warning(tmp_path):
    path = tmp_path / "exadesk.json"
    path.write_bytes(encode(_data("plain")))
    assert Store(path).load().warnings == []
