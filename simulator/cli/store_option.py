"""The ``--store`` and ``--keys`` options the journal and assessor commands share, and what they name.

``--keys`` is the folder of the encrypted signing keys: ``$CALLSIM_KEYS`` when set, else ``keys`` in
the user data folder (``platformdirs``; ``~/.local/share/callsim/keys`` on Linux).

Without ``--store``, the journal database is ``$CALLSIM_STORE`` when that variable is set, else
``$XDG_DATA_HOME/callsim/callsim.sqlite3`` (``~/.local/share/callsim/callsim.sqlite3`` when
``XDG_DATA_HOME`` is unset): see ``simulator.journal.paths.default_store_path``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from simulator.i18n import N_


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--store CHEMIN`` to a sub-command."""
    parser.add_argument(
        "--store",
        metavar=N_("PATH|URL"),
        help=N_(
            "journal store: a SQLite file or postgresql://… (default: $CALLSIM_STORE or $XDG_DATA_HOME/callsim/callsim.sqlite3)"
        ),
    )


def store_path(args: argparse.Namespace) -> Path:
    """The journal database ``--store`` names (a file, or a ``PostgresUrl`` for ``postgresql://…``), else the default."""
    from simulator.journal.location import store_location
    from simulator.journal.paths import default_store_path

    return store_location(args.store) if args.store else default_store_path()  # type: ignore[return-value]


def add_keys_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--keys DOSSIER`` to a sub-command that signs or unlocks keys."""
    parser.add_argument(
        "--keys",
        metavar=N_("FOLDER"),
        help=N_(
            "folder of the encrypted signing keys (default: $CALLSIM_KEYS or the user's data folder)"
        ),
    )


def key_ring(args: argparse.Namespace) -> Any:
    """The key ring in ``--keys``, else the default folder."""
    from scoring.assessment.keys import KeyRing, default_keys_folder

    folder = getattr(args, "keys", None)
    return KeyRing(Path(folder) if folder else default_keys_folder())
