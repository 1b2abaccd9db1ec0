"""exadesk/trackers/_freshworks.py: what the Freshdesk and Freshservice adapters share: the API root and key sign-in,
reading Freshworks' error bodies into a reason, role ids from either product's agent reply, role names (refused
reads remembered), and the admin-role and admin-account results."""

from __future__ import annotations

import re
import threading

import pytest
from requests.structures import CaseInsensitiveDict

from exadesk.foundation.checks import Status
from exadesk.sandbox import freshdesk as fd_emulator
from exadesk.sandbox import freshservice as fs_emulator
from exadesk.trackers import _freshworks as fw
from exadesk.trackers import freshdesk, freshservice
from exadesk.verification.http import BasicAuth, HttpClient, Page
from exadesk.verification.http_replies import Reply
from exadesk.verification.spec import Target, VerifyContext
from tests.helpers.admin_runs import run_admin, statuses


def _reply(status: int, body: bytes, url: str = "https://acme.freshdesk.com/api/v2/tickets") -> Reply:
    return Reply(status, CaseInsensitiveDict({"Content-Type": "application/json"}), body, url)


# -- addresses and sign-in ---------------------------------------------------------------------------


def test_api_base_drops_page_paths():
    assert fw.api_base("https://acme.freshdesk.com/a/tickets/1") == "https://acme.freshdesk.com/api/v2"
    assert fw.api_base("http://127.0.0.1:8080") == "http://127.0.0.1:8080/api/v2"


def test_the_key_is_sent_as_the_basic_user_with_x_as_the_password():
    auth = fw.auth("Ab12Cd34Ef56Gh78Ij90")
    assert isinstance(auth, BasicAuth)
    assert auth.headers() == BasicAuth("Ab12Cd34Ef56Gh78Ij90", "X").headers()


def test_the_address_pattern_takes_only_the_products_domain():
    spec = fw.url_spec("freshservice.com")
    assert re.fullmatch(spec.pattern, "https://acme-it.freshservice.com")
    assert not re.fullmatch(spec.pattern, "https://acme.freshdesk.com")
    assert not re.fullmatch(spec.pattern, "https://acme.freshservice.com.evil.example")


def test_the_key_field_is_secret_and_takes_letters_and_digits_only():
    field = fw.api_key_field("Freshdesk")
    assert field.secret and "Freshdesk" in field.hint
    assert re.fullmatch(field.pattern, field.example)
    assert not re.fullmatch(field.pattern, "Ab12Cd34Ef56Gh78Ij90:X")


# -- Freshworks' error bodies --------------------------------------------------------------------------


@pytest.mark.parametrize("body,code,text", [
    (b'{"code":"access_denied","message":"You are not authorized to perform this action."}', "access_denied",
     "You are not authorized to perform this action."),
    (b'{"description":"Validation failed","errors":[{"field":"email","message":"It should be a valid email",'
     b'"code":"invalid_value"}]}', "invalid_value", "Validation failed It should be a valid email"),
    (b"", "", ""),  # Freshworks' empty 404
    (b"[1, 2]", "", ""),
], ids=["code-and-message", "errors-list", "empty", "not-an-object"])
def test_error_code_and_text_read_both_freshworks_error_shapes(body, code, text):
    reply = _reply(400, body)
    assert fw.error_code(reply) == code and fw.error_text(reply) == text


@pytest.mark.parametrize("status,body,url,reason", [
    (403, b'{"code":"account_suspended","message":"Your account has been suspended."}', "", "account_suspended"),
    (403, b'{"code":"password_lockout","message":"x"}', "", "password_lockout"),
    (403, b'{"code":"password_expired","message":"x"}', "", "password_expired"),
    (403, b'{"code":"require_feature","message":"x"}', "", "require_feature"),
    (401, b'{"code":"invalid_credentials","message":"You have to be logged in to perform this action."}', "",
     "invalid_credentials"),
    (403, b'{"code":"access_denied","message":"x"}', "https://acme.freshdesk.com/api/v2/agents/me", "not_agent"),
])
def test_diagnose_common_names_the_products_own_reason(status, body, url, reason):
    problem = fw.diagnose_common(_reply(status, body, url or "https://acme.freshdesk.com/api/v2/roles/1"),
                                 "freshdesk", "Freshdesk")
    assert problem is not None and problem.reason == f"freshdesk.{reason}"


def test_access_denied_outside_agents_me_is_left_to_the_check():
    # A 403 on roles or fields decides one requirement, not the whole run.
    reply = _reply(403, b'{"code":"access_denied","message":"x"}', "https://acme.freshdesk.com/api/v2/roles/1")
    assert fw.diagnose_common(reply, "freshdesk", "Freshdesk") is None


def test_every_common_reason_has_a_next_step_per_product():
    for product in ("Freshdesk", "Freshservice"):
        reasons = fw.common_messages(product, "Profile Settings", "Admin, Plans & Billing")
        assert set(reasons) == {"invalid_credentials", "account_suspended", "password_lockout", "password_expired",
                                "require_feature", "fix_not_admin", "fix_no_builtin_role"}  # the last two: fixes
        assert all(product in m.text and m.next_step for m in reasons.values())
        assert "X as the password" in reasons["invalid_credentials"].next_step


# -- roles ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("agent,ids", [
    ({"roles": [{"role_id": 7, "assignment_scope": "entire_helpdesk"}], "role_ids": [7]}, [7]),  # Freshservice
    ({"role_ids": [1, 4]}, [1, 4]),  # Freshdesk
    ({"roles": [], "role_ids": []}, []),  # sent and empty: no role
    ({"id": 5}, None),  # neither sent: not confirmed
])
def test_role_ids_of_reads_either_product_and_tells_absent_from_empty(agent, ids):
    assert fw.role_ids_of(agent) == ids


def _client(emulator, key: str) -> HttpClient:
    return HttpClient(fw.api_base(emulator.url), Page("Freshworks"), fw.auth(key))


def test_role_names_reads_each_role_and_skips_an_unknown_id(emulators):
    emulator = emulators.start("freshdesk")
    roles, refused = fw.role_names(_client(emulator, fd_emulator.DEMO_KEY), [4, 404], lambda body: body)
    assert [(r["id"], fw.role_label(r)) for r in roles] == [(4, "Agent")] and refused is False


def test_role_names_remembers_a_refused_read_and_unwraps_freshservice(emulators):
    emulator = emulators.start("freshservice", {"roles_visible_to_agents": False})
    client = _client(emulator, fs_emulator.DEMO_KEY)
    roles, refused = fw.role_names(client, [21000150295], lambda body: body["role"])
    assert roles == [] and refused is True
    emulator.scenario["roles_visible_to_agents"] = True
    roles, refused = fw.role_names(client, [21000150295], lambda body: body["role"])
    assert [fw.role_label(r) for r in roles] == ["SD Agent"] and refused is False


def _ctx(spec=freshdesk.SPEC) -> VerifyContext:
    return VerifyContext(spec, Target(spec.id, "https://acme.freshdesk.com"), lambda *a, **k: None, threading.Event())


def test_admin_reply_without_role_ids_is_not_confirmed():
    result = fw.admin_role_result(_ctx(), None, [], False, freshdesk.ADMIN_ROLES)
    assert result.status is Status.UNKNOWN and "role_ids" in result.detail and "/agents/me" in result.detail


@pytest.mark.parametrize("roles,refused,status,words", [
    ([{"id": 2, "name": "Administrator"}], False, Status.PASS, "Administrator"),
    ([{"id": 4, "name": "Agent"}], False, Status.FAIL, "Agent"),
    ([], True, Status.FAIL, "only administrators"),
    ([], False, Status.FAIL, "no role"),
], ids=["admin", "other-role", "refused", "no-role"])
def test_admin_role_result(roles, refused, status, words):
    result = fw.admin_role_result(_ctx(), [r["id"] for r in roles] or [4], roles, refused, freshdesk.ADMIN_ROLES)
    assert result.id == "freshdesk.admin.role" and result.status is status and words in result.detail


@pytest.mark.parametrize("names,status", [
    (["Account Admin"], Status.WARN), (["SD Agent"], Status.PASS), ([], Status.UNKNOWN),
])
def test_admin_account_warns_only_on_an_administrator_role(names, status):
    result = fw.admin_account_result(_ctx(freshservice.SPEC), names, freshservice.ADMIN_ROLES)
    assert result.id == "freshservice.admin_account" and result.status is status


def test_the_admin_requirements_confirm_the_console_group_by_hand():
    reqs = fw.admin_requirements("Freshdesk", "Administrator", "Admin, Roles", "Admin, Groups")
    assert not reqs["system_admin"].manual
    assert reqs["console_group_exists"].manual and reqs["console_group_member"].manual
    assert all(reqs[k].steps for k in ("console_group_exists", "console_group_member"))


def test_custom_fields_text_shows_the_first_ten():
    ctx = _ctx()
    assert "no custom fields" in fw.custom_fields_text(ctx, [])
    many = fw.custom_fields_text(ctx, [f"cf_{i}" for i in range(12)])
    assert "cf_9" in many and "cf_10" not in many and many.endswith(" ….")


FD_ADMIN, FS_ADMIN = "FdAdmin0Key0Sbx00001", "FsAdmin0Key0Sbx00001"


@pytest.mark.parametrize("tracker,admin_key,admin_agent,proxy_key", [
    ("freshdesk", FD_ADMIN, {"id": 43000712299, "type": "support_agent", "role_ids": [2], "name": "Dana Admin",
                             "email": "dana@acme.example"}, fd_emulator.DEMO_KEY),
    ("freshservice", FS_ADMIN, {"id": 21000418099, "first_name": "Dana", "last_name": "Admin", "active": True,
                                "email": "dana@acme.example", "occasional": False, "api_access": True, "admin": True,
                                "roles": [{"role_id": 21000150293, "assignment_scope": "entire_helpdesk",
                                           "groups": None}]}, fs_emulator.DEMO_KEY),
])
def test_the_shared_admin_verification_reads_each_products_roles_live(emulators, tracker, admin_key, admin_agent,
                                                                      proxy_key):
    """admin_verification against each product's emulator: its Administrator role passes, an agent's role fails,
    and the console group is left to a person."""
    emulator = emulators.start(tracker, {"agents": {admin_key: admin_agent}})
    admin = statuses(run_admin(emulator, {"api_key": admin_key}, auth_method="api_key"))
    agent = statuses(run_admin(emulator, {"api_key": proxy_key}, auth_method="api_key"))
    assert admin[f"{tracker}.admin.role"] is Status.PASS
    assert agent[f"{tracker}.admin.role"] is Status.FAIL
    manual = {key for key, status in admin.items() if "exalate_console_admin" in key}
    assert manual and all(admin[key] is not Status.PASS for key in manual), admin
