"""The benchmarks' stopwatch: with ``CALLSIM_READY_MARKER`` the app notes its first frame, then the
épreuve ready, once each; without it nothing is written."""

from __future__ import annotations

from datetime import datetime

import pytest

from simulator.app import ready_marker
from simulator.app.app import CallsimApp
from simulator.app.seat import SeatRequest
from simulator.engine.clock import ManualClock
from simulator.journal.memory_store import MemoryJournalStore
from tests.app.app_support import PRACTICE, practice_bundle


async def _until_ready(marker_file) -> None:
    app = CallsimApp(
        SeatRequest("", str(PRACTICE), 7, "fr"),
        store_factory=MemoryJournalStore,
        clock=ManualClock(datetime(2026, 3, 2, 9, 0)),
        bundle_loader=lambda _name: practice_bundle(),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if app.bundle is not None and (
                marker_file is None or "ready" in marker_file.read_text(encoding="utf-8")
            ):
                break
        assert app.bundle is not None


async def test_the_first_frame_then_the_epreuve_ready_are_marked_once(
    tmp_path, monkeypatch: pytest.MonkeyPatch
):
    marker = tmp_path / "marks"
    marker.write_text("", encoding="utf-8")
    monkeypatch.setenv(ready_marker.MARKER_ENV, str(marker))
    monkeypatch.setattr(ready_marker, "_marked", set())
    await _until_ready(marker)
    await _until_ready(marker)  # a second app in the same process adds nothing
    lines = [line.split() for line in marker.read_text(encoding="utf-8").splitlines()]
    assert [moment for moment, _at in lines] == ["frame", "ready"]
    assert float(lines[0][1]) <= float(lines[1][1])


async def test_nothing_is_written_without_the_variable(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(ready_marker.MARKER_ENV, raising=False)
    monkeypatch.setattr(ready_marker, "_marked", set())
    monkeypatch.chdir(tmp_path)
    await _until_ready(None)
    assert list(tmp_path.iterdir()) == []
