"""Judge typed text against a scenario's checks; each judgement becomes evidence.

A judgement's why is kept in the journal as ``{"fr": …, "en": …}`` (``written_out``): the texts are
catalog messages (domain ``engine``), and a replayed journal gives the same bytes. The tool-state
checks (records, agenda, forms, mail…) are judged in ``simulator.engine.tool_judges``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from simulator.engine.context import ContactContext
from simulator.engine.textcheck import (
    DateValue,
    TextCheckResult,
    check_text,
    requirement_from,
)
from simulator.i18n import N_, STORED_LANGS, Message, translator, written_out
from simulator.scenario.models import (
    AmountRequirement,
    AnyOf,
    ConceptRequirement,
    DateRequirement,
    TextCheck,
    TimeRequirement,
)


@dataclass
class ContactFacts:
    """What the candidate did that tools do not record themselves."""

    opened_records: list[str] = field(default_factory=list)
    transferred_to: str | None = None
    outcome: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Judgement:
    """The outcome of one check: passed or not, and why (as journals keep it: French and English);
    ``unsure``: ``ok`` is only the machine's best guess, for an assessor to confirm."""

    ok: bool
    detail: dict[str, str]
    unsure: bool = False
    #: The text failed on its tone (insult, threat, refusal, blame, « tu »): a critical failure.
    grave: bool = False


OK = Judgement(True, {})


def failed(why: Message, *, grave: bool = False) -> Judgement:
    """A failed judgement; ``why`` is written out as journals keep it."""
    return Judgement(False, written_out(why, "engine"), grave=grave)


#: A typed answer whose tone fails is also a critical failure of handling the complaint (inbound)
#: or of closing the conversation (outbound).
#: What an insult, a threat, a refusal to help or « tu » typed to the other party fails, by direction:
#: handling the caller (01.04) and ending the contact properly (01.10 inbound, 02.08 outbound). A
#: mail's own check fails 03.05.
TONE_COMPETENCIES: dict[str, tuple[str, ...]] = {
    "inbound": ("01.04", "01.10"),
    "outbound": ("02.08",),
}
#: Why a typed answer's tone fails, as the order rule's explanation is kept (Dutch only in a Dutch session).
TONE_EXPLANATION = written_out(
    Message(N_("The text addressed to the other party is unacceptable (tone).")),
    "engine",
    ("fr", "en", "nl"),
)


def requirements(items: Sequence[Any], ctx: ContactContext) -> list[Any]:
    """Scenario requirements with their variables filled in, as textcheck requirements."""
    result = []
    for item in items:
        if isinstance(item, str):
            result.append(requirement_from(ctx.value(item)))
        elif isinstance(item, AnyOf):
            result.append(requirement_from({"any_of": [ctx.value(x) for x in item.any_of]}))
        elif isinstance(item, DateRequirement):
            result.append(DateValue(ctx.value(item.date), item.relative))
        elif isinstance(item, AmountRequirement):
            result.append(requirement_from({"amount": ctx.value(item.amount)}))
        elif isinstance(item, ConceptRequirement):
            result.append(requirement_from({"concept": item.concept}))
        elif isinstance(item, TimeRequirement):
            result.append(requirement_from({"time": ctx.value(item.time)}))
    return result


def _today(ctx: ContactContext) -> date | None:
    today = ctx.variables.get("today")
    return date.fromisoformat(today) if isinstance(today, str) else None


def check_typed(
    text: str,
    requires: Sequence[Any],
    forbids: Sequence[str],
    must_not_say: Sequence[Any],
    ctx: ContactContext,
    *,
    sentence: bool = False,
) -> TextCheckResult:
    """The understanding module's judgement of one typed text, with the scenario's values filled in."""
    banned = [ctx.value(f) for f in forbids] + requirements(must_not_say, ctx)
    return check_text(
        text, requirements(requires, ctx), banned, ctx.lang, today=_today(ctx), sentence=sentence
    )


def judge_text(check: TextCheck, text: str, ctx: ContactContext) -> Judgement:
    """Does ``text`` state everything ``check`` requires, and nothing it must not say, in a fit tone?"""
    result = check_typed(
        text, check.requires, check.forbids, check.must_not_say, ctx, sentence=check.sentence
    )
    if result.ok:
        return OK
    return text_judgement(result)


def text_judgement(result: TextCheckResult) -> Judgement:
    """A failed or unsure text judgement, with why in French and English."""
    parts = []
    if result.missing:
        parts.append(Message("missing: {items}", items=", ".join(result.missing)))
    if result.forbidden_found:
        parts.append(Message("contains: {items}", items=", ".join(result.forbidden_found)))
    if result.tone:
        parts.append(Message("unacceptable tone: {items}", items=", ".join(result.tone)))
    if result.not_a_sentence:
        parts.append(Message("a bare list of values, not a sentence"))
    detail = {}
    for lang in STORED_LANGS:
        t = translator("engine", lang)
        said = [part.to(t) for part in parts]
        if result.unsure:
            from simulator.engine.understanding.verdict import describe_doubt

            said.append(
                t(
                    "to confirm: {doubts}",
                    doubts="; ".join(describe_doubt(u, lang) for u in result.unsure),
                )
            )
        detail[lang] = "; ".join(said)
    if result.unsure:
        return Judgement(result.guess, detail, unsure=True)
    return Judgement(False, detail, grave=bool(result.tone))
