"""Logging to a rotating file under the user log dir. Nothing secret is ever logged."""

from __future__ import annotations

import logging
import logging.handlers

from exadesk import paths

_configured = False


def setup(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    folder = paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(folder / "exadesk.log", maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:
        return  # a read-only home must not stop a check
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("exadesk")
    root.addHandler(handler)
    root.setLevel(level)
    # urllib3 logs full URLs with query strings at DEBUG; keep it quiet.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
