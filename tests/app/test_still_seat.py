"""A still seat (a browser seat): text fields with a steady cursor, no animation; a terminal seat keeps both."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Input

from simulator.app.app import create_app
from simulator.app.seat import SeatRequest
from simulator.engine.clock import ManualClock
from simulator.journal.memory_store import MemoryJournalStore
from tests.app.app_support import PRACTICE, practice_bundle


@pytest.mark.parametrize("still", [True, False])
async def test_a_still_seat_has_no_blinking_cursor_and_no_animation(still: bool) -> None:
    store = MemoryJournalStore()
    app = create_app(
        SeatRequest("", str(PRACTICE), 7, "fr"),
        store_factory=lambda: store,
        clock=ManualClock(datetime(2026, 3, 2, 9, 0)),
        bundle=practice_bundle(),
        still=still,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = app.focused
        assert isinstance(field, Input)  # the candidate number has the keyboard
        assert field.cursor_blink is not still
        assert (app.animation_level == "none") is still
