"""Where the journal database lives by default (``CALLSIM_STORE`` or the XDG data directory)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: Environment variable that overrides the store location.
STORE_ENV = "CALLSIM_STORE"

#: File name of the SQLite journal inside the data directory.
STORE_FILENAME = "callsim.sqlite3"


def default_store_path(environ: Mapping[str, str] | None = None) -> Path:
    """Return ``$CALLSIM_STORE`` or ``$XDG_DATA_HOME/callsim/callsim.sqlite3``.

    A ``postgresql://…`` value comes back as a ``PostgresUrl`` (a centre's shared server).

    ``XDG_DATA_HOME`` defaults to ``~/.local/share`` (and, per the XDG spec, a relative
    value is ignored). Nothing is created here: the store creates parent directories on open.
    """
    env = os.environ if environ is None else environ
    explicit = env.get(STORE_ENV, "").strip()
    if explicit:
        from simulator.journal.location import store_location

        return store_location(explicit)  # type: ignore[return-value]
    xdg = env.get("XDG_DATA_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "callsim" / STORE_FILENAME


def lock_dir_for(db_path: Path) -> Path:
    """Directory of the per-session lock files: ``<db path>.locks``."""
    return db_path.with_name(db_path.name + ".locks")
