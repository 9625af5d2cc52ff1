"""Texts with {{ variables }}: a sandboxed Jinja2 environment, and a static check of every variable used."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

#: Fields of the generated customer that texts may use as {{ customer.<field> }}.
CUSTOMER_FIELDS = frozenset({
    "customer_id", "gender", "title", "first_name", "last_name", "full_name", "formal_name",
    "street", "number", "address_line", "postal_line",
    "box", "postcode", "city", "region", "language", "phone", "mobile", "email", "birth_date", "iban",
})
ORG_FIELDS = frozenset({"name", "sector", "city", "phone", "email"})
AGENT_FIELDS = frozenset({"name"})
PLAIN_NAMES = frozenset({"today"})


@dataclass(frozen=True)
class TemplateProblem:
    """A problem in one text: a syntax error or an unknown variable."""

    code: str  # "template-syntax" | "unknown-variable"
    params: Mapping[str, str]


def _add_workdays(value: str, days: int) -> str:
    day = dt.date.fromisoformat(str(value))
    step = 1 if days >= 0 else -1
    remaining = abs(int(days))
    while remaining:
        day += dt.timedelta(days=step)
        if day.weekday() < 5:
            remaining -= 1
    return day.isoformat()


def _add_days(value: str, days: int) -> str:
    return (dt.date.fromisoformat(str(value)) + dt.timedelta(days=int(days))).isoformat()


@cache
def environment(lang: str) -> SandboxedEnvironment:
    """The sandboxed environment for texts shown in ``lang``; filters format dates in that language."""
    from simulator.engine.textcheck import format_date, format_time

    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.filters["add_workdays"] = _add_workdays
    env.filters["add_days"] = _add_days
    env.filters["longdate"] = lambda value: format_date(str(value), lang, "long")
    env.filters["shortdate"] = lambda value: format_date(str(value), lang, "short")
    env.filters["time"] = lambda value: format_time(str(value), lang)
    return env


def render(text: str, context: Mapping[str, Any], lang: str = "fr") -> str:
    """Render ``text`` with ``context``; plain text without braces is returned unchanged."""
    if "{" not in text:
        return text
    return environment(lang).from_string(text).render(context)


def problems(text: str, *, references: set[str], facts: set[str]) -> Iterator[TemplateProblem]:
    """Every syntax error or unknown variable in ``text``, without rendering it."""
    if "{" not in text:
        return
    try:
        tree = environment("fr").parse(text)
    except TemplateSyntaxError as exc:
        yield TemplateProblem("template-syntax", {"problem": exc.message or "?"})
        return
    known = {"customer": CUSTOMER_FIELDS, "org": ORG_FIELDS, "agent": AGENT_FIELDS,
             "refs": frozenset(references), "facts": frozenset(facts)}
    available = ", ".join(
        [f"{ns}.{field}" for ns in ("refs", "facts") for field in sorted(known[ns])]
        + ["customer.…", "org.…", "agent.name", "today"]
    )
    attributed: set[int] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        base = node.node
        if not isinstance(base, nodes.Name):
            continue
        attributed.add(id(base))
        attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if base.name in known and attr not in known[base.name]:
            yield TemplateProblem("unknown-variable", {"name": f"{base.name}.{attr}", "available": available})
    for name in tree.find_all(nodes.Name):
        if name.ctx != "load" or name.name in PLAIN_NAMES:
            continue
        if name.name not in known:
            yield TemplateProblem("unknown-variable", {"name": name.name, "available": available})
        elif id(name) not in attributed:
            yield TemplateProblem("unknown-variable", {"name": name.name, "available": available})
