"""``callsim store init | migrate | copy``: create a store with its administrator, upgrade one, or copy one to a server.

``init`` creates the store file (0600, its folder 0700) and its first administrator: the passphrase
twice on the terminal (or one line on standard input), an Ed25519 key pair for the administrator and
one for the centre, both encrypted under that passphrase in the key folder. ``migrate`` chains the
grilles of an older store, adds the signature column and records, signed by the new administrator,
what was written before sealing. ``copy --from sqlite:FILE --to postgresql://…`` copies a SQLite store
onto an empty PostgreSQL store and verifies every chain there (``--store`` may name either kind).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from simulator.cli.assessor_views import TEXT
from simulator.cli.desk_access import _fail, _run, _Unread, _usage, read_passphrase
from simulator.cli.desk_errors import desk_errors, desk_failure
from simulator.cli.language import FR_EN, command_help
from simulator.cli.store_option import add_keys_option, add_store_option, key_ring, store_path

_SAY = {
    "fr": {"init": "Magasin créé : {path}. Administrateur : {name} (clé {key}, clé du centre {centre}) — notez ces "
                   "empreintes hors de la machine.",
           "exists": "le magasin {} a déjà un administrateur.",
           "migrated": "Magasin mis à niveau : {path}. Entrées d'audit 1 à {audit} et grilles 1 à {grilles} "
                       "marquées « avant scellement » ; administrateur : {name}.",
           "current": "Le magasin {} est déjà à niveau : rien à faire.",
           "copied": "Copié vers {target} : {sessions} session(s), {events} événement(s), {grilles} grille(s), "
                     "{audit} entrée(s) d'audit ; chaque chaîne vérifiée sur le serveur.",
           "copy_failed": "copie vérifiée avec {} problème(s) :", "not_empty": "le magasin cible contient déjà des "
                          "données (table {}) : une copie ne fusionne jamais ; donnez une base vide.",
           "copy_kinds": "--from doit nommer un fichier SQLite et --to un serveur postgresql://…"},
    "en": {"init": "Store created: {path}. Administrator: {name} (key {key}, centre key {centre}) — write these "
                   "fingerprints down away from the machine.",
           "exists": "the store {} already has an administrator.",
           "migrated": "Store upgraded: {path}. Audit entries 1 to {audit} and grilles 1 to {grilles} marked "
                       "'before sealing'; administrator: {name}.",
           "current": "The store {} is already up to date: nothing to do.",
           "copied": "Copied to {target}: {sessions} session(s), {events} event(s), {grilles} grille(s), "
                     "{audit} audit entr(y/ies); every chain verified on the server.",
           "copy_failed": "copy verified with {} problem(s):", "not_empty": "the target store already holds data "
                          "(table {}): a copy never merges; give an empty database.",
           "copy_kinds": "--from must name a SQLite file and --to a postgresql://… server"},
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``store init`` and ``store migrate``."""
    store = subparsers.add_parser("store", help=command_help("store"),
                                  description="Le magasin : journal, grilles, comptes et journal d'audit signé.")
    store.set_defaults(handler=lambda _args: _usage(store))
    actions = store.add_subparsers(dest="store_command", metavar="ACTION")
    init = actions.add_parser("init", help="créer le magasin et son premier administrateur",
                              description="Crée le magasin et son administrateur (phrase secrète deux fois) avec la "
                                          "clé du centre ; l'administrateur enregistre ensuite les évaluateurs.")
    migrate = actions.add_parser("migrate", help="mettre à niveau un magasin d'avant le scellement",
                                 description="Chaîne les grilles existantes, ajoute les signatures et crée "
                                             "l'administrateur ; ce qui précède est marqué « avant scellement ».")
    for parser, handler in ((init, cmd_store_init), (migrate, cmd_store_migrate)):
        parser.add_argument("admin", metavar="ADMIN", help="nom de l'administrateur (2 à 40 caractères)")
        add_store_option(parser)
        add_keys_option(parser)
        parser.set_defaults(speaks=FR_EN)  # Dutch: French until these texts are in the cli catalog
        parser.add_argument("--passphrase-stdin", action="store_true",
                            help="lire la phrase secrète sur l'entrée standard (une ligne)")
        parser.set_defaults(handler=handler)
    copy = actions.add_parser("copy", help="copier un magasin SQLite vers un serveur PostgreSQL",
                              description="Copie journaux, grilles, comptes et audit tels quels, puis vérifie "
                                          "chaque chaîne sur le serveur.")
    copy.add_argument("--from", dest="source", required=True, metavar="sqlite:FICHIER", help="le magasin SQLite")
    copy.add_argument("--to", dest="target", required=True, metavar="postgresql://…", help="le magasin PostgreSQL")
    copy.set_defaults(speaks=FR_EN)  # Dutch: French until these texts are in the cli catalog
    copy.set_defaults(handler=cmd_store_copy)


def cmd_store_init(args: argparse.Namespace) -> int:
    """Create the store (if missing) and its first administrator."""
    from scoring.assessment.keys import fingerprint
    from simulator.private_files import create_private

    text = TEXT[args.lang]
    try:
        passphrase = read_passphrase(args, args.admin, confirm=True, admin=True)
    except _Unread as exc:
        return _fail(text, str(exc) or text["unread"].format("--passphrase-stdin"))
    path = store_path(args)
    if isinstance(path, Path):
        create_private(path)

    def init(desk: Any, _text: dict[str, Any]) -> int:
        entry = desk.init_store(args.admin, passphrase)
        print(_SAY[args.lang]["init"].format(path=path, name=entry.payload["name"],
                                             key=fingerprint(entry.payload["public_key"]),
                                             centre=fingerprint(entry.payload["centre_key"])))
        return 0

    return _run(args, init, create=True)


def cmd_store_migrate(args: argparse.Namespace) -> int:
    """Upgrade a store written before sealing; its administrator is created here."""
    from argon2 import PasswordHasher

    from scoring.assessment.migrate import migrate_store
    from simulator.engine.clock import stamp
    from simulator.system_clock import SystemClock

    text, say = TEXT[args.lang], _SAY[args.lang]
    path = store_path(args)
    if not isinstance(path, Path):  # a server store is created at the current schema version
        return _run(args, lambda _desk, _text: print(say["current"].format(path), file=sys.stderr) or 0)
    if not path.is_file():
        return _fail(text, text["no_store"].format(path), 2)
    try:
        passphrase = read_passphrase(args, args.admin, confirm=True, admin=True)
    except _Unread as exc:
        return _fail(text, str(exc) or text["unread"].format("--passphrase-stdin"))
    try:
        entry = migrate_store(path, stamp(SystemClock().now()), args.admin, passphrase, keys=key_ring(args),
                              hasher=PasswordHasher())
    except desk_errors() as exc:
        return _fail(text, *desk_failure(exc, args.lang))
    if entry is None:
        print(say["current"].format(path), file=sys.stderr)
        return 0
    print(say["migrated"].format(path=path, audit=entry.payload["unsigned_until"],
                                 grilles=entry.payload["grilles_until"], name=entry.assessor))
    return 0


def cmd_store_copy(args: argparse.Namespace) -> int:
    """Copy a SQLite store onto an empty PostgreSQL store; exit 1 if any chain fails to verify there."""
    from scoring.store_copy import NotEmpty, copy_store
    from simulator.journal.location import PostgresUrl, store_location

    text, say = TEXT[args.lang], _SAY[args.lang]
    source, target = store_location(args.source), store_location(args.target)
    if not isinstance(source, Path) or not isinstance(target, PostgresUrl):
        return _fail(text, say["copy_kinds"], 2)
    if not source.is_file():
        return _fail(text, text["no_store"].format(source), 2)
    try:
        report = copy_store(source, target)
    except NotEmpty as exc:
        return _fail(text, say["not_empty"].format(exc.args[0]), 1)
    except desk_errors() as exc:
        return _fail(text, *desk_failure(exc, args.lang))
    if report.problems:
        print(say["copy_failed"].format(len(report.problems)), file=sys.stderr)
        for problem in report.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print(say["copied"].format(target=target, sessions=report.sessions, events=report.events,
                               grilles=report.grilles, audit=report.audit))
    return 0
