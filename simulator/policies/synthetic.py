"""Synthetic typed text: an answer that satisfies a prompt's requirements (or deliberately not)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from simulator.engine.context import ContactContext
from simulator.formatting.dates import format_date, format_time
from simulator.scenario.models import (
    AmountRequirement,
    AnyOf,
    ConceptRequirement,
    DateRequirement,
    TextCheck,
    TimeRequirement,
)

#: What a candidate writes before the elements when the check asks for a sentence, by language.
CONFIRMING = {
    "fr": "Je vous confirme ce qui a été convenu",
    "nl": "Ik bevestig wat we afgesproken hebben",
    "en": "I confirm what we agreed",
}


def passing_requirements(items: Sequence[Any], ctx: ContactContext) -> str:
    """A sentence naming every required element (first alternative, dates written out)."""
    parts: list[str] = []
    for item in items:
        if isinstance(item, str):
            parts.append(ctx.value(item))
        elif isinstance(item, AnyOf):
            parts.append(ctx.value(item.any_of[0]))
        elif isinstance(item, DateRequirement):
            parts.append(format_date(ctx.value(item.date), ctx.lang, "long"))
        elif isinstance(item, AmountRequirement):
            parts.append(ctx.value(item.amount).replace(".", ",") + " €")
        elif isinstance(item, ConceptRequirement):
            from simulator.engine.understanding.lexicon import concept_phrase

            parts.append(concept_phrase(item.concept, ctx.lang))
        elif isinstance(item, TimeRequirement):
            parts.append(format_time(ctx.value(item.time), ctx.lang))
    return " ; ".join(dict.fromkeys(p for p in parts if p))


def passing_text(checks: Sequence[TextCheck], ctx: ContactContext) -> str:
    """A typed answer containing every required element of ``checks`` and nothing forbidden
    (a sentence when a check asks for one)."""
    body = passing_requirements([item for check in checks for item in check.requires], ctx)
    if any(check.sentence for check in checks):
        lead = CONFIRMING.get(ctx.lang, CONFIRMING["fr"])
        return f"{lead} : {body}." if body else f"{lead}."
    return f"Je récapitule : {body}." if body else "Je récapitule notre échange."


def failing_text() -> str:
    """A vague answer that names none of the required elements."""
    return "C'est noté, on s'occupe de tout."
