"""``callsim report``: print or write the latest grille of a session (terminal, HTML, JSON, CSV, Markdown)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text
from simulator.cli.scoring_common import check_store, error
from simulator.cli.store_option import add_store_option, store_path
from simulator.i18n import N_, Translator


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``report``."""
    report = subparsers.add_parser(
        "report",
        help=command_help("report"),
        description=N_(
            "A session's latest stored grille: table in the terminal, printable HTML (A4), JSON, CSV or Markdown."
        ),
    )
    report.add_argument("session", metavar=N_("SESSION"), help=N_("the session's id"))
    report.add_argument(
        "--format",
        choices=("terminal", "html", "json", "csv", "md"),
        default="terminal",
        help=N_("format (default: terminal)"),
    )
    report.add_argument(
        "-o", "--output", metavar=N_("FILE"), help=N_("output file (default: standard output)")
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

    t = translator(args.lang)
    path = store_path(args)
    try:
        with open_journal(path, create=False) as store:
            store.header(args.session)
            last = store.last_event(args.session)
            with open_grilles(path) as grilles:
                latest = grilles.latest(args.session)
    except UnknownSession:
        return error(t, t("unknown session: « {session} ».", session=args.session))
    except (JournalError, AssessmentError) as exc:
        return error(t, layer_text(exc, args.lang))
    refused_store, _signed = check_store(path, [args.session], args.lang)
    if refused_store is not None:
        return error(t, refused_store)
    if latest is None:
        return error(
            t,
            t(
                "session {session} is not scored yet: run « callsim score {session} ».",
                session=args.session,
            ),
        )
    if last is not None and last.hash != latest.journal_head:
        print(
            t("Warning: the journal changed since this scoring; run « callsim score » again."),
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
            t, t("the terminal format is shown on screen: choose html, json, csv or md with -o."), 2
        )
    text = render_text(grille, args.format, args.lang)
    return _write(text, args.output, t)


def _write(text: str, output: str | None, t: Translator) -> int:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            return error(t, t("cannot write: {error}", error=exc))
        print(t("Written: {path}", path=output), file=sys.stderr)
        return 0
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        return 1
    return 0
