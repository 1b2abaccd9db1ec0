"""Tests mirror the package: every module under exadesk/ has a test module at the mirrored path.

``exadesk/a/b.py`` is tested in ``tests/a/test_b.py``; a package's ``__init__.py`` is the module named by the
package, so ``exadesk/a/__init__.py`` (``exadesk.a``) is tested in ``tests/test_a.py``. Run this file as a script
(``python -m tests.test_layout``) to list the modules without a mirrored test module.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "exadesk"
TESTS = ROOT / "tests"

#: Modules with truly nothing to test: a package's ``__init__`` holding only its docstring.
NOTHING_TO_TEST = {
    "exadesk/commands/__init__.py",  # the docstring of the sub-commands' package
    "exadesk/ui/__init__.py",  # the docstring of the window's package
    "exadesk/foundation/__init__.py",  # the docstrings of the layer packages
    "exadesk/store/__init__.py",
    "exadesk/verification/__init__.py",
    "exadesk/services/__init__.py",
    "exadesk/trackers/__init__.py",  # the docstring of the tracker modules' package
}


def mirrored_test(module: Path) -> Path:
    """The test module that mirrors ``module`` (a path under exadesk/)."""
    relative = module.relative_to(PACKAGE)
    if relative.name == "__init__.py":
        relative = relative.parent.parent / f"{relative.parent.name or PACKAGE.name}.py"
    return TESTS / relative.parent / f"test_{relative.name}"


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def unmirrored() -> list[str]:
    """Every module under exadesk/ (as a path from the repository root) without its mirrored test module."""
    return [p.relative_to(ROOT).as_posix() for p in modules() if not mirrored_test(p).exists()]


def test_the_mirror_of_a_module_and_of_a_package():
    assert mirrored_test(PACKAGE / "ui" / "sidebar.py") == TESTS / "ui" / "test_sidebar.py"
    assert mirrored_test(PACKAGE / "ui" / "pages" / "__init__.py") == TESTS / "ui" / "test_pages.py"
    assert mirrored_test(PACKAGE / "__init__.py") == TESTS / "test_exadesk.py"


def test_every_module_has_its_mirrored_test_module():
    missing = sorted(set(unmirrored()) - NOTHING_TO_TEST)
    assert not missing, "no test module at the mirrored path (tests/…/test_<module>.py) for:\n" + "\n".join(
        f"  {m} -> {mirrored_test(ROOT / m).relative_to(ROOT)}" for m in missing)


def test_what_has_nothing_to_test_holds_only_a_docstring():
    for name in sorted(NOTHING_TO_TEST):
        body = ast.parse((ROOT / name).read_text(encoding="utf-8")).body
        code = [node for node in body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
        assert not code, f"{name} has code: give it tests/…/{mirrored_test(ROOT / name).name}"


if __name__ == "__main__":
    print("\n".join(unmirrored()))


#: Past this many lines a module is hard to hold in one's head: split it along a seam (issue 17).
MAX_MODULE_LINES = 600


def test_no_module_is_over_600_lines():
    long = {str(m.relative_to(ROOT)): n for m in PACKAGE.rglob("*.py")
            if (n := len(m.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these modules (over {MAX_MODULE_LINES} lines): {long}"


def test_no_function_is_rated_e_or_worse_by_radon():
    """Cyclomatic complexity 31 or more (radon's E and F) means a function no reviewer can follow in one reading."""
    from radon.complexity import cc_rank, cc_visit

    def functions(blocks):
        for block in blocks:  # radon lists methods beside their class; a function's closures are inside it
            if not hasattr(block, "methods"):
                yield block
                yield from functions(block.closures)

    worst = [f"{m.relative_to(ROOT)}:{block.lineno} {block.name} ({block.complexity})"
             for m in PACKAGE.rglob("*.py") for block in functions(cc_visit(m.read_text(encoding="utf-8")))
             if cc_rank(block.complexity) in ("E", "F")]
    assert not worst, "reshape these functions: " + ", ".join(worst)
