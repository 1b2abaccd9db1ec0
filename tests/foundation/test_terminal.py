"""The command line's one output filter (exadesk/foundation/terminal.py): control characters are shown, never obeyed."""

from __future__ import annotations

import io
import sys

from exadesk.foundation import terminal


def test_escape_sequences_and_bidi_overrides_are_written_visibly():
    out = io.StringIO()
    writer = terminal.SafeWriter(out)
    assert writer.write("Acme\x1b]0;owned\x07 \u202egnp.exe\n\tnext") == len("Acme\x1b]0;owned\x07 \u202egnp.exe\n\tnext")
    text = out.getvalue()
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\x1b" in text and "\\u202e" in text
    assert text.endswith("\n\tnext")  # new lines and tabs are kept


def test_exadesks_own_control_characters_pass_unescaped():
    out = io.StringIO()
    writer = terminal.SafeWriter(out)
    terminal.write_control("\r3 of 7", writer)
    assert out.getvalue() == "\r3 of 7"
    plain = io.StringIO()
    terminal.write_control("\r1 of 2", plain)  # a plain stream has no write_control: written as it is
    assert plain.getvalue() == "\r1 of 2"


def test_safe_output_filters_both_streams_and_restores_them(capsys):
    before = sys.stdout, sys.stderr
    with terminal.safe_output():
        print("name\x1b[2J")
        print("err\x1b[31m", file=sys.stderr)
    assert (sys.stdout, sys.stderr) == before
    captured = capsys.readouterr()
    assert captured.out == "name\\x1b[2J\n" and captured.err == "err\\x1b[31m\n"


def test_the_command_line_prints_a_stored_name_through_the_filter(cli, exadesk_home):
    assert cli("workspace", "create", "Evil\x1b]0;title\x07").code in (0, 2)
    listing = cli("list")
    assert "\x1b" not in listing.out + listing.err
