"""The window's sandbox demo builds its instances from what each emulator declares, not from the command line."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from exadesk import sandbox
from exadesk.sandbox.demo import SCENARIOS
from exadesk.sandbox.kit import DemoLogin
from exadesk.ui.sandbox_demo import demo_entries
from exadesk.verification import registry

URL = "http://127.0.0.1:9"


def _demo(emulators: dict, lessons=()) -> SimpleNamespace:
    return SimpleNamespace(emulators=emulators, failing=[], lessons=list(lessons))


def _emulator(login: DemoLogin, secrets: dict[str, str]) -> SimpleNamespace:
    return SimpleNamespace(url=URL, demo_login=login, demo_secrets=secrets, scenario={})


def test_an_instance_is_the_emulators_declared_sign_in():
    login = DemoLogin(user="proxy@acme.example", scope=("OPS", "SUP"))
    [entry] = demo_entries(_demo({"jira_cloud": _emulator(login, {"api_token": "made-up-token-3391"})}))
    method = registry.get("jira_cloud").spec.auth_method("")
    inst = entry.instance
    assert (inst.tracker, inst.url, inst.auth_method, inst.sandbox) == ("jira_cloud", URL, method.id, True)
    assert inst.values == {method.user_field.name: "proxy@acme.example"}
    assert inst.scope == ["OPS", "SUP"] and inst.sync == []
    assert inst.secret_fields == ["api_token"] and entry.secrets == {"api_token": "made-up-token-3391"}


def test_a_sign_in_this_version_does_not_have_is_left_out():
    demo = _demo({"github": _emulator(DemoLogin(auth="no-such-method"), {}),
                  "freshdesk": _emulator(DemoLogin(user="someone"), {}),  # its API key sign-in has no user name
                  "asana": _emulator(DemoLogin(), {})})
    assert [e.instance.tracker for e in demo_entries(demo)] == ["asana"]
    assert demo_entries(demo)[0].instance.scope == list(registry.get("asana").spec.scope.default)


DECLARED = [(t, sandbox.emulator_class(t).demo_login) for t in sandbox.available()] + \
    [(s.tracker, s.login) for s in SCENARIOS if s.login]


@pytest.mark.parametrize(("tracker_id", "login"), DECLARED, ids=[f"{t}-{i}" for i, (t, _) in enumerate(DECLARED)])
def test_the_printed_check_command_means_the_same_sign_in(tracker_id, login):
    """`exadesk sandbox` prints the declared sign-in as arguments: `exadesk check` reads them back to the same."""
    from exadesk.cli import build_parser
    from exadesk.commands.check import build_target

    [entry] = demo_entries(_demo({tracker_id: _emulator(login, {})}))
    target = build_target(build_parser().parse_args(["check", tracker_id, "--url", URL, *login.check_args()]))
    inst = entry.instance
    assert (target.auth_method, target.values, sorted(target.sync), target.scope) == \
        (inst.auth_method, inst.values, inst.sync, inst.scope)
