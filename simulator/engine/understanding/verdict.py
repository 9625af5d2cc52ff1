"""Judge one typed text against a check: met, not met, or unsure (for the assessor to confirm).

Each required element is looked for in every way it can be written (phrases with lemmas and typos,
shared concepts, numbers, amounts, dates and times in words or digits, relative dates against the
contact's today). An element found only under a negation is not stated; found under an unclear
negation or only by a rough spelling, it is *unsure*. What must not be said counts only when it is
said (« aucun remboursement » says no refund). Insults, threats, refusals, blame and « tu » fail
the text; sarcasm makes it unsure; a bare list of values fails a check that asks for a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from simulator.engine import textcheck as tc
from simulator.engine.understanding import dates, times
from simulator.engine.understanding.lexicon import concept_phrases
from simulator.engine.understanding.matching import Hit, find
from simulator.engine.understanding.negation import SAID, UNCLEAR, polarity
from simulator.engine.understanding.sentence import is_sentence
from simulator.engine.understanding.text import Prepared, prepare
from simulator.engine.understanding.tone import FAILING, markers

STATED, NEGATED, ABSENT, DOUBT_NEGATION, DOUBT_SPELLING = (
    "stated",
    "negated",
    "absent",
    "negation?",
    "spelling?",
)


def _span_hits(prepared: Prepared, spans: object) -> list[Hit]:
    view = prepared.numeric
    hits = []
    for start, end in spans:  # type: ignore[attr-defined]
        first, last = view.token_range(start, end)
        hits.append(Hit("numeric", first, last, False))
    return hits


def _hits(
    prepared: Prepared, requirement: tc.Requirement, today: date | None, fuzzy: bool
) -> list[Hit]:
    if isinstance(requirement, tc.Phrase):
        return [h for alt in requirement.alternatives for h in find(prepared, alt, fuzzy=fuzzy)]
    if isinstance(requirement, tc.Concept):
        return [
            h
            for phrase in concept_phrases(requirement.name)
            for h in find(prepared, phrase, fuzzy=fuzzy, loose=True)
        ]
    folded = prepared.numeric.string
    if isinstance(requirement, tc.DateValue):
        target = date.fromisoformat(requirement.iso)
        return _span_hits(
            prepared, dates.spans(folded, target, today, relative=requirement.relative)
        )
    if isinstance(requirement, tc.Amount):
        return _span_hits(prepared, tc.amount_spans(folded, requirement.value))
    moment = time.fromisoformat(requirement.hhmm)
    return _span_hits(prepared, times.spans(folded, moment.hour, moment.minute))


def reading(
    prepared: Prepared, requirement: tc.Requirement, today: date | None, *, fuzzy: bool = True
) -> str:
    """How the text treats one element: STATED, NEGATED, ABSENT or one of the two doubts."""
    found = _hits(prepared, requirement, today, fuzzy)
    if not found:
        return ABSENT
    doubt = None
    for hit in found:
        view = prepared.words if hit.view == "words" else prepared.numeric
        said = polarity(view, hit.first, hit.last)
        if said == SAID and not hit.far:
            return STATED
        if said == UNCLEAR:
            doubt = DOUBT_NEGATION
        elif said == SAID and doubt is None:
            doubt = DOUBT_SPELLING
    return doubt or NEGATED


_WHY = {
    DOUBT_NEGATION: ("« {0} » est proche d'une négation", "'{0}' is close to a negation"),
    DOUBT_SPELLING: (
        "« {0} » n'est reconnu que par une orthographe éloignée",
        "'{0}' is recognised only by a distant spelling",
    ),
    "sarcasm": ("ton possiblement sarcastique (« {0} »)", "possibly sarcastic tone ('{0}')"),
}


def describe_doubt(doubt: tuple[str, str], lang: str) -> str:
    """Why a reading is unsure, in French or English."""
    kind, label = doubt
    return _WHY[kind][0 if lang == "fr" else 1].format(label)


def judge(
    text: str,
    requires: Sequence[tc.Requirement],
    forbids: Sequence[tc.Requirement],
    lang: str,
    *,
    today: date | None = None,
    sentence: bool = False,
) -> tc.TextCheckResult:
    """The judgement of *text* (see the module docstring)."""
    prepared = prepare(text, lang)
    missing, unsure, guess_missing = [], [], False
    for requirement in requires:
        found = reading(prepared, requirement, today)
        if found in (ABSENT, NEGATED):
            missing.append(requirement.label)
        elif found != STATED:
            unsure.append((found, requirement.label))
            guess_missing = guess_missing or found == DOUBT_NEGATION
    forbidden = []
    for requirement in forbids:
        found = reading(prepared, requirement, today, fuzzy=False)
        if found == STATED:
            forbidden.append(requirement.label)
        elif found == DOUBT_NEGATION:
            unsure.append((found, requirement.label))
    tone_found = markers(prepared) if text.strip() else ()
    failing = tuple(f"{m.kind}: {m.words}" for m in tone_found if m.kind in FAILING)
    unsure += [("sarcasm", m.words) for m in tone_found if m.kind == "sarcasm"]
    not_sentence = sentence and not is_sentence(prepared)
    failed = bool(missing or forbidden or failing or not_sentence)
    if failed:
        unsure = []
    guess = not failed and not guess_missing and not any(m.kind == "sarcasm" for m in tone_found)
    return tc.TextCheckResult(
        not failed and not unsure,
        tuple(missing),
        tuple(forbidden),
        failing,
        not_sentence,
        tuple(unsure),
        guess if unsure else not failed,
    )
