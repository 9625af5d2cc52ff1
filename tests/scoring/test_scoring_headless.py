"""Scoring is headless and pure: it never imports textual, nor reads the clock or the global random generator."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import scoring
from tests.scoring.scoring_support import REPO

SCORING = Path(scoring.__file__).resolve().parent


def _modules() -> list[str]:
    # the prefix makes walk_packages import "scoring.exports", never a same-named folder elsewhere on sys.path
    return ["scoring"] + [
        m.name
        for m in pkgutil.walk_packages([str(SCORING)], prefix="scoring.")
        if not m.name.rsplit(".", 1)[-1].startswith("_")
    ]


def test_no_scoring_module_nor_the_policies_pull_in_textual():
    commands = [
        f"simulator.cli.{name}"
        for name in (
            "simulate_cmd",
            "score_cmd",
            "rescore_cmd",
            "report_cmd",
            "scoring_common",
            "store_option",
        )
    ]
    modules = _modules() + ["simulator.policies.registry", *commands]
    code = (
        f"import importlib, sys\nfor name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('textual'))\nassert not bad, bad"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(modules) > 15
    assert {"scoring.assessment.desk", "scoring.exports.xapi"} <= set(modules)


def test_scoring_never_reads_the_clock_nor_the_global_random_generator():
    forbidden = {("datetime", "now"), ("datetime", "today"), ("time", "time"), ("date", "today")}
    for path in SCORING.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert "random" not in names, f"{path.name} imports random"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                assert (node.value.id, node.attr) not in forbidden, (
                    f"{path.name}: {node.value.id}.{node.attr}"
                )


def test_every_scoring_module_starts_with_a_docstring():
    for path in SCORING.rglob("*.py"):
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path
