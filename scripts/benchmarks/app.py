"""Benchmarks of the candidate app late in a long épreuve, each against its value early in the same run.

- **key press to painted frame**: one long practice session driven through the real app with keys
  (a search in the documentation tab, Enter): from the key press to the first frame painted after
  the action ran (the frame rendered to terminal bytes, as a terminal driver does), median of
  several presses around event 5,000 versus around event 50. The events in between are added
  through the engine (tool actions in the same contact) with the screen refreshed after each one
  and painted every 100, so the session, its journal and the screen are the ones a candidate has.
- **memory**: the process's resident set size (RSS, not tracemalloc) at the first contact versus at
  the end of a 5-hour épreuve whose events are spread over those hours.

The start-up measures (first frame, épreuve ready, ``--version``) are in ``startup.py``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PRACTICE = ROOT / "scenarios" / "epreuves" / "practice.yaml"

# -- one long session through the app ---------------------------------------------------------------


def _filler(n: int) -> list[Any]:
    """Tool actions that each add one event to the contact in progress (searches and reads)."""
    from simulator.engine.actions import UseTool

    words = ["livraison", "colis", "remboursement", "adresse", "commande", "retour"]
    return [UseTool(tool="documentation", op="search", args={"query": words[i % len(words)]}) for i in range(n)]


def _rss() -> int:
    """The process's resident set size in bytes (``/proc/self/statm``), after a garbage collection."""
    import gc

    gc.collect()
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class _Frames:
    """Each frame the app paints, rendered to terminal bytes as a terminal's driver would, timed."""

    def __init__(self, app: Any) -> None:
        from textual._compositor import CompositorUpdate

        self.times: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # headless skips it: a real terminal does not
                self.times.append(time.perf_counter())

        app._display = display

    def first_after(self, moment: float) -> float | None:
        return next((t for t in self.times if t > moment), None)


async def _measure(n_late: int, samples: int, hours: float) -> dict[str, Any]:
    """Key press → painted frame at event 50 and ``n_late``; RSS at the first contact and at the end."""
    from simulator.app.app import CallsimApp
    from simulator.app.screens.console import ConsoleScreen
    from simulator.app.seat import SeatRequest
    from simulator.app.widgets.tool_deck import ToolDeck
    from simulator.engine.bundle import load_bundle
    from simulator.engine.clock import ManualClock
    from simulator.journal.sqlite_store import SqliteJournalStore

    bundle = load_bundle(PRACTICE)
    long = bundle.epreuve.model_copy(update={"time_limit_minutes": int(hours * 60) + 10})
    bundle = dataclasses.replace(bundle, epreuve=long)
    clock = ManualClock(datetime(2026, 3, 2, 9, 0))
    step = hours * 3600 / n_late  # the filler spreads the n_late events over the épreuve's hours
    original = ConsoleScreen.perform
    with tempfile.TemporaryDirectory() as scratch:
        store = SqliteJournalStore(Path(scratch) / "journal.sqlite3")
        app = CallsimApp(SeatRequest("C-BENCH", str(PRACTICE), 7, "fr"), store_factory=lambda: store, clock=clock,
                         bundle=bundle)
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                frames = _Frames(app)
                performed: list[float] = []

                def timed(screen: ConsoleScreen, action: Any) -> Any:
                    try:
                        return original(screen, action)
                    finally:
                        performed.append(time.perf_counter())
                ConsoleScreen.perform = timed  # type: ignore[method-assign]
                await pilot.press(*"C-BENCH", "enter", "f2", "enter")  # sign in, take the first contact
                await pilot.pause()
                first_contact_rss = _rss()
                deck = app.screen.query_one(ToolDeck)
                while deck.active != "tool-documentation":
                    await pilot.press("f7")
                await pilot.press(*"colis")

                async def sample() -> float:
                    latencies = []
                    for _ in range(samples):
                        await pilot.pause()
                        start = time.perf_counter()
                        await pilot.press("enter")  # the search runs: one engine action, one journal event
                        await pilot.pause()
                        if not performed or performed[-1] < start:
                            raise RuntimeError("the key press did not run the search")
                        painted = frames.first_after(performed[-1])  # the frame that shows the result
                        if painted is None:
                            raise RuntimeError("no frame was painted after the key press")
                        latencies.append(painted - start)
                        while app.focused is None or app.focused.id != "arg-query":
                            await pilot.press("shift+tab")
                    return statistics.median(latencies)

                async def fill_to(target: int) -> None:
                    session, screen = app.session, app.screen
                    for index, action in enumerate(_filler(max(0, target - session.seq))):
                        clock.advance(seconds=step)
                        session.perform(action)
                        screen.refresh_from_engine()  # the screen follows every event, as in the app
                        if index % 100 == 99:
                            await pilot.pause()  # and paints

                await fill_to(50)
                early = await sample()
                await fill_to(n_late)
                late = await sample()
                late_rss = _rss()
                events, elapsed = app.session.seq, app.session.timing.elapsed(clock.now())
                assert isinstance(app.screen, ConsoleScreen) and app.session.finished is None
        finally:
            ConsoleScreen.perform = original  # type: ignore[method-assign]
            store.close()
    return {"early": early, "late": late, "rss": (first_contact_rss, late_rss), "events": events,
            "hours": elapsed / 3600}


def bench_long_session(n: int = 5000, samples: int = 9, hours: float = 5.0) -> list[dict[str, Any]]:
    """Key press to painted frame at event ``n`` against event 50, and RSS over ``hours`` hours."""
    measured = asyncio.run(_measure(n, samples, hours))
    first, last = measured["rss"]
    return [
        {"name": f"key press to painted frame at event {n} vs at event 50", "ours_s": measured["late"],
         "baseline_s": measured["early"], "ratio": measured["late"] / measured["early"], "target": 1.1,
         "notes": f"median of {samples} presses each; the screen refreshed after every one of the {n} events"},
        {"name": f"RSS after a {measured['hours']:.1f}-hour épreuve ({measured['events']} events) vs at the first "
                 "contact (MB)", "ours_s": last / 1e6, "baseline_s": first / 1e6, "ratio": last / first,
         "target": 1.1},
    ]


if __name__ == "__main__":
    import json

    os.chdir(ROOT)
    print(json.dumps(bench_long_session(int(sys.argv[1]) if len(sys.argv) > 1 else 5000), indent=2))
