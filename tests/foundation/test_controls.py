"""Control characters are shown escaped, never obeyed (exadesk.foundation.controls)."""

from __future__ import annotations

import pytest

from exadesk.foundation import validation
from exadesk.foundation.controls import escape_controls, is_control


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x00", "\x7f", "\x9b", "\u202e", "\u200b", "\u2028", "\u2066", "\ufeff"])
def test_what_a_terminal_acts_on_or_what_reorders_text_is_a_control(char):
    assert is_control(char)


@pytest.mark.parametrize("char", ["a", " ", "é", "ß", "漢", "-", "\u00a0"])
def test_printable_characters_are_not(char):
    assert not is_control(char)


def test_controls_are_written_visibly_as_x_below_0x20_and_u_above():
    assert escape_controls("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert escape_controls("evil\u202etxt.exe") == "evil\\u202etxt.exe"
    assert escape_controls("plain") == "plain"


def test_kept_characters_pass_and_the_rest_are_still_escaped():
    assert escape_controls("one\ntwo\tthree\x07", keep="\n\t") == "one\ntwo\tthree\\x07"


def test_escaping_twice_changes_nothing_more():
    shown = escape_controls("\x1b]0;title\x07")
    assert escape_controls(shown) == shown and not any(is_control(c) for c in shown)


def test_the_input_rules_use_the_same_characters():
    assert validation.escape_controls is escape_controls and validation.is_control is is_control
