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


def jsonl_records(review: SessionReview, header: SessionHeader, events: Sequence[Event], *,
                  blind: bool = False, lang: str = "fr") -> list[dict[str, Any]]:
    """The lines of one session as dicts, in order: session, 23 competencies, overrides, audit entries."""
    from simulator.referentiel import get_referentiel

    grille, mask = grille_of(review), masker(review, blind)
    automatic, final = review.automatic(), review.final()
    in_force = override_in_force(review)
    sid = review.session_id
    records: list[dict[str, Any]] = [{
        "kind": "session", "session_id": sid, "candidate": candidate_label(review, blind), "blind": blind,
        "seed": header.seed, "epreuve_id": header.epreuve_id, "epreuve_hash": header.epreuve_hash,
        "epreuve_version": grille["session"].get("epreuve_version", ""), "mode": header.mode,
        "language": header.language, "created_at": header.created_at, "app_version": header.app_version,
        "scenario_hashes": dict(sorted(header.scenario_hashes.items())), "events": len(events),
        "journal_head": grille["journal"]["head"], "rubric": dict(grille["rubric"]),
        "grille_sha256": grille_source(review), "status": review.status,
        "verdict": {"automatic": grille["verdict"], "final": epreuve_verdict(review, final)},
        "reviewed_by": list(review.reviewed_by), "signed_by": review.signed_by,
    }]
    label_lang = lang if lang in ("fr", "en", "nl") else "fr"
    referentiel = get_referentiel()
    for item in grille["competencies"]:
        code = item["code"]
        records.append({
            "kind": "competency", "session_id": sid, "code": code,
            "label": referentiel.competency(code).label(label_lang),
            "automatic": automatic[code], "final": final[code], "overridden": code in in_force,
            "evidence": len(item["evidence"]),
        })
    for item in review.overrides:
        records.append({
            "kind": "override", "session_id": sid, "competency": item.competency, "verdict": item.verdict,
            "automatic": item.automatic, "previous": item.previous, "reason": mask(item.reason),
            "assessor": item.assessor, "at": item.at, "audit_seq": item.audit_seq, "audit_hash": item.audit_hash,
        })
    for entry in review.audit:
        records.append({
            "kind": "audit", "session_id": entry.session_id, "seq": entry.seq, "at": entry.at,
            "assessor": entry.assessor, "action": entry.action, "payload": masked_payload(entry.payload, mask),
            "prev_hash": entry.prev_hash, "hash": entry.hash,
        })
    return records


def render_jsonl(records: Sequence[dict[str, Any]]) -> str:
    """One canonical JSON object per line (sorted keys, UTF-8 kept readable)."""
    return "".join(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n" for record in records)


def export_jsonl(review: SessionReview, header: SessionHeader, events: Sequence[Event], *,
                 blind: bool = False, lang: str = "fr") -> str:
    """One session as JSON Lines."""
    return render_jsonl(jsonl_records(review, header, events, blind=blind, lang=lang))
