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
from simulator.cli.language import FR_EN, command_help
from simulator.cli.store_option import add_store_option, store_path

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "error": "Erreur : {}", "no_store": "journal introuvable : {} (simulez ou passez une épreuve d'abord).",
        "which": "nommez des sessions ou utilisez --all (pas les deux).",
        "not_scored": "la session {0} n'est pas encore notée : lancez « callsim score {0} ».",
        "skipped": "{} session(s) pas encore notée(s), laissée(s) de côté.",
        "none": "Aucune session notée à exporter.",
        "folder": "plusieurs pages HTML : donnez un dossier avec -o DOSSIER.",
        "not_folder": "« {} » existe et n'est pas un dossier.",
        "written": "Écrit : {}", "pages": "{} page(s) écrite(s) dans {}",
        "unwritable": "écriture impossible : {}",
        "to_xapi": "--to envoie des déclarations xAPI : utilisez --format xapi (sans -o).",
        "no_auth": "--to demande --auth UTILISATEUR:MOT_DE_PASSE (ou la variable CALLSIM_LRS_AUTH).",
        "sent": "{sent} déclaration(s) envoyée(s) au LRS {url} en {batches} lot(s).",
    },
    "en": {
        "error": "Error: {}", "no_store": "journal not found: {} (simulate or sit an épreuve first).",
        "which": "name sessions or use --all (not both).",
        "not_scored": "session {0} is not scored yet: run « callsim score {0} ».",
        "skipped": "{} session(s) not scored yet, left out.",
        "none": "No scored session to export.",
        "folder": "several HTML pages: give a folder with -o FOLDER.",
        "not_folder": "'{}' exists and is not a folder.",
        "written": "Written: {}", "pages": "{} page(s) written to {}",
        "unwritable": "cannot write: {}",
        "to_xapi": "--to sends xAPI statements: use --format xapi (without -o).",
        "no_auth": "--to needs --auth USER:PASSWORD (or the CALLSIM_LRS_AUTH variable).",
        "sent": "{sent} statement(s) sent to the LRS {url} in {batches} batch(es).",
    },
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``export``."""
    from scoring.exports import FORMATS
    from scoring.exports.xapi import DEFAULT_HOME_PAGE

    parser = subparsers.add_parser(
        "export", help=command_help("export"),
        description="Exporte la grille revue de sessions notées : JSON Lines (session, compétences, dérogations, "
                    "audit), déclarations xAPI 1.0.3 (identifiants stables d'un export à l'autre), CSV (une ligne "
                    "par session et compétence) ou la page HTML imprimable (A4) avec les verdicts des évaluateurs.")
    parser.add_argument("sessions", nargs="*", metavar="SESSION", help="identifiants de session")
    parser.add_argument("--all", action="store_true", help="toutes les sessions notées")
    parser.add_argument("--format", required=True, choices=FORMATS, help="format d'export")
    parser.add_argument("-o", "--output", metavar="FICHIER|DOSSIER",
                        help="fichier de sortie (défaut : sortie standard) ; un dossier pour plusieurs pages HTML")
    parser.add_argument("--blind", action="store_true",
                        help="à l'aveugle : un pseudonyme à la place de l'identifiant du/de la candidat·e")
    parser.add_argument("--home-page", metavar="IRI", default=DEFAULT_HOME_PAGE,
                        help=f"xAPI : homePage des comptes (défaut : {DEFAULT_HOME_PAGE})")
    parser.add_argument("--to", metavar="URL", help="xAPI : envoyer les déclarations à ce LRS (https://…/xAPI)")
    parser.add_argument("--auth", metavar="UTILISATEUR:MOT_DE_PASSE",
                        help="xAPI : identification auprès du LRS (défaut : $CALLSIM_LRS_AUTH)")
    parser.set_defaults(speaks=FR_EN)  # Dutch: French until these texts are in the cli catalog
    add_store_option(parser)
    parser.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    """Gather the sessions, then write them in the chosen format."""
    from scoring.assessment.desk import ReviewDesk
    from simulator.system_clock import SystemClock

    text = TEXT[args.lang]
    if bool(args.sessions) == bool(args.all):
        return _fail(text, text["which"], 2)
    if args.to and (args.format != "xapi" or args.output):
        return _fail(text, text["to_xapi"], 2)
    auth = args.auth or os.environ.get("CALLSIM_LRS_AUTH", "")
    if args.to and not auth:
        return _fail(text, text["no_auth"], 2)
    path = store_path(args)
    if not path.is_file():
        return _fail(text, text["no_store"].format(path), 2)
    try:
        with ReviewDesk.open(path, SystemClock()) as desk:
            items = _gather(desk, args, text)
    except _NotScored as exc:
        return _fail(text, text["not_scored"].format(exc.args[0]))
    except desk_errors() as exc:
        return _fail(text, *desk_failure(exc, args.lang))
    if not items:
        print(text["none"], file=sys.stderr)
    if args.format == "html" and (args.all or len(items) > 1):
        return _write_pages(items, args, text)
    from scoring.exports import export_many, export_one

    if args.to:
        return _send(items, args, auth, text)
    options = {"blind": args.blind, "lang": args.lang, "home_page": args.home_page}
    if len(items) == 1:
        output = export_one(args.format, items[0], **options)
    elif items:
        output = export_many(args.format, items, **options)
    else:
        return 0
    return _write(output, args.output, text)


class _NotScored(Exception):
    """A named session has no grille yet."""


def _gather(desk: Any, args: argparse.Namespace, text: dict[str, str]) -> list[Any]:
    """The sessions to export with their journals, in the order named (``--all``: every scored one, by id)."""
    from scoring.exports import Exported

    if args.all:
        reviews = sorted(desk.sessions(), key=lambda r: r.session_id)
        scored = [r for r in reviews if r.grille is not None]
        if len(scored) < len(reviews):
            print(text["skipped"].format(len(reviews) - len(scored)), file=sys.stderr)
    else:
        scored = [desk.review(session_id) for session_id in dict.fromkeys(args.sessions)]
        missing = next((r.session_id for r in scored if r.grille is None), None)
        if missing is not None:
            raise _NotScored(missing)
    return [Exported(r, desk.journal.header(r.session_id), list(desk.journal.events(r.session_id)),
                     desk.seal_status(r.session_id)) for r in scored]


def _fail(text: dict[str, str], message: str, code: int = 1) -> int:
    print(text["error"].format(message), file=sys.stderr)
    return code


def _write(output: str, target: str | None, text: dict[str, str]) -> int:
    if not target:
        sys.stdout.write(output)
        sys.stdout.flush()
        return 0
    try:
        Path(target).write_text(output, encoding="utf-8")
    except OSError as exc:
        return _fail(text, text["unwritable"].format(exc))
    print(text["written"].format(target), file=sys.stderr)
    return 0


def _write_pages(items: list[Any], args: argparse.Namespace, text: dict[str, str]) -> int:
    """One HTML page per session in the folder ``-o`` (created if needed), named ``SESSION.html``."""
    from scoring.exports.html_export import export_html

    if not args.output:
        return _fail(text, text["folder"], 2)
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        return _fail(text, text["not_folder"].format(folder), 2)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            page = export_html(item.review, item.header, item.events, blind=args.blind, lang=args.lang,
                               seal=item.seal)
            (folder / f"{item.review.session_id}.html").write_text(page, encoding="utf-8")
    except OSError as exc:
        return _fail(text, text["unwritable"].format(exc))
    print(text["pages"].format(len(items), folder), file=sys.stderr)
    return 0


def _send(items: list[Any], args: argparse.Namespace, auth: str, text: dict[str, str]) -> int:
    """POST every statement of ``items`` to the LRS ``--to``, in order (voids after what they void)."""
    from scoring.exports.lrs import LrsError, send_statements
    from scoring.exports.xapi import statements

    everything = [s for item in items
                  for s in statements(item.review, item.header, item.events, blind=args.blind, home_page=args.home_page)]
    try:
        report = send_statements(everything, args.to, auth)
    except LrsError as exc:
        return _fail(text, exc.message(args.lang))
    print(text["sent"].format(sent=report.sent, url=args.to, batches=report.batches), file=sys.stderr)
    return 0
