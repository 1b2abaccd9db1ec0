"""The ``exadesk sandbox`` demo: every emulator on loopback with its demo scenario, plus learning scenarios.

A learning scenario is one more emulator of a tracker that reproduces a failure admins meet in practice (from the
field notes): an organisation enforcing SAML single sign-on, a Jira asking for a CAPTCHA, a Zendesk with token
access switched off, a hibernating ServiceNow developer instance. Verifying it shows how ExaDesk names the cause
and the next step, without anyone's real tracker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exadesk import sandbox
from exadesk.sandbox.jira_onprem import DEMO_PASSWORD as JIRA_DEMO_PASSWORD
from exadesk.sandbox.kit import Emulator
from exadesk.sandbox.servicenow import NON_ADMIN


@dataclass(frozen=True)
class Scenario:
    """A learning scenario: which tracker, what it shows, and how the emulator reproduces it.

    Attributes:
        key: a short id, unique per tracker (``saml-sso``).
        label: what a person reads in the list.
        lesson: what verifying it teaches, in a sentence.
        scenario: the emulator scenario that reproduces the failure.
        args, secrets: the check arguments and demo secrets when they differ from the tracker's demo ones.
        expect: the reason key the verification ends with, or the id of a check left failing or not confirmed
            when the run finishes without an error.
    """

    tracker: str
    key: str
    label: str
    lesson: str
    scenario: dict
    expect: str
    args: tuple[str, ...] | None = None
    secrets: dict[str, str] | None = None


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("github", "saml-sso", "GitHub organisation enforcing SAML single sign-on",
             "GitHub refuses a token that was not authorised for the organisation's SSO; ExaDesk shows the "
             "address where the proxy user authorises it.",
             {"orgs": {"acme": {"saml": True}}}, "github.sso_required"),
    Scenario("jira_onprem", "captcha", "Jira Data Center asking for a CAPTCHA",
             "After failed sign-ins Jira wants a CAPTCHA; ExaDesk stops after one request and says to sign in once "
             "in the browser.",
             {"captcha_after": 0}, "jira_onprem.captcha",
             args=("--auth", "password", "--user", "exalate-proxy", "--project", "SUP"),
             secrets={"password": JIRA_DEMO_PASSWORD}),
    Scenario("zendesk", "token-access-off", "Zendesk with API token access switched off",
             "Turning token access off in Admin Center stops every API token; ExaDesk names the switch and "
             "recommends OAuth.",
             {"token_access": False}, "zendesk.token_rejected"),
    Scenario("servicenow", "hibernating", "ServiceNow developer instance hibernating",
             "A sleeping developer instance answers with a web page; ExaDesk says to wake it in the browser.",
             {"hibernating": True}, "http.maintenance"),
    Scenario("servicenow", "non-admin", "ServiceNow with a non-admin proxy user (the recommended setup)",
             "Tables guarded by an elevated role (ACLs, plugins, OAuth) answer 403 to a proxy user without admin; "
             "ExaDesk still runs every other check and says which ones to confirm by hand (not confirmed, exit 3).",
             NON_ADMIN, "servicenow.com.glide.role_management.inh_count.rest_api"),
    Scenario("azure_devops", "conditional-access", "Azure DevOps behind a Conditional Access policy",
             "The token is refused from addresses outside the allowed ranges; ExaDesk says the check ran from this "
             "workstation and that the integration's server needs allowing too.",
             {"conditional_access": True}, "azure_devops.conditional_access"),
    Scenario("freshdesk", "suspended", "Freshdesk account suspended (trial ended or payment failed)",
             "A suspended helpdesk is read-only; ExaDesk says where the account owner settles it.",
             {"suspended": True}, "freshdesk.account_suspended"),
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

    def describe(self) -> list[str]:
        lines = [_line(tracker_id, emulator) for tracker_id, emulator in self.emulators.items()]
        if self.lessons:
            lines.append("Learning scenarios (each reproduces a problem admins meet; verify it to see the advice):")
            for lesson in self.lessons:
                lines.append(f"  {lesson.label}: {lesson.scenario.lesson}")
                lines.append(_line(lesson.tracker, lesson.emulator, indent=4))
        return lines

    def stop(self) -> None:
        for emulator in [*self.emulators.values(), *(lesson.emulator for lesson in self.lessons)]:
            emulator.stop()


def _line(tracker_id: str, emulator: Emulator, indent: int = 2) -> str:
    creds = ", ".join(f"{k}={v}" for k, v in emulator.demo_secrets.items())
    extra = " ".join(emulator.demo_args)
    return f"{' ' * indent}{tracker_id:13} {emulator.url:24} {creds}  {extra}".rstrip()


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
            # The check arguments a person copies from the list; per instance, the class keeps the tracker's own.
            if scenario.args is not None:
                emulator.demo_args = scenario.args
            if scenario.secrets is not None:
                emulator.demo_secrets = dict(scenario.secrets)
            demo.lessons.append(Lesson(scenario, emulator.start()))
    except BaseException:
        demo.stop()
        raise
    return demo
