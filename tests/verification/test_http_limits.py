"""exadesk/verification/http_limits.py: the per-host bound on requests in flight, the Retry-After pause they share,
Cancel."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest

from exadesk.foundation import clock
from exadesk.foundation.errors import CheckError, ErrorKind
from exadesk.sandbox.kit import Response
from exadesk.verification.http_limits import (AnySet, HostLimiter, HostSlots, any_set, host_key, human_wait,
                                              retry_after_seconds)
from tests.helpers.scripted_http import OK, server  # noqa: F401  (server: a fixture)
from tests.helpers.scripted_http import client as _client, reason as _reason


# -- Retry-After, through the client ------------------------------------------------------------------------------


def test_retry_after_short_is_retried_then_succeeds(server):
    srv = server({"/a": [Response(503, {}, {"Retry-After": "0"}), OK]})
    assert _client(srv.url).get_json("/a") == {"ok": True}
    assert len(srv.requests) == 2


def test_retry_after_long_is_reported_not_waited(server):
    srv = server({"/a": Response(429, {}, {"Retry-After": "600"})})
    started = time.monotonic()
    problem = _reason(lambda: _client(srv.url).get("/a"))
    assert problem.kind is ErrorKind.RATE_LIMITED and "10 minutes" in problem.next_step
    assert time.monotonic() - started < 2 and len(srv.requests) == 1


def test_post_is_not_retried(server):
    srv = server({"/login": Response(503, {}, {"Retry-After": "0"})})
    _reason(lambda: _client(srv.url).request("POST", "/login", json_body={"u": 1}))
    assert len(srv.requests) == 1


def test_cancel_interrupts_a_retry_wait(server):
    srv = server({"/x": Response(503, {}, {"Retry-After": "10"})})
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    assert _reason(lambda: _client(srv.url, cancel=cancel).get("/x")).kind is ErrorKind.CANCELLED
    assert time.monotonic() - started < 3


# -- the per-host bound -------------------------------------------------------------------------------------------


def test_host_key_is_name_and_port_or_the_scheme():
    assert host_key("https://Jira.Example.com/rest") == "jira.example.com:https"
    assert host_key("https://jira.example.com:8443/x") == "jira.example.com:8443"
    assert host_key("http://[::1]:8080/") == "::1:8080"
    assert host_key("https://host:notaport/") == "https://host:notaport/"


def test_no_more_than_per_host_requests_to_one_host_are_in_flight_at_once():
    limiter = HostLimiter(per_host=2)
    inside, most, lock = [0], [0], threading.Lock()

    def request(host):
        with limiter.slot(host):
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.05)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=request, args=("a:https",)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert most[0] == 2 and limiter.slots.held("a:https") == 0


def test_a_full_host_does_not_hold_back_another_host():
    limiter = HostLimiter(per_host=1)
    with limiter.slot("a:https"):
        done = threading.Event()
        threading.Thread(target=lambda: (limiter.slot("b:https").__enter__(), done.set()), daemon=True).start()
        assert done.wait(2)


def test_a_retry_after_pause_holds_every_request_to_that_host_only():
    limiter = HostLimiter()
    limiter.pause("a:https", 0.3)
    started = time.monotonic()
    with limiter.slot("b:https"):
        assert time.monotonic() - started < 0.2
    with limiter.slot("a:https"):
        assert time.monotonic() - started >= 0.25


def test_cancel_ends_the_wait_for_a_slot_and_for_a_pause():
    limiter = HostLimiter(per_host=1)
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    with limiter.slot("a:https"):
        with pytest.raises(CheckError) as info:
            with limiter.slot("a:https", cancel):
                pass
    assert info.value.problem.kind is ErrorKind.CANCELLED
    limiter.pause("b:https", 30)
    with pytest.raises(CheckError):
        with limiter.slot("b:https", cancel):
            pass


def test_take_next_skips_a_full_host_and_gives_a_stopped_item_first_without_a_slot():
    slots = HostSlots(per_host=1)
    slots.acquire("a")
    queue = [("a", False), ("b", False), ("c", True)]
    assert slots.take_next(queue, lambda i: i[0], lambda i: i[1]) == (("c", True), False)
    assert slots.take_next(queue, lambda i: i[0], lambda i: i[1]) == (("b", False), True)
    assert slots.held("b") == 1 and queue == [("a", False)]
    assert slots.withdraw(queue, lambda i: i[0] == "a") == ("a", False)
    assert slots.take_next(queue, lambda i: i[0], lambda i: i[1]) == (None, False)


def test_any_set_reads_several_cancel_flags_as_one():
    one, two = threading.Event(), threading.Event()
    assert any_set(None, one, None) is one and any_set(None) is None
    both = any_set(one, two, one)
    assert isinstance(both, AnySet) and not both.wait(0.05)
    two.set()
    assert both.is_set() and both.wait(0.05)


# -- Retry-After in numbers and words -----------------------------------------------------------------------------


@pytest.mark.parametrize("value, seconds", [
    (None, None), ("", None), ("30", 30.0), ("-5", 0.0), ("inf", None), ("nan", None), ("1e400", None), ("soon", None),
])
def test_retry_after_seconds(value, seconds):
    assert retry_after_seconds(value) == seconds


def test_retry_after_as_an_http_date_counts_from_now():
    when = clock.now() + timedelta(seconds=120)
    assert retry_after_seconds(when.strftime("%a, %d %b %Y %H:%M:%S GMT")) == pytest.approx(120, abs=1)


@pytest.mark.parametrize("seconds, words", [(None, "a minute"), (0, "1 seconds"), (45, "45 seconds"), (600, "10 minutes")])
def test_human_wait(seconds, words):
    assert human_wait(seconds) == words
