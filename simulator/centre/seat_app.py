"""The app process of one browser seat: the candidate app in locked exam mode, asking the candidate number first.

textual-serve starts one such process per browser connection of a seat (``callsim centre serve``).
The seat's name (``--seat``, else ``$CALLSIM_SEAT``), the store (``$CALLSIM_STORE``) and the invigilator's code
(``$CALLSIM_INVIGILATOR_CODE``) come from the serving process's environment, never from the page.
A closed tab or a lost connection ends this process as a closed terminal ends a terminal seat (textual-serve
tells the app to quit when the page's websocket closes; a stopped server ends it with SIGTERM or SIGHUP):
an ``interruption`` (cause ``connection``, or the signal's name) is journalled, so the resume counts the
downtime from it, and the candidate signs in again on the same seat to resume.
The épreuve's mode (``--mode``, read once by the serving process) chooses the rules the sign-in page
shows while the épreuve loads: a practice épreuve is not announced as an exam.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp


def main(argv: list[str] | None = None) -> int:
    app = seat_app(argv)
    app.run()
    return app.return_code or 0


def seat_app(argv: list[str] | None = None) -> CallsimApp:
    """The seat's candidate app as the page gets it, before it runs."""
    parser = argparse.ArgumentParser(prog="callsim-seat", description=__doc__.splitlines()[0])
    parser.add_argument("--epreuve", required=True)
    parser.add_argument("--lang", choices=("fr", "nl", "en"), default="fr")
    parser.add_argument("--seat", default="", help="the seat's name (its sessions belong to it)")
    parser.add_argument(
        "--mode",
        choices=("exam", "practice"),
        default="",
        help="the épreuve's mode, whose rules the sign-in page shows while the épreuve loads",
    )
    args = parser.parse_args(argv)
    if args.seat:
        os.environ["CALLSIM_SEAT"] = args.seat
    from simulator.app.app import create_app
    from simulator.app.seat import INVIGILATOR_ENV, SeatRequest, seat_name
    from simulator.system_clock import SystemClock

    code = os.environ.get(INVIGILATOR_ENV, "")
    request = SeatRequest("", args.epreuve, None, args.lang, None, seat_name())
    app = create_app(
        request, clock=SystemClock(), invigilator_code=code, handle_signals=True, still=True
    )
    app.unannounced_stop_cause = (
        "connection"  # textual-serve ends the app when the page's websocket closes
    )
    app.served_mode = args.mode
    return app


if __name__ == "__main__":
    sys.exit(main())
