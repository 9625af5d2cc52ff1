"""What the assessors' commands print in tables: the audit log and the sessions with their review status."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from scoring.assessment.model import (
    OVERRIDE,
    REVIEWED,
    SCORED,
    SIGNED,
    TO_SCORE,
    AuditEntry,
    SessionReview,
)
from simulator.cli.scoring_common import verdict_text
from simulator.i18n import N_, Translator

#: A session's review status, as the sessions table writes it.
STATUSES = {
    TO_SCORE: N_("to score"),
    SCORED: N_("scored"),
    REVIEWED: N_("reviewed"),
    SIGNED: N_("signed"),
}
#: What an audit entry records, in a few words (``override`` names the competency and both verdicts).
ACTS = {
    "assessor_added": N_("account created"),
    "admin_added": N_("administrator created"),
    "assessor_removed": N_("account removed"),
    "store_migrated": N_("store sealed (migration)"),
    "centre_seal": N_("centre seal"),
    "review": N_("marked reviewed"),
    "sign": N_("signed"),
    "reopen": N_("re-opened"),
    OVERRIDE: N_("override {code}: {previous} → {verdict}"),
    "confirm_text": N_("typed text decided"),
}
AUDIT_COLUMNS = (N_("#"), N_("When"), N_("Who"), N_("Session"), N_("What"), N_("Why"))
SESSIONS_COLUMNS = (
    N_("Session"),
    N_("Candidate"),
    N_("Épreuve"),
    N_("Date"),
    N_("Status"),
    N_("Verdict auto / final"),
    N_("Overrides"),
)


#: Width of the tables when the output is not a terminal (a file, a pipe): whole lines, same bytes every run.
PIPE_WIDTH = 160


def console() -> Console:
    """Standard output; a terminal's own width, else ``PIPE_WIDTH``."""
    screen = Console(highlight=False)
    return screen if screen.is_terminal else Console(highlight=False, width=PIPE_WIDTH)


def audit_table(entries: Iterable[AuditEntry], t: Translator, *, with_session: bool) -> Table:
    """One row per entry: seq, when, who, (session,) what was done, why."""
    seq, when, who, session, what, why = (t(heading) for heading in AUDIT_COLUMNS)
    table = Table()
    table.add_column(seq, justify="right")
    table.add_column(when, no_wrap=True)
    table.add_column(who)
    if with_session:
        table.add_column(session, no_wrap=True)
    table.add_column(what)
    table.add_column(why)
    for entry in entries:
        cells = [str(entry.seq), moment(entry.at), entry.assessor]
        if with_session:
            cells.append(entry.session_id or "—")
        cells += [did(entry, t), str(entry.payload.get("reason", ""))]
        table.add_row(*cells)
    return table


def did(entry: AuditEntry, t: Translator) -> str:
    """What an audit entry records, in a few words."""
    if entry.action not in ACTS:
        return entry.action
    payload = entry.payload
    return t(
        ACTS[entry.action],
        code=payload.get("competency", "?"),
        previous=verdict_text(str(payload.get("previous")), t),
        verdict=verdict_text(str(payload.get("verdict")), t),
    )


def sessions_table(reviews: Iterable[SessionReview], t: Translator) -> Table:
    """One row per session: id, candidate, épreuve, date, status, épreuve verdict automatic / final, overrides."""
    table = Table()
    for index, heading in enumerate(SESSIONS_COLUMNS):
        table.add_column(
            t(heading), no_wrap=index in (0, 3), justify="right" if index == 6 else "left"
        )
    for review in reviews:
        verdicts = (
            "—"
            if review.grille is None
            else (
                f"{verdict_text(review.automatic_verdict(), t)} / {verdict_text(review.final_verdict(), t)}"
            )
        )
        status = t(STATUSES[review.status]) if review.status in STATUSES else review.status
        table.add_row(
            review.session_id,
            review.candidate_id,
            review.epreuve_id,
            review.created_at[:10],
            status,
            verdicts,
            str(len(review.overrides)),
        )
    return table


def moment(at: str) -> str:
    """``2026-01-06T10:00:00.000`` → ``2026-01-06 10:00:00``."""
    return at[:19].replace("T", " ")
