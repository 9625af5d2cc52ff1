"""The forms of a scenario with variants: every combination, and how a form is named and keyed.

Which form a seed gets is drawn for a whole épreuve by :mod:`simulator.scenario.variants.spread`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

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


def greedy_cover(
    candidates: list[Combination],
    wanted: set[Any],
    parts: Callable[[Combination], set[Any]],
) -> list[Combination]:
    """Forms among ``candidates`` that together hold every part ``wanted`` (greedy: each next form
    holds the most parts not held yet, the first in order on a tie); parts no form holds are left out."""
    chosen: list[Combination] = []
    wanted = set(wanted)
    while wanted:
        best = max(candidates, key=lambda c: len(wanted & parts(c)))
        if not wanted & parts(best):
            break
        chosen.append(best)
        wanted -= parts(best)
    return chosen


def covering(layer: VariantLayer) -> list[Combination]:
    """A few forms that together use every alternative of every dimension (greedy, in order):
    what a test plays when playing every combination would take too long."""
    wanted = {(dim, alt) for dim, spec in layer.variants.items() for alt in spec.alternatives}
    return greedy_cover(all_combinations(layer), wanted, lambda c: set(c.items()))
