#!/usr/bin/env python3
"""callsim's performance targets, each reported as a ratio against a baseline measured in the same run.

Usage: python scripts/bench.py [--quick] [--json] [--only NAME…]

The machines are shared and noisy, so nothing here is asserted in the test suite: this script
prints each measure, its baseline, the ratio and the target, and exits 0 whatever the numbers.
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
    # CALLSIM_BENCH_SCORING_N for fewer
    "score": lambda quick: scoring.bench_score(scoring.default_n(quick)),
    # from outside, on a pseudo-terminal: `callsim practice` to its first frame and to the épreuve ready
    # (vs a bare Textual app's first frame), `--version`/`--help` (vs `python -c pass`); paired runs
    "app-start": lambda quick: startup.bench_startup(5 if quick else 9),
    # key press to painted frame late vs early in one long session; RSS over a 5-hour épreuve
    "app-session": lambda quick: app.bench_long_session(500, 2) if quick else app.bench_long_session(5000, 5),
    # the review desk re-verifies the audit log (chain and signatures) before reading it
    "audit": lambda quick: audit.bench_audit_verify(500 if quick else 5000),
    # a typed text judged by the understanding module: ≤ 5 ms median after start-up
    "judge-text": lambda quick: understanding.bench_judge(150 if quick else 0),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHES), help="run only these benchmarks")
    args = parser.parse_args(argv)
    results = []
    for name in args.only or BENCHES:
        measured = BENCHES[name](args.quick)
        results.extend(measured if isinstance(measured, list) else [measured])
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title="callsim benchmarks (ratio = ours / baseline, same run)")
    for column in ("measure", "ours (s)", "baseline (s)", "ratio", "min ratio", "target", ""):
        table.add_column(column)
    for r in results:
        met = "✔" if r["ratio"] <= r["target"] else "✘"
        least = f"{r['ratio_min']:.2f}×" if "ratio_min" in r else "—"
        table.add_row(r["name"], f"{r['ours_s']:.4f}", f"{r['baseline_s']:.4f}", f"{r['ratio']:.2f}×", least,
                      f"≤ {r['target']}×", met)
    Console().print(table)
    for r in results:
        if r.get("notes"):
            print(f"{r['name']}: {r['notes']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
