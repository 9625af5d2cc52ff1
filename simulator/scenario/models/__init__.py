"""Pydantic models of scenario and épreuve files (the source of the published JSON Schema)."""

from simulator.scenario.models.checks import (
    AmountRequirement,
    AnyOf,
    ConceptRequirement,
    DateRequirement,
    EvidenceSpec,
    Requirement,
    TextCheck,
    TimeRequirement,
    ToolCheck,
)
from simulator.scenario.models.common import LANGS, LocalisedText, Text, languages_of, text_in
from simulator.scenario.models.dialogue import Act, Ending, Node, Prompt, Reply
from simulator.scenario.models.epreuve import ContactEntry, Epreuve
from simulator.scenario.models.resources import PersonaSpec, Resources
from simulator.scenario.models.scenario import Organisation, Outcome, Scenario, WrapUp

__all__ = [
    "LANGS",
    "Act",
    "AmountRequirement",
    "AnyOf",
    "ConceptRequirement",
    "ContactEntry",
    "DateRequirement",
    "Ending",
    "Epreuve",
    "EvidenceSpec",
    "LocalisedText",
    "Node",
    "Organisation",
    "Outcome",
    "PersonaSpec",
    "Prompt",
    "Reply",
    "Requirement",
    "Resources",
    "Scenario",
    "Text",
    "TextCheck",
    "TimeRequirement",
    "ToolCheck",
    "WrapUp",
    "languages_of",
    "text_in",
]
