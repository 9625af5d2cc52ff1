"""An épreuve file: which contacts, when they arrive, the time limit, practice or exam."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from simulator.scenario.models.common import Ident, Model, Text, Version


class ContactEntry(Model):
    """A scenario of the épreuve and the minute at which it rings, is due, or lands in the tray."""

    scenario: str
    at_minute: Annotated[int, Field(ge=0, le=600)] = 0
    #: The id of another contact of the épreuve that must have ended first (a callback promised in
    #: that contact): this one arrives at ``at_minute`` or when that one ends, whichever is later.
    after: Ident | None = None


class Epreuve(Model):
    """A shift of contacts that together assess the référentiel."""

    callsim: Literal["epreuve/1"]
    id: Ident
    version: Version
    title: Text
    briefing: Text
    mode: Literal["exam", "practice"]
    time_limit_minutes: Annotated[int, Field(ge=5, le=300)]
    order: Literal["fixed", "queue"] = "queue"
    agent_name: str = "Alex"
    min_chances: Annotated[int, Field(ge=1, le=5)] = 2
    contacts: list[ContactEntry] = Field(min_length=1)
