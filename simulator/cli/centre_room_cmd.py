"""``callsim centre serve | watch``: browser seats for a test centre, and the invigilator's view of every seat.

``serve --epreuve NAME --seats N [--host 127.0.0.1 --port P]`` serves seat k at ``http://HOST:P+k-1/``
(one serving process for every seat, one app process per connection, locked exam mode). The store is
``--store`` or ``$CALLSIM_STORE`` (a centre uses its PostgreSQL server); the invigilator's code is
``$CALLSIM_INVIGILATOR_CODE``, required. ``watch`` is the invigilator's screen on the same store.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from simulator.cli.store_option import add_store_option, store_path
from simulator.i18n import N_, translator


def register_actions(actions: Any) -> None:
    """Add ``serve`` and ``watch`` to the ``centre`` group."""
    serve = actions.add_parser(
        "serve",
        help=N_("serve the candidate's seats in browsers"),
        description=N_(
            "One textual-serve server per seat: seat k is http://HOST:PORT+k-1/; "
            "the candidate's number is asked first."
        ),
    )
    serve.add_argument(
        "--epreuve", required=True, metavar=N_("NAME|FILE"), help=N_("épreuve taken on the seats")
    )
    serve.add_argument("--seats", type=int, required=True, metavar="N", help=N_("number of seats"))
    serve.add_argument(
        "--host", default="127.0.0.1", help=N_("address to listen on (default: 127.0.0.1)")
    )
    serve.add_argument(
        "--port", type=int, default=8000, metavar="P", help=N_("port of seat 1 (default: 8000)")
    )
    watch = actions.add_parser(
        "watch",
        help=N_("the invigilator's screen: every seat live"),
        description=N_(
            "Candidate, contact in progress, time left, last action and "
            "connection of each seat; pause (incident) of a seat."
        ),
    )
    watch.add_argument(
        "--refresh", type=float, default=2.0, metavar="S", help=N_("refresh every S seconds")
    )
    for parser, handler in ((serve, cmd_serve), (watch, cmd_watch)):
        add_store_option(parser)
        parser.set_defaults(handler=handler)


def cmd_serve(args: argparse.Namespace) -> int:
    """Start one seat server per seat and wait (Ctrl+C stops them all)."""
    from simulator.app.seat import INVIGILATOR_ENV
    from simulator.centre import serve
    from simulator.engine.bundle import UnknownEpreuve, epreuve_path
    from simulator.journal.backends import location_text

    t = translator("cli", args.lang)
    if not os.environ.get(INVIGILATOR_ENV, ""):
        print(
            "callsim: "
            + t(
                "set the invigilator's code in {variable} before serving the seats.",
                variable=INVIGILATOR_ENV,
            ),
            file=sys.stderr,
        )
        return 2
    if not 1 <= args.seats <= 60:
        print("callsim: " + t("--seats must be between 1 and 60."), file=sys.stderr)
        return 2
    try:
        path = epreuve_path(args.epreuve)
    except UnknownEpreuve:
        print("callsim: " + t("unknown épreuve: {name}", name=args.epreuve), file=sys.stderr)
        return 2
    store = store_path(args)
    chosen = serve.seats(args.seats, args.host, args.port)
    environ = {**os.environ, "CALLSIM_STORE": location_text(store)}
    processes = serve.start_all(chosen, str(path), args.lang, environ)
    served = t.n(
        "{n} seat served — épreuve {epreuve}, store {store}. Ctrl+C stops every seat.",
        "{n} seats served — épreuve {epreuve}, store {store}. Ctrl+C stops every seat.",
        len(chosen),
        epreuve=args.epreuve,
        store=store,
    )
    print(served, flush=True)
    for seat in chosen:
        print(t("{name}: {url}", name=seat.name, url=seat.url), flush=True)
    return serve.wait_all(processes)


def cmd_watch(args: argparse.Namespace) -> int:
    """Run the invigilator's view on the store."""
    from simulator.centre.watch_app import create_watch_app
    from simulator.system_clock import SystemClock

    app = create_watch_app(
        store_path(args), clock=SystemClock(), lang=args.lang, refresh=args.refresh
    )
    app.run()
    return app.return_code or 0
