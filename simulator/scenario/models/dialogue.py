"""The dialogue graph: nodes with the other party's line, the candidate's replies, typed prompts, endings."""

from __future__ import annotations

from typing import Annotated, Literal

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
#: Who is shown a node: ``both`` (practice and exam) or ``practice`` only — a coaching step that
#: says whether the previous choice was right. In exam mode the engine does not show a
#: practice-only node's line and, when its only way on is ``next`` or a single reply, goes straight
#: on as if the step were not there: nothing on an exam screen tells right from wrong.
Audience = Literal["both", "practice"]


#: A condition on the call so far: a Jinja2 expression such as ``call.vente == "oui"`` (scenario/1.1).
Condition = Annotated[str, Field(min_length=1, max_length=500)]
#: Call variables a step sets: ``{name: value}``; a value may use {{ variables }} (and ``answer``
#: for a typed answer, ``args`` for a tool action).
Settings = dict[Ident, str]


class Branch(Model):
    """Where to go instead of the usual ``goto``/``next`` when ``when`` holds (the first that holds wins)."""

    when: Condition
    goto: Ident


class Reply(Model):
    """One option the candidate can choose at a node."""

    id: Ident | None = None
    text: Text
    act: Act | None = None
    evidence: list[EvidenceSpec] = Field(default_factory=list)
    feedback: Text | None = None
    #: Offered only when this condition on the call holds.
    when: Condition | None = None
    #: Call variables this reply sets when chosen.
    set: Settings = Field(default_factory=dict)
    branches: list[Branch] = Field(default_factory=list)
    goto: Ident


class Prompt(Model):
    """A free-text answer the candidate types, checked against what the scenario requires."""

    label: Text
    act: Act | None = None
    placeholder: Text | None = None
    checks: list[TextCheck] = Field(min_length=1)
    #: Call variables set when the answer is sent (``{{ answer }}`` is the typed text).
    set: Settings = Field(default_factory=dict)
    branches: list[Branch] = Field(default_factory=list)
    goto: Ident


class Ending(Model):
    """This node ends the conversation (the contact goes to wrap-up)."""

    outcome: Literal["resolved", "transferred", "refused", "callback", "abandoned", "done"]


class Node(Model):
    """A point of the dialogue: what the other party says, then what the candidate can do."""

    speaker: Speaker = "customer"
    say: Text | None = None
    #: Who is on the line at this node (the scenario's ``confidential.on_the_line`` when unset).
    party: Literal["customer", "relative", "colleague", "answering_machine", "other"] | None = None
    audience: Audience = "both"
    tools: list[ToolName] | None = None
    expect: list[ToolCheck] = Field(default_factory=list)
    replies: list[Reply] | None = None
    prompt: Prompt | None = None
    next: Ident | None = None
    #: Conditional ways on from a ``next`` node (the first that holds wins, else ``next``).
    branches: list[Branch] = Field(default_factory=list)
    end: Ending | None = None

    def single_way_on(self) -> Reply | Ident | None:
        """Where this node leads whatever the candidate does, with nothing observed on the way: its
        ``next``, or its only reply (that has no evidence). None when the candidate has a real choice
        to make, a text to type or a check to pass."""
        if self.end is not None or self.prompt is not None or self.expect or self.branches:
            return None
        if self.next is not None and not self.replies:
            return self.next
        only = self.replies[0] if self.replies is not None and len(self.replies) == 1 else None
        if (
            only is not None
            and self.next is None
            and not only.evidence
            and not (only.branches or only.set or only.when)
        ):
            return only
        return None
