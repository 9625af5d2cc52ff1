"""The invigilator's acts on a candidate's clock: a pause for an incident, its end, more time.

``EpreuveSession`` inherits these. Each act is a journal event (``clock_paused``, ``clock_resumed``,
``time_extended``), applied the same way live and on replay, so a resumed or rescored session counts
time exactly as the seat did. A seat in a test centre receives the invigilator's requests from the
store (``apply_requests``); each request is journalled with its number, so a seat that resumes never
applies one twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from simulator.engine.interruptions import UNTIMED_EVENTS
from simulator.engine.session_state import State, Timing
from simulator.journal.events import Event


class InvigilatorClock:
    """The clock half of ``EpreuveSession`` that the invigilator drives."""

    state: State
    timing: Timing
    time_limit_minutes: int
    store: Any
    clock: Any
    broken: bool
    last_request: int

    if TYPE_CHECKING:  # provided by ``EpreuveSession``

        @property
        def session_id(self) -> str: ...
        def _record(
            self,
            type_: str,
            payload: dict[str, Any],
            at: datetime,
            apply: Callable[[], None] | None,
            *,
            timed: bool = True,
        ) -> int: ...
        def tick(self) -> None: ...
        def _apply_finished(self, reason: str, at: datetime) -> None: ...

    def end(self, reason: str) -> bool:
        """The invigilator ends the épreuve now, for ``reason`` (journalled); True if it was still under way."""
        if not self._writable():
            return False
        now = self.clock.now()
        self._record(
            "session_finished",
            {"reason": "invigilator", "note": reason},
            now,
            lambda: self._apply_finished("invigilator", now),
        )
        return True

    def note(self, type_: str, payload: dict[str, Any]) -> None:
        """Journal an invigilator's act (``UNTIMED_EVENTS``): for the record, the épreuve's clock ignores it."""
        if type_ not in UNTIMED_EVENTS:
            raise ValueError(f"not an untimed event: {type_}")
        if self.store is None or self.clock is None or self.broken:
            return
        self._record(type_, payload, self.clock.now(), None, timed=False)

    def pause_clock(self, reason: str, request: int | None = None) -> bool:
        """The invigilator stops the candidate's clock for an incident (``clock_paused``); False if already stopped."""
        if not self._writable() or self.timing.paused:
            return False
        now = self.clock.now()
        self._record(
            "clock_paused",
            _asked({"reason": reason}, request),
            now,
            lambda: self._apply_paused(now),
        )
        return True

    def resume_clock(self, request: int | None = None) -> bool:
        """The invigilator restarts a paused clock (``clock_resumed``): the pause counted as no time."""
        if not self._writable() or not self.timing.paused:
            return False
        now = self.clock.now()
        self._record("clock_resumed", _asked({}, request), now, lambda: self._apply_unpaused(now))
        self.tick()
        return True

    def extend_time(self, minutes: int, reason: str, request: int | None = None) -> bool:
        """An accommodation: ``minutes`` more for this candidate (``time_extended``), with the reason."""
        if not self._writable() or minutes <= 0:
            return False
        self._record(
            "time_extended",
            _asked({"minutes": int(minutes), "reason": reason}, request),
            self.clock.now(),
            lambda: self._apply_extended(int(minutes)),
        )
        return True

    def apply_requests(self) -> int:
        """Journal what the invigilator asked of this live seat since the last request applied; how many acted.

        The store keeps the requests (``post_request``; a store without them has none); each one is
        journalled with its number, so a seat that resumes never applies a request twice.
        """
        read = getattr(self.store, "requests", None)
        if read is None or not self._writable():
            return 0
        done = 0
        for number, kind, payload in read(self.session_id, self.last_request):
            self.last_request = number
            if kind == "pause":
                done += self.pause_clock(str(payload.get("reason", "")), number)
            elif kind == "resume":
                done += self.resume_clock(number)
            elif kind == "extend":
                done += self.extend_time(
                    int(payload.get("minutes", 0)), str(payload.get("reason", "")), number
                )
        return done

    @property
    def clock_paused(self) -> bool:
        """Whether the invigilator paused this session's clock (no action is taken until it is resumed)."""
        return self.timing.paused

    def _writable(self) -> bool:
        return not (
            self.store is None
            or self.clock is None
            or self.state.finished is not None
            or self.broken
        )

    def _apply_paused(self, at: datetime) -> None:
        self.timing.stop(at)
        self.timing.paused = True

    def _apply_unpaused(self, at: datetime) -> None:
        self.timing.paused = False
        self.timing.segment_start = at

    def _apply_extended(self, minutes: int) -> None:
        self.time_limit_minutes += minutes

    def _replay_invigilator(self, event: Event, at: datetime) -> None:
        """The invigilator's acts on the clock, from the journal: a pause, its end, more time."""
        if event.type in ("clock_paused", "clock_resumed", "time_extended"):
            self.last_request = max(self.last_request, int(event.payload.get("request", 0)))
        if event.type == "clock_paused":
            self._apply_paused(at)
        elif event.type == "clock_resumed":
            self._apply_unpaused(at)
        elif event.type == "time_extended":
            self._apply_extended(int(event.payload["minutes"]))


def _asked(payload: dict[str, Any], request: int | None) -> dict[str, Any]:
    """An invigilator's event's payload, with the number of the request it applies when it came as one."""
    return {**payload, "request": request} if request is not None else payload
