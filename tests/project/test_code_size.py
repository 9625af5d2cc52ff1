"""Small modules with one job: no module of ``simulator`` or ``scoring`` over 400 lines, no function over 60.

Read with ``ast`` from the source files, so a long function is found wherever it hides (a method,
a nested helper). A function's length runs from its ``def`` (decorators included) to its last line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("simulator", "scoring")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def _too_long_functions(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{path.relative_to(root)}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_the_packages_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in _modules()}
    assert "simulator/engine/contact.py" in names and "scoring/grille.py" in names


@pytest.mark.parametrize("limit", [MAX_MODULE_LINES])
def test_no_module_is_over_the_limit(limit: int) -> None:
    long_modules = [
        f"{p.relative_to(ROOT)} ({n} lines)"
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > limit
    ]
    assert long_modules == [], f"split these modules (at most {limit} lines each)"


def test_no_function_is_over_the_limit() -> None:
    long_functions = [f for p in _modules() for f in _too_long_functions(p)]
    assert long_functions == [], f"split these functions (at most {MAX_FUNCTION_LINES} lines each)"


def test_the_measure_sees_a_long_method_inside_a_class(tmp_path: Path) -> None:
    body = "\n".join(f"        x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    sample = tmp_path / "sample.py"
    sample.write_text(f"class A:\n    @staticmethod\n    def long():\n{body}\n", encoding="utf-8")
    assert [f.split()[1] for f in _too_long_functions(sample, tmp_path)] == ["long"]
