"""``exadesk report`` (exadesk/commands/report.py): the format from the option or the file name; PDF needs a file.

What a report holds is tested in tests/services/test_report.py.
"""

from __future__ import annotations

import os
import stat

import pytest


@pytest.fixture
def acme(cli):
    assert cli("workspace", "create", "Acme").code == 0


def test_without_a_file_markdown_goes_to_standard_output(cli, acme):
    result = cli("report", "--workspace", "Acme")
    assert result.code == 0
    assert result.out.lstrip().startswith("#") and "Acme" in result.out
    assert result.err == ""


@pytest.mark.parametrize("name, fmt, start", [("r.html", "HTML", b"<!"), ("r.md", "MD", b"#"),
                                              ("r.txt", "HTML", b"<!")])
def test_the_format_follows_the_file_name(cli, acme, tmp_path, name, fmt, start):
    out = tmp_path / name
    result = cli("report", "--workspace", "Acme", "-o", str(out))
    assert result.code == 0
    assert f"Wrote the {fmt} readiness report of Acme to {out}." in result.err
    assert out.read_bytes().lstrip()[:len(start)].upper() == start.upper()


def test_the_format_option_wins_over_the_file_name(cli, acme, tmp_path):
    out = tmp_path / "report.html"
    assert cli("report", "--workspace", "Acme", "--format", "md", "-o", str(out)).code == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith("#")


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_report_file_is_readable_by_others_it_is_sent_to(cli, acme, tmp_path):
    out = tmp_path / "r.md"
    assert cli("report", "--workspace", "Acme", "-o", str(out)).code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # no secret in it: made to be shared


def test_a_pdf_needs_a_file_and_an_unknown_workspace_is_a_usage_error(cli, acme):
    result = cli("report", "--workspace", "Acme", "--format", "pdf")
    assert result.code == 2 and "add -o report.pdf" in result.err
    result = cli("report", "--workspace", "Nobody")
    assert result.code == 2 and "no workspace called 'Nobody'" in result.err
