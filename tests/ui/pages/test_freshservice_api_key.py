"""Freshservice's API-key page (exadesk/ui/pages/freshservice_api_key.py): the method's steps, and the admin-side
fix behind "The key is rejected"."""

from __future__ import annotations

from html import unescape
from types import SimpleNamespace

from exadesk.services.wizard_flow import WalkStep, WizardFlow
from exadesk.ui.pages.freshservice_api_key import REQUIREMENT, FreshserviceApiKeyPage
from exadesk.verification import registry


def _page(qtbot, flow) -> FreshserviceApiKeyPage:
    page = FreshserviceApiKeyPage(flow)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_rejected_branch_opens_with_the_requirements_steps_and_fix(qtbot):
    flow = WizardFlow(tracker="freshservice")
    page = _page(qtbot, flow)
    assert [label.text() for label in page.walkthrough.step_labels] == [s.text for s in flow.walkthrough()]
    assert page.rejected.isHidden()
    page.rejected_button.click()
    assert page.rejected.isVisible()
    requirement = registry.get("freshservice").spec.requirement(REQUIREMENT)
    shown = unescape(page.admin_steps.text())
    assert requirement.steps and all(step in shown for step in requirement.steps)
    assert page.fix.text() == requirement.fix
    page.rejected_button.click()
    assert page.rejected.isHidden()


def test_refresh_follows_the_address_and_a_spec_without_the_requirement_hides_the_branch(qtbot):
    def missing(key):
        raise KeyError(key)

    steps = [WalkStep(1, "Open your profile.", link="", link_label="Open profile")]
    flow = SimpleNamespace(walkthrough=lambda: steps, spec=SimpleNamespace(requirement=missing))
    page = _page(qtbot, flow)
    assert page.rejected_button.isHidden() and page.rejected.isHidden()
    assert not page.walkthrough.link_buttons[0].isEnabled()  # no address yet
    steps[0] = WalkStep(1, "Open your profile.", link="https://acme.freshservice.com/profile",
                        link_label="Open profile")
    page.refresh(flow)
    assert page.walkthrough.link_buttons[0].isEnabled()
