"""Typed texts the machine could not judge for sure, and the assessors' confirmations of them.

An *unsure* observation (``"unsure": true``) carries the machine's best guess as its effect but is
never counted as it stands: the grille counts it under ``to_confirm`` until an assessor confirms or
corrects it (audit action ``confirm_text``). Then it counts as the assessor said. A confirmation
names the event (``seq``) of the typed text and, optionally, one check (``rule``); without a rule
it decides every unsure observation of that text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: The audit action of a confirmation (listed with the others in scoring.assessment.model).
CONFIRM_TEXT = "confirm_text"
#: (event seq, rule or "") → met.
Confirmations = Mapping[tuple[int, str], bool]


def confirmations_from(entries: Iterable[Any]) -> dict[tuple[int, str], bool]:
    """The confirmations of a session's audit entries, the latest one for a text winning."""
    found: dict[tuple[int, str], bool] = {}
    for entry in entries:
        if entry.action == CONFIRM_TEXT:
            payload = entry.payload
            found[(int(payload.get("seq", 0)), str(payload.get("rule", "")))] = (
                payload.get("met") is True
            )
    return found


def _decision(entry: Mapping[str, Any], confirmations: Confirmations) -> bool | None:
    seq, rule = int(entry.get("seq", 0)), str(entry.get("rule", ""))
    if (seq, rule) in confirmations:
        return confirmations[(seq, rule)]
    return confirmations.get((seq, ""))


def apply_confirmations(
    evidence: Iterable[Mapping[str, Any]], confirmations: Confirmations
) -> list[dict[str, Any]]:
    """The observations with each confirmed unsure one turned into a counted one (``"confirmed": true``,
    the machine's own reading kept as ``guess``)."""
    result = []
    for entry in evidence:
        item = dict(entry)
        if item.get("unsure") is True:
            met = _decision(item, confirmations)
            if met is not None:
                del item["unsure"]
                item["guess"] = item.get("effect") == "positive"
                item["effect"], item["confirmed"] = ("positive" if met else "negative"), True
        result.append(item)
    return result


def counted(evidence: Iterable[Mapping[str, Any]]) -> tuple[list[Mapping[str, Any]], int]:
    """The observations a tally counts, and how many are left to confirm (unsure ones are not counted)."""
    kept, waiting = [], 0
    for entry in evidence:
        if entry.get("unsure") is True:
            waiting += 1
        else:
            kept.append(entry)
    return kept, waiting


def unconfirmed(
    grille: Mapping[str, Any] | None, confirmations: Confirmations
) -> list[tuple[int, str]]:
    """(seq, rule) of every unsure typed text of the grille that no assessor has decided yet."""
    if grille is None:
        return []
    waiting = []
    for competency in grille.get("competencies", ()):
        for entry in competency.get("evidence", ()):
            if entry.get("unsure") is True and _decision(entry, confirmations) is None:
                waiting.append((int(entry.get("seq", 0)), str(entry.get("rule", ""))))
    return sorted(set(waiting))


def regrade(grille: Mapping[str, Any], confirmations: Confirmations) -> dict[str, Any]:
    """The grille with confirmed texts counted: each competency that had some decided again under its rule."""
    if any("criteria" in c for c in grille.get("competencies", ())):
        return _regrade_criteria(grille, confirmations)
    from scoring.rubric import EffectiveRule
    from scoring.verdicts import Tally, decide

    competencies = []
    for competency in grille.get("competencies", ()):
        item = dict(competency)
        if competency.get("to_confirm") and isinstance(competency.get("rule"), Mapping):
            evidence = apply_confirmations(competency.get("evidence", ()), confirmations)
            kept, waiting = counted(evidence)
            positive = sum(e.get("effect") == "positive" for e in kept)
            critical = sum(
                e.get("critical") is True and e.get("effect") != "positive" for e in kept
            )
            tally = Tally(positive, len(kept) - positive, critical)
            try:
                rule = EffectiveRule(**competency["rule"])
            except (
                TypeError
            ):  # a rule of another rubric format: its own scorer applies the confirmations
                competencies.append(item)
                continue
            decision = decide(tally, rule)
            item.update(
                evidence=evidence,
                verdict=decision.verdict,
                reason=decision.reason(),
                positive=tally.positive,
                negative=tally.negative,
                critical=tally.critical,
            )
            item.pop("to_confirm", None)
            if waiting:
                item["to_confirm"] = waiting
        competencies.append(item)
    return _with_competencies(grille, competencies)


#: What judging adds to an observation of a rubric-2 grille (taken off before judging it again).
_JUDGED = ("criterion", "kind", "status", "stands_for")


def _regrade_criteria(grille: Mapping[str, Any], confirmations: Confirmations) -> dict[str, Any]:
    """A rubric-2 grille judged again with the confirmed texts counted, under the shipped rubric it was made with.

    A grille made with a rubric that callsim does not ship (a centre's own file) is left as it is:
    ``callsim rescore --rubric FILE`` with the confirmations applies them there.
    """
    from scoring.criteria_grille import criteria_competencies
    from scoring.rubric_file import shipped_rubric_by_hash

    if not any(c.get("to_confirm") for c in grille.get("competencies", ())):
        return dict(grille)
    rubric = shipped_rubric_by_hash(str(grille.get("rubric", {}).get("sha256", "")))
    if rubric is None:
        return dict(grille)
    by_code: dict[str, list[tuple[int, int, dict[str, Any]]]] = {}
    for competency in grille["competencies"]:
        plain = [
            {k: v for k, v in e.items() if k not in _JUDGED} for e in competency.get("evidence", ())
        ]
        by_code[competency["code"]] = [
            (int(e["seq"]), i, e) for i, e in enumerate(apply_confirmations(plain, confirmations))
        ]
    order = [s["id"] for s in grille.get("scenarios", ())]
    return _with_competencies(
        grille, criteria_competencies(by_code, rubric, grille["session"]["mode"], order)
    )


def _with_competencies(
    grille: Mapping[str, Any], competencies: list[dict[str, Any]]
) -> dict[str, Any]:
    """The grille with these competencies, and its activities' and épreuve's verdicts and counts again."""
    from scoring.verdicts import aggregate, counts

    result = dict(grille)
    result["competencies"] = competencies
    activities = []
    for activity in grille.get("activities", ()):
        verdicts = [c["verdict"] for c in competencies if c.get("activity") == activity.get("code")]
        activities.append({**activity, "verdict": aggregate(verdicts), "counts": counts(verdicts)})
    result["activities"] = activities
    result["verdict"] = aggregate(a["verdict"] for a in activities)
    result["counts"] = counts(c["verdict"] for c in competencies)
    return result
