"""Sentences a person reads, kept in tables by key, and the one hook that translates them.

Each tracker module declares its ``TEXTS`` table (key -> English template with ``{named}`` placeholders) on its
spec; the core's sentences live in :mod:`exadesk.messages`. Code names a key and fills the placeholders; it never
writes an English sentence inline. The window installs Qt's translator through :func:`set_translator` (the core
never imports Qt); the command line keeps the English source.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping

#: (context, source text) -> translated text; the identity until the window installs Qt's translator.
Translator = Callable[[str, str], str]


def _untranslated(context: str, text: str) -> str:
    return text


_translator: Translator = _untranslated


def set_translator(translator: Translator | None) -> None:
    """Route every keyed sentence through ``translator`` (None restores the English source)."""
    global _translator
    _translator = translator or _untranslated


def translate(context: str, text: str) -> str:
    """``text`` in the person's language; ``context`` is the table's owner (a tracker id, or ``core``)."""
    return _translator(context, text)


def say(table: Mapping[str, str], context: str, key: str, /, **params) -> str:
    """The sentence ``key`` of ``table``, translated, with ``params`` filled in.

    An unknown key or a missing placeholder raises (KeyError): tests/trackers/test_strings.py checks every
    table against its call sites, so such a mistake never reaches a person.
    """
    return translate(context, table[key]).format(**params)


def placeholders(template: str) -> set[str]:
    """The ``{named}`` placeholders of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
