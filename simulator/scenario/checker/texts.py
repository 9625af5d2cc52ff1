"""Checks on every text of a scenario: missing translations and the {{ variables }} they use."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from simulator.scenario.checker.context import FileContext
from simulator.scenario.models import Scenario
from simulator.scenario.models.common import LocalisedText
from simulator.scenario.templating import problems
from simulator.scenario.yamlsource import Path

#: Texts that must be at least in French and English, whatever the scenario's languages.
ALWAYS_BILINGUAL = (("title",), ("briefing",))


def check_texts(scenario: Scenario, data: dict[str, Any], ctx: FileContext) -> None:
    """Report missing translations and unknown variables or template syntax errors."""
    declared = list(scenario.languages)
    for where, text in _localisable(scenario):
        wanted = set(declared) | ({"en"} if where in ALWAYS_BILINGUAL else set())
        have = {"fr"} if isinstance(text, str) else {k for k in ("fr", "en", "nl") if getattr(text, k)}
        for lang in sorted(wanted - have, key=("fr", "en", "nl").index):
            ctx.warning(where, "missing-translation", lang=lang, languages=", ".join(sorted(wanted)))
    references, facts = set(scenario.references), set(scenario.facts)
    for where, value in _strings(data, ()):
        for problem in problems(value, references=references, facts=facts):
            ctx.error(where, problem.code, **problem.params)


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


def _strings(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


__all__ = ["LocalisedText", "check_texts"]
