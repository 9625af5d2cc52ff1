"""``callsim referentiel``: list the key activities and competencies of the référentiel.

``--format table`` (default) prints a table grouped by activity in one language (``--lang``);
``--format json`` prints the whole référentiel with the labels in all three languages.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from simulator.cli.language import command_help, translator
from simulator.i18n import N_
from simulator.referentiel import Referentiel, get_referentiel

FORMATS = ("table", "json")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``referentiel`` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "referentiel",
        help=command_help("referentiel"),
        description=(
            N_(
                "Shows the 3 key activities and the 23 competencies of the « Opérateur call center » référentiel, with their codes (01.01 to 03.05)."
            )
        ),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help=N_("output format: readable table or JSON (default: table)"),
    )
    parser.set_defaults(handler=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the référentiel; returns the exit code."""
    referentiel = get_referentiel()
    if args.format == "json":
        sys.stdout.write(render_json(referentiel) + "\n")
    else:
        print_table(referentiel, args.lang)
    return 0


def render_json(referentiel: Referentiel) -> str:
    """The référentiel as indented JSON, all three languages, non-ASCII kept as is."""
    return json.dumps(referentiel.to_json_dict(), ensure_ascii=False, indent=2)


def print_table(referentiel: Referentiel, lang: str) -> None:
    """Print a ``rich`` table: one section per activity, then its competencies."""
    from rich.console import Console
    from rich.table import Table

    t = translator(lang)
    table = Table(
        title=f"{referentiel.name} — {referentiel.version}",
        show_lines=False,
        highlight=False,
    )
    table.add_column(t("Code"), no_wrap=True)
    table.add_column(t("Competency"), overflow="fold")
    for index, activity in enumerate(referentiel.activities):
        if index:
            table.add_section()
        table.add_row(activity.code, activity.label(lang), style="bold")
        for competency in activity.competencies:
            table.add_row(competency.code, competency.label(lang))
    Console(highlight=False).print(table)
