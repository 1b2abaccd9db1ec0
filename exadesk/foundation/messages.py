"""Every generic user-facing sentence, keyed by a stable reason.

Code never writes sentences about failures; it names a reason key and the
placeholders. Trackers add their own reasons (``github.sso_required``) from
their spec through :func:`register`. Tests assert on keys, not on English.
"""

from __future__ import annotations

import string

from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.foundation.records import dataclass
from exadesk.foundation.words import plural


@dataclass(frozen=True)
class Message:
    """One catalogue entry: the kind it belongs to, what happened, what to do."""

    kind: ErrorKind
    text: str
    next_step: str = ""
    #: The cause may be this workstation's network address (an IP allow-list, conditional access), so the same
    #: run from the integration's server may end differently: the "where.workstation" advice is added.
    address_matters: bool = False
    #: For a problem with one input: the words shown under that input, where its label is already visible
    #: (the wizard); empty when the text itself is shown there.
    beside: str = ""

    def placeholders(self) -> set[str]:
        names = set()
        for part in (self.text, self.next_step):
            names |= {f for _, f, _, _ in string.Formatter().parse(part) if f}
        return names


K = ErrorKind

CATALOGUE: dict[str, Message] = {
    # -- generic, one per kind -------------------------------------------------
    "auth": Message(K.AUTH, "{tracker} rejected the credential.",
                    "Check that you copied the whole token, key or password, that it has not expired, and that it belongs to the right account, then verify again."),
    "forbidden": Message(K.FORBIDDEN, "{tracker} refused access to {what}.",
                         "The account lacks a permission; see the failing checks for the one to grant.",
                         address_matters=True),
    "not_found": Message(K.NOT_FOUND, "{tracker} has no {what} at {url}.",
                         "Check the instance address and the names in scope."),
    "network": Message(K.NETWORK, "Could not reach {host}.",
                       "Check the address, your network connection and any VPN, then try again.", address_matters=True),
    "rate_limited": Message(K.RATE_LIMITED, "{tracker} is limiting requests from this account.",
                            "Wait {retry_after} and verify again."),
    "unexpected_response": Message(K.UNEXPECTED_RESPONSE, "{tracker} answered in a way ExaDesk did not expect ({what}).",
                                   "Check that {url} is the address of the {tracker} instance itself."),
    "cancelled": Message(K.CANCELLED, "The verification was cancelled.", "Verify again when you are ready."),
    # -- network ----------------------------------------------------------------
    "network.dns": Message(K.NETWORK, "The address {host} could not be found.",
                           "Check the spelling of the instance address, or connect to the network (VPN) where it is known."),
    "network.refused": Message(K.NETWORK, "{host} refused the connection.",
                               "Check the address and port; the server may be down or a firewall may block this workstation."),
    "network.timeout": Message(K.NETWORK, "{host} did not answer within {timeout} seconds.",
                               "Try again later, or raise the timeout if the instance is known to be slow.",
                               address_matters=True),
    "network.proxy": Message(K.NETWORK, "The proxy server {proxy} refused to pass the request on.",
                             "Check the proxy settings (Settings, Network) or ask IT whether this workstation may reach {host}; if {host} is inside the company network, add it to NO_PROXY so it is reached directly."),
    "network.proxy_auth": Message(K.NETWORK, "The proxy server {proxy} asked for a login (407 Proxy Authentication Required).",
                                  "Your company proxy needs credentials; put them in the proxy address (http://user@proxy:port) or ask IT for an exception for {host}."),
    "network.plain_http": Message(K.BAD_INPUT, "ExaDesk does not send credentials over plain http:// to {host}.",
                                  "Use the https:// address of the instance."),
    "network.too_large": Message(K.UNEXPECTED_RESPONSE, "{host} sent a reply larger than {limit_mb} MB, which is not what this API returns.",
                                 "Check that the address points at the {tracker} instance and not at a download or proxy page."),
    # -- TLS --------------------------------------------------------------------
    "tls": Message(K.TLS, "The secure connection to {host} could not be verified ({error}).",
                   "If your company inspects HTTPS traffic, ask IT for its certificate authority file and set it as the CA bundle of this instance. Never turn verification off."),
    "tls.plain_http": Message(K.TLS, "{host} answered in plain http, not https: the server at this address does not speak https.",
                              "{tracker} is only served over https, so this is not its address: check the address (copy it from the browser's address bar when signed in to {tracker})."),
    "tls.plain_http_self_hosted": Message(K.TLS, "{host} answered in plain http, not https: the server at this address does not speak https.",
                                          "Check the port in the address (https usually runs on 443, plain http on 80 or 8080). If the server only offers {plain}, ask its administrator to turn on https: ExaDesk never sends a credential over plain http, where anyone on the network could read it."),
    "tls.self_signed": Message(K.TLS, "{host} presented a certificate signed by an authority this workstation does not trust (a self-signed certificate in the chain).",
                               "This usually means a company proxy inspects HTTPS or the server uses an in-house certificate authority: install that authority in the operating system's trust store, or set its file as the CA bundle of this instance."),
    "tls.strict_x509": Message(K.TLS, "The certificate authority presented for {host} breaks a rule that newer Python versions enforce ({error}).",
                               "Corporate inspection proxies (Zscaler and others) often issue such certificates: ask IT for a standards-compliant CA certificate, or set the CA bundle of this instance to the one IT provides."),
    "tls.hostname": Message(K.TLS, "The certificate of {host} is for another name.",
                            "Use the exact address of the instance as its certificate names it."),
    "tls.expired": Message(K.TLS, "The certificate of {host} has expired.",
                           "Ask the instance's administrator to renew it; do not bypass the check."),
    # -- unexpected answers -------------------------------------------------------
    "http.login_page": Message(K.UNEXPECTED_RESPONSE, "{tracker} answered with a sign-in page instead of data.",
                               "The API did not accept the credential, or the address is behind a login portal. Open {login_url} in a browser, check that you can sign in, and that the address is the instance itself."),
    "http.sso_redirect": Message(K.UNEXPECTED_RESPONSE, "{tracker} sent the request to a single sign-on page ({login_url}).",
                                 "This address is behind single sign-on. API calls need a token: create one as the tracker's walkthrough shows and use the instance's own address."),
    "http.insecure_redirect": Message(K.UNEXPECTED_RESPONSE, "{tracker} redirected the secure (https) request to an unencrypted address ({target}), so ExaDesk stopped: the credential would have travelled in the clear.",
                                      "Use the instance's https address. If it is the right one, ask the tracker's administrator to stop redirecting it to http (often a proxy or load balancer setting)."),
    "http.redirect_loop": Message(K.UNEXPECTED_RESPONSE, "{tracker} kept redirecting the request ({count} redirects, the last to {target}) instead of answering.",
                                  "Open {url} in a browser to see where it leads. Check the address (the instance's own address, https, no extra path); if a browser loops too, ask the tracker's administrator."),
    "http.maintenance": Message(K.UNEXPECTED_RESPONSE, "{tracker} is showing a maintenance or hibernation page.",
                                "Open {login_url} in a browser to wake the instance (developer instances hibernate), wait until it is up, then verify again."),
    "http.html": Message(K.UNEXPECTED_RESPONSE, "{tracker} answered with a web page where data was expected.",
                         "Check that {url} is the instance address (not a portal or proxy page)."),
    "http.invalid_json": Message(K.UNEXPECTED_RESPONSE, "{tracker} sent a reply that is not valid data.",
                                 "This may be a temporary fault or a proxy between you and the instance; try again, and if it persists check {url} in a browser."),
    "http.too_deep": Message(K.UNEXPECTED_RESPONSE, "{tracker} sent a reply nested too deeply to read (more levels than any real reply has).",
                             "This is not a normal {tracker} answer: check that {url} is the instance itself and not a proxy or another service, then try again."),
    "http.wrong_shape": Message(K.UNEXPECTED_RESPONSE, "{tracker} sent data in a form ExaDesk does not recognise ({what}).",
                                "Check that {url} is a supported {tracker} instance; if it is, report this with the copied details."),
    "http.server_error": Message(K.UNEXPECTED_RESPONSE, "{tracker} had an internal error (HTTP {status}).",
                                 "This is on the tracker's side; try again later."),
    "http.captcha": Message(K.AUTH, "{tracker} now asks for a CAPTCHA for this account after failed sign-ins.",
                            "Sign in once in the browser at {login_url} to clear the CAPTCHA, then verify again. ExaDesk will not retry on its own, so the account is not locked further."),
    "http.locked_out": Message(K.AUTH, "{tracker} has locked this account.",
                               "Sign in once in the browser at {login_url} (or ask an administrator to unlock it), then verify again."),
    "http.not_a_read": Message(K.UNEXPECTED_RESPONSE, "ExaDesk stopped a {method} request to {path} on {tracker}: verification only reads.",
                               "This is a fault in ExaDesk, not in your setup; please report it."),
    "http.already_rejected": Message(K.AUTH, "This credential was already rejected in this run, so it was not sent again.",
                                     "Fix the credential first; sending a rejected credential again can lock the account."),
    "where.workstation": Message(K.NETWORK, "This check ran from this workstation.",
                                 "The integration's own server connects from another address: make sure the tracker's "
                                 "IP allow-list or conditional-access policy admits that server too."),
    # -- input ------------------------------------------------------------------
    "input.url": Message(K.BAD_INPUT, "{value!r} is not an address ExaDesk can use for {tracker}.", "Expected: {example}."),
    "input.field": Message(K.BAD_INPUT, "{field} does not look right: {problem}.", "Expected: {example}."),
    "input.scope_missing": Message(
        K.BAD_INPUT, "{tracker} checks each of the {label} that sync, and none was given, so nothing would be verified.",
        "Name at least one (for example {example}): in the window's 'What is synced' step, or with --project on the "
        "command line."),
    "input.missing": Message(K.BAD_INPUT, "{field} is required.", "Expected: {example}."),
    "input.timeout": Message(K.BAD_INPUT, "{value} is not a timeout ExaDesk can use: it must be a number of seconds above 0 and at most {maximum}.",
                             "Give the seconds to wait for each reply, for example --timeout 30."),
    "input.ca_bundle": Message(K.BAD_INPUT, "The certificate file {path} {why}.",
                               "Give the path of the PEM file your IT team provided (text that starts with -----BEGIN CERTIFICATE-----), or leave the option out to trust the system's certificates only."),
    "input.secret_encoding": Message(K.BAD_INPUT, "The {field} is not plain text: it holds bytes that are not UTF-8, so it cannot be the credential.",
                                     "Copy the secret again from where it was created (the tracker's settings page) and pass it as text. Nothing was sent or stored."),
    "output.unwritable": Message(K.BAD_INPUT, "ExaDesk could not write {path}: {why}.",
                                 "Choose a file name (not a folder) in a folder you can write to, for example in your Documents folder."),
    "input.name_empty": Message(K.BAD_INPUT, "{what} is empty.", "Type a name people will recognise, for example the client and the tracker."),
    "input.name_long": Message(K.BAD_INPUT, "{what} is {length} characters long; at most {limit} fit.", "Choose a shorter name; put longer descriptions in the notes."),
    "input.name_control": Message(K.BAD_INPUT, "{what} contains an invisible control character ({char}), which could change how a terminal or the window shows it.",
                                  "Type the name again without it (it often comes along when pasting from a terminal or a chat)."),
    "input.url_long": Message(K.BAD_INPUT, "The address is {length} characters long; a tracker address is at most {limit}.",
                              "Copy only the instance's address (for example https://yourcompany.atlassian.net), not a whole page link."),
    "input.url_control": Message(K.BAD_INPUT, "The address contains an invisible control character ({char}).",
                                 "Type the address again; copy only the instance's address from the browser's address bar."),
    # One input of an instance (exadesk.foundation.validation.input_problems): the command line prints text and next
    # step as a failing check; the wizard shows ``beside`` (or the text) under the input.
    "input.url_plain_http": Message(K.BAD_INPUT, "{url} uses plain http://, and ExaDesk sends credentials only over https.",
                                    "Expected: {expected}."),
    "input.url_credentials": Message(K.BAD_INPUT, "The address contains a user name or password before the host.",
                                     "Remove the part before '@' and enter the credential in its own fields. Expected: {hint}."),
    "input.url_shape": Message(K.BAD_INPUT, "{value!r} does not look like a {tracker} address.",
                               "Expected: {hint} (for example {example})."),
    "input.auth_method": Message(K.BAD_INPUT, "{tracker} has no sign-in method {value!r}.", "Choose one of: {known}."),
    "input.field_missing": Message(K.BAD_INPUT, "{field} is missing.", "Enter {expected}."),
    "input.field_spaces": Message(K.BAD_INPUT, "{field} starts or ends with a space (often a copy-paste slip).",
                                  "Copy it again without the surrounding spaces.",
                                  beside="starts or ends with a space (often a copy-paste slip)"),
    "input.field_form": Message(K.BAD_INPUT, "{field} does not have the expected form.", "Expected: {expected}.",
                                beside="does not have the expected form"),
    "input.field_form_shown": Message(K.BAD_INPUT, "{field} ({value!r}) does not have the expected form.",
                                      "Expected: {expected}.", beside="does not have the expected form"),
    "input.scope_none": Message(K.BAD_INPUT, "{sentence}.", "Expected: {expected}.",
                                beside="{label} are checked one by one: name at least one"),
    "input.scope_entries": Message(K.BAD_INPUT, "Not a valid entry: {entries}.", "Expected: {expected}.",
                                   beside="not a valid entry: {entries}"),
    "input.tracker": Message(K.BAD_INPUT, "There is no tracker called {value!r}.", "Run `exadesk trackers` to list them."),
    "input.tracker_guess": Message(K.BAD_INPUT, "There is no tracker called {value!r}.",
                                   "Did you mean {guess}? Run `exadesk trackers` to list them."),
    # -- the window --------------------------------------------------------------
    "app.no_display": Message(K.BAD_INPUT, "The window cannot open: no display is reachable ({why}).",
                              "Start it from a desktop session, or under a virtual display with `xvfb-run exadesk`; the command line works without one (`exadesk --help`)."),
    # -- keychain ----------------------------------------------------------------
    "keychain.no_backend": Message(K.KEYCHAIN, "No system keychain is available on this machine ({backend}).",
                                   "{advice} Then try again."),
    # which Secret Service to install or start (exadesk.store.keychain.secret_service_advice picks one)
    "keychain.advice.install": Message(K.KEYCHAIN, "Install a Secret Service: GNOME Keyring (on Debian or Ubuntu: `sudo apt install gnome-keyring`), then log in to the desktop again, or install KeePassXC and turn on its Secret Service integration."),
    "keychain.advice.no_session_bus": Message(K.KEYCHAIN, "There is no D-Bus session here (as over SSH or in WSL), so no Secret Service can run: start one with `dbus-run-session -- bash`, and in it start GNOME Keyring with `gnome-keyring-daemon --unlock` (type a password for its keyring, then Ctrl+D)."),
    "keychain.advice.start_gnome_keyring": Message(K.KEYCHAIN, "GNOME Keyring, the Secret Service installed here, is not running: log in to a desktop session that starts it, or start it with `gnome-keyring-daemon --start --components=secrets`."),
    "keychain.advice.keepassxc": Message(K.KEYCHAIN, "KeePassXC is installed but serves no Secret Service: open it, turn on its Secret Service integration (Tools, Settings, Secret Service Integration) and keep it open while ExaDesk runs."),
    "keychain.advice.other": Message(K.KEYCHAIN, "Check that the system keychain (Windows Credential Manager, or the macOS Keychain) is available to your account."),
    "keychain.locked": Message(K.KEYCHAIN, "The keychain is locked, or its unlock prompt was dismissed.",
                               "Unlock your keychain (log in to the desktop session, or unlock it in your keychain app) and try again."),
    "keychain.too_large": Message(K.KEYCHAIN, "The secret is {size} bytes, more than this keychain accepts ({limit} bytes).",
                                  "Use a shorter credential type where the tracker offers one (for example an API token instead of a token bundle)."),
    "keychain.failed": Message(K.KEYCHAIN, "The keychain refused the operation ({error}).",
                               "Open your keychain app to check it works, then try again."),
    # Said where saving an instance failed on the keychain: what happened, and the choice the person has.
    "keychain.nothing_saved": Message(K.KEYCHAIN, "Nothing was saved: ExaDesk keeps secrets only in the keychain, never in a file.",
                                      "Make a keychain work and save again, or keep the instance without its secret (prepared offline) and enter the secret once a keychain works."),
    "keychain.missing_secret": Message(K.KEYCHAIN, "The {field} of {instance} is not in the keychain.",
                                       "Enter it again with 'Replace secret' (or `exadesk check` with --secret-env)."),
    "keychain.removal_pending": Message(K.KEYCHAIN, "{instance} was removed, but its keychain entries could not be deleted yet ({error}).",
                                        "ExaDesk deletes them at its next start; unlock the keychain before then, or run any exadesk command once it is unlocked."),
    # -- OAuth sign-in (exadesk.verification.oauth, exadesk.verification.tokens): nothing is stored when one of these is raised
    "oauth.state_mismatch": Message(K.AUTH, "The browser's answer did not belong to ExaDesk's sign-in request (the state did not match), so it was refused.",
                                    "Start the sign-in again from ExaDesk and finish it in the browser window it opens. Nothing was stored."),
    "oauth.denied": Message(K.AUTH, "The {tracker} sign-in was declined in the browser ({error}).",
                            "Sign in again and choose Allow. If you did, ask your {tracker} admin whether the OAuth client lets your account use it. Nothing was stored."),
    "oauth.timeout": Message(K.CANCELLED, "No answer came from the browser within {seconds} seconds.",
                             "If the browser window was closed, start the sign-in again and finish it there. Nothing was stored."),
    "oauth.cancelled": Message(K.CANCELLED, "The sign-in was cancelled.", "Sign in again when you are ready. Nothing was stored."),
    "oauth.rejected": Message(K.AUTH, "{tracker} refused the sign-in ({error}).",
                              "Check the client ID (and the client secret, where one is needed) of the OAuth client your admin registered, and that its redirect or callback URL allows http://127.0.0.1. Nothing was stored."),
    "oauth.bad_reply": Message(K.UNEXPECTED_RESPONSE, "{tracker}'s sign-in answered in a way ExaDesk did not expect ({what}).",
                               "Check that the address is the {tracker} instance itself, then sign in again."),
    "oauth.secret_required": Message(K.BAD_INPUT, "{tracker} needs the client secret of the OAuth client for this sign-in.",
                                     "Copy the client secret from where your admin registered the OAuth client and enter it."),
    "oauth.no_device": Message(K.BAD_INPUT, "{tracker} offers no sign-in with a code on another device.", "Use the browser sign-in."),
    "oauth.no_password_grant": Message(K.BAD_INPUT, "{tracker} offers no sign-in with the user's password here.", "Use the browser sign-in."),
    "oauth.no_refresh_token": Message(K.BAD_INPUT, "The sign-in gave no refresh token, so it would stop working when the access token ends.",
                                      "Ask your admin to allow refresh tokens for the OAuth client (Salesforce: the scope 'Perform requests at any time (refresh_token, offline_access)'), then sign in again. Nothing was stored."),
    "oauth.not_oauth": Message(K.BAD_INPUT, "ExaDesk offers no browser sign-in for {tracker}.", "Enter the credential as the walkthrough shows."),
    "oauth.sign_in_again": Message(K.AUTH, "{tracker} no longer accepts the saved sign-in of {instance} ({error}).",
                                   "The refresh token was revoked or has run out. Sign in again: 'Sign in with the browser' on the instance, or `exadesk login --instance \"{instance}\"`."),
    # -- storage ------------------------------------------------------------------
    "storage.corrupt": Message(K.BAD_INPUT, "The ExaDesk data file {path} could not be read, so ExaDesk shows an empty list; a copy of it is kept as {kept}.",
                               "Nothing was deleted, and nothing will be saved until you choose: put back a good copy with `exadesk data restore FILE` (in the window: Restore a copy…), or start with an empty list with `exadesk data start-empty` (Start empty); the unreadable file stays kept either way."),
    "storage.unreadable_write": Message(K.BAD_INPUT, "This change was not saved: the ExaDesk data file {path} could not be read (a copy is kept as {kept}), and saving now would replace it.",
                                        "Choose first: `exadesk data restore FILE` puts back a good copy, `exadesk data start-empty` starts with an empty list (the unreadable file stays kept); then run the command again."),
    "storage.newer": Message(K.BAD_INPUT, "The data file was written by ExaDesk {writer} (data format {found}); this is ExaDesk {current}, which reads data formats up to {supported}, so it shows an empty list.",
                             "Update ExaDesk to {writer} or later. The file was left untouched and nothing will be saved over it."),
    "storage.newer_write": Message(K.BAD_INPUT, "This change was not saved: the data file {path} was written by ExaDesk {writer} (data format {found}), newer than this ExaDesk {current}, and saving would lose what it holds.",
                                   "Update ExaDesk to {writer} or later and run the command again. To give up that file, `exadesk data start-empty` keeps it beside a new empty one."),
    "storage.corrupt_window": Message(K.BAD_INPUT, "ExaDesk could not read its data file, so the list is empty. A copy of the file is kept as {kept}; nothing was deleted, and nothing will be saved until you choose.",
                                      "Restore a copy… puts back a good copy of the data file (a backup, or a copy support repaired). Start empty begins with an empty list; the unreadable file stays kept. Decide later changes nothing and asks again at the next start."),
    "storage.newer_window": Message(K.BAD_INPUT, "This data file was written by ExaDesk {writer} (data format {found}); this is ExaDesk {current}, which reads up to data format {supported}. The list is empty, and nothing will be saved over the file.",
                                    "Update ExaDesk to {writer} or later (the best choice: nothing is lost). Start empty keeps the newer file beside an empty one; Restore a copy… puts back an older copy this version can read."),
    "storage.restore_unreadable": Message(K.BAD_INPUT, "{source} is not an ExaDesk data file this version can read ({detail}).",
                                          "Choose another copy (the kept ones are named exadesk.unreadable-*.json; a copy that does not load needs support), or start empty with `exadesk data start-empty`. Nothing was changed."),
    "storage.restored": Message(K.BAD_INPUT, "Restored the data file from {source}: {workspaces}, {instances}.",
                                "The file it replaced is kept beside it (exadesk.unreadable-*.json). Run `exadesk list` to see what is there."),
    "storage.started_empty": Message(K.BAD_INPUT, "ExaDesk now starts with an empty list; the previous file is kept as {kept}.",
                                     "Add instances again, or send the kept file to support to recover what it holds."),
    "storage.names_escaped": Message(K.BAD_INPUT, "Some names in the data file held control characters, which ExaDesk now shows written out: {names}.",
                                     "Rename them if you like; the next change you save keeps them as shown, and nothing else changes."),
    "storage.locked": Message(K.BAD_INPUT, "Another ExaDesk window is saving; this change waited {seconds} seconds and gave up.",
                              "Close the other copy or try again."),
    "storage.unknown_instance": Message(K.BAD_INPUT, "There is no instance called {name!r}{where}.",
                                        "Run `exadesk list` to see the instances."),
    # -- fixes (exadesk fix): changes an administrator asked ExaDesk to make ------------------
    "fix.no_admin": Message(K.BAD_INPUT, "ExaDesk has no administrator's credential for {instance}, so it cannot fix anything there: a fix is made with an administrator's credential, never the proxy user's.",
                            "Add one: `exadesk add {tracker_id} --role admin --workspace \"{workspace}\" --name \"{instance} admin\" --url URL` with an administrator's own credential of {tracker} (or record it as the admin of a connection with `exadesk connect`), then run `exadesk fix` again. Nothing was sent."),
    "fix.no_api": Message(K.BAD_INPUT, "{tracker}'s API offers no change ExaDesk could make for this; follow the check's fix by hand.", ""),
    "fix.refused": Message(K.FORBIDDEN, "{tracker} refused the change \"{change}\" ({answer}). ExaDesk stopped there; applied and recorded before it: {applied}.",
                           "The administrator needs {needs}. Run the fix again with such a credential (applied changes are not sent twice), or undo the applied ones with `exadesk fix --undo RUN`."),
    "fix.not_fixable": Message(K.BAD_INPUT, "{checks} is not a failing check ExaDesk can fix on {instance} now.",
                               "Choose among the checks it can fix there: {fixable}. Without --check, `exadesk fix` plans them all."),
    "fix.check_not_here": Message(K.BAD_INPUT, "The option --check chooses which fixes to plan or apply; it does not go with {option}.",
                                  "Leave --check out: an undo reverses its whole run, and the history lists every run."),
    "fix.undo_refused": Message(K.FORBIDDEN, "{tracker} refused to undo \"{change}\" ({answer}). ExaDesk stopped there; the changes undone so far are recorded.",
                                "Undo it by hand in {tracker}, or run the undo again with an administrator's credential that may make the change."),
    "fix.no_grant_holder": Message(K.BAD_INPUT, "{who} holds no project role in {project} and is in no group, so ExaDesk has nothing narrow to grant '{permission}' to.",
                                   "Add {who} to a project role of {project} (Project settings, Users and roles), then run the fix again."),
    "fix.no_run": Message(K.BAD_INPUT, "{workspace} has no fix run {run}.", "Run `exadesk fix --history` to see the runs and their ids."),
    "fix.run_orphaned": Message(K.BAD_INPUT, "Fix run {run} was made for an instance or with an admin credential that is no longer stored.",
                                "Undo its changes by hand; the run lists each request and its inverse (`exadesk fix --history --json`)."),
    # -- handover bundles (nothing is imported when one of these is raised) ------------
    "bundle.too_large": Message(K.BAD_INPUT, "{name} is {size_mb} MB; a handover bundle is at most {limit_mb} MB.",
                                "Check that you chose an ExaDesk handover bundle. Nothing was imported."),
    "bundle.not_bundle": Message(K.BAD_INPUT, "{name} is not an ExaDesk handover bundle ({detail}).",
                                 "Choose the .exadesk file the sender exported. Nothing was imported."),
    "bundle.damaged": Message(K.BAD_INPUT, "{name} is damaged or was changed after it was exported ({detail}).",
                              "Ask the sender for a fresh export. Nothing was imported."),
    "bundle.newer": Message(K.BAD_INPUT, "{name} was made by a newer ExaDesk (bundle format {found}; this version reads up to {supported}).",
                            "Update ExaDesk, or ask the sender to export with the same version. Nothing was imported."),
    "bundle.invalid": Message(K.BAD_INPUT, "{name} holds something ExaDesk does not accept: {where}: {detail}.",
                              "Ask the sender for a fresh export. Nothing was imported."),
    "bundle.kdf_cost": Message(K.BAD_INPUT, "{name} asks for a far costlier passphrase check than ExaDesk uses (scrypt n={n}, r={r}, p={p}, about {memory_mb} MB of memory per try); ExaDesk accepts at most n={max_n}, r={max_r}, p={max_p}.",
                               "ExaDesk never writes such a file, so it was changed or made elsewhere: ask the sender for a fresh export from ExaDesk. Nothing was imported and no passphrase was tried."),
    "bundle.wrong_passphrase": Message(K.BAD_INPUT, "The passphrase does not open the secrets in {name}.",
                                       "Check the passphrase with the sender (it is case-sensitive) and try again. Nothing was imported."),
    "bundle.passphrase_needed": Message(K.BAD_INPUT, "{name} holds encrypted secrets and needs the passphrase the sender chose.",
                                        "Nothing was imported. Enter the passphrase, or import without secrets and enter them again later."),
    "bundle.passphrase_weak": Message(K.BAD_INPUT, "The passphrase is too short ({length} characters; at least {minimum}).",
                                      "Choose a longer passphrase, for example four unrelated words, and send it to the receiver by another channel than the file."),
    "bundle.secret_missing": Message(K.KEYCHAIN, "The {field} of {instance} is not in the keychain, so it cannot be exported.",
                                     "Enter it again on this machine, or export without secrets."),
}

#: What ``exadesk fix`` (and the window's Fix dialog) say that is not a problem: headings and confirmations.
FIX_WORDS: dict[str, str] = {
    "nothing": "Nothing to fix on {instance}: no failing check has a change ExaDesk can make.",
    "heading": "Fixes for {instance}, made with the administrator's credential {admin}:",
    "already": "already in place, nothing to send",
    "request": "Request",
    "undo": "Undo",
    "no_undo": "No undo: {why}",
    "touches": "Also",
    "reference": "Reference",
    "by_hand": "By hand (no API change exists):",
    "to_apply": "Nothing was sent. To make these changes: `exadesk fix --instance \"{instance}\"{checks} --apply`.",
    "none_fixable": "none (no failing check has a fix)",
    "confirm": "Make {changes} on {tracker} with {admin}'s credential? [y/N] ",
    "declined": "Nothing was changed.",
    "applied": "Applied {changes}, recorded as fix run {run}. Undo with `exadesk fix --instance \"{instance}\" --undo {run}`.",
    "none_applied": "No change was applied.",
    "undone": "Undid {changes} of fix run {run}.",
    "before_after": "Before and after:",
    "check": "Check",
    "before": "Before",
    "after": "After",
    "history": "Fix runs of {workspace}:",
    "no_history": "No fix was applied in {workspace} yet.",
    "undo_confirm": "Undo fix run {run} ({at}, by {by})? ExaDesk will send these requests with that administrator's credential, newest change first:",
    "nothing_to_undo": "Nothing in fix run {run} is left to undo.",
    "reversed": "Reversed",
    "state_applied": "applied",
    "state_partly": "partly undone",
    "state_undone": "undone",
    "no_created_id": "The tracker's answer did not name the record it created, so ExaDesk cannot remove it; remove it by hand.",
    # The readiness report's section on the recorded runs (exadesk.services.report).
    "report_heading": "Changes ExaDesk made",
    "report_removed": "Changes ExaDesk made on instances no longer in this workspace",
    "report_run": "Fix run {run}, applied {at} by {by}: {state}.",
    "report_change": "Change",
    "report_answer": "Tracker's answer",
    "report_state": "State",
    "report_applied": "Applied",
    "report_undone": "Undone {at}",
}

#: The core's sentences in check results (exadesk.verification.engine, exadesk.verification.spec.VerifyContext), read
#: through :func:`say`.
CHECK_WORDS: dict[str, str] = {
    "skipped": "Not needed for what is synced.",
    "manual": "No API shows this; confirm it by hand.",
    "stopped": "The verification stopped before this check.",
    "not_checked": "Not checked.",
    "notice": "{text} ({tense} {when}).",
    "notice.since": "since",
    "notice.from": "from",
    "person.title": "Proxy user is a dedicated account",
    "person.is_you": "The credential belongs to {who}, which is you. Changes made by the proxy user are not "
                     "synchronised, so your own edits would stop syncing, and the setup dies when you leave.",
    "person.is_you_fix": "Create a dedicated integration account (for example 'exalate-sync') and use its credential.",
    "person.not_you": "{who} is not the person doing the setup.",
    "not_sent": "{tracker} did not send {field} in its reply to {where}, so this could not be decided. Verify again "
                "later; if it stays so, confirm it by hand.",
    "denied": "{tracker} does not let this account read {what}, so this could not be decided.",
    "denied.steps": "Confirm it by hand: {steps}",
    "scope_missing.title": "{label} in scope exist",
    "scope_missing.one": "No {noun} {names}: check the {entry}.",
    "scope_missing.many": "No {noun} {names}: check each {entry}.",
    "scope_missing.fix": "Correct the {entry} in the scope (as {tracker} shows it), or remove it; if it is right, give "
                         "{who} access to it.",
}


def say(key: str, **params) -> str:
    """The core's check sentence ``key`` (:data:`CHECK_WORDS`), translated, with ``params`` filled in."""
    from exadesk.foundation import strings

    return strings.say(CHECK_WORDS, "core", key, **params)


#: Extra reasons registered by tracker modules; kept apart for the coverage test.
_TRACKER_REASONS: set[str] = set()


def register(prefix: str, messages: dict[str, Message]) -> None:
    """Add a tracker's own reasons under ``prefix.`` (called by the registry)."""
    for key, message in messages.items():
        full = f"{prefix}.{key}"
        CATALOGUE[full] = message
        _TRACKER_REASONS.add(full)


def unregister(prefix: str, messages: dict[str, Message]) -> None:
    """Remove what :func:`register` added under ``prefix.``."""
    for key in messages:
        full = f"{prefix}.{key}"
        CATALOGUE.pop(full, None)
        _TRACKER_REASONS.discard(full)


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:  # a missing value must never crash a message
        return "?"


def address_matters(reason: str) -> bool:
    """True when the cause named by ``reason`` may depend on the address the request came from."""
    message = CATALOGUE.get(reason)
    return bool(message and message.address_matters)


def beside(reason: str, **params) -> str:
    """The words shown under the one input that ``reason`` is about (:attr:`Message.beside`, else its text)."""
    message = CATALOGUE[reason]
    return (message.beside or message.text).format_map(_values(params))


def _values(params: dict) -> dict:
    values = _Defaulting({"tracker": "The tracker", "what": "the data", "url": "the address", "host": "the server"})
    values.update({k: v for k, v in params.items() if v is not None})
    return values


def problem(reason: str, **params) -> Problem:
    """Build the :class:`Problem` for a reason key, filling its placeholders.

    An unknown key falls back to the generic message of its kind prefix.
    """
    message = CATALOGUE.get(reason) or CATALOGUE.get(reason.split(".")[0]) or CATALOGUE["unexpected_response"]
    values = _values(params)
    return Problem(
        kind=message.kind,
        message=message.text.format_map(values),
        next_step=message.next_step.format_map(values),
        reason=reason,
        details={k: v for k, v in params.items() if k in ("status", "url", "host", "login_url")},
    )


#: A number of things in words, singular and plural (never "change(s)"): :func:`counted` fills sentences' counts.
COUNTED: dict[str, tuple[str, str]] = {
    "change": ("{count} change", "{count} changes"),
    "workspace": ("{count} workspace", "{count} workspaces"),
    "instance": ("{count} instance", "{count} instances"),
}


def counted(noun: str, count: int) -> str:
    """``counted("change", 1)`` is "1 change", ``counted("change", 3)`` "3 changes"."""
    one, many = COUNTED[noun]
    return plural(count, one, many)
