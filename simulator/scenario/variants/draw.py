"""Which alternatives a candidate gets: every combination of a scenario, and the seeded draw of one.

The draw uses its own random generator per (seed, scenario id, dimension), never the global one:
the same seed gives the same form on every machine, on resume, replay and rescore.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Mapping

from simulator.scenario.variants.spec import VariantLayer

#: One form of a scenario: dimension → alternative, in the order the dimensions are declared.
Combination = dict[str, str]


def all_combinations(layer: VariantLayer) -> list[Combination]:
    """The declared ``combinations``, or else every combination, in declaration order."""
    if layer.combinations is not None:
        return [{dim: combo[dim] for dim in layer.variants} for combo in layer.combinations]
    names = list(layer.variants)
    choices = [list(layer.variants[name].alternatives) for name in names]
    return [dict(zip(names, picked, strict=True)) for picked in itertools.product(*choices)]


def _rng(seed: int, scenario_id: str, dimension: str) -> random.Random:
    digest = hashlib.sha256(f"callsim-variant|{seed}|{scenario_id}|{dimension}".encode()).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


def draw(layer: VariantLayer, seed: int, scenario_id: str) -> Combination:
    """The form a candidate with ``seed`` gets: one alternative per dimension (or one declared combination)."""
    if layer.combinations is not None:
        combos = all_combinations(layer)
        return combos[_rng(seed, scenario_id, "+".join(layer.variants)).randrange(len(combos))]
    return {
        dim: _rng(seed, scenario_id, dim).choice(list(spec.alternatives))
        for dim, spec in layer.variants.items()
    }


def label(combination: Mapping[str, str]) -> str:
    """``cause=adresse, objection=prix``: how a form is named in diagnostics, reports and the CLI."""
    return ", ".join(f"{dim}={alt}" for dim, alt in combination.items())


def key(combination: Mapping[str, str]) -> str:
    """A stable key for a form (``cause=adresse,objection=prix``)."""
    return ",".join(f"{dim}={alt}" for dim, alt in combination.items())
