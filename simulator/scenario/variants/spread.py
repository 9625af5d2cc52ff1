"""The forms an épreuve gives a seed, spread so that seeds given in sequence get forms far apart.

Drawing each dimension at random for each seed makes two candidates share, by chance, a third of
the alternatives of three-way dimensions, and a few pairs of seeds share far more. Here each
dimension is drawn as a *linear code* of the seed instead:

- a dimension of ``k`` alternatives is split along the prime factors of ``k`` (4 → 2 × 2,
  6 → 2 × 3); for each factor ``p`` the seed is written as ``m`` digits in base ``p`` (enough digits
  for a block of at least 128 consecutive seeds);
- each factor gets a *row* of ``m`` digits, the rows of the épreuve chosen one after the other so
  that no difference between two seeds is orthogonal to many of them (a greedy spread over the
  projective points of GF(p)^m);
- the factor's value is ``row · digits + offset (mod p)``, the offset drawn from a hash of the
  block, the scenario and the dimension; the factors' values, in mixed radix, index the alternative.

Two seeds of the same block get the same alternative of a dimension only when their digit
difference is orthogonal to its rows, which the spread keeps rare; seeds of different blocks get
independent offsets. Every alternative is drawn as often as the others. Nothing depends on the
global random generator or on the machine: the same seed gives the same forms everywhere, and a
session replays the forms its header recorded, never a new draw.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Iterable, Mapping

from simulator.scenario.variants.spec import VariantLayer

#: Seeds per block: consecutive seeds within it are spread by the code.
_BLOCK = 128


def prime_factors(k: int) -> list[int]:
    """``12`` → ``[2, 2, 3]``: each factor gets its own row of the code."""
    factors, n, p = [], k, 2
    while p * p <= n:
        while n % p == 0:
            factors.append(p)
            n //= p
        p += 1
    if n > 1:
        factors.append(n)
    return factors


@functools.cache
def digit_count(p: int) -> int:
    """How many base-``p`` digits a block of at least ``_BLOCK`` seeds needs."""
    m = 1
    while p**m < _BLOCK:
        m += 1
    return m


def _digits(seed: int, p: int, m: int) -> tuple[int, ...]:
    n = seed % p**m
    return tuple((n // p**i) % p for i in range(m))


@functools.cache
def _points(p: int, m: int) -> tuple[tuple[int, ...], ...]:
    """The projective points of GF(p)^m: nonzero vectors whose first nonzero digit is 1."""
    return tuple(
        v
        for v in itertools.product(range(p), repeat=m)
        if any(v) and v[next(i for i, x in enumerate(v) if x)] == 1
    )


@functools.cache
def _rows(p: int, m: int) -> tuple[tuple[int, ...], ...]:
    """The rows a dimension may get: those that weigh the seed's last digit by 1.

    Every run of ``p`` seeds that differ only in their last digit (``3k``, ``3k + 1``, ``3k + 2``
    in base 3) then gives each of the row's ``p`` values once: every alternative is drawn as often
    as the others, even over a handful of seeds.
    """
    return tuple(v for v in _points(p, m) if v[0] == 1)


def _dot(a: tuple[int, ...], b: tuple[int, ...], p: int) -> int:
    return sum(x * y for x, y in zip(a, b, strict=True)) % p


def _independent(vectors: list[tuple[int, ...]], p: int) -> bool:
    """Whether ``vectors`` are linearly independent over GF(p) (Gaussian elimination)."""
    rows = [list(v) for v in vectors]
    rank, width = 0, len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col] % p), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        inverse = pow(rows[rank][col], p - 2, p)
        rows[rank] = [x * inverse % p for x in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][col]:
                factor = rows[r][col]
                rows[r] = [(x - factor * y) % p for x, y in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank == len(rows)


@functools.cache
def spread_rows(p: int, m: int, places: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    """One row of GF(p)^m per entry of ``places`` (its rank among the rows of its scenario).

    A difference between two seeds orthogonal to a row gives both seeds the same value for that
    row. Each row is the one that least adds to the differences already orthogonal to many rows
    (cost ``4 ** count`` per difference), first in order on a tie: the rows spread over every
    direction. The ``n``-th row of a scenario is also independent of the scenario's earlier ones on
    the seed's last ``n + 1`` digits, so that a few consecutive seeds already give each combination
    of the scenario's alternatives.
    """
    points, rows = _points(p, m), _rows(p, m)
    orthogonal = [[j for j, d in enumerate(points) if _dot(a, d, p) == 0] for a in rows]
    counts = [0] * len(points)
    chosen: list[tuple[int, ...]] = []
    for number, place in enumerate(places):
        earlier = chosen[number - place : number]
        low = min(m, place + 1)
        allowed = (
            [i for i in range(len(rows)) if _independent([r[:low] for r in (*earlier, rows[i])], p)]
            or [i for i in range(len(rows)) if rows[i] not in earlier]
            or list(range(len(rows)))
        )
        best = min(allowed, key=lambda i: sum(4 ** counts[j] for j in orthogonal[i]))
        chosen.append(rows[best])
        for j in orthogonal[best]:
            counts[j] += 1
    return tuple(chosen)


def _offset(seed: int, p: int, m: int, where: str, factor: int) -> int:
    block = seed // p**m
    digest = hashlib.sha256(f"callsim-form|{block}|{where}|{factor}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % p


def _choices(layer: VariantLayer) -> list[tuple[str, list[str] | list[dict[str, str]]]]:
    """What is drawn for a layer: each dimension's alternatives, or the declared combinations."""
    if layer.combinations is not None:
        from simulator.scenario.variants.draw import all_combinations

        return [("+".join(layer.variants), all_combinations(layer))]
    return [(dim, list(spec.alternatives)) for dim, spec in layer.variants.items()]


def draw_forms(layers: Iterable[tuple[str, VariantLayer]], seed: int) -> dict[str, dict[str, str]]:
    """Scenario id → dimension → alternative for ``seed``, the layers taken in épreuve order."""
    places: dict[int, list[int]] = {}  # prime → each row's rank among its scenario's rows
    wanted: list[tuple[str, str, list, list[int]]] = []
    for scenario_id, layer in layers:
        in_scenario: dict[int, int] = {}
        for name, options in _choices(layer):
            factors = prime_factors(len(options))
            for p in factors:
                places.setdefault(p, []).append(in_scenario.get(p, 0))
                in_scenario[p] = in_scenario.get(p, 0) + 1
            wanted.append((scenario_id, name, options, factors))
    rows = {p: iter(spread_rows(p, digit_count(p), tuple(ranks))) for p, ranks in places.items()}
    forms: dict[str, dict[str, str]] = {}
    for scenario_id, name, options, factors in wanted:
        index, radix = 0, 1
        for position, p in enumerate(factors):
            m = digit_count(p)
            value = _dot(next(rows[p]), _digits(seed, p, m), p)
            value = (value + _offset(seed, p, m, f"{scenario_id}|{name}", position)) % p
            index += value * radix
            radix *= p
        picked = options[index]
        form = forms.setdefault(scenario_id, {})
        if isinstance(picked, Mapping):
            form.update(picked)
        else:
            form[name] = picked
    return forms
