"""Tests for the agenda tool."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest

from simulator.engine.tools.agenda import Agenda, Availability, Booking, Slot, fits
from simulator.engine.tools.errors import SlotTaken, ToolError, UnknownBooking, UnknownSlot

THU = date(2026, 11, 26)


def _slot(
    slot_id: str,
    hour: int,
    minute: int = 0,
    minutes: int = 30,
    day: int = 26,
    calendar: str = "tech",
) -> Slot:
    return Slot(slot_id, calendar, datetime(2026, 11, day, hour, minute), minutes)


def _agenda() -> Agenda:
    return Agenda(
        [
            _slot("S3", 14),
            _slot("S1", 9),
            _slot("S2", 9, calendar="sales"),
            _slot("S4", 10, day=27),
        ]
    )


MORNINGS = Availability(frozenset({0, 1, 2, 3, 4}), time(8), time(12))


def test_fits_inside_window() -> None:
    assert fits(_slot("a", 9), [MORNINGS])
    assert fits(_slot("a", 11, 30), [MORNINGS])  # ends exactly at 12:00
    assert fits(_slot("a", 8), [MORNINGS])


def test_fits_refuses_straddling_slots() -> None:
    assert not fits(_slot("a", 11, 45), [MORNINGS])
    assert not fits(_slot("a", 7, 45), [MORNINGS])
    assert not fits(_slot("a", 14), [MORNINGS])


def test_fits_refuses_wrong_weekday() -> None:
    saturday = _slot("a", 9, day=28)
    assert not fits(saturday, [MORNINGS])
    assert fits(saturday, [MORNINGS, Availability(frozenset({5}), time(9), time(10))])


def test_fits_respects_not_before_and_not_after() -> None:
    later = Availability(frozenset(range(7)), time(0), time(23, 59), not_before=date(2026, 11, 27))
    earlier = Availability(frozenset(range(7)), time(0), time(23, 59), not_after=date(2026, 11, 25))
    exact = Availability(frozenset(range(7)), time(0), time(23, 59), THU, THU)
    assert not fits(_slot("a", 9), [later])
    assert fits(_slot("a", 9, day=27), [later])
    assert not fits(_slot("a", 9), [earlier])
    assert fits(_slot("a", 9), [exact])
    assert not fits(_slot("a", 9), [])


def test_invalid_definitions() -> None:
    with pytest.raises(ValueError):
        Availability(frozenset({7}), time(8), time(9))
    with pytest.raises(ValueError):
        Availability(frozenset({1}), time(9), time(9))
    with pytest.raises(ValueError):
        _slot("a", 9, minutes=0)
    with pytest.raises(ValueError):
        Agenda([_slot("a", 9), _slot("a", 10)])
    with pytest.raises(ValueError):
        Agenda([_slot("a", 9)], [Booking("B1", "zz", "X")])


def test_free_slots_filters_and_sorts() -> None:
    agenda = _agenda()
    assert [s.id for s in agenda.free_slots()] == ["S2", "S1", "S3", "S4"]
    assert [s.id for s in agenda.free_slots(calendar="tech")] == ["S1", "S3", "S4"]
    assert [s.id for s in agenda.free_slots(on=THU)] == ["S2", "S1", "S3"]
    assert [s.id for s in agenda.free_slots("tech", date(2026, 11, 27))] == ["S4"]


def test_book_and_refuse_taken_or_unknown_slot() -> None:
    agenda = _agenda()
    booking = agenda.book("S1", " M. Dupont ", "compteur")
    assert booking == Booking("B1", "S1", "M. Dupont", "compteur")
    assert "S1" not in [s.id for s in agenda.free_slots()]
    with pytest.raises(SlotTaken) as caught:
        agenda.book("S1", "Mme Martin")
    assert isinstance(caught.value, ToolError) and caught.value.code == "slot_taken"
    with pytest.raises(UnknownSlot):
        agenda.book("S99", "Mme Martin")
    assert agenda.book("S3", "Mme Martin").id == "B2"
    assert [b.id for b in agenda.bookings] == ["B1", "B2"]


def test_move_and_cancel() -> None:
    agenda = _agenda()
    first = agenda.book("S1", "Dupont")
    agenda.book("S3", "Martin")
    moved = agenda.move(first.id, "S4")
    assert moved == Booking("B1", "S4", "Dupont")
    assert agenda.move("B1", "S4") == moved
    assert "S1" in [s.id for s in agenda.free_slots()]
    with pytest.raises(SlotTaken):
        agenda.move("B1", "S3")
    with pytest.raises(UnknownBooking):
        agenda.move("B9", "S2")
    assert agenda.cancel("B2").slot_id == "S3"
    with pytest.raises(UnknownBooking):
        agenda.cancel("B2")
    assert agenda.book("S3", "Lambert").id == "B3"
    assert agenda.history == [
        ("book", "B1", "S1"),
        ("book", "B2", "S3"),
        ("move", "B1", "S4"),
        ("cancel", "B2", "S3"),
        ("book", "B3", "S3"),
    ]


def test_existing_bookings_continue_numbering() -> None:
    agenda = Agenda([_slot("S1", 9), _slot("S2", 10)], [Booking("B4", "S1", "Dupont")])
    assert agenda.free_slots()[0].id == "S2"
    assert agenda.book("S2", "Martin").id == "B5"


def test_snapshot_restore_round_trip() -> None:
    agenda = _agenda()
    agenda.book("S1", "Dupont", "fuite")
    agenda.book("S2", "Martin")
    agenda.cancel("B2")
    snap = agenda.snapshot()
    assert json.loads(json.dumps(snap)) == snap
    again = Agenda.restore(json.loads(json.dumps(snap)))
    assert again.snapshot() == snap
    assert again.slots == agenda.slots
    assert again.book("S2", "Lambert").id == "B3"
