"""Reaching the review desk from a command: open it on ``--store``, read a passphrase, act, and turn
every refusal into a message in the chosen language and an exit code (1 refused, 2 unusable input).

The assessors' commands (``assessor_cmd``, ``assessor_accounts_cmd``), the store's (``store_cmd``) and the
centre's (``centre_cmd``) share these, and the options every desk command takes (``_common``, ``_acting``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from simulator.cli.assessor_views import TEXT as _TEXT
from simulator.cli.desk_errors import desk_errors, desk_failure
from simulator.cli.language import FR_EN
from simulator.cli.store_option import add_keys_option, add_store_option, key_ring, store_path

#: Where a script may give the acting assessor's passphrase (after ``--passphrase-stdin``).
PASSPHRASE_ENV = "CALLSIM_ASSESSOR_PASSPHRASE"


def _run(
    args: argparse.Namespace, act: Callable[[Any, dict[str, Any]], int], *, create: bool = False
) -> int:
    """Open the desk on ``--store``, run ``act(desk, texts)``, turn every refusal into a message and an exit code."""
    from scoring.assessment.desk import ReviewDesk
    from simulator.system_clock import SystemClock

    text = _TEXT[args.lang]
    path = store_path(args)
    if not create and not path.is_file():
        return _fail(text, text["no_store"].format(path), 2)
    try:
        with ReviewDesk.open(path, SystemClock(), create=create, keys=key_ring(args)) as desk:
            return act(desk, text)
    except desk_errors() as exc:
        return _fail(text, *desk_failure(exc, args.lang))


def _fail(text: dict[str, Any], message: str, code: int = 1) -> int:
    print(text["error"].format(message), file=sys.stderr)
    return code


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
    text = _TEXT[args.lang]
    try:
        first = getpass.getpass(text["admin_prompt" if admin else "prompt"].format(name))
        if confirm and getpass.getpass(text["again"]) != first:
            raise _Unread(text["mismatch"])
    except (EOFError, OSError, KeyboardInterrupt) as exc:
        raise _Unread() from exc
    return first


def _as_assessor(args: argparse.Namespace, act: Callable[[Any, str, dict[str, Any]], int]) -> int:
    """Read the passphrase, log in, then ``act(desk, name, texts)``."""
    text = _TEXT[args.lang]
    try:
        passphrase = read_passphrase(args, args.assessor)
    except _Unread as exc:
        return _fail(text, str(exc) or text["unread"].format(PASSPHRASE_ENV))
    return _run(args, lambda desk, text: act(desk, desk.login(args.assessor, passphrase), text))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _common(parser: argparse.ArgumentParser, *, passphrase: bool = False) -> None:
    add_store_option(parser)
    add_keys_option(parser)
    parser.set_defaults(speaks=FR_EN)  # Dutch: French until these texts are in the cli catalog
    if passphrase:
        parser.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="lire la phrase secrète sur l'entrée standard (une ligne)",
        )


def _acting(parser: argparse.ArgumentParser, handler: Callable[[argparse.Namespace], int]) -> None:
    parser.add_argument("--assessor", required=True, metavar="NOM", help="votre nom d'évaluateur")
    _common(parser, passphrase=True)
    parser.epilog = (
        f"Phrase secrète : --passphrase-stdin, sinon la variable {PASSPHRASE_ENV}, "
        "sinon elle est demandée au terminal."
    )
    parser.set_defaults(handler=handler)
