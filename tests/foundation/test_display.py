"""With no display, `exadesk` says so (and what still works) before Qt loads, instead of Qt's abort (exit 134)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from exadesk.foundation import display


@pytest.fixture
def x_server(tmp_path, monkeypatch):
    """A listening socket where display :5 would be (the X11 socket folder moved into tmp_path)."""
    monkeypatch.setattr(display, "X11_SOCKETS", tmp_path)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "X5"))
        server.listen(4)
        yield ":5"


def test_no_display_variables_is_said():
    assert display.unreachable({}, "linux") == "DISPLAY and WAYLAND_DISPLAY are not set"


def test_a_display_nobody_answers_is_said(tmp_path, monkeypatch):
    monkeypatch.setattr(display, "X11_SOCKETS", tmp_path)
    assert display.unreachable({"DISPLAY": ":7"}, "linux") == "nothing answers at DISPLAY=:7"
    assert display.unreachable({"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}, "linux") == \
        "nothing answers at WAYLAND_DISPLAY=wayland-9"


def test_a_running_x_server_is_reachable(x_server):
    assert display.unreachable({"DISPLAY": x_server}, "linux") is None
    assert display.unreachable({"DISPLAY": x_server + ".0"}, "linux") is None


def test_a_running_wayland_compositor_is_reachable(tmp_path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-1"))
        server.listen(1)
        assert display.unreachable({"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)}, "linux") is None


def test_headless_qt_platforms_and_other_systems_need_no_display():
    assert display.unreachable({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display.unreachable({}, "darwin") is None
    assert display.unreachable({}, "win32") is None


def test_exadesk_says_it_in_one_line_and_the_command_line_still_works():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    window = subprocess.run([sys.executable, "-m", "exadesk"], env=env, capture_output=True, text=True, timeout=60)
    assert window.returncode == 2, window.stderr  # not Qt's abort (134)
    (line,) = window.stderr.strip().splitlines()
    assert "no display is reachable (DISPLAY and WAYLAND_DISPLAY are not set)" in line
    assert "xvfb-run exadesk" in line and "exadesk --help" in line
    assert "xcb" not in line and "Reinstalling" not in line
    listed = subprocess.run([sys.executable, "-m", "exadesk", "trackers"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert listed.returncode == 0 and "GitHub" in listed.stdout
