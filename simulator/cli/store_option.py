"""The ``--store`` option the journal commands share, and the store it names.

Without ``--store``, the journal database is ``$CALLSIM_STORE`` when that variable is set, else
``$XDG_DATA_HOME/callsim/callsim.sqlite3`` (``~/.local/share/callsim/callsim.sqlite3`` when
``XDG_DATA_HOME`` is unset): see ``simulator.journal.paths.default_store_path``.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--store CHEMIN`` to a sub-command."""
    parser.add_argument("--store", metavar="CHEMIN", help="base du journal (par défaut : $CALLSIM_STORE ou "
                                                          "$XDG_DATA_HOME/callsim/callsim.sqlite3)")


def store_path(args: argparse.Namespace) -> Path:
    """The journal database ``--store`` names, else the default one."""
    from simulator.journal.paths import default_store_path

    return Path(args.store) if args.store else default_store_path()
