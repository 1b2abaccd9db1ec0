"""Keyed sentences and the one translation hook (exadesk/foundation/strings.py)."""

from __future__ import annotations

import pytest

from exadesk.foundation import strings

TABLE = {"found": "Found {count} projects in {site}.", "plain": "Nothing to do."}


@pytest.fixture(autouse=True)
def english():
    yield
    strings.set_translator(None)


def test_say_fills_the_placeholders_of_the_keyed_sentence():
    assert strings.say(TABLE, "core", "found", count=3, site="acme") == "Found 3 projects in acme."


def test_an_unknown_key_or_a_missing_placeholder_raises():
    with pytest.raises(KeyError):
        strings.say(TABLE, "core", "no_such_key")
    with pytest.raises(KeyError):
        strings.say(TABLE, "core", "found", count=3)


def test_the_installed_translator_sees_the_context_and_the_source():
    seen = []

    def translator(context, text):
        seen.append((context, text))
        return "Rien à faire." if text == "Nothing to do." else text

    strings.set_translator(translator)
    assert strings.say(TABLE, "github", "plain") == "Rien à faire."
    assert seen == [("github", "Nothing to do.")]
    strings.set_translator(None)  # back to the English source
    assert strings.translate("github", "Nothing to do.") == "Nothing to do."


def test_a_translation_is_filled_after_translating():
    strings.set_translator(lambda context, text: "{count} projets sur {site}." if text == TABLE["found"] else text)
    assert strings.say(TABLE, "core", "found", count=2, site="acme") == "2 projets sur acme."


def test_placeholders_of_a_template():
    assert strings.placeholders(TABLE["found"]) == {"count", "site"}
    assert strings.placeholders(TABLE["plain"]) == set()
