"""A random storm of keys on the console never crashes the app and leaves a journal that verifies.

Deterministic (derandomized hypothesis, a fixed number of short storms) and bounded; the keys are
those a candidate can reach, except Ctrl+Q (quitting is tested elsewhere) and Ctrl+P (the palette).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.journal.memory_store import MemoryJournalStore
from simulator.journal.verify import verify_session
from tests.app.app_support import make_app

KEYS = [
    "f1",
    "f2",
    "f3",
    "f4",
    "f5",
    "f6",
    "f7",
    "shift+f7",
    "f8",
    "f9",
    "f10",
    "escape",
    "enter",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "backspace",
    "space",
    "1",
    "2",
    "3",
    "4",
    "5",
    "a",
    "z",
    "é",
    "0",
    "ctrl+a",
    "ctrl+k",
    "ctrl+c",
    "ctrl+z",
]


@pytest.mark.slow
@settings(max_examples=3, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    storm=st.lists(st.sampled_from(KEYS), min_size=20, max_size=40),
    size=st.sampled_from([(80, 24), (120, 40)]),
)
async def test_a_key_storm_never_crashes_and_the_journal_verifies(storm, size):
    store = MemoryJournalStore()
    app = make_app(store=store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"C-0500", "enter")
        await pilot.press("f2")
        await pilot.press(*storm)
        await pilot.resize_terminal(
            size[1] * 2, size[0] // 2 + 2
        )  # a resize in the middle of it all
        await pilot.press(*storm[:10])
        await pilot.pause()
        assert app.is_running
        session = app.session
        assert session is not None and not session.broken
        session_id = session.session_id
    result = verify_session(store, session_id)
    assert result.ok, result.reason_en
