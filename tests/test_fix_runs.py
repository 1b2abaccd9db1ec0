"""The history of fix runs as the CLI and the window show it (exadesk.services.fixes.runs_of, to_undo, undo_preview,
run_state): newest first, what an undo reverses and in which order, and what it cannot reverse."""

from __future__ import annotations

from datetime import timedelta

from exadesk.foundation import clock
from exadesk.services import fixes
from exadesk.store.model import FixRun, Workspace


def _entry(words: str, undo: dict | None, *, undone: bool = False, no_undo: str = "") -> dict:
    return {"check": "t.c", "words": words, "request": {"method": "POST", "path": "/x", "params": [], "body": None},
            "answer": "HTTP 201", "at": clock.now().isoformat(), "undo": undo, "no_undo": no_undo,
            "undone_at": clock.now().isoformat() if undone else None}


def test_runs_newest_first_and_an_undo_preview_names_every_request_and_what_it_cannot_reverse():
    now = clock.now()
    delete = {"method": "DELETE", "path": "/x/1", "params": [["user", "exalate"]], "body": None}
    older = FixRun(id="r1", instance="i1", admin="a1", by="Dana", at=now - timedelta(hours=1),
                   changes=[_entry("First", delete, undone=True)])
    newer = FixRun(id="r2", instance="i1", admin="a1", by="Dana", at=now, changes=[
        _entry("Add to group", delete), _entry("Invite", None, no_undo="GitHub keeps no id"),
        _entry("Add to role", {"method": "DELETE", "path": "/x/2", "params": [], "body": None})])
    other = FixRun(id="r3", instance="i2", admin="a1", by="Dana", at=now, changes=[_entry("Elsewhere", delete)])
    ws = Workspace(name="Acme", fix_runs=[older, newer, other])

    assert [r.id for r in fixes.runs_of(ws, "i1")] == ["r2", "r1"]
    assert [e["words"] for e in fixes.to_undo(newer)] == ["Add to role", "Add to group"], "newest change first"
    assert fixes.to_undo(older) == [], "an undone change is not reversed twice"
    assert fixes.undo_preview(newer) == ["Add to role: Undo: DELETE /x/2",
                                         "Add to group: Undo: DELETE /x/1?user=exalate",
                                         "Invite: No undo: GitHub keeps no id"]
    assert (fixes.run_state(newer), fixes.run_state(older)) == ("applied", "undone")
    newer.changes[0]["undone_at"] = now.isoformat()
    assert fixes.run_state(newer) == "partly undone"
