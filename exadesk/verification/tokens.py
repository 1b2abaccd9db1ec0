"""OAuth tokens of stored instances: only in the keychain, refreshed on demand, saved crash-safely.

Keychain entries per instance (through :class:`exadesk.store.keychain.SecretStore`): ``access_token``,
``refresh_token``, ``client_secret`` (only where the tracker needs one) and ``oauth_meta`` (expiry
times, no secret). A refresh first writes the new pair to ``<field>.next`` entries, then overwrites
the main entries, then drops the ``.next`` ones. After a crash at any point the newest refresh token
the tracker issued is still in the keychain: :func:`recover` promotes a left-over ``.next`` entry,
because a ``.next`` entry is only ever written after the tracker issued it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime, timedelta

from exadesk.foundation import clock, messages
from exadesk.foundation.errors import ExaDeskError, KeychainError, Problem
from exadesk.store.keychain import SecretStore
from exadesk.verification import oauth
from exadesk.verification.spec import CredentialProvider, Secrets, SignIn

log = logging.getLogger(__name__)

META = "oauth_meta"
PENDING = ".next"
TOKEN_FIELDS = (oauth.ACCESS_TOKEN, oauth.REFRESH_TOKEN)
#: Refresh this long before the access token's end, so a check never starts with a token about to lapse.
MARGIN = timedelta(minutes=2)


def _oauth_profile(tracker: str) -> oauth.OAuthProfile | None:
    from exadesk.verification import registry

    return registry.oauth_profile(tracker)


def profile_of(instance) -> oauth.OAuthProfile | None:
    """The OAuth profile when the instance signs in through the browser flow, else None."""
    profile = _oauth_profile(instance.tracker)
    return profile if profile is not None and instance.auth_method == profile.method_id else None


def _meta(store: SecretStore, instance_id: str) -> dict:
    raw = store.get(instance_id, META)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def _when(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def recover(store: SecretStore, instance_id: str) -> None:
    """Finish a refresh that a crash interrupted: promote left-over ``.next`` entries."""
    pending_refresh = store.get(instance_id, oauth.REFRESH_TOKEN + PENDING)
    if not pending_refresh:
        return
    pending_access = store.get(instance_id, oauth.ACCESS_TOKEN + PENDING)
    store.set(instance_id, oauth.REFRESH_TOKEN, pending_refresh)
    if pending_access:
        store.set(instance_id, oauth.ACCESS_TOKEN, pending_access)
    # The access token's expiry may belong to the other pair: make the next use refresh.
    meta = _meta(store, instance_id)
    meta.pop("access_expires_at", None)
    store.set(instance_id, META, json.dumps(meta))
    store.delete(instance_id, [f + PENDING for f in TOKEN_FIELDS])
    log.info("finished an interrupted token refresh")


def save(store: SecretStore, instance_id: str, tokens: oauth.TokenSet, *, signed_in: bool = False) -> None:
    """Store a token pair so that no crash loses the only valid refresh token.

    Args:
        signed_in: a fresh sign-in (not a refresh): the refresh token's lifetime starts now.
    """
    if not tokens.refresh_token:
        # Without one the sign-in would stop working within hours; say what to change before storing anything.
        raise oauth.OAuthError(messages.problem("oauth.no_refresh_token"))
    store.set(instance_id, oauth.REFRESH_TOKEN + PENDING, tokens.refresh_token)
    store.set(instance_id, oauth.ACCESS_TOKEN + PENDING, tokens.access_token)
    # From here the new pair is safe; overwriting the main entries cannot lose it.
    meta = {} if signed_in else _meta(store, instance_id)
    old_refresh = None if signed_in else store.get(instance_id, oauth.REFRESH_TOKEN)
    now = clock.now()
    if signed_in or old_refresh != tokens.refresh_token:
        meta["refresh_issued_at"] = now.isoformat()
        meta.pop("refresh_expires_at", None)
    if tokens.refresh_expires_at:
        meta["refresh_expires_at"] = tokens.refresh_expires_at.isoformat()
    meta["access_expires_at"] = tokens.expires_at.isoformat() if tokens.expires_at else None
    meta["refreshed_at"] = now.isoformat()
    store.set(instance_id, oauth.REFRESH_TOKEN, tokens.refresh_token)
    store.set(instance_id, oauth.ACCESS_TOKEN, tokens.access_token)
    store.set(instance_id, META, json.dumps(meta))
    store.delete(instance_id, [f + PENDING for f in TOKEN_FIELDS])


def entry_fields() -> list[str]:
    """The names of every keychain entry a sign-in may keep for an instance."""
    return [*TOKEN_FIELDS, *(f + PENDING for f in TOKEN_FIELDS), META]


def forget(store: SecretStore, instance_id: str) -> None:
    """Remove every token entry of an instance (after a revocation, or when it is deleted)."""
    store.delete(instance_id, entry_fields())


def refresh_expiry(store: SecretStore, instance) -> datetime | None:
    """When the refresh token runs out, as far as ExaDesk knows (what the tracker said, or its default lifespan)."""
    profile = profile_of(instance)
    meta = _meta(store, instance.id)
    known = _when(meta.get("refresh_expires_at"))
    if known or profile is None or profile.refresh_lifespan is None:
        return known
    issued = _when(meta.get("refresh_issued_at"))
    return issued + profile.refresh_lifespan if issued else None


def apply_sign_in(instance, client_id: str, has_client_secret: bool, tokens: oauth.TokenSet) -> None:
    """Point an instance at its new OAuth sign-in (in memory; the caller saves it)."""
    profile = _oauth_profile(instance.tracker)
    if profile is None:
        raise ExaDeskError(messages.problem("oauth.not_oauth", tracker=instance.tracker))
    instance.auth_method = profile.method_id
    instance.values[oauth.CLIENT_ID] = client_id
    fields = [oauth.REFRESH_TOKEN, oauth.ACCESS_TOKEN] + ([oauth.CLIENT_SECRET] if has_client_secret else [])
    instance.secret_fields = fields
    if tokens.instance_url and tokens.instance_url.startswith("https://"):
        instance.url = tokens.instance_url.rstrip("/")  # Salesforce names the org's own address


def fresh_tokens(instance, store: SecretStore, *, settings=None, now: datetime | None = None,
                 cancel=None) -> tuple[dict[str, str], Problem | None]:
    """The instance's tokens, refreshed first when the access token is missing, unknown-aged or about to end.

    Returns:
        ``({"access_token": ..., "refresh_token": ...}, None)``, or ``({}, problem)``: a revoked or
        expired refresh token gives ``oauth.sign_in_again`` and the stored tokens stay as they were.
    """
    profile = profile_of(instance)
    if profile is None:
        return {}, None
    now = now or clock.now()
    from exadesk.foundation import paths
    from exadesk.store import storage

    # One refresh at a time per instance, across threads and processes (window and CLI): with rotating
    # refresh tokens (Zendesk) a second refresh with the token just used up would look like a revocation.
    # The file's name derives from a digest of the id, never the id itself: an id that came from a bundle
    # cannot name a path, and the lock file is removed when the refresh is done.
    lock = paths.data_file().parent / f".oauth-{hashlib.sha256(instance.id.encode()).hexdigest()[:16]}.lock"
    try:
        with storage.file_lock(lock, timeout=60, remove=True):
            return _fresh_locked(instance, store, profile, settings, now, cancel)
    except oauth.OAuthError as exc:
        problem = exc.problem
        if problem.reason == "oauth.sign_in_again":
            problem = messages.problem("oauth.sign_in_again", tracker=profile.name, instance=instance.name,
                                       error=exc.error or "refused")
        return {}, problem
    except ExaDeskError as exc:  # the keychain, the lock, the network
        return {}, exc.problem


def _fresh_locked(instance, store, profile, settings, now, cancel) -> tuple[dict[str, str], Problem | None]:
    """The body of :func:`fresh_tokens`, run under the instance's refresh lock."""
    recover(store, instance.id)
    refresh_token = store.get(instance.id, oauth.REFRESH_TOKEN)
    access_token = store.get(instance.id, oauth.ACCESS_TOKEN)
    meta = _meta(store, instance.id)
    if not refresh_token:
        return {}, messages.problem("oauth.sign_in_again", tracker=profile.name, instance=instance.name,
                                    error="no refresh token is stored")
    expires = _when(meta.get("access_expires_at"))
    if access_token and expires and expires - MARGIN > now:
        return {oauth.ACCESS_TOKEN: access_token, oauth.REFRESH_TOKEN: refresh_token}, None
    secret = ""
    if oauth.CLIENT_SECRET in instance.secret_fields:
        secret = store.get(instance.id, oauth.CLIENT_SECRET) or ""
    client = oauth.token_client(profile, instance.url, ca_bundle=(instance.ca_bundle or
                                                                  getattr(settings, "ca_bundle", None) or None),
                                proxy=getattr(settings, "proxy", None) or None,
                                timeout=getattr(settings, "timeout", 20.0), cancel=cancel)
    tokens = oauth.refresh(client, profile, refresh_token, instance.values.get(oauth.CLIENT_ID, ""), secret)
    save(store, instance.id, tokens)
    return {oauth.ACCESS_TOKEN: tokens.access_token, oauth.REFRESH_TOKEN: tokens.refresh_token}, None


def revoke_and_forget(instance, store: SecretStore, *, settings=None) -> bool:
    """Sign out: ask the tracker to revoke the refresh token (or the access token), then drop the entries."""
    profile = profile_of(instance)
    revoked = False
    if profile is not None:
        token = store.get(instance.id, oauth.REFRESH_TOKEN) or store.get(instance.id, oauth.ACCESS_TOKEN)
        if profile.revoke_style == "bearer_delete":
            token = store.get(instance.id, oauth.ACCESS_TOKEN) or token
        if token:
            client = oauth.token_client(profile, instance.url, ca_bundle=instance.ca_bundle or None,
                                        proxy=getattr(settings, "proxy", None) or None)
            revoked = oauth.revoke(client, profile, token)
    forget(store, instance.id)
    return revoked


#: The entry that is only a cache: when it is missing, a refresh fills it.
CACHED_FIELD = oauth.ACCESS_TOKEN


class StoredSignIn(CredentialProvider):
    """The credential of a stored OAuth sign-in: the access token refreshed on demand from the keychain.

    The engine asks it once per run, in the verifying thread (the window's worker, the CLI's thread), never on the
    UI thread; a refresh ends at once on Cancel.
    """

    def __init__(self, instance, store: SecretStore, settings=None):
        self.instance, self.store, self.settings = instance, store, settings

    def sign_in(self, target, cancel=None) -> SignIn:
        fresh, problem = fresh_tokens(self.instance, self.store, settings=self.settings, cancel=cancel)
        if problem is not None:
            raise ExaDeskError(problem)
        try:
            issued = _meta(self.store, self.instance.id).get("refresh_issued_at") or ""
        except KeychainError:
            issued = ""
        return SignIn(_merged(target.secrets, fresh), refresh_token_issued_at=str(issued))


class CommandLineSignIn(CredentialProvider):
    """An OAuth sign-in given without a stored instance (``exadesk check --auth oauth``): with a refresh token but no
    access token, trade it for one first. Nothing is stored."""

    def __init__(self, profile: oauth.OAuthProfile):
        self.profile = profile

    def sign_in(self, target, cancel=None) -> SignIn:
        client = oauth.token_client(self.profile, target.url, ca_bundle=target.ca_bundle, proxy=target.proxy,
                                    timeout=target.timeout, cancel=cancel)
        got = oauth.refresh(client, self.profile, target.secrets.get(oauth.REFRESH_TOKEN),
                            target.value(oauth.CLIENT_ID), target.secrets.get(oauth.CLIENT_SECRET))
        return SignIn(_merged(target.secrets, {oauth.ACCESS_TOKEN: got.access_token}))


def _merged(secrets: Secrets, fresh: dict[str, str]) -> Secrets:
    merged = {name: secrets.get(name) for name in secrets.names()}
    merged.update(fresh)
    return Secrets(merged)


def command_line_sign_in(target) -> CommandLineSignIn | None:
    """The provider for an OAuth sign-in given on the command line, or None when the target needs none (not such a
    sign-in, an access token given, no refresh token, or a method that refreshes by itself)."""
    profile = _oauth_profile(target.tracker)
    if profile is None or (target.auth_method or "") != profile.method_id or oauth.ACCESS_TOKEN in target.secrets \
            or oauth.REFRESH_TOKEN not in target.secrets:
        return None
    from exadesk.verification import registry

    # ServiceNow's older OAuth method refreshes itself: only methods whose spec says the core refreshes rely on this.
    if not registry.get(target.tracker).spec.auth_method(profile.method_id).core_refreshes_token:
        return None
    return CommandLineSignIn(profile)
