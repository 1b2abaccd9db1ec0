"""Light and dark palettes (exadesk/ui/theme.py): colours readable on both, "system" follows the desktop."""

from __future__ import annotations

import re

import pytest

from exadesk.foundation.checks import Verdict
from exadesk.ui import theme


@pytest.fixture
def light_again(qapp):
    yield qapp
    theme.apply(qapp, "light")


def test_badge_colours_are_distinct_and_cover_every_badge():
    assert set(theme.BADGE_COLOURS) == {"draft", "prepared_offline", "verified", "failing", "not_confirmed",
                                        "expiring"}
    assert len(set(theme.BADGE_COLOURS.values())) == len(theme.BADGE_COLOURS)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in theme.BADGE_COLOURS.values())


def test_dark_and_light_palettes_and_their_text_colours(light_again):
    app = light_again
    theme.apply(app, "dark")
    assert theme.current_is_dark() and app.property("exadesk_theme") == "dark"
    dark = (theme.good_colour(), theme.bad_colour(), theme.warn_colour(), theme.not_confirmed_colour())
    theme.apply(app, "light")
    assert not theme.current_is_dark()
    light = (theme.good_colour(), theme.bad_colour(), theme.warn_colour(), theme.not_confirmed_colour())
    assert all(d != li for d, li in zip(dark, light))  # each colour is lighter on the dark palette


def test_system_uses_the_scheme_it_is_told_without_asking(light_again):
    theme.apply(light_again, "system", system_dark=True)
    assert theme.current_is_dark() and light_again.property("exadesk_dark") is True
    theme.apply(light_again, "system", system_dark=False)
    assert not theme.current_is_dark()


def test_is_dark_and_verdict_colours(light_again):
    assert theme.is_dark("dark") and not theme.is_dark("light")
    theme.apply(light_again, "light")
    assert theme.verdict_colour(Verdict.READY) == theme.good_colour()
    assert theme.verdict_colour("not_confirmed") == theme.not_confirmed_colour()
    assert theme.verdict_colour(Verdict.NOT_READY) == theme.verdict_colour(Verdict.NOT_CHECKED) == theme.bad_colour()
