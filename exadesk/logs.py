"""Logging to a rotating file under the user log dir. Nothing secret is ever logged."""

from __future__ import annotations

import logging

from exadesk import paths

_configured = False


class _Held(logging.Handler):
    """Keeps records until :func:`setup` writes them (the window opens its log file after the first paint)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_held: _Held | None = None


def hold(level: int = logging.INFO) -> None:
    """Keep ExaDesk's log records in memory until :func:`setup` (which costs ~7 ms of imports and a file open)."""
    global _held
    if _configured or _held is not None:
        return
    _held = _Held()
    root = logging.getLogger("exadesk")
    root.addHandler(_held)
    root.setLevel(level)


def setup(level: int = logging.INFO) -> None:
    global _configured, _held
    if _configured:
        return
    _configured = True
    import logging.handlers  # here, not at import: it brings socket, pickle and queue

    held, _held = _held, None
    root = logging.getLogger("exadesk")
    if held is not None:
        root.removeHandler(held)
    folder = paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(folder / "exadesk.log", maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:
        return  # a read-only home must not stop a check
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    for record in held.records if held is not None else ():
        handler.handle(record)
    # urllib3 logs full URLs with query strings at DEBUG; keep it quiet.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
