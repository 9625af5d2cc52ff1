"""Tables kept beside the journal on a PostgreSQL store (grilles, assessors, audit): one connection, one way to write.

The PostgreSQL twin of ``SideTables``: the tables are created on first use with the same append-only
guarantees as the journal's (triggers refusing UPDATE, DELETE and TRUNCATE, the privileges revoked,
a chain trigger on inserts), and each write runs in one transaction that first takes a
transaction-level advisory lock named after the chain, so two processes append one after the other.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from simulator.journal import pg_schema
from simulator.journal.location import PostgresUrl
from simulator.journal.pg_store import connect


class PgTables:
    """A locked connection to the store, creating ``tables`` (``schema``, ``triggers``) on first use."""

    def __init__(
        self,
        location: PostgresUrl,
        tables: tuple[str, ...],
        schema: Iterable[str],
        triggers: dict[str, tuple[str, str]],
    ) -> None:
        self.location = self.path = location
        self.lock = threading.RLock()
        self.conn = connect(location)
        try:
            with self.conn.transaction():
                cur = self.conn.cursor()
                cur.execute("SELECT pg_advisory_xact_lock(hashtext('callsim:schema'))")
                missing = [
                    t
                    for t in tables
                    if cur.execute("SELECT to_regclass(%s)", (t,)).fetchone()[0] is None
                ]
                if missing:
                    for ddl in (pg_schema.REFUSE_FUNCTION, *schema):
                        cur.execute(ddl)
                    pg_schema.create_triggers(cur, triggers)
                    for ddl in pg_schema.append_only_ddl(tables):
                        cur.execute(ddl)
            with self.conn.transaction():
                pg_schema.check_append_only(self.conn, str(location), tables, triggers)
        except BaseException:
            self.conn.close()
            raise

    #: How the rows' creation order is named in a query (an identity column: PostgreSQL has no rowid).
    ORDER = "ord"

    @staticmethod
    def sql(text: str) -> str:
        """A query written with ``?`` placeholders, as psycopg takes it (``%s``); the queries hold no other ``?``."""
        return text.replace("?", "%s")

    @contextmanager
    def transaction(self, chain: str) -> Iterator[Any]:
        """One transaction under the lock, serialised with every other writer of ``chain``."""
        with self.lock, self.conn.transaction():
            self.conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))", ("callsim:chain:" + chain,)
            )
            yield self.conn

    def fetch(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self.lock:
            rows: list[Any] = self.conn.execute(self.sql(sql), params).fetchall()
            return rows

    def close(self) -> None:
        with self.lock:
            self.conn.close()


def chain_function(name: str, table: str, key: str, link: str, genesis: str) -> str:
    """A trigger function refusing a row that is not the next ``key`` or does not link to the last ``link``."""
    return f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_key BIGINT;
    last_link TEXT;
BEGIN
    SELECT {key}, {link} INTO last_key, last_link FROM {table} ORDER BY {key} DESC LIMIT 1;
    IF NEW.{key} <> COALESCE(last_key, 0) + 1 OR NEW.prev_hash IS DISTINCT FROM COALESCE(last_link, '{genesis}') THEN
        RAISE EXCEPTION 'callsim: row % of {table} does not follow its chain', NEW.{key}
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$"""


def append_only_triggers(table: str) -> dict[str, tuple[str, str]]:
    """The two refusing triggers of an append-only table."""
    return {
        f"{table}_no_change": (
            table,
            (
                f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION callsim_append_only()"
            ),
        ),
        f"{table}_no_truncate": (
            table,
            (
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION callsim_append_only()"
            ),
        ),
    }
