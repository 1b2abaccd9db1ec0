"""Numbered steps with links (exadesk/ui/walkthrough.py): a link opens once the address is known."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from exadesk.services.wizard_flow import WalkStep
from exadesk.ui.walkthrough import Walkthrough, wrapped


def test_steps_are_numbered_and_a_link_waits_for_the_address(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    walk = Walkthrough()
    qtbot.addWidget(walk)
    walk.show_steps([WalkStep(1, "Sign in as the proxy user."),
                     WalkStep(2, "Create a token.", link="", link_label="Open token settings")])
    assert [label.text() for label in walk.step_labels] == ["Sign in as the proxy user.", "Create a token."]
    [button] = walk.link_buttons
    assert button.text() == "Open token settings" and not button.isEnabled()
    assert "address" in button.toolTip()
    walk.show_steps([WalkStep(1, "Create a token.", link="https://acme.example/settings/tokens")])
    [button] = walk.link_buttons
    assert button.isEnabled() and button.text() == "Open in the browser"
    assert len(walk.step_labels) == 1  # the earlier steps are gone
    button.click()
    assert opened == ["https://acme.example/settings/tokens"]


def test_wrapped_labels_wrap_and_may_be_rich(qtbot):
    plain, rich = wrapped("a long sentence"), wrapped("<b>bold</b>", rich=True)
    assert plain.wordWrap() and rich.wordWrap()
    assert rich.textFormat() != plain.textFormat()
