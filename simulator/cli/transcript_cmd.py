"""``callsim transcript``: verify, export and list the journals of exam sessions."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text, one_of
from simulator.cli.store_option import add_store_option, store_path
from simulator.i18n import N_, Translator
from simulator.journal.errors import JournalError, UnknownSession
from simulator.journal.jsonl import export_jsonl, verify_file, write_jsonl
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import VerifyResult, verify_session


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``transcript`` command group and its sub-commands."""
    parser = subparsers.add_parser(
        "transcript",
        help=command_help("transcript"),
        description=N_("Journals of the épreuve sessions: verification, export, list."),
    )
    parser.set_defaults(handler=lambda _args: _usage(parser))
    sub = parser.add_subparsers(dest="transcript_command", metavar="ACTION")

    verify = sub.add_parser(
        "verify",
        help=N_("verify the integrity of a session or of a .jsonl file"),
        description=N_("Verifies the hash chain and names the first faulty event."),
    )
    verify.add_argument(
        "target", metavar=N_("SESSION|FILE.jsonl"), help=N_("session id or exported file (.jsonl)")
    )
    verify.add_argument(
        "--receipt",
        metavar="CODE",
        help=N_(
            "receipt written on the attendance sheet (e.g. 7KQ2-M9XD-4TR8): the journal must contain it"
        ),
    )
    verify.add_argument(
        "--seal", metavar=N_("FILE"), help=N_("the centre's seal file: the session must match it")
    )
    add_store_option(verify)
    verify.set_defaults(handler=cmd_verify)

    export = sub.add_parser(
        "export",
        help=N_("export a session"),
        description=N_("Exports a session as JSON Lines (header, events, seal)."),
    )
    export.add_argument("session", metavar=N_("SESSION"), help=N_("the session's id"))
    export.add_argument(
        "--format",
        choices=["jsonl"],
        default="jsonl",
        help=N_("export format (only « jsonl » is available)"),
    )
    export.add_argument(
        "-o", "--output", metavar=N_("FILE"), help=N_("output file (default: standard output)")
    )
    add_store_option(export)
    export.set_defaults(handler=cmd_export)

    listing = sub.add_parser(
        "list", help=N_("list the journal's sessions"), description=N_("Lists the sessions.")
    )
    add_store_option(listing)
    listing.set_defaults(handler=cmd_list)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _open_store(args: argparse.Namespace) -> SqliteJournalStore:
    from simulator.journal.backends import open_journal

    return open_journal(store_path(args), create=False)


def _error(t: Translator, message: str) -> int:
    print(t("Error: {message}", message=message), file=sys.stderr)
    return 1


def _report(result: VerifyResult, t: Translator) -> int:
    checked = t.n("{n} event verified", "{n} events verified", result.checked)
    if result.ok:
        print(t("OK: {checked}, chain intact", checked=checked))
        return 0
    if result.first_bad_seq == 0:
        where = t("session header")
    elif result.first_bad_seq is not None:
        where = t("event #{seq}", seq=result.first_bad_seq)
    else:
        where = t("place undetermined")
    line = t(", line {line}", line=result.line) if result.line is not None else ""
    print(
        t(
            "FAILED: first faulty item: {where}{line} ({checked} before)",
            where=where,
            line=line,
            checked=checked,
        )
    )
    print(result.reason_en if t.lang == "en" else result.reason)
    print(f"[{result.reason_code}] {result.reason_en}")
    return 1


def _looks_like_file(target: str) -> bool:
    return target.endswith(".jsonl") or "/" in target or Path(target).is_file()


def cmd_verify(args: argparse.Namespace) -> int:
    """Verify a session of the store or an exported file; exit 0 if intact, else 1."""
    t = translator(args.lang)
    if _looks_like_file(args.target):
        return _report(verify_file(args.target), t)
    try:
        with _open_store(args) as store:
            code = _report(verify_session(store, args.target), t)
            if code == 0 and args.receipt:
                code = _check_receipt(store, args.target, args.receipt, t)
        if code == 0 and args.seal:
            code = _check_seal(args, t)
        return code
    except UnknownSession:
        return _error(t, t("unknown session: « {session} ».", session=args.target))
    except JournalError as exc:
        return _error(t, layer_text(exc, args.lang))


def _check_receipt(store: SqliteJournalStore, session_id: str, code: str, t: Translator) -> int:
    """0 when the journal matches the receipt, else 1 saying how it was changed."""
    from simulator.journal.receipt import check_receipt

    ok, *why = check_receipt(store, session_id, code)
    said = one_of(why, t.lang)
    print(t("OK: {why}", why=said) if ok else t("FAILED: {why}", why=said))
    if not ok:
        print(f"[receipt_mismatch] {one_of(why, 'en')}")
    return 0 if ok else 1


def _check_seal(args: argparse.Namespace, t: Translator) -> int:
    from scoring.assessment.desk import ReviewDesk
    from scoring.assessment.model import AssessmentError
    from simulator.cli.centre_cmd import report_seal
    from simulator.cli.store_option import key_ring
    from simulator.system_clock import SystemClock

    try:
        data = Path(args.seal).read_bytes()
        with ReviewDesk.open(store_path(args), SystemClock(), keys=key_ring(args)) as desk:
            return report_seal(desk, data, args.lang, args.target)
    except OSError as exc:
        return _error(t, t("unreadable seal: {error}", error=exc))
    except AssessmentError as exc:
        return _error(t, layer_text(exc, args.lang))


def cmd_export(args: argparse.Namespace) -> int:
    """Export one session as JSON Lines to a file or to standard output."""
    t = translator(args.lang)
    try:
        with _open_store(args) as store:
            if args.output:
                count = export_jsonl(store, args.session, args.output)
                print(
                    t.n(
                        "{n} event exported to {path}",
                        "{n} events exported to {path}",
                        count,
                        path=args.output,
                    ),
                    file=sys.stderr,
                )
                return 0
            sys.stdout.flush()
            out = getattr(sys.stdout, "buffer", None)
            if out is None:  # a text-only stdout (rare): the export is UTF-8 anyway
                return _error(t, t("standard output is not binary"))
            try:
                write_jsonl(store, args.session, out)
                out.flush()
            except BrokenPipeError:  # e.g. piped into ``head``: stop quietly
                _silence_stdout()
                return 1
            return 0
    except UnknownSession:
        return _error(t, t("unknown session: « {session} ».", session=args.session))
    except JournalError as exc:
        return _error(t, layer_text(exc, args.lang))
    except OSError as exc:
        return _error(t, t("cannot write: {error}", error=exc))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def cmd_list(args: argparse.Namespace) -> int:
    """List sessions: id, candidate, mode, creation time and number of events."""
    t = translator(args.lang)
    try:
        with _open_store(args) as store:
            ids = store.session_ids()
            if not ids:
                print(t("No session in the journal."))
            for session_id in ids:
                header = store.header(session_id)
                last = store.last_event(session_id)
                count = last.seq if last is not None else 0
                events = t.n("{n} event", "{n} events", count)
                print(
                    f"{session_id}\t{header.candidate_id}\t{header.mode}\t{header.created_at}\t{events}"
                )
            return 0
    except JournalError as exc:
        return _error(t, layer_text(exc, args.lang))
