"""``callsim epreuve forms NAME --seeds 1-100``: how different the parallel forms drawn for candidates are.

For each pair of seeds, the share of choice points and checks whose right answer differs; each
form's coverage (every competency its minimum chances); the spread of durations between forms.
Exit 1 when a form falls short or two seeds differ on less than half of their right answers, 2 on bad\ninput.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from simulator.cli.epreuve_forms_text import percent
from simulator.i18n import N_, Translator, translator


def register(commands: Any) -> None:
    """Add ``epreuve forms`` to the épreuve sub-commands."""
    forms = commands.add_parser(
        "forms",
        help=N_("compare the parallel forms (variants) drawn for seeds"),
        description=N_(
            "For each pair of seeds, the share of choice points and checks whose right answer differs; "
            "each form's coverage; the spread of durations. Exit code 1 if a form does not cover every "
            "competency or if two seeds differ on less than 50 % of their right answers."
        ),
    )
    forms.add_argument(
        "epreuve", metavar=N_("ÉPREUVE"), help=N_("épreuve file, or its name (e.g. standard)")
    )
    forms.add_argument(
        "--seeds",
        default="1-100",
        help=N_("seeds to compare, e.g. 1-100 or 3,7,10-12 (default: 1-100)"),
    )
    forms.add_argument(
        "--play",
        action="store_true",
        help=N_(
            "also play the model candidate and two flawed ones on every form: "
            "the model one must pass everything, the flawed ones fail the same competencies"
        ),
    )
    forms.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    forms.set_defaults(handler=run_forms)


def checked_epreuve(command: str, name: str, lang: str) -> Any | None:
    """The épreuve ``name`` loaded and checked; None, with why on stderr, when it cannot be."""
    from scoring.bundles import epreuve_file
    from scoring.score import ScoringError
    from simulator.engine.bundle import BundleError, load_bundle

    try:
        return load_bundle(epreuve_file(name))
    except ScoringError as exc:
        print(f"callsim epreuve {command}: {exc.message(lang)}", file=sys.stderr)
    except BundleError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(lang), file=sys.stderr)
    return None


def run_forms(args: argparse.Namespace) -> int:
    from simulator.scenario.variants.compare import compare_forms, parse_seeds

    t = translator("cli", args.lang)
    try:
        seeds = parse_seeds(args.seeds)
    except ValueError:
        print(
            "callsim epreuve forms: "
            + t("unreadable --seeds '{seeds}': write e.g. 1-100 or 3,7,10-12", seeds=args.seeds),
            file=sys.stderr,
        )
        return 2
    bundle = checked_epreuve("forms", args.epreuve, args.lang)
    if bundle is None:
        return 2
    report = compare_forms(bundle, seeds)
    fairness = None
    if args.play:
        from simulator.trainer.form_fairness import play_forms

        fairness = play_forms(bundle, seeds)
    failed = report.failed or (fairness is not None and fairness.failed)
    if args.output == "json":
        print(json.dumps(_as_json(report, fairness, failed), ensure_ascii=False, indent=2))
    else:
        from simulator.cli.epreuve_forms_text import fairness_lines, scenario_lines

        for line in (*_summary(bundle, report, t), *scenario_lines(report, t)):
            print(line)
        for line in (*_problems(report, t), *fairness_lines(fairness, t)):
            print(line)
        print(t("OK") if not failed else t("FAILED"))
    return 1 if failed else 0


def _as_json(report: Any, fairness: Any, failed: bool) -> dict[str, Any]:
    durations = list(report.durations.values())
    found: dict[str, Any] = {
        "seeds": report.seeds,
        "pairs": len(report.differences),
        "median_difference": round(report.median, 4),
        "minimum_difference": round(report.minimum, 4),
        "closest_seeds": list(report.closest) if report.closest else None,
        "assembled": report.assembled,
        "scenarios": [
            {
                "scenario": spread.scenario_id,
                "right_answers": spread.answers,
                "varying": spread.varying,
                "mean_difference": round(spread.mean, 4),
            }
            for spread in report.scenarios
        ],
        "forms": {str(seed): drawn for seed, drawn in report.drawn.items()},
        "short": {str(seed): codes for seed, codes in report.short.items()},
        "short_as_written": report.short_as_written,
        "durations": {"minimum": min(durations, default=0), "maximum": max(durations, default=0)},
        "ok": not failed,
    }
    if fairness is not None:
        found["model_work_seconds"] = {
            "epreuve": list(fairness.total_work),
            "contacts": {sid: list(span) for sid, span in fairness.work.items()},
        }
        found["play"] = {
            o.policy: {
                "fails_as_written": list(o.as_written),
                "deviations": {str(seed): list(codes) for seed, codes in o.deviations.items()},
            }
            for o in fairness.outcomes
        }
    return found


def _summary(bundle: Any, report: Any, t: Translator) -> list[str]:
    """The épreuve, its seeds and forms, how much they differ and how long they last."""
    varied = sum(1 for c in bundle.contacts if c.layer is not None)
    seeds = t.n("{n} seed", "{n} seeds", len(report.seeds))
    with_variants = t.n(
        "{varied}/{n} scenario with variants",
        "{varied}/{n} scenarios with variants",
        len(bundle.contacts),
        varied=varied,
    )
    distinct = {json.dumps(d, sort_keys=True) for d in report.drawn.values()}
    median, minimum = (percent(share, t.lang) for share in (report.median, report.minimum))
    lines = [
        t(
            "Épreuve {id}: {seeds}, {scenarios}",
            id=bundle.epreuve.id,
            seeds=seeds,
            scenarios=with_variants,
        ),
        "  " + t("distinct forms: {n}", n=len(distinct)),
        "  " + _source(bundle, t),
        "  "
        + t.n(
            "difference of the right answers between two seeds: median {median}, minimum {minimum} ({n} pair)",
            "difference of the right answers between two seeds: median {median}, minimum {minimum} ({n} pairs)",
            len(report.differences),
            median=median,
            minimum=minimum,
        ),
    ]
    if durations := list(report.durations.values()):
        low, high = min(durations), max(durations)
        planned = N_(
            "planned contact time per form: from {low} to {high} minutes (spread {spread})"
        )
        lines.append("  " + t(planned, low=low, high=high, spread=high - low))
    return lines


def _source(bundle: Any, t: Translator) -> str:
    """Where the forms come from: the assembled table, or the spreading code (and why)."""
    from simulator.scenario.variants.form_table import table_path

    path = table_path(bundle.path)
    table = bundle.form_table()
    if table is not None:
        return t("forms: the assembled table {path} ({rows} rows)", path=path.name, rows=table.rows)
    if path.exists():  # there is a table, but damaged or for other forms
        return t(
            "forms: drawn by the spreading code: {path} is out of date "
            "(run callsim epreuve assemble)",
            path=path.name,
        )
    return t("forms: drawn by the spreading code (no assembled table: callsim epreuve assemble)")


def _problems(report: Any, t: Translator) -> list[str]:
    """What falls short: competencies missing as written or in a form, a median difference below half."""
    from simulator.scenario.variants.draw import label

    lines = []
    if report.short_as_written:
        lacking = N_(
            "(the épreuve as written already lacks chances for {codes}: see callsim epreuve coverage)"
        )
        lines.append("  " + t(lacking, codes=", ".join(report.short_as_written)))
    for seed, codes in report.short.items():
        forms = "; ".join(f"{sid}: {label(combo)}" for sid, combo in report.drawn[seed].items())
        short = N_("seed {seed}: not enough coverage for {codes} ({forms})")
        lines.append("  " + t(short, seed=seed, codes=", ".join(codes), forms=forms))
    if report.failed and report.closest and report.minimum < 0.5:
        first, second = report.closest
        closest = N_(
            "FAILED: seeds {first} and {second} differ on only {share} of their right answers "
            "(50 % at least between any two seeds); add variants where the table above shows "
            "right answers that never change (see 'Variantes' in the trainer's guide)."
        )
        share = percent(report.minimum, t.lang)
        lines.append("  " + t(closest, first=first, second=second, share=share))
    return lines
