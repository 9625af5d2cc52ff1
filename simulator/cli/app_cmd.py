"""``callsim exam`` and ``callsim practice``: the candidate's terminal app on the embedded store.

Whatever goes wrong, the candidate reads one sentence in their language (the app's catalogs) and
the command exits non-zero; the technical detail is in the log (``simulator.crash_log``).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text
from simulator.i18n import N_


def register(subparsers: Any) -> None:
    exam = subparsers.add_parser("exam", help=command_help("exam"))
    exam.add_argument("--candidate", required=True, metavar="ID", help=N_("candidate's number"))
    exam.add_argument(
        "--epreuve",
        default="standard",
        metavar=N_("NAME|FILE"),
        help=N_("épreuve (default: standard)"),
    )
    _common(exam)
    exam.set_defaults(handler=run_exam)

    practice = subparsers.add_parser("practice", help=command_help("practice"))
    practice.add_argument(
        "--candidate",
        default="",
        metavar="ID",
        help=N_("number or first name (asked on screen otherwise)"),
    )
    practice.add_argument(
        "--epreuve",
        default="practice",
        metavar=N_("NAME|FILE"),
        help=N_("épreuve (default: practice)"),
    )
    _common(practice)
    practice.set_defaults(handler=run_practice)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seed", type=int, default=None, metavar="N", help=N_("seed of the simulated customers")
    )
    parser.add_argument(
        "--store",
        metavar=N_("PATH|URL"),
        help=N_(
            "journal store: SQLite file or postgresql://… (default: $CALLSIM_STORE or the user's data folder)"
        ),
    )


def run_exam(args: argparse.Namespace) -> int:
    from simulator.app.seat import INVIGILATOR_ENV

    code = os.environ.get(INVIGILATOR_ENV, "")
    if not code:
        t = translator(args.lang)
        print(
            t(
                "callsim exam: set the invigilator's code in {variable} before starting the exam.",
                variable=INVIGILATOR_ENV,
            ),
            file=sys.stderr,
        )
        return 2
    return _run(args, invigilator_code=code)


def run_practice(args: argparse.Namespace) -> int:
    return _run(args, invigilator_code="")


def _run(args: argparse.Namespace, *, invigilator_code: str) -> int:
    from simulator.app.app import create_app
    from simulator.app.failures import FAILURE_EXIT
    from simulator.app.seat import SeatRequest, seat_name
    from simulator.library import named_epreuve
    from simulator.system_clock import SystemClock

    path = named_epreuve(args.epreuve)  # the engine's modules are imported after the first frame
    if path is None:
        from simulator.engine.bundle import UnknownEpreuve, epreuve_path

        try:
            epreuve_path(args.epreuve)
        except UnknownEpreuve as exc:  # always: it says why there is no such épreuve
            print(f"callsim: {layer_text(exc, args.lang)}", file=sys.stderr)
        return 2
    request = SeatRequest(
        args.candidate, str(path), args.seed, args.lang, _store(args), seat_name()
    )
    app = create_app(
        request, clock=SystemClock(), invigilator_code=invigilator_code, handle_signals=True
    )
    try:
        app.run()  # the épreuve is checked and loaded behind the sign-in screen
    except Exception as exc:  # noqa: BLE001 — outside Textual's own handler: same rule, no traceback
        app.record_failure(exc)
    if app.failure is not None:
        print(f"callsim: {app.failure_message}", file=sys.stderr)
        return app.return_code or FAILURE_EXIT
    if app.return_code:  # stopped by a signal (journalled as an interruption)
        return app.return_code
    from simulator.engine.bundle import BundleError

    error = app.load_error
    if isinstance(error, BundleError):
        for diagnostic in error.diagnostics:
            print(diagnostic.format(args.lang), file=sys.stderr)
        return 2
    if error is not None:
        print(f"callsim: {error}", file=sys.stderr)
        return 2
    return 0


def _store(args: argparse.Namespace) -> Any:
    """The store ``--store`` names (a SQLite file or a ``postgresql://…`` server), ``None`` for the default.

    The journal package is imported only when ``--store`` is given: the first screen does not wait for it.
    """
    if not args.store:
        return None
    from simulator.journal.location import store_location

    return store_location(args.store)
