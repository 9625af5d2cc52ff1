"""The grille d'évaluation as plain JSON data: built from a journal and its evidence, serialised canonically.

A grille is a dict (``callsim: grille/1``) with the session, the journal head it was computed
from, the rubric and référentiel versions, the épreuve verdict, the three key activities, the 23
competencies — each with its verdict, the reason, the counts and every piece of evidence behind it
(event seq, contact, effect, the rule, the explanation) — and the *moments*: for each event that
carries evidence, its time, what the candidate did and a transcript excerpt (shared by the
evidence of that event). ``grille_bytes`` is canonical: same grille → same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from scoring.criteria_grille import contact_order, criteria_competencies
from scoring.fastjson import canonical, canonical_plain, odd
from scoring.rubric import LoadedRubric
from scoring.verdicts import Tally, aggregate, counts, decide
from simulator.engine.interruptions import interruptions, invigilator_acts
from simulator.journal.canonical import header_hash
from simulator.journal.events import Event, SessionHeader

FORMAT = "grille/1"
_ENDINGS = ("session_finished", "time_up")


def grille_bytes(grille: Mapping[str, Any]) -> bytes:
    """Canonical JSON (sorted keys, no spaces, UTF-8): the stored and hashed form."""
    return canonical_plain(grille) if _plain(grille) else canonical(grille)


def _plain(grille: Mapping[str, Any]) -> bool:
    """Whether a grille holds only dicts, lists, str, int, bool and None, looking only where a value
    read from the journal is kept as it was read: the bulk — moments' excerpts and actions, each
    competency's criteria and contact rows — is written through ``str()``, seqs and counts, and
    the rubric's own texts (``tests/scoring/test_grille_bytes.py`` holds this on real grilles)."""
    for key, value in grille.items():
        if key == "moments":
            if any(type(m.get("contact")) not in _TEXT_OR_NONE for m in value):
                return False
        elif key == "competencies":
            for competency in value:
                for name, part in competency.items():
                    if name == "evidence":
                        if any(_odd_entry(e) for e in part):
                            return False
                    elif name not in _BUILT and odd(part):
                        return False
        elif odd(value):
            return False
    return True


def _odd_entry(entry: Mapping[str, Any]) -> bool:
    """Whether an observation's explanation or detail (kept as read from the journal) is odd; the
    usual shapes — ``{"en": text, "fr": text}`` and no detail — are recognised without a walk."""
    explanation, detail = entry.get("explanation"), entry.get("detail")
    if not (
        type(explanation) is dict
        and len(explanation) == 2
        and type(explanation.get("en")) is str
        and type(explanation.get("fr")) is str
    ) and odd(explanation):
        return True
    return detail is not None and odd(detail)


_TEXT_OR_NONE = (str, type(None))
#: Parts of a competency written by the judge from seqs, verdict codes and the rubric's labels.
_BUILT = frozenset({"criteria", "contacts"})


def grille_pretty(grille: Mapping[str, Any]) -> str:
    """Indented JSON with sorted keys (deterministic too): for people and golden files."""
    return json.dumps(grille, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def journal_head(header: SessionHeader, events: list[Event]) -> str:
    """The hash a journal ends on: its last event's, or the header's when it has none."""
    return events[-1].hash if events else header_hash(header)


def is_finished(events: Iterable[Event]) -> bool:
    """Whether the épreuve ended (completed, or time ran out); a journal in order is read from its end."""
    ordered = events if isinstance(events, list) else list(events)
    return any(event.type in _ENDINGS for event in reversed(ordered))


def session_section(header: SessionHeader, events: list[Event]) -> dict[str, Any]:
    """Who sat which épreuve, when, how it ended, and its interruptions (if any)."""
    started = next((e for e in events if e.type == "session_started"), None)
    ended = next((e for e in reversed(events) if e.type in _ENDINGS), None)
    reason = None
    if ended is not None:
        reason = (
            "time_up" if ended.type == "time_up" else str(ended.payload.get("reason", "completed"))
        )
    section = {
        "id": header.session_id,
        "candidate_id": header.candidate_id,
        "seed": header.seed,
        "epreuve_id": header.epreuve_id,
        "epreuve_version": str(started.payload.get("version", "")) if started else "",
        "epreuve_hash": header.epreuve_hash,
        "mode": header.mode,
        "language": header.language,
        "created_at": header.created_at,
        "app_version": header.app_version,
        "ended_reason": reason,
        "ended_at": ended.at if ended else None,
    }
    drawn = header.extra.get("variants")
    if drawn:  # the forms drawn for this candidate (scenarios with variants), for assessors only
        section["variants"] = {sid: dict(combo) for sid, combo in dict(drawn).items()}
    stops = interruptions(events)
    if (
        stops
    ):  # written only when there were any: grilles of sessions never interrupted stay as they were
        section["interruptions"] = stops
    acts = invigilator_acts(events)
    if acts:  # the invigilator's pauses and extensions, written only when there were any
        section["invigilator"] = acts
    return section


def scenarios_section(
    header: SessionHeader, events: list[Event], versions: Mapping[str, str] | None
) -> list[dict[str, str]]:
    """The scenarios of the épreuve in épreuve order, with their file hashes (and versions when known)."""
    started = next((e for e in events if e.type == "session_started"), None)
    order = [c.get("contact") for c in (started.payload.get("contacts") or ())] if started else []
    ids = [k for k in order if k in header.scenario_hashes]
    ids += sorted(k for k in header.scenario_hashes if k not in ids)
    out = []
    for key in ids:
        item = {"id": key, "sha256": header.scenario_hashes[key]}
        if versions and key in versions:
            item["version"] = versions[key]
        out.append(item)
    return out


def build_grille(
    header: SessionHeader,
    events: list[Event],
    items: Iterable[tuple[str, int, dict[str, Any]]],
    moments: list[dict[str, Any]],
    rubric: LoadedRubric,
    *,
    source: str,
    scenario_versions: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
    confirmations: Mapping[tuple[int, str], bool] | None = None,
) -> dict[str, Any]:
    """Apply ``rubric`` to evidence ``items``: (competency code, order within its event, entry with its ``seq``).

    ``moments`` describe the events that carry evidence (time, contact, what the candidate did,
    transcript excerpt), one per event, in journal order. Unsure observations (typed texts) are
    not counted unless ``confirmations`` decide them; a competency shows how many wait (``to_confirm``).
    """
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    by_code = _evidence_by_code(items, referentiel.codes, confirmations)
    if rubric.is_criteria:
        competencies = criteria_competencies(by_code, rubric, header.mode, contact_order(events))
    else:
        competencies = _share_competencies(by_code, rubric, header.mode)
    activities = [_activity(activity.code, competencies) for activity in referentiel.activities]
    grille: dict[str, Any] = {
        "callsim": FORMAT,
        "session": session_section(header, events),
        "scenarios": scenarios_section(header, events, scenario_versions),
        "journal": {"events": len(events), "head": journal_head(header, events)},
        "rubric": rubric.identity(),
        "referentiel": {"name": referentiel.name, "version": referentiel.version},
        "evidence_source": source,
        "verdict": aggregate(a["verdict"] for a in activities),
        "counts": counts(c["verdict"] for c in competencies),
        "activities": activities,
        "competencies": competencies,
        "moments": moments,
    }
    if unknown := sorted(set(by_code) - set(referentiel.codes)):
        grille["unknown_competencies"] = unknown
    grille.update(extra or {})
    return grille


def _evidence_by_code(
    items: Iterable[tuple[str, int, dict[str, Any]]],
    codes: Iterable[str],
    confirmations: Mapping[tuple[int, str], bool] | None,
) -> dict[str, list[tuple[int, int, dict[str, Any]]]]:
    """Every competency's evidence as (seq, order, entry), the référentiel's codes first; decided texts as decided."""
    from scoring.confirmations import apply_confirmations

    by_code: dict[str, list[tuple[int, int, dict[str, Any]]]] = {code: [] for code in codes}
    for code, order, entry in items:
        by_code.setdefault(code, []).append((entry["seq"], order, entry))
    if confirmations:  # an assessor's decision on an unsure typed text makes it count as decided
        by_code = {
            code: [
                (seq, order, confirmed)
                for (seq, order, _entry), confirmed in zip(
                    found, apply_confirmations([e for _s, _o, e in found], confirmations)
                )
            ]
            for code, found in by_code.items()
        }
    return by_code


def _activity(code: str, competencies: list[dict[str, Any]]) -> dict[str, Any]:
    """An activity's verdict and counts, from the verdicts of its competencies."""
    verdicts = [c["verdict"] for c in competencies if c["activity"] == code]
    return {"code": code, "verdict": aggregate(verdicts), "counts": counts(verdicts)}


def _share_competencies(
    by_code: Mapping[str, list[tuple[int, int, dict[str, Any]]]], rubric: LoadedRubric, mode: str
) -> list[dict[str, Any]]:
    """Rubric 1: every observation weighs the same and the verdict is a share."""
    from scoring.confirmations import counted
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    competencies = []
    rules = rubric.rules(mode, referentiel.codes)
    for code in referentiel.codes:
        found = [entry for _seq, _order, entry in sorted(by_code[code], key=_position)]
        kept, waiting = counted(found)  # unsure typed texts wait for an assessor
        positive = sum(e["effect"] == "positive" for e in kept)
        critical = sum(e["critical"] and e["effect"] != "positive" for e in kept)
        tally = Tally(positive, len(kept) - positive, critical)
        rule = rules[code]
        decision = decide(tally, rule)
        competencies.append(
            {
                "code": code,
                "activity": referentiel.competency(code).activity,
                "verdict": decision.verdict,
                "reason": decision.reason(),
                "rule": rule.to_json(),
                "positive": tally.positive,
                "negative": tally.negative,
                "critical": tally.critical,
                "evidence": found,
            }
        )
        if waiting:
            competencies[-1]["to_confirm"] = waiting
    return competencies


def _position(item: tuple[int, int, dict[str, Any]]) -> tuple[int, int]:
    return item[0], item[1]


def competency_map(grille: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The grille's competencies by code."""
    return {c["code"]: c for c in grille["competencies"]}
