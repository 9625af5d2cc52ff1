"""What the tools of a scenario show, rendered as the candidate sees them, for ``fact-not-in-tool``.

A fact counts as shown when its value, produced for the sample customer and day the checker uses,
appears in what a tool shows: the agenda's slots (their dates long, short and ISO, their times as
each language writes them), the customer records (the customer's and the described ones), the
documentation, the inbox, the services and the forms (titles, labels, choices).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from simulator.formatting.dates import format_date, format_time
from simulator.formatting.workdays import add_workdays
from simulator.scenario.checker.texts import SAMPLE_AGENT, SAMPLE_DAY, SAMPLE_SEED
from simulator.scenario.models import LANGS, Scenario
from simulator.scenario.models.common import Text
from simulator.scenario.models.resources import choice_label, choice_value
from simulator.scenario.rulebook import engine_rules
from simulator.scenario.templating import render

#: A phone number as records and callers write it (« +32 470 12 34 56 », « 0470/12.34.56 »).
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d ./]{7,16}\d(?!\w)")
#: A literal value shorter than this is too common to be recognised in a tool's text.
MIN_LENGTH = 4


def texts_of(text: Text | str | None) -> Iterator[str]:
    """A text's strings in every language it is written in (a plain string as it is)."""
    if text is None:
        return
    if isinstance(text, str):
        yield text
        return
    yield from (getattr(text, lang) for lang in LANGS if getattr(text, lang))


def _tool_templates(scenario: Scenario) -> Iterator[str]:
    """Every text a tool of the scenario shows, as written (templates not yet produced)."""
    res = scenario.resources
    for article in res.documentation:
        yield from (*texts_of(article.title), *texts_of(article.body))
    for message in res.inbox:
        yield from (message.sender, *texts_of(message.subject), *texts_of(message.body))
    for service in res.services:
        yield from (*texts_of(service.name), *texts_of(service.handles))
    for form in res.forms:
        yield from texts_of(form.title)
        for field in form.fields:
            yield from texts_of(field.label)
            for choice in field.choices:
                yield choice_value(choice)
                yield from (choice_label(choice, lang) for lang in LANGS)
    db = res.customer_db
    if db is not None:
        yield from db.target_overrides.values()
        for distractor in db.distractors:
            yield from distractor.fields.values()


def _agenda_texts(scenario: Scenario) -> Iterator[str]:
    """Each slot's date (ISO, long and short in every language) and time, as the agenda shows them."""
    agenda = scenario.resources.agenda
    for slot in agenda.slots if agenda is not None else ():
        iso = add_workdays(SAMPLE_DAY, slot.day).isoformat()
        yield iso
        for lang in LANGS:
            yield from (
                format_date(iso, lang),
                format_date(iso, lang, "short"),
                format_time(slot.time, lang),
            )


def _sample(scenario: Scenario) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """The sample variables, the facts produced with them, and the records' values a search shows."""
    rules = engine_rules()
    base = rules.sample_context(scenario, SAMPLE_SEED, SAMPLE_DAY, "fr", SAMPLE_AGENT)
    variables = dict(base.variables)
    facts = {name: str(value).strip() for name, value in dict(variables.get("facts") or {}).items()}
    records: list[str] = []
    db = scenario.resources.customer_db
    if db is not None:
        described = {"target"} | {d.id for d in db.distractors}
        for role, record in rules.sample_records(scenario, base, SAMPLE_SEED, SAMPLE_DAY).items():
            if role in described:
                records += [value for value in record.values() if value]
    return variables, facts, records


def _produced(template: str, variables: dict[str, Any]) -> str:
    try:
        return render(template, variables, "fr").strip()
    except Exception:  # noqa: BLE001 — the text checks report a text that cannot be produced
        return ""


def facts_shown_by_value(scenario: Scenario) -> set[str]:
    """The facts (``facts.<name>``) whose produced value a tool of the scenario shows."""
    if not scenario.facts:
        return set()
    try:
        variables, facts, records = _sample(scenario)
    except Exception:  # noqa: BLE001 — the text checks report a scenario that cannot be produced
        return set()
    shown = [_produced(text, variables) or text for text in _tool_templates(scenario)]
    joined = "\n".join([*shown, *records, *_agenda_texts(scenario)]).casefold()
    return {f"facts.{name}" for name, value in facts.items() if _appears(value, joined)}


def _national(number: str) -> str:
    """A phone number's digits as dialled in Belgium: « +32 470 12 34 56 » and « 0470 12 34 56 » alike."""
    digits = re.sub(r"\D", "", number)
    return "0" + digits[2:] if number.lstrip().startswith("+32") else digits


def _appears(value: str, joined: str) -> bool:
    """True when ``value`` (a date or a phone number in any of the forms a tool writes it, or a
    literal) is in ``joined``."""
    if len(value) < MIN_LENGTH:
        return False
    if _PHONE.fullmatch(value):
        return _national(value) in {_national(number) for number in _PHONE.findall(joined)}
    forms = [value]
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        pass
    else:
        forms += [format_date(value, lang) for lang in LANGS] + [format_date(value, "fr", "short")]
    return any(form.casefold() in joined for form in forms)
