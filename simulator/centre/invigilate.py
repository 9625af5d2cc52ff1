"""What the invigilator may do to a seat from the watch screen (no Textual): end it, pause or restart its clock, extend its time.

The seat's journal has one writer at a time: a seat whose app is still connected holds its session.
Ending it is refused (``SessionInUse``) until the candidate's app is left with the invigilator's code;
pausing, restarting and extending a live seat's clock are left as requests in the store
(``ask_seat``), which the seat's app journals on its next heartbeat check (within a second). A seat
not connected gets each act journalled in its session here, after the resume that counts as downtime:
``session_finished`` (reason ``invigilator`` and the note), ``clock_paused`` (the incident's reason:
the clock stays stopped, across sign-ins, until ``clock_resumed``; the pause counts as no time) and
``time_extended`` (an accommodation: minutes and reason). Replay applies them as the seat did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class ReasonRequired(ValueError):
    """An invigilator's act needs a written reason."""


def _on_session(store: Any, session_id: str, clock: Any, act: Callable[[Any], bool]) -> bool:
    from simulator.engine.session import EpreuveSession

    session = EpreuveSession.resume(store, session_id, clock=clock)
    try:
        return act(session)
    finally:
        session.close()


def _reason(reason: str) -> str:
    if not reason.strip():
        raise ReasonRequired("a reason is required")
    return reason.strip()


def end_seat(store: Any, session_id: str, reason: str, clock: Any) -> bool:
    """End the session's épreuve now; False when it had already ended. ``SessionInUse`` while its seat is live."""
    note = _reason(reason)
    return _on_session(store, session_id, clock, lambda session: session.end(note))


def pause_seat(store: Any, session_id: str, reason: str, clock: Any) -> bool:
    """Stop the seat's clock for a documented incident; False when it had ended or was already paused."""
    note = _reason(reason)
    return _on_session(store, session_id, clock, lambda session: session.pause_clock(note))


def resume_seat(store: Any, session_id: str, clock: Any) -> bool:
    """Restart a paused clock; False when it was not paused (or the épreuve had ended)."""
    return _on_session(store, session_id, clock, lambda session: session.resume_clock())


def extend_seat(store: Any, session_id: str, minutes: int, reason: str, clock: Any) -> bool:
    """Give the candidate ``minutes`` more (an accommodation, with its reason); False when the épreuve had ended."""
    note = _reason(reason)
    if minutes <= 0:
        raise ValueError("minutes must be positive")
    return _on_session(store, session_id, clock, lambda session: session.extend_time(minutes, note))


def ask_seat(store: Any, session_id: str, kind: str, payload: dict[str, Any], clock: Any) -> int:
    """Leave a request (``pause`` with a reason, ``resume``, ``extend`` with minutes and reason) for a live seat.

    The request's number; ``LookupError`` when the store cannot carry requests (only a centre's
    PostgreSQL store can: a seat on a SQLite file is paused by leaving its app first).
    """
    from simulator.engine.clock import stamp

    post = getattr(store, "post_request", None)
    if post is None:
        raise LookupError("this store carries no requests")
    if kind in ("pause", "extend"):
        payload = {**payload, "reason": _reason(str(payload.get("reason", "")))}
    return int(post(session_id, kind, payload, stamp(clock.now())))
