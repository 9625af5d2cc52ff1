"""The épreuve's interruptions as the journal tells them: when the app was last known alive, when it resumed, why.

A session is resumed after the app stopped (a crash, a closed terminal, a power cut, a signal);
the ``session_resumed`` event holds the downtime, counted from the last event that proves the app
was running (an action, a heartbeat, an ``interruption`` journalled on a signal). The assessor's
grille lists them, so a long or repeated interruption is seen by the people who sign it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from simulator.journal.events import Event

#: Events written for the record (the invigilator's acts): they do not tell the app was running.
UNTIMED_EVENTS = frozenset({"invigilator_attempt", "seat_changed"})


def interruptions(events: Iterable[Event]) -> list[dict[str, Any]]:
    """One dict per resume: ``stopped_at`` (last sign of life), ``resumed_at``, ``seconds`` and ``cause``.

    ``cause`` is what the journal says stopped the app (``SIGTERM``, ``SIGHUP``…) or ``""`` when the
    app stopped without a word (a crash, a power cut, a killed process).
    """
    found: list[dict[str, Any]] = []
    last_alive: Event | None = None
    for event in events:
        if event.type in UNTIMED_EVENTS:
            continue
        if event.type == "session_resumed" and last_alive is not None:
            cause = (
                str(last_alive.payload.get("cause", ""))
                if last_alive.type == "interruption"
                else ""
            )
            found.append(
                {
                    "stopped_at": last_alive.at,
                    "resumed_at": event.at,
                    "seconds": float(event.payload.get("downtime_seconds", 0.0)),
                    "cause": cause,
                }
            )
        last_alive = event
    return found


def time_used(events: Iterable[Event], now: datetime | None) -> tuple[float, int, bool]:
    """The épreuve's time used as the session counts it, the minutes the invigilator added, and whether paused.

    Counted up to ``now`` (a seat whose app is running) or, with ``None``, up to the last sign of
    life (a disconnected seat's clock does not run). Resumes bank the time up to the last sign of
    life; an invigilator's pause stops the clock until ``clock_resumed``, even across resumes.
    """
    banked, start, last, paused, extra = 0.0, None, None, False, 0
    for event in events:
        if event.type in UNTIMED_EVENTS:
            continue
        at = datetime.fromisoformat(event.at)
        if event.type == "session_started":
            start = at
        elif event.type == "session_resumed":
            banked += (last - start).total_seconds() if start and last else 0.0
            start = None if paused else at
        elif event.type in ("clock_paused", "time_up", "session_finished"):
            banked += max(0.0, (at - start).total_seconds()) if start else 0.0
            start, paused = None, paused or event.type == "clock_paused"
        elif event.type == "clock_resumed":
            start, paused = at, False
        elif event.type == "time_extended":
            extra += int(event.payload.get("minutes", 0))
        last = at
    until = now or last
    running = max(0.0, (until - start).total_seconds()) if start and until else 0.0
    return banked + running, extra, paused


def invigilator_acts(events: Iterable[Event]) -> list[dict[str, Any]]:
    """The invigilator's pauses (``pause``: from, to, seconds, reason) and extensions (``extension``: minutes, reason)."""
    acts: list[dict[str, Any]] = []
    for event in events:
        if event.type == "clock_paused":
            acts.append(
                {
                    "kind": "pause",
                    "paused_at": event.at,
                    "resumed_at": None,
                    "seconds": None,
                    "reason": str(event.payload.get("reason", "")),
                }
            )
        elif (
            event.type == "clock_resumed"
            and acts
            and acts[-1]["kind"] == "pause"
            and acts[-1]["resumed_at"] is None
        ):
            pause = acts[-1]
            pause["resumed_at"] = event.at
            pause["seconds"] = (
                datetime.fromisoformat(event.at) - datetime.fromisoformat(pause["paused_at"])
            ).total_seconds()
        elif event.type == "time_extended":
            acts.append(
                {
                    "kind": "extension",
                    "at": event.at,
                    "minutes": int(event.payload.get("minutes", 0)),
                    "reason": str(event.payload.get("reason", "")),
                }
            )
    return acts
