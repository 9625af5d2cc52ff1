#!/usr/bin/env python3
"""Render the candidate app's main screens as SVG for the README (deterministic: manual clock, seed 7).

Usage: python scripts/screenshots.py [--out docs/screenshots] [--size 120x40 …] [--lang fr|nl|en] [--only NAME…]

Each screen is the real app (the same factory as ``callsim practice``) on the practice épreuve,
played up to the wanted moment by the ideal candidate and brought on screen with keys; the same
states are the snapshot tests' (``tests/app/screen_states.py``). Same inputs, same files.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.app.screen_states import SIZES, STATES, app_for, steady  # noqa: E402 — after the path is set


async def render(state: str, size: tuple[int, int], lang: str) -> str:
    """The SVG of ``state`` at ``size``."""
    app, routine = app_for(state, lang)
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        if routine is not None:
            await routine(pilot)
        await steady(pilot)
        return app.export_screenshot(title=f"callsim — {state}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the SVG files"
    )
    parser.add_argument(
        "--size", nargs="*", choices=sorted(SIZES), default=sorted(SIZES), help="terminal sizes"
    )
    parser.add_argument(
        "--lang", choices=("fr", "nl", "en"), default="fr", help="interface language (default: fr)"
    )
    parser.add_argument(
        "--only", nargs="*", choices=sorted(STATES), help="render only these screens"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for state in args.only or STATES:
        for size in args.size:
            suffix = "" if args.lang == "fr" else f"-{args.lang}"
            target = args.out / f"{state}-{size}{suffix}.svg"
            target.write_text(asyncio.run(render(state, SIZES[size], args.lang)), encoding="utf-8")
            print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
