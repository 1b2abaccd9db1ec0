"""Sentences a person reads, kept in tables by key, and the one hook that translates them.

Each tracker module declares its ``TEXTS`` table (key -> English template with ``{named}`` placeholders) on its
spec; the core's sentences live in :mod:`exadesk.foundation.messages`. Code names a key and fills the placeholders; it
never writes an English sentence inline. The window installs Qt's translator through :func:`set_translator` (the core
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


def spec_texts(spec) -> list[str]:
    """Every sentence of a tracker's spec a person may read in a check, once each: its TEXTS and the titles and
    fixes of its requirements (the proxy user's and the administrator's). The window's .ts file holds them under
    the tracker's id (scripts/update_translations.py); the window translates titles and fixes where it shows them."""
    requirements = (*spec.requirements, *spec.admin_requirements.values())
    found = [*spec.texts.values(), *(text for req in requirements for text in (req.title, req.fix))]
    return [text for text in dict.fromkeys(found) if text.strip()]
