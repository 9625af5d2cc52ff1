"""Benchmarks of the candidate app, each against a baseline measured in the same run.

- **first screen**: from starting a Python process to its first screen painted (the first refresh
  after the screen is up, the same signal for both), for the real app
  (``create_app`` on the practice épreuve, as ``callsim practice``) versus a bare Textual app with
  one text and a footer. The épreuve is checked and loaded in the background after that screen.
- **action latency**: one long practice session driven through the real app with keys (a search in
  the documentation tab, Enter): the median time of that action around event 5,000 versus around
  event 50. The events in between are added through the engine (repeated tool actions in the same
  contact), so the session, its journal and the screen are the same ones throughout.
- **memory**: memory held by the process (tracemalloc) with the app on that session after 5,000
  events versus after 50.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PRACTICE = ROOT / "scenarios" / "epreuves" / "practice.yaml"

_BARE = """
import os
from textual.app import App
from textual.widgets import Footer, Static

def painted():
    print("READY", flush=True)
    os._exit(0)

class Bare(App):
    def compose(self):
        yield Static("callsim")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(painted)  # right after the first frame

Bare().run(headless=True, size=(120, 40))
"""

_OURS = """
import os, sys, tempfile
from pathlib import Path
sys.path.insert(0, {root!r})
from simulator.app.app import create_app
from simulator.app.screens.signin import SignInScreen
from simulator.app.seat import SeatRequest
from simulator.system_clock import SystemClock

def painted():
    print("READY", flush=True)
    os._exit(0)

shown = SignInScreen.on_mount

def on_mount(screen):
    screen.call_after_refresh(painted)  # right after the sign-in screen's first frame
    shown(screen)

SignInScreen.on_mount = on_mount
store = Path(tempfile.mkdtemp()) / "s.sqlite3"
app = create_app(SeatRequest("", {epreuve!r}, None, "fr", store), clock=SystemClock())
app.run(headless=True, size=(120, 40))
"""


def _time_to_ready(code: str) -> float:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if "READY" not in line:
        raise RuntimeError(f"the app did not show its first screen: {line!r}")
    return elapsed


def bench_first_screen(rounds: int = 5) -> dict[str, Any]:
    """Best of ``rounds`` starts of each, interleaved (the machine's noise hits both alike)."""
    ours_code = _OURS.format(root=str(ROOT), epreuve=str(PRACTICE))
    ours, bare = [], []
    _time_to_ready(_BARE)  # warm the file cache for both
    _time_to_ready(ours_code)
    for _ in range(rounds):
        bare.append(_time_to_ready(_BARE))
        ours.append(_time_to_ready(ours_code))
    best_ours, best_bare = min(ours), min(bare)
    return {"name": "first screen: callsim practice vs a bare Textual app", "ours_s": best_ours,
            "baseline_s": best_bare, "ratio": best_ours / best_bare, "target": 1.2}


# -- one long session through the app ---------------------------------------------------------------


def _filler(n: int) -> list[Any]:
    """Tool actions that each add one event to the contact in progress (searches and reads)."""
    from simulator.engine.actions import UseTool

    words = ["livraison", "colis", "remboursement", "adresse", "commande", "retour"]
    return [UseTool(tool="documentation", op="search", args={"query": words[i % len(words)]}) for i in range(n)]


async def _measure(n_late: int, samples: int) -> dict[str, Any]:
    from simulator.app.app import CallsimApp
    from simulator.app.screens.console import ConsoleScreen
    from simulator.app.seat import SeatRequest
    from simulator.app.widgets.tool_deck import ToolDeck
    from simulator.engine.bundle import load_bundle
    from simulator.engine.clock import ManualClock
    from simulator.journal.sqlite_store import SqliteJournalStore

    bundle = load_bundle(PRACTICE)
    clock = ManualClock(datetime(2026, 3, 2, 9, 0))
    tracemalloc.start()
    with tempfile.TemporaryDirectory() as scratch:
        store = SqliteJournalStore(Path(scratch) / "journal.sqlite3")
        app = CallsimApp(SeatRequest("C-BENCH", str(PRACTICE), 7, "fr"), store_factory=lambda: store, clock=clock,
                         bundle=bundle)
        perform_times: list[float] = []
        original = ConsoleScreen.perform

        def timed(screen: ConsoleScreen, action: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(screen, action)
            finally:
                perform_times.append(time.perf_counter() - start)
        ConsoleScreen.perform = timed  # type: ignore[method-assign]
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.press(*"C-BENCH", "enter", "f2")
                deck = app.screen.query_one(ToolDeck)
                await pilot.press("f7")
                while deck.active != "tool-documentation":
                    await pilot.press("f7")
                await pilot.press(*"colis")

                async def sample() -> tuple[float, float]:
                    presses, performs = [], []
                    for _ in range(samples):
                        start = time.perf_counter()
                        await pilot.press("enter")  # the search runs: one engine action, one journal event
                        presses.append(time.perf_counter() - start)
                        performs.append(perform_times[-1])
                        await pilot.press("shift+tab", "shift+tab")  # back to the search field (table → … → query)
                        while app.focused is None or app.focused.id != "arg-query":
                            await pilot.press("shift+tab")
                    return statistics.median(presses), statistics.median(performs)

                def fill_to(target: int) -> None:
                    session = app.session
                    for action in _filler(max(0, target - session.seq)):
                        clock.advance(seconds=0.25)  # 5,000 actions stay well inside the 45 minutes
                        session.perform(action)
                    app.screen.refresh_from_engine()

                fill_to(50)
                await pilot.pause()
                early_press, early_perform = await sample()
                early_memory = _memory()
                fill_to(n_late)
                await pilot.pause()
                late_press, late_perform = await sample()
                late_memory = _memory()
                events = app.session.seq
        finally:
            ConsoleScreen.perform = original  # type: ignore[method-assign]
            tracemalloc.stop()
            store.close()
    return {"early": (early_press, early_perform, early_memory), "late": (late_press, late_perform, late_memory),
            "events": events}


def _memory() -> int:
    import gc

    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def bench_long_session(n: int = 5000, samples: int = 9) -> list[dict[str, Any]]:
    """The action latency and memory at event ``n`` against event 50 of the same session."""
    measured = asyncio.run(_measure(n, samples))
    (early_press, early_perform, early_memory), (late_press, late_perform, late_memory) = measured["early"], measured["late"]
    return [
        {"name": f"app action latency at event {n} vs at event 50 (key to screen)", "ours_s": late_press,
         "baseline_s": early_press, "ratio": late_press / early_press, "target": 1.1,
         "engine_and_redraw_s": [early_perform, late_perform]},
        {"name": f"app memory after {n} events vs after 50 (MB, tracemalloc)", "ours_s": late_memory / 1e6,
         "baseline_s": early_memory / 1e6, "ratio": late_memory / early_memory, "target": 1.2},
    ]


if __name__ == "__main__":
    import json

    os.chdir(ROOT)
    print(json.dumps([bench_first_screen(), *bench_long_session(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)],
                     indent=2))
