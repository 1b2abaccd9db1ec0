"""A stand-in for the system browser in OAuth tests: it fetches the authorize URL and follows the redirect.

The emulator answers the authorize step as a browser would after the user approves (or denies), with a
302 to the loopback redirect; this "browser" then delivers it to ExaDesk's receiver, in its own thread
(the receiver only starts serving once ``open_url`` has returned).
"""

from __future__ import annotations

import threading
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests


class FakeBrowser:
    """``open_url`` for oauth.sign_in_browser.

    Args:
        closed: the person closed the window: nothing is ever fetched (the timeout case).
        tamper_state: the redirect arrives with another state (a forged or stale answer).
    """

    def __init__(self, *, closed: bool = False, tamper_state: bool = False):
        self.closed = closed
        self.tamper_state = tamper_state
        self.opened: list[str] = []
        self.threads: list[threading.Thread] = []
        self.landing_status: int | None = None

    def __call__(self, url: str) -> bool:
        self.opened.append(url)
        if not self.closed:
            thread = threading.Thread(target=self._visit, args=(url,), daemon=True)
            thread.start()
            self.threads.append(thread)
        return True

    def _visit(self, url: str) -> None:
        reply = requests.get(url, allow_redirects=False, timeout=10)
        location = reply.headers.get("Location", "")
        if not location:
            self.landing_status = reply.status_code
            return
        if self.tamper_state:
            parts = urlsplit(location)
            query = [(k, "forged-" + v if k == "state" else v) for k, v in parse_qsl(parts.query)]
            location = urlunsplit(parts._replace(query=urlencode(query)))
        self.landing_status = requests.get(location, timeout=10).status_code

    def join(self) -> None:
        for thread in self.threads:
            thread.join(10)
