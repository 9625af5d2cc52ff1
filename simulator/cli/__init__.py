"""The ``callsim`` command line: one sub-command module per group, imported only when its command is chosen."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

#: Every sub-command: name → (module under ``simulator.cli`` exposing ``register(subparsers)``, help line).
#: Only the chosen command's module is imported; ``callsim --help`` lists this table without importing
#: any of them (``tests/project/test_cli_startup.py`` checks that each module registers what it says here).
#: A new command or group is one line here (and its module's ``register``).
COMMANDS: dict[str, tuple[str, str]] = {
    "referentiel": ("referentiel_cmd", "afficher les activités-clés et les compétences du référentiel"),
    "scenario": ("scenario_cmd", "outils du formateur pour les fichiers de scénario"),
    "epreuve": ("epreuve_cmd", "outils du formateur pour les épreuves"),
    "exam": ("app_cmd", "passer l'épreuve d'examen (application du candidat)"),
    "practice": ("app_cmd", "s'entraîner sur l'épreuve d'entraînement"),
    "transcript": ("transcript_cmd", "vérifier, exporter ou lister les journaux de session"),
    "simulate": ("simulate_cmd", "faire passer une épreuve à un candidat simulé (sans écran)"),
    "score": ("score_cmd", "noter des sessions (grille OK / NOK par compétence)"),
    "rescore": ("rescore_cmd", "renoter par rejeu (règles ou grille de notation modifiées)"),
    "report": ("report_cmd", "afficher ou exporter la grille d'une session"),
    "assessor": ("assessor_cmd", "comptes d'évaluateur (ajouter, lister)"),
    "override": ("assessor_cmd", "changer le verdict d'une compétence, avec une raison écrite"),
    "mark-reviewed": ("assessor_cmd", "marquer une session notée comme revue"),
    "sign": ("assessor_cmd", "signer une session revue"),
    "reopen": ("assessor_cmd", "rouvrir une session signée, avec une raison écrite"),
    "confirm-text": ("assessor_cmd", "trancher un texte tapé dont la machine doute (raison exigée pour la corriger)"),
    "audit": ("assessor_cmd", "vérifier ou afficher le journal d'audit"),
    "sessions": ("assessor_cmd", "lister les sessions et leur statut de revue"),
    "review": ("review_cmd", "revoir les sessions notées (application des évaluateurs)"),
    "agreement": ("agreement_cmd", "accord entre évaluateurs et avec la notation automatique (κ de Cohen)"),
    "export": ("export_cmd", "exporter des sessions revues (jsonl, xapi, csv, html)"),
    "store": ("store_cmd", "créer ou mettre à niveau le magasin (administrateur)"),
    "centre": ("centre_cmd", "servir les postes, surveiller, sceller une journée d'épreuves"),
}

#: The command modules, in the order of the table (all of them are imported by ``build_parser()``).
COMMAND_MODULES = tuple(dict.fromkeys(module for module, _help in COMMANDS.values()))


def version() -> str:
    """callsim's version as installed (package metadata), without importing the application."""
    from simulator import installed_version

    return installed_version()


def _parser() -> tuple[argparse.ArgumentParser, Any]:
    parser = argparse.ArgumentParser(
        prog="callsim",
        description="Simulateur de centre d'appels — épreuve « Opérateur call center ».",
    )
    parser.add_argument("--version", action="version", version=f"callsim {version()}")
    return parser, parser.add_subparsers(dest="command", metavar="COMMAND")


def build_parser(modules: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with the commands of ``modules`` registered (default: every command module)."""
    from importlib import import_module

    parser, subparsers = _parser()
    for name in COMMAND_MODULES if modules is None else modules:
        import_module(f"simulator.cli.{name}").register(subparsers)
    return parser


def listing_parser() -> argparse.ArgumentParser:
    """The parser that lists every command with its help line, importing none of their modules."""
    parser, subparsers = _parser()
    for name, (_module, help_line) in COMMANDS.items():
        subparsers.add_parser(name, help=help_line)
    return parser


def _chosen_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """Only the chosen command's module is imported; no command (or an unknown one): the listing."""
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    before = argv[:argv.index(chosen)] if chosen is not None else argv
    if before:  # `callsim --help practice`: the options of callsim itself, which list every command
        return listing_parser()
    if chosen in COMMANDS and COMMANDS[chosen][0] in COMMAND_MODULES:
        return build_parser((COMMANDS[chosen][0],))
    return listing_parser()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["--version"]:  # the quickest answer: no parser at all
        print(f"callsim {version()}")
        return 0
    try:
        parser = _chosen_parser(argv)  # imports the chosen command's module
    except Exception as exc:  # noqa: BLE001 — a module that cannot be imported: no traceback either
        return _unexpected(exc, argparse.Namespace(command=""))
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
