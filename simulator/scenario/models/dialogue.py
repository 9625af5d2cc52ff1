"""The dialogue graph: nodes with the other party's line, the candidate's replies, typed prompts, endings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from simulator.scenario.models.checks import EvidenceSpec, TextCheck, ToolCheck
from simulator.scenario.models.common import Ident, Model, Text

#: What a reply or prompt does in the conversation; the call state machine follows these acts.
Act = Literal[
    "greet",  # opening: names the company and oneself
    "discover",  # asks about or detects the need
    "inform",  # gives information
    "propose",  # proposes a solution
    "offer",  # makes a commercial proposal / additional sale
    "object",  # answers an objection
    "check",  # checks the other party understood
    "confirm",  # confirms the agreement (recap)
    "announce_transfer",  # tells the caller they will be transferred
    "close",  # closing formula
]

ToolName = Literal["customer_db", "documentation", "directory", "agenda", "forms", "mail"]
Speaker = Literal["customer", "supervisor", "system"]


class Reply(Model):
    """One option the candidate can choose at a node."""

    id: Ident | None = None
    text: Text
    act: Act | None = None
    evidence: list[EvidenceSpec] = Field(default_factory=list)
    feedback: Text | None = None
    goto: Ident


class Prompt(Model):
    """A free-text answer the candidate types, checked against what the scenario requires."""

    label: Text
    act: Act | None = None
    placeholder: Text | None = None
    checks: list[TextCheck] = Field(min_length=1)
    goto: Ident


class Ending(Model):
    """This node ends the conversation (the contact goes to wrap-up)."""

    outcome: Literal["resolved", "transferred", "refused", "callback", "abandoned", "done"]


class Node(Model):
    """A point of the dialogue: what the other party says, then what the candidate can do."""

    speaker: Speaker = "customer"
    say: Text | None = None
    tools: list[ToolName] | None = None
    expect: list[ToolCheck] = Field(default_factory=list)
    replies: list[Reply] | None = None
    prompt: Prompt | None = None
    next: Ident | None = None
    end: Ending | None = None
