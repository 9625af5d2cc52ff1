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


def criteria_competencies(
    by_code: Mapping[str, list[tuple[int, int, dict[str, Any]]]],
    rubric: Any,
    mode: str,
    order: Sequence[str],
) -> list[dict[str, Any]]:
    """Judge every competency of the référentiel under the criteria rubric ``rubric`` (a ``LoadedRubric``)."""
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    model = rubric.lookups()
    found_by_code = {
        code: [entry for _s, _o, entry in sorted(by_code.get(code, ()), key=_position)]
        for code in referentiel.codes
    }
    aborted = aborted_contacts(model, [e for found in found_by_code.values() for e in found])
    rules = rubric.rules(mode, referentiel.codes)
    competencies = []
    for code in referentiel.codes:
        found = found_by_code[code]
        annotate(model, code, found, aborted)
        rule = rules[code]
        judged = judge_competency(model, code, found, rule, aborted, order)
        positive = negative = critical = waiting = 0
        # one pass: the counts, and each entry slimmed — the grille is stored and hashed for every
        # session: an observation's criterion is in its competency's ``criteria`` (with its seq),
        # and ``counted`` is the status unless said otherwise
        for entry in found:
            status = entry["status"]
            if status == "counted":
                if entry["effect"] == "positive":
                    positive += 1
                else:
                    negative += 1
                    critical += entry["kind"] == "critical"
                del entry["status"]
            elif status == "to_confirm":
                waiting += 1
            del entry["criterion"]
        competencies.append(
            {
                "code": code,
                "activity": referentiel.competency(code).activity,
                "verdict": judged["verdict"],
                "reason": judged["reason"],
                "rule": rule.to_json(),
                "positive": positive,
                "negative": negative,
                "critical": critical,
                "criteria": judged["criteria"],
                "contacts": judged["contacts"],
                "evidence": found,
            }
        )
        if (
            waiting
        ):  # typed texts the machine was unsure about: not counted until an assessor decides
            competencies[-1]["to_confirm"] = waiting
    return competencies


def _position(item: tuple[int, int, dict[str, Any]]) -> tuple[int, int]:
    return item[0], item[1]
