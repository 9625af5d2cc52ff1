"""The ``callsim`` command line: one sub-command module per group, registered here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from simulator import __version__

#: Modules under ``simulator.cli`` that each expose ``register(subparsers)``.
COMMAND_MODULES = (
    "referentiel_cmd",
    "scenario_cmd",
    "epreuve_cmd",
    "app_cmd",
    "transcript_cmd",
    "simulate_cmd",
    "score_cmd",
    "rescore_cmd",
    "report_cmd",
    "assessor_cmd",
    "review_cmd",
    "agreement_cmd",
    "export_cmd",
    "store_cmd",
    "centre_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the full argument parser with every sub-command registered."""
    from importlib import import_module

    parser = argparse.ArgumentParser(
        prog="callsim",
        description="Simulateur de centre d'appels — épreuve « Opérateur call center ».",
    )
    parser.add_argument("--version", action="version", version=f"callsim {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        import_module(f"simulator.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    from simulator.private_files import private_umask

    try:
        with private_umask():  # stores, logs, keys and exports: 0600 files, 0700 folders
            return int(args.handler(args) or 0)
    except BrokenPipeError:  # output piped into `head` or a closed pager: stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 — no command shows a traceback: the log keeps it
        return _unexpected(exc, args)


#: Exit code of a command stopped by an error it did not expect.
UNEXPECTED_EXIT = 70


def _unexpected(error: Exception, args: argparse.Namespace) -> int:
    """Log ``error`` (traceback, no local variables) and say in one sentence where the detail is."""
    from simulator.crash_log import log_failure

    where = log_failure(error, f"callsim {getattr(args, 'command', '')}")
    if getattr(args, "command", "") in ("exam", "practice"):  # a candidate's seat: their language, call the invigilator
        from simulator.app.failures import FAILURE_EXIT, failure_message
        from simulator.app.i18n import Translator

        print(f"callsim: {failure_message(error, Translator(getattr(args, 'lang', 'fr')))}", file=sys.stderr)
        return FAILURE_EXIT
    place = str(where) if where else "—"
    if getattr(args, "lang", "fr") == "en":
        print(f"callsim: unexpected error ({type(error).__name__}); the detail is in {place}. "
              "Report it to whoever maintains callsim.", file=sys.stderr)
    else:
        print(f"callsim : erreur inattendue ({type(error).__name__}) ; le détail est dans {place}. "
              "Signalez-la à qui maintient callsim.", file=sys.stderr)
    return UNEXPECTED_EXIT
