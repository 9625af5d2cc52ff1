"""What the assessors' commands print when the desk or its store refuses: one message and one exit code.

``agreement``, ``export`` and the ``assessor``/``override``/lifecycle commands open a ``ReviewDesk``
on ``--store``; whatever it raises — a refused act, an unknown session, a journal that does not
verify, an SQLite file that is not a store — becomes the same message in the chosen language and
the same exit code everywhere (2 for what names nothing known, 1 for a refusal); the message is read
through :func:`simulator.cli.layer_text.layer_text`, whatever shape the error gives it in.
"""

from __future__ import annotations

import sqlite3
import sys

from simulator.cli.layer_text import layer_text


def desk_failure(exc: Exception, lang: str) -> tuple[str, int]:
    """The message and exit code for an error raised while working on the desk."""
    from scoring.assessment.model import AssessmentError, InvalidFilter, UnknownSessionReview
    from simulator.journal.errors import JournalError

    if isinstance(exc, UnknownSessionReview | InvalidFilter):
        return layer_text(exc, lang), 2
    if isinstance(exc, AssessmentError | JournalError):
        return layer_text(exc, lang), 1
    return str(exc), 1


def desk_errors() -> tuple[type[Exception], ...]:
    """The exceptions ``desk_failure`` turns into a message (catch these around desk work)."""
    from scoring.assessment.model import AssessmentError
    from simulator.journal.errors import JournalError

    driver = sys.modules.get("psycopg")  # imported only when a PostgreSQL store was opened
    return (
        AssessmentError,
        JournalError,
        sqlite3.Error,
        *((driver.Error,) if driver is not None else ()),
    )
