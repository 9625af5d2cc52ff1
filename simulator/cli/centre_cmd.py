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

from simulator.cli.assessor_views import TEXT
from simulator.cli.desk_access import _fail, _run, _Unread, _usage, read_passphrase
from simulator.cli.language import FR_EN, command_help
from simulator.cli.store_option import add_keys_option, add_store_option

_SAY = {
    "fr": {"sealed": "Sceau du {day} écrit dans {path} : {count} session(s), audit n° {seq}.",
           "intact": "OK : le magasin correspond au sceau du {day} ({count} session(s)).",
           "changed": "ÉCHEC : {count} différence(s) avec le sceau du {day} :", "unreadable": "sceau illisible : {}"},
    "en": {"sealed": "Seal of {day} written to {path}: {count} session(s), audit #{seq}.",
           "intact": "OK: the store matches the seal of {day} ({count} session(s)).",
           "changed": "FAILED: {count} difference(s) from the seal of {day}:", "unreadable": "unreadable seal: {}"},
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``centre seal`` and ``centre verify`` (and ``serve`` and ``watch``, from ``centre_room_cmd``)."""
    centre = subparsers.add_parser("centre", help=command_help("centre"),
                                   description="Le centre d'examen : postes dans des navigateurs, surveillance, sceau d'une journée.")
    centre.set_defaults(handler=lambda _args: _usage(centre))
    actions = centre.add_subparsers(dest="centre_command", metavar="ACTION")
    seal = actions.add_parser("seal", help="sceller les sessions d'une journée (administrateur)",
                              description="Signe avec la clé du centre les têtes des sessions du jour.")
    seal.add_argument("--day", default=None, metavar="AAAA-MM-JJ", help="la journée (par défaut : aujourd'hui)")
    seal.add_argument("--admin", required=True, metavar="ADMIN", help="nom de l'administrateur")
    seal.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier de sceau à écrire")
    seal.add_argument("--passphrase-stdin", action="store_true", help="lire la phrase secrète sur l'entrée standard")
    verify = actions.add_parser("verify", help="vérifier le magasin contre un fichier de sceau",
                                description="Nomme chaque session ou ligne changée depuis le sceau.")
    verify.add_argument("--seal", required=True, metavar="FICHIER", help="fichier de sceau")
    for parser, handler in ((seal, cmd_seal), (verify, cmd_verify)):
        add_store_option(parser)
        add_keys_option(parser)
        parser.set_defaults(speaks=FR_EN)  # Dutch: French until these texts are in the cli catalog
        parser.set_defaults(handler=handler)
    from simulator.cli.centre_room_cmd import register_actions

    register_actions(actions)


def cmd_seal(args: argparse.Namespace) -> int:
    """Seal the day's sessions into ``--output``."""
    from scoring.assessment.seal import seal_day
    from simulator.private_files import write_private

    text = TEXT[args.lang]
    try:
        day = date.fromisoformat(args.day).isoformat() if args.day else date.today().isoformat()
    except ValueError:
        return _fail(text, f"date invalide : « {args.day} » (AAAA-MM-JJ)." if args.lang == "fr"
                     else f"invalid date: '{args.day}' (YYYY-MM-DD).", 2)
    try:
        passphrase = read_passphrase(args, args.admin, admin=True)
    except _Unread as exc:
        return _fail(text, str(exc) or text["unread"].format("--passphrase-stdin"))

    def seal(desk: Any, _text: dict[str, Any]) -> int:
        data, entry = seal_day(desk, args.admin, passphrase, day)
        write_private(args.output, data)
        print(_SAY[args.lang]["sealed"].format(day=day, path=args.output, count=len(entry.payload["sessions"]),
                                               seq=entry.seq))
        return 0

    return _run(args, seal)


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the store matches the seal, 1 naming every difference."""
    text = TEXT[args.lang]
    try:
        data = Path(args.seal).read_bytes()
    except OSError as exc:
        return _fail(text, _SAY[args.lang]["unreadable"].format(exc), 2)
    return _run(args, lambda desk, _text: report_seal(desk, data, args.lang))


def report_seal(desk: Any, data: bytes, lang: str, session_id: str | None = None) -> int:
    """Print the seal check (all sessions, or one) and return the exit code."""
    from scoring.assessment.seal import read_seal, verify_seal

    document = read_seal(data)
    problems = verify_seal(desk, data, session_id)
    count = len(document["sessions"]) if session_id is None else 1
    if not problems:
        print(_SAY[lang]["intact"].format(day=document["day"], count=count))
        return 0
    print(_SAY[lang]["changed"].format(day=document["day"], count=len(problems)))
    for problem in problems:
        print(f"- {problem.message(lang)}")
    return 1
