"""The assessors' rules and their command line run without the terminal UI: no module of them imports textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODULES = [
    "scoring.assessment",
    "scoring.assessment.desk",
    "scoring.assessment.audit_store",
    "scoring.assessment.audit_verify",
    "scoring.assessment.folding",
    "simulator.cli.assessor_cmd",
    "simulator.cli.assessor_views",
]


def test_the_desk_and_its_commands_never_pull_in_textual():
    code = (
        f"import importlib, sys\nfor name in {MODULES!r}: importlib.import_module(name)\n"
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
