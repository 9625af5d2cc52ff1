"""The headless engine: call state machine, tools, evidence and épreuve sessions.

Importing the engine registers its rules with the scenario checker (``simulator.scenario.rulebook``),
which asks them without importing the engine; they are read on first use.
"""

from simulator.scenario.rulebook import EngineRules, register


def _rulebook() -> EngineRules:
    from simulator.engine.rulebook import EngineRulebook

    return EngineRulebook()


register(_rulebook)
