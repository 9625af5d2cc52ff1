"""``callsim review``: the assessors' terminal app on the journal store (sign in, review, override, sign)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text
from simulator.cli.store_option import add_store_option, store_path
from simulator.i18n import N_


def register(subparsers: Any) -> None:
    review = subparsers.add_parser(
        "review",
        help=command_help("review"),
        description=N_(
            "Opens the review app: sign-in with an assessor account (callsim assessor add), list of sessions, grille beside the transcript, overrides with reasons, signature."
        ),
    )
    add_store_option(review)
    review.add_argument(
        "--blind",
        action="store_true",
        help=N_("blind review: a pseudonym replaces the candidate's number on every screen"),
    )
    review.set_defaults(handler=run_review)


def run_review(args: argparse.Namespace) -> int:
    from scoring.assessment.model import AssessmentError
    from simulator.journal.errors import JournalError
    from simulator.review.app import create_review_app
    from simulator.system_clock import SystemClock

    t = translator(args.lang)
    path = store_path(args)
    if not path.is_file():
        print(
            t(
                "callsim review: store not found: {path} (sit or simulate an épreuve first, then score it).",
                path=path,
            ),
            file=sys.stderr,
        )
        return 2
    try:
        app = create_review_app(
            clock=SystemClock(), store_path=path, lang=args.lang, blind=args.blind
        )
    except (JournalError, AssessmentError) as error:  # a damaged journal, a store to migrate first
        print(t("callsim review: {message}", message=layer_text(error, args.lang)), file=sys.stderr)
        return 2
    app.run()
    return 0
