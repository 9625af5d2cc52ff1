"""A scenario file: one contact (inbound call or message, outbound call, or admin task)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from simulator.scenario.models.checks import TextCheck, ToolCheck
from simulator.scenario.models.common import CompetencyCode, Ident, Lang, Model, Text, Version
from simulator.scenario.models.dialogue import Node
from simulator.scenario.models.resources import PersonaSpec, Resources

Direction = Literal["inbound", "outbound", "admin"]
Kind = Literal[
    "complaint",
    "information",
    "transfer",
    "upsell",
    "message",
    "telesales",
    "appointment",
    "survey",
    "follow-up",
    "event",
    "prospection",
    "documentation",
    "database",
    "form",
    "planning",
    "mail",
]


def _french_only() -> list[Lang]:
    """A scenario's languages when it names none: French."""
    return ["fr"]


class Organisation(Model):
    """The business the candidate works for during this contact."""

    name: str
    sector: Text
    city: str
    phone: str | None = None
    email: str | None = None


class Outcome(Model):
    """An outcome code the candidate can pick at wrap-up."""

    id: Ident
    label: Text


class WrapUp(Model):
    """After the contact: outcome codes and the note, with what the note must contain."""

    outcomes: list[Outcome] = Field(min_length=2)
    note_required: bool = True
    note_checks: list[TextCheck] = Field(default_factory=list)


#: Who the candidate is talking to: the data subject (``customer``) or a third party.
Party = Literal["customer", "relative", "colleague", "answering_machine", "other"]


class SensitiveMatter(Model):
    """A matter of the customer's that no third party may hear: a debt or a medical matter, and the
    words (phrases or templated values, e.g. ``"{{ refs.invoice }}"``) that disclose it."""

    kind: Literal["debt", "medical"]
    words: list[str] = Field(min_length=1)


class Confidential(Model):
    """Who is on the line and what must not reach a third party (engine critical ``ENG-SENSITIVE-TO-THIRD-PARTY``)."""

    #: Who is on the line at the nodes that do not say (``party`` on a node).
    on_the_line: Party = "customer"
    matters: list[SensitiveMatter] = Field(min_length=1)
    #: The competency failed (default: 01.02 on an inbound contact, 02.01 on an outbound one).
    competency: CompetencyCode | None = None


class GeneratedReference(Model):
    """A reference made by a named generator (scenario/1.1): a plausible e-mail address, a Belgian
    IBAN, enterprise number (BE0…) or national register number with valid check digits."""

    generator: Literal["email", "iban_be", "enterprise_be", "nrn_be"]


class ToolSetting(Model):
    """Call variables set when a tool action succeeds (``{{ args.<name> }}`` are its arguments)."""

    tool: Annotated[
        str, Field(pattern=r"^(customer_db|documentation|directory|agenda|forms|mail)\.[a-z_]+$")
    ]
    set: dict[Ident, str] = Field(min_length=1)


#: The format versions this program reads; 1.1 adds call variables, conditions and the new resources.
SCENARIO_FORMATS = ("scenario/1", "scenario/1.1")


class Scenario(Model):
    """One contact of an épreuve, written by a trainer."""

    callsim: Literal["scenario/1", "scenario/1.1"]
    id: Ident
    version: Version
    title: Text
    briefing: Text
    direction: Direction
    kind: Kind
    #: How the contact reaches the candidate; by default a call (inbound, outbound) or a task (admin).
    channel: Literal["phone", "mail", "task"] | None = None
    organisation: Organisation
    duration_minutes: Annotated[int, Field(ge=1, le=120)]
    #: A call that must not be left ringing (it rings while a task may be open): taken within this
    #: many seconds of its arrival, it shows that the caller came first (``ORD-ANSWERED-IN-TIME``);
    #: later, that a task that could wait came first (``ORD-LEFT-RINGING``).
    answer_within_seconds: Annotated[int, Field(ge=10, le=600)] | None = None
    languages: list[Lang] = Field(default_factory=_french_only, min_length=1)
    competencies: list[CompetencyCode] = Field(min_length=1)
    persona: PersonaSpec = Field(default_factory=PersonaSpec)
    #: A pattern ("#" digit, "?" letter, "*" either) or ``{generator: …}`` (scenario/1.1).
    references: dict[Ident, str | GeneratedReference] = Field(default_factory=dict)
    facts: dict[Ident, str] = Field(default_factory=dict)
    #: Call variables and their value when the call starts (scenario/1.1): ``{{ call.<name> }}``.
    variables: dict[Ident, str] = Field(default_factory=dict)
    #: Call variables set by tool actions that succeed (scenario/1.1).
    on_tool: list[ToolSetting] = Field(default_factory=list)
    resources: Resources = Field(default_factory=Resources)
    start: Ident
    nodes: dict[Ident, Node] = Field(min_length=1)
    checks: list[ToolCheck] = Field(default_factory=list)
    wrap_up: WrapUp | None = None
    confidential: Confidential | None = None

    @model_validator(mode="after")
    def _found_by_references(self) -> Scenario:
        """The customer database's ``found_by`` names references the scenario declares."""
        db = self.resources.customer_db
        for name in db.found_by if db is not None else ():
            if name not in self.references:
                raise PydanticCustomError(
                    "callsim:unknown-reference",
                    "found_by names unknown reference {name}",
                    {"name": name, "at": "references" if self.references else "resources"},
                )
        return self

    @property
    def medium(self) -> str:
        """``phone``, ``mail`` or ``task``: the channel, or the default for the direction."""
        if self.channel is not None:
            return self.channel
        return "task" if self.direction == "admin" else "phone"

    def exam_route(self, node_id: str) -> tuple[str, tuple[str, ...]]:
        """Where the dialogue stops in exam mode on its way to ``node_id``, and the acts of the replies
        passed: practice-only (coaching) nodes with a single way on are passed through, so a
        candidate who chose wrong is not told so and goes on as anyone else would. A loop of such
        nodes stops where it comes back."""
        acts: list[str] = []
        for _ in self.nodes:
            node = self.nodes.get(node_id)
            onward = (
                node.single_way_on() if node is not None and node.audience == "practice" else None
            )
            if onward is None:
                break
            if isinstance(onward, str):
                node_id = onward
            else:
                node_id = onward.goto
                acts += [onward.act] if onward.act else []
        return node_id, tuple(acts)
