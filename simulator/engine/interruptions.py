"""The épreuve's interruptions as the journal tells them: when the app was last known alive, when it resumed, why.

A session is resumed after the app stopped (a crash, a closed terminal, a power cut, a signal);
the ``session_resumed`` event holds the downtime, counted from the last event that proves the app
was running (an action, a heartbeat, an ``interruption`` journalled on a signal). The assessor's
grille lists them, so a long or repeated interruption is seen by the people who sign it.
"""

from __future__ import annotations

from collections.abc import Iterable
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
            cause = str(last_alive.payload.get("cause", "")) if last_alive.type == "interruption" else ""
            found.append({"stopped_at": last_alive.at, "resumed_at": event.at,
                          "seconds": float(event.payload.get("downtime_seconds", 0.0)), "cause": cause})
        last_alive = event
    return found
