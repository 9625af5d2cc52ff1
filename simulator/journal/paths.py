"""Where the journal database lives by default (``CALLSIM_STORE`` or the user data folder, with platformdirs)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: Environment variable that overrides the store location.
STORE_ENV = "CALLSIM_STORE"

#: File name of the SQLite journal inside the data directory.
STORE_FILENAME = "callsim.sqlite3"


def default_store_path(environ: Mapping[str, str] | None = None) -> Path:
    """Return ``$CALLSIM_STORE`` or ``<user data folder>/callsim/callsim.sqlite3`` (platformdirs).

    The user data folder is the platform's (``$XDG_DATA_HOME``, else ``~/.local/share`` on Linux),
    as for the keys and the technical log. A store kept at ``~/.local/share/callsim`` by an earlier
    version on another platform is still found there while the new place holds none. A
    ``postgresql://…`` value comes back as a ``PostgresUrl`` (a centre's shared server). Nothing is
    created here: the store creates parent directories on open.
    """
    env = os.environ if environ is None else environ
    explicit = env.get(STORE_ENV, "").strip()
    if explicit:
        from simulator.journal.location import store_location

        return store_location(explicit)  # type: ignore[return-value]
    from platformdirs import user_data_path

    store = user_data_path("callsim", appauthor=False) / STORE_FILENAME
    earlier = Path.home() / ".local" / "share" / "callsim" / STORE_FILENAME
    return earlier if not store.exists() and earlier.exists() else store


def lock_dir_for(db_path: Path) -> Path:
    """Directory of the per-session lock files: ``<db path>.locks``."""
    return db_path.with_name(db_path.name + ".locks")
