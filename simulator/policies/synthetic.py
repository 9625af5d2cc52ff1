"""Synthetic typed text: an answer that satisfies a prompt's requirements (or deliberately not)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from simulator.engine.context import ContactContext
from simulator.engine.textcheck import format_date
from simulator.scenario.models import AmountRequirement, AnyOf, DateRequirement, TextCheck


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
    return " ; ".join(dict.fromkeys(p for p in parts if p))


def passing_text(checks: Sequence[TextCheck], ctx: ContactContext) -> str:
    """A typed answer containing every required element of ``checks`` and nothing forbidden."""
    body = passing_requirements([item for check in checks for item in check.requires], ctx)
    return f"Je récapitule : {body}." if body else "Je récapitule notre échange."


def failing_text() -> str:
    """A vague answer that names none of the required elements."""
    return "C'est noté, on s'occupe de tout."
