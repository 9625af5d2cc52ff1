"""``callsim review``: the assessors' terminal app on the journal store (sign in, review, override, sign)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator.cli.language import command_help
from simulator.cli.store_option import add_store_option, store_path


def register(subparsers: Any) -> None:
    review = subparsers.add_parser(
        "review",
        help=command_help("review"),
        description="Ouvre l'application de revue : connexion avec un compte d'évaluateur (callsim assessor add), "
        "liste des sessions, grille à côté de la transcription, dérogations motivées, signature.",
    )
    add_store_option(review)
    review.add_argument(
        "--blind",
        action="store_true",
        help="revue à l'aveugle : un pseudonyme remplace le numéro du candidat sur tous les écrans",
    )
    review.set_defaults(handler=run_review)


def run_review(args: argparse.Namespace) -> int:
    from scoring.assessment.model import AssessmentError
    from simulator.journal.errors import JournalError
    from simulator.review.app import create_review_app
    from simulator.system_clock import SystemClock

    path = store_path(args)
    if not path.is_file():
        print(
            _say(
                args.lang,
                f"base introuvable : {path} (jouez ou simulez d'abord une épreuve, puis notez-la).",
                f"store not found: {path} (sit or simulate an épreuve first, then score it).",
            ),
            file=sys.stderr,
        )
        return 2
    try:
        app = create_review_app(
            clock=SystemClock(), store_path=path, lang=args.lang, blind=args.blind
        )
    except JournalError as error:
        print(_say(args.lang, error.message(args.lang), error.message("en")), file=sys.stderr)
        return 2
    except AssessmentError as error:  # a store to migrate first
        print(_say(args.lang, error.fr, error.en), file=sys.stderr)
        return 2
    app.run()
    return 0


def _say(lang: str, fr: str, en: str) -> str:
    return f"callsim review : {fr}" if lang != "en" else f"callsim review: {en}"
