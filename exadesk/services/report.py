"""Readiness report of a workspace, as HTML (also the source of the PDF) and Markdown.

Each instance's part ends with the changes ExaDesk made on it (``exadesk fix --apply``, the workspace's fix runs):
when, by whom, each change in words, the request, the tracker's answer, and whether it was undone. Their words are
the fix's own (FIX_WORDS), shared with ``exadesk fix --history`` and the window.

Qt-free. Built only from stored data, which holds no secrets by design; the
renderers never read the keychain. As a second guard, :func:`build` takes the
secret values the caller knows of and refuses to produce text containing one.
"""

from __future__ import annotations

import html
import logging
from dataclasses import field
from datetime import datetime, timezone

from exadesk import __version__
from exadesk.foundation import clock
from exadesk.foundation.checks import CheckResult, Status, Verdict, fold_not_run, not_run_line
from exadesk.foundation.messages import FIX_WORDS
from exadesk.foundation.records import dataclass
from exadesk.foundation.words import day
from exadesk.services import expiry, fixes, planner
from exadesk.store import history
from exadesk.store.model import FixRun, Instance, Workspace
from exadesk.verification.changes import Call

log = logging.getLogger(__name__)

STATUS_LABELS = {Status.PASS: "Pass", Status.FAIL: "Fail", Status.WARN: "Warning", Status.UNKNOWN: "Not confirmed",
                 Status.SKIPPED: "Not needed"}
BY_HAND_LABEL = "To confirm by hand"
#: The report's line for each verdict (the window's badge says the same; see docs/user-guide.md).
VERDICT_LABELS = {Verdict.READY: "Ready", Verdict.NOT_READY: "Not ready", Verdict.NOT_CONFIRMED: "Not confirmed",
                  Verdict.NOT_CHECKED: "Not checked"}


def status_label(check) -> str:
    """A check's result in words; an unknown says whether a person or a new run decides it."""
    if check.status is Status.UNKNOWN and getattr(check, "manual", False):
        return BY_HAND_LABEL
    return STATUS_LABELS.get(check.status, str(check.status))


@dataclass
class FixChangeLine:
    """One recorded change of a fix run, as the report shows it (all words, no secret: see FixRun)."""

    words: str  # the change in words
    request: str  # as the plan showed it (Call.shown)
    answer: str  # the tracker's answer when it was applied
    state: str  # Applied, or Undone <when> (the tracker's answer to the undo)
    undo: str = ""  # still applied: the request that undoes it, or why there is none


@dataclass
class FixRunSection:
    """One fix run: who applied it and when, its state, and its changes in the order they were sent."""

    run: str
    at: datetime
    by: str
    state: str  # applied, partly undone, undone (fixes.run_state)
    changes: list[FixChangeLine]

    def line(self) -> str:
        """``Fix run 3f2a, applied 2026-03-02 09:00 UTC by Jira admin (dana@example.com): applied.``"""
        return FIX_WORDS["report_run"].format(run=self.run, at=_when(self.at), by=self.by, state=self.state)


@dataclass
class InstanceSection:
    """One instance's part of the report."""

    name: str
    tracker: str
    url: str
    proxy_user: str
    verdict: str  # Ready, Not ready, Not confirmed, Not checked, Not verified yet
    failing: list[str]
    checked_at: datetime | None
    checks: list[dict]  # title, status label, detail, fix
    problem: str = ""
    expires: str = ""
    drift: list[str] = field(default_factory=list)
    not_confirmed: list[str] = field(default_factory=list)  # titles this run could not decide
    by_hand: list[str] = field(default_factory=list)  # titles only a person can confirm
    not_run: str = ""  # the one line for the checks a rejected credential kept from running
    fix_runs: list[FixRunSection] = field(default_factory=list)  # the changes ExaDesk made here, newest first


@dataclass
class ConnectionSection:
    name: str
    left: str
    right: str
    mode: str
    plan: list[str]  # the admin-access plan in sentences (exadesk.services.planner)


@dataclass
class ReadinessReport:
    workspace: str
    generated_at: datetime
    instances: list[InstanceSection]
    connections: list[ConnectionSection]
    notes: str = ""
    #: Fix runs of instances since removed from the workspace: their record stays, and so does their place here.
    removed_fix_runs: list[FixRunSection] = field(default_factory=list)


def _verdict(inst: Instance) -> str:
    last = inst.last
    if last is None:
        return "Not verified yet"
    return VERDICT_LABELS[last.verdict]


def _tracker_name(tracker_id: str) -> str:
    from exadesk.verification import registry

    try:
        return registry.get(tracker_id).spec.name
    except KeyError:
        return tracker_id


def _plan_items(workspace: Workspace, connection) -> list[str]:
    """The admin-access plan's lines (exadesk.services.planner), then the one paragraph on why admin rights are
    needed."""
    try:
        plan = planner.plan_for(workspace, connection)
    except Exception:  # a planner bug must not stop the report; the section says so
        log.exception("planner failed for connection %s", connection.id)
        return ["The admin-access plan could not be computed (see the log)."]
    return [_plan_text(item) for item in plan.items] + ([plan.why_admin] if plan.why_admin else [])


def _plan_text(item: planner.PlanItem) -> str:
    side = item.side or "both sides"
    text = f"{side[:1].upper()}{side[1:]}: {item.title} ({status_label(item)})."
    if item.detail:
        text += f" {item.detail}"
    if item.fix and item.status is not Status.PASS:
        text += f" Fix: {item.fix}"
    return text


def _stamp(text) -> str:
    """A stored ISO time (a change's ``undone_at``) in the report's format; as stored when it does not parse."""
    try:
        return _when(datetime.fromisoformat(str(text)))
    except ValueError:
        return str(text)


def _shown(call) -> str:
    """A recorded request as the plan showed it (Call.shown); as stored when a hand-edited record does not parse."""
    try:
        return Call.from_json(call).shown()
    except (KeyError, TypeError, AttributeError):
        return str(call or "")


def _change_line(entry: dict) -> FixChangeLine:
    request = _shown(entry.get("request"))
    state, undo = FIX_WORDS["report_applied"], ""
    if entry.get("undone_at"):
        state = FIX_WORDS["report_undone"].format(at=_stamp(entry["undone_at"]))
        state += f" ({entry['undo_answer']})" if entry.get("undo_answer") else ""
    elif entry.get("undo"):
        undo = f"{FIX_WORDS['undo']}: {_shown(entry['undo'])}"
    else:
        undo = FIX_WORDS["no_undo"].format(why=entry.get("no_undo") or "")
    return FixChangeLine(str(entry.get("words") or ""), request, str(entry.get("answer") or ""), state, undo)


def _fix_run_section(run: FixRun) -> FixRunSection:
    return FixRunSection(run.id, run.at, run.by, fixes.run_state(run), [_change_line(e) for e in run.changes])


def _fix_runs(workspace: Workspace, instance_id: str) -> list[FixRunSection]:
    """The fix runs applied for an instance, newest first, as the report shows them."""
    return [_fix_run_section(run) for run in fixes.runs_of(workspace, instance_id)]


def _removed_fix_runs(workspace: Workspace) -> list[FixRunSection]:
    known = {inst.id for inst in workspace.instances}
    return [section for gone in dict.fromkeys(r.instance for r in workspace.fix_runs if r.instance not in known)
            for section in _fix_runs(workspace, gone)]


def build(workspace: Workspace, now: datetime | None = None) -> ReadinessReport:
    """Collect what the report shows for ``workspace`` (no secrets are read)."""
    now = now or clock.now()
    sections = []
    for inst in workspace.instances:
        last = inst.last
        checks = []
        failing = []
        undecided: list[CheckResult] = []
        # After a rejected credential the checks that never ran are one line (not_run), not a row each.
        shown, folded = fold_not_run(last.checks, last.error_kind) if last is not None else ([], [])
        if last is not None:
            for c in shown:
                checks.append({"title": c.title, "status": status_label(c), "detail": c.detail,
                               "fix": c.fix if c.status is not Status.PASS else "", "manual": c.manual})
                if c.status is Status.FAIL:
                    failing.append(c.title)
            undecided = [c for c in shown if c.status is Status.UNKNOWN]
        if last is not None and not failing and last.error_message and history.conclusive(last):
            failing.append(last.error_message)  # e.g. the credential was rejected: no check could run
        exp = ""
        if inst.token_expires_at:
            level = expiry.status(inst, now)
            exp = f"{day(inst.token_expires_at, now)}" + (f" ({level})" if level else "")
        sections.append(InstanceSection(
            name=inst.name, tracker=_tracker_name(inst.tracker), url=inst.url,
            proxy_user=inst.proxy_user or (last.identity if last else "") or "—", verdict=_verdict(inst),
            failing=failing, checked_at=last.at if last else None, checks=checks,
            problem=(last.error_message or "") if last else "", expires=exp, drift=history.drift(inst, now),
            not_confirmed=[c.title for c in undecided if c.not_confirmed],
            by_hand=[c.title for c in undecided if c.by_hand],
            not_run=not_run_line(len(folded), last.error_kind if last else None),
            fix_runs=_fix_runs(workspace, inst.id)))

    connections = [ConnectionSection(c.name, *planner.side_names(workspace, c), c.mode.value.capitalize(),
                                     _plan_items(workspace, c))
                   for c in workspace.connections]
    return ReadinessReport(workspace.name, now, sections, connections, workspace.notes,
                           _removed_fix_runs(workspace))


def _when(value: datetime | None) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if value else "never"


def _assert_clean(text: str, secrets) -> str:
    for secret in secrets or ():
        # Also as escaped for Markdown or HTML, where "ghp_x" reads "ghp\\_x".
        if secret and any(form in text for form in (secret, _md(secret), _h(secret))):
            raise ValueError("the report would contain a secret; it was not written")
    return text


# -- Markdown ------------------------------------------------------------------------


def _md(text: str) -> str:
    """Escape what would break a Markdown table cell or start markup."""
    text = " ".join(str(text).split())
    for ch in "\\|*_`[]<>#":
        text = text.replace(ch, "\\" + ch)
    return text


#: Checks run from the workstation that made the report, not from the integration's server (field notes).
WHERE_CHECKED = ("The checks ran from the workstation that made this report; the integration's own server connects "
                 "from another address, so make sure each tracker's IP allow-list or conditional-access policy "
                 "admits it too.")


def _summary(report: ReadinessReport) -> str:
    """``2 of 3 instances ready, 1 not confirmed.``"""
    ready = sum(1 for s in report.instances if s.verdict == VERDICT_LABELS[Verdict.READY])
    open_ = sum(1 for s in report.instances if s.verdict == VERDICT_LABELS[Verdict.NOT_CONFIRMED])
    return f"{ready} of {len(report.instances)} instances ready" + (f", {open_} not confirmed" if open_ else "") + "."


def _undecided_lines(section: InstanceSection) -> list[tuple[str, list[str]]]:
    """The section's own lines: what this run could not decide, and what a person confirms by hand."""
    lines = []
    if section.not_confirmed:
        lines.append(("Not confirmed", section.not_confirmed))
    if section.by_hand:
        lines.append((BY_HAND_LABEL, section.by_hand))
    return lines


def to_markdown(report: ReadinessReport, secrets=()) -> str:
    """The report as GitHub/Jira-friendly Markdown, for pasting into a ticket."""
    out = [f"# Readiness report: {_md(report.workspace)}", "",
           f"Generated {_when(report.generated_at)} by ExaDesk {__version__}. {WHERE_CHECKED}", ""]
    out += [f"**{_summary(report)}**", "",
            "| Instance | Tracker | Proxy user | Result | Failing checks |", "|---|---|---|---|---|"]
    for s in report.instances:
        out.append(f"| {_md(s.name)} | {_md(s.tracker)} | {_md(s.proxy_user)} | {_md(s.verdict)} | "
                   f"{_md(', '.join(s.failing) or '—')} |")
    for s in report.instances:
        out += ["", f"## {_md(s.name)} ({_md(s.tracker)})", "",
                f"- Address: {_md(s.url)}", f"- Proxy user: {_md(s.proxy_user)}",
                f"- Result: **{_md(s.verdict)}**, checked {_when(s.checked_at)}"]
        if s.expires:
            out.append(f"- Credential expires: {_md(s.expires)}")
        if s.problem:
            out.append(f"- Problem: {_md(s.problem)}")
        for label, titles in _undecided_lines(s):
            out.append(f"- {label}: {_md(', '.join(titles))}")
        for sentence in s.drift:
            out.append(f"- Changed: {_md(sentence)}")
        if s.checks:
            out += ["", "| Check | Result | Found | Fix |", "|---|---|---|---|"]
            for c in s.checks:
                out.append(f"| {_md(c['title'])} | {_md(c['status'])} | {_md(c['detail']) or '—'} | "
                           f"{_md(c['fix']) or '—'} |")
        if s.not_run:
            out += ["", _md(s.not_run)]
        if s.fix_runs:
            out += ["", f"### {_md(FIX_WORDS['report_heading'])}", *_fix_runs_markdown(s.fix_runs)]
    if report.removed_fix_runs:
        out += ["", f"## {_md(FIX_WORDS['report_removed'])}", *_fix_runs_markdown(report.removed_fix_runs)]
    if report.connections:
        out += ["", "## Connections and admin access", ""]
        for c in report.connections:
            out.append(f"- **{_md(c.name)}**: {_md(c.left)} ↔ {_md(c.right)}, {_md(c.mode)} mode")
            for item in c.plan:
                out.append(f"  - {_md(item)}")
    out.append("")
    return _assert_clean("\n".join(out), secrets)


def _fix_runs_markdown(runs: list[FixRunSection]) -> list[str]:
    """Each run's line, then a table of its changes (the lines start with a blank one)."""
    out = []
    for run in runs:
        out += ["", _md(run.line()), "",
                f"| {_md(FIX_WORDS['report_change'])} | {_md(FIX_WORDS['request'])} | {_md(FIX_WORDS['report_answer'])} "
                f"| {_md(FIX_WORDS['report_state'])} |", "|---|---|---|---|"]
        for c in run.changes:
            state = f"{c.state}. {c.undo}" if c.undo else c.state
            out.append(f"| {_md(c.words) or '—'} | {_md(c.request) or '—'} | {_md(c.answer) or '—'} | {_md(state)} |")
    return out


# -- HTML ------------------------------------------------------------------------------

_CSS = """
body { font-family: sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 18pt; } h3 { font-size: 11pt; margin-top: 12pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; }
.Ready, .Pass { color: #1a7f37; } .Not-ready, .Fail { color: #b42318; }
.Warning { color: #9a6700; } .meta { color: #555; }
.Not-confirmed { color: #1e5aa8; } .To-confirm-by-hand, .Not-checked { color: #555; }
"""


def _h(text) -> str:
    return html.escape(str(text), quote=True)


def _cls(text: str) -> str:
    return text.replace(" ", "-")


def to_html(report: ReadinessReport, secrets=()) -> str:
    """A self-contained HTML page (no scripts, no remote resources); also what the PDF is printed from."""
    out = ["<!DOCTYPE html>", "<html><head><meta charset='utf-8'>",
           f"<title>Readiness report: {_h(report.workspace)}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>Readiness report: {_h(report.workspace)}</h1>",
           f"<p class='meta'>Generated {_h(_when(report.generated_at))} by ExaDesk {_h(__version__)}. "
           f"{_h(_summary(report))}</p>",
           f"<p class='meta'>{_h(WHERE_CHECKED)}</p>",
           "<h2>Summary</h2>", "<table><tr><th>Instance</th><th>Tracker</th><th>Proxy user</th><th>Result</th>"
           "<th>Failing checks</th></tr>"]
    for s in report.instances:
        out.append(f"<tr><td>{_h(s.name)}</td><td>{_h(s.tracker)}</td><td>{_h(s.proxy_user)}</td>"
                   f"<td class='{_cls(s.verdict)}'>{_h(s.verdict)}</td><td>{_h(', '.join(s.failing) or '—')}</td></tr>")
    out.append("</table>")
    for s in report.instances:
        out.append(f"<h2>{_h(s.name)} ({_h(s.tracker)})</h2><p>Address: {_h(s.url)}<br>"
                   f"Proxy user: {_h(s.proxy_user)}<br>Result: <b class='{_cls(s.verdict)}'>{_h(s.verdict)}</b>, "
                   f"checked {_h(_when(s.checked_at))}")
        if s.expires:
            out.append(f"<br>Credential expires: {_h(s.expires)}")
        if s.problem:
            out.append(f"<br>Problem: {_h(s.problem)}")
        for label, titles in _undecided_lines(s):
            out.append(f"<br><span class='{_cls(label)}'>{_h(label)}</span>: {_h(', '.join(titles))}")
        out.append("</p>")
        if s.drift:
            out.append("<p>Changes:</p><ul>" + "".join(f"<li>{_h(d)}</li>" for d in s.drift) + "</ul>")
        if s.checks:
            out.append("<table><tr><th>Check</th><th>Result</th><th>Found</th><th>Fix</th></tr>")
            for c in s.checks:
                out.append(f"<tr><td>{_h(c['title'])}</td><td class='{_cls(c['status'])}'>{_h(c['status'])}</td>"
                           f"<td>{_h(c['detail'] or '—')}</td><td>{_h(c['fix'] or '—')}</td></tr>")
            out.append("</table>")
        if s.not_run:
            out.append(f"<p>{_h(s.not_run)}</p>")
        if s.fix_runs:
            out += [f"<h3>{_h(FIX_WORDS['report_heading'])}</h3>", *_fix_runs_html(s.fix_runs)]
    if report.removed_fix_runs:
        out += [f"<h2>{_h(FIX_WORDS['report_removed'])}</h2>", *_fix_runs_html(report.removed_fix_runs)]
    if report.connections:
        out.append("<h2>Connections and admin access</h2><ul>")
        for c in report.connections:
            out.append(f"<li><b>{_h(c.name)}</b>: {_h(c.left)} ↔ {_h(c.right)}, {_h(c.mode)} mode")
            if c.plan:
                out.append("<ul>" + "".join(f"<li>{_h(item)}</li>" for item in c.plan) + "</ul>")
            out.append("</li>")
        out.append("</ul>")
    out.append("</body></html>")
    return _assert_clean("\n".join(out), secrets)


def _fix_runs_html(runs: list[FixRunSection]) -> list[str]:
    """Each run's line, then a table of its changes."""
    out = []
    for run in runs:
        out += [f"<p>{_h(run.line())}</p>",
                f"<table><tr><th>{_h(FIX_WORDS['report_change'])}</th><th>{_h(FIX_WORDS['request'])}</th>"
                f"<th>{_h(FIX_WORDS['report_answer'])}</th><th>{_h(FIX_WORDS['report_state'])}</th></tr>"]
        for c in run.changes:
            state = _h(c.state) + (f"<br>{_h(c.undo)}" if c.undo else "")
            out.append(f"<tr><td>{_h(c.words or '—')}</td><td>{_h(c.request or '—')}</td>"
                       f"<td>{_h(c.answer or '—')}</td><td>{state}</td></tr>")
        out.append("</table>")
    return out


def render(workspace: Workspace, fmt: str, now: datetime | None = None, secrets=()) -> str:
    """``html`` or ``md`` text of the workspace's report (the PDF is printed from the HTML)."""
    report = build(workspace, now)
    if fmt == "md":
        return to_markdown(report, secrets)
    if fmt == "html":
        return to_html(report, secrets)
    raise ValueError(f"unknown report format {fmt!r}; use html, pdf or md")
