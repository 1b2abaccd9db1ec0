"""How long the process has lived (exadesk/foundation/lifetime.py): the start-up figure and its bare baseline."""

from __future__ import annotations

import subprocess
import sys
import time

from exadesk.foundation import lifetime


def test_the_age_grows_with_the_process():
    first = lifetime.process_age_ms()
    time.sleep(0.05)
    second = lifetime.process_age_ms()
    assert first > 0 and second >= first


def test_a_fresh_process_is_young_and_the_module_loads_nothing_heavy():
    """The bench's bare-window baseline imports it: it must not bring logging or datetime along."""
    code = ("import sys\nbefore = set(sys.modules)\nfrom exadesk.foundation.lifetime import process_age_ms\n"
            "print(process_age_ms())\nprint(' '.join(sorted(set(sys.modules) - before)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert 0 < float(out[0]) < 60_000
    loaded = set(out[1].split())
    assert not {"logging", "datetime", "PySide6"} & loaded, loaded
