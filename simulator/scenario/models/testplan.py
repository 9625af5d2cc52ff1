"""Test plans: scripted paths through a scenario (replies, typed text, tool actions) and what they must give."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from simulator.scenario.models.common import CompetencyCode, Ident, Model

Verdict = Literal["positive", "negative", "absent"]


class Scripted(Model):
    """What every mapping step may add: the engine or the tool is expected to refuse it.

    ``expect_refused: true`` (with ``reason:``, the refusal's code, e.g. ``form_incomplete``) makes a
    refusal the expected result: the plan checks the code and goes on. Without it, a refused step
    fails the plan with the engine's message.
    """

    expect_refused: bool = False
    reason: Ident | None = None


class ToolStep(Scripted):
    """Use a tool: ``tool: customer_db.update`` with ``args`` (values may use {{ variables }})."""

    tool: Annotated[
        str, Field(pattern=r"^(customer_db|documentation|directory|agenda|forms|mail)\.[a-z_]+$")
    ]
    args: dict[str, Any] = Field(default_factory=dict)


class ChooseStep(Scripted):
    choose: Ident


class SayStep(Scripted):
    say: str


class TransferStep(Scripted):
    transfer: Ident


class WrapUpBody(Model):
    outcome: Ident | None = None
    note: str = ""


class WrapUpStep(Scripted):
    wrap_up: WrapUpBody


class AdvanceStep(Model):
    """Let the épreuve clock run for this many minutes."""

    advance_minutes: Annotated[int, Field(ge=1, le=600)]


#: A step is one of these mappings, or one of the plain words below.
Step = (
    ChooseStep
    | SayStep
    | TransferStep
    | WrapUpStep
    | ToolStep
    | AdvanceStep
    | Literal["continue", "hold", "resume", "hang_up"]
)


class Expectation(Model):
    """What the path must give."""

    #: competency → positive (observed, never negatively), negative (observed negatively at least once), absent.
    competencies: dict[CompetencyCode, Verdict] = Field(default_factory=dict)
    #: Rule ids that must have fired (order rules, ``check:<id>``, ``reply:<node>/<reply>``…).
    rules: list[str] = Field(default_factory=list)
    #: Where the contact must end up.
    phase: Literal[
        "ended",
        "wrap_up",
        "waiting",
        "in_progress",
        "opening",
        "discovery",
        "resolution",
        "agreement",
        "closing",
        "on_hold",
    ] = "ended"
    #: Every competency the scenario claims must be observed positively and never negatively.
    all_claimed_positive: bool = False


class Plan(Model):
    """One scripted path."""

    id: Ident
    title: str
    seed: int = 1
    #: How long the contact rings (waits) before it is taken, in seconds: a call left ringing.
    rings_seconds: Annotated[int, Field(ge=0, le=3600)] = 0
    #: The form of a scenario with variants this plan runs on (dimension → alternative); a dimension
    #: left out runs the plan on each of its alternatives; no ``variant`` at all: the file as written.
    variant: dict[Ident, Ident] = Field(default_factory=dict)
    steps: list[Step] = Field(min_length=1)
    expect: Expectation


class TestPlan(Model):
    """A test-plan file, next to the scenario it tests."""

    callsim: Literal["testplan/1"]
    scenario: str
    plans: list[Plan] = Field(min_length=1)
