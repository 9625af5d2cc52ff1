"""``callsim centre seal | verify``: sign a day's session heads with the centre's key, and check a store against a seal.

``seal`` is the administrator's end-of-day act (passphrase asked): every journal of the day is
verified, then its head, the audit head and the grilles head are signed with the centre's key into
a seal file (0600) to keep away from the store; the act is in the audit log. ``verify --seal FILE``
exits 0 when every sealed journal still ends on its sealed head, 1 naming each session or row that
changed since (a journal edited and re-hashed, cut or extended; an audit or grilles chain rewritten).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from simulator.cli.assessor_cmd import _fail, _run, _Unread, _usage, read_passphrase, unread
from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text
from simulator.cli.store_option import add_keys_option, add_store_option
from simulator.i18n import N_, Translator


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``centre seal`` and ``centre verify`` (and ``serve`` and ``watch``, from ``centre_room_cmd``)."""
    centre = subparsers.add_parser(
        "centre",
        help=command_help("centre"),
        description=N_("The test centre: seats in browsers, invigilation, a day's seal."),
    )
    centre.set_defaults(handler=lambda _args: _usage(centre))
    actions = centre.add_subparsers(dest="centre_command", metavar="ACTION")
    seal = actions.add_parser(
        "seal",
        help=N_("seal a day's sessions (administrator)"),
        description=N_("Signs the heads of the day's sessions with the centre's key."),
    )
    seal.add_argument(
        "--day", default=None, metavar=N_("YYYY-MM-DD"), help=N_("the day (default: today)")
    )
    seal.add_argument(
        "--admin", required=True, metavar="ADMIN", help=N_("the administrator's name")
    )
    seal.add_argument(
        "-o", "--output", required=True, metavar=N_("FILE"), help=N_("seal file to write")
    )
    seal.add_argument(
        "--passphrase-stdin", action="store_true", help=N_("read the passphrase on standard input")
    )
    verify = actions.add_parser(
        "verify",
        help=N_("check the store against a seal file"),
        description=N_("Names every session or row changed since the seal."),
    )
    verify.add_argument("--seal", required=True, metavar=N_("FILE"), help=N_("seal file"))
    for parser, handler in ((seal, cmd_seal), (verify, cmd_verify)):
        add_store_option(parser)
        add_keys_option(parser)
        parser.set_defaults(handler=handler)
    from simulator.cli.centre_room_cmd import register_actions

    register_actions(actions)


def cmd_seal(args: argparse.Namespace) -> int:
    """Seal the day's sessions into ``--output``."""
    from scoring.assessment.seal import seal_day
    from simulator.private_files import write_private

    t = translator(args.lang)
    try:
        day = date.fromisoformat(args.day).isoformat() if args.day else date.today().isoformat()
    except ValueError:
        return _fail(t, t("invalid date: « {day} » (YYYY-MM-DD).", day=args.day), 2)
    try:
        passphrase = read_passphrase(args, args.admin, admin=True)
    except _Unread as exc:
        return _fail(t, unread(t, exc, "--passphrase-stdin"))

    def seal(desk: Any, t: Translator) -> int:
        data, entry = seal_day(desk, args.admin, passphrase, day)
        write_private(args.output, data)
        print(
            t.n(
                "Seal of {day} written to {path}: {n} session, audit #{seq}.",
                "Seal of {day} written to {path}: {n} sessions, audit #{seq}.",
                len(entry.payload["sessions"]),
                day=day,
                path=args.output,
                seq=entry.seq,
            )
        )
        return 0

    return _run(args, seal)


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the store matches the seal, 1 naming every difference."""
    t = translator(args.lang)
    try:
        data = Path(args.seal).read_bytes()
    except OSError as exc:
        return _fail(t, t("unreadable seal: {error}", error=exc), 2)
    return _run(args, lambda desk, _t: report_seal(desk, data, args.lang))


def report_seal(desk: Any, data: bytes, lang: str, session_id: str | None = None) -> int:
    """Print the seal check (all sessions, or one) and return the exit code."""
    from scoring.assessment.seal import read_seal, verify_seal

    t = translator(lang)
    document = read_seal(data)
    problems = verify_seal(desk, data, session_id)
    count = len(document["sessions"]) if session_id is None else 1
    if not problems:
        print(
            t.n(
                "OK: the store matches the seal of {day} ({n} session).",
                "OK: the store matches the seal of {day} ({n} sessions).",
                count,
                day=document["day"],
            )
        )
        return 0
    print(
        t.n(
            "FAILED: {n} difference from the seal of {day}:",
            "FAILED: {n} differences from the seal of {day}:",
            len(problems),
            day=document["day"],
        )
    )
    for problem in problems:
        print(f"- {layer_text(problem, lang)}")
    return 1
