"""Is there a display for the window? Asked before Qt loads, because Qt's answer to "none" is an abort.

Without a reachable display, Qt's xcb plugin ends the process (exit 134) with advice about reinstalling packages
that are installed. :func:`unreachable` finds that case first, from the environment and one local connection
attempt, so ``exadesk`` can say what is wrong and what still works. Qt-free and stdlib-only.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

#: Qt platforms that draw without a display (tests, screenshots, remote framebuffers).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")
X11_SOCKETS = Path("/tmp/.X11-unix")


def unreachable(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why no display is reachable (a short phrase for the message), or None when the window can try to open."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None  # macOS and Windows always have their own window system
    qpa = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0].strip()
    if qpa in HEADLESS_PLATFORMS:
        return None
    wayland, x11 = environ.get("WAYLAND_DISPLAY", ""), environ.get("DISPLAY", "")
    if not wayland and not x11:
        return "DISPLAY and WAYLAND_DISPLAY are not set"
    if wayland and _wayland_reachable(wayland, environ) and qpa != "xcb":
        return None
    if x11:
        return None if _x11_reachable(x11) else f"nothing answers at DISPLAY={x11}"
    return f"nothing answers at WAYLAND_DISPLAY={wayland}"


def _wayland_reachable(name: str, environ: Mapping[str, str]) -> bool:
    path = Path(name) if name.startswith("/") else Path(environ.get("XDG_RUNTIME_DIR", "/nonexistent")) / name
    return _connects("unix", str(path))


def _x11_reachable(display: str) -> bool:
    """Whether an X server accepts a connection for ``display`` (":0", "localhost:10.0", "unix:1")."""
    match = re.fullmatch(r"(?:(?P<proto>[\w.-]+)/)?(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?", display)
    if display.startswith("/"):  # a socket path (macOS launchd style, also XQuartz on Linux)
        return _connects("unix", display.split(":", 1)[0] if ":" in display[1:] else display)
    if not match:
        return False
    host, number = match["host"], int(match["number"])
    if host in ("", "unix") and match["proto"] in (None, "unix"):
        path = X11_SOCKETS / f"X{number}"
        # Linux X servers also listen on an abstract socket of the same name (the path may be hidden in a sandbox).
        return _connects("unix", str(path)) or _connects("unix", "\0" + str(path))
    return _connects("inet6" if ":" in host else "inet", (host or "localhost", 6000 + number))


def _connects(family: str, address) -> bool:
    """Whether something accepts a connection at ``address`` (family "unix", "inet" or "inet6")."""
    # Imported here: only a Linux start with a display to probe needs sockets. Windows, macOS and headless starts
    # return before any probe, and importing socket (its enum classes) costs them ~4 ms of the first paint.
    import socket

    try:
        with socket.socket(getattr(socket, f"AF_{family.upper()}"), socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            probe.connect(address)
        return True
    except (OSError, ValueError):
        return False
