"""The wizard's last pages: the verification as it runs (with Cancel), then the verdict and saving."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout

from exadesk.foundation.errors import ErrorKind
from exadesk.services.wizard_flow import WizardStep
from exadesk.ui import texts, theme
from exadesk.ui.checks_table import ChecksTable, NotRunLine, show_results
from exadesk.ui.problem_view import ProblemView, support_details
from exadesk.ui.walkthrough import wrapped as _wrap
from exadesk.ui.wizard_pages import StepPage


# -- 5. verify -----------------------------------------------------------------------------------------


class VerifyPage(StepPage):
    step = WizardStep.VERIFY

    def __init__(self, wizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Verifying"))
        self.setSubTitle(self.tr("ExaDesk only reads: nothing is created or changed on the tracker."))
        self.status = _wrap()
        self.status.setObjectName("verifyStatus")
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Verification progress"))
        self.table = ChecksTable()
        self.cancel_button = QPushButton(self.tr("&Cancel verification"))
        self.cancel_button.setAccessibleName(self.tr("Cancel verification"))
        self.cancel_button.clicked.connect(self.cancel)
        self.again_button = QPushButton(self.tr("Verify &again"))
        self.again_button.setAccessibleName(self.tr("Verify again"))
        self.again_button.clicked.connect(self.start)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.run = None
        self._expected = 1

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        flow = self.flow
        flow.reset_verification()
        self.completeChanged.emit()
        self.table.checks.clear()
        keychain = self.wiz.kept_secrets()
        target = flow.target(self.wiz.session.data.settings, self.wiz.person(), keychain)
        self._expected = max(1, len(flow.requirements()) + len(flow.method_notices()))
        self.progress.setRange(0, self._expected)
        self.progress.setValue(0)
        self.status.setText(self.tr("Checking {tracker} at {url}…").format(tracker=flow.spec.name, url=target.url))
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.again_button.hide()
        self.run = self.wiz.session.workers.start(target, on_result=self._result, on_finished=self._finished,
                                                  verify=self.wiz.verify_function)
        self.focus_later(self.cancel_button)

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _result(self, result) -> None:
        self.table.checks.append(result)
        done = len(self.table.checks.rows)
        self._expected = max(self._expected, done)
        self.progress.setRange(0, self._expected)
        self.progress.setValue(done)
        self.status.setText(self.tr("{done} of about {total} checks done: {title}").format(
            done=done, total=self._expected, title=result.title))

    def _finished(self, report) -> None:
        if self.run is None:
            return
        self.run = None
        self.flow.finish_verification(report)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel_button.hide()
        self.again_button.show()
        self.status.setText(self.tr("Finished."))
        self.completeChanged.emit()
        if self.wiz.currentPage() is self:
            QTimer.singleShot(0, self.wiz.next)

    def cleanupPage(self) -> None:
        self.cancel()


# -- 6. results and saving --------------------------------------------------------------------------------


class ResultsPage(StepPage):
    step = WizardStep.RESULTS

    def __init__(self, wizard):
        super().__init__(wizard)
        self.setTitle(self.tr("Results"))
        self.headline = _wrap()
        self.headline.setObjectName("resultHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.headline.setFont(font)
        self.identity = _wrap()
        self.problem_view = ProblemView()
        self.table = ChecksTable()
        self.not_run = NotRunLine()
        # After Cancel the next step is "verify again": the button is here, not one page back.
        self.again_button = QPushButton(self.tr("Verify &again"))
        self.again_button.setAccessibleName(self.tr("Verify again"))
        self.again_button.clicked.connect(self.verify_again)
        self.again_button.hide()
        self.save_note = _wrap()
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.identity)
        layout.addWidget(self.problem_view)
        row = QHBoxLayout()
        row.addWidget(self.not_run, 1)
        row.addWidget(self.again_button)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the room when every check is folded and the table is hidden (not otherwise)
        layout.addWidget(self.save_note)
        self.setFinalPage(True)

    def verify_again(self) -> None:
        """Back to the verification page and run it again (it comes back here when it finishes)."""
        self.wiz.back()
        self.wiz.pages[WizardStep.VERIFY].start()

    def initializePage(self) -> None:
        flow = self.flow
        report = flow.report
        show_results(self.table, self.not_run, report.checks if report else [],
                     report.problem.kind if report and report.problem else None)
        self.headline.setText(self._headline(report))
        colour = theme.verdict_colour(report.verdict) if report else theme.bad_colour()
        self.headline.setStyleSheet(f"#resultHeadline {{ color: {colour}; }}")
        who = self._who(report)
        self.identity.setText(who)
        self.identity.setVisible(bool(who))
        problem = report.problem if report else None
        # The headline already says the problem's title; the banner gives its sentence and next step.
        self.problem_view.show_problem(problem, support_details(problem, tracker=flow.tracker, url=report.url,
                                                                method=flow.auth_method, report=report)
                                       if problem else "", titled=False)
        cancelled = problem is not None and problem.kind is ErrorKind.CANCELLED
        self.again_button.setVisible(cancelled)
        self.save_note.setText(self._save_note(cancelled))
        self.wiz.update_buttons()
        self.focus_later(self.table)

    def _headline(self, report) -> str:
        """The verdict in one line: not verified, the problem's title, what to fix, not confirmed, or ready."""
        if report is None:
            return self.tr("Not verified.")
        if report.problem is not None:
            return texts.kind_title(report.problem.kind)
        failing = [c for c in report.checks if c.status.value == "fail"]
        if len(failing) == 1:
            return self.tr("1 thing to fix before the integration can work.")
        if failing:
            return self.tr("{count} things to fix before the integration can work.").format(count=len(failing))
        if report.not_confirmed:
            return self.tr("Not confirmed: nothing fails, but {count} of the checks could not be "
                           "decided on this instance; confirm them by hand.").format(count=len(report.not_confirmed))
        return self.tr("Ready: the proxy user has everything the integration needs.")

    def _who(self, report) -> str:
        """Who signed in, and which proxy user was checked when that is someone else."""
        signed_in, proxy = report.accounts() if report else ("", "")
        if signed_in and proxy and signed_in != proxy:
            return self.tr("Signed in as {who}. Proxy user checked: {proxy}.").format(who=signed_in, proxy=proxy)
        if signed_in and proxy:
            return self.tr("Signed in as {who}, the proxy user.").format(who=signed_in)
        return self.tr("Signed in as {who}.").format(who=signed_in) if signed_in else ""

    def _save_note(self, cancelled: bool) -> str:
        """What the Save buttons will do from here."""
        if cancelled:
            return self.tr("\u201cVerify again\u201d runs the checks again; "
                           "\u201cSave for later\u201d keeps the instance as prepared offline, with its "
                           "secret in the keychain, to verify later.")
        if self.flow.can_save_for_later():
            return self.tr("The instance could not be checked now. \u201cSave for later\u201d keeps it "
                           "as prepared offline, with its secret in the keychain; verify it once it "
                           "can be reached.")
        return self.tr("Save stores the instance in the workspace and its secret in the keychain.")

    def validatePage(self) -> bool:
        return self.wiz.save(offline=False)
