"""``callsim export``: reviewed sessions as JSON Lines, xAPI 1.0.3 statements, CSV or the printable HTML grille.

One session goes to standard output or ``-o FILE``. Several sessions (or ``--all``, every scored
session) go into one file for jsonl, csv and xapi, and for html into a folder (``-o`` required),
one page per session named after its id. ``--blind`` replaces the candidate's id by the session's
pseudonym everywhere. An unknown session exits 2, a session not scored yet exits 1.
``--format xapi --to URL --auth USER:PASSWORD`` sends the statements to a learning record store
instead of writing them (``scoring.exports.lrs``: batches, retries, idempotent by statement id);
``--auth`` may be left out when ``$CALLSIM_LRS_AUTH`` holds it (not in the shell's history).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from simulator.cli.desk_errors import desk_errors, desk_failure
from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text
from simulator.cli.store_option import add_store_option, store_path
from simulator.i18n import N_, Translator


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``export``."""
    from scoring.exports import FORMATS
    from scoring.exports.xapi import DEFAULT_HOME_PAGE

    parser = subparsers.add_parser(
        "export",
        help=command_help("export"),
        description=N_(
            "Exports the reviewed grille of scored sessions: JSON Lines (session, competencies, overrides, audit), xAPI 1.0.3 statements (ids stable from one export to the next), CSV (one row per session and competency) or the printable HTML page (A4) with the assessors' verdicts."
        ),
    )
    parser.add_argument("sessions", nargs="*", metavar=N_("SESSION"), help=N_("session ids"))
    parser.add_argument("--all", action="store_true", help=N_("every scored session"))
    parser.add_argument("--format", required=True, choices=FORMATS, help=N_("export format"))
    parser.add_argument(
        "-o",
        "--output",
        metavar=N_("FILE|FOLDER"),
        help=N_("output file (default: standard output); a folder for several HTML pages"),
    )
    parser.add_argument(
        "--blind", action="store_true", help=N_("blind: a pseudonym instead of the candidate's id")
    )
    parser.add_argument(
        "--home-page",
        metavar="IRI",
        default=DEFAULT_HOME_PAGE,
        help=N_("xAPI: homePage of the accounts (default: %(default)s)"),
    )
    parser.add_argument(
        "--to", metavar="URL", help=N_("xAPI: send the statements to this LRS (https://…/xAPI)")
    )
    parser.add_argument(
        "--auth",
        metavar=N_("USER:PASSWORD"),
        help=N_("xAPI: credentials for the LRS (default: $CALLSIM_LRS_AUTH)"),
    )
    add_store_option(parser)
    parser.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    """Gather the sessions, then write them in the chosen format."""
    from scoring.assessment.desk import ReviewDesk
    from simulator.system_clock import SystemClock

    t = translator(args.lang)
    if bool(args.sessions) == bool(args.all):
        return _fail(t, t("name sessions or use --all (not both)."), 2)
    if args.to and (args.format != "xapi" or args.output):
        return _fail(t, t("--to sends xAPI statements: use --format xapi (without -o)."), 2)
    auth = args.auth or os.environ.get("CALLSIM_LRS_AUTH", "")
    if args.to and not auth:
        return _fail(t, t("--to needs --auth USER:PASSWORD (or the CALLSIM_LRS_AUTH variable)."), 2)
    path = store_path(args)
    if not path.is_file():
        return _fail(
            t, t("journal not found: {path} (simulate or sit an épreuve first).", path=path), 2
        )
    try:
        with ReviewDesk.open(path, SystemClock()) as desk:
            items = _gather(desk, args, t)
    except _NotScored as exc:
        return _fail(
            t,
            t(
                "session {session} is not scored yet: run « callsim score {session} ».",
                session=exc.args[0],
            ),
        )
    except desk_errors() as exc:
        return _fail(t, *desk_failure(exc, args.lang))
    if not items:
        print(t("No scored session to export."), file=sys.stderr)
    if args.format == "html" and (args.all or len(items) > 1):
        return _write_pages(items, args, t)
    from scoring.exports import export_many, export_one

    if args.to:
        return _send(items, args, auth, t)
    options = {"blind": args.blind, "lang": args.lang, "home_page": args.home_page}
    if len(items) == 1:
        output = export_one(args.format, items[0], **options)
    elif items:
        output = export_many(args.format, items, **options)
    else:
        return 0
    return _write(output, args.output, t)


class _NotScored(Exception):
    """A named session has no grille yet."""


def _gather(desk: Any, args: argparse.Namespace, t: Translator) -> list[Any]:
    """The sessions to export with their journals, in the order named (``--all``: every scored one, by id)."""
    from scoring.exports import Exported

    if args.all:
        reviews = sorted(desk.sessions(), key=lambda r: r.session_id)
        scored = [r for r in reviews if r.grille is not None]
        if len(scored) < len(reviews):
            print(
                t.n(
                    "{n} session not scored yet, left out.",
                    "{n} sessions not scored yet, left out.",
                    len(reviews) - len(scored),
                ),
                file=sys.stderr,
            )
    else:
        scored = [desk.review(session_id) for session_id in dict.fromkeys(args.sessions)]
        missing = next((r.session_id for r in scored if r.grille is None), None)
        if missing is not None:
            raise _NotScored(missing)
    return [
        Exported(
            r,
            desk.journal.header(r.session_id),
            list(desk.journal.events(r.session_id)),
            desk.seal_status(r.session_id),
        )
        for r in scored
    ]


def _fail(t: Translator, message: str, code: int = 1) -> int:
    print(t("Error: {message}", message=message), file=sys.stderr)
    return code


def _write(output: str, target: str | None, t: Translator) -> int:
    if not target:
        sys.stdout.write(output)
        sys.stdout.flush()
        return 0
    try:
        Path(target).write_text(output, encoding="utf-8")
    except OSError as exc:
        return _fail(t, t("cannot write: {error}", error=exc))
    print(t("Written: {path}", path=target), file=sys.stderr)
    return 0


def _write_pages(items: list[Any], args: argparse.Namespace, t: Translator) -> int:
    """One HTML page per session in the folder ``-o`` (created if needed), named ``SESSION.html``."""
    from scoring.exports.html_export import export_html

    if not args.output:
        return _fail(t, t("several HTML pages: give a folder with -o FOLDER."), 2)
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        return _fail(t, t("« {path} » exists and is not a folder.", path=folder), 2)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            page = export_html(
                item.review,
                item.header,
                item.events,
                blind=args.blind,
                lang=args.lang,
                seal=item.seal,
            )
            (folder / f"{item.review.session_id}.html").write_text(page, encoding="utf-8")
    except OSError as exc:
        return _fail(t, t("cannot write: {error}", error=exc))
    print(
        t.n("{n} page written to {path}", "{n} pages written to {path}", len(items), path=folder),
        file=sys.stderr,
    )
    return 0


def _send(items: list[Any], args: argparse.Namespace, auth: str, t: Translator) -> int:
    """POST every statement of ``items`` to the LRS ``--to``, in order (voids after what they void)."""
    from scoring.exports.lrs import LrsError, send_statements
    from scoring.exports.xapi import statements

    everything = [
        s
        for item in items
        for s in statements(
            item.review, item.header, item.events, blind=args.blind, home_page=args.home_page
        )
    ]
    try:
        report = send_statements(everything, args.to, auth)
    except LrsError as exc:
        return _fail(t, layer_text(exc, args.lang))
    sent = t.n("{n} statement sent", "{n} statements sent", report.sent)
    print(
        t.n(
            "{sent} to the LRS {url} in {n} batch.",
            "{sent} to the LRS {url} in {n} batches.",
            report.batches,
            sent=sent,
            url=args.to,
        ),
        file=sys.stderr,
    )
    return 0
