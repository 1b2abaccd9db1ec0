"""The rules every name, address, id and credential field follows, whichever way it arrives (add, check,
the window, a bundle).

One set of rules, so export never writes what import refuses, and the command line and the wizard refuse the
same input with the same keyed problem (:func:`input_problems`): the command line prints it as a failing check,
the wizard shows it under the input. Names are what a person reads on a terminal or in the window: control
characters (escape sequences, BEL, a right-to-left override) could rewrite the screen or disguise a name, so
they are refused on entry and shown escaped when they arrive from elsewhere (an old data file, a bundle).

Nothing here imports a tracker: the spec and the target are read as data.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import field
from typing import Any, Iterable
from urllib.parse import urlsplit, urlunsplit

from exadesk.foundation.controls import escape_controls, is_control
from exadesk.foundation.errors import Problem
from exadesk.foundation.records import dataclass

#: A tracker's spec, target and credential field (exadesk.verification.spec), read as data: this module stands below the
#: trackers package and imports none of it.
TrackerSpec = Target = Field = Any

MAX_NAME = 200  # workspace, instance and connection names
MAX_URL = 2_000  # far above any tracker address; browsers and proxies refuse much longer ones
MAX_TEXT = 20_000  # notes and other free text

#: Ids name keychain entries and lock files: letters, digits, '-' and '_' only, so no id can point elsewhere.
SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def is_safe_id(value) -> bool:
    return isinstance(value, str) and SAFE_ID.fullmatch(value) is not None


def name_problem(name, what: str = "The name") -> Problem | None:
    """Why ``name`` cannot be a workspace, instance or connection name, or None when it can."""
    from exadesk.foundation import messages

    if not isinstance(name, str) or not name.strip():
        return messages.problem("input.name_empty", what=what)
    if len(name) > MAX_NAME:
        return messages.problem("input.name_long", what=what, length=len(name), limit=MAX_NAME)
    bad = next((c for c in name if is_control(c)), None)
    if bad is not None:
        return messages.problem("input.name_control", what=what, char=escape_controls(bad))
    return None


def url_problem(url: str) -> Problem | None:
    """Why an address is refused before any tracker-specific rule, or None."""
    from exadesk.foundation import messages

    if len(url) > MAX_URL:
        return messages.problem("input.url_long", length=len(url), limit=MAX_URL)
    bad = next((c for c in url if is_control(c)), None)
    if bad is not None:
        return messages.problem("input.url_control", char=escape_controls(bad))
    return None


# -- addresses -----------------------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback IP address (where plain http to a sandbox is allowed)."""
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_loopback_http(url: str) -> bool:
    """An http or https address of this machine (the sandbox's emulators), which no address rule refuses."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "https://[" and the like
        return False
    # https on loopback too: the emulators' TLS scenarios (self-signed certificate) run there.
    return parts.scheme in ("http", "https") and is_loopback(parts.hostname or "")


def origin(url_or_parts, host: str | None = None) -> str:
    """``scheme://host[:port]`` of an address; an IPv6 host keeps its brackets (``http://[::1]:8080``).

    ``host`` replaces the address's own host name (already lower-cased, for example).
    """
    parts = urlsplit(url_or_parts) if isinstance(url_or_parts, str) else url_or_parts
    name = parts.hostname or "" if host is None else host
    if ":" in name:
        name = f"[{name}]"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{name}{port}"


def normalise_url(url: str) -> str:
    """Trim what people paste: spaces, a trailing slash; add https:// when no scheme was typed."""
    url = (url or "").strip()
    if url and "://" not in url:
        url = "https://" + url
    return url.rstrip("/")


def site_url(spec: TrackerSpec, url: str) -> str:
    """The address as :func:`normalise_url` makes it, trimmed to the site address the tracker declares
    (``UrlSpec.site``) when a page address was pasted from the browser."""
    url = normalise_url(url)
    if spec.url.site and "://" in url and not has_credentials(url):
        scheme, rest = url.split("://", 1)
        match = re.match(spec.url.site, rest, re.I)
        if match and match.end() < len(rest) and rest[match.end()] in "/?#":
            return f"{scheme}://{match.group(0).rstrip('/')}"
    return url


def _plain_http(url: str) -> bool:
    """An http:// address that is not a loopback sandbox."""
    try:
        return urlsplit(url).scheme == "http" and not is_loopback_http(url)
    except ValueError:
        return False


def _authority(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]


def has_credentials(url: str) -> bool:
    """True when an address carries ``user:password@`` before the host."""
    return "@" in _authority(url or "")


def redact_url(url: str) -> str:
    """The address without any ``user:password@`` part, safe to store and show."""
    if not has_credentials(url):
        return url
    authority = _authority(url)
    return url.replace(authority, "****@" + authority.rsplit("@", 1)[1], 1)


# -- the one validator of what a person typed -------------------------------------------------------------------


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with what was typed, found before anything is sent.

    Attributes:
        input: which input: ``url``, ``auth_method``, ``scope``, or a credential field's name.
        reason: the key of its sentences in :data:`exadesk.foundation.messages.CATALOGUE`.
        params: the values those sentences name.
    """

    input: str
    reason: str
    params: dict = field(default_factory=dict)

    def problem(self) -> Problem:
        """The whole sentence and the next step, as the command line prints them."""
        from exadesk.foundation import messages

        return messages.problem(self.reason, **self.params)

    def beside(self) -> str:
        """The words shown under the input itself, where its label is already visible (the wizard)."""
        from exadesk.foundation import messages

        return messages.beside(self.reason, **self.params)


def input_problems(spec: TrackerSpec, target: Target, *, require_scope: bool = True) -> list[InputProblem]:
    """Everything wrong with ``target``'s address, sign-in method, fields and scope, in that order.

    ``require_scope=False`` for an administrator's own credential, whose checks need no scope.
    """
    problems = address_problems(spec, target.url)
    method = method_problem(spec, target.auth_method)
    if method is not None:
        return [*problems, method]  # without the method, its fields are unknown
    fields = spec.auth_method(target.auth_method).fields
    problems.extend(p for p in (field_problem(f, target.value(f.name)) for f in fields) if p is not None)
    problems.extend(scope_problems(spec, target.scope, require=require_scope))
    return problems


def address_problems(spec: TrackerSpec, url: str) -> list[InputProblem]:
    """Why the address ``url`` (as typed) cannot be used, or nothing when it can."""
    refused = url_problem(url)  # the address as given: a page address is trimmed only after these rules
    if refused is not None:  # the rules every entry point shares (add, the wizard, a bundle)
        return [InputProblem("url", refused.reason, {"length": len(url), "limit": MAX_URL,
                                                      "char": _first_control(url)})]
    site = site_url(spec, url)
    if _plain_http(site):
        return [_plain_http_problem(spec, site)]
    if has_credentials(site):
        # user:password@host would put a secret in the data file, reports and logs: refuse it, without echoing it.
        return [InputProblem("url", "input.url_credentials", {"hint": spec.url.hint})]
    if not _address_shape_ok(spec, site):
        return [InputProblem("url", "input.url_shape", {"value": url, "tracker": spec.name, "hint": spec.url.hint,
                                                        "example": spec.url.example})]
    return []


def _first_control(text: str) -> str:
    return escape_controls(next((c for c in text if is_control(c)), ""))


def _plain_http_problem(spec: TrackerSpec, site: str) -> InputProblem:
    """Credentials never travel over plain http: the person needs the https form of the same address."""
    secure = urlunsplit(urlsplit(site)._replace(scheme="https"))
    expected = (f"the https:// address, {secure}" if re.fullmatch(spec.url.pattern or ".*", secure, re.I)
                else f"{spec.url.hint}, with https://")
    return InputProblem("url", "input.url_plain_http", {"url": site, "expected": expected})


def _address_shape_ok(spec: TrackerSpec, site: str) -> bool:
    """An https address with a host (and the tracker's own form), or this machine's sandbox."""
    if not site:
        return False
    if is_loopback_http(site):
        return True
    try:
        parts = urlsplit(site)
        ok = parts.scheme == "https" and bool(parts.hostname) and " " not in site
        ok = ok and (parts.port is None or parts.port > 0)
    except ValueError:  # a broken IPv6 bracket or a port out of range is just not an address
        return False
    return ok and (not spec.url.pattern or re.fullmatch(spec.url.pattern, site, re.I) is not None)


def method_problem(spec: TrackerSpec, method_id: str) -> InputProblem | None:
    """Why ``method_id`` is not one of the tracker's sign-in methods, or None."""
    try:
        spec.auth_method(method_id)
    except KeyError:
        return InputProblem("auth_method", "input.auth_method", {
            "tracker": spec.name, "value": method_id, "known": ", ".join(m.id for m in spec.auth_methods)})
    return None


def field_expected(fld: Field) -> str:
    """A field's expected form in words: its hint and, for what is not secret, an example."""
    expected = fld.hint
    if fld.example and not fld.secret:
        expected = f"{expected} (for example {fld.example})" if expected else f"for example {fld.example}"
    return expected


def field_problem(fld: Field, value: str) -> InputProblem | None:
    """Why ``value`` does not fit ``fld`` (missing, spaces around it, not the field's form), or None."""
    params = {"field": fld.label, "expected": field_expected(fld) or "a value"}
    if not value:
        return InputProblem(fld.name, "input.field_missing", params) if fld.required else None
    if value != value.strip():
        return InputProblem(fld.name, "input.field_spaces", params)
    if fld.pattern and not re.fullmatch(fld.pattern, value):
        if fld.secret:  # never echoed
            return InputProblem(fld.name, "input.field_form", params)
        return InputProblem(fld.name, "input.field_form_shown", {**params, "value": value})
    return None


def scope_problems(spec: TrackerSpec, scope: Iterable[str], *, require: bool = True) -> list[InputProblem]:
    """Why the scope cannot be checked: none given where the requirements are checked per entry, or entries
    that are not of the tracker's form."""
    scope = list(scope)
    expected = spec.scope.hint or spec.scope.example
    params = {"label": spec.scope.label, "expected": expected}
    problems = []
    if require and spec.scope.missing(scope):
        problems.append(InputProblem("scope", "input.scope_none",
                                     {**params, "sentence": spec.scope.missing_sentence(spec.name)}))
    bad = [s for s in scope if spec.scope.pattern and not re.fullmatch(spec.scope.pattern, s)]
    if bad:
        problems.append(InputProblem("scope", "input.scope_entries", {**params, "entries": ", ".join(bad)}))
    return problems
