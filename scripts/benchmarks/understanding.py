"""Benchmark: judging one typed text with the understanding module versus the former phrase check.

The texts are the labelled corpus (tests/understanding/corpus), each judged once against its check,
after a warm-up on a few of them (the libraries load and their caches fill, as after the start of
an épreuve). The baseline is the former check on the same texts: whole-word phrase search
(``contains_phrase``), ``contains_date`` and ``contains_amount``, concepts given as their phrases.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: 5 ms per text on the reference machine, where the former check takes about 0.03 ms.
TARGET_RATIO = 150.0


def _cases() -> list:
    sys.path.insert(0, str(ROOT / "tests" / "understanding"))
    from corpus_support import cases

    return cases()


def _former(text: str, requires: list, lang: str) -> bool:
    from simulator.engine import textcheck as tc
    from simulator.engine.understanding.lexicon import concept_phrases
    from simulator.formatting.text import contains_phrase

    for raw in requires:
        item = raw if isinstance(raw, str) else next(iter(raw.items()))
        if isinstance(item, str):
            ok = contains_phrase(text, item)
        elif item[0] == "date":
            ok = tc.contains_date(text, str(item[1]), lang)
        elif item[0] == "amount":
            ok = tc.contains_amount(text, str(item[1]))
        else:
            phrases = (
                concept_phrases(item[1])
                if item[0] == "concept"
                else item[1]
                if item[0] == "any_of"
                else [item[1]]
            )
            ok = any(contains_phrase(text, p) for p in phrases)
        if not ok:
            return False
    return True


def _median(action, cases) -> float:
    times = []
    for case in cases:
        start = time.perf_counter()
        action(case)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_judge(count: int = 0) -> dict:
    """Median time to judge one text, ours versus the former phrase check."""
    cases = _cases()
    from corpus_support import judged

    warm, measured = cases[:40], cases[40:] if not count else cases[40 : 40 + count]
    for case in warm:
        judged(case)
        _former(case.text, case.check.get("requires", []), case.lang)
    ours = _median(judged, measured)
    base = _median(lambda c: _former(c.text, c.check.get("requires", []), c.lang), measured)
    return {
        "name": f"judge one typed text ({len(measured)} corpus texts, median) vs the former phrase check",
        "ours_s": ours,
        "baseline_s": base,
        "ratio": ours / base,
        "target": TARGET_RATIO,
        "notes": f"median {ours * 1000:.2f} ms per text (target 5 ms)",
    }
