"""How long this process has lived: the start-up figure the app prints with ``--exit-after-startup`` and its
benchmark baseline measures the same way (bench/ui_startup.py). Only ``os`` and ``time``: the bare-window baseline
imports it, and anything more here would slow the baseline and flatter the app's ratio."""

from __future__ import annotations

import os
import time


def process_age_ms() -> float:
    """Milliseconds since this process started (Linux: from /proc; elsewhere: since Python's clock origin)."""
    try:
        with open("/proc/self/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat, counted after the ")"
        with open("/proc/uptime", "rb") as handle:
            uptime = float(handle.read().split()[0])
        return max(0.0, (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError):
        return time.perf_counter() * 1000
