"""The README's Quick start is exactly two command lines, and CI runs the second one verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quick_start_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.S)
    assert block, "the Quick start must be a fenced block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_two_lines_install_and_launch_then_test():
    first, second = quick_start_lines()
    assert "pip install" in first and "practice" in first
    assert "pip install" in second and '".[test]"' in second and "pytest" in second


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_lines()[1] in ci.splitlines()
    assert "set -euo pipefail" in ci


def test_the_readme_begins_with_the_quick_start():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[0] == "Quick start"


def test_no_lock_file_recording_download_urls():
    assert not (ROOT / "uv.lock").exists()
