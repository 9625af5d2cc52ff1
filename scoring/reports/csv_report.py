"""The grille as CSV: one row per competency, with the session, épreuve and rubric it belongs to."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from scoring.reports.view import activities

COLUMNS = (
    "session_id",
    "candidate_id",
    "epreuve_id",
    "epreuve_version",
    "rubric_id",
    "rubric_version",
    "journal_head",
    "epreuve_verdict",
    "activity",
    "activity_verdict",
    "code",
    "label",
    "verdict",
    "positive",
    "negative",
    "critical",
    "reason",
    "criteria",
)


def _criteria(criteria: tuple[Any, ...], lang: str) -> str:
    """Rubric 2: « kind criterion-id: contact status (seqs); … | … » (empty for rubric 1)."""
    return " | ".join(f"{c.kind} {c.id}: {c.summary(lang)}" for c in criteria)


def render_csv(grille: Mapping[str, Any], lang: str = "fr") -> str:
    """Header line then 23 rows (verdict codes: ok, nok, not_observed; criteria per contact under rubric 2)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    s, rubric = grille["session"], grille["rubric"]
    for activity in activities(grille, lang):
        for row in activity.competencies:
            writer.writerow(
                (
                    s["id"],
                    s["candidate_id"],
                    s["epreuve_id"],
                    s.get("epreuve_version", ""),
                    rubric["id"],
                    rubric["version"],
                    grille["journal"]["head"],
                    grille["verdict"],
                    activity.code,
                    activity.verdict,
                    row.code,
                    row.label,
                    row.verdict,
                    row.positive,
                    row.negative,
                    row.critical,
                    row.reason,
                    _criteria(row.criteria, lang),
                )
            )
    return out.getvalue()
