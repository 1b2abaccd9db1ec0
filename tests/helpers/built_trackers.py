"""Which trackers have a real adapter and an emulator yet (for the cross-tracker suites).

Other engineers replace the placeholder trackers one by one; the suites that
run over every tracker parametrise over :func:`all_ids` and skip, with a reason,
the ones not built yet, so they cover each tracker as soon as it lands.
"""

from __future__ import annotations

import importlib
import re

import pytest

from exadesk import sandbox
from exadesk.verification import registry


def all_ids() -> list[str]:
    return registry.ids()


def not_built_reason(tracker_id: str) -> str | None:
    """Why a tracker cannot be exercised yet, or None when its adapter and emulator exist."""
    module = importlib.import_module(f"exadesk.trackers.{tracker_id}")
    first_line = (module.__doc__ or "").strip().splitlines()[0].lower() if module.__doc__ else ""
    # Placeholders say so at the start of their docstring ("Asana: placeholder spec until ...").
    if re.match(r"^([\w ]+: )?placeholder\b", first_line):
        return f"{tracker_id}: adapter is still a placeholder"
    if tracker_id not in sandbox.available():
        return f"{tracker_id}: no emulator module yet (exadesk/sandbox/{tracker_id}.py)"
    return None


def require_built(tracker_id: str) -> None:
    reason = not_built_reason(tracker_id)
    if reason:
        pytest.skip(reason)


def require_adapter(tracker_id: str) -> None:
    """Skip only when the adapter itself is a placeholder (emulator not needed)."""
    reason = not_built_reason(tracker_id)
    if reason and "placeholder" in reason:
        pytest.skip(reason)


def demo_command(emulator, tracker_id: str, monkeypatch, secrets: dict[str, str] | None = None,
                 prefix: str = "EXADESK_DEMO_SECRET") -> list[str]:
    """``check`` arguments for the emulator's demo run, secrets passed through the environment."""
    args = ["check", tracker_id, "--url", emulator.url, "--json", *emulator.demo_args]
    for i, (name, value) in enumerate((secrets or dict(emulator.demo_secrets)).items()):
        var = f"{prefix}_{i}"
        monkeypatch.setenv(var, value)
        args += ["--secret-env", f"{name}={var}"]
    return args


def secret_forms(value: str, users: tuple[str, ...] = ()) -> list[str]:
    """A secret as it could leak: plain, URL-encoded, base64 (alone and as Basic user:secret)."""
    import base64
    from urllib.parse import quote, quote_plus

    forms = {value, quote(value, safe=""), quote_plus(value)}
    # Basic user names may be the user as typed or a tracker's derived form (Zendesk: "{email}/token").
    # An empty user name too: Azure DevOps documents PATs as Basic ":{token}".
    raws = [value, f":{value}"] + [f"{u}{suffix}:{value}" for u in users for suffix in ("", "/token")]
    for raw in raws:
        encoded = base64.b64encode(raw.encode()).decode()
        forms.add(encoded)
        forms.add(encoded.rstrip("="))
        forms.add(base64.urlsafe_b64encode(raw.encode()).decode().rstrip("="))
    return sorted(f for f in forms if len(f) >= 8)
