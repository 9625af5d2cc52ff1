"""A small set of forms that still pairs every alternative with every other: a pairwise design.

A scenario with many dimensions has many combinations (six dimensions of three: 729), and the
checker checks each as a scenario of its own. Two forms rarely differ in one dimension only: what
matters is that every alternative meets every alternative of every other dimension in some form
(a broken pair shows), and that any two forms differ in most dimensions. A greedy *pairwise*
design gives both with a few dozen forms; a trainer declares it as ``combinations:``.
"""

from __future__ import annotations

import itertools

from simulator.scenario.variants.draw import Combination, all_combinations, greedy_cover
from simulator.scenario.variants.spec import VariantLayer

#: Above this many forms without ``combinations:``, the checker suggests a pairwise design.
MANY_FORMS = 64


def form_count(layer: VariantLayer) -> int:
    """How many forms a layer gives (its declared combinations, or every combination)."""
    if layer.combinations is not None:
        return len(layer.combinations)
    count = 1
    for spec in layer.variants.values():
        count *= len(spec.alternatives)
    return count


def _pairs(combination: Combination) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    return set(itertools.combinations(sorted(combination.items()), 2))


def pairwise_design(layer: VariantLayer) -> list[Combination]:
    """Forms (among those allowed) in which every two alternatives of two dimensions meet.

    Greedy: each next form is the allowed one that meets the most pairs not met yet (the first in
    declaration order on a tie); a pair no allowed form holds is left out.
    """
    candidates = all_combinations(layer)
    if len(layer.variants) == 1:
        return candidates
    wanted = set().union(*(_pairs(c) for c in candidates)) if candidates else set()
    return greedy_cover(candidates, wanted, _pairs)
