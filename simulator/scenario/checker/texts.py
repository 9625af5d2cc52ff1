"""Checks on every text of a scenario: missing translations, the {{ variables }} and filters they use,
and whether each text can really be produced for a generated customer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from simulator.formatting.numbers import amount_value
from simulator.scenario.checker.context import FileContext
from simulator.scenario.checker.references import record_roles as roles_in_db
from simulator.scenario.models import LANGS, Scenario
from simulator.scenario.models.common import LocalisedText
from simulator.scenario.rulebook import engine_rules
from simulator.scenario.template_check import (
    TemplateProblem,
    fact_names_used,
    only_looks_up,
    problems,
)
from simulator.scenario.templating import describe_error, render
from simulator.scenario.yamlsource import Path

#: Texts that must be at least in French and English, whatever the scenario's languages.
ALWAYS_BILINGUAL = (("title",), ("briefing",))
#: The generated customer every text is tried with: a fixed seed, the day test plans and walks use.
SAMPLE_SEED, SAMPLE_DAY, SAMPLE_AGENT = 1, dt.date(2026, 3, 2), "Alex"


def check_texts(scenario: Scenario, data: dict[str, Any], ctx: FileContext) -> None:
    """Report missing translations, template syntax errors, unknown variables and filters, facts
    using facts, and texts that fail when produced for the sample customer."""
    declared = list(scenario.languages)
    for where, text in _localisable(scenario):
        wanted = set(declared) | ({"en"} if where in ALWAYS_BILINGUAL else set())
        have = (
            {"fr"} if isinstance(text, str) else {k for k in ("fr", "en", "nl") if getattr(text, k)}
        )
        for lang in sorted(wanted - have, key=("fr", "en", "nl").index):
            ctx.warning(
                where, "missing-translation", lang=lang, languages=", ".join(sorted(wanted))
            )
    troubled: set[Path] = set()
    strings = strings_in(data)
    _check_concepts(strings, ctx)
    names = _Names(
        frozenset(scenario.references),
        frozenset(scenario.facts),
        frozenset(scenario.variables),
        frozenset(record_roles(scenario)),
    )
    for where, value in strings:
        fact = str(where[1]) if len(where) == 2 and where[0] == "facts" else None
        text = "{{ " + value + " }}" if is_condition(where) else value
        for problem in _problems(text, fact, setter_names(where), names):
            ctx.error(where, problem.code, **problem.params)
            troubled.add(where)
    _try_rendering(scenario, strings, ctx, troubled)


class _Names(NamedTuple):
    """The names a scenario's texts may use: references, facts, call variables, record roles."""

    references: frozenset[str]
    facts: frozenset[str]
    calls: frozenset[str]
    roles: frozenset[str]


#: What the texts checked so far hold wrong, by (text, the fact it is, its extra names, the names
#: its scenario declares): the forms of a scenario with variants share most of their texts.
_PROBLEMS: dict[tuple[str, str | None, frozenset[str], _Names], tuple[TemplateProblem, ...]] = {}
#: How produced texts are remembered: (text, language, the facts it names with their values,
#: the rest of the sample customer) → the text produced, or the error it raised.
_PRODUCED: dict[tuple[str, str, tuple[tuple[str, str], ...], str], tuple[bool, Any]] = {}
#: ``facts`` named otherwise than ``facts.<name>`` (iterated, indexed, filtered).
_FACTS_AS_A_WHOLE = re.compile(r"\bfacts\b(?!\.[A-Za-z_])")
#: Either memory is emptied when it holds this many texts.
_REMEMBERED = 100_000


def _problems(
    text: str, fact: str | None, extra: frozenset[str], names: _Names
) -> tuple[TemplateProblem, ...]:
    key = (text, fact, extra, names)
    found = _PROBLEMS.get(key)
    if found is None:
        if len(_PROBLEMS) > _REMEMBERED:
            _PROBLEMS.clear()
        found = _PROBLEMS[key] = tuple(
            problems(
                text,
                references=set(names.references),
                facts=set(names.facts),
                fact=fact,
                calls=set(names.calls),
                extra=extra,
                records=set(names.roles),
            )
        )
    return found


def _try_rendering(
    scenario: Scenario, strings: list[tuple[Path, str]], ctx: FileContext, troubled: set[Path]
) -> None:
    """Produce every text once, as the engine does, for a generated customer (fixed seed and day).

    Catches what only running shows (a date given to ``time``, a filter argument of the wrong
    kind) at the text's position, before ``play``, ``walk`` or an exam meets it. Texts that
    already have a reported problem, and texts using a fact that failed, are not tried again.
    """
    try:  # the engine's own generator, same data as play
        base = engine_rules().sample_context(
            scenario.model_copy(update={"facts": {}}), SAMPLE_SEED, SAMPLE_DAY, "fr", SAMPLE_AGENT
        )
    except Exception as exc:  # noqa: BLE001 — reported, never raised
        ctx.error((), "template-error", problem=describe_error(exc))
        return
    variables = dict(base.variables)
    facts: dict[str, str] = {}
    failed: set[str] = set()
    for (
        name,
        template,
    ) in scenario.facts.items():  # as in the engine, facts are computed without ``facts``
        if ("facts", name) in troubled:
            failed.add(name)
            continue
        try:
            facts[name] = render(template, variables, "fr")
        except Exception as exc:  # noqa: BLE001
            ctx.error(("facts", name), "template-error", problem=describe_error(exc))
            failed.add(name)
    variables["facts"] = facts
    variables["call"] = dict(scenario.variables)
    if scenario.callsim != "scenario/1" and scenario.resources.customer_db is not None:
        variables["record"] = _sample_records(scenario, base if failed else None, ctx)
    sample = repr({k: v for k, v in variables.items() if k != "facts"})
    for where, value in strings:
        requirement = _requirement_kind(where)
        if where in troubled or where[:1] in (("facts",), ("references",)):
            continue
        if is_condition(where):
            _try_condition(where, value, variables, ctx)
            continue
        if setter_names(where):
            value_vars = {**variables, "answer": "…", "args": _SampleArgs()}
            try:
                render(value, value_vars, "fr")
            except Exception as exc:  # noqa: BLE001
                ctx.error(where, "template-error", problem=describe_error(exc))
            continue
        if (only_looks_up(value) and requirement is None) or fact_names_used(value) & failed:
            continue
        lang = str(where[-1] if where[-1] in LANGS else "fr")
        rendered, produced = _produced(value, lang, variables, sample)
        if not rendered:
            ctx.error(where, "template-error", problem=produced)
            continue
        if requirement is not None and not _usable(requirement, produced):
            ctx.error(where, "requirement-value", kind=requirement, value=produced, written=value)


def _produced(text: str, lang: str, variables: dict[str, Any], sample: str) -> tuple[bool, Any]:
    """``(True, the text produced)`` or ``(False, why it fails)``, remembered across the forms of a
    scenario (the same text, the same facts it names, the same sample customer: the same outcome)."""
    facts = variables["facts"]
    named = tuple(sorted((name, facts.get(name, "")) for name in fact_names_used(text)))
    if _FACTS_AS_A_WHOLE.search(text):  # ``facts`` used otherwise than ``facts.<name>``
        named = tuple(sorted(facts.items()))
    key = (text, lang, named, sample)
    remembered = _PRODUCED.get(key) if " at 0x" not in sample else None
    if remembered is not None:
        return remembered
    outcome: tuple[bool, Any]
    try:
        outcome = (True, render(text, variables, lang))
    except Exception as exc:  # noqa: BLE001 — reported, never raised
        outcome = (False, describe_error(exc))
    if len(_PRODUCED) > _REMEMBERED:
        _PRODUCED.clear()
    _PRODUCED[key] = outcome
    return outcome


def _try_condition(
    where: Path, condition: str, variables: dict[str, Any], ctx: FileContext
) -> None:
    """Evaluate a ``when:`` once with the declared values: an error there would make it never hold."""
    from simulator.scenario.templating import condition as compiled

    try:
        compiled(condition)(**variables)
    except Exception as exc:  # noqa: BLE001 — reported, never raised
        ctx.error(where, "template-error", problem=describe_error(exc))


def record_roles(scenario: Scenario) -> set[str]:
    """The roles ``{{ record.<role>.<field> }}`` may name (scenario/1.1 files with a customer database)."""
    if scenario.callsim == "scenario/1" or scenario.resources.customer_db is None:
        return set()
    return roles_in_db(scenario)


#: The sample records built so far, by what they are built from (the forms of a scenario with
#: variants mostly share their customer database).
_RECORDS: dict[str, dict[str, Any]] = {}


def _sample_records(scenario: Scenario, base: Any, ctx: FileContext) -> dict[str, Any]:
    """The records of the sample customer's database, as the engine builds it: with the facts (a
    record's notes may cite one), or with *base* (no facts) when a fact could not be computed."""
    made_of = repr(
        (
            scenario.id,
            scenario.callsim,
            base is None,
            scenario.resources.customer_db,
            scenario.persona,
            scenario.references,
            scenario.facts,
        )
    )
    if made_of in _RECORDS:
        return _RECORDS[made_of]
    before = len(ctx.diagnostics)
    records = _built_records(scenario, base, ctx)
    if len(ctx.diagnostics) == before and " at 0x" not in made_of:
        if len(_RECORDS) > 1_000:
            _RECORDS.clear()
        _RECORDS[made_of] = records
    return records


def _built_records(scenario: Scenario, base: Any, ctx: FileContext) -> dict[str, Any]:
    try:
        if base is None:
            base = engine_rules().sample_context(
                scenario, SAMPLE_SEED, SAMPLE_DAY, "fr", SAMPLE_AGENT
            )
        return engine_rules().sample_records(scenario, base, SAMPLE_SEED, SAMPLE_DAY)
    except Exception as exc:  # noqa: BLE001 — reported, never raised
        ctx.error(("resources", "customer_db"), "template-error", problem=describe_error(exc))
        return {}


def is_condition(where: Path) -> bool:
    """A ``when:`` condition (an expression, not a text) of a reply, branch or check."""
    return bool(where) and where[-1] == "when"


def setter_names(where: Path) -> frozenset[str]:
    """The extra names a call-variable setting may use: ``answer`` for a prompt, ``args`` for a tool."""
    if len(where) < 2 or where[-2] != "set":
        return frozenset()
    if where[0] == "on_tool":
        return frozenset({"args"})
    return frozenset({"answer"}) if "prompt" in where else frozenset()


class _SampleArgs(dict):
    """A tool action's arguments as the checker tries a setting: any argument reads as a sample value."""

    def __missing__(self, key: str) -> str:
        return "…"

    def __getattr__(self, name: str) -> str:
        return "…"


def _is_requirement(where: Path) -> bool:
    """A value inside a text requirement list (``requires``, ``body_requires``, ``must_not_say``…)."""
    return (
        len(where) >= 3
        and isinstance(where[-2], int)
        and (str(where[-3]).endswith("requires") or str(where[-3]).endswith("must_not_say"))
    )


def _requirement_kind(where: Path) -> str | None:
    """``date``, ``amount`` or ``time`` for the value of such a text requirement (``requires: [{date: …}]``)."""
    if where[-1] in ("date", "amount", "time") and _is_requirement(where):
        return str(where[-1])
    return None


def _check_concepts(strings: list[tuple[Path, str]], ctx: FileContext) -> None:
    """Every ``concept:`` of a text requirement names a concept of the shared lexicon."""
    known = engine_rules().concept_names()
    for where, value in strings:
        if where[-1] == "concept" and _is_requirement(where) and value not in known:
            ctx.error(where, "unknown-concept", name=value, known=", ".join(sorted(known)))


def _usable(kind: str, value: str) -> bool:
    """Whether the judge of typed texts can use ``value`` (an ISO date, an amount such as 49.90, HH:MM)."""
    try:
        if kind == "date":
            dt.date.fromisoformat(value)
        elif kind == "time":
            dt.time.fromisoformat(value)
        else:
            amount_value(value)
    except (ValueError, ArithmeticError):  # a malformed date or amount, an amount with no cents
        return False
    return True


def _localisable(scenario: Scenario) -> Iterator[tuple[Path, Any]]:
    yield ("title",), scenario.title
    yield ("briefing",), scenario.briefing
    for node_id, node in scenario.nodes.items():
        base = ("nodes", node_id)
        if node.say is not None:
            yield (*base, "say"), node.say
        for r, reply in enumerate(node.replies or ()):
            yield (*base, "replies", r, "text"), reply.text
        if node.prompt is not None:
            yield (*base, "prompt", "label"), node.prompt.label


def strings_in(data: Any) -> list[tuple[Path, str]]:
    """Every text of ``data`` with its path, in the file's order (a form has hundreds: a plain
    recursive walk that appends, where nested generators would pass each text up every level)."""
    found: list[tuple[Path, str]] = []

    def visit(value: Any, path: Path) -> None:
        if isinstance(value, str):
            found.append((path, value))
        elif isinstance(value, dict):
            for key, child in value.items():
                visit(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                visit(child, (*path, index))

    visit(data, ())
    return found


__all__ = ["LocalisedText", "check_texts"]
