"""Where ExaDesk keeps its files. ``EXADESK_HOME`` moves everything to one folder."""

from __future__ import annotations

import os
from pathlib import Path

from exadesk import APP_ID


def home_override() -> Path | None:
    value = os.environ.get("EXADESK_HOME")
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Folder of the data file (workspaces, settings)."""
    home = home_override()
    if home:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    home = home_override()
    if home:
        return home / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def make_private(folder: Path) -> Path:
    """Create ``folder`` readable by its owner only, and tighten one that already exists with a looser mode (755).

    The data file and the log name every tracker, account and workspace a person works with.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        mode = folder.stat().st_mode & 0o777
        if mode & 0o077 and folder.stat().st_uid == os.getuid():
            folder.chmod(mode & 0o700)
    return folder


def data_file() -> Path:
    return config_dir() / "exadesk.json"


def all_dirs() -> list[Path]:
    """Every folder ExaDesk writes to (used by the secret-leak tests)."""
    return [config_dir(), log_dir()]
