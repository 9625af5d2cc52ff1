"""The ``variants:`` and ``combinations:`` keys of a scenario file (format ``scenario/1.1``), as models."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from simulator.scenario.models.common import Ident, Model, Text

#: The keys of a scenario file that belong to the variants layer, not to the scenario itself.
LAYER_KEYS = ("variants", "combinations")
#: The format marker a file with variants declares.
MARKER = "scenario/1.1"
#: Top-level keys a patch may not change: they name the scenario and its format.
FROZEN_KEYS = frozenset({"callsim", "id", "variants", "combinations"})


class Alternative(Model):
    """One alternative of a dimension: what it changes in the scenario, addressed by ids.

    ``patch`` mirrors the scenario's own shape: a mapping merges into a mapping (``null`` removes a
    key), a mapping keyed by ids merges into a list of items with ids (facts, documents, records,
    replies, checks…: an unknown id adds an item, ``null`` removes one), anything else replaces.
    """

    label: Text | None = None
    patch: dict[str, Any] = Field(default_factory=dict)


class Dimension(Model):
    """What varies between candidates (the cause of the problem, the objection…) and its alternatives."""

    label: Text | None = None
    alternatives: dict[Ident, Alternative] = Field(min_length=2)


class VariantLayer(Model):
    """Every dimension of a scenario and, optionally, the only combinations that may be drawn."""

    variants: dict[Ident, Dimension] = Field(min_length=1)
    combinations: list[dict[Ident, Ident]] | None = Field(default=None, min_length=1)
