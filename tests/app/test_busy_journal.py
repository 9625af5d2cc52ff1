"""A journal locked by another program: the action waits behind « Enregistrement… », then is saved — or the app stops cleanly.

Another connection holds the store's write lock (``BEGIN IMMEDIATE``) longer than the store's
timeout while the candidate takes a contact. The app shows the saving dialog and tries again; once
the lock is released the action is journalled and shown. If it never is, the candidate reads a
sentence saying to call the invigilator, the app exits non-zero, and the journal holds exactly
what the candidate saw as done (the épreuve resumes without the unsaved action).
"""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
from datetime import datetime

import pytest

from simulator.app.app import CallsimApp, create_app
from simulator.app.failures import FAILURE_EXIT
from simulator.app.screens.console import ConsoleScreen
from simulator.app.screens.saving import SavingScreen
from simulator.app.seat import SeatRequest
from simulator.engine.clock import ManualClock
from simulator.journal.errors import StoreWriteFailed
from simulator.journal.sqlite_store import SqliteJournalStore
from tests.app.app_support import INVIGILATOR, PRACTICE, practice_bundle, screen_text


def _app(path) -> CallsimApp:
    bundle = practice_bundle()
    bundle = dataclasses.replace(bundle, epreuve=bundle.epreuve.model_copy(update={"mode": "exam"}))
    return create_app(
        SeatRequest("C-0099", str(PRACTICE), 7, "fr", path),
        store_factory=lambda: SqliteJournalStore(path, timeout=0.05),
        clock=ManualClock(datetime(2026, 3, 2, 9, 0)),
        invigilator_code=INVIGILATOR,
        bundle=bundle,
    )


def _takes(path) -> int:
    with SqliteJournalStore(path) as store:
        (session_id,) = store.session_ids()
        return sum(
            e.type == "action" and e.payload["action"]["kind"] == "take"
            for e in store.events(session_id)
        )


async def _until(pilot, condition, seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
        await pilot.pause()
    raise AssertionError("timed out")


async def test_an_action_waits_for_a_busy_journal_then_is_saved(tmp_path, log_dir):
    path = tmp_path / "centre.sqlite3"
    app = _app(path)
    app.save_retry_delays = (0.2,) * 50
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsoleScreen)
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        await pilot.press("f2")
        await _until(pilot, lambda: isinstance(app.screen, SavingScreen))
        assert "Enregistrement…" in screen_text(app)
        other.execute("ROLLBACK")
        other.close()
        await _until(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        assert app.session.state.active is not None and not app.session.broken
        assert app.is_running
    assert _takes(path) == 1


async def test_a_journal_that_stays_busy_ends_the_app_with_a_sentence(tmp_path, log_dir):
    path = tmp_path / "centre.sqlite3"
    app = _app(path)
    app.save_retry_delays = (0.0, 0.0, 0.0)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    with pytest.raises(StoreWriteFailed):  # Pilot hands the app's error back to the test
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            other.execute("BEGIN IMMEDIATE")
            await pilot.press("f2")
            await _until(pilot, lambda: app.failure is not None)
    other.execute("ROLLBACK")
    other.close()
    assert app.return_code == FAILURE_EXIT
    assert (
        "ne peut pas être écrit" in app.failure_message
        and "Appelez le surveillant" in app.failure_message
    )
    assert _takes(path) == 0  # the candidate never saw the contact taken: the journal agrees


@pytest.fixture
def log_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("CALLSIM_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path / "logs"
