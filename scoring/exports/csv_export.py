"""Reviewed sessions as CSV: one row per (session, competency) with the automatic and the final verdict.

``overridden_by`` and ``reason`` come from the override in force (the latest on that competency);
verdicts are the codes ok, nok and not_observed; ``date`` is the day of the épreuve (yyyy-mm-dd).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from scoring.assessment.model import SessionReview
from scoring.exports.view import candidate_label, grille_of, masker, override_in_force
from simulator.journal.events import Event, SessionHeader

COLUMNS: tuple[str, ...] = (
    "session",
    "candidate",
    "epreuve",
    "date",
    "competency",
    "label",
    "automatic",
    "final",
    "overridden_by",
    "reason",
    "status",
    "signed_by",
)


def csv_rows(
    review: SessionReview,
    header: SessionHeader,
    events: Sequence[Event],
    *,
    blind: bool = False,
    lang: str = "fr",
) -> list[tuple[str, ...]]:
    """The 23 rows of one session, in competency order (no heading)."""
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    label_lang = lang if lang in ("fr", "en", "nl") else "fr"
    mask, in_force = masker(review, blind), override_in_force(review)
    automatic, final = review.automatic(), review.final()
    candidate = candidate_label(review, blind)
    rows: list[tuple[str, ...]] = []
    for item in grille_of(review)["competencies"]:
        code = item["code"]
        override = in_force.get(code)
        rows.append(
            (
                review.session_id,
                candidate,
                header.epreuve_id,
                header.created_at[:10],
                code,
                referentiel.competency(code).label(label_lang),
                automatic[code],
                final[code],
                override.assessor if override else "",
                mask(override.reason) if override else "",
                review.status,
                review.signed_by,
            )
        )
    return rows


def render_csv(rows: Sequence[tuple[str, ...]]) -> str:
    """The heading line, then ``rows`` (RFC 4180 quoting, ``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def export_csv(
    review: SessionReview,
    header: SessionHeader,
    events: Sequence[Event],
    *,
    blind: bool = False,
    lang: str = "fr",
) -> str:
    """One session as CSV (heading + 23 rows)."""
    return render_csv(csv_rows(review, header, events, blind=blind, lang=lang))
