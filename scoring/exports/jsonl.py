"""A reviewed session as JSON Lines: the session, then one line per competency, per override and per audit entry.

Every line is a JSON object with a ``kind`` (``session``, ``competency``, ``override``, ``audit``)
and the ``session_id``; keys are sorted, so the same review always gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from scoring.assessment.model import SessionReview
from scoring.exports.view import (
    candidate_label,
    epreuve_verdict,
    grille_of,
    grille_source,
    masked_payload,
    masker,
    override_in_force,
)
from simulator.journal.events import Event, SessionHeader


def jsonl_records(
    review: SessionReview,
    header: SessionHeader,
    events: Sequence[Event],
    *,
    blind: bool = False,
    lang: str = "fr",
) -> list[dict[str, Any]]:
    """The lines of one session as dicts, in order: session, 23 competencies, overrides, audit entries."""
    mask = masker(review, blind)
    sid = review.session_id
    records = [_session_record(review, header, events, blind)]
    records += _competency_records(review, lang)
    for item in review.overrides:
        records.append(
            {
                "kind": "override",
                "session_id": sid,
                "competency": item.competency,
                "verdict": item.verdict,
                "automatic": item.automatic,
                "previous": item.previous,
                "reason": mask(item.reason),
                "assessor": item.assessor,
                "at": item.at,
                "audit_seq": item.audit_seq,
                "audit_hash": item.audit_hash,
            }
        )
    for entry in review.audit:
        records.append(
            {
                "kind": "audit",
                "session_id": entry.session_id,
                "seq": entry.seq,
                "at": entry.at,
                "assessor": entry.assessor,
                "action": entry.action,
                "payload": masked_payload(entry.payload, mask),
                "prev_hash": entry.prev_hash,
                "hash": entry.hash,
            }
        )
    return records


def _session_record(
    review: SessionReview, header: SessionHeader, events: Sequence[Event], blind: bool
) -> dict[str, Any]:
    """The first line: who sat which épreuve, with what, and where the review stands."""
    grille = grille_of(review)
    return {
        "kind": "session",
        "session_id": review.session_id,
        "candidate": candidate_label(review, blind),
        "blind": blind,
        "seed": header.seed,
        "epreuve_id": header.epreuve_id,
        "epreuve_hash": header.epreuve_hash,
        "epreuve_version": grille["session"].get("epreuve_version", ""),
        "mode": header.mode,
        "language": header.language,
        "created_at": header.created_at,
        "app_version": header.app_version,
        "scenario_hashes": dict(sorted(header.scenario_hashes.items())),
        "events": len(events),
        "journal_head": grille["journal"]["head"],
        "rubric": dict(grille["rubric"]),
        "grille_sha256": grille_source(review),
        "status": review.status,
        "verdict": {
            "automatic": grille["verdict"],
            "final": epreuve_verdict(review, review.final()),
        },
        "reviewed_by": list(review.reviewed_by),
        "signed_by": review.signed_by,
    }


def _competency_records(review: SessionReview, lang: str) -> list[dict[str, Any]]:
    """One line per competency of the grille: its label, its automatic and final verdicts."""
    from simulator.referentiel import get_referentiel

    automatic, final = review.automatic(), review.final()
    in_force = override_in_force(review)
    label_lang = lang if lang in ("fr", "en", "nl") else "fr"
    referentiel = get_referentiel()
    return [
        {
            "kind": "competency",
            "session_id": review.session_id,
            "code": item["code"],
            "label": referentiel.competency(item["code"]).label(label_lang),
            "automatic": automatic[item["code"]],
            "final": final[item["code"]],
            "overridden": item["code"] in in_force,
            "evidence": len(item["evidence"]),
        }
        for item in grille_of(review)["competencies"]
    ]


def render_jsonl(records: Sequence[dict[str, Any]]) -> str:
    """One canonical JSON object per line (sorted keys, UTF-8 kept readable)."""
    return "".join(
        json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n" for record in records
    )


def export_jsonl(
    review: SessionReview,
    header: SessionHeader,
    events: Sequence[Event],
    *,
    blind: bool = False,
    lang: str = "fr",
) -> str:
    """One session as JSON Lines."""
    return render_jsonl(jsonl_records(review, header, events, blind=blind, lang=lang))
