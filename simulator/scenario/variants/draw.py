"""The forms of a scenario with variants: every combination, and how a form is named and keyed.

Which form a seed gets is drawn for a whole épreuve by :mod:`simulator.scenario.variants.spread`.
"""

from __future__ import annotations

import itertools
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


def label(combination: Mapping[str, str]) -> str:
    """``cause=adresse, objection=prix``: how a form is named in diagnostics, reports and the CLI."""
    return ", ".join(f"{dim}={alt}" for dim, alt in combination.items())


def key(combination: Mapping[str, str]) -> str:
    """A stable key for a form (``cause=adresse,objection=prix``)."""
    return ",".join(f"{dim}={alt}" for dim, alt in combination.items())


def covering(layer: VariantLayer) -> list[Combination]:
    """A few forms that together use every alternative of every dimension (greedy, in order):
    what a test plays when playing every combination would take too long."""
    wanted = {(dim, alt) for dim, spec in layer.variants.items() for alt in spec.alternatives}
    chosen: list[Combination] = []
    candidates = all_combinations(layer)
    while wanted:
        best = max(candidates, key=lambda c: len(wanted & set(c.items())))
        if not wanted & set(best.items()):  # declared combinations that leave an alternative out
            break
        chosen.append(best)
        wanted -= set(best.items())
    return chosen
