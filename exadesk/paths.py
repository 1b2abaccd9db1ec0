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


def data_file() -> Path:
    return config_dir() / "exadesk.json"


def all_dirs() -> list[Path]:
    """Every folder ExaDesk writes to (used by the secret-leak tests)."""
    return [config_dir(), log_dir()]
