"""The load test's short form: browser seats (one contact each) and headless SQLite sessions at once, nothing lost or duplicated.

The latency ratio is a figure of the report (``p95_ratio``), not asserted here: performance targets
are ratios the script checks (exit code), never timed assertions in tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.services import chromium_present, need

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_short_load_test_loses_nothing(pg_url: str, tmp_path: Path) -> None:
    need(chromium_present(), "Chromium (/usr/bin/chromium)")
    figures_file = tmp_path / "figures.json"
    done = subprocess.run(
        [
            sys.executable,
            "scripts/loadtest.py",
            "--seats",
            "2",
            "--rounds",
            "1",
            "--sqlite-sessions",
            "5",
            "--think",
            "0.1-0.3",
            "--ramp",
            "1",
            "--store",
            pg_url,
            "--output",
            str(figures_file),
        ],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert figures_file.is_file(), done.stderr[-2000:]
    figures = json.loads(figures_file.read_text())
    assert figures["actions_all_seats"] >= 2 * 3 and figures["actions_one_seat"] >= 3
    assert figures["contacts_closed_one_seat"] == 1 and figures["contacts_closed_all_seats"] == 2
    assert figures["journals_broken"] == figures["acknowledged_lost"] == figures["duplicated"] == 0
    assert figures["stored_not_shown"] == 0
    assert (
        figures["sqlite_failed"]
        == figures["sqlite_locked_messages"]
        == figures["sqlite_journals_broken"]
        == 0
    )
    assert figures["sqlite_journals"] == 5
    assert figures["p95_one_seat_ms"] > 0 and figures["p95_ratio"] is not None
