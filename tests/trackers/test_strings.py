"""Every sentence an adapter writes comes from its tracker's TEXTS table, keyed, with matching placeholders."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from exadesk.foundation import strings
from exadesk.verification import registry


def _sources(module) -> list[str]:
    """The tracker module's source, its own private helper modules' beside it (``_<tracker id>_*.py``) and the
    shared tracker modules it uses (trackers._jira writes the sentences both Jira flavours share; their tables
    include its TEXTS)."""
    path = Path(inspect.getsourcefile(module))
    files = [path, *sorted(path.parent.glob(f"_{path.stem}_*.py"))]
    files += [Path(inspect.getsourcefile(m)) for m in vars(module).values()
              if inspect.ismodule(m) and m.__name__.startswith("exadesk.trackers._")]
    return [f.read_text(encoding="utf-8") for f in dict.fromkeys(files)]


def _say_calls(module) -> list[ast.Call]:
    """``ctx.say("key", ...)``, and a module's own ``_say("key", ...)`` where no check context is at hand."""
    return [node for source in _sources(module) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
            and ((isinstance(node.func, ast.Attribute) and node.func.attr == "say")
                 or (isinstance(node.func, ast.Name) and node.func.id == "_say"))]


def _keyed_trackers():
    """Every tracker: each writes its sentences from its TEXTS table."""
    return registry.all_trackers()


@pytest.mark.parametrize("tracker", _keyed_trackers(), ids=lambda t: t.spec.id)
def test_every_key_said_exists_with_the_placeholders_given(tracker):
    texts = tracker.spec.texts
    assert texts, f"{tracker.spec.id} declares no TEXTS"
    calls = _say_calls(tracker.module)
    assert calls
    for call in calls:
        key = call.args[0].value
        assert key in texts, f"{tracker.spec.id}: say({key!r}) has no entry in TEXTS"
        given = {kw.arg for kw in call.keywords}
        assert given == strings.placeholders(texts[key]), f"{tracker.spec.id}: say({key!r}) fills {sorted(given)}"


@pytest.mark.parametrize("tracker", _keyed_trackers(), ids=lambda t: t.spec.id)
def test_every_text_is_used(tracker):
    used = {call.args[0].value for call in _say_calls(tracker.module)}
    assert not set(tracker.spec.texts) - used, f"{tracker.spec.id}: unused TEXTS keys"


def test_the_translator_hook_reaches_every_keyed_sentence():
    seen = []
    strings.set_translator(lambda context, text: seen.append(context) or f"[{text}]")
    try:
        assert strings.say({"greet": "Hello {name}"}, "asana", "greet", name="Ann") == "[Hello Ann]"
    finally:
        strings.set_translator(None)
    assert seen == ["asana"]
    assert strings.say({"greet": "Hello {name}"}, "asana", "greet", name="Ann") == "Hello Ann"
