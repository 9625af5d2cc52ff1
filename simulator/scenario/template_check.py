"""The static check of a text with {{ variables }}: syntax, unknown variables and filters, without rendering it.

The environment the texts are rendered in is ``simulator.scenario.templating``; the checker
(``simulator.scenario.checker.texts``) reports what this finds.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from simulator.i18n import Message
from simulator.scenario.templating import (
    AGENT_FIELDS,
    CALLSIM_FILTERS,
    CUSTOMER_FIELDS,
    ORG_FIELDS,
    PLAIN_NAMES,
    environment,
)


@dataclass(frozen=True)
class TemplateProblem:
    """A problem in one text: a syntax error, an unknown variable or filter, a fact using a fact."""

    code: str  # "template-syntax" | "unknown-variable" | "unknown-filter" | "fact-uses-fact"
    params: Mapping[str, Any]


@lru_cache(maxsize=4096)
def _parsed(text: str) -> nodes.Template | TemplateSyntaxError:
    """The syntax tree of ``text`` (only read, never changed), or the syntax error."""
    try:
        return environment("fr").parse(text)
    except TemplateSyntaxError as exc:
        return exc


def problems(
    text: str,
    *,
    references: set[str],
    facts: set[str],
    fact: str | None = None,
    calls: set[str] | None = None,
    extra: frozenset[str] = frozenset(),
    records: set[str] | None = None,
) -> Iterator[TemplateProblem]:
    """Every syntax error, unknown variable or unknown filter in ``text``, without rendering it.

    ``fact`` names the fact whose value ``text`` is: facts are computed before ``facts`` exists,
    so a fact that uses another fact is reported.
    """
    if "{" not in text:
        return
    env = environment("fr")
    tree = _parsed(text)
    if isinstance(tree, TemplateSyntaxError):
        yield TemplateProblem("template-syntax", {"problem": tree.message or "?"})
        return
    known = _known_names(references, facts, fact, calls, records)
    namespaces = (
        ("refs",)
        if fact is not None
        else ("refs", "facts", *(("call",) if "call" in known else ()))
    )
    available = ", ".join(
        [f"{ns}.{field}" for ns in namespaces for field in sorted(known[ns])]
        + ["customer.…", "org.…", "agent.name", "today"]
    )
    attributed: set[int] = set()  # the names an attribute or an item is read from
    yield from _attribute_problems(tree, known, fact, available, attributed)
    for name in tree.find_all(nodes.Name):
        if name.ctx != "load" or name.name in PLAIN_NAMES or name.name in extra:
            continue
        if name.name == "facts" and fact is not None:
            if id(name) not in attributed:
                yield TemplateProblem("fact-uses-fact", {"fact": fact, "name": "facts"})
        elif name.name not in known or id(name) not in attributed:
            yield TemplateProblem("unknown-variable", {"name": name.name, "available": available})
    for node in tree.find_all(nodes.Filter):
        if node.name not in env.filters:
            yield TemplateProblem(
                "unknown-filter", {"name": node.name, "suggestion": _filter_suggestion(node.name)}
            )


def _known_names(
    references: set[str],
    facts: set[str],
    fact: str | None,
    calls: set[str] | None,
    records: set[str] | None,
) -> dict[str, frozenset[str]]:
    """The fields a text may read in each namespace (``customer``, ``refs``, ``call``…)."""
    known = {
        "customer": CUSTOMER_FIELDS,
        "org": ORG_FIELDS,
        "agent": AGENT_FIELDS,
        "refs": frozenset(references),
        "facts": frozenset(facts),
    }
    if (
        calls and fact is None
    ):  # call variables (scenario/1.1) do not exist yet when facts are computed
        known["call"] = frozenset(calls)
    if records and fact is None:  # the customer database's records by role (scenario/1.1)
        known["record"] = frozenset(records)
    return known


def _attribute_problems(
    tree: nodes.Template,
    known: dict[str, frozenset[str]],
    fact: str | None,
    available: str,
    attributed: set[int],
) -> Iterator[TemplateProblem]:
    """Unknown ``namespace.field`` reads (and facts read by a fact); adds each read name to ``attributed``."""
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        assert isinstance(node, nodes.Getattr | nodes.Getitem)  # what find_all was asked for
        base = node.node
        if not isinstance(base, nodes.Name):
            continue
        attributed.add(id(base))
        attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if base.name == "facts" and fact is not None:
            yield TemplateProblem("fact-uses-fact", {"fact": fact, "name": f"facts.{attr}"})
        elif base.name in known and attr not in known[base.name]:
            yield TemplateProblem(
                "unknown-variable", {"name": f"{base.name}.{attr}", "available": available}
            )


def _filter_suggestion(name: str) -> Message | str:
    close = difflib.get_close_matches(
        name, [*CALLSIM_FILTERS, *sorted(environment("fr").filters)], n=1, cutoff=0.6
    )
    if not close:
        return ""
    return Message("Did you mean '{name}'? ", name=close[0])


def only_looks_up(text: str) -> bool:
    """True when ``text`` only inserts plain variables (``{{ customer.first_name }}``, ``{{ today }}``).

    Such a text cannot fail once its variables are known to exist; anything else (a filter, a
    call, an operator, a block) is worth producing once to see that it works.
    """
    if "{" not in text:
        return True
    tree = _parsed(text)
    if isinstance(tree, TemplateSyntaxError):
        return False
    for output in tree.body:
        if not isinstance(output, nodes.Output):
            return False
        for item in output.nodes:
            if isinstance(item, nodes.TemplateData) or (
                isinstance(item, nodes.Name) and item.name in PLAIN_NAMES
            ):
                continue
            if isinstance(item, nodes.Getattr) and isinstance(item.node, nodes.Name):
                continue
            if (
                isinstance(item, nodes.Getitem)
                and isinstance(item.node, nodes.Name)
                and isinstance(item.arg, nodes.Const)
            ):
                continue
            return False
    return True


def fact_names_used(text: str) -> set[str]:
    """The facts ``text`` refers to as ``facts.<name>`` (empty when it cannot be parsed)."""
    if "{" not in text:
        return set()
    return set(_fact_names(text))


@lru_cache(maxsize=16384)
def _fact_names(text: str) -> frozenset[str]:
    """``fact_names_used``, remembered: the forms of a scenario with variants share their texts."""
    tree = _parsed(text)
    if isinstance(tree, TemplateSyntaxError):
        return frozenset()
    used = set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        assert isinstance(node, nodes.Getattr | nodes.Getitem)  # what find_all was asked for
        if isinstance(node.node, nodes.Name) and node.node.name == "facts":
            attr = (
                node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            )
            used.add(str(attr))
    return frozenset(used)
