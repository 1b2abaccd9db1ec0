"""Fix…: the plan of the changes that make failing checks pass, confirmed by the person, applied off the UI thread.

The work (reading the current state, applying, verifying again) is exadesk.fixes', the same as ``exadesk fix``;
this dialog only shows it. Nothing is sent but reads until the person chooses Apply.
"""

from __future__ import annotations

import html
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QTextBrowser, QVBoxLayout

from exadesk import fixes
from exadesk.errors import ExaDeskError
from exadesk.messages import FIX_WORDS
from exadesk.model import Instance, Workspace


class _Signals(QObject):
    done = Signal(object)  # the FixPlan or Outcome, or a Problem


class _Job(QRunnable):
    """One step (plan or apply) on the pool; its result comes back through ``signals.done`` on the UI thread."""

    def __init__(self, work):
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:  # worker thread
        try:
            result = self.work()
        except ExaDeskError as exc:
            result = exc.problem
        self.signals.done.emit(result)


class FixDialog(QDialog):
    """Shows the plan for ``inst``; Apply makes the changes with the workspace's admin credential.

    Signals:
        applied(object): the :class:`exadesk.fixes.Outcome`, after the changes and the verification that follows.
    """

    applied = Signal(object)

    def __init__(self, session, workspace: Workspace, inst: Instance, parent=None):
        super().__init__(parent)
        self.session, self.workspace, self.inst = session, workspace, inst
        self.plan: fixes.FixPlan | None = None
        self.outcome: fixes.Outcome | None = None
        self.cancel_flag = threading.Event()
        self._job: _Job | None = None
        self.setWindowTitle(self.tr("Fix {name}").format(name=inst.name))
        self.resize(760, 520)
        self.status = QLabel(self.tr("Reading what is in place on the tracker (nothing is changed)…"))
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Working"))
        self.view = QTextBrowser()
        self.view.setOpenExternalLinks(True)
        self.view.setAccessibleName(self.tr("The changes"))
        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setEnabled(False)
        self.apply_button.setAccessibleName(self.tr("Make these changes"))
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.stop_and_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)

    # -- steps ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Plan in the background (reads only)."""
        settings, secrets = self.session.data.settings, self.session.secrets
        self._run(lambda: fixes.plan(self.workspace, self.inst, secrets=secrets, settings=settings,
                                     cancel=self.cancel_flag), self._planned)

    def apply(self) -> None:
        if self.plan is None or not self.plan.to_apply:
            return
        self.apply_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Making the changes, then verifying again…"))
        plan, settings, secrets = self.plan, self.session.data.settings, self.session.secrets
        self._run(lambda: fixes.apply(self.session.store, plan, secrets=secrets, settings=settings,
                                      cancel=self.cancel_flag), self._applied)

    def stop_and_close(self) -> None:
        self.cancel_flag.set()  # a request in flight ends at once; nothing after it is sent
        self.reject()

    def _run(self, work, then) -> None:
        job = _Job(work)
        job.signals.done.connect(then)
        self._job = job
        QThreadPool.globalInstance().start(job)

    # -- results (UI thread) ------------------------------------------------------------------------

    def _planned(self, result) -> None:
        self.progress.hide()
        if not isinstance(result, fixes.FixPlan):
            self.status.setText(f"{result.message} {result.next_step}".strip())
            return
        self.plan = result
        if result.before.problem is not None:
            self.status.setText(result.before.problem.text())
            return
        count = len(result.to_apply)
        self.status.setText(FIX_WORDS["heading"].format(instance=self.inst.name, admin=result.admin_user)
                            if count or result.by_hand else FIX_WORDS["nothing"].format(instance=self.inst.name))
        self.view.setHtml(plan_html(result))
        self.apply_button.setEnabled(count > 0)
        self.apply_button.setText(self.tr("&Apply {count} change(s)").format(count=count))

    def _applied(self, result) -> None:
        self.progress.hide()
        self.close_button.setText(self.tr("Close"))
        if not isinstance(result, fixes.Outcome):
            self.status.setText(f"{result.message} {result.next_step}".strip())
            return
        self.outcome = result
        words = []
        if result.run is not None:
            words.append(FIX_WORDS["applied"].format(count=len(result.applied), run=result.run.id,
                                                     instance=self.inst.name))
        else:
            words.append(FIX_WORDS["none_applied"])
        if result.refused is not None:
            words.append(result.refused.text())
        self.status.setText(" ".join(words))
        self.view.setHtml(outcome_html(result))
        self.applied.emit(result)


def plan_html(plan: fixes.FixPlan) -> str:
    """The plan as the dialog shows it: each change, its request, its undo, what else it touches, the reference."""
    e = html.escape
    out = []
    for change in plan.changes:
        shown = change.to_json()
        if change.done:
            out.append(f"<p><b>{e(change.words)}</b>: {e(FIX_WORDS['already'])}</p>")
            continue
        rows = [f"<b>{e(change.words)}</b>",
                f"{e(FIX_WORDS['request'])}: <code>{e(shown['request'])}</code>",
                f"{e(FIX_WORDS['undo'])}: <code>{e(shown['undo'])}</code>" if shown["undo"]
                else e(FIX_WORDS["no_undo"].format(why=change.no_inverse)),
                *(f"{e(FIX_WORDS['touches'])}: {e(t)}" for t in change.touches),
                f"{e(FIX_WORDS['reference'])}: <a href='{e(change.reference)}'>{e(change.reference)}</a>"]
        out.append("<p>" + "<br>".join(rows) + "</p>")
    if plan.by_hand:
        out.append(f"<p><b>{e(FIX_WORDS['by_hand'])}</b><br>"
                   + "<br>".join(f"{e(title)}: {e(why)}" for title, why in plan.by_hand) + "</p>")
    return "".join(out)


def outcome_html(outcome: fixes.Outcome) -> str:
    """Before and after side by side: every check whose status changed, then the changes as the tracker answered."""
    e = html.escape
    before = {c.id: c for c in outcome.before.checks}
    rows = [f"<tr><td>{e(c.title)}</td><td>{e(before[c.id].status.value)}</td><td>{e(c.status.value)}</td></tr>"
            for c in (outcome.after.checks if outcome.after else []) if c.id in before
            and before[c.id].status is not c.status]
    table = (f"<p><b>{e(FIX_WORDS['before_after'])}</b></p><table cellpadding='4'>"
             f"<tr><th align='left'>{e(FIX_WORDS['check'])}</th><th align='left'>{e(FIX_WORDS['before'])}</th>"
             f"<th align='left'>{e(FIX_WORDS['after'])}</th></tr>"
             + "".join(rows) + "</table>") if rows else ""
    applied = "".join(f"<li>{e(entry['words'])}: {e(entry['answer'])}</li>" for entry in outcome.applied)
    return table + (f"<ul>{applied}</ul>" if applied else "")
