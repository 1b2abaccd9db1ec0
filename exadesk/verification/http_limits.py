"""Per-host limits, Retry-After and cancel flags: how ExaDesk stays polite to one server.

:class:`HostSlots` is the one per-host wait. Requests hold a slot while they are sent (:class:`HostLimiter`, one
for the whole process, :data:`HOST_LIMITS`); Verify all holds one per instance while it is verified
(``exadesk.verification.engine.verify_many``, one table per run), and takes the next instance whose host has room. Every
wait ends at once when its cancel flag is set; :func:`any_set` reads several flags (a whole run's Stop and one
instance's) as one.
"""

from __future__ import annotations

import math
import threading
import time
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from typing import Callable, TypeVar
from urllib.parse import urlsplit

from exadesk.foundation import clock, messages
from exadesk.foundation.errors import CheckError

T = TypeVar("T")

#: How often a waiting request looks at its deadline and cancel flag: Cancel ends a request within this (plus a thread
#: switch).
POLL_SECONDS = 0.05
#: Requests in flight to one host at once, for the whole process: a check's concurrent reads and Verify all's
#: instances together (exadesk.services.instances.PER_HOST is this same number).
MAX_PER_HOST = 4
#: The longest Retry-After waited out; a longer one ends the request as rate limited.
MAX_RETRY_WAIT = 15.0


# -- cancel flags ---------------------------------------------------------------


class AnySet:
    """Several cancel flags read as one ``threading.Event``-like flag: set as soon as any of them is.

    Verify all gives each instance the run's flag and the instance's own: either Stop reaches the same waits
    (for its host, for a Retry-After pause, for a reply).
    """

    def __init__(self, *flags):
        self.flags = flags

    def is_set(self) -> bool:
        return any(flag.is_set() for flag in self.flags)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until one flag is set (True) or ``timeout`` seconds pass (False)."""
        ends = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            left = POLL_SECONDS if ends is None else min(POLL_SECONDS, ends - time.monotonic())
            if left <= 0:
                return False
            self.flags[0].wait(left)
        return True

    def set(self) -> None:
        for flag in self.flags:
            flag.set()


def any_set(*flags):
    """One flag for ``flags`` (None ones left out): the flag itself when only one remains, None when none does."""
    flags = tuple(dict.fromkeys(f for f in flags if f is not None))
    if len(flags) <= 1:
        return flags[0] if flags else None
    return AnySet(*flags)


def _stop_if_cancelled(cancel) -> None:
    if cancel is not None and cancel.is_set():
        raise CheckError(messages.problem("cancelled"))


# -- one host, a few at a time ----------------------------------------------------------


def host_key(url: str) -> str:
    """The host a per-host bound counts against: name and port (the scheme's when none is written).

    The one key of every per-host bound: requests (:class:`HostLimiter`) and verifications
    (``engine.verify_many``).
    """
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # an unusable port fails later with a message; it counts against the text as written
        return url.lower()
    return f"{(parts.hostname or '').lower()}:{port or parts.scheme}"


class HostSlots:
    """At most ``per_host`` holders per host at once, and the wait for a free slot.

    A slot is taken either for one host (:meth:`slot`, waiting while that host is full) or for the first item of a
    queue whose host has room (:meth:`take_next`): a worker never waits behind a full host while another host in
    the queue could start.
    """

    def __init__(self, per_host: int = MAX_PER_HOST):
        self.per_host = max(1, per_host)
        self._changed = threading.Condition()
        self._held: dict[str, int] = {}

    def held(self, host: str) -> int:
        """How many slots of ``host`` are taken now."""
        with self._changed:
            return self._held.get(host, 0)

    def _take(self, host: str) -> bool:
        """Take a slot of ``host`` if it has room (the caller holds the condition)."""
        count = self._held.get(host, 0)
        if count >= self.per_host:
            return False
        self._held[host] = count + 1
        return True

    def acquire(self, host: str, cancel=None) -> None:
        """Take one of ``host``'s slots, waiting while it is full; raises a cancelled CheckError on Cancel."""
        with self._changed:
            while not self._take(host):
                _stop_if_cancelled(cancel)
                self._changed.wait(POLL_SECONDS)  # a Cancel is seen within this; a release wakes it at once

    def release(self, host: str) -> None:
        with self._changed:
            count = self._held.get(host, 0) - 1
            if count > 0:
                self._held[host] = count
            else:
                self._held.pop(host, None)
            self._changed.notify_all()

    @contextmanager
    def slot(self, host: str, cancel=None):
        """Hold one of ``host``'s slots for the ``with`` block."""
        self.acquire(host, cancel)
        try:
            yield
        finally:
            self.release(host)

    def take_next(self, queue: list[T], host_of: Callable[[T], str],
                  stopped: Callable[[T], bool]) -> tuple[T | None, bool]:
        """Remove and return the next item of ``queue`` to act on, waiting while there is none.

        An item ``stopped`` says is cancelled comes first, without a slot (``(item, False)``: it ends without
        sending anything); otherwise the first item in order whose host has room, holding that host's slot
        (``(item, True)``; :meth:`release` it when done). ``(None, False)`` when the queue is empty. The queue is
        read and changed only under this table's lock: change it elsewhere through :meth:`withdraw`.
        """
        with self._changed:
            while queue:
                for index, item in enumerate(queue):
                    if stopped(item):
                        return queue.pop(index), False
                for index, item in enumerate(queue):
                    if self._take(host_of(item)):
                        return queue.pop(index), True
                self._changed.wait(POLL_SECONDS)  # a release wakes it; a Cancel is seen within this
            return None, False

    def withdraw(self, queue: list[T], match: Callable[[T], bool]) -> T | None:
        """Remove the first item of ``queue`` that ``match`` accepts, before any worker takes it; None if none does."""
        with self._changed:
            for index, item in enumerate(queue):
                if match(item):
                    return queue.pop(index)
            return None


class HostLimiter:
    """At most ``per_host`` requests in flight to one host, and one pause for all of them after a Retry-After.

    One limiter serves the whole process (:data:`HOST_LIMITS`), so a check's concurrent reads and Verify all's
    instances together stay within the bound, and a 429/503 asking to wait holds back every request to that
    host, not only the one that got it. Waiting for a slot or a pause ends at once on Cancel.
    """

    def __init__(self, per_host: int = MAX_PER_HOST):
        self.slots = HostSlots(per_host)
        self._lock = threading.Lock()
        self._resume_at: dict[str, float] = {}  # host -> time.monotonic() when requests may go again

    @property
    def per_host(self) -> int:
        return self.slots.per_host

    @contextmanager
    def slot(self, host: str, cancel=None):
        """Hold one of ``host``'s slots while a request is sent; waits out a pause first."""
        self._wait_pause(host, cancel)
        with self.slots.slot(host, cancel):
            self._wait_pause(host, cancel)  # a pause that began while this request queued
            yield

    def pause(self, host: str, seconds: float) -> None:
        """Hold every request to ``host`` for ``seconds`` (the tracker's Retry-After)."""
        with self._lock:
            self._resume_at[host] = max(self._resume_at.get(host, 0.0), time.monotonic() + seconds)

    def _wait_pause(self, host: str, cancel) -> None:
        while True:
            _stop_if_cancelled(cancel)
            with self._lock:
                left = self._resume_at.get(host, 0.0) - time.monotonic()
            if left <= 0:
                return
            if cancel is not None:
                cancel.wait(min(left, 0.1))
            else:
                time.sleep(min(left, 0.1))


#: The process's one per-host bound (see :class:`HostLimiter`).
HOST_LIMITS = HostLimiter()


# -- Retry-After ----------------------------------------------------------------------


def retry_after_seconds(value: str | None) -> float | None:
    """The wait a Retry-After header asks for, in seconds (a number or an HTTP date), or None without a usable one."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:  # "inf", "1e400" and "nan" are not a time anyone can wait: the same as no hint
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - clock.now().timestamp())
    except (TypeError, ValueError):
        return None


def human_wait(seconds: float | None) -> str:
    """A wait in words for a rate-limit message ("a minute" when the tracker named none)."""
    if seconds is None:
        return "a minute"
    if seconds < 90:
        return f"{int(seconds) or 1} seconds"
    return f"{int(seconds // 60)} minutes"
