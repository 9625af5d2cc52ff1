"""``callsim epreuve analyse NAME``: can the épreuve be passed by cues (the longest, the most polite, the
prompt-echoing reply) or by words without tool work? Exit 1 when it can, 2 when it cannot be read."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from simulator.i18n import N_, translated, translator

#: The words of the table, translated where it is drawn (``cli``).
_WORDS = {
    "title": N_("Cue analysis — épreuve '{title}'"),
    "scenario": N_("Scenario"),
    "points": N_("Points"),
    "longest": N_("longest"),
    "polite": N_("most polite"),
    "echo": N_("echo"),
    "total": N_("Épreuve"),
    "policy": N_("Simulated candidate"),
    "mean": N_("mean OK"),
    "range": N_("min–max"),
    "seeds": N_("seeds"),
    "ok": N_("No cue helps: the épreuve passes the analysis."),
    "fail": N_("The épreuve fails the analysis:"),
}


def register(commands: Any) -> None:
    """Add ``analyse`` under ``callsim epreuve``."""
    parser = commands.add_parser(
        "analyse",
        help=N_("can an épreuve be passed by cues? (shares of replies, simulated candidates)"),
        description=N_(
            "For each scenario and for the épreuve: the share of choice points where the longest, the "
            "most polite or the reply that echoes the question is the right one; then the grilles of "
            "the simulated candidates random, longest-reply, no-tools, random+tools, "
            "longest-reply+tools (and ideal on seeds 1–5). Exit code 1 if a cue helps, 2 if the "
            "épreuve cannot be read."
        ),
    )
    parser.add_argument(
        "epreuve", metavar=N_("ÉPREUVE"), help=N_("épreuve name (e.g. standard) or épreuve file")
    )
    parser.add_argument(
        "--seeds", type=int, default=10, metavar="N", help=N_("seeds 1 to N (default: 10)")
    )
    parser.add_argument("--format", choices=("table", "json"), default="table", dest="output")
    parser.set_defaults(handler=run_analyse)


def run_analyse(args: argparse.Namespace) -> int:
    from scoring.bundles import epreuve_file, load_epreuve
    from scoring.score import ScoringError
    from simulator.scenario.models.common import text_in
    from simulator.trainer.cue_analysis import analyse

    t = translator("cli", args.lang)
    if args.seeds < 1:
        print(f"callsim epreuve analyse: {t('--seeds must be at least 1')}", file=sys.stderr)
        return 2
    try:
        bundle = load_epreuve(epreuve_file(args.epreuve))
    except ScoringError as exc:
        print(f"callsim epreuve analyse: {exc.message(args.lang)}", file=sys.stderr)
        return 2
    result = analyse(bundle, args.seeds)
    title = text_in(bundle.epreuve.title, args.lang)
    if args.output == "json":
        print(
            json.dumps(_as_json(bundle.epreuve.id, result, args.lang), ensure_ascii=False, indent=2)
        )
    else:
        _print_table(title, result, args.lang)
    return 1 if result.failures else 0


def _as_json(epreuve_id: str, result: Any, lang: str) -> dict[str, Any]:
    return {
        "epreuve": epreuve_id,
        "scenarios": {name: shares.as_json() for name, shares in result.scenarios.items()},
        "total": result.total.as_json(),
        "policies": {
            policy: {
                "ok_counts": counts,
                "mean_ok": round(result.mean(policy), 2),
                "ok_competencies": dict(sorted(result.ok_competencies.get(policy, {}).items())),
            }
            for policy, counts in result.ok_counts.items()
        },
        "failures": [failure.to(translator("checker", lang)) for failure in result.failures],
        "passed": not result.failures,
    }


def _print_table(title: str, result: Any, lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    words = translated(_WORDS, "cli", lang)
    console = Console(highlight=False)
    cues = Table(title=words["title"].format(title=title))
    for column in ("scenario", "points", "longest", "polite", "echo"):
        cues.add_column(words[column], justify="left" if column == "scenario" else "right")
    rows = [*result.scenarios.items(), (words["total"], result.total)]
    for name, shares in rows:
        cues.add_row(
            name,
            str(shares.points),
            *(f"{shares.share(cue):.0%}" for cue in ("longest", "polite", "echo")),
        )
    console.print(cues)
    grilles = Table()
    for column in ("policy", "mean", "range", "seeds"):
        grilles.add_column(words[column], justify="left" if column == "policy" else "right")
    for policy, counts in result.ok_counts.items():
        grilles.add_row(
            policy, f"{result.mean(policy):.1f}", f"{min(counts)}–{max(counts)}", str(len(counts))
        )
    console.print(grilles)
    if result.failures:
        console.print(words["fail"])
        said = translator("checker", lang)
        for failure in result.failures:
            console.print(f"  - {failure.to(said)}")
    else:
        console.print(words["ok"])
