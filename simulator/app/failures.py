"""What a candidate reads when something goes wrong: one plain sentence in their language, never a traceback.

Expected errors (the session open on another seat, a journal that cannot be written or is damaged,
an épreuve that cannot resume) each get their own sentence; anything else gets the same general
one. Every sentence says what to do: in an exam, call the invigilator. The technical detail goes to
the log (``simulator.crash_log``), never to the screen.
"""

from __future__ import annotations

from collections.abc import Callable

#: Exit code of the candidate app after an error it could not recover from.
FAILURE_EXIT = 3


def seat_message(error: BaseException, t: Callable[..., str]) -> str | None:
    """The sentence for an error met while opening a seat that the candidate can act on (None for others)."""
    from simulator.journal.errors import SessionInUse

    if isinstance(error, SessionInUse):
        return t(
            "This candidate's épreuve is open on another seat. It cannot be opened here while it is "
            "in use there: call the invigilator."
        )
    return None


def failure_message(error: BaseException, t: Callable[..., str]) -> str:
    """The sentence shown after an error that ends the app (the app then exits with ``FAILURE_EXIT``)."""
    from simulator.journal.errors import (
        InvalidRecord,
        StoreClosed,
        StoreMisconfigured,
        StoreWriteFailed,
    )

    if isinstance(error, StoreWriteFailed):
        return t(
            "The épreuve's journal cannot be written at the moment (another program keeps it busy). "
            "What was not saved is not counted. Call the invigilator: the épreuve resumes where it stopped."
        )
    if isinstance(error, StoreMisconfigured | InvalidRecord | StoreClosed):
        return t(
            "The épreuve's journal on this computer is damaged or cannot be used. "
            "Call the invigilator."
        )
    return t(
        "A technical problem stopped the épreuve. Everything you did until now is saved. "
        "Call the invigilator: the épreuve resumes where it stopped."
    )
