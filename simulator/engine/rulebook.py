"""The engine's answers to the scenario checker (see ``simulator.scenario.rulebook``), read from the engine itself."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date
from typing import Any

from simulator.engine.context import ContactContext, build_context
from simulator.engine.rules import RULES, RULES_BY_ID, competency_of
from simulator.engine.toolbox import OPERATIONS
from simulator.engine.understanding.lexicon import concept_names
from simulator.scenario.models import Scenario
from simulator.scenario.models.scenario import Direction
from simulator.scenario.rulebook import RuleSource


class EngineRulebook:
    """Order rules, tool operations, lexicon concepts and contexts, as the engine has them."""

    def order_rule_ids(self) -> Collection[str]:
        return frozenset(RULES_BY_ID)

    def order_rule_sources(self, direction: Direction) -> Iterator[RuleSource]:
        for rule in RULES:
            code = competency_of(rule, direction)
            if code:
                yield RuleSource(code, frozenset(rule.needs), rule.effect)

    def tool_operations(self) -> Collection[tuple[str, str]]:
        return frozenset(OPERATIONS)

    def concept_names(self) -> Collection[str]:
        return concept_names()

    def sample_context(
        self, scenario: Scenario, seed: int, today: date, lang: str, agent_name: str
    ) -> ContactContext:
        return build_context(scenario, seed, today, lang, agent_name)

    def sample_records(
        self, scenario: Scenario, context: ContactContext, seed: int, today: date
    ) -> dict[str, Any]:
        """The records of the customer database the engine builds for ``context`` (by role)."""
        from simulator.engine.callstate import records_of
        from simulator.engine.toolbox import build_toolbox

        return records_of(build_toolbox(scenario, context, seed, today).customer_db)

    def known_place(self, commune: str | None, province: str | None) -> bool:
        """True when a persona may be pinned to ``commune`` / ``province`` (the engine's own list of places)."""
        from simulator.engine.belgian_places import pinned_places

        return bool(pinned_places(commune, province))
