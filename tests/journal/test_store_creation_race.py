"""Two seats opening a store that does not exist yet, at the same instant: both simply succeed."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from simulator.journal.sqlite_store import SqliteJournalStore

_SEATS = 8
_ROUNDS = 20


def _open(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        SqliteJournalStore(path).close()
        results.put("ok")
    except Exception as exc:  # noqa: BLE001 — reported to the test
        results.put(repr(exc))


def test_seats_creating_the_same_new_store_at_once_all_open_it(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    outcomes = []
    for round_ in range(_ROUNDS):
        path = tmp_path / f"round-{round_}" / "centre.sqlite3"
        barrier, results = context.Barrier(_SEATS), context.Queue()
        seats = [
            context.Process(target=_open, args=(str(path), barrier, results)) for _ in range(_SEATS)
        ]
        for seat in seats:
            seat.start()
        for seat in seats:
            seat.join(timeout=60)
        outcomes += [results.get(timeout=10) for _ in seats]
        with SqliteJournalStore(path, create=False) as store:
            store.check()
    assert outcomes == ["ok"] * (_SEATS * _ROUNDS)
