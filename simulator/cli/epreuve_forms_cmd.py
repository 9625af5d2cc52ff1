"""``callsim epreuve forms NAME --seeds 1-100``: how different the parallel forms drawn for candidates are.

For each pair of seeds, the share of choice points and checks whose right answer differs; each
form's coverage (every competency its minimum chances); the spread of durations between forms.
Exit 1 when a form falls short or the median pairwise difference is below 50 %, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from simulator.i18n import N_


def register(commands: Any) -> None:
    """Add ``epreuve forms`` to the épreuve sub-commands."""
    forms = commands.add_parser(
        "forms", help=N_("compare the parallel forms (variants) drawn for seeds"),
        description="Pour chaque paire de graines, la part des points de choix et des contrôles dont la bonne "
                    "réponse diffère ; la couverture de chaque forme ; l'écart des durées. Code de sortie 1 si une "
                    "forme ne couvre pas toutes les compétences ou si la différence médiane est sous 50 %.")
    forms.add_argument("epreuve", metavar="ÉPREUVE", help=N_("épreuve file, or its name (e.g. standard)"))
    forms.add_argument("--seeds", default="1-100", help=N_("seeds to compare, e.g. 1-100 or 3,7,10-12 (default: 1-100)"))
    forms.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    forms.set_defaults(handler=run_forms)


def run_forms(args: argparse.Namespace) -> int:
    from simulator.engine.bundle import BundleError, UnknownEpreuve, epreuve_path, load_bundle
    from simulator.scenario.variants.compare import compare_forms, parse_seeds

    try:
        seeds = parse_seeds(args.seeds)
    except ValueError:
        print(f"callsim epreuve forms: --seeds « {args.seeds} » illisible : écrivez par exemple 1-100 ou 3,7,10-12\n"
              f"  (unreadable --seeds: write e.g. 1-100 or 3,7,10-12)", file=sys.stderr)
        return 2
    try:
        bundle = load_bundle(epreuve_path(args.epreuve))
    except UnknownEpreuve as exc:
        print(f"callsim epreuve forms: {exc.message_fr}", file=sys.stderr)
        return 2
    except BundleError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format("fr"), file=sys.stderr)
        return 2
    report = compare_forms(bundle, seeds)
    if args.output == "json":
        print(json.dumps(_as_json(report), ensure_ascii=False, indent=2))
    else:
        _print(bundle, report)
    return 1 if report.failed else 0


def _as_json(report: Any) -> dict[str, Any]:
    durations = list(report.durations.values())
    return {
        "seeds": report.seeds, "pairs": len(report.differences),
        "median_difference": round(report.median, 4), "minimum_difference": round(report.minimum, 4),
        "forms": {str(seed): drawn for seed, drawn in report.drawn.items()},
        "short": {str(seed): codes for seed, codes in report.short.items()},
        "short_as_written": report.short_as_written,
        "durations": {"minimum": min(durations, default=0), "maximum": max(durations, default=0)},
        "ok": not report.failed,
    }


def _print(bundle: Any, report: Any) -> None:
    from simulator.scenario.variants.draw import label

    varied = [c.scenario.id for c in bundle.contacts if c.layer is not None]
    print(f"Épreuve {bundle.epreuve.id} : {len(report.seeds)} graine(s), {len(varied)}/{len(bundle.contacts)} "
          f"scénario(s) avec variantes")
    distinct = {json.dumps(d, sort_keys=True) for d in report.drawn.values()}
    print(f"  formes distinctes : {len(distinct)}")
    print(f"  différence des bonnes réponses entre deux graines : médiane {report.median:.0%}, "
          f"minimum {report.minimum:.0%} ({len(report.differences)} paires)")
    durations = list(report.durations.values())
    if durations:
        print(f"  durée prévue des contacts par forme : de {min(durations)} à {max(durations)} minutes "
              f"(écart {max(durations) - min(durations)})")
    if report.short_as_written:
        print(f"  (l'épreuve telle qu'écrite n'a déjà pas assez d'occasions pour {', '.join(report.short_as_written)} : "
              f"voir callsim epreuve coverage)")
    for seed, codes in report.short.items():
        forms = "; ".join(f"{sid}: {label(combo)}" for sid, combo in report.drawn[seed].items())
        print(f"  graine {seed} : couverture insuffisante pour {', '.join(codes)} ({forms})")
    if report.median < 0.5:
        print("  ÉCHEC : deux candidats ont en médiane moins de 50 % de bonnes réponses différentes ; "
              "ajoutez des variantes (voir « Variantes » dans le guide du formateur).")
    print("OK" if not report.failed else "ÉCHEC")
