"""``exadesk check``: verify one instance, a stored one, or all stored ones.

A secret is never taken as a plain argument value: it comes from an
environment variable (``--secret-env``), standard input (``--secret-stdin``)
or, for stored instances, the keychain.
"""

from __future__ import annotations

import os
import re
import sys
import threading

from exadesk.commands.output import print_json, print_report, seconds
from exadesk.foundation import messages
from exadesk.foundation.checks import Report
from exadesk.foundation.exit_codes import EXIT_USAGE
from exadesk.store.model import parse_sync
from exadesk.verification import engine, registry
from exadesk.verification.spec import Secrets, Target


#: The states a verification ends in (also in docs/user-guide.md, "Verdicts").
STATES_HELP = """\
Exit codes (the verdict):
  exit  state          window badge            meaning
  0     ready          Verified (green)        every requirement an API can show passes; manual
                                               ones are listed "to confirm by hand"
  1     not ready      Failing (red)           something fails (or the credential is refused)
  2     not checked    -                       usage error or bad input: nothing was sent (also no
                                               --project where the requirements are per project)
  3     not confirmed  Not confirmed (blue)    nothing fails, but something that could be decided
                                               was not (a table not readable, nothing in scope, a
                                               field the tracker did not send, the run stopped)
With --all: 1 if any instance is not ready, else 3 if any is not confirmed, else 0.
In the output, [MANUAL] is a step only a person can confirm (no API shows it); [NOT CONFIRMED] is
something this run could not decide."""


def add_parser(sub) -> None:
    import argparse

    parser = sub.add_parser("check", help="verify an instance's proxy user live",
                            formatter_class=argparse.RawDescriptionHelpFormatter,
                            description="Verify a tracker instance live (reading only).", epilog=STATES_HELP)
    parser.add_argument("tracker", nargs="?", help="tracker id (see `exadesk trackers`)")
    parser.add_argument("--url", help="the instance address as you open it in a browser")
    parser.add_argument("--auth", help="sign-in method id (default: the tracker's first)")
    parser.add_argument("--user", help="user name or email, for methods that need one")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=VALUE",
                        help="another non-secret field (e.g. client_id=...)")
    parser.add_argument("--secret-env", action="append", default=[], metavar="VAR | FIELD=VAR",
                        help="read the secret from environment variable VAR")
    parser.add_argument("--secret-stdin", metavar="FIELD", nargs="?", const="",
                        help="read the secret from the first line of standard input")
    parser.add_argument("--project", action="append", default=[], metavar="KEY",
                        help="a project / repository / table in scope; repeat it or give a comma list (SUP,OPS)")
    parser.add_argument("--sync", action="append", default=[],
                        help="what is synced, repeated or as a comma list: comments,attachments,worklogs,"
                             "security-levels,triggers,service-desk")
    parser.add_argument("--person", default="", help="your own name, email or login (warns if it is the proxy user)")
    parser.add_argument("--timeout", type=seconds, default=20.0, help="seconds to wait for each reply")
    parser.add_argument("--ca-bundle", help="a PEM file of extra certificate authorities to trust")
    parser.add_argument("--instance", help="verify a stored instance by name")
    parser.add_argument("--workspace", help="the workspace of --instance or --all")
    parser.add_argument("--all", action="store_true", help="verify every pending or stale stored instance")
    parser.add_argument("--force", action="store_true", help="with --all: verify every instance, not only stale ones")
    parser.add_argument("--json", action="store_true", help="print JSON (one object; a list with --all)")
    parser.set_defaults(run=run)


def _usage(args, message: str) -> int:
    problem = messages.problem("input.field", field="The command", problem=message, example="exadesk check --help")
    if args.json:
        print_json({"tracker": args.tracker, "url": args.url, "ready": False, "verdict": "not_checked",
                    "identity": None, "checks": [], "error": problem.to_json()})
    else:
        print(f"exadesk check: {message}", file=sys.stderr)
    return EXIT_USAGE


def _listed(values) -> list[str]:
    """Repeated options and comma lists alike (``--sync comments --sync attachments`` or ``--sync a,b``)."""
    if isinstance(values, str):  # an older caller passing one string
        values = [values]
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def scope_list(spec, values: list[str]) -> list[str]:
    """The scope from repeated --project options, each of which may be a comma list (SUP,OPS).

    A tracker whose scope entries have a declared form (project keys, owner/repo) splits a comma list into
    entries of that form; free-text names (an Asana workspace "Acme, Inc.") stay whole: repeat the option.
    """
    out = []
    pattern = spec.scope.pattern
    for value in values:
        parts = _listed([value])
        if pattern and len(parts) > 1 and all(re.fullmatch(pattern, p) for p in parts) \
                and not re.fullmatch(pattern, value):
            out.extend(parts)
        else:
            out.append(value.strip())
    return [v for v in out if v]


_VARIABLE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*=)?[A-Za-z_][A-Za-z0-9_]*")


def _looks_like_a_secret(item: str) -> bool:
    """True when a --secret-env argument is not ``VAR`` / ``FIELD=VAR`` but a credential pasted in its place.

    A variable that is set is a variable, whatever its name; otherwise no variable is named with spaces, dots,
    base64's '+/=' or '-', and names are words (GITHUB_TOKEN), not long runs of lower-case letters and digits.
    """
    if not _VARIABLE.fullmatch(item):
        return True
    var = item.rpartition("=")[2]
    if var in os.environ:
        return False
    return len(var) >= 16 and any(c.isdigit() for c in var) and any(c.islower() for c in var)


def build_target(args) -> Target | str:
    """The target from the arguments, or a usage message."""
    try:
        tracker = registry.get(args.tracker)
    except KeyError:
        return registry.unknown(args.tracker).text()
    spec = tracker.spec
    try:
        method = spec.auth_method(args.auth)
    except KeyError:
        return f"{spec.name} has no sign-in method {args.auth!r}; choose one of " + \
            ", ".join(m.id for m in spec.auth_methods)
    values: dict[str, str] = {}
    secrets: dict[str, str] = {}
    if args.user:
        field = method.user_field
        if field is None:
            return f"the {method.id} sign-in of {spec.name} takes no user name"
        values[field.name] = args.user
    for item in args.field:
        name, sep, value = item.partition("=")
        field = method.field(name)
        if not sep or field is None:
            known = ", ".join(f.name for f in method.fields if not f.secret) or "none"
            return f"--field {item.split('=')[0]!r} is not a field of this sign-in method (fields: {known})"
        if field.secret:
            return f"{name} is secret: pass it with --secret-env {name}=VAR, never on the command line"
        values[name] = value
    secret_fields = [f.name for f in method.secret_fields]
    for item in args.secret_env:
        if _looks_like_a_secret(item):
            # Never repeat it: the message would put the secret on the screen, in scroll-back and in CI logs.
            return ("--secret-env takes the NAME of an environment variable that holds the secret, and what was "
                    "given looks like the secret itself (it is not repeated here). Put the secret in a variable "
                    "first, for example `read -rs TOKEN && export TOKEN` (PowerShell: "
                    "`$env:TOKEN = Read-Host -MaskInput`), then pass --secret-env TOKEN; also clear it from your "
                    "shell history")
        name, sep, var = item.rpartition("=") if "=" in item else ("", "", item)
        if not name:
            if len(secret_fields) != 1:
                return f"this sign-in method has several secrets ({', '.join(secret_fields)}); use FIELD=VAR"
            name = secret_fields[0]
        if name not in secret_fields:
            return f"{name!r} is not a secret field of this sign-in method (secret fields: {', '.join(secret_fields)})"
        if var not in os.environ:
            return f"the environment variable {var} is not set"
        secrets[name] = os.environ[var]
    if args.secret_stdin is not None:
        name = args.secret_stdin or (secret_fields[0] if len(secret_fields) == 1 else "")
        if name not in secret_fields:
            return "--secret-stdin needs the secret field's name (" + ", ".join(secret_fields) + ")"
        secrets[name] = sys.stdin.readline().rstrip("\r\n")
    try:
        sync = parse_sync(",".join(_listed(args.sync)))
    except ValueError as exc:
        return str(exc)
    scope = scope_list(spec, args.project) or list(spec.scope.default)
    if not args.url:
        if not spec.url.default:
            return f"--url is required (for example {spec.url.example})"
        args.url = spec.url.default
    # As given: validation applies the address rules to it, then trims a page address to the site.
    return Target(tracker=spec.id, url=args.url, auth_method=method.id, values=values,
                  secrets=Secrets(secrets), sync=sync, scope=scope, ca_bundle=args.ca_bundle,
                  timeout=args.timeout, person=args.person)


def run(args) -> int:
    if args.all or args.instance:
        if args.tracker or args.url:
            return _usage(args, "use either TRACKER --url ... or --instance/--all, not both")
        from exadesk.commands.stored import check_stored

        return check_stored(args)
    if not args.tracker:
        return _usage(args, "name a tracker (see `exadesk trackers`), or use --instance NAME or --all")
    target = build_target(args)
    if isinstance(target, str):
        return _usage(args, target)
    offline = engine.validate(target)
    if offline.problem is not None and offline.problem.reason == "input.scope_missing":
        # Requirements are checked per project here: with none, nothing would be verified (exit 2).
        spec = registry.get(target.tracker).spec
        if args.json:
            print_json(offline.to_json())
        else:
            print(f"exadesk check: {spec.scope.missing_sentence(spec.name, '--project')}.", file=sys.stderr)
        return EXIT_USAGE
    cancel = threading.Event()
    try:
        report = engine.verify(target, cancel=cancel)
    except KeyboardInterrupt:
        cancel.set()
        report = Report(tracker=target.tracker, url=target.url, problem=messages.problem("cancelled"))
    emit(report, args.json)
    return report.exit_code()


def emit(report: Report, as_json: bool, name: str = "") -> None:
    if as_json:
        print_json(report.to_json())
    else:
        print_report(report, name)
