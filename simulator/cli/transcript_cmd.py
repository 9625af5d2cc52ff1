"""``callsim transcript``: verify, export and list the journals of exam sessions."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from simulator.cli.language import command_help
from simulator.cli.store_option import add_store_option, store_path
from simulator.journal.errors import JournalError, UnknownSession
from simulator.journal.jsonl import export_jsonl, verify_file, write_jsonl
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import VerifyResult, verify_session


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``transcript`` command group and its sub-commands."""
    parser = subparsers.add_parser(
        "transcript",
        help=command_help("transcript"),
        description="Journaux des sessions d'épreuve : vérification, export, liste.",
    )
    parser.set_defaults(handler=lambda _args: _usage(parser))
    sub = parser.add_subparsers(dest="transcript_command", metavar="ACTION")

    verify = sub.add_parser(
        "verify",
        help="vérifier l'intégrité d'une session ou d'un fichier .jsonl",
        description="Vérifie la chaîne d'empreintes et nomme le premier événement en défaut.",
    )
    verify.add_argument(
        "target",
        metavar="SESSION|FICHIER.jsonl",
        help="identifiant de session ou fichier exporté (.jsonl)",
    )
    verify.add_argument(
        "--receipt",
        metavar="CODE",
        help="reçu noté sur la feuille de présence (p. ex. 7KQ2-M9XD-4TR8) : le journal doit le contenir",
    )
    verify.add_argument(
        "--seal",
        metavar="FICHIER",
        help="fichier de sceau du centre : la session doit y correspondre",
    )
    add_store_option(verify)
    verify.set_defaults(handler=cmd_verify)

    export = sub.add_parser(
        "export",
        help="exporter une session",
        description="Exporte une session au format JSON Lines (en-tête, événements, sceau).",
    )
    export.add_argument("session", metavar="SESSION", help="identifiant de la session")
    export.add_argument(
        "--format",
        choices=["jsonl"],
        default="jsonl",
        help="format d'export (seul « jsonl » est disponible)",
    )
    export.add_argument(
        "-o", "--output", metavar="FICHIER", help="fichier de sortie (par défaut : sortie standard)"
    )
    add_store_option(export)
    export.set_defaults(handler=cmd_export)

    listing = sub.add_parser(
        "list", help="lister les sessions du journal", description="Liste les sessions."
    )
    add_store_option(listing)
    listing.set_defaults(handler=cmd_list)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _open_store(args: argparse.Namespace) -> SqliteJournalStore:
    from simulator.journal.backends import open_journal

    return open_journal(store_path(args), create=False)


def _error(message: str) -> int:
    print(f"Erreur : {message}", file=sys.stderr)
    return 1


def _report(result: VerifyResult) -> int:
    if result.ok:
        print(f"OK: {result.checked} événements vérifiés, chaîne intacte")
        return 0
    if result.first_bad_seq == 0:
        where = "en-tête de session"
    elif result.first_bad_seq is not None:
        where = f"événement n° {result.first_bad_seq}"
    else:
        where = "emplacement indéterminé"
    line = f", ligne {result.line}" if result.line is not None else ""
    print(
        f"ÉCHEC : premier élément en défaut : {where}{line} "
        f"({result.checked} événements vérifiés avant)"
    )
    print(result.reason)
    print(f"[{result.reason_code}] {result.reason_en}")
    return 1


def _looks_like_file(target: str) -> bool:
    return target.endswith(".jsonl") or "/" in target or Path(target).is_file()


def cmd_verify(args: argparse.Namespace) -> int:
    """Verify a session of the store or an exported file; exit 0 if intact, else 1."""
    if _looks_like_file(args.target):
        return _report(verify_file(args.target))
    try:
        with _open_store(args) as store:
            code = _report(verify_session(store, args.target))
            if code == 0 and args.receipt:
                code = _check_receipt(store, args.target, args.receipt)
        if code == 0 and args.seal:
            code = _check_seal(args)
        return code
    except UnknownSession:
        return _error(f"session inconnue : « {args.target} » (unknown session).")
    except JournalError as exc:
        return _error(exc.message("fr"))


def _check_receipt(store: SqliteJournalStore, session_id: str, code: str) -> int:
    """0 when the journal matches the receipt, else 1 saying how it was changed."""
    from simulator.journal.receipt import check_receipt

    ok, fr, en = check_receipt(store, session_id, code)
    print(f"OK : {fr}" if ok else f"ÉCHEC : {fr}")
    if not ok:
        print(f"[receipt_mismatch] {en}")
    return 0 if ok else 1


def _check_seal(args: argparse.Namespace) -> int:
    from scoring.assessment.desk import ReviewDesk
    from scoring.assessment.model import AssessmentError
    from simulator.cli.centre_cmd import report_seal
    from simulator.cli.store_option import key_ring
    from simulator.system_clock import SystemClock

    try:
        data = Path(args.seal).read_bytes()
        with ReviewDesk.open(store_path(args), SystemClock(), keys=key_ring(args)) as desk:
            return report_seal(desk, data, "fr", args.target)
    except OSError as exc:
        return _error(f"sceau illisible : {exc}")
    except AssessmentError as exc:
        return _error(exc.message("fr"))


def cmd_export(args: argparse.Namespace) -> int:
    """Export one session as JSON Lines to a file or to standard output."""
    try:
        with _open_store(args) as store:
            if args.output:
                count = export_jsonl(store, args.session, args.output)
                print(f"{count} événements exportés vers {args.output}", file=sys.stderr)
                return 0
            sys.stdout.flush()
            out = getattr(sys.stdout, "buffer", None)
            if out is None:  # a text-only stdout (rare): the export is UTF-8 anyway
                return _error("sortie standard non binaire")
            try:
                write_jsonl(store, args.session, out)
                out.flush()
            except BrokenPipeError:  # e.g. piped into ``head``: stop quietly
                _silence_stdout()
                return 1
            return 0
    except UnknownSession:
        return _error(f"session inconnue : « {args.session} » (unknown session).")
    except JournalError as exc:
        return _error(exc.message("fr"))
    except OSError as exc:
        return _error(f"écriture impossible : {exc}")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def cmd_list(args: argparse.Namespace) -> int:
    """List sessions: id, candidate, mode, creation time and number of events."""
    try:
        with _open_store(args) as store:
            ids = store.session_ids()
            if not ids:
                print("Aucune session dans le journal.")
            for session_id in ids:
                header = store.header(session_id)
                last = store.last_event(session_id)
                count = last.seq if last is not None else 0
                print(
                    f"{session_id}\t{header.candidate_id}\t{header.mode}\t"
                    f"{header.created_at}\t{count} événements"
                )
            return 0
    except JournalError as exc:
        return _error(exc.message("fr"))
