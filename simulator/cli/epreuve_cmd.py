"""``callsim epreuve coverage``: the competency × scenario matrix of an épreuve (``list`` is in
``epreuve_list_cmd``).

A trainer assembling an épreuve needs to see, for each of the 23 competencies, which contacts
give it a chance to be observed, and whether the épreuve reaches the required number of
independent chances (2 by default, ``min_chances`` in the épreuve file). The command prints the
matrix and exits 1 when a competency falls short, 2 when the épreuve itself cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text
from simulator.i18n import N_, Translator
from simulator.referentiel import get_referentiel


def register(subparsers: Any) -> None:
    """Add ``epreuve`` and its sub-commands to ``subparsers``."""
    parser = subparsers.add_parser("epreuve", help=command_help("epreuve"))
    commands = parser.add_subparsers(dest="epreuve_command", metavar=N_("COMMAND"))
    parser.set_defaults(handler=lambda args: (parser.print_help(sys.stderr), 2)[1])

    cover = commands.add_parser(
        "coverage",
        help=N_("competencies × scenarios matrix of an épreuve"),
        description=N_(
            "Shows, for each competency, the contacts in which it can be observed; exit code 1 if a competency has fewer chances than required."
        ),
    )
    cover.add_argument(
        "epreuve",
        metavar=N_("ÉPREUVE"),
        help=N_("épreuve file, or its name (e.g. standard; see callsim epreuve list)"),
    )
    cover.add_argument("--format", choices=("table", "json", "csv"), default="table", dest="output")
    cover.add_argument(
        "--min",
        type=int,
        default=None,
        metavar="N",
        help=N_("chances required per competency (default: the épreuve's min_chances)"),
    )
    cover.set_defaults(handler=run_coverage)

    from simulator.cli import (
        epreuve_analyse_cmd,
        epreuve_assemble_cmd,
        epreuve_forms_cmd,
        epreuve_list_cmd,
    )

    epreuve_list_cmd.register(commands)
    epreuve_analyse_cmd.register(commands)
    epreuve_forms_cmd.register(commands)
    epreuve_assemble_cmd.register(commands)


def run_coverage(args: argparse.Namespace) -> int:
    from simulator.engine.bundle import UnknownEpreuve, epreuve_path
    from simulator.scenario.checker import FileCache
    from simulator.scenario.checker.coverage import coverage, load_epreuve_scenarios
    from simulator.scenario.models import text_in

    try:
        path = epreuve_path(args.epreuve)
    except UnknownEpreuve as exc:
        print(f"callsim epreuve coverage: {layer_text(exc, args.lang)}", file=sys.stderr)
        return 2
    cache = FileCache()
    loaded = cache.load(path, str(path))
    if loaded.kind != "epreuve" or loaded.model is None:
        for diagnostic in loaded.diagnostics:
            print(diagnostic.format(args.lang), file=sys.stderr)
        if loaded.kind not in (None, "epreuve"):
            t = translator(args.lang)
            print(t("{path}: this file is not an épreuve", path=path), file=sys.stderr)
        return 2
    epreuve = loaded.model
    scenarios = load_epreuve_scenarios(loaded, cache)
    matrix = coverage(scenarios, args.min if args.min is not None else epreuve.min_chances)
    title = text_in(epreuve.title, args.lang)
    if args.output == "json":
        sys.stdout.write(
            json.dumps(_as_json(path, title, matrix), ensure_ascii=False, indent=2) + "\n"
        )
    elif args.output == "csv":
        _write_csv(matrix)
    else:
        _print_table(title, matrix, translator(args.lang))
    return 1 if matrix.short() else 0


def _as_json(path: Path, title: str, matrix: Any) -> dict[str, Any]:
    referentiel = get_referentiel()
    return {
        "epreuve": str(path),
        "title": title,
        "required": matrix.required,
        "scenarios": list(matrix.scenario_ids),
        "competencies": [
            {
                "code": code,
                "label": referentiel.competency(code).label("fr"),
                "chances": matrix.count(code),
                "scenarios": list(matrix.chances[code]),
                "short": matrix.count(code) < matrix.required,
            }
            for code in referentiel.codes
        ],
        "short": matrix.short(),
    }


def _write_csv(matrix: Any) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["code", *matrix.scenario_ids, "chances"])
    for code in get_referentiel().codes:
        present = set(matrix.chances[code])
        writer.writerow(
            [code, *("1" if s in present else "" for s in matrix.scenario_ids), matrix.count(code)]
        )


def _print_table(title: str, matrix: Any, t: Translator) -> None:
    from rich.console import Console
    from rich.table import Table

    referentiel = get_referentiel()
    console = Console()
    # Labels only when they fit beside the contact columns; codes alone are enough otherwise.
    with_labels = console.width >= 44 + 4 * len(matrix.scenario_ids)
    table = Table(title=t("Coverage of the épreuve « {title} »", title=title), highlight=False)
    table.add_column(t("Code"), no_wrap=True)
    if with_labels:
        table.add_column(t("Competency"), overflow="fold", max_width=44)
    for number, _scenario in enumerate(matrix.scenario_ids, start=1):
        table.add_column(str(number), justify="center", no_wrap=True)
    table.add_column(t("Chances"), justify="right", no_wrap=True)
    for index, activity in enumerate(referentiel.activities):
        if index:
            table.add_section()
        for competency in activity.competencies:
            present = set(matrix.chances[competency.code])
            count = matrix.count(competency.code)
            enough = count >= matrix.required
            said = t("{n} ok", n=count) if enough else t("{n} short", n=count)
            verdict = f"[green]{said}[/]" if enough else f"[bold red]{said}[/]"
            label = (competency.label(t.lang),) if with_labels else ()
            table.add_row(
                competency.code,
                *label,
                *("●" if s in present else "·" for s in matrix.scenario_ids),
                verdict,
            )
    console.print(table)
    console.print(t("Contacts:"))
    for number, scenario in enumerate(matrix.scenario_ids, start=1):
        console.print(f"  {number:>2}. {scenario}", highlight=False)
    covered = sum(matrix.count(c) >= matrix.required for c in referentiel.codes)
    console.print(
        t.n(
            "{covered}/{total} competencies with at least {n} chance.",
            "{covered}/{total} competencies with at least {n} chances.",
            matrix.required,
            covered=covered,
            total=len(referentiel.codes),
        )
    )
