"""What the invigilator sees of each seat, computed from the store alone (no Textual): one ``SeatStatus`` per seat.

For every session not yet finished (and those finished today, to see them end): the seat, the
candidate, the contact in progress (the last action's contact while it is not ended), the time left
(the limit, with the invigilator's extensions, minus the épreuve's running time as the engine counts it:
less the downtime of each resume and the invigilator's pauses, and frozen at the last event while the
seat is disconnected), the
age of the last candidate action and whether the seat's app holds the session (its claim).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

_FINAL = ("session_finished", "time_up")


@dataclass(frozen=True)
class SeatStatus:
    """One seat as the invigilator's table shows it."""

    seat: str
    candidate: str
    session_id: str
    contact: str
    seconds_left: float
    last_action_seconds: float | None
    connected: bool | None
    finished: str
    paused: bool = False
    #: The contact in progress as a person names it (its title), when the book was given ``titles``.
    contact_title: str = ""


def seat_statuses(
    store: Any, now: datetime, held: Callable[[str], bool | None]
) -> list[SeatStatus]:
    """Every session's seat status, by seat name; ``held(session_id)`` says whether its app is connected."""
    return SeatBook(store).statuses(now, held)


class SeatBook:
    """The store as the invigilator's table reads it again and again: each session's header once, then
    only the events journalled since the last reading (a journal only grows), so a refresh costs what
    changed, not every journal of the day."""

    def __init__(self, store: Any, titles: Callable[[Any, str], str] | None = None) -> None:
        self.store = store
        #: ``titles(header, contact)``: the contact's title shown instead of its id (``ContactTitles``).
        self.titles = titles
        self._headers: dict[str, Any] = {}
        self._events: dict[str, list[Any]] = {}

    def statuses(self, now: datetime, held: Callable[[str], bool | None]) -> list[SeatStatus]:
        """Every session's seat status now (a seat shows its latest session), in seat order."""
        latest: dict[str, SeatStatus] = {}
        for session_id in self.store.session_ids():
            header = self._headers.get(session_id)
            if header is None:
                header = self._headers[session_id] = self.store.header(session_id)
            events = self._events.setdefault(session_id, [])
            events.extend(self.store.events(session_id, after_seq=events[-1].seq if events else 0))
            row = _status(header, events, now, held(session_id))
            if self.titles is not None and row.contact:
                row = replace(row, contact_title=self.titles(header, row.contact))
            latest[row.seat] = row
        return sorted(latest.values(), key=lambda r: _seat_key(r.seat))


def _seat_key(seat: str) -> tuple[str, int]:
    prefix, _, number = seat.rpartition("-")
    return (prefix, int(number)) if number.isdigit() else (seat, 0)


def _status(header: Any, events: list[Any], now: datetime, connected: bool | None) -> SeatStatus:
    from simulator.engine.interruptions import time_used

    seat = str(header.extra.get("seat", "")) or "—"
    contact, last_action, finished = "", None, ""
    for event in events:
        if event.type == "seat_changed":
            seat = str(event.payload.get("to", seat))
        elif event.type == "action":
            last_action = datetime.fromisoformat(event.at)
            contact = (
                ""
                if event.payload.get("phase") == "ended"
                else str(event.payload.get("contact", ""))
            )
        elif event.type in _FINAL:
            finished = event.type
    used, extra_minutes, paused = time_used(events, now if connected and not finished else None)
    limit = (float(header.extra.get("time_limit_minutes", 0)) + extra_minutes) * 60
    return SeatStatus(
        seat,
        header.candidate_id,
        header.session_id,
        contact,
        max(0.0, limit - used),
        (now - last_action).total_seconds() if last_action else None,
        connected,
        finished,
        paused,
    )


def claim_probe(store: Any) -> Callable[[str], bool | None]:
    """How to tell whether a session's app is connected: the server's lock table (PostgreSQL), else unknown."""
    held = getattr(store, "claim_held", None)
    return held if callable(held) else (lambda _session_id: None)
