"""The invigilator's view on a PostgreSQL store: each seat's candidate, contact, time left, last action, connection."""

from __future__ import annotations

from datetime import datetime

import pytest

from simulator.app.seat import SeatRequest, load_epreuve, open_seat
from simulator.centre.room import SeatBook, claim_probe, seat_statuses
from simulator.centre.watch_app import TEXT, create_watch_app, row_cells
from simulator.engine.clock import ManualClock
from simulator.i18n import translated
from simulator.journal.pg_store import PgJournalStore
from simulator.tui.key_bar import KeyBar


@pytest.fixture()
def two_seats(pg_url: str):
    """Seat 1 sat 90 s and took the first contact, still connected; seat 2 signed in, then its app closed."""
    bundle = load_epreuve("practice")
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, 0))
    store = PgJournalStore(pg_url)
    first = open_seat(
        SeatRequest("C-0001", "practice", 11, "fr", None, "poste-1"), store, clock, bundle
    )
    second = open_seat(
        SeatRequest("C-0002", "practice", 12, "fr", None, "poste-2"), store, clock, bundle
    )
    second.close()
    clock.advance(seconds=30)
    from simulator.engine.actions import Take

    first.perform(Take(contact=first.queue()[0].key))
    clock.advance(seconds=60)
    yield store, clock, first
    first.close()
    store.close()


def test_each_seat_is_shown_with_what_the_invigilator_needs(two_seats) -> None:
    store, clock, first = two_seats
    seat1, seat2 = seat_statuses(store, clock.now(), claim_probe(store))
    assert (seat1.seat, seat1.candidate, seat1.connected) == ("poste-1", "C-0001", True)
    assert seat1.contact == first.queue()[0].key and seat1.last_action_seconds == 60.0
    assert seat1.seconds_left == pytest.approx(first.remaining_seconds())
    assert (seat2.seat, seat2.candidate, seat2.connected, seat2.contact) == (
        "poste-2",
        "C-0002",
        False,
        "",
    )
    assert (
        seat2.seconds_left == first.time_limit_minutes * 60
    )  # a disconnected seat's clock does not run
    cells = row_cells(seat1, translated(TEXT, "cli", "fr"))
    assert cells[3] == "0:43:30" and cells[4] == "il y a 0:01:00" and cells[5] == "connecté"


def test_a_refresh_reads_only_what_was_journalled_since_the_last(two_seats, monkeypatch) -> None:
    """The table is read again every 2 s for the whole day: each refresh asks the store only for the
    events after those it already has (not every journal again), and shows what they changed."""
    store, clock, first = two_seats
    asked: list[tuple[str, int]] = []
    read = store.events

    def events(session_id: str, after_seq: int = 0):
        asked.append((session_id, after_seq))
        return read(session_id, after_seq)

    monkeypatch.setattr(store, "events", events)
    book = SeatBook(store)
    seen = {
        s.session_id: store.last_event(s.session_id).seq
        for s in book.statuses(clock.now(), claim_probe(store))
    }
    assert asked == [(session_id, 0) for session_id in store.session_ids()]
    clock.advance(seconds=30)
    assert first.heartbeat()
    asked.clear()
    seat1, _seat2 = book.statuses(clock.now(), claim_probe(store))
    assert asked == [(session_id, seen[session_id]) for session_id in store.session_ids()]
    assert seat1.last_action_seconds == 90.0
    assert seat1.seconds_left == pytest.approx(first.remaining_seconds())


async def test_the_watch_screen_lists_the_seats(two_seats, pg_url: str) -> None:
    _store, clock, _first = two_seats
    app = create_watch_app(pg_url, clock=clock, lang="nl", refresh=60)
    async with app.run_test(size=(140, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.statuses:
                break
        table = app.query_one("DataTable")
        assert table.row_count == 2
        assert [table.get_row_at(i)[5] for i in range(2)] == ["verbonden", "niet verbonden"]
        assert str(app.query_one("#summary").render()) == "2 posten · 1 verbonden"
        keys = str(app.query_one(KeyBar).render())
        assert "Afsluiten" in keys and "Verlengen" in keys and "Quitter" not in keys


async def until_asked(app, pilot) -> None:
    """Wait until the reason dialog has the keyboard (a loaded machine may take a moment)."""
    from simulator.centre.watch_app import ReasonScreen

    for _ in range(200):
        if isinstance(app.screen, ReasonScreen) and app.screen.focused is not None:
            return
        await pilot.pause(0.05)
    raise AssertionError("the reason dialog did not open")


async def test_the_invigilator_ends_a_disconnected_seat_with_a_reason(
    two_seats, pg_url: str
) -> None:
    """Seat 2 (its app closed) is ended with a reason; seat 1, still connected, is refused."""
    store, clock, first = two_seats
    app = create_watch_app(pg_url, clock=clock, lang="fr", refresh=60)
    async with app.run_test(size=(140, 30), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.statuses:
                break
        await pilot.press("down", "e")
        await until_asked(app, pilot)
        await pilot.press(*"Panne de courant salle B")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.press("up", "e")
        await until_asked(app, pilot)
        await pilot.press(*"essai", "enter")
        await app.workers.wait_for_complete()
        messages = app.messages
    second = store.session_ids()[1]
    last = store.last_event(second)
    assert (last.type, last.payload) == (
        "session_finished",
        {"reason": "invigilator", "note": "Panne de courant salle B"},
    )
    assert "poste-2 : épreuve terminée." in messages and any(
        "poste-1 est connecté" in m for m in messages
    )
    assert store.last_event(first.session_id).type == "action"


async def _loaded(app, pilot) -> None:
    for _ in range(100):
        await pilot.pause(0.05)
        if app.statuses:
            return
    raise AssertionError("the watch did not read the store")


async def test_a_live_seats_clock_is_paused_and_restarted_through_its_heartbeat(
    two_seats, pg_url: str
) -> None:
    """Seat 1 is connected: the watch leaves requests, the seat journals them on its heartbeat check, once each."""
    store, clock, first = two_seats
    app = create_watch_app(pg_url, clock=clock, lang="fr", refresh=60)
    async with app.run_test(size=(140, 30), notifications=True) as pilot:
        await _loaded(app, pilot)
        await pilot.press("p")
        await until_asked(app, pilot)
        await pilot.press(*"Casque en panne", "enter")
        await app.workers.wait_for_complete()
        assert first.apply_requests() == 1 and first.clock_paused
        left = first.remaining_seconds()
        clock.advance(minutes=4)
        app.action_refresh_now()
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert app.statuses[0].paused and app.statuses[0].seconds_left == pytest.approx(left)
        assert app.query_one("DataTable").get_row_at(0)[3].endswith("(en pause)")
        await pilot.press("c")
        await app.workers.wait_for_complete()
        messages = app.messages
    assert first.apply_requests() == 1 and not first.clock_paused and first.apply_requests() == 0
    assert first.remaining_seconds() == pytest.approx(
        left
    )  # the four minutes of the pause are not charged
    assert messages.count("poste-1 : demande transmise au poste (appliquée dans la seconde).") == 2
    events = list(store.events(first.session_id))
    assert [(e.type, e.payload) for e in events[-2:]] == [
        ("clock_paused", {"reason": "Casque en panne", "request": 1}),
        ("clock_resumed", {"request": 2}),
    ]
    first.close()
    from simulator.engine.session import EpreuveSession

    again = EpreuveSession.resume(store, first.session_id, clock=clock)
    assert (
        again.last_request == 2 and again.apply_requests() == 0
    )  # a resumed seat applies no request twice
    again.close()


async def test_a_disconnected_seat_is_given_more_time_with_a_reason(two_seats, pg_url: str) -> None:
    store, clock, _first = two_seats
    app = create_watch_app(pg_url, clock=clock, lang="en", refresh=60)
    async with app.run_test(size=(140, 30), notifications=True) as pilot:
        await _loaded(app, pilot)
        before = app.statuses[1].seconds_left
        await pilot.press("down", "x")
        await until_asked(app, pilot)
        await pilot.press(*"soon", "enter")  # no minutes: refused with what to write
        await app.workers.wait_for_complete()
        await pilot.press("x")
        await until_asked(app, pilot)
        await pilot.press(*"15 Extra time (certificate)", "enter")
        await app.workers.wait_for_complete()
        for _ in range(100):
            await pilot.pause(0.05)
            if app.statuses[1].seconds_left > before:
                break
        after = app.statuses[1].seconds_left
        messages = app.messages
    assert after == before + 15 * 60
    assert messages[0].startswith("Write the minutes") and "poste-2: 15 min more." in messages
    last = store.last_event(store.session_ids()[1])
    assert (last.type, last.payload) == (
        "time_extended",
        {"minutes": 15, "reason": "Extra time (certificate)"},
    )
