"""A scripted tracker for the HTTP layer's tests: each path answers what the test wrote for it.

Shared by tests/verification/test_http.py and the mirrored tests of exadesk/verification/http_limits.py, http_replies.py
and http_transport.py (the modules split out of exadesk/verification/http.py).
"""

from __future__ import annotations

import pytest

from exadesk.foundation.errors import CheckError
from exadesk.sandbox.kit import Emulator, Response, Scenario
from exadesk.verification.http import HttpClient, Page

SECRET = "tok-" + "Z" * 30

OK = Response(200, {"ok": True})


class ScriptedScenario(Scenario, total=False):
    replies: dict  # path -> Response, or a list of them used in turn


class Scripted(Emulator):
    """Answers each path from ``scenario["replies"][path]`` = Response (or a list used in turn)."""

    tracker = "scripted"
    scenario_type = ScriptedScenario

    def handle(self, request):
        fault = self._active_fault(request)
        if fault is not None:
            return super().handle(request)
        reply = self.scenario.get("replies", {}).get(request.path)
        if isinstance(reply, list):
            reply = reply.pop(0) if len(reply) > 1 else reply[0]
        return reply or Response(404, {"message": "Not Found"})


@pytest.fixture
def server():
    """``server(replies, **emulator_options)`` starts a Scripted tracker; all are stopped after the test."""
    running = []

    def start(replies=None, **kw):
        emulator = Scripted({"replies": replies or {}, **kw.pop("scenario", {})}, **kw).start()
        running.append(emulator)
        return emulator

    yield start
    for emulator in running:
        emulator.stop()


def client(url, auth=None, **kw):
    kw.setdefault("timeout", (2.0, 2.0))
    return HttpClient(base_url=url, page=Page("Tracker"), auth=auth, **kw)


def reason(func):
    """The Problem of the CheckError ``func()`` raises."""
    with pytest.raises(CheckError) as info:
        func()
    return info.value.problem
