"""scripts/fix_table.py (issue 21): docs/fixes.md is current, and no tracker leaves a requirement undecided.

The script is loaded from its file, as tests/ui/test_words.py loads scripts/update_translations.py.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

from exadesk.verification import registry
from exadesk.verification.changes import Fix
from exadesk.verification.spec import Requirement, TrackerSpec

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fix_table.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("fix_table", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up while the class is made
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_docs_fixes_md_is_current(script):
    assert script.DOC.read_text(encoding="utf-8") == script.render(), \
        "docs/fixes.md is out of date: run .venv/bin/python scripts/fix_table.py"


def test_every_requirement_is_fixed_manual_or_has_a_declared_reason(script):
    undecided = [f"{r.tracker}.{r.key}" for r in script.rows() if r.decision == script.UNDECIDED]
    assert not undecided, ("each needs a Fix in its tracker's FIXES, manual=True, or its reason in the tracker's "
                           f"NOT_FIXABLE: {undecided}")


def test_every_declared_reason_decides_a_requirement(script):
    """A reason left behind for a requirement now fixed, manual or gone would hide nothing, but mislead."""
    assert not script.stale_reasons()


def test_every_tracker_and_each_of_its_requirements_has_a_row(script):
    found = {(r.tracker, r.key) for r in script.rows()}
    expected = {(t.id, req.key) for t in registry.all_trackers()
                for req in (*t.spec.requirements, *t.spec.admin_requirements.values())}
    assert found == expected
    text = script.render()
    assert all(f"(`{t.id}`)" in text for t in registry.all_trackers())


@pytest.fixture
def throwaway():
    """A tracker with one requirement of each kind, registered for the test only."""
    fix = Fix(("granted",), lambda ctx, key: [], "the Admin role", "https://example.com/api#grant-role")
    module = types.SimpleNamespace(FIXES=(fix,), NOT_FIXABLE={"reasoned": "only a person may decide it."})
    requirements = (Requirement("granted", "Granted by a fix", "x"), Requirement("by_hand", "Shown by no API", "x",
                                                                                 manual=True),
                    Requirement("reasoned", "No API grants it", "x"), Requirement("forgotten", "Nobody decided", "x"))
    spec = TrackerSpec("throwaway_ft", "Throwaway", "https://example.com", None, (), requirements, None,
                       admin_requirements={"system_admin": Requirement("admin.forgotten", "Admin undecided", "x")},
                       catalogue_order=10**6)
    registry.register(spec, module)
    yield spec
    registry.unregister("throwaway_ft")


def test_a_requirement_nobody_decided_is_reported_and_fails_the_check(script, throwaway):
    rows = {r.key: r for r in script.rows() if r.tracker == "throwaway_ft"}
    assert {k: r.decision for k, r in rows.items()} == {
        "granted": script.FIXED, "by_hand": script.MANUAL, "reasoned": script.NOT_FIXABLE,
        "forgotten": script.UNDECIDED, "admin.forgotten": script.UNDECIDED}
    assert rows["admin.forgotten"].side == script.ADMIN and rows["granted"].side == script.PROXY
    text = script.render()
    assert "fixed by ExaDesk: [grant-role](https://example.com/api#grant-role); the administrator needs the Admin role" \
        in text
    assert "manual (no API can show it)" in text and "not fixable through the API: only a person may decide it." in text
    assert "| Nobody decided | `forgotten` | proxy user | **undecided**" in text
    assert "Throwaway: 5 requirements, 1 fixed, 1 manual, 1 not fixable, 2 undecided" in script.summary()
    assert script.main(["--check"]) == 1  # docs/fixes.md does not list the throwaway tracker


def test_a_reason_for_a_fixed_requirement_is_stale(script, throwaway):
    module = registry.get("throwaway_ft").module
    module.NOT_FIXABLE = {**module.NOT_FIXABLE, "granted": "left over.", "gone": "no such requirement."}
    assert script.stale_reasons() == ["throwaway_ft.granted", "throwaway_ft.gone"]


def test_a_request_is_named_by_its_anchor_or_its_last_path_segments(script):
    assert script.request_name("https://developer.zendesk.com/api-reference/users/#update-user") == "update-user"
    assert script.request_name("https://learn.microsoft.com/rest/api/azure/devops/graph/memberships/add?view=7.1") \
        == "memberships/add"
    assert script.request_name("https://www.servicenow.com/docs/r/api-reference/rest-apis/c_TableAPI.html") \
        == "rest-apis/c_TableAPI"


def test_check_passes_on_the_current_file_and_prints_the_counts(script, capsys):
    assert script.main(["--check"]) == 0
    out = capsys.readouterr().out
    assert "All trackers:" in out and "docs/fixes.md is current" in out
