"""Shared set-up for the candidate app's Pilot tests: a practice or exam app on a memory store."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import datetime
from functools import cache
from pathlib import Path

from simulator.app.app import CallsimApp, create_app
from simulator.app.seat import SeatRequest
from simulator.engine.bundle import Bundle, load_bundle
from simulator.engine.clock import ManualClock
from simulator.journal.memory_store import MemoryJournalStore

ROOT = Path(__file__).resolve().parents[2]
PRACTICE = ROOT / "scenarios" / "epreuves" / "practice.yaml"
INVIGILATOR = "4711"


def make_app(
    *,
    mode: str = "practice",
    lang: str = "fr",
    store: MemoryJournalStore | None = None,
    clock: ManualClock | None = None,
    candidate: str = "",
) -> CallsimApp:
    """The real app class on the practice épreuve (switched to exam mode when asked)."""
    bundle = practice_bundle()
    if mode != bundle.epreuve.mode:
        bundle = dataclasses.replace(
            bundle, epreuve=bundle.epreuve.model_copy(update={"mode": mode})
        )
    store = store if store is not None else MemoryJournalStore()
    return create_app(
        SeatRequest(candidate, str(PRACTICE), 7, lang),
        store_factory=lambda: store,
        clock=clock or ManualClock(datetime(2026, 3, 2, 9, 0)),
        invigilator_code=INVIGILATOR,
        bundle=bundle,
    )


def screen_text(app: CallsimApp) -> str:
    """Everything the current screen shows, as plain text (the SVG screenshot without its markup)."""
    svg = app.export_screenshot()
    return html.unescape(
        "".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.DOTALL))
    ).replace("\xa0", " ")


@cache
def practice_bundle() -> Bundle:
    return load_bundle(PRACTICE)
