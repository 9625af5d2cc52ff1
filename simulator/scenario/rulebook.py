"""What the checker asks of the engine, through a registry the engine fills: the scenario layer never imports it.

The checker needs four answers only the engine has — which order rules exist and what each can
evidence, which tool operations exist, which concepts the judge of typed texts knows, and the
context (generated customer, references, facts) texts are rendered in. ``simulator.engine``
registers a provider of those answers when it is imported (``register``); the checker asks
``engine_rules()``. The answers are built on first use, so registering costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the models are not loaded for a registration
    from simulator.scenario.models import Scenario
    from simulator.scenario.models.scenario import Direction


@dataclass(frozen=True)
class RuleSource:
    """One order rule as the checker sees it: the competency it evidences on a contact, when, which way."""

    competency: str
    needs: frozenset[str]
    effect: str


class EngineRules(Protocol):
    """The engine's answers to the checker."""

    def order_rule_ids(self) -> Collection[str]:
        """The ids of every order rule (a test plan may expect any of them)."""
        ...

    def order_rule_sources(self, direction: Direction) -> Iterable[RuleSource]:
        """Every order rule that evidences a competency on a contact of ``direction``."""
        ...

    def tool_operations(self) -> Collection[tuple[str, str]]:
        """Every ``(tool, operation)`` a candidate or a test plan can run."""
        ...

    def concept_names(self) -> Collection[str]:
        """The concepts of the shared lexicon a text requirement may name."""
        ...

    def sample_context(
        self, scenario: Scenario, seed: int, today: date, lang: str, agent_name: str
    ) -> Any:
        """The engine's own context for ``scenario`` (its ``variables`` render the texts), as ``play`` builds it."""
        ...

    def sample_records(
        self, scenario: Scenario, context: Any, seed: int, today: date
    ) -> dict[str, Any]:
        """The records (by role) of the customer database the engine builds in ``context``."""
        ...

    def known_place(self, commune: str | None, province: str | None) -> bool:
        """True when a persona may be pinned to ``commune`` / ``province``."""
        ...


_provider: Callable[[], EngineRules] | None = None
_rules: EngineRules | None = None


def register(provider: Callable[[], EngineRules]) -> None:
    """Make ``provider`` the source of the engine's answers (called by ``simulator.engine`` when imported)."""
    global _provider, _rules
    _provider, _rules = provider, None


def engine_rules() -> EngineRules:
    """The registered engine's answers; a clear error when no engine registered any."""
    global _rules
    if _rules is None:
        if _provider is None:
            raise RuntimeError(
                "no engine rules registered: import simulator.engine before checking scenarios"
            )
        _rules = _provider()
    return _rules
