"""The labelled corpus: the understanding module agrees with a trainer's reading of candidate texts.

Precision and recall of met and not met must reach 0.95 and at most 10 % of texts may be left
unsure, on the tuning part and on the held-out part (never used to tune the module) alike.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.understanding.corpus_support import cases, judged, scores


@pytest.fixture(scope="module")
def judged_cases():
    return [(case, judged(case)) for case in cases()]


def test_the_corpus_has_enough_texts_of_each_language():
    counts = Counter(case.lang for case in cases())
    assert counts["fr"] >= 400 and counts["nl"] >= 150 and counts["en"] >= 50, counts
    assert {case.expect for case in cases()} == {"met", "not_met"}


@pytest.mark.parametrize("split", ["tuning", "held-out"])
def test_precision_recall_and_unsure_rate(judged_cases, split, capsys):
    found = scores([(case.expect, got) for case, got in judged_cases if case.split == split])
    with capsys.disabled():
        print(f"\n{split}: {found.line()}")
    assert found.total >= 100
    assert found.failures() == []


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_each_language_is_judged_as_well(judged_cases, lang):
    found = scores([(case.expect, got) for case, got in judged_cases if case.lang == lang])
    assert found.failures() == []
