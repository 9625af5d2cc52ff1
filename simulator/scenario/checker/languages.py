"""The languages an épreuve is complete in: every text a candidate can see exists in that language.

A language is offered at sign-in only where the épreuve is complete in it, so that no candidate
who chose Dutch meets a French line halfway through. French is the reference language: it is
always complete (a text without its French version does not validate).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, get_args

from pydantic import BaseModel

from simulator.scenario.models import LANGS, Epreuve, Scenario
from simulator.scenario.models.common import LocalisedText, languages_of

#: Fields no candidate sees: the persona sheet is for the trainer, ``because`` and ``feedback`` are
#: for the assessor (shown to the candidate only on a practice épreuve's feedback screen).
TRAINER_ONLY = frozenset({"persona"})
FEEDBACK_ONLY = frozenset({"because", "feedback"})


def scenario_languages(scenario: Scenario, *, with_feedback: bool = False) -> tuple[str, ...]:
    """The languages in which every candidate-visible text of the scenario exists (``fr`` first)."""
    skipped = TRAINER_ONLY if with_feedback else TRAINER_ONLY | FEEDBACK_ONLY
    complete = set(LANGS)
    for text in _texts(scenario, skipped):
        complete &= languages_of(text)
    return tuple(lang for lang in LANGS if lang in complete)


def epreuve_languages(epreuve: Epreuve, scenarios: Sequence[Scenario]) -> tuple[str, ...]:
    """The languages the épreuve is complete in: its title and briefing and every scenario.

    A practice épreuve also needs its feedback (the ``because`` of each observation) translated:
    the candidate reads it after each contact.
    """
    with_feedback = epreuve.mode == "practice"
    complete = languages_of(epreuve.title) & languages_of(epreuve.briefing)
    for scenario in scenarios:
        complete &= set(scenario_languages(scenario, with_feedback=with_feedback))
    return tuple(lang for lang in LANGS if lang in complete)


def _texts(node: Any, skipped: frozenset[str]) -> Iterator[Any]:
    """Every text (plain French or a ``{fr, en, nl}`` block) of a model, outside ``skipped`` fields."""
    if isinstance(node, LocalisedText):
        yield node
    elif isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            if name in skipped:
                continue
            value = getattr(node, name)
            if isinstance(value, str):
                if _is_text(field.annotation):
                    yield value
            else:
                yield from _texts(value, skipped)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _texts(value, skipped)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _texts(value, skipped)


def _is_text(annotation: Any) -> bool:
    """Whether a field's type is ``Text`` (or ``Text | None``): a plain string there is French text."""
    if annotation is LocalisedText:
        return True
    return any(_is_text(arg) for arg in get_args(annotation))
