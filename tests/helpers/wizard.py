"""Driving the set-up wizard like a person would: open it, fill its steps from an emulator's demo answers, run it."""

from __future__ import annotations

from exadesk.services.wizard_flow import WizardFlow, WizardStep

RESULTS = 5  # page id of the results step


def demo_answers(emulator) -> dict:
    """What a person would type for this emulator's demo account (the sandbox's own answers)."""
    from exadesk.cli import build_parser
    from exadesk.commands.check import build_target

    args = build_parser().parse_args(["check", emulator.tracker, "--url", emulator.url, *emulator.demo_args])
    target = build_target(args)
    assert not isinstance(target, str), target
    return {"method": target.auth_method, "values": dict(target.values), "secrets": dict(emulator.demo_secrets),
            "scope": list(target.scope), "sync": set(target.sync)}


def open_wizard(window, tracker: str):
    wizard = window.start_wizard(tracker, WizardFlow(tracker=tracker))
    assert wizard is not None and wizard.isVisible()
    return wizard


def fill_wizard(qtbot, wizard, url: str, answers: dict) -> None:
    """Steps 1-4 through the widgets: method, walkthrough, address and credential, sync."""
    page = wizard.currentPage()
    assert wizard.flow.step is WizardStep.METHOD
    page.buttons[answers["method"]].click()
    wizard.next()
    assert wizard.flow.step is WizardStep.WALKTHROUGH
    wizard.currentPage().url_row.input.setText(url)
    wizard.next()
    page = wizard.currentPage()
    assert wizard.flow.step is WizardStep.CREDENTIALS
    for name, value in answers["values"].items():
        page.rows[name].input.setText(value)
    for name, value in answers["secrets"].items():
        if name in page.rows:
            qtbot.keyClicks(page.rows[name].input.edit, value)
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled(), [r.hint.text() for r in page.rows.values()]
    wizard.next()
    page = wizard.currentPage()
    assert wizard.flow.step is WizardStep.SYNC
    for option in answers["sync"]:
        page.boxes[option].setChecked(True)
    page.scope_row.input.setText(", ".join(answers["scope"]))


def run_verification(qtbot, wizard, timeout: int = 20000) -> None:
    wizard.next()
    assert wizard.flow.step is WizardStep.VERIFY
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=timeout)


def shown_rows(page) -> list[tuple[str, str, str]]:
    model = page.table.model()
    return [(model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 3).data())
            for r in range(model.rowCount())]
