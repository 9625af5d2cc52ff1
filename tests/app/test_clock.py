"""The épreuve clock: minutes, then seconds in the last five minutes; no repaint while its text stays."""

from __future__ import annotations

from datetime import datetime

import pytest

from simulator.app.i18n import Translator
from simulator.app.widgets.clock import EpreuveClock, clock_text
from simulator.engine.clock import ManualClock
from tests.app.app_support import make_app


@pytest.mark.parametrize(
    "seconds, lang, shown",
    [
        (2700, "fr", "45 min"),
        (2699.5, "fr", "45 min"),  # rounded up: 44 min 59 s left still reads « 45 min »
        (2640, "fr", "44 min"),
        (301, "fr", "6 min"),
        (300, "fr", "5 min"),
        (299.9, "fr", "4:59"),  # the last five minutes tick by the second
        (61, "fr", "1:01"),
        (0, "fr", "0:00"),
        (-3, "fr", "0:00"),
        (3900, "fr", "1 h 05"),
        (3900, "nl", "1 u 05"),
        (3600, "en", "1 h 00"),
    ],
)
def test_the_clock_shows_minutes_then_seconds(seconds, lang, shown):
    assert clock_text(seconds, Translator(lang)) == shown


async def test_the_clock_repaints_only_when_its_text_changes():
    """A second gone from « 45 min » changes nothing on screen: no repaint, nothing sent to a page."""
    clock = ManualClock(datetime(2026, 3, 2, 9, 0))
    app = make_app(clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"C-0001", "enter")
        await pilot.pause()
        widget = app.screen.query_one(EpreuveClock)
        assert widget.shown == "Temps restant 45 min"
        repaints: list[bool] = []
        refresh = widget.refresh
        widget.refresh = lambda *a, **kw: (
            repaints.append(kw.get("layout", False)),
            refresh(*a, **kw),
        )[1]
        for _ in range(50):  # 50 ticks of the console's one-second timer, 50 seconds on the clock
            clock.advance(seconds=1)
            app.screen._tick()
        await pilot.pause()
        assert repaints == [] and widget.shown == "Temps restant 45 min"
        clock.advance(seconds=10)  # 44 min left
        app.screen._tick()
        await pilot.pause()
        assert widget.shown == "Temps restant 44 min"
        assert repaints == [False]  # one repaint, and no new layout of the screen (same length)
        clock.advance(minutes=39, seconds=1)  # 4:59 left: red, by the second
        app.screen._tick()
        await pilot.pause()
        assert widget.shown == "Temps restant 4:59" and widget.has_class("-urgent")
