"""``callsim epreuve analyse NAME``: can the épreuve be passed by cues (the longest, the most polite, the
prompt-echoing reply) or by words without tool work? Exit 1 when it can, 2 when it cannot be read."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from simulator.cli.language import FR_EN
from simulator.i18n import N_

_WORDS = {
    "fr": {"title": "Analyse des indices — épreuve « {title} »", "scenario": "Scénario", "points": "Points",
           "longest": "plus longue", "polite": "plus polie", "echo": "écho", "total": "Épreuve",
           "policy": "Candidat simulé", "mean": "OK moyen", "range": "min–max", "seeds": "graines",
           "ok": "Aucun indice n'aide : l'épreuve passe l'analyse.", "fail": "L'épreuve échoue à l'analyse :"},
    "en": {"title": "Cue analysis — épreuve '{title}'", "scenario": "Scenario", "points": "Points",
           "longest": "longest", "polite": "most polite", "echo": "echo", "total": "Épreuve",
           "policy": "Simulated candidate", "mean": "mean OK", "range": "min–max", "seeds": "seeds",
           "ok": "No cue helps: the épreuve passes the analysis.", "fail": "The épreuve fails the analysis:"},
}


def register(commands: Any) -> None:
    """Add ``analyse`` under ``callsim epreuve``."""
    parser = commands.add_parser(
        "analyse", help=N_("can an épreuve be passed on cues? (shares of answers, simulated candidates)"),
        description="Pour chaque scénario et pour l'épreuve : part des points de choix où la réplique la plus "
                    "longue, la plus polie ou celle qui reprend la question est la bonne ; puis les grilles des "
                    "candidats simulés random, longest-reply, no-tools, random+tools, longest-reply+tools "
                    "(et ideal sur les graines 1–5). Code de sortie 1 si un indice aide, 2 si l'épreuve est illisible.")
    parser.add_argument("epreuve", metavar="ÉPREUVE", help=N_("épreuve name (e.g. standard) or épreuve file"))
    parser.add_argument("--seeds", type=int, default=10, metavar="N", help=N_("seeds 1 to N (default: 10)"))
    parser.set_defaults(speaks=FR_EN)  # Dutch: French until these texts are in the cli catalog
    parser.add_argument("--format", choices=("table", "json"), default="table", dest="output")
    parser.set_defaults(handler=run_analyse)


def run_analyse(args: argparse.Namespace) -> int:
    from scoring.bundles import epreuve_file, load_epreuve
    from scoring.score import ScoringError
    from simulator.trainer.cue_analysis import analyse

    if args.seeds < 1:
        print("callsim epreuve analyse: --seeds doit valoir au moins 1 / must be at least 1", file=sys.stderr)
        return 2
    try:
        bundle = load_epreuve(epreuve_file(args.epreuve))
    except ScoringError as exc:
        print(f"callsim epreuve analyse: {exc.message_en if args.lang == 'en' else exc.message_fr}", file=sys.stderr)
        return 2
    result = analyse(bundle, args.seeds)
    title = bundle.epreuve.title if isinstance(bundle.epreuve.title, str) else bundle.epreuve.title.fr
    if args.output == "json":
        print(json.dumps(_as_json(bundle.epreuve.id, result, args.lang), ensure_ascii=False, indent=2))
    else:
        _print_table(title, result, args.lang)
    return 1 if result.failures else 0


def _as_json(epreuve_id: str, result: Any, lang: str) -> dict[str, Any]:
    return {
        "epreuve": epreuve_id,
        "scenarios": {name: shares.as_json() for name, shares in result.scenarios.items()},
        "total": result.total.as_json(),
        "policies": {policy: {"ok_counts": counts, "mean_ok": round(result.mean(policy), 2),
                              "ok_competencies": dict(sorted(result.ok_competencies.get(policy, {}).items()))}
                     for policy, counts in result.ok_counts.items()},
        "failures": [failure[lang] for failure in result.failures],
        "passed": not result.failures,
    }


def _print_table(title: str, result: Any, lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    words = _WORDS[lang]
    console = Console(highlight=False)
    cues = Table(title=words["title"].format(title=title))
    for column in ("scenario", "points", "longest", "polite", "echo"):
        cues.add_column(words[column], justify="left" if column == "scenario" else "right")
    rows = [*result.scenarios.items(), (words["total"], result.total)]
    for name, shares in rows:
        cues.add_row(name, str(shares.points), *(f"{shares.share(cue):.0%}" for cue in ("longest", "polite", "echo")))
    console.print(cues)
    grilles = Table()
    for column in ("policy", "mean", "range", "seeds"):
        grilles.add_column(words[column], justify="left" if column == "policy" else "right")
    for policy, counts in result.ok_counts.items():
        grilles.add_row(policy, f"{result.mean(policy):.1f}", f"{min(counts)}–{max(counts)}", str(len(counts)))
    console.print(grilles)
    if result.failures:
        console.print(words["fail"])
        for failure in result.failures:
            console.print(f"  - {failure[lang]}")
    else:
        console.print(words["ok"])
