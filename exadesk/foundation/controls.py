"""Control characters: those a terminal acts on and those that change how the text around them reads.

A name from a bundle, an old data file or a tracker's reply is shown with them escaped (``\\x1b``, ``\\u202e``),
never obeyed: by the command line's output filter (:mod:`exadesk.foundation.terminal`), by the data file's loader
and by the input rules (:mod:`exadesk.foundation.validation`), which refuse them in new names. Stdlib only.
"""

from __future__ import annotations

import re

#: Characters a terminal acts on (C0, DEL, C1), lone surrogates, and format characters that reorder or
#: hide text (zero-width marks, line and paragraph separators, bidi embeddings, overrides and isolates).
_CONTROLS = "\x00-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[{_CONTROLS}]")


def is_control(char: str) -> bool:
    """True for characters that a terminal acts on or that change how the text around them reads."""
    return _CONTROL.fullmatch(char) is not None


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    # \xNN below 0x20 (JSON output never holds those raw); \uNNNN above, which is also a valid JSON escape.
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` with every control character written visibly (``\\x1b``, ``\\u202e``); ``keep`` lists exceptions."""
    pattern = _CONTROL if not keep else re.compile(f"(?![{re.escape(keep)}])[{_CONTROLS}]")
    return pattern.sub(_visible, text)
