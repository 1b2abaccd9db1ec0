"""``exadesk login``: sign a stored instance in through the browser (OAuth), and keep the tokens in the keychain.

The browser flow listens on 127.0.0.1 for the redirect; ``--device`` shows a code to enter on any device
(trackers that offer it); ``--password-env`` uses ServiceNow's password grant where the instance allows it.
No token is ever printed. Exit codes: 0 signed in; 1 refused; 2 usage or bad input; 3 timed out, cancelled
or the tracker could not be reached.
"""

from __future__ import annotations

import os
import sys
import threading
import webbrowser

from exadesk.commands.output import run_interruptible, seconds
from exadesk.foundation.exit_codes import EXIT_INCONCLUSIVE, EXIT_NOT_READY, EXIT_USAGE


def add_parser(sub) -> None:
    parser = sub.add_parser("login", help="sign an instance in through the browser (OAuth)",
                            description="Sign in as the proxy user through the browser and store the OAuth tokens in "
                                        "the keychain. Exit codes: 0 signed in, 1 refused, 2 usage or bad input, "
                                        "3 timed out, cancelled or unreachable.")
    parser.add_argument("--instance", required=True, help="the stored instance (created with --tracker and --url)")
    parser.add_argument("--workspace", help="the workspace of the instance (default for a new one: My instances)")
    parser.add_argument("--tracker",
                        help="for a new instance: a tracker with a browser sign-in (`exadesk trackers`, method oauth)")
    parser.add_argument("--url", help="for a new instance: its address")
    parser.add_argument("--user", help="ServiceNow: the proxy user's user name")
    parser.add_argument("--client-id", help="the client ID of the OAuth client your admin registered")
    parser.add_argument("--client-secret-env", metavar="VAR", help="read the client secret from this variable")
    parser.add_argument("--device", action="store_true", help="show a code to enter on another device instead")
    parser.add_argument("--password-env", metavar="VAR",
                        help="ServiceNow: use the password grant with the password in this variable")
    parser.add_argument("--no-browser", action="store_true", help="print the address instead of opening a browser")
    parser.add_argument("--timeout", type=seconds, default=300.0, help="seconds to wait for the sign-in")
    parser.set_defaults(run=run)


def _fail(problem) -> int:
    print(f"exadesk login: {problem.text()}", file=sys.stderr)
    if problem.kind.value == "bad_input":
        return EXIT_USAGE
    return EXIT_NOT_READY if problem.kind.definitive else EXIT_INCONCLUSIVE


def _usage(text: str) -> int:
    print(f"exadesk login: {text}", file=sys.stderr)
    return EXIT_USAGE


def run(args) -> int:
    from exadesk.foundation import messages
    from exadesk.verification import oauth, tokens, registry
    from exadesk.foundation.errors import ExaDeskError
    from exadesk.store.keychain import SecretStore
    from exadesk.store.model import Instance, InstanceState, Workspace
    from exadesk.store.storage import Store
    from exadesk.verification.spec import normalise_url

    store = Store()
    data = store.load().data
    found = data.find_instance(args.instance, args.workspace)
    if found:
        instance = found[1]
        if args.tracker and args.tracker != instance.tracker:
            return _usage(f"{args.instance!r} is a {instance.tracker} instance, not {args.tracker}")
    elif args.tracker and args.url:
        instance = Instance(tracker=args.tracker, name=args.instance, url=normalise_url(args.url), auth_method="",
                            state=InstanceState.PREPARED_OFFLINE)
    else:
        problem = messages.problem("storage.unknown_instance", name=args.instance,
                                   where=f" in {args.workspace}" if args.workspace else "")
        return _usage(f"{problem.text()} To create it, add --tracker and --url.")
    profile = registry.oauth_profile(instance.tracker)
    if profile is None:
        return _fail(messages.problem("oauth.not_oauth", tracker=instance.tracker))
    client_id = args.client_id or instance.values.get(oauth.CLIENT_ID, "")
    if not client_id:
        return _usage("--client-id is required: the client ID of the OAuth client your admin registered "
                      f"({profile.register_link.format(url=instance.url)})")
    secrets = SecretStore()
    try:
        client_secret = ""
        if args.client_secret_env:
            if args.client_secret_env not in os.environ:
                return _usage(f"the environment variable {args.client_secret_env} is not set")
            client_secret = os.environ[args.client_secret_env]
        elif found and oauth.CLIENT_SECRET in instance.secret_fields:
            client_secret = secrets.get(instance.id, oauth.CLIENT_SECRET) or ""
        if profile.secret_required and not client_secret:
            return _fail(messages.problem("oauth.secret_required", tracker=profile.name))
        password = ""
        if args.password_env:
            if args.password_env not in os.environ:
                return _usage(f"the environment variable {args.password_env} is not set")
            password = os.environ[args.password_env]
        user = args.user or instance.values.get("username", "")
        if profile.user_required and not user:
            return _usage(f"--user is required for {profile.name}: the proxy user's user name")
        got = _sign_in(args, profile, instance.url, client_id, client_secret, user, password)
        if isinstance(got, int):
            return got
        old_secret_fields = list(instance.secret_fields)
        tokens.save(secrets, instance.id, got, signed_in=True)
        if client_secret:
            secrets.set(instance.id, oauth.CLIENT_SECRET, client_secret)
        tokens.apply_sign_in(instance, client_id, bool(client_secret), got)
        if user:
            instance.values["username"] = user
    except ExaDeskError as exc:
        return _fail(exc.problem)

    def change(d):
        ws_name = args.workspace or (found[0].name if found else "My instances")
        ws = d.workspace(ws_name)
        if ws is None:
            ws = Workspace(name=ws_name)
            d.workspaces.append(ws)
        stored = ws.instance(instance.id) or ws.instance(instance.name)
        if stored is None:
            ws.instances.append(instance)
            return
        stored.auth_method, stored.values, stored.url = instance.auth_method, dict(instance.values), instance.url
        stored.secret_fields = list(instance.secret_fields)

    store.update(change)
    stale = [f for f in old_secret_fields if f not in instance.secret_fields]
    if stale:  # the pasted token or password the sign-in replaces
        secrets.delete(instance.id, stale)
    print(f"Signed in to {profile.name} for {instance.name}; the tokens are in the system keychain and are renewed "
          f"before each check. Verify with `exadesk check --instance {instance.name!r}`.")
    return 0


def _sign_in(args, profile, url: str, client_id: str, client_secret: str, user: str, password: str):
    """Run the chosen flow in a worker so Ctrl+C cancels cleanly; a TokenSet, or an exit code."""
    from exadesk.verification import oauth

    cancel = threading.Event()
    outcome: dict = {}

    def open_url(address: str) -> None:
        opened = False
        if not args.no_browser:
            try:
                opened = webbrowser.open(address)
            except webbrowser.Error:
                opened = False
        if not opened:
            print("Open this address in a browser on this computer and sign in as the proxy user:\n"
                  f"  {address}", flush=True)
        print(f"Waiting up to {int(args.timeout)} seconds for the sign-in (Ctrl+C cancels)…", file=sys.stderr,
              flush=True)

    def show_code(device) -> None:
        print(f"On any device, open {device.verification_uri} and enter the code {device.user_code}.", flush=True)
        print(f"Waiting up to {int(args.timeout)} seconds for the approval (Ctrl+C cancels)…", file=sys.stderr,
              flush=True)

    def work() -> None:
        try:
            if password:
                client = oauth.token_client(profile, url, cancel=cancel)
                outcome["tokens"] = oauth.password_grant(client, profile, user, password, client_id, client_secret)
            elif args.device:
                outcome["tokens"] = oauth.sign_in_device(profile, url, client_id, client_secret, show_code=show_code,
                                                         timeout=args.timeout, cancel=cancel)
            else:
                outcome["tokens"] = oauth.sign_in_browser(profile, url, client_id, client_secret, open_url=open_url,
                                                          timeout=args.timeout, cancel=cancel)
        except Exception as exc:  # noqa: BLE001 - handed to the main thread, which words it
            outcome["error"] = exc

    run_interruptible(work, cancel, "oauth-login")
    error = outcome.get("error")
    if error is not None:
        from exadesk.foundation.errors import ExaDeskError

        if isinstance(error, ExaDeskError):
            return _fail(error.problem)
        raise error
    return outcome["tokens"]
