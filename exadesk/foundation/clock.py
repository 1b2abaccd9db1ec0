"""The one wall clock every part of ExaDesk asks (:func:`now`).

:func:`now` is the only place ExaDesk reads the date: expiry, notices, history, token refresh, reports and the
sandbox all ask it, so a test can pin it (:func:`pinned`), and so can the environment: ``EXADESK_CLOCK`` set to
an ISO date or date-time (``2031-01-01``, ``2031-01-01T09:30:00Z``; a time without a zone is UTC) pins the clock of
a whole process at import, which is how the tests pin a command line they run as a separate process.
How long the process has lived (for start-up figures) is exadesk.foundation.lifetime's, not this module's.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

log = logging.getLogger(__name__)

#: The environment variable that pins the clock of a whole process (see the module's docstring).
ENV_VAR = "EXADESK_CLOCK"


def parse_instant(text: str) -> datetime:
    """``2031-01-01`` (midnight UTC) or an ISO date-time (UTC when it names no zone); ValueError otherwise."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    at = datetime.fromisoformat(text)
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def _source_from_environment() -> Callable[[], datetime] | None:
    text = os.environ.get(ENV_VAR, "").strip()
    if not text:
        return None
    try:
        at = parse_instant(text)
    except ValueError:
        log.warning("%s=%r is not an ISO date or date-time (like 2031-01-01); using the system clock", ENV_VAR, text)
        return None
    return lambda: at


_source: Callable[[], datetime] | None = _source_from_environment()


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
