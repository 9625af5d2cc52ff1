"""The spread draw of forms: every alternative as often as the others, seeds given in sequence far
apart, every combination of a scenario within a few seeds, the same forms on every call."""

from __future__ import annotations

import itertools
import random
from collections import Counter

from simulator.scenario.variants.spec import VariantLayer
from simulator.scenario.variants.spread import draw_forms, prime_factors


def _layer(*sizes: int, combinations=None) -> VariantLayer:
    data = {
        "variants": {
            f"d{i}": {"alternatives": {f"a{j}": {} for j in range(k)}} for i, k in enumerate(sizes)
        }
    }
    if combinations is not None:
        data["combinations"] = combinations
    return VariantLayer.model_validate(data)


#: An épreuve of fifteen scenarios with three dimensions of three alternatives each.
EPREUVE = [(f"scenario-{i}", _layer(3, 3, 3)) for i in range(15)]


def _share_differing(first, second) -> float:
    dims = [(sid, dim) for sid, form in first.items() for dim in form]
    return sum(first[sid][dim] != second[sid][dim] for sid, dim in dims) / len(dims)


def test_the_same_seed_gives_the_same_forms_whatever_the_global_generator():
    random.seed(1)
    first = [draw_forms(EPREUVE, seed) for seed in range(50)]
    random.seed(2)
    assert [draw_forms(EPREUVE, seed) for seed in range(50)] == first


def test_every_run_of_three_seeds_gives_each_of_three_alternatives_once():
    for first in range(0, 300, 3):
        forms = [draw_forms(EPREUVE, seed) for seed in range(first, first + 3)]
        for sid, dims in forms[0].items():
            for dim in dims:
                assert {form[sid][dim] for form in forms} == {"a0", "a1", "a2"}, (first, sid, dim)


def test_any_two_of_a_hundred_seeds_in_sequence_differ_on_most_dimensions():
    # drawn at random, two candidates would share a third of these alternatives on average and
    # some pairs far more; the code keeps every pair of a block above 55 %
    for start in (1, 5_000, 77_777):
        forms = [draw_forms(EPREUVE, seed) for seed in range(start, start + 100)]
        worst = min(_share_differing(a, b) for a, b in itertools.combinations(forms, 2))
        assert worst >= 0.55, (start, worst)


def test_every_alternative_is_drawn_as_often_as_the_others():
    drawn = Counter(
        (sid, dim, alt)
        for seed in range(0, 243)
        for sid, form in draw_forms(EPREUVE, seed).items()
        for dim, alt in form.items()
    )
    assert len(drawn) == 15 * 3 * 3
    assert set(drawn.values()) == {81}


def test_a_few_consecutive_seeds_give_every_combination_of_a_scenario():
    two_by_two = [("survey", _layer(2, 2))]
    for block in range(0, 64, 4):
        combos = {
            tuple(draw_forms(two_by_two, seed)["survey"].values())
            for seed in range(block, block + 4)
        }
        assert len(combos) == 4, block


def test_dimensions_of_any_size_draw_every_alternative():
    assert prime_factors(12) == [2, 2, 3] and prime_factors(7) == [7]
    odd = [("odd", _layer(4, 6, 5, 7))]
    seen = Counter()
    for seed in range(2_000):
        for dim, alt in draw_forms(odd, seed)["odd"].items():
            seen[dim, alt] += 1
    assert {dim: sum(1 for d, _ in seen if d == dim) for dim, _ in seen} == {
        "d0": 4,
        "d1": 6,
        "d2": 5,
        "d3": 7,
    }


def test_declared_combinations_are_the_only_ones_drawn_and_each_is_drawn():
    allowed = [{"d0": "a0", "d1": "a1"}, {"d0": "a1", "d1": "a0"}, {"d0": "a2", "d1": "a2"}]
    layer = _layer(3, 3, combinations=allowed)
    drawn = [draw_forms([("limited", layer)], seed)["limited"] for seed in range(30)]
    assert {tuple(sorted(d.items())) for d in drawn} == {tuple(sorted(a.items())) for a in allowed}


def test_a_covering_set_of_forms_uses_every_alternative():
    from simulator.scenario.variants.draw import covering

    layer = _layer(3, 4, 2)
    forms = covering(layer)
    assert len(forms) == 4  # as many as the largest dimension has alternatives
    for dim, spec in layer.variants.items():
        assert {form[dim] for form in forms} == set(spec.alternatives)


def test_a_pairwise_design_meets_every_pair_of_alternatives_in_few_forms():
    from simulator.scenario.variants.design import form_count, pairwise_design

    layer = _layer(3, 3, 3, 3, 3, 3)
    design = pairwise_design(layer)
    assert form_count(layer) == 729 and len(design) <= 18
    for (d1, s1), (d2, s2) in itertools.combinations(layer.variants.items(), 2):
        met = {(form[d1], form[d2]) for form in design}
        assert met == {(a, b) for a in s1.alternatives for b in s2.alternatives}
