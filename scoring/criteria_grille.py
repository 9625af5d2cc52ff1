"""The competencies section of a grille under a criteria rubric (``rubric/2``): criteria, contacts, verdicts.

Each competency lists its observations (each with its criterion, kind and status), its criteria
met / not met / not observed per contact with the seqs behind each, its contact verdicts and the
épreuve verdict with the reason. ``positive``/``negative``/``critical`` count the observations
that counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from scoring.judge import aborted_contacts, annotate, judge_competency


def contact_order(events: Iterable[Any]) -> list[str]:
    """The contacts in épreuve order, as the journal's ``session_started`` lists them."""
    started = next((e for e in events if e.type == "session_started"), None)
    if started is None:
        return []
    return [str(c.get("contact")) for c in (started.payload.get("contacts") or ())]


def criteria_competencies(by_code: Mapping[str, list[tuple[int, int, dict[str, Any]]]], rubric: Any, mode: str,
                          order: Sequence[str]) -> list[dict[str, Any]]:
    """Judge every competency of the référentiel under the criteria rubric ``rubric`` (a ``LoadedRubric``)."""
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    model = rubric.rubric
    found_by_code = {code: [dict(entry) for _s, _o, entry in sorted(by_code.get(code, ()), key=lambda i: (i[0], i[1]))]
                     for code in referentiel.codes}
    aborted = aborted_contacts(model, [e for found in found_by_code.values() for e in found])
    rules = rubric.rules(mode, referentiel.codes)
    competencies = []
    for code in referentiel.codes:
        found = found_by_code[code]
        annotate(model, code, found, aborted)
        rule = rules[code]
        judged = judge_competency(model, code, found, rule, aborted, order)
        counted = [e for e in found if e["status"] == "counted"]
        positive = sum(e["effect"] == "positive" for e in counted)
        competencies.append({
            "code": code, "activity": referentiel.competency(code).activity, "verdict": judged["verdict"],
            "reason": judged["reason"], "rule": rule.to_json(),
            "positive": positive, "negative": len(counted) - positive,
            "critical": sum(e["kind"] == "critical" and e["effect"] == "negative" for e in counted),
            "criteria": judged["criteria"], "contacts": judged["contacts"], "evidence": found,
        })
    return competencies
