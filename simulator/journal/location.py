"""Where a store is: a SQLite file path, or a PostgreSQL server named by its URL (``postgresql://…``).

``--store`` and ``$CALLSIM_STORE`` take either. ``store_location`` turns the text into a ``Path``
(SQLite, the default; ``sqlite:PATH`` is accepted too) or a ``PostgresUrl``, which answers the few
questions the commands ask of a path (``is_file()``: a server is checked when it is connected to) and
prints without its password.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

_SCHEMES = ("postgresql://", "postgres://")


class PostgresUrl:
    """A PostgreSQL store named by its connection URL (libpq syntax)."""

    def __init__(self, url: str) -> None:
        self.url = url.strip()

    def is_file(self) -> bool:
        """Always true: whether the server answers is known on connecting (with a clear message)."""
        return True

    def masked(self) -> str:
        """The URL with its password replaced by ``***`` (what messages and logs show)."""
        parts = urlsplit(self.url)
        if parts.password is None:
            return self.url
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))

    def __str__(self) -> str:
        return self.masked()

    def __repr__(self) -> str:
        return f"PostgresUrl({self.masked()!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PostgresUrl) and other.url == self.url

    def __hash__(self) -> int:
        return hash(self.url)


StoreLocation = Path | PostgresUrl


def is_postgres(text: object) -> bool:
    """True when ``text`` names a PostgreSQL store."""
    return isinstance(text, PostgresUrl) or (
        isinstance(text, str) and text.strip().lower().startswith(_SCHEMES)
    )


def store_location(text: str | Path | PostgresUrl) -> StoreLocation:
    """The store ``text`` names: a ``PostgresUrl`` for ``postgresql://…``, else a file path."""
    if isinstance(text, PostgresUrl | Path):
        return text
    if is_postgres(text):
        return PostgresUrl(text)
    if text.startswith("sqlite:"):
        text = text.removeprefix("sqlite:").removeprefix("//")
    return Path(text).expanduser()
