"""Logging to a rotating file under the user log dir. Nothing secret is ever logged."""

from __future__ import annotations

import logging

from exadesk.foundation import paths

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


def _private_handler(path) -> logging.Handler:
    """A rotating file handler whose files are the owner's only (0600), whatever the umask."""
    import logging.handlers
    import os

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            if os.name == "posix":
                os.fchmod(fd, 0o600)  # an older log made under a looser umask
            return open(fd, "a", encoding=self.encoding, errors=self.errors)

    return PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")


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
        paths.make_private(folder)
        handler = _private_handler(folder / "exadesk.log")
    except OSError:
        return  # a read-only home must not stop a check
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    for record in held.records if held is not None else ():
        handler.handle(record)
    # urllib3 logs full URLs with query strings at DEBUG; keep it quiet.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
