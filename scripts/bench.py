#!/usr/bin/env python3
"""callsim's performance targets, each reported as a ratio against a baseline measured in the same run.

Usage: python scripts/bench.py [--quick] [--json] [NAME…] [--only NAME…]

The machines are shared and noisy, so nothing here is asserted in the test suite: this script
prints each measure, its baseline, the ratio (the median of paired runs, and the least of them) and
the target, met or not; it exits 1 when a target is missed (2 when a benchmark could not run).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.benchmarks import (
    app,
    audit,
    checker,
    journal,
    scoring,
    session,
    startup,
    understanding,
)

BENCHES: dict[str, Callable[[bool], dict | list[dict]]] = {
    "check": lambda quick: checker.bench_check(40 if quick else 200),
    "append": lambda quick: journal.bench_append(200 if quick else 2000),
    "resume": lambda quick: session.bench_resume(500 if quick else 5000),
    # 10,000 standard transcripts (the target's size: a 3.5 GB scratch journal, several minutes);
    # CALLSIM_BENCH_SCORING_N for fewer. The three share one scratch journal per run.
    "score": lambda quick: scoring.bench_score(scoring.default_n(quick)),
    # rescoring that journal (the journal's evidence stands), then CALLSIM_BENCH_RESCORING_N of its
    # sessions replayed by the engine (reported, no target)
    "rescore": lambda quick: scoring.bench_rescore(
        scoring.default_n(quick), 10 if quick else scoring.RESCORE_N
    ),
    # `callsim score --all` through the console script's code path, on a pseudo-terminal, grilles stored
    "batch": lambda quick: scoring.bench_batch(scoring.default_n(quick)),
    # from outside, on a pseudo-terminal: `callsim practice` to its first frame and to the épreuve ready
    # (vs a bare Textual app's first frame), `--version`/`--help` (vs `python -c pass`); paired runs
    "app-start": lambda quick: startup.bench_startup(5 if quick else 9),
    # key press to painted frame late vs early in one long session; RSS over a 5-hour épreuve
    "app-session": lambda quick: (
        app.bench_long_session(500, 2) if quick else app.bench_long_session(5000, 5)
    ),
    # the review desk re-verifies the audit log (chain and signatures) before reading it
    "audit": lambda quick: audit.bench_audit_verify(500 if quick else 5000),
    # a typed text judged by the understanding module: ≤ 5 ms median after start-up
    "judge-text": lambda quick: understanding.bench_judge(150 if quick else 0),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--only", nargs="*", choices=sorted(BENCHES), help="run only these benchmarks"
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run, as --only ({', '.join(BENCHES)})",
    )
    args = parser.parse_args(argv)
    if unknown := [name for name in args.names if name not in BENCHES]:
        parser.error(
            f"unknown benchmark(s): {', '.join(unknown)} (choose from {', '.join(BENCHES)})"
        )
    results, failed = [], []
    for name in [*(args.only or []), *args.names] or BENCHES:
        try:
            measured = BENCHES[name](args.quick)
        except Exception as exc:  # noqa: BLE001 — one benchmark that cannot run does not hide the others' figures
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        results.extend(measured if isinstance(measured, list) else [measured])
    missed = [
        r["name"] for r in results if r["target"] is not None and not r["ratio"] <= r["target"]
    ]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        _print(results)
    for line in failed:
        print(f"could not run: {line}", file=sys.stderr)
    if missed:
        print(f"{len(missed)} target(s) of {len(results)} not met", file=sys.stderr)
    return 2 if failed else 1 if missed else 0


def _print(results: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title="callsim benchmarks (ratio = ours / baseline, same run; median and least of the pairs)"
    )
    for column in (
        "measure",
        "ours (s)",
        "baseline (s)",
        "ratio",
        "min ratio",
        "pairs",
        "target",
        "",
    ):
        table.add_column(column)
    for r in results:
        met = (
            "reported" if r["target"] is None else "met" if r["ratio"] <= r["target"] else "NOT MET"
        )
        least = f"{r['ratio_min']:.2f}×" if "ratio_min" in r else "—"
        table.add_row(
            r["name"],
            f"{r['ours_s']:.4f}",
            f"{r['baseline_s']:.4f}",
            f"{r['ratio']:.2f}×",
            least,
            str(r.get("pairs", "—")),
            "—" if r["target"] is None else f"≤ {r['target']}×",
            met,
        )
    Console(width=160).print(table)
    for r in results:
        if r.get("notes"):
            print(f"{r['name']}: {r['notes']}")


if __name__ == "__main__":
    raise SystemExit(main())
