"""Two candidates who act as the ideal one and differ only in how they word their typed texts.

*paraphraser* says what the ideal candidate says in other words: dates as « mercredi 25 » or
« le 25/11 », amounts as « 49 euros 90 », times as « à 13 heures », concepts by another of their
phrasings, in full sentences. A reader of meaning gives it the ideal's verdicts.

*keyword-stuffer* puts the right words in the wrong sentences: a recap that refuses to confirm
anything, a note that blames the customer, a mail that tells them to sort it out themselves. Every
check on its typed texts must fail.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from simulator.engine.actions import UseTool
from simulator.engine.contact import ContactRuntime
from simulator.engine.context import ContactContext
from simulator.formatting.dates import format_date
from simulator.policies.ideal import IdealPolicy
from simulator.policies.positions import current_prompt
from simulator.scenario.models import (
    AmountRequirement,
    AnyOf,
    ConceptRequirement,
    DateRequirement,
    TimeRequirement,
)
from simulator.scenario.models.checks import MailCheck

_LEADS = {
    "fr": ("Très bien, je vous confirme donc que c'est convenu ainsi", "Merci de votre confiance."),
    "nl": ("Goed, ik bevestig dus dat we het zo afspreken", "Bedankt voor uw vertrouwen."),
    "en": ("Right, so I can confirm that we agreed on this", "Thank you for your trust."),
}
_RUDE = {
    "fr": "Je ne vous confirme rien du tout et c'est de votre faute : {body}. Débrouillez-vous avec ça.",
    "nl": "Ik bevestig niets, het is uw eigen schuld: {body}. Zoek het zelf uit.",
    "en": "I confirm nothing, it's your own fault: {body}. Sort it out yourself.",
}


def _date(iso: str, ctx: ContactContext) -> str:
    day = date.fromisoformat(iso)
    today = date.fromisoformat(ctx.variables["today"])
    if 0 < (day - today).days < 7:
        return " ".join(format_date(iso, ctx.lang, "long").split()[:2])  # « mercredi 25 »
    return f"{day.day}/{day.month}"


def _time(hhmm: str, lang: str) -> str:
    hour, minute = (int(part) for part in hhmm.split(":"))
    if lang == "nl":
        return f"om {hour} uur" + (f" {minute}" if minute else "")
    if lang == "en":
        return f"at {hour % 12 or 12}{f':{minute:02d}' if minute else ''} {'pm' if hour >= 12 else 'am'}"
    return f"à {hour} heures" + (f" {minute}" if minute else "")


def _other_phrasing(item: Any, ctx: ContactContext) -> str:
    if isinstance(item, AnyOf):  # authors list the usual wording first, then its synonyms
        values = [ctx.value(v) for v in item.any_of]
        return values[1] if len(values) > 1 else values[0]
    from simulator.engine.understanding.lexicon import _data

    phrases = _data(ctx.lang)["concepts"][item.concept]
    return str(phrases[1] if len(phrases) > 1 else phrases[0])


def paraphrased(items: Sequence[Any], ctx: ContactContext) -> str:
    """The required elements, each written another way than the ideal candidate writes it."""
    parts = []
    for item in items:
        if isinstance(item, str):
            parts.append(ctx.value(item))
        elif isinstance(item, DateRequirement):
            parts.append(_date(ctx.value(item.date), ctx))
        elif isinstance(item, AmountRequirement):
            units, _, cents = ctx.value(item.amount).partition(".")
            parts.append(f"{units} euros {cents}" if cents and cents != "00" else f"{units} euros")
        elif isinstance(item, TimeRequirement):
            parts.append(_time(ctx.value(item.time), ctx.lang))
        elif isinstance(item, AnyOf | ConceptRequirement):
            parts.append(_other_phrasing(item, ctx))
    return ", ".join(dict.fromkeys(p for p in parts if p))


class ParaphraserPolicy(IdealPolicy):
    """The ideal candidate, in its own words."""

    name = "paraphraser"

    def __init__(self, seed: int = 0) -> None:
        super().__init__()
        self.seed = seed

    def word(self, items: Sequence[Any], ctx: ContactContext) -> str:
        lead, end = _LEADS.get(ctx.lang, _LEADS["fr"])
        body = paraphrased(items, ctx)
        return f"{lead} : {body}. {end}" if body else f"{lead}. {end}"

    def prompt_text(self, contact: ContactRuntime) -> str:
        return self.word(
            [i for c in current_prompt(contact).checks for i in c.requires], contact.ctx
        )

    def note_text(self, requirements: list[Any], ctx: Any) -> str:
        body = paraphrased(requirements, ctx)
        return (
            f"Dossier traité, pour mémoire : {body}."
            if body
            else "Dossier traité, rien de particulier."
        )

    def reworded(
        self, check: Any, planned: list[UseTool], contact: ContactRuntime
    ) -> list[UseTool]:
        if not isinstance(check, MailCheck):
            return planned
        ctx = contact.ctx
        body = f"Madame, Monsieur,\n\n{self.word(check.body_requires, ctx)}\n\nCordialement,\n{ctx.variables['agent']['name']}"
        return [
            UseTool(tool=a.tool, op=a.op, args={**a.args, "body": body}) if a.op == "send" else a
            for a in planned
        ]


class KeywordStufferPolicy(ParaphraserPolicy):
    """The right words, in refusing and rude sentences."""

    name = "keyword-stuffer"

    def note_text(self, requirements: list[Any], ctx: Any) -> str:
        return self.word(requirements, ctx)

    def word(self, items: Sequence[Any], ctx: ContactContext) -> str:
        from simulator.policies.synthetic import passing_requirements

        body = passing_requirements(items, ctx) or "voilà"
        return _RUDE.get(ctx.lang, _RUDE["fr"]).format(body=body)
