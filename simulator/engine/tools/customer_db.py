"""The candidate's customer database: seeded SQLite store with search, edits and change log."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from simulator.engine.belgian_places import fold, is_valid_pair, place_for_postcode
from simulator.engine.messages import Joined
from simulator.engine.personas import Persona, make_reference
from simulator.engine.tools.customer_records import (
    COLUMNS,
    EDITABLE,
    RECORD_FIELDS,
    Change,
    Record,
    RecordSummary,
    label,
)
from simulator.engine.tools.customer_search import (
    SEARCH_COLUMNS,
    Query,
    match_notes,
    match_record,
    matches_reference,
    reference_key,
)
from simulator.engine.tools.customer_seed import seeded_rows
from simulator.engine.tools.customer_values import validate, validate_status
from simulator.engine.tools.errors import InvalidValue, UnknownRecord
from simulator.i18n import Message

SNAPSHOT_FORMAT = "callsim.customer_db/1"
_UNTRACKED = ("record_id", "role", "updated_on")
_SUMMARY = ", ".join(f.name for f in RecordSummary.__dataclass_fields__.values())
_TRACKED = [c for c in COLUMNS if c not in _UNTRACKED]
_ID, _ROLE = COLUMNS.index("record_id"), COLUMNS.index("role")
_CHANGED_ROWS = (
    f"SELECT {', '.join(f'r.{c}' for c in COLUMNS)}, {', '.join(f'i.{c}' for c in COLUMNS)} "
    "FROM records AS r LEFT JOIN initial AS i ON i.record_id = r.record_id "
    f"WHERE i.record_id IS NULL OR {' OR '.join(f'r.{c} IS NOT i.{c}' for c in _TRACKED)} ORDER BY r.record_id"
)
#: Seeded databases kept to be copied (a few dozen kilobytes each): far more than the contacts of an épreuve.
SEEDED_TEMPLATES_KEPT = 256


def _connect(path: str = ":memory:") -> sqlite3.Connection:
    return sqlite3.connect(path, check_same_thread=False)


def _fill(
    db: sqlite3.Connection, rows: list[dict[str, str]], initial: list[dict[str, str]]
) -> None:
    cols = ", ".join(f"{c} TEXT NOT NULL" for c in COLUMNS)
    for table, content in (("records", rows), ("initial", initial)):
        db.execute(f"CREATE TABLE {table} ({cols}, PRIMARY KEY (record_id))")
        db.executemany(
            f"INSERT INTO {table} VALUES ({', '.join('?' * len(COLUMNS))})",
            [tuple(r[c] for c in COLUMNS) for r in content],
        )
    db.commit()


@lru_cache(maxsize=SEEDED_TEMPLATES_KEPT)
def _seeded_template(
    seed: int,
    target: Persona,
    target_overrides: tuple[tuple[str, str], ...],
    lookalikes: int,
    duplicates: int,
    outdated: int,
    background: int,
    today: date,
    match: tuple[str, ...] = (),
    extra: tuple[Any, ...] = (),
) -> sqlite3.Connection:
    """The seeded database for these arguments, generated once; it is only ever read, to be copied."""
    rows = seeded_rows(
        seed,
        target=target,
        target_overrides=dict(target_overrides),
        lookalikes=lookalikes,
        duplicates=duplicates,
        outdated=outdated,
        background=background,
        today=today,
        match=match,
        extra=extra,
    )
    template = _connect()
    _fill(template, rows, [dict(r) for r in rows])
    return template


class CustomerDatabase:
    """A real in-memory SQLite customer database; the engine knows each record's role."""

    def __init__(self, connection: sqlite3.Connection, *, seed: int, today: date) -> None:
        """Wrap a connection that holds the ``records`` and ``initial`` tables (``build``, ``from_rows``)."""
        self.seed, self.today = seed, today
        self._db = connection
        self._db.create_function("fold", 1, fold, deterministic=True)
        #: Numbers that find a record besides its own columns (an order, a contract): compact form → role.
        self._references: dict[str, str] = {}
        #: scenario/1.1 ``search_notes``: a search also looks in each record's notes.
        self.search_notes = False

    @classmethod
    def from_rows(
        cls,
        rows: list[dict[str, str]],
        initial: list[dict[str, str]],
        *,
        seed: int,
        today: date,
        path: str = ":memory:",
    ) -> CustomerDatabase:
        """A database holding *rows*, with *initial* as the state changes are measured from."""
        connection = _connect(path)
        _fill(connection, rows, initial)
        return cls(connection, seed=seed, today=today)

    @classmethod
    def build(
        cls,
        seed: int,
        *,
        target: Persona,
        target_overrides: Mapping[str, str] = {},
        lookalikes: int = 2,
        duplicates: int = 0,
        outdated: int = 0,
        background: int = 20,
        today: date,
        match: tuple[str, ...] = (),
        extra: tuple[Any, ...] = (),
    ) -> CustomerDatabase:
        """Seeded contents around *target* (stored with *target_overrides* applied).

        The contents are a pure function of the arguments: they are generated once, and every
        database built with the same arguments is a fresh copy of them (SQLite backup), so that
        resuming or replaying a journal does not generate every contact's customers again.
        """
        overrides = tuple(sorted((str(k), str(v)) for k, v in target_overrides.items()))
        template = _seeded_template(
            seed,
            target,
            overrides,
            lookalikes,
            duplicates,
            outdated,
            background,
            today,
            match,
            extra,
        )
        connection = _connect()
        template.backup(connection)
        return cls(connection, seed=seed, today=today)

    def file_reference(self, role: str, reference: str) -> None:
        """Let ``reference`` (an order or contract number the customer may quote) find the record of ``role``."""
        key = reference_key(reference)
        if key:
            self._references[key] = role

    # -- candidate-facing -------------------------------------------------------------------

    def search(self, query: str) -> list[RecordSummary]:
        """Records whose name, id, phone, email, postcode, town or filed reference match; at most 50, sorted."""
        parsed = Query.parse(query if isinstance(query, str) else "")
        if parsed.empty:
            return []
        self._db.create_function(
            "cs_match",
            len(SEARCH_COLUMNS),
            lambda *cols: match_record(parsed, *cols),
            deterministic=True,
        )
        roles = sorted(
            {role for key, role in self._references.items() if matches_reference(parsed, key)}
        )
        by_role = f" OR role IN ({', '.join('?' * len(roles))})" if roles else ""
        if self.search_notes:
            self._db.create_function(
                "cs_notes", 1, lambda notes: match_notes(parsed, notes or ""), deterministic=True
            )
            by_role += " OR cs_notes(notes)"
        rows = self._db.execute(
            f"SELECT {_SUMMARY} FROM records WHERE cs_match({', '.join(SEARCH_COLUMNS)}){by_role} "
            "ORDER BY fold(last_name), fold(first_name), postcode, record_id LIMIT 50",
            roles,
        ).fetchall()
        return [RecordSummary(*row) for row in rows]

    def open(self, record_id: str) -> Record:
        """The full record; UnknownRecord when no record has this id."""
        row = self._fetch(record_id, "records")
        return Record(**{f: row[f] for f in RECORD_FIELDS})

    def update(self, record_id: str, field: str, value: str) -> Change:
        """Validate and store one field; InvalidValue when refused."""
        current = self._fetch(record_id, "records")
        if field == "status":
            return self.set_status(record_id, value)
        return self._write(current, field, validate(field, value, self.today))

    def set_status(self, record_id: str, status: str) -> Change:
        """Mark a record "actif", "inactif" or "doublon"."""
        current = self._fetch(record_id, "records")
        return self._write(current, "status", validate_status(status))

    def create(self, fields: Mapping[str, str]) -> Record:
        """A new record (role "new-N"); needs first_name, last_name and a matching postcode+city."""
        if not isinstance(fields, Mapping):
            raise InvalidValue("", Message("Invalid record."))
        clean = {str(k): validate(str(k), v, self.today) for k, v in fields.items()}
        missing = [f for f in ("last_name", "first_name", "postcode", "city") if not clean.get(f)]
        if missing:
            listed = Joined([label(f) for f in missing])
            text = Message("Required fields to fill in: {fields}.", fields=listed)
            raise InvalidValue(missing[0], text, "missing_value")
        if not is_valid_pair(clean["postcode"], clean["city"]):
            text = Message(
                "The town “{city}” does not match postcode {postcode}.",
                city=clean["city"],
                postcode=clean["postcode"],
            )
            raise InvalidValue("city", text, "postcode_city_mismatch")
        place = place_for_postcode(clean["postcode"])
        count = self._db.execute("SELECT count(*) FROM records").fetchone()[0]
        created = count - self._db.execute("SELECT count(*) FROM initial").fetchone()[0] + 1
        rng = random.Random(f"customer-db:{self.seed}:new:{created}")
        row = {c: "" for c in COLUMNS}
        row.update(
            clean,
            record_id=f"R{count + 1:04d}",
            role=f"new-{created}",
            status="actif",
            updated_on=self.today.isoformat(),
            customer_id=make_reference(rng, "CL-######"),
        )
        if not clean.get("language"):
            row["language"] = "nl" if place and place.language == "nl" else "fr"
        self._db.execute(
            f"INSERT INTO records VALUES ({', '.join('?' * len(COLUMNS))})",
            tuple(row[c] for c in COLUMNS),
        )
        self._db.commit()
        return self.open(row["record_id"])

    # -- engine-facing ----------------------------------------------------------------------

    def record_by_role(self, role: str) -> Record:
        """The record the engine put in with this role; KeyError when there is none."""
        found = self._db.execute("SELECT record_id FROM records WHERE role = ?", (role,)).fetchone()
        if found is None:
            raise KeyError(role)
        return self.open(found[0])

    def remove_role(self, role: str) -> None:
        """Leave out the records with this role, before the contact starts (initial state included).

        A prospect, for instance, is not yet a customer: the scenario's target has no record.
        """
        self._db.execute("DELETE FROM records WHERE role = ?", (role,))
        self._db.execute("DELETE FROM initial WHERE role = ?", (role,))
        self._db.commit()

    def role_of(self, record_id: str) -> str:
        """The engine's role of a record ("target", "lookalike-1", "new-1", …)."""
        return self._fetch(record_id, "records")["role"]

    def records(self) -> list[Record]:
        """Every record, by record id."""
        rows = self._db.execute(
            f"SELECT {', '.join(RECORD_FIELDS)} FROM records ORDER BY record_id"
        ).fetchall()
        return [Record(*row) for row in rows]

    def changes(self) -> list[Change]:
        """Every field that differs from the initial state (new records: from empty)."""
        out: list[Change] = []
        for values in self._db.execute(_CHANGED_ROWS):  # only the rows that differ, by record id
            row, old = values[: len(COLUMNS)], values[len(COLUMNS) :]
            out.extend(
                Change(row[_ID], row[_ROLE], c, old[i] or "", row[i])
                for i, c in enumerate(COLUMNS)
                if c not in _UNTRACKED and (old[i] or "") != row[i]
            )
        return out

    def collateral_changes(self, allowed_roles: set[str]) -> list[Change]:
        """Changes to records whose role is not in *allowed_roles* (they count against)."""
        return [c for c in self.changes() if c.role not in allowed_roles]

    def snapshot(self) -> dict[str, Any]:
        """The full JSON-able state, in a deterministic order."""
        return {
            "format": SNAPSHOT_FORMAT,
            "seed": self.seed,
            "today": self.today.isoformat(),
            "records": self._rows("records"),
            "initial": self._rows("initial"),
        }

    @classmethod
    def restore(cls, snapshot: Mapping[str, Any]) -> CustomerDatabase:
        """A database in exactly the state *snapshot* recorded."""
        if snapshot.get("format") != SNAPSHOT_FORMAT:
            raise ValueError(f"not a customer database snapshot: {snapshot.get('format')!r}")
        return cls.from_rows(
            [dict(r) for r in snapshot["records"]],
            [dict(r) for r in snapshot["initial"]],
            seed=int(snapshot["seed"]),
            today=date.fromisoformat(snapshot["today"]),
        )

    def close(self) -> None:
        self._db.close()

    # -- internals --------------------------------------------------------------------------

    def _rows(self, table: str, record_id: str | None = None) -> list[dict[str, str]]:
        where, args = ("WHERE record_id = ?", (record_id,)) if record_id is not None else ("", ())
        cursor = self._db.execute(
            f"SELECT {', '.join(COLUMNS)} FROM {table} {where} ORDER BY record_id", args
        )
        return [dict(zip(COLUMNS, row, strict=True)) for row in cursor.fetchall()]

    def _fetch(self, record_id: str, table: str) -> dict[str, str]:
        key = record_id.strip().upper() if isinstance(record_id, str) else ""
        rows = self._rows(table, key) if key.isascii() else []
        if not rows:
            raise UnknownRecord(str(record_id))
        return rows[0]

    def _write(self, current: dict[str, str], field: str, value: str) -> Change:
        if field not in EDITABLE and field != "status":
            raise InvalidValue(field, Message("Field cannot be edited."))
        if current[field] != value:
            self._db.execute(
                f"UPDATE records SET {field} = ?, updated_on = ? WHERE record_id = ?",
                (value, self.today.isoformat(), current["record_id"]),
            )
            self._db.commit()
        return Change(current["record_id"], current["role"], field, current[field], value)
