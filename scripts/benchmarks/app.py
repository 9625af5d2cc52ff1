"""Benchmarks of the candidate app late in a long épreuve, each against its value early in the same run.

- **key press to painted frame**: one long practice session driven through the real app with keys
  (a search in the documentation tab, Enter): from the key press to the first frame painted after
  the action ran (the frame rendered to terminal bytes, as a terminal driver does), median of
  several presses around event 5,000 versus around event 50. The events in between are added
  through the engine (tool actions in the same contact) with the screen refreshed after each one
  and painted every 100, so the session, its journal and the screen are the ones a candidate has.
- **memory**: the process's resident set size (RSS, not tracemalloc) in the first contact (at event
  50, its screen and tools in use) versus at the end of a 5-hour épreuve whose events are spread
  over those hours.

Each pair is one session in a process of its own; the minimum and the median of the pairs' ratios
are reported.

The start-up measures (first frame, épreuve ready, ``--version``) are in ``startup.py``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import statistics
import subprocess
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
    return [
        UseTool(tool="documentation", op="search", args={"query": words[i % len(words)]})
        for i in range(n)
    ]


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
                renderable.render_segments(
                    app.console
                )  # headless skips it: a real terminal does not
                self.times.append(time.perf_counter())

        app._display = display

    def first_after(self, moment: float) -> float | None:
        return next((t for t in self.times if t > moment), None)


class _Probe:
    """The app on one long session, driven by keys (samples) and through the engine (filler events)."""

    def __init__(self, app: Any, pilot: Any, clock: Any, step: float) -> None:
        self.app, self.pilot, self.clock, self.step = app, pilot, clock, step
        self.frames = _Frames(app)
        self.performed: list[float] = []

    def timed(self, original: Any) -> Any:
        """``ConsoleScreen.perform`` noting when each action has run."""

        def perform(screen: Any, action: Any) -> Any:
            try:
                return original(screen, action)
            finally:
                self.performed.append(time.perf_counter())

        return perform

    async def press_search(self) -> float:
        """Enter in the search field; seconds from the key press to the frame that shows the result."""
        app, pilot = self.app, self.pilot
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("enter")  # the search runs: one engine action, one journal event
        await pilot.pause()
        if not self.performed or self.performed[-1] < start:
            raise RuntimeError("the key press did not run the search")
        painted = self.frames.first_after(self.performed[-1])
        if painted is None:
            raise RuntimeError("no frame was painted after the key press")
        while app.focused is None or app.focused.id != "arg-query":
            await pilot.press("shift+tab")
        return painted - start

    async def sample(self, samples: int) -> float:
        """The median of ``samples`` presses, after two that are not counted."""
        for _ in range(2):
            await self.press_search()
        return statistics.median([await self.press_search() for _ in range(samples)])

    async def fill_to(self, target: int) -> None:
        """Filler events up to ``target``, the screen refreshed after each and painted every 100."""
        session, screen = self.app.session, self.app.screen
        for index, action in enumerate(_filler(max(0, target - session.seq))):
            self.clock.advance(seconds=self.step)
            session.perform(action)
            screen.refresh_from_engine()
            if index % 100 == 99:
                await self.pilot.pause()


async def _measure(n_late: int, samples: int, hours: float) -> dict[str, Any]:
    """Key press → painted frame at event 50 and ``n_late``; RSS in the first contact and at the end."""
    from simulator.app.app import CallsimApp
    from simulator.app.screens.console import ConsoleScreen
    from simulator.app.seat import SeatRequest
    from simulator.app.widgets.tool_deck import ToolDeck
    from simulator.engine.bundle import load_bundle
    from simulator.engine.clock import ManualClock
    from simulator.journal.sqlite_store import SqliteJournalStore

    bundle = load_bundle(PRACTICE)
    long = bundle.epreuve.model_copy(update={"time_limit_minutes": int(hours * 60) + 10})
    clock = ManualClock(datetime(2026, 3, 2, 9, 0))
    original = ConsoleScreen.perform
    with tempfile.TemporaryDirectory() as scratch:
        store = SqliteJournalStore(Path(scratch) / "journal.sqlite3")
        app = CallsimApp(
            SeatRequest("C-BENCH", str(PRACTICE), 7, "fr"),
            store_factory=lambda: store,
            clock=clock,
            bundle=dataclasses.replace(bundle, epreuve=long),
        )
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                probe = _Probe(
                    app, pilot, clock, hours * 3600 / n_late
                )  # n_late events over the hours
                ConsoleScreen.perform = probe.timed(original)  # type: ignore[method-assign]
                await pilot.press(
                    *"C-BENCH", "enter", "f2", "enter"
                )  # sign in, take the first contact
                deck = app.screen.query_one(ToolDeck)
                while deck.active != "tool-documentation":
                    await pilot.press("f7")
                await pilot.press(*"colis")
                await probe.fill_to(50)
                early = await probe.sample(samples)
                first_contact_rss = (
                    _rss()
                )  # still in the first contact, its screen and tools in use
                await probe.fill_to(n_late)
                late = await probe.sample(samples)
                late_rss = _rss()
                events, elapsed = app.session.seq, app.session.timing.elapsed(clock.now())
                assert isinstance(app.screen, ConsoleScreen) and app.session.finished is None
        finally:
            ConsoleScreen.perform = original  # type: ignore[method-assign]
            store.close()
    return {
        "early": early,
        "late": late,
        "rss": (first_contact_rss, late_rss),
        "events": events,
        "hours": elapsed / 3600,
    }


def one_session(n: int, samples: int, hours: float) -> dict[str, Any]:
    """One long session measured (run in a process of its own by ``bench_long_session``)."""
    return asyncio.run(_measure(n, samples, hours))


_CHILD = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); from scripts.benchmarks.app import one_session; "
    "print(json.dumps(one_session(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))))"
)


def bench_long_session(
    n: int = 5000, pairs: int = 5, samples: int = 9, hours: float = 5.0
) -> list[dict[str, Any]]:
    """Key press to painted frame at event ``n`` against event 50, and RSS over ``hours`` hours.

    Each pair is one session in a fresh process (early, then late, measured in the same session).
    """
    runs = []
    for _ in range(pairs):
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(ROOT), str(n), str(samples), str(hours)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=1800,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the long session failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    latency = [r["late"] / r["early"] for r in runs]
    memory = [r["rss"][1] / r["rss"][0] for r in runs]
    last = runs[-1]
    return [
        {
            "name": f"key press to painted frame at event {n} vs at event 50",
            "target": 1.1,
            "ours_s": statistics.median(r["late"] for r in runs),
            "baseline_s": statistics.median(r["early"] for r in runs),
            "ratio": statistics.median(latency),
            "ratio_min": min(latency),
            "pairs": pairs,
            "notes": f"each pair one session: median of {samples} presses at event 50, then at event {n}; the screen "
            f"refreshed after every event",
        },
        {
            "name": f"RSS after a {last['hours']:.1f}-hour épreuve ({last['events']} events) vs in the first contact (MB)",
            "ours_s": statistics.median(r["rss"][1] for r in runs) / 1e6,
            "baseline_s": statistics.median(r["rss"][0] for r in runs) / 1e6,
            "ratio": statistics.median(memory),
            "ratio_min": min(memory),
            "pairs": pairs,
            "target": 1.1,
            "notes": "RSS from /proc/self/statm after a garbage collection; the first measure once the first contact's "
            "tools are in use (event 50)",
        },
    ]


if __name__ == "__main__":
    os.chdir(ROOT)
    print(json.dumps(bench_long_session(int(sys.argv[1]) if len(sys.argv) > 1 else 5000), indent=2))
