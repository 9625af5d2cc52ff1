"""Broken or changed copies of a scenario file for tests: each (old, new) replaced exactly once."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "scenario" / "corpus" / "valid-minimal.yaml"


def variant(
    tmp_path: Path, *changes: tuple[str, str], source: Path = VALID, name: str = "cas.yaml"
) -> Path:
    """``source`` with each (old, new) replaced exactly once, written to ``tmp_path/name``."""
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
