"""What Freshdesk and Freshservice share: the API-key sign-in, /api/v2, and the Freshworks error body.

Written from the vendors' API documentation:
https://developers.freshdesk.com/api/#authentication (API key as the Basic user name, any password such as X)
https://developers.freshdesk.com/api/#error (``{"code", "message"}`` and ``{"description", "errors": [...]}``;
codes invalid_credentials, access_denied, require_feature, account_suspended, password_lockout, password_expired)
https://api.freshservice.com/#authentication and https://api.freshservice.com/#error_handling (the same scheme)
https://support.freshdesk.com/support/solutions/articles/225440 (status codes and their reasons)
https://github.com/freshworks/freshworks-api-sdk/blob/main/codegen/freshservice/freshservice-v2.0.1.swagger.yml
(Freshworks' own error-code list: invalid_credentials, access_denied, require_feature, account_suspended,
password_lockout, password_expired)
"""

from __future__ import annotations

from urllib.parse import urlsplit

from exadesk import messages
from exadesk.errors import ErrorKind
from exadesk.http import BasicAuth, Reply
from exadesk.messages import Message
from exadesk.trackers.base import Field, UrlSpec

API_PREFIX = "/api/v2"
#: Freshworks ignores the Basic password when the user name is an API key; its docs use X.
KEY_PASSWORD = "X"


def api_key_field(product: str) -> Field:
    """The API key input; both products show a key of about 20 letters and digits."""
    return Field("api_key", "API key", secret=True, pattern=r"[A-Za-z0-9]{16,64}",
                 hint=f"the API key from the proxy user's {product} Profile Settings: about 20 letters and digits, "
                      "nothing else (not the email, not 'key:X')",
                 example="Ab12Cd34Ef56Gh78Ij90")


def url_spec(domain: str) -> UrlSpec:
    """Addresses of the form https://your-domain.<domain>."""
    return UrlSpec(example=f"https://your-domain.{domain}",
                   hint=f"https://your-domain.{domain} (the address you sign in at, without any page path)",
                   pattern=rf"https://[a-z0-9][a-z0-9-]*\.{domain.replace('.', r'[.]')}")


def api_base(url: str) -> str:
    """The API root of an instance: its origin plus /api/v2 (a page path someone pasted is dropped)."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}{API_PREFIX}"


def auth(api_key: str) -> BasicAuth:
    return BasicAuth(api_key, KEY_PASSWORD)


def error_code(reply: Reply) -> str:
    """The Freshworks error code of a reply: ``code`` at the top, or the first of ``errors``."""
    data = reply.json_or_none()
    if not isinstance(data, dict):
        return ""
    if isinstance(data.get("code"), str):
        return data["code"]
    errors = data.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return str(errors[0].get("code") or "")
    return ""


def error_text(reply: Reply) -> str:
    data = reply.json_or_none()
    if not isinstance(data, dict):
        return ""
    parts = [str(data.get("message") or ""), str(data.get("description") or "")]
    for item in data.get("errors") or []:
        if isinstance(item, dict):
            parts.append(str(item.get("message") or ""))
    return " ".join(p for p in parts if p)


def diagnose_common(reply: Reply, tracker_id: str, tracker_name: str):
    """Freshworks' own signals that hold on both products, or None."""
    code = error_code(reply)
    if reply.status == 403 and code == "account_suspended":
        return messages.problem(f"{tracker_id}.account_suspended", tracker=tracker_name)
    if reply.status == 403 and code in ("password_lockout", "password_expired"):
        return messages.problem(f"{tracker_id}.{code}", tracker=tracker_name)
    if reply.status == 403 and code == "require_feature":
        return messages.problem(f"{tracker_id}.require_feature", tracker=tracker_name)
    return None


def common_messages(product: str, key_place: str, billing_place: str) -> dict[str, Message]:
    """Reasons both products register under their own id; ``key_place`` says where the key is shown."""
    return {
        "invalid_credentials": Message(
            ErrorKind.AUTH, f"{product} did not accept the API key (\"You have to be logged in to perform this action\").",
            f"Copy the key again from {key_place}: paste only the key itself. ExaDesk sends it as the user name with X "
            "as the password, as Freshworks requires. If anyone reset the key, the old one stopped working "
            "everywhere it was used."),
        "account_suspended": Message(
            ErrorKind.FORBIDDEN, f"The {product} account is suspended (the trial ended or a payment failed), so the "
                                 "helpdesk is read-only and nothing can be synchronised.",
            f"An account administrator reactivates it under {billing_place}; verify again afterwards."),
        "password_lockout": Message(
            ErrorKind.AUTH, f"{product} has locked this agent after too many failed sign-ins.",
            "Wait for the lock to expire or ask an administrator to unlock the agent, then verify again. ExaDesk "
            "does not retry on its own."),
        "password_expired": Message(
            ErrorKind.AUTH, f"The password of this {product} agent has expired, so its API key is refused too.",
            "Sign in to the helpdesk in a browser as the proxy user and set a new password, then verify again."),
        "require_feature": Message(
            ErrorKind.FORBIDDEN, f"This {product} plan does not include a feature the check needs (API access "
                                 "is not part of every plan).",
            f"Check the plan under {billing_place}; API access needs a paid plan."),
    }
