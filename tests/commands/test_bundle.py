"""``exadesk export`` and ``import`` (exadesk/commands/bundle.py): the passphrase never on the command line.

The bundle format and its round trips are tested in tests/services/test_bundle.py.
"""

from __future__ import annotations

import io
import os
import stat

import pytest

from exadesk.store.storage import Store


@pytest.fixture
def acme(cli):
    assert cli("workspace", "create", "Acme").code == 0


def test_there_is_no_option_that_takes_the_passphrase_itself(cli):
    for command in ("export", "import"):
        help_text = cli(command, "--help").out
        assert "--passphrase-env VAR" in help_text
        assert "--passphrase " not in help_text and "--passphrase=" not in help_text


def test_export_of_an_unknown_workspace_writes_nothing(cli, tmp_path):
    out = tmp_path / "x.exadesk"
    result = cli("export", "--workspace", "Nobody", "-o", str(out))
    assert result.code == 2 and "no workspace called 'Nobody'" in result.err
    assert not out.exists()


def test_secrets_with_an_unset_variable_or_no_terminal_write_nothing(cli, acme, tmp_path, monkeypatch):
    out = tmp_path / "acme.exadesk"
    monkeypatch.delenv("EXADESK_NO_SUCH_VAR", raising=False)
    result = cli("export", "--workspace", "Acme", "-o", str(out), "--include-secrets",
                 "--passphrase-env", "EXADESK_NO_SUCH_VAR")
    assert result.code == 2 and "EXADESK_NO_SUCH_VAR is not set" in result.err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: no prompt
    result = cli("export", "--workspace", "Acme", "-o", str(out), "--include-secrets")
    assert result.code == 2 and "use --passphrase-env VAR" in result.err
    assert not out.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_export_writes_the_owners_file_and_a_dry_run_imports_nothing(cli, acme, tmp_path):
    out = tmp_path / "acme.exadesk"
    result = cli("export", "--workspace", "Acme", "-o", str(out))
    assert result.code == 0 and "Exported Acme (0 instances) without secrets" in result.out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    preview = cli("import", str(out), "--dry-run", "--as", "Acme copy")
    assert preview.code == 0 and "Dry run: nothing was imported." in preview.out
    assert [w.name for w in Store().load().data.workspaces] == ["Acme"]
    imported = cli("import", str(out), "--as", "Acme copy")
    assert imported.code == 0 and "Imported Acme copy." in imported.out
    assert [w.name for w in Store().load().data.workspaces] == ["Acme", "Acme copy"]


def test_importing_a_file_that_is_not_a_bundle_is_a_usage_error(cli, tmp_path):
    path = tmp_path / "notes.exadesk"
    path.write_text("hello")
    result = cli("import", str(path))
    assert result.code == 2 and result.err.startswith("exadesk import: ")
