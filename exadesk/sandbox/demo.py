"""The ``exadesk sandbox`` demo: every emulator on loopback with its demo scenario, plus learning scenarios.

A learning scenario is one more emulator of a tracker that reproduces a failure admins meet in practice (from the
field notes): an organisation enforcing SAML single sign-on, a Jira asking for a CAPTCHA, a Zendesk with token
access switched off, a hibernating ServiceNow developer instance. Verifying it shows how ExaDesk names the cause
and the next step, without anyone's real tracker.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import field

from exadesk import sandbox
from exadesk.foundation.records import dataclass
from exadesk.sandbox.jira_onprem import DEMO_PASSWORD as JIRA_DEMO_PASSWORD
from exadesk.sandbox.kit import DemoLogin, Emulator
from exadesk.sandbox.servicenow import NON_ADMIN


@dataclass(frozen=True)
class Scenario:
    """A learning scenario: which tracker, what it shows, and how the emulator reproduces it.

    Attributes:
        key: a short id, unique per tracker (``saml-sso``).
        label: what a person reads in the list.
        lesson: what verifying it teaches, in a sentence.
        scenario: the emulator scenario that reproduces the failure.
        login, secrets: the demo sign-in and demo secrets when they differ from the tracker's demo ones.
        expect: the reason key the verification ends with, or the id of a check left failing or not confirmed
            when the run finishes without an error.
    """

    tracker: str
    key: str
    label: str
    lesson: str
    scenario: dict
    expect: str
    login: DemoLogin | None = None
    secrets: dict[str, str] | None = None
    short: str = ""  # a few words for a list that has little room ("SAML single sign-on")

    @property
    def title(self) -> str:
        return self.short or self.label


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("github", "saml-sso", "GitHub organisation enforcing SAML single sign-on",
             "GitHub refuses a token that was not authorised for the organisation's SSO; ExaDesk shows the "
             "address where the proxy user authorises it.",
             {"orgs": {"acme": {"saml": True}}}, "github.sso_required", short="SAML single sign-on"),
    Scenario("jira_onprem", "captcha", "Jira Data Center asking for a CAPTCHA",
             "After failed sign-ins Jira wants a CAPTCHA; ExaDesk stops after one request and says to sign in once "
             "in the browser.",
             {"captcha_after": 0}, "jira_onprem.captcha",
             login=DemoLogin(auth="password", user="exalate-proxy", scope=("SUP",)),
             secrets={"password": JIRA_DEMO_PASSWORD}, short="CAPTCHA"),
    Scenario("zendesk", "token-access-off", "Zendesk with API token access switched off",
             "Turning token access off in Admin Center stops every API token; ExaDesk names the switch and "
             "recommends OAuth.",
             {"token_access": False}, "zendesk.token_rejected", short="token access off"),
    Scenario("servicenow", "hibernating", "ServiceNow developer instance hibernating",
             "A sleeping developer instance answers with a web page; ExaDesk says to wake it in the browser.",
             {"hibernating": True}, "http.maintenance", short="hibernating instance"),
    Scenario("servicenow", "non-admin", "ServiceNow with a non-admin proxy user (the recommended setup)",
             "Tables guarded by an elevated role (ACLs, plugins, OAuth) answer 403 to a proxy user without admin; "
             "ExaDesk still runs every other check and says which ones to confirm by hand (not confirmed, exit 3).",
             NON_ADMIN, "servicenow.com.glide.role_management.inh_count.rest_api", short="non-admin proxy user"),
    Scenario("azure_devops", "conditional-access", "Azure DevOps behind a Conditional Access policy",
             "The token is refused from addresses outside the allowed ranges; ExaDesk says the check ran from this "
             "workstation and that the integration's server needs allowing too.",
             {"conditional_access": True}, "azure_devops.conditional_access", short="conditional access"),
    Scenario("freshdesk", "suspended", "Freshdesk account suspended (trial ended or payment failed)",
             "A suspended helpdesk is read-only; ExaDesk says where the account owner settles it.",
             {"suspended": True}, "freshdesk.account_suspended", short="suspended account"),
)


#: The demo's failing instance: everything holds but one requirement, so a person sees a fix named.
FAILING: tuple[Scenario, ...] = (
    Scenario("github", "not-admin", "GitHub proxy user who is not a repository admin",
             "The proxy user may push to acme/website but is not its admin; ExaDesk names the missing role and "
             "where to grant it.",
             {"repos": {"acme/website": {"collaborators": {"exalate-proxy": "push"}}}}, "github.admin", short="proxy user not admin"),
)


@dataclass
class Lesson:
    """A running learning scenario."""

    scenario: Scenario
    emulator: Emulator

    @property
    def tracker(self) -> str:
        return self.scenario.tracker

    @property
    def label(self) -> str:
        return self.scenario.label


@dataclass
class Demo:
    """The running demo. ``emulators`` holds one ready emulator per tracker; ``lessons`` the learning scenarios."""

    emulators: dict[str, Emulator] = field(default_factory=dict)
    lessons: list[Lesson] = field(default_factory=list)
    failing: list[Lesson] = field(default_factory=list)  # from FAILING: not ready, one fix named

    def describe(self) -> list[str]:
        """What ``exadesk sandbox`` prints: per emulator its address and a ready-to-paste ``exadesk check``."""
        lines = []
        for tracker_id, emulator in self.emulators.items():
            lines.append(f"  {tracker_id:13} {emulator.url}")
            lines += [f"    {line}" for line in commands(tracker_id, emulator)]
        if self.failing:
            lines.append("A failing instance (one requirement is missing; verify it to see the fix):")
            for lesson in self.failing:
                lines += _lesson_lines(lesson)
        if self.lessons:
            lines.append("Learning scenarios (each reproduces a problem admins meet; verify it to see the advice):")
            for lesson in self.lessons:
                lines += _lesson_lines(lesson)
        return lines

    def stop(self) -> None:
        for emulator in [*self.emulators.values(), *(lesson.emulator for lesson in [*self.lessons, *self.failing])]:
            emulator.stop()


def _lesson_lines(lesson: Lesson) -> list[str]:
    return [f"  {lesson.label}: {lesson.scenario.lesson}", f"    {lesson.tracker:13} {lesson.emulator.url}",
            *(f"      {line}" for line in commands(lesson.tracker, lesson.emulator, lesson.scenario.key))]


def oauth_clients(emulator: Emulator) -> dict[str, str]:
    """The OAuth clients the emulator accepts for browser sign-in: client ID -> client secret ("" for none)."""
    clients = (emulator.scenario.get("oauth") or {}).get("clients") or {}
    return {client_id: str((facts or {}).get("secret") or "") for client_id, facts in clients.items()}


def secret_variable(tracker_id: str, field_name: str, key: str = "") -> str:
    """The environment variable a printed command reads a demo secret from (``EXADESK_DEMO_GITHUB_TOKEN``)."""
    words = ["EXADESK", "DEMO", tracker_id, *([key] if key else []), field_name]
    return "_".join(re.sub(r"[^A-Za-z0-9]+", "_", w).strip("_").upper() for w in words)


def commands(tracker_id: str, emulator: Emulator, key: str = "") -> list[str]:
    """Ready-to-paste shell lines: ``export`` of each demo secret, then the ``exadesk check`` command.

    Every argument is shell-quoted; the secrets reach the command through --secret-env (they are made-up demo
    values, so printing them in the export line is fine). OAuth client IDs the emulator accepts follow.
    """
    lines, secret_args = [], []
    for name, value in emulator.demo_secrets.items():
        variable = secret_variable(tracker_id, name, key)
        lines.append(f"export {variable}={shlex.quote(value)}")
        secret_args += ["--secret-env", f"{name}={variable}"]
    lines.append(shlex.join(["exadesk", "check", tracker_id, "--url", emulator.url, *emulator.demo_args,
                             *secret_args]))
    for client_id, client_secret in oauth_clients(emulator).items():
        lines.append(f"# Browser sign-in (OAuth): client ID {client_id}"
                     + (f", client secret {client_secret}" if client_secret else " (no client secret)"))
    return lines


def start_demo(only: list[str] | None = None) -> Demo:
    """Start the emulators of ``only`` (every tracker when empty), each ready, plus their learning scenarios."""
    demo = Demo()
    available = sandbox.available()
    try:
        for tracker_id in available:
            if only and tracker_id not in only:
                continue
            demo.emulators[tracker_id] = sandbox.emulator_class(tracker_id)().start()
        for scenario in SCENARIOS:
            if scenario.tracker not in available or (only and scenario.tracker not in only):
                continue
            emulator = sandbox.emulator_class(scenario.tracker)(scenario.scenario)
            # The sign-in a person copies from the list; per instance, the class keeps the tracker's own.
            if scenario.login is not None:
                emulator.demo_login = scenario.login
            if scenario.secrets is not None:
                emulator.demo_secrets = dict(scenario.secrets)
            demo.lessons.append(Lesson(scenario, emulator.start()))
        for scenario in FAILING:
            if scenario.tracker in available and not (only and scenario.tracker not in only):
                demo.failing.append(Lesson(scenario, sandbox.emulator_class(scenario.tracker)(scenario.scenario).start()))
    except BaseException:
        demo.stop()
        raise
    return demo
