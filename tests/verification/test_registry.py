"""exadesk/trackers (its __init__), the tracker registry: a tracker is its module, registered by itself.

A throwaway twelfth tracker ("Kanbanly", made up for this test) is registered from here with a spec and a small
``verify_live`` against a stub HTTP server started in the test. The catalogue (``exadesk trackers``), a live check
(``exadesk check kanbanly``), the set-up flow and the admin planner then work with it, nothing else changed.
"""

from __future__ import annotations

import json
import sys
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from exadesk.foundation.checks import CheckResult, Identity, Report, Status
from exadesk.services.planner import plan_for
from exadesk.store.model import ConfigMode, Connection, Instance, Workspace
from exadesk.verification import engine, notices, registry
from exadesk.verification.http import BearerAuth
from exadesk.verification.spec import (
    CONSOLE_GROUP, AdminPolicy, AuthMethod, DelegatedStep, Field, Requirement, ScopeSpec, Step, TrackerSpec, UrlSpec,
)
from exadesk.services.wizard_flow import WizardFlow, WizardStep

ELEVEN = ("jira_cloud", "jira_onprem", "azure_devops", "github", "servicenow", "salesforce", "zendesk", "freshdesk",
          "freshservice", "asana", "hp_alm")

TOKEN = "kb_" + "R3gistryTestT0ken4xyz"
NOTICE = notices.Notice("kanbanly_tokens", "kanbanly", "Kanbanly tokens get an expiry",
                        "Kanbanly tokens made after 1 March 2027 expire after a year.",
                        "Note the token's expiry date when you create it.", date(2027, 3, 1), frozenset({"token"}))

SPEC = TrackerSpec(
    id="kanbanly",
    name="Kanbanly",
    docs_url="https://kanbanly.example/docs/api",
    summary="A made-up tracker registered by a test.",
    url=UrlSpec(example="https://acme.kanbanly.example", hint="https://<team>.kanbanly.example"),
    scope=ScopeSpec(label="Boards", example="OPS", hint="a board key, such as OPS", noun="board", entry="key"),
    auth_methods=(
        AuthMethod(id="token", label="API token", description="A token of the proxy user.",
                   fields=(Field("token", "API token", secret=True, hint="kb_ and 21 letters or digits",
                                 example="kb_" + "0" * 21, pattern=r"kb_[A-Za-z0-9]{21}"),),
                   steps=(Step("Sign in as the proxy user and create a token.", link="{url}/settings/tokens",
                               link_label="Open the token settings"),)),
    ),
    requirements=(
        Requirement("boards", "Token reaches every board in scope", "Add the proxy user to the board."),
        Requirement("not_owner", "Proxy user is not the team owner", "Use a dedicated member, not the owner."),
    ),
    admin_requirements={
        "system_admin": Requirement("admin.owner", "Administrator owns the team", "Ask the owner."),
        "project_admin": Requirement("admin.board_admin", "Administrator is a board admin", "Ask a board admin."),
        "console_group_member": Requirement(f"admin.member.{CONSOLE_GROUP}", f"Administrator is in {CONSOLE_GROUP}",
                                            f"Add the person to {CONSOLE_GROUP}."),
        "console_group_exists": Requirement(f"admin.group.{CONSOLE_GROUP}", f"{CONSOLE_GROUP} exists",
                                            f"Create the group {CONSOLE_GROUP}."),
    },
    admin_policy=AdminPolicy(delegated_steps=(DelegatedStep(
        "kanbanly_seat", "Kanbanly: the person has a paid seat", "Only paid seats open the integration's console.",
        "Confirm in Team settings, Seats.", "Give the person a paid seat."),)),
    notices=(NOTICE,),
    catalogue_order=5000,
)


def verify_live(ctx):
    """Reads the token's user and boards from the stub; only GETs."""
    client = ctx.client(ctx.target.url.rstrip("/") + "/api", BearerAuth(ctx.target.secrets.get("token")))
    me = client.get_json("/me", expect=dict)
    ctx.identity = Identity(name=str(me.get("name") or ""), login=str(me.get("email") or ""), id=str(me.get("id")))
    boards = {str(b.get("key")) for b in client.get_json("/boards", expect=list) if isinstance(b, dict)}
    missing = [key for key in ctx.target.scope if key not in boards]
    if missing:
        yield ctx.failed("boards", f"Not reachable: {', '.join(missing)}.")
    else:
        yield ctx.passed("boards", f"Reaches {', '.join(ctx.target.scope) or 'no board named'}.")
    if me.get("owner"):
        yield ctx.failed("not_owner", f"{me.get('name')} owns the team.")
    else:
        yield ctx.passed("not_owner", f"{me.get('name')} is a member, not the owner.")


class _Stub:
    """A stub Kanbanly API on a free loopback port: GET /api/me and /api/boards for one bearer token."""

    def __init__(self, owner: bool = False):
        self.requests: list[tuple[str, str]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                stub.requests.append((self.command, self.path))
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._send(401, {"error": "invalid token"})
                bodies = {"/api/me": {"id": 7, "name": "Exa Proxy", "email": "proxy@acme.example", "owner": owner},
                          "/api/boards": [{"key": "OPS"}, {"key": "WEB"}]}
                if self.command != "GET" or self.path.split("?")[0] not in bodies:
                    return self._send(404, {"error": "not found"})
                self._send(200, bodies[self.path.split("?")[0]])

            def _send(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def kanbanly():
    """The throwaway tracker, registered for one test and removed after it."""
    module = SimpleNamespace(__name__="tests.trackers.kanbanly", SPEC=SPEC, verify_live=verify_live)
    tracker = registry.register(SPEC, module)
    try:
        yield tracker
    finally:
        registry.unregister("kanbanly")
    assert "kanbanly" not in registry.ids()


@pytest.fixture
def stub():
    server = _Stub()
    yield server
    server.stop()


def test_the_eleven_trackers_register_themselves_in_catalogue_order():
    ids = registry.ids()
    assert ids[:len(ELEVEN)] == list(ELEVEN)
    assert set(registry.module_names()) >= set(ELEVEN)
    for tracker_id in ELEVEN:
        module = sys.modules[f"exadesk.trackers.{tracker_id}"]
        assert registry.get(tracker_id).module is module and module.SPEC is registry.get(tracker_id).spec


def test_notices_and_oauth_profiles_come_from_the_tracker_specs():
    assert {n.tracker for n in registry.all_notices()} <= set(registry.ids())
    for tracker in registry.all_trackers():
        assert notices.for_spec(tracker.spec) == list(tracker.spec.notices)
        assert registry.oauth_profile(tracker.id) is tracker.spec.oauth
    assert set(registry.oauth_profiles()) == {"servicenow", "salesforce", "zendesk"}
    assert registry.oauth_profile("servicenow").user_required and not registry.oauth_profile("zendesk").user_required


def test_a_twelfth_tracker_is_listed_by_exadesk_trackers(kanbanly, cli):
    listed = json.loads(cli("trackers", "--json").out)
    assert [t["id"] for t in listed] == registry.ids() and listed[-1]["id"] == "kanbanly"
    assert listed[-1]["requirements"][0]["id"] == "kanbanly.boards"
    assert "kanbanly" in cli("trackers").out
    assert len(listed) == len(ELEVEN) + 1


def test_a_twelfth_tracker_is_checked_live_by_exadesk_check(kanbanly, stub, cli, monkeypatch):
    monkeypatch.setenv("EXADESK_TEST_KANBANLY", TOKEN)
    result = cli("check", "kanbanly", "--url", stub.url, "--secret-env", "token=EXADESK_TEST_KANBANLY",
                 "--project", "OPS", "--json")
    assert result.code == 0, result.out + result.err
    assert result.check("kanbanly.boards")["status"] == "pass"
    assert result.check("kanbanly.not_owner")["status"] == "pass"
    assert result.check("notice.kanbanly_tokens")["status"] == "warn"  # its notice, with its date, from its spec
    assert TOKEN not in result.out + result.err
    assert stub.requests and all(method == "GET" for method, _ in stub.requests)

    missing = cli("check", "kanbanly", "--url", stub.url, "--secret-env", "token=EXADESK_TEST_KANBANLY",
                  "--project", "NOPE", "--json")
    assert missing.code == 1 and missing.check("kanbanly.boards")["status"] == "fail"


def test_a_twelfth_tracker_goes_through_the_set_up_flow(kanbanly, stub):
    flow = WizardFlow(tracker="kanbanly")
    assert flow.auth_method == "token" and NOTICE in flow.method_notices()
    flow.go(WizardStep.CREDENTIALS)
    flow.url = stub.url
    flow.set_value("token", "kb_short")
    assert not flow.field_state("token").ok and flow.next() is WizardStep.CREDENTIALS
    flow.set_value("token", TOKEN)
    assert flow.next() is WizardStep.SYNC
    flow.set_scope_text("OPS, WEB")
    assert flow.next() is WizardStep.VERIFY
    flow.finish_verification(engine.verify(flow.target()))
    assert flow.ready, [(c.id, c.status) for c in flow.report.checks]
    assert flow.next() is WizardStep.RESULTS
    inst = flow.to_instance()
    assert inst.tracker == "kanbanly" and inst.secret_fields == ["token"] and inst.scope == ["OPS", "WEB"]
    assert TOKEN not in json.dumps(inst.to_json())


def _admin_report(**kinds: Status) -> Report:
    report = Report(tracker="kanbanly", url="https://acme.kanbanly.example", identity=Identity("Dana", "dana@x"))
    for kind, status in kinds.items():
        req = SPEC.admin_requirements[kind]
        report.checks.append(CheckResult(SPEC.check_id(req.key), status, req.title, kind, req.fix))
    return report


def test_a_twelfth_tracker_is_planned_from_its_admin_policy(kanbanly):
    a = Instance(tracker="kanbanly", name="Board side", url="https://acme.kanbanly.example", auth_method="")
    b = Instance(tracker="github", name="Code side", url="https://github.com", auth_method="")
    ws = Workspace(name="W", instances=[a, b])
    conn = Connection(name="c", left=a.id, right=b.id, mode=ConfigMode.SCRIPTED, admin_kinds={a.id: "delegated"})
    report = _admin_report(system_admin=Status.FAIL, project_admin=Status.PASS, console_group_member=Status.PASS,
                           console_group_exists=Status.PASS)
    items = {i.id: i for i in plan_for(ws, conn, {a.id: report}).items}
    assert items[f"plan.console_group_member.{a.id}"].status is Status.PASS
    assert items[f"plan.delegated_project_admin.{a.id}"].status is Status.PASS  # the policy's default: needed
    seat = items[f"plan.kanbanly_seat.{a.id}"]  # the tracker's own manual item, declared in its spec
    assert seat.manual and seat.status is Status.UNKNOWN and seat.fix == "Give the person a paid seat."

    project = Connection(name="p", left=a.id, right=b.id, mode=ConfigMode.BASIC, admin_kinds={a.id: "project"})
    item = next(i for i in plan_for(ws, project, {a.id: report}).items if i.id == f"plan.project_admin.{a.id}")
    assert item.status is Status.FAIL  # only a tracker whose policy says so lets a project admin set up Basic
