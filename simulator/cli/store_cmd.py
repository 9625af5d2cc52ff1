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

from simulator.cli.assessor_cmd import _fail, _run, _Unread, _usage, read_passphrase, unread
from simulator.cli.desk_errors import desk_errors, desk_failure
from simulator.cli.language import command_help, translator
from simulator.cli.store_option import add_keys_option, add_store_option, key_ring, store_path
from simulator.i18n import N_, Translator


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``store init`` and ``store migrate``."""
    store = subparsers.add_parser(
        "store",
        help=command_help("store"),
        description=N_("The store: journal, grilles, accounts and signed audit log."),
    )
    store.set_defaults(handler=lambda _args: _usage(store))
    actions = store.add_subparsers(dest="store_command", metavar="ACTION")
    init = actions.add_parser(
        "init",
        help=N_("create the store and its first administrator"),
        description=N_(
            "Creates the store and its administrator (passphrase twice) with the centre's key; the administrator then registers the assessors."
        ),
    )
    migrate = actions.add_parser(
        "migrate",
        help=N_("upgrade a store from before sealing"),
        description=N_(
            "Chains the existing grilles, adds the signatures and creates the administrator; what came before is marked « before sealing »."
        ),
    )
    for parser, handler in ((init, cmd_store_init), (migrate, cmd_store_migrate)):
        parser.add_argument(
            "admin", metavar="ADMIN", help=N_("the administrator's name (2 to 40 characters)")
        )
        add_store_option(parser)
        add_keys_option(parser)
        parser.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help=N_("read the passphrase on standard input (one line)"),
        )
        parser.set_defaults(handler=handler)
    copy = actions.add_parser(
        "copy",
        help=N_("copy a SQLite store to a PostgreSQL server"),
        description=N_(
            "Copies journals, grilles, accounts and audit as they are, then verifies every chain on the server."
        ),
    )
    copy.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar=N_("sqlite:FILE"),
        help=N_("the SQLite store"),
    )
    copy.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="postgresql://…",
        help=N_("the PostgreSQL store"),
    )
    copy.set_defaults(handler=cmd_store_copy)


def cmd_store_init(args: argparse.Namespace) -> int:
    """Create the store (if missing) and its first administrator."""
    from scoring.assessment.keys import fingerprint
    from simulator.private_files import create_private

    t = translator(args.lang)
    try:
        passphrase = read_passphrase(args, args.admin, confirm=True, admin=True)
    except _Unread as exc:
        return _fail(t, unread(t, exc, "--passphrase-stdin"))
    path = store_path(args)
    if isinstance(path, Path):
        create_private(path)

    def init(desk: Any, t: Translator) -> int:
        entry = desk.init_store(args.admin, passphrase)
        print(
            t(
                "Store created: {path}. Administrator: {name} (key {key}, centre key {centre}) — write these "
                "fingerprints down away from the machine.",
                path=path,
                name=entry.payload["name"],
                key=fingerprint(entry.payload["public_key"]),
                centre=fingerprint(entry.payload["centre_key"]),
            )
        )
        return 0

    return _run(args, init, create=True)


def cmd_store_migrate(args: argparse.Namespace) -> int:
    """Upgrade a store written before sealing; its administrator is created here."""
    from argon2 import PasswordHasher

    from scoring.assessment.migrate import migrate_store
    from simulator.engine.clock import stamp
    from simulator.system_clock import SystemClock

    t = translator(args.lang)
    path = store_path(args)
    current = t("The store {path} is already up to date: nothing to do.", path=path)
    if not isinstance(path, Path):  # a server store is created at the current schema version
        return _run(args, lambda _desk, _t: print(current, file=sys.stderr) or 0)
    if not path.is_file():
        return _fail(
            t, t("journal not found: {path} (simulate or sit an épreuve first).", path=path), 2
        )
    try:
        passphrase = read_passphrase(args, args.admin, confirm=True, admin=True)
    except _Unread as exc:
        return _fail(t, unread(t, exc, "--passphrase-stdin"))
    try:
        entry = migrate_store(
            path,
            stamp(SystemClock().now()),
            args.admin,
            passphrase,
            keys=key_ring(args),
            hasher=PasswordHasher(),
        )
    except desk_errors() as exc:
        return _fail(t, *desk_failure(exc, args.lang))
    if entry is None:
        print(current, file=sys.stderr)
        return 0
    print(
        t(
            "Store upgraded: {path}. Audit entries 1 to {audit} and grilles 1 to {grilles} marked « before sealing »; "
            "administrator: {name}.",
            path=path,
            audit=entry.payload["unsigned_until"],
            grilles=entry.payload["grilles_until"],
            name=entry.assessor,
        )
    )
    return 0


def cmd_store_copy(args: argparse.Namespace) -> int:
    """Copy a SQLite store onto an empty PostgreSQL store; exit 1 if any chain fails to verify there."""
    from scoring.store_copy import NotEmpty, copy_store
    from simulator.journal.location import PostgresUrl, store_location

    t = translator(args.lang)
    source, target = store_location(args.source), store_location(args.target)
    if not isinstance(source, Path) or not isinstance(target, PostgresUrl):
        return _fail(t, t("--from must name a SQLite file and --to a postgresql://… server"), 2)
    if not source.is_file():
        return _fail(
            t, t("journal not found: {path} (simulate or sit an épreuve first).", path=source), 2
        )
    try:
        report = copy_store(source, target)
    except NotEmpty as exc:
        return _fail(
            t,
            t(
                "the target store already holds data (table {table}): a copy never merges; give an empty "
                "database.",
                table=exc.args[0],
            ),
            1,
        )
    except desk_errors() as exc:
        return _fail(t, *desk_failure(exc, args.lang))
    if report.problems:
        print(
            t.n(
                "copy verified with {n} problem:",
                "copy verified with {n} problems:",
                len(report.problems),
            ),
            file=sys.stderr,
        )
        for problem in report.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print(
        t(
            "Copied to {target}: {sessions}, {events}, {grilles}, {audit}; every chain verified on the server.",
            target=target,
            sessions=t.n("{n} session", "{n} sessions", report.sessions),
            events=t.n("{n} event", "{n} events", report.events),
            grilles=t.n("{n} grille", "{n} grilles", report.grilles),
            audit=t.n("{n} audit entry", "{n} audit entries", report.audit),
        )
    )
    return 0
