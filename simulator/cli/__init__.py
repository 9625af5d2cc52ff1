"""The ``callsim`` command line: one sub-command module per group, imported only when its command is chosen."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from simulator.cli.language import (
    CallsimParser,
    requested_language,
    speak,
    spoken,
    without_language,
)
from simulator.i18n import N_

#: Every sub-command: name → (module under ``simulator.cli`` exposing ``register(subparsers)``, help line).
#: Only the chosen command's module is imported; ``callsim --help`` lists this table without importing
#: any of them (``tests/project/test_cli_startup.py`` checks that each module registers what it says here).
#: A new command or group is one line here (and its module's ``register``).
COMMANDS: dict[str, tuple[str, str]] = {
    "referentiel": (
        "referentiel_cmd",
        N_("show the key activities and competencies of the référentiel"),
    ),
    "scenario": ("scenario_cmd", N_("trainer's tools for scenario files")),
    "epreuve": ("epreuve_cmd", N_("trainer's tools for épreuves")),
    "exam": ("app_cmd", N_("sit the exam épreuve (the candidate's app)")),
    "practice": ("app_cmd", N_("practise on the practice épreuve")),
    "transcript": ("transcript_cmd", N_("verify, export or list session journals")),
    "simulate": ("simulate_cmd", N_("have a simulated candidate sit an épreuve (no screen)")),
    "score": ("score_cmd", N_("score sessions (grille OK / NOK per competency)")),
    "rescore": ("rescore_cmd", N_("score again by replay (rules or scoring grid changed)")),
    "report": ("report_cmd", N_("show or export a session's grille")),
    "assessor": ("assessor_cmd", N_("assessor accounts (add, list)")),
    "override": ("assessor_cmd", N_("change a competency's verdict, with a written reason")),
    "mark-reviewed": ("assessor_cmd", N_("mark a scored session as reviewed")),
    "sign": ("assessor_cmd", N_("sign a reviewed session")),
    "reopen": ("assessor_cmd", N_("re-open a signed session, with a written reason")),
    "confirm-text": (
        "assessor_cmd",
        N_("decide a typed text the machine doubts (a reason is required to correct it)"),
    ),
    "audit": ("assessor_cmd", N_("verify or show the audit log")),
    "sessions": ("assessor_cmd", N_("list the sessions and their review status")),
    "review": ("review_cmd", N_("review scored sessions (the assessors' app)")),
    "agreement": (
        "agreement_cmd",
        N_("agreement between assessors and with the automatic scoring (Cohen's κ)"),
    ),
    "export": ("export_cmd", N_("export reviewed sessions (jsonl, xapi, csv, html)")),
    "store": ("store_cmd", N_("create or upgrade the store (administrator)")),
    "centre": ("centre_cmd", N_("serve the stations, watch, seal a day of épreuves")),
}

DESCRIPTION = N_("Call-centre simulator — the « Opérateur call center » épreuve.")

#: The command modules, in the order of the table (all of them are imported by ``build_parser()``).
COMMAND_MODULES = tuple(dict.fromkeys(module for module, _help in COMMANDS.values()))


def version() -> str:
    """callsim's version as installed (package metadata), without importing the application."""
    from simulator import installed_version

    return installed_version()


class _VersionAction(argparse.Action):
    """``--version`` among other arguments: the package metadata is read only when it is asked for
    (reading it imports ``importlib.metadata``, which ``callsim practice`` does not wait for)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0)
        self.help = help  # the N_ message given where the option is added

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any) -> None:
        print(f"callsim {version()}")
        parser.exit()


def _parser() -> tuple[argparse.ArgumentParser, Any]:
    parser = CallsimParser(prog="callsim", description=DESCRIPTION, top=True)
    parser.add_argument(
        "--version", action=_VersionAction, help=N_("show callsim's version and exit")
    )
    return parser, parser.add_subparsers(dest="command", metavar=N_("COMMAND"))


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
    from simulator.cli.language import command_help

    for name in COMMANDS:
        subparsers.add_parser(name, help=command_help(name))
    return parser


def _chosen_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """Only the chosen command's module is imported; no command (or an unknown one): the listing."""
    argv = without_language(argv)
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    before = argv[: argv.index(chosen)] if chosen is not None else argv
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
    speak(requested_language(argv))
    try:
        parser = _chosen_parser(argv)  # imports the chosen command's module
    except Exception as exc:  # noqa: BLE001 — a module that cannot be imported: no traceback either
        return _unexpected(exc, argparse.Namespace(command=""))
    args = parser.parse_args(argv)
    args.lang = spoken(args.lang, getattr(args, "speaks", FR_NL_EN))
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


FR_NL_EN = ("fr", "nl", "en")

#: Exit code of a command stopped by an error it did not expect.
UNEXPECTED_EXIT = 70


def _unexpected(error: Exception, args: argparse.Namespace) -> int:
    """Log ``error`` (traceback, no local variables) and say in one sentence where the detail is."""
    from simulator.crash_log import log_failure

    where = log_failure(error, f"callsim {getattr(args, 'command', '')}")
    if getattr(args, "command", "") in (
        "exam",
        "practice",
    ):  # a candidate's seat: their language, call the invigilator
        from simulator.app.failures import FAILURE_EXIT, failure_message
        from simulator.app.i18n import Translator

        print(
            f"callsim: {failure_message(error, Translator(getattr(args, 'lang', 'fr')))}",
            file=sys.stderr,
        )
        return FAILURE_EXIT
    from simulator.cli.language import t

    place = str(where) if where else "—"
    print(
        t(
            "callsim: unexpected error ({error}); the detail is in {place}. Report it to whoever maintains "
            "callsim.",
            error=type(error).__name__,
            place=place,
        ),
        file=sys.stderr,
    )
    return UNEXPECTED_EXIT
