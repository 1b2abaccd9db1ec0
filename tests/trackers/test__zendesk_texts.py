"""The Zendesk adapter's sentence table: plain templates, and the one the adapter's spec declares."""

from __future__ import annotations

from exadesk.foundation import strings
from exadesk.trackers import _zendesk_texts, zendesk


def test_the_spec_declares_this_table():
    assert zendesk.SPEC.texts is _zendesk_texts.TEXTS


def test_every_template_fills_in():
    for key, template in _zendesk_texts.TEXTS.items():
        params = {name: "x" for name in strings.placeholders(template)}
        assert template.format(**params), key


def test_the_role_in_words_takes_its_article():
    texts = _zendesk_texts.TEXTS
    assert texts["article.an"].format(kind=texts["kind.admin"]) == "an admin"
    assert texts["article.a"].format(kind=texts["kind.light_agent"]) == "a light agent"
