"""Fix…: the plan of the changes that make failing checks pass, confirmed by the person, applied off the UI thread.

The work (reading the current state, applying, verifying again) is exadesk.services.fixes', the same as ``exadesk fix``;
this dialog only shows it. Nothing is sent but reads until the person chooses Apply. Each change to send has a
checkbox (:class:`exadesk.ui.fix_changes.ChangeList`); Apply sends the ticked ones. Opened for one finding (``only``),
it plans that check's fix alone.
"""

from __future__ import annotations

import html
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QMessageBox, QProgressBar, QPushButton, QTextBrowser,
                               QVBoxLayout)

from exadesk.foundation.errors import ExaDeskError
from exadesk.foundation.messages import FIX_WORDS
from exadesk.foundation.words import plural
from exadesk.foundation.strings import translate
from exadesk.services import fixes
from exadesk.store.model import FixRun, Instance, Workspace
from exadesk.ui.fix_changes import ChangeList


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
    """Shows the plan for ``inst`` (for the checks ``only``, when given: a per-finding Fix…); Apply makes the ticked
    changes with the workspace's admin credential. After applying, or opened on a recorded run (``run``), Undo
    reverses that run once the person confirms what it reverses.

    Signals:
        applied(object): the :class:`exadesk.services.fixes.Outcome` of applying or undoing, after the verification that
            follows.
        add_admin(str): the workspace has no administrator's credential for this tracker (its id): the window opens
            the wizard for one; once it is saved, :meth:`start` plans again.
    """

    applied = Signal(object)
    add_admin = Signal(str)

    def __init__(self, session, workspace: Workspace, inst: Instance, parent=None, run: FixRun | None = None,
                 only: set[str] | None = None):
        super().__init__(parent)
        self.session, self.workspace, self.inst = session, workspace, inst
        self.only = set(only) if only else None
        self.plan: fixes.FixPlan | None = None
        self.outcome: fixes.Outcome | None = None
        self.run = run  # the run Undo reverses: the one just applied, or the one chosen in the history
        self.cancel_flag = threading.Event()
        self._job: _Job | None = None
        titles = _titles(inst, self.only)
        self.setWindowTitle(self.tr("Fix “{check}” on {name}").format(check=titles[0], name=inst.name)
                            if len(titles) == 1 else self.tr("Fix {name}").format(name=inst.name))
        self.resize(760, 520)
        self.status = QLabel()  # start() says what is happening: reading the plan, or the recorded run
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Working"))
        self.view = QTextBrowser()
        self.view.setOpenExternalLinks(True)
        self.view.setAccessibleName(self.tr("The changes"))
        self.changes = ChangeList()
        self.changes.hide()  # the plan, once read; the view shows the outcome or a recorded run
        self.changes.chosen_changed.connect(self._count_chosen)
        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setEnabled(False)
        self.apply_button.setAccessibleName(self.tr("Make the ticked changes"))
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.undo_button = QPushButton(self.tr("&Undo…"))
        self.undo_button.setAccessibleName(self.tr("Undo the changes of this fix run"))
        self.undo_button.setToolTip(self.tr("Reverses the changes this run made, newest first, after you confirm"))
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.hide()  # shown once there is a run to undo (adding it to the box showed it)
        self.undo_button.clicked.connect(self.ask_undo)
        self.add_admin_button = QPushButton(self.tr("Add an administrator's credential…"))
        self.add_admin_button.setToolTip(self.tr("Opens the set-up wizard for an administrator of this tracker; the "
                                                 "plan is read again once it is saved"))
        self.buttons.addButton(self.add_admin_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.add_admin_button.hide()  # only when the workspace has no administrator's credential for the tracker
        self.add_admin_button.clicked.connect(lambda: self.add_admin.emit(self.inst.tracker))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.stop_and_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.changes, 1)
        layout.addStretch(0)  # takes the room when the view is hidden (a problem alone), so the sentence stays on top
        layout.addWidget(self.buttons)

    # -- steps ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Plan in the background (reads only); opened on a recorded run, show that run and offer its undo."""
        if self.run is not None:
            self.progress.hide()
            self.apply_button.hide()
            self.close_button.setText(self.tr("Close"))
            self.setWindowTitle(self.tr("Fix run of {name}").format(name=self.inst.name))
            self.status.setText(self.tr("Fix run {run}, applied {at} by {by}: {state}.").format(
                run=self.run.id, at=f"{self.run.at:%Y-%m-%d %H:%M} UTC", by=self.run.by,
                state=fixes.run_state(self.run)))
            self.view.setHtml(run_html(self.run))
            self._offer_undo()
            return
        found = self.session.find(self.inst.id)  # the workspace as stored now (an admin may have been added)
        if found:
            self.workspace, self.inst = found
        self.add_admin_button.hide()
        self.progress.show()
        self.status.setText(self.tr("Reading what is in place on the tracker (nothing is changed)…"))
        settings, secrets = self.session.data.settings, self.session.secrets
        only = self.only
        self._run(lambda: fixes.plan(self.workspace, self.inst, secrets=secrets, settings=settings,
                                     cancel=self.cancel_flag, only=only), self._planned)

    def apply(self) -> None:
        """Send the ticked changes, in the plan's order, then verify again."""
        chosen = self.changes.chosen()
        if self.plan is None or not chosen:
            return
        self.apply_button.setEnabled(False)
        for box in self.changes.boxes.values():
            box.setEnabled(False)  # what is being sent no longer changes
        self.progress.show()
        self.status.setText(self.tr("Making the changes, then verifying again…"))
        plan, settings, secrets = self.plan.only(chosen), self.session.data.settings, self.session.secrets
        self._run(lambda: fixes.apply(self.session.store, plan, secrets=secrets, settings=settings,
                                      cancel=self.cancel_flag), self._applied)

    def undo_question(self) -> str:
        """The confirmation's text: the run and every change Undo will reverse, with its request."""
        run = self.run
        lines = "\n".join(f"• {line}" for line in fixes.undo_preview(run))
        return FIX_WORDS["undo_confirm"].format(run=run.id, at=f"{run.at:%Y-%m-%d %H:%M} UTC", by=run.by) \
            + "\n\n" + lines

    def ask_undo(self) -> None:
        """Confirm, naming what will be reversed; then undo in the background and verify again."""
        if self.run is None or not fixes.to_undo(self.run):
            return
        answer = QMessageBox.question(self, self.tr("Undo fix run"), self.undo_question(),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undo_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Undoing the changes, then verifying again…"))
        run_id, settings, secrets = self.run.id, self.session.data.settings, self.session.secrets
        workspace = self.session.find(self.inst.id)[0] if self.session.find(self.inst.id) else self.workspace
        self._run(lambda: fixes.undo(self.session.store, workspace, run_id, secrets=secrets, settings=settings,
                                     cancel=self.cancel_flag), self._undone)

    def _offer_undo(self) -> None:
        can = self.run is not None and bool(fixes.to_undo(self.run))
        self.undo_button.setVisible(self.run is not None)
        self.undo_button.setEnabled(can)
        if self.run is not None and not can:
            self.undo_button.setToolTip(FIX_WORDS["nothing_to_undo"].format(run=self.run.id))

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
            no_admin = result.reason == "fix.no_admin"
            # The problem's next step names the command line's way; the window's way is the button below.
            self.status.setText(result.message + " " + self.tr(
                "Add one with “Add an administrator's credential…” below: the plan is read again once it is "
                "saved. Nothing was sent.") if no_admin else result.text())
            self.add_admin_button.setVisible(no_admin)
            self.view.setVisible(False)
            self.changes.setVisible(False)
            return
        self.plan = result
        if result.before.problem is not None:
            self.view.setVisible(True)
            self.status.setText(result.before.problem.text())
            return
        count = len(result.to_apply)
        self.status.setText(FIX_WORDS["heading"].format(instance=self.inst.name, admin=result.admin_user)
                            if count or result.by_hand else FIX_WORDS["nothing"].format(instance=self.inst.name))
        self.view.setVisible(False)
        self.changes.show_plan(result)
        self.changes.setVisible(bool(result.changes or result.by_hand))
        self._count_chosen()
        if count:
            self.changes.setFocus()  # the first checkbox: Tab goes on to the next, Space ticks or clears

    def _count_chosen(self) -> None:
        """Apply names how many ticked changes it sends; with none ticked it is disabled."""
        count = len(self.changes.chosen())
        self.apply_button.setEnabled(count > 0)
        self.apply_button.setText(plural(count, self.tr("&Apply {count} change"), self.tr("&Apply {count} changes")))
        self.apply_button.setToolTip("" if count else self.tr("Tick at least one change to apply"))

    def _applied(self, result) -> None:
        self.progress.hide()
        self.close_button.setText(self.tr("Close"))
        if not isinstance(result, fixes.Outcome):
            self.status.setText(result.text())
            return
        self.outcome = result
        self.apply_button.hide()
        words = []
        if result.run is not None:
            words.append(plural(len(result.applied),
                                self.tr("Applied {count} change, recorded as fix run {run}; Undo… reverses it."),
                                self.tr("Applied {count} changes, recorded as fix run {run}; Undo… reverses them."),
                                run=result.run.id))
        else:
            words.append(FIX_WORDS["none_applied"])
        if result.refused is not None:
            words.append(result.refused.text())
        self.status.setText(" ".join(words))
        self.changes.hide()
        self.view.setHtml(outcome_html(result))
        self.view.show()
        self.run = result.run
        self._offer_undo()
        self.applied.emit(result)

    def _undone(self, result) -> None:
        self.progress.hide()
        if not isinstance(result, fixes.Outcome):
            self.status.setText(result.text())
            self._offer_undo()
            return
        self.outcome, self.run = result, result.run
        words = [plural(len(result.applied), self.tr("Undid {count} change of fix run {run}."),
                        self.tr("Undid {count} changes of fix run {run}."), run=result.run.id)]
        if result.refused is not None:
            words.append(result.refused.text())
        self.status.setText(" ".join(words))
        self.view.setHtml(outcome_html(result))
        self._offer_undo()
        self.applied.emit(result)


def _titles(inst: Instance, only: set[str] | None) -> list[str]:
    """The titles (in the person's language) of the checks ``only`` names, from the instance's last verification."""
    if not only or inst.last is None:
        return []
    return [translate(c.id.partition(".")[0], c.title) for c in inst.last.checks if c.id in only]


#: Status colours of the before/after table (readable on the light and the dark palette).
_STATUS_COLOURS = {"pass": "#2e8b57", "fail": "#d9534f", "warn": "#e0a030"}


def _status_cell(status: str) -> str:
    colour = _STATUS_COLOURS.get(status)
    word = html.escape(status)
    return f"<td><b><font color='{colour}'>{word}</font></b></td>" if colour else f"<td>{word}</td>"


def outcome_html(outcome: fixes.Outcome) -> str:
    """Before and after side by side: every check whose status changed, then the changes as the tracker answered."""
    e = html.escape
    before = {c.id: c for c in outcome.before.checks}
    rows = [f"<tr><td>{e(c.title)}</td>{_status_cell(before[c.id].status.value)}{_status_cell(c.status.value)}</tr>"
            for c in (outcome.after.checks if outcome.after else []) if c.id in before
            and before[c.id].status is not c.status]
    table = (f"<p><b>{e(FIX_WORDS['before_after'])}</b></p><table cellpadding='4'>"
             f"<tr><th align='left'>{e(FIX_WORDS['check'])}</th><th align='left'>{e(FIX_WORDS['before'])}</th>"
             f"<th align='left'>{e(FIX_WORDS['after'])}</th></tr>"
             + "".join(rows) + "</table>") if rows else ""
    applied = "".join(
        f"<li>{e(FIX_WORDS['reversed'])}: {e(entry['words'])} ({e(entry.get('undo_answer') or '')})</li>"
        if entry.get("undone_at") else f"<li>{e(entry['words'])}: {e(entry['answer'])}</li>"
        for entry in outcome.applied)
    return table + (f"<ul>{applied}</ul>" if applied else "")


def run_html(run: FixRun) -> str:
    """A recorded run: each change, the request sent and the tracker's answer, and how (or whether) it is undone."""
    e = html.escape
    out = []
    for entry in run.changes:
        request = fixes.Call.from_json(entry["request"]).shown()
        rows = [f"<b>{e(entry['words'])}</b>", f"{e(FIX_WORDS['request'])}: <code>{e(request)}</code> "
                                               f"({e(entry.get('answer') or '')})"]
        if entry.get("undone_at"):
            rows.append(f"{e(FIX_WORDS['state_undone'])} {e(str(entry['undone_at'])[:16].replace('T', ' '))} "
                        f"({e(entry.get('undo_answer') or '')})")
        elif entry.get("undo"):
            rows.append(f"{e(FIX_WORDS['undo'])}: <code>{e(fixes.Call.from_json(entry['undo']).shown())}</code>")
        else:
            rows.append(e(FIX_WORDS["no_undo"].format(why=entry.get("no_undo") or "")))
        out.append("<p>" + "<br>".join(rows) + "</p>")
    return "".join(out)
