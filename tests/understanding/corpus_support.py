"""Read the labelled corpus and measure the understanding module on it (precision, recall, unsure rate)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from simulator.engine.textcheck import check_text

CORPUS = Path(__file__).resolve().parent / "corpus"
MINIMUM_PRECISION, MINIMUM_RECALL, MAXIMUM_UNSURE = 0.95, 0.95, 0.10


@dataclass(frozen=True)
class Case:
    """One candidate text, the check it is judged against and the outcome a trainer expects."""

    file: str
    lang: str
    today: date
    check: dict[str, Any]
    text: str
    expect: str
    split: str


def cases() -> list[Case]:
    found = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        today = (
            data["today"]
            if isinstance(data["today"], date)
            else date.fromisoformat(str(data["today"]))
        )
        for item in data["texts"]:
            found.append(
                Case(
                    path.name,
                    data["lang"],
                    today,
                    data["check"],
                    item["text"],
                    item["expect"],
                    item["split"],
                )
            )
    return found


def judged(case: Case) -> str:
    """met, not_met or unsure."""
    check = case.check
    result = check_text(
        case.text,
        check.get("requires", []),
        check.get("must_not_say", []),
        case.lang,
        today=case.today,
        sentence=bool(check.get("sentence", False)),
    )
    return result.outcome


@dataclass(frozen=True)
class Scores:
    """Precision and recall of each decided outcome, and the share left unsure."""

    total: int
    unsure: float
    precision: dict[str, float]
    recall: dict[str, float]

    def failures(self) -> list[str]:
        bad = [f"precision {k} {v:.3f}" for k, v in self.precision.items() if v < MINIMUM_PRECISION]
        bad += [f"recall {k} {v:.3f}" for k, v in self.recall.items() if v < MINIMUM_RECALL]
        if self.unsure > MAXIMUM_UNSURE:
            bad.append(f"unsure {self.unsure:.3f}")
        return bad

    def line(self) -> str:
        parts = [f"{self.total} texts", f"unsure {self.unsure:.1%}"]
        parts += [
            f"{k}: precision {self.precision[k]:.3f} recall {self.recall[k]:.3f}"
            for k in ("met", "not_met")
        ]
        return ", ".join(parts)


def scores(pairs: list[tuple[str, str]]) -> Scores:
    """From (expected, judged) pairs."""
    counts = Counter(pairs)
    precision, recall = {}, {}
    for outcome in ("met", "not_met"):
        said = sum(n for (_e, j), n in counts.items() if j == outcome)
        actual = sum(n for (e, _j), n in counts.items() if e == outcome)
        right = counts[(outcome, outcome)]
        precision[outcome] = right / said if said else 1.0
        recall[outcome] = right / actual if actual else 1.0
    unsure = sum(n for (_e, j), n in counts.items() if j == "unsure")
    return Scores(len(pairs), unsure / len(pairs) if pairs else 0.0, precision, recall)


if __name__ == "__main__":  # the tuning part only: what to look at when improving the module
    for case in cases():
        if case.split == "tuning":
            got = judged(case)
            if got != case.expect:
                print(f"{case.file}: expected {case.expect}, got {got}: {case.text}")
