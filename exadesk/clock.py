"""The clocks of ExaDesk: the one wall clock every part asks (:func:`now`), and the start-up clock.

:func:`now` is the only place ExaDesk reads the date: expiry, notices, history, token refresh, reports and the
sandbox all ask it, so a test (or ``EXADESK_CLOCK``) can pin it. :func:`process_age_ms` is how long this process
has lived, shared by the app and its benchmark baseline.

Qt-free and stdlib-only, so a bare-window baseline can use the same clock without importing any ExaDesk UI code.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

_source: Callable[[], datetime] | None = None


def now() -> datetime:
    """The current time, timezone-aware in UTC: the pinned time when a test or ``EXADESK_CLOCK`` pinned one."""
    if _source is not None:
        return _source()
    return datetime.now(timezone.utc)


def set_source(source: Callable[[], datetime] | None) -> None:
    """Make ``source`` answer :func:`now` (``None`` restores the system clock)."""
    global _source
    _source = source


@contextmanager
def pinned(at: datetime) -> Iterator[None]:
    """Within the block, :func:`now` answers ``at`` (made UTC-aware when naive)."""
    at = at if at.tzinfo else at.replace(tzinfo=timezone.utc)
    previous = _source
    set_source(lambda: at)
    try:
        yield
    finally:
        set_source(previous)


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
