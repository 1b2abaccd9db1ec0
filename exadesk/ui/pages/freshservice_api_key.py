"""Freshservice's API-key walkthrough, with a "The key is rejected" branch.

Freshservice hides the API key until the admin side allows it for the agent's
role, so a rejected key usually needs an administrator. The branch shows that
fix from the spec's ``api_access`` requirement (its ``steps`` and ``fix``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from exadesk.ui.walkthrough import Walkthrough

REQUIREMENT = "api_access"


class FreshserviceApiKeyPage(QWidget):
    """Numbered API-key steps (from the method's ``steps``) and the admin-side fix when the key is rejected."""

    def __init__(self, flow, parent=None):
        super().__init__(parent)
        self.walkthrough = Walkthrough()
        self.rejected_button = QToolButton()
        self.rejected_button.setText(self.tr("The key is rejected"))
        self.rejected_button.setCheckable(True)
        self.rejected_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.rejected_button.setArrowType(Qt.ArrowType.RightArrow)
        self.rejected_button.setAccessibleName(self.tr("The key is rejected"))
        self.rejected_button.setToolTip(self.tr("What an administrator has to change when Freshservice refuses the key"))
        self.rejected = QWidget()
        self.rejected.setObjectName("rejectedBranch")
        branch = QVBoxLayout(self.rejected)
        branch.setContentsMargins(20, 0, 0, 0)
        self.intro = QLabel(self.tr("Ask a Freshservice administrator to do this, then copy the key again:"))
        self.intro.setWordWrap(True)
        self.admin_steps = QLabel()
        self.admin_steps.setWordWrap(True)
        self.admin_steps.setTextFormat(Qt.TextFormat.RichText)
        self.admin_steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix = QLabel()
        self.fix.setWordWrap(True)
        self.fix.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        branch.addWidget(self.intro)
        branch.addWidget(self.admin_steps)
        branch.addWidget(self.fix)
        self.rejected.hide()
        self.rejected_button.toggled.connect(self._toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.walkthrough)
        layout.addWidget(self.rejected_button)
        layout.addWidget(self.rejected)
        self.refresh(flow)

    def _toggle(self, on: bool) -> None:
        self.rejected.setVisible(on)
        self.rejected_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def refresh(self, flow) -> None:
        self.walkthrough.show_steps(flow.walkthrough())
        try:
            requirement = flow.spec.requirement(REQUIREMENT)
        except KeyError:  # a spec without the requirement: no branch to show
            self.rejected_button.hide()
            self.rejected.hide()
            return
        self.rejected_button.show()
        items = "".join(f"<li>{escape(step)}</li>" for step in requirement.steps)
        self.admin_steps.setText(f"<ol>{items}</ol>" if items else "")
        self.admin_steps.setVisible(bool(items))
        self.fix.setText(requirement.fix)
