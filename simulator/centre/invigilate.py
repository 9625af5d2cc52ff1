"""What the invigilator may do to a seat from the watch screen (no Textual): end its épreuve, with a reason.

The seat's journal has one writer at a time: a seat whose app is still connected holds its session,
so it is refused (``SessionInUse``) until the candidate's app is left with the invigilator's code.
The end is journalled in the session itself (``session_finished``, reason ``invigilator`` and the
note), after the resume that the journal counts as downtime: the candidate's time is not charged.
"""

from __future__ import annotations

from typing import Any


class ReasonRequired(ValueError):
    """An invigilator's act needs a written reason."""


def end_seat(store: Any, session_id: str, reason: str, clock: Any) -> bool:
    """End the session's épreuve now; False when it had already ended. ``SessionInUse`` while its seat is live."""
    from simulator.engine.session import EpreuveSession

    if not reason.strip():
        raise ReasonRequired("a reason is required")
    session = EpreuveSession.resume(store, session_id, clock=clock)
    try:
        return session.end(reason.strip())
    finally:
        session.close()
