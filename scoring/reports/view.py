"""A grille made easy to render: labels from the référentiel, evidence joined to its moment, words per language.

The words come from :mod:`scoring.reports.words` (message ids of the engine catalog), the identity
lines from :mod:`scoring.reports.identity`; both are re-exported here for the reports that read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scoring.actions_text import action_text
from scoring.reports.criteria_view import CriterionRow, criteria_rows, evidence_note, kind_word
from scoring.reports.identity import identity
from scoring.reports.words import counts_text, speakers, verdict_word, words

__all__ = [
    "ActivityRow",
    "CompetencyRow",
    "EvidenceRow",
    "activities",
    "counts_text",
    "identity",
    "localised",
    "speakers",
    "verdict_word",
    "words",
]


def localised(texts: Mapping[str, str] | None, lang: str) -> str:
    """A stored ``{"fr": …, "en": …}`` text in ``lang``, else in French, else in any language."""
    if not texts:
        return ""
    return texts.get(lang) or texts.get("fr") or next(iter(texts.values()), "")


@dataclass(frozen=True)
class EvidenceRow:
    """One observation with its moment, in one language."""

    seq: int
    at: str
    time: str
    contact: str
    effect: str
    critical: bool
    rule: str
    explanation: str
    detail: str
    did: str
    excerpt: tuple[tuple[str, str], ...]
    #: Why it did not count as usual under rubric 2 (a duplicate, a contact cut short, to confirm), else "".
    note: str = ""
    kind: str = ""


@dataclass(frozen=True)
class CompetencyRow:
    code: str
    label: str
    verdict: str
    verdict_word: str
    positive: int
    negative: int
    critical: int
    reason: str
    rule: Mapping[str, Any]
    evidence: tuple[EvidenceRow, ...]
    #: Rubric 2: the criteria with their kind and, per contact, met / not met / not observed.
    criteria: tuple[CriterionRow, ...] = ()


@dataclass(frozen=True)
class ActivityRow:
    code: str
    label: str
    verdict: str
    verdict_word: str
    counts: Mapping[str, int]
    competencies: tuple[CompetencyRow, ...]


def activities(grille: Mapping[str, Any], lang: str) -> list[ActivityRow]:
    """The three key activities with their competencies, labels in ``lang``, evidence joined to moments."""
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    label_lang = lang if lang in ("fr", "en", "nl") else "fr"
    moments = {m["seq"]: m for m in grille.get("moments", ())}
    rows = []
    for activity in grille["activities"]:
        competencies = tuple(
            _competency_row(
                item, moments, lang, referentiel.competency(item["code"]).label(label_lang)
            )
            for item in grille["competencies"]
            if item["activity"] == activity["code"]
        )
        label = referentiel.activity(activity["code"]).label(label_lang)
        verdict = activity["verdict"]
        rows.append(
            ActivityRow(
                activity["code"],
                label,
                verdict,
                verdict_word(verdict, lang),
                activity["counts"],
                competencies,
            )
        )
    return rows


def _competency_row(
    item: Mapping[str, Any], moments: Mapping[int, Mapping[str, Any]], lang: str, label: str
) -> CompetencyRow:
    """One competency of the grille in ``lang``, its evidence joined to the moments it was seen at."""
    return CompetencyRow(
        code=item["code"],
        label=label,
        verdict=item["verdict"],
        verdict_word=verdict_word(item["verdict"], lang),
        positive=item["positive"],
        negative=item["negative"],
        critical=item["critical"],
        reason=_reason(item, lang),
        rule=item["rule"],
        evidence=tuple(
            _evidence_row(entry, moments.get(entry["seq"], {}), lang) for entry in item["evidence"]
        ),
        criteria=criteria_rows(item, lang),
    )


def _evidence_row(entry: Mapping[str, Any], moment: Mapping[str, Any], lang: str) -> EvidenceRow:
    """One observation with what the candidate did and the excerpt of the conversation at that moment."""
    names = speakers(lang)
    return EvidenceRow(
        seq=entry["seq"],
        at=moment.get("at", ""),
        time=moment.get("at", "")[11:19],
        contact=entry["contact"],
        effect=entry["effect"],
        critical=entry["critical"],
        rule=entry["rule"],
        explanation=localised(entry.get("explanation"), lang),
        detail=localised(entry.get("detail"), lang),
        did=_did(moment.get("action", {"kind": "?"}), lang),
        excerpt=tuple(
            (names.get(speaker, speaker), text) for speaker, text in moment.get("excerpt", ())
        ),
        note=evidence_note(entry, lang),
        kind=kind_word(entry["kind"], lang) if entry.get("kind") else "",
    )


def _reason(item: Mapping[str, Any], lang: str) -> str:
    """Why the scorer decided so, and how many typed texts still wait for an assessor."""
    reason = localised(item["reason"], lang)
    if item.get("to_confirm"):
        reason += " · " + words(lang)["to_confirm"].format(n=item["to_confirm"])
    return reason


#: The actions whose words the excerpt shows: « what the candidate did » points to it instead.
_SHOWN_IN_EXCERPT = {"choose": "chose", "say": "typed"}


def _did(action: Mapping[str, str], lang: str) -> str:
    """What the candidate did; a reply's words are not repeated, the excerpt shows them."""
    key = _SHOWN_IN_EXCERPT.get(action.get("kind", ""))
    if key is not None:
        return words(lang)[key]
    return action_text(action, lang)
