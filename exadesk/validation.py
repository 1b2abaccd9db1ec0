"""The rules every name, address and id follows, whichever way it arrives (add, the window, a bundle).

One set of rules, so export never writes what import refuses. Names are what a person reads on a
terminal or in the window: control characters (escape sequences, BEL, a right-to-left override)
could rewrite the screen or disguise a name, so they are refused on entry and shown escaped when
they arrive from elsewhere (an old data file, a bundle).
"""

from __future__ import annotations

import re

from exadesk.errors import Problem

MAX_NAME = 200  # workspace, instance and connection names
MAX_URL = 2_000  # far above any tracker address; browsers and proxies refuse much longer ones
MAX_TEXT = 20_000  # notes and other free text

#: Ids name keychain entries and lock files: letters, digits, '-' and '_' only, so no id can point elsewhere.
SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")

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


def is_safe_id(value) -> bool:
    return isinstance(value, str) and SAFE_ID.fullmatch(value) is not None


def name_problem(name, what: str = "The name") -> Problem | None:
    """Why ``name`` cannot be a workspace, instance or connection name, or None when it can."""
    from exadesk import messages  # only when something is wrong: the catalogue is not free to build

    if not isinstance(name, str) or not name.strip():
        return messages.problem("input.name_empty", what=what)
    if len(name) > MAX_NAME:
        return messages.problem("input.name_long", what=what, length=len(name), limit=MAX_NAME)
    bad = next((c for c in name if is_control(c)), None)
    if bad is not None:
        return messages.problem("input.name_control", what=what, char=escape_controls(bad))
    return None


def url_problem(url: str) -> Problem | None:
    """Why an address is refused before any tracker-specific rule, or None."""
    from exadesk import messages

    if len(url) > MAX_URL:
        return messages.problem("input.url_long", length=len(url), limit=MAX_URL)
    bad = next((c for c in url if is_control(c)), None)
    if bad is not None:
        return messages.problem("input.url_control", char=escape_controls(bad))
    return None
