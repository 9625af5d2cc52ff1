"""Benchmark: checking scenario files versus merely parsing their YAML, in the same run."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

import simulator.engine  # noqa: F401 — registers the engine's rules, which the checker asks
from simulator.scenario.checker import check_paths

ROOT = Path(__file__).resolve().parents[2]


def _corpus(folder: Path, count: int) -> list[Path]:
    """``count`` scenario files: the shipped scenarios copied under distinct ids."""
    sources = sorted(
        p
        for p in (ROOT / "scenarios").rglob("*.yaml")
        if not p.name.endswith(".plans.yaml") and "epreuves" not in p.parts
    )
    files = []
    for index in range(count):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        first_id = next(line for line in text.splitlines() if line.startswith("id: "))
        target = folder / f"s{index:03d}-{source.name}"
        target.write_text(text.replace(first_id, f"{first_id}-{index:03d}", 1), encoding="utf-8")
        files.append(target)
    return files


def bench_check(count: int = 200, rounds: int = 2) -> dict:
    """Time ``check_paths`` on ``count`` files against a plain YAML parse of the same files."""
    with tempfile.TemporaryDirectory() as tmp:
        files = _corpus(Path(tmp), count)
        parser = YAML(typ="safe", pure=True)
        ours, baseline = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            for path in files:
                parser.load(path.read_bytes())
            baseline.append(time.perf_counter() - start)
            start = time.perf_counter()
            report = check_paths([tmp])
            ours.append(time.perf_counter() - start)
            assert not report.failed(), "the benchmark corpus must check clean"
    best_ours, best_base = min(ours), min(baseline)
    return {
        "name": f"check {count} scenario files vs only parsing their YAML",
        "ours_s": best_ours,
        "baseline_s": best_base,
        "ratio": best_ours / best_base,
        "target": 2.0,
    }
