"""What the command line prints goes through one filter: control characters are shown, never obeyed.

A name from a bundle, an old data file or a tracker's reply could carry escape sequences (a new
terminal title, hidden text, a bell) or a right-to-left override that disguises it. Every line the
command line writes is escaped here, in one place, so no command can forget it.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator

from exadesk.foundation.controls import escape_controls

_KEEP = "\n\t"


class SafeWriter:
    """A text stream that writes control characters visibly; :meth:`write_control` is for ExaDesk's own."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_controls(text, _KEEP))
        return len(text)

    def write_control(self, text: str) -> int:
        """Write ExaDesk's own control characters (the carriage return of a progress line) as they are."""
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def write_control(text: str, stream=None) -> None:
    """Write ``text`` (holding ExaDesk's own control characters) to ``stream`` (stderr) unescaped."""
    stream = stream or sys.stderr
    getattr(stream, "write_control", stream.write)(text)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Filter ``sys.stdout`` and ``sys.stderr`` for the duration of a command."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeWriter(sys.stdout), SafeWriter(sys.stderr)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        sys.stdout, sys.stderr = saved
