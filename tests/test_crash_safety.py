"""Crash safety: a writer killed at random moments while saving leaves the old or the new file, and it loads.

A child process saves the data file over and over, each save a complete,
self-consistent version (every instance carries the version number, and the
file is large enough that a write takes a while). The test kills it with
SIGKILL at many random points and checks what remains on disk.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from exadesk.store.storage import Store, decode

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from exadesk.store.model import Data, Instance, Workspace
    from exadesk.store.storage import Store
    store = Store(Path(sys.argv[1]))
    version = int(sys.argv[2])
    print("ready", flush=True)
    while True:
        version += 1
        ws = Workspace(name=f"v{version}", notes="x" * 2000)
        ws.instances = [Instance(tracker="github", name=f"v{version}-{i}", url="https://github.com",
                                 auth_method="classic", notes="n" * 500) for i in range(150)]
        store.save(Data(workspaces=[ws]))
        Path(sys.argv[3]).write_text(str(version))
""")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _consistent_version(path) -> int:
    """The version the file holds; fails if it is torn or mixes versions."""
    data = decode(path.read_bytes())
    [ws] = data.workspaces
    version = int(ws.name[1:])
    assert len(ws.instances) == 150
    assert {i.name.split("-")[0] for i in ws.instances} == {f"v{version}"}
    return version


def test_killed_writer_always_leaves_a_whole_file(tmp_path):
    path = tmp_path / "exadesk.json"
    progress = tmp_path / "progress"
    rng = random.Random(20261124)
    last_seen = 0
    versions = set()
    kills = 40
    for round_no in range(kills):
        writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(last_seen * 1000 + 1000 * round_no),
                                   str(progress)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.12))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        if not path.exists():
            continue  # killed before its first save finished: no file at all is the "old" state
        version = _consistent_version(path)
        assert version > 0
        loaded = Store(path).load()  # the app's own loader accepts it, with no warning
        assert loaded.warnings == [] and loaded.data.workspaces[0].name == f"v{version}"
        last_seen = version
        versions.add(version)
    assert len(versions) >= kills // 2, f"the writer was killed before saving too often ({len(versions)} saves seen)"
    # Temporary files of killed writes may remain; they must never be mistaken for the data file.
    strays = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert all(p.startswith(".exadesk.json.") for p in strays)
    assert Store(path).load().warnings == []
