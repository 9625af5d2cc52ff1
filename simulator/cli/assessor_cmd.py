"""``callsim assessor | override | mark-reviewed | sign | reopen | confirm-text | audit | sessions``: the assessors' side for scripting.

Every rule lives in ``scoring.assessment.desk.ReviewDesk``: these commands read the arguments and
the passphrase, call the desk and print its answer (the acts, the audit and the sessions list are
in ``assessor_acts``; the accounts and how every command reaches the desk are here). A refusal exits 1 with the desk's message in the
chosen language; an unknown session, a missing store or a bad filter exits 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from simulator.cli.desk_errors import desk_errors, desk_failure
from simulator.cli.language import command_help, translator
from simulator.cli.store_option import add_keys_option, add_store_option, key_ring, store_path
from simulator.i18n import N_, Translator
from simulator.i18n.elision import with_names

#: Where a script may give the acting assessor's passphrase (after ``--passphrase-stdin``).
PASSPHRASE_ENV = "CALLSIM_ASSESSOR_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``assessor``, ``override``, ``mark-reviewed``, ``sign``, ``reopen``, ``confirm-text``, ``audit`` and ``sessions``."""
    from simulator.cli import (
        assessor_acts as acts,
    )  # the acts' handlers, which run through this module

    _register_accounts(subparsers)

    override = subparsers.add_parser(
        "override",
        help=command_help("override"),
        description=N_(
            "Overrides a competency's automatic verdict. The reason is required; the automatic verdict stays visible beside it; the act is written to the audit log."
        ),
    )
    override.add_argument("session", metavar=N_("SESSION"), help=N_("the session's id"))
    override.add_argument(
        "competency", metavar=N_("COMPETENCY"), help=N_("competency code (e.g. 01.09)")
    )
    override.add_argument("--verdict", required=True, metavar="OK|NOK", help=N_("new verdict"))
    override.add_argument(
        "--reason", required=True, metavar=N_("TEXT"), help=N_("written reason (required)")
    )
    _acting(override, acts.cmd_override)

    mark = subparsers.add_parser(
        "mark-reviewed",
        help=command_help("mark-reviewed"),
        description=N_("You vouch for the session's grille (scored or already reviewed)."),
    )
    mark.add_argument("session", metavar=N_("SESSION"), help=N_("the session's id"))
    _acting(mark, acts.cmd_mark_reviewed)

    sign = subparsers.add_parser(
        "sign",
        help=command_help("sign"),
        description=N_(
            "Signs a reviewed session; refused while a competency is still « not observed ». A signed session no longer changes unless it is re-opened."
        ),
    )
    sign.add_argument("session", metavar=N_("SESSION"), help=N_("the session's id"))
    _acting(sign, acts.cmd_sign)

    reopen = subparsers.add_parser(
        "reopen",
        help=command_help("reopen"),
        description=N_(
            "Re-opens a signed session so that it can be changed; the reason is written to the audit log."
        ),
    )
    reopen.add_argument("session", metavar=N_("SESSION"), help=N_("the session's id"))
    reopen.add_argument(
        "--reason", required=True, metavar=N_("TEXT"), help=N_("written reason (required)")
    )
    _acting(reopen, acts.cmd_reopen)
    _register_confirm_audit_sessions(subparsers)


def _register_confirm_audit_sessions(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``confirm-text``, ``audit`` and ``sessions``."""
    from simulator.cli import assessor_acts as acts

    confirm = subparsers.add_parser(
        "confirm-text",
        help=command_help("confirm-text"),
        description=N_(
            "Confirms or corrects the automatic « to confirm » judgement of a typed text (a journal event); a session cannot be signed while a text is waiting."
        ),
    )
    confirm.add_argument("session", metavar=N_("SESSION"), help=N_("the session's id"))
    confirm.add_argument(
        "event", metavar=N_("EVENT"), type=int, help=N_("number of the text's event (seq)")
    )
    decided = confirm.add_mutually_exclusive_group(required=True)
    decided.add_argument(
        "--met", dest="met", action="store_true", help=N_("the text meets the check")
    )
    decided.add_argument(
        "--not-met", dest="met", action="store_false", help=N_("the text does not meet it")
    )
    confirm.add_argument(
        "--rule", metavar=N_("RULE"), help=N_("one check only (e.g. text:recap/recap-date)")
    )
    confirm.add_argument(
        "--reason", metavar=N_("TEXT"), help=N_("written reason (required to correct the machine)")
    )
    _acting(confirm, acts.cmd_confirm_text)

    audit = subparsers.add_parser(
        "audit",
        help=command_help("audit"),
        description=N_("The assessors' audit log, chained by SHA-256 hashes."),
    )
    audit.set_defaults(handler=lambda _args: _usage(audit))
    audit_actions = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    verify = audit_actions.add_parser(
        "verify",
        help=N_("verify the audit chain"),
        description=N_("Recomputes the chain and names the first faulty entry."),
    )
    _common(verify)
    verify.set_defaults(handler=acts.cmd_audit_verify)
    show = audit_actions.add_parser(
        "show",
        help=N_("show the audit entries (who, when, what, why)"),
        description=N_("Shows the audit log, or one session's part of it."),
    )
    show.add_argument("session", nargs="?", metavar=N_("SESSION"), help=N_("only this session"))
    _common(show)
    show.set_defaults(handler=acts.cmd_audit_show)

    _register_sessions(subparsers)


def _register_sessions(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``sessions``."""
    from scoring.assessment.model import STATUSES
    from simulator.cli import assessor_acts as acts

    sessions = subparsers.add_parser(
        "sessions",
        help=command_help("sessions"),
        description=N_(
            "Every session of the journal, scored or not: status (to_score, scored, reviewed, signed), automatic and final verdicts, overrides."
        ),
    )
    sessions.add_argument(
        "--epreuve", metavar=N_("ÉPREUVE"), help=N_("only this épreuve (e.g. practice)")
    )
    sessions.add_argument("--status", choices=STATUSES, help=N_("only this status"))
    sessions.add_argument(
        "--since", metavar=N_("YYYY-MM-DD"), help=N_("sessions started on that day or later")
    )
    sessions.add_argument(
        "--until", metavar=N_("YYYY-MM-DD"), help=N_("sessions started on that day or earlier")
    )
    _common(sessions)
    sessions.set_defaults(handler=acts.cmd_sessions)


def _register_accounts(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``assessor add | remove | list``."""
    assessor = subparsers.add_parser(
        "assessor",
        help=command_help("assessor"),
        description=N_(
            "The assessors' personal accounts; the passphrase is kept only as an argon2id hash."
        ),
    )
    assessor.set_defaults(handler=lambda _args: _usage(assessor))
    accounts = assessor.add_subparsers(dest="assessor_command", metavar="ACTION")
    add = accounts.add_parser(
        "add",
        help=N_("register an assessor (administrator required)"),
        description=N_(
            "An administrator (created by « callsim store init ») registers an assessor: the administrator's passphrase, then the assessor's (at least 12 characters) twice on the terminal — or one line each on standard input. An Ed25519 key pair is created; the private key, encrypted, goes into the keys folder; the registration is signed by the administrator."
        ),
    )
    add.add_argument(
        "name", metavar=N_("NAME"), help=N_("the assessor's name (2 to 40 characters)")
    )
    add.add_argument(
        "--admin",
        required=True,
        metavar="ADMIN",
        help=N_("name of the administrator who registers"),
    )
    _common(add, passphrase=True)
    add.set_defaults(handler=cmd_assessor_add)
    remove = accounts.add_parser(
        "remove",
        help=N_("withdraw an assessor (administrator required)"),
        description=N_(
            "Withdraws an assessor: they can no longer act; their past signatures stay verifiable."
        ),
    )
    remove.add_argument("name", metavar=N_("NAME"), help=N_("the assessor's name"))
    remove.add_argument(
        "--admin", required=True, metavar="ADMIN", help=N_("the administrator's name")
    )
    _common(remove, passphrase=True)
    remove.set_defaults(handler=cmd_assessor_remove)
    listing = accounts.add_parser(
        "list", help=N_("list the assessor accounts"), description=N_("Lists the accounts.")
    )
    _common(listing)
    listing.set_defaults(handler=cmd_assessor_list)


def _common(parser: argparse.ArgumentParser, *, passphrase: bool = False) -> None:
    add_store_option(parser)
    add_keys_option(parser)
    if passphrase:
        parser.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help=N_("read the passphrase on standard input (one line)"),
        )


def _acting(parser: argparse.ArgumentParser, handler: Callable[[argparse.Namespace], int]) -> None:
    parser.add_argument(
        "--assessor", required=True, metavar=N_("NAME"), help=N_("your assessor name")
    )
    _common(parser, passphrase=True)
    parser.epilog = N_(
        "Passphrase: --passphrase-stdin, else the CALLSIM_ASSESSOR_PASSPHRASE variable, else it is "
        "asked on the terminal."
    )
    parser.set_defaults(handler=handler)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# -- running a command against the desk -----------------------------------------------------------


def _run(
    args: argparse.Namespace, act: Callable[[Any, Translator], int], *, create: bool = False
) -> int:
    """Open the desk on ``--store``, run ``act(desk, t)``, turn every refusal into a message and an exit code."""
    from scoring.assessment.desk import ReviewDesk
    from simulator.system_clock import SystemClock

    t = translator(args.lang)
    path = store_path(args)
    if not create and not path.is_file():
        return _fail(
            t, t("journal not found: {path} (simulate or sit an épreuve first).", path=path), 2
        )
    try:
        with ReviewDesk.open(path, SystemClock(), create=create, keys=key_ring(args)) as desk:
            return act(desk, t)
    except desk_errors() as exc:
        return _fail(t, *desk_failure(exc, args.lang))


def _fail(t: Translator, message: str, code: int = 1) -> int:
    print(t("Error: {message}", message=message), file=sys.stderr)
    return code


def unread(t: Translator, exc: Exception, variable: str = PASSPHRASE_ENV) -> str:
    """Why the passphrase could not be read: what ``exc`` says, else where to give it."""
    return str(exc) or t(
        "passphrase not read (use --passphrase-stdin or the {variable} variable).",
        variable=variable,
    )


class _Unread(Exception):
    """The passphrase could not be read (no terminal, end of input, interrupted)."""


def read_passphrase(
    args: argparse.Namespace, name: str, *, confirm: bool = False, admin: bool = False
) -> str:
    """``--passphrase-stdin`` (one line), else ``$CALLSIM_ASSESSOR_PASSPHRASE`` (an assessor acting), else the terminal."""
    import getpass

    if args.passphrase_stdin:
        line = sys.stdin.readline()
        if not line:
            raise _Unread()
        return line.rstrip("\r\n")
    if not confirm and not admin and os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    t = translator(args.lang)
    prompt = (
        t("Passphrase of the administrator {name}: ", name=name)
        if admin
        else with_names(t("Passphrase of {name}: "), args.lang, name=name)
    )
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass(t("Once more, to confirm: ")) != first:
            raise _Unread(t("the two passphrases differ; nothing is created."))
    except (EOFError, OSError, KeyboardInterrupt) as exc:
        raise _Unread() from exc
    return first


def _as_assessor(args: argparse.Namespace, act: Callable[[Any, str, Translator], int]) -> int:
    """Read the passphrase, log in, then ``act(desk, name, t)``."""
    try:
        passphrase = read_passphrase(args, args.assessor)
    except _Unread as exc:
        t = translator(args.lang)
        return _fail(t, unread(t, exc))
    return _run(args, lambda desk, t: act(desk, desk.login(args.assessor, passphrase), t))


# -- accounts -------------------------------------------------------------------------------------


def cmd_assessor_add(args: argparse.Namespace) -> int:
    """Register an assessor: the administrator's passphrase, then the assessor's (twice on a terminal)."""
    t = translator(args.lang)
    if not store_path(args).is_file():
        return _fail(
            t,
            t(
                "store not found: {path} (create it with « callsim store init ADMIN »).",
                path=store_path(args),
            ),
            2,
        )
    try:
        admin_passphrase = read_passphrase(args, args.admin, admin=True)
        passphrase = read_passphrase(args, args.name, confirm=True)
    except _Unread as exc:
        return _fail(t, unread(t, exc))

    def add(desk: Any, t: Translator) -> int:
        desk.login_admin(args.admin, admin_passphrase)
        entry = desk.add_assessor(args.admin, args.name, passphrase)
        print(t("Assessor registered: {name}.", name=entry.payload["name"]))
        return 0

    return _run(args, add)


def cmd_assessor_remove(args: argparse.Namespace) -> int:
    """Withdraw an assessor (their past signatures stay verifiable)."""
    try:
        admin_passphrase = read_passphrase(args, args.admin, admin=True)
    except _Unread as exc:
        t = translator(args.lang)
        return _fail(t, unread(t, exc))

    def remove(desk: Any, t: Translator) -> int:
        desk.login_admin(args.admin, admin_passphrase)
        entry = desk.remove_assessor(args.admin, args.name)
        print(
            t(
                "Assessor removed: {name} (their past signatures stay verifiable).",
                name=entry.payload["name"],
            )
        )
        return 0

    return _run(args, remove)


def cmd_assessor_list(args: argparse.Namespace) -> int:
    """Print the assessors' names, one per line."""

    def listing(desk: Any, t: Translator) -> int:
        names = desk.assessor_names()
        for name in names:
            print(name)
        if not names:
            print(
                t("No assessor account: create one with callsim assessor add NAME."),
                file=sys.stderr,
            )
        return 0

    return _run(args, listing)
