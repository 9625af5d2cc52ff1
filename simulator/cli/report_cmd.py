"""``callsim report``: print or write the latest grille of a session (terminal, HTML, JSON, CSV, Markdown)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.cli.language import FR_EN, command_help
from simulator.cli.scoring_common import check_store, error
from simulator.cli.store_option import add_store_option, store_path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``report``."""
    report = subparsers.add_parser(
        "report",
        help=command_help("report"),
        description="La dernière grille enregistrée d'une session : tableau dans le terminal, HTML imprimable (A4), "
        "JSON, CSV ou Markdown.",
    )
    report.add_argument("session", metavar="SESSION", help="identifiant de la session")
    report.add_argument(
        "--format",
        choices=("terminal", "html", "json", "csv", "md"),
        default="terminal",
        help="format (défaut : terminal)",
    )
    report.set_defaults(speaks=FR_EN)  # Dutch: French until these texts are in the cli catalog
    report.add_argument(
        "-o", "--output", metavar="FICHIER", help="fichier de sortie (défaut : sortie standard)"
    )
    add_store_option(report)
    report.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    """Print or write the latest grille of a session in the chosen format."""
    from scoring.assessment.model import AssessmentError
    from scoring.backends import open_grilles
    from scoring.reports import render_text
    from simulator.journal.backends import open_journal
    from simulator.journal.errors import JournalError, UnknownSession

    path = store_path(args)
    try:
        with open_journal(path, create=False) as store:
            store.header(args.session)
            last = store.last_event(args.session)
            with open_grilles(path) as grilles:
                latest = grilles.latest(args.session)
    except UnknownSession:
        return error(f"session inconnue : « {args.session} » (unknown session).")
    except JournalError as exc:
        return error(exc.message("fr"))
    except AssessmentError as exc:
        return error(exc.message("fr"))
    refused_store, _signed = check_store(path, [args.session])
    if refused_store is not None:
        return error(refused_store)
    if latest is None:
        return error(
            f"la session {args.session} n'est pas encore notée : lancez « callsim score {args.session} »."
        )
    if last is not None and last.hash != latest.journal_head:
        print(
            "Attention : le journal a changé depuis cette notation ; relancez « callsim score ».",
            file=sys.stderr,
        )
    grille = latest.grille()
    if args.format == "terminal" and not args.output:
        from rich.console import Console

        from scoring.reports.terminal import print_terminal

        print_terminal(grille, Console(highlight=False), args.lang)
        return 0
    if args.format == "terminal":
        return error(
            "le format terminal s'affiche à l'écran : choisissez html, json, csv ou md avec -o.", 2
        )
    text = render_text(grille, args.format, args.lang)
    return _write(text, args.output)


def _write(text: str, output: str | None) -> int:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            return error(f"écriture impossible : {exc}")
        print(f"Écrit : {output}", file=sys.stderr)
        return 0
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        return 1
    return 0
