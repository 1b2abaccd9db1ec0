"""A classified problem shown as a person needs it: a title, a sentence, the next step, copyable details.

Never a stack trace. The copied details are for a support ticket and hold no secret:
only the tracker, address, kind, reason and the texts already on screen.
"""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from exadesk import __version__
from exadesk.foundation.checks import Report, Status
from exadesk.foundation.errors import ErrorKind, Problem
from exadesk.ui import texts, theme


def support_details(problem: Problem | None, *, tracker: str = "", url: str = "", method: str = "",
                    report: Report | None = None) -> str:
    """Plain-text details for a support ticket. Built only from non-secret fields."""
    from PySide6 import __version__ as pyside_version

    lines = [f"ExaDesk {__version__} on {platform.system()} {platform.release()}, Python {platform.python_version()}, "
             f"PySide6 {pyside_version}"]
    if tracker:
        lines.append(f"Tracker: {tracker}")
    if url:
        lines.append(f"Address: {url}")
    if method:
        lines.append(f"Sign-in method: {method}")
    if problem is not None:
        lines.append(f"Error: {problem.kind.value} / {problem.reason or '-'}")
        lines.append(f"Message: {problem.message}")
        if problem.next_step:
            lines.append(f"Next step: {problem.next_step}")
        for key in ("status", "host", "login_url"):
            if key in problem.details:
                lines.append(f"{key}: {problem.details[key]}")
    if report is not None:
        for check in report.checks:
            if check.status not in (Status.PASS, Status.SKIPPED):
                lines.append(f"Check {check.id}: {check.status.value} - {check.detail}")
    return "\n".join(lines)


class ProblemView(QFrame):
    """A banner for one Problem. Hidden while there is none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("problemView")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Problem"))
        self.title = QLabel()
        self.title.setObjectName("problemTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_step = QLabel()
        self.next_step.setWordWrap(True)
        self.next_step.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.next_step.setOpenExternalLinks(True)
        self.copy_button = QPushButton(self.tr("Copy details for support"))
        self.copy_button.setAccessibleName(self.tr("Copy details for support"))
        self.copy_button.setToolTip(self.tr("Copies what happened, without any secret, to paste into a support ticket"))
        self.copy_button.clicked.connect(self.copy_details)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.next_step)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        self._details = ""
        self.problem: Problem | None = None
        self.hide()

    def show_problem(self, problem: Problem | None, details: str = "", *, titled: bool = True) -> None:
        """Show ``problem``; ``titled=False`` where the page's own headline already says its title."""
        self.problem = problem
        if problem is None:
            self.hide()
            return
        self.title.setText(texts.problem_title(problem))
        self.title.setVisible(titled)
        self.message.setText(problem.message)
        self.next_step.setText(self.tr("Next step: {step}").format(step=problem.next_step) if problem.next_step else "")
        self.next_step.setVisible(bool(problem.next_step))
        self._details = details or support_details(problem)
        severe = problem.kind not in (ErrorKind.CANCELLED,)
        self.setProperty("severity", "error" if severe else "info")
        self.setStyleSheet("#problemView { border: 1px solid %s; border-radius: 6px; }"
                           % (theme.bad_colour() if severe else "#8a8f98"))
        self.setAccessibleDescription(problem.text())
        self.show()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)
        self.copy_button.setText(self.tr("Copied"))

    @property
    def details(self) -> str:
        return self._details
