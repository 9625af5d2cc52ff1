"""Agenda tool: free slots, bookings (book, move, cancel) and availability windows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from simulator.engine.tools.errors import SlotTaken, UnknownBooking, UnknownSlot


@dataclass(frozen=True)
class Slot:
    """A bookable time slot in one calendar; *start* is a naive local datetime."""

    id: str
    calendar: str
    start: datetime
    minutes: int
    label: str = ""

    def __post_init__(self) -> None:
        if self.minutes <= 0:
            raise ValueError(f"slot {self.id!r} must last at least one minute")

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "calendar": self.calendar,
            "start": self.start.isoformat(),
            "minutes": self.minutes,
            "label": self.label,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Slot:
        return cls(
            data["id"],
            data["calendar"],
            datetime.fromisoformat(data["start"]),
            int(data["minutes"]),
            data.get("label", ""),
        )


@dataclass(frozen=True)
class Booking:
    """A slot booked for someone."""

    id: str
    slot_id: str
    for_whom: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "slot_id": self.slot_id,
            "for_whom": self.for_whom,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Booking:
        return cls(data["id"], data["slot_id"], data["for_whom"], data.get("note", ""))


@dataclass(frozen=True)
class Availability:
    """A recurring window (weekdays 0=Monday, start-end) optionally bounded by dates."""

    weekdays: frozenset[int]
    start: time
    end: time
    not_before: date | None = None
    not_after: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "weekdays", frozenset(self.weekdays))
        if not self.weekdays <= frozenset(range(7)):
            raise ValueError("weekdays are 0 (Monday) to 6 (Sunday)")
        if self.start >= self.end:
            raise ValueError("an availability must end after it starts")

    def contains(self, slot: Slot) -> bool:
        """True when *slot* lies entirely inside this window."""
        day = slot.start.date()
        if day.weekday() not in self.weekdays:
            return False
        if (self.not_before and day < self.not_before) or (self.not_after and day > self.not_after):
            return False
        opens, closes = datetime.combine(day, self.start), datetime.combine(day, self.end)
        return opens <= slot.start and slot.end <= closes


def fits(slot: Slot, availabilities: Sequence[Availability]) -> bool:
    """True when *slot* lies entirely inside at least one availability window."""
    return any(a.contains(slot) for a in availabilities)


class Agenda:
    """Slots of one or more calendars and the bookings made on them."""

    def __init__(self, slots: Iterable[Slot], bookings: Iterable[Booking] = ()) -> None:
        self._slots: dict[str, Slot] = {}
        for slot in slots:
            if slot.id in self._slots:
                raise ValueError(f"duplicate slot id: {slot.id!r}")
            self._slots[slot.id] = slot
        self._bookings: dict[str, Booking] = {}
        self.history: list[tuple[str, str, str]] = []
        self._counter = 0
        for booking in bookings:
            if booking.id in self._bookings:
                raise ValueError(f"duplicate booking id: {booking.id!r}")
            if booking.slot_id not in self._slots or self._holder(booking.slot_id):
                raise ValueError(f"booking {booking.id!r} has an unknown or taken slot")
            self._bookings[booking.id] = booking
            number = re.fullmatch(r"B(\d+)", booking.id)
            self._counter = max(self._counter, int(number.group(1)) if number else 0)

    @property
    def slots(self) -> tuple[Slot, ...]:
        return tuple(sorted(self._slots.values(), key=lambda s: (s.start, s.calendar, s.id)))

    @property
    def bookings(self) -> list[Booking]:
        return list(self._bookings.values())

    def _holder(self, slot_id: str) -> Booking | None:
        return next((b for b in self._bookings.values() if b.slot_id == slot_id), None)

    def slot(self, slot_id: str) -> Slot:
        try:
            return self._slots[slot_id]
        except KeyError:
            raise UnknownSlot(slot_id) from None

    def booking(self, booking_id: str) -> Booking:
        try:
            return self._bookings[booking_id]
        except KeyError:
            raise UnknownBooking(booking_id) from None

    def free_slots(self, calendar: str | None = None, on: date | None = None) -> list[Slot]:
        """Unbooked slots, optionally of one calendar and/or one day, in time order."""
        return [
            s
            for s in self.slots
            if (calendar is None or s.calendar == calendar)
            and (on is None or s.start.date() == on)
            and self._holder(s.id) is None
        ]

    def _free(self, slot_id: str) -> Slot:
        slot = self.slot(slot_id)
        if self._holder(slot_id) is not None:
            raise SlotTaken(slot_id)
        return slot

    def book(self, slot_id: str, for_whom: str, note: str = "") -> Booking:
        """Book a free slot; ids are "B1", "B2"... in booking order."""
        self._free(slot_id)
        self._counter += 1
        booking = Booking(f"B{self._counter}", slot_id, for_whom.strip(), note.strip())
        self._bookings[booking.id] = booking
        self.history.append(("book", booking.id, slot_id))
        return booking

    def move(self, booking_id: str, new_slot_id: str) -> Booking:
        """Move a booking to another free slot, keeping its id; same slot is a no-op."""
        booking = self.booking(booking_id)
        if booking.slot_id == new_slot_id:
            return booking
        self._free(new_slot_id)
        moved = replace(booking, slot_id=new_slot_id)
        self._bookings[booking_id] = moved
        self.history.append(("move", booking_id, new_slot_id))
        return moved

    def cancel(self, booking_id: str) -> Booking:
        """Cancel a booking, freeing its slot; returns the cancelled booking."""
        booking = self.booking(booking_id)
        del self._bookings[booking_id]
        self.history.append(("cancel", booking_id, booking.slot_id))
        return booking

    def snapshot(self) -> dict[str, Any]:
        return {
            "slots": [s.to_dict() for s in self._slots.values()],
            "bookings": [b.to_dict() for b in self._bookings.values()],
            "history": [list(h) for h in self.history],
            "counter": self._counter,
        }

    @classmethod
    def restore(cls, snapshot: dict[str, Any]) -> Agenda:
        agenda = cls(
            (Slot.from_dict(s) for s in snapshot["slots"]),
            (Booking.from_dict(b) for b in snapshot["bookings"]),
        )
        agenda.history = [(h[0], h[1], h[2]) for h in snapshot.get("history", [])]
        agenda._counter = max(agenda._counter, int(snapshot.get("counter", 0)))
        return agenda
