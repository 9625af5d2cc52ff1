"""``callsim assessor add | remove | list``: the assessors' accounts, which an administrator keeps.

Every rule lives in ``scoring.assessment`` (``Accounts``, through the ``ReviewDesk``); these commands read
the arguments and the passphrases, call the desk and print its answer.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator.cli.assessor_views import TEXT as _TEXT
from simulator.cli.desk_access import (
    PASSPHRASE_ENV,
    _common,
    _fail,
    _run,
    _Unread,
    _usage,
    read_passphrase,
)
from simulator.cli.language import command_help
from simulator.cli.store_option import store_path


def register_accounts(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``assessor add | remove | list``."""
    assessor = subparsers.add_parser(
        "assessor",
        help=command_help("assessor"),
        description="Comptes nominatifs des évaluateurs ; la phrase secrète n'est "
        "conservée que sous forme d'empreinte argon2id.",
    )
    assessor.set_defaults(handler=lambda _args: _usage(assessor))
    accounts = assessor.add_subparsers(dest="assessor_command", metavar="ACTION")
    add = accounts.add_parser(
        "add",
        help="enregistrer un évaluateur (administrateur requis)",
        description="Un administrateur (créé par « callsim store init ») enregistre un "
        "évaluateur : la phrase secrète de l'administrateur, puis celle de "
        "l'évaluateur (au moins 12 caractères) deux fois au terminal — ou une ligne "
        "chacune sur l'entrée standard. Une paire de clés Ed25519 est créée ; la "
        "clé privée, chiffrée, va dans le dossier des clés ; l'enregistrement est "
        "signé par l'administrateur.",
    )
    add.add_argument("name", metavar="NOM", help="nom de l'évaluateur (2 à 40 caractères)")
    add.add_argument(
        "--admin", required=True, metavar="ADMIN", help="nom de l'administrateur qui enregistre"
    )
    _common(add, passphrase=True)
    add.set_defaults(handler=cmd_assessor_add)
    remove = accounts.add_parser(
        "remove",
        help="retirer un évaluateur (administrateur requis)",
        description="Retire un évaluateur : il ne peut plus agir ; ses signatures passées "
        "restent vérifiables.",
    )
    remove.add_argument("name", metavar="NOM", help="nom de l'évaluateur")
    remove.add_argument("--admin", required=True, metavar="ADMIN", help="nom de l'administrateur")
    _common(remove, passphrase=True)
    remove.set_defaults(handler=cmd_assessor_remove)
    listing = accounts.add_parser(
        "list", help="lister les comptes d'évaluateur", description="Liste les comptes."
    )
    _common(listing)
    listing.set_defaults(handler=cmd_assessor_list)


def cmd_assessor_add(args: argparse.Namespace) -> int:
    """Register an assessor: the administrator's passphrase, then the assessor's (twice on a terminal)."""
    text = _TEXT[args.lang]
    if not store_path(args).is_file():
        return _fail(text, text["no_admin_store"].format(store_path(args)), 2)
    try:
        admin_passphrase = read_passphrase(args, args.admin, admin=True)
        passphrase = read_passphrase(args, args.name, confirm=True)
    except _Unread as exc:
        return _fail(text, str(exc) or text["unread"].format(PASSPHRASE_ENV))

    def add(desk: Any, text: dict[str, Any]) -> int:
        desk.login_admin(args.admin, admin_passphrase)
        entry = desk.add_assessor(args.admin, args.name, passphrase)
        print(text["added"].format(entry.payload["name"]))
        return 0

    return _run(args, add)


def cmd_assessor_remove(args: argparse.Namespace) -> int:
    """Withdraw an assessor (their past signatures stay verifiable)."""
    text = _TEXT[args.lang]
    try:
        admin_passphrase = read_passphrase(args, args.admin, admin=True)
    except _Unread as exc:
        return _fail(text, str(exc) or text["unread"].format(PASSPHRASE_ENV))

    def remove(desk: Any, text: dict[str, Any]) -> int:
        desk.login_admin(args.admin, admin_passphrase)
        entry = desk.remove_assessor(args.admin, args.name)
        print(text["removed"].format(entry.payload["name"]))
        return 0

    return _run(args, remove)


def cmd_assessor_list(args: argparse.Namespace) -> int:
    """Print the assessors' names, one per line."""

    def listing(desk: Any, text: dict[str, Any]) -> int:
        names = desk.assessor_names()
        for name in names:
            print(name)
        if not names:
            print(text["none"], file=sys.stderr)
        return 0

    return _run(args, listing)
