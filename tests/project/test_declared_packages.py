"""Every package of the two top-level packages is declared to setuptools, so the wheel carries it:
a package left out installs nothing and the installed command fails on its first import."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("simulator", "scoring")
        for init in (ROOT / top).rglob("__init__.py")
    }
    # the trainers' library is package data, mapped from scenarios/ (package-dir)
    assert sorted(found - declared) == []
