"""Benchmark: checking scenario files versus merely parsing their YAML, in the same run."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

try:
    import yaml
except ImportError:  # without PyYAML only the ruamel.yaml baseline is measured
    yaml = None

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


def bench_check(count: int = 200, rounds: int = 2) -> list[dict]:
    """Time ``check_paths`` on ``count`` files against plain YAML parses of the same files.

    Each round checks its own copy of the corpus: the checker remembers the scenario files it has
    checked in this process (by path and content), so a second run on the same paths would time
    that memory, not the checking. The target is against ruamel.yaml's pure-Python parse (where it
    was set); the parse by libyaml, which now composes the files the checker reads, is reported.
    """
    parsers = {"a ruamel.yaml parse (pure Python)": YAML(typ="safe", pure=True).load}
    if yaml is not None and yaml.__with_libyaml__:
        parsers["a libyaml parse (CSafeLoader)"] = lambda raw: yaml.load(raw, yaml.CSafeLoader)
    ours: list[float] = []
    baselines: dict[str, list[float]] = {name: [] for name in parsers}
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            files = _corpus(Path(tmp), count)
            for name, load in parsers.items():
                start = time.perf_counter()
                for path in files:
                    load(path.read_bytes())
                baselines[name].append(time.perf_counter() - start)
            start = time.perf_counter()
            report = check_paths([tmp])
            ours.append(time.perf_counter() - start)
            assert not report.failed(), "the benchmark corpus must check clean"
    best_ours = min(ours)
    return [
        {
            "name": f"check {count} scenario files vs {name}",
            "ours_s": best_ours,
            "baseline_s": min(times),
            "ratio": best_ours / min(times),
            "target": 2.0 if index == 0 else None,
        }
        for index, (name, times) in enumerate(baselines.items())
    ]
