"""Property: however an attacker with file access alters a journal, verification names the first bad event.

``test_verify.py`` and ``test_jsonl.py`` check each kind of tampering on its own, on events held in
memory and on a synthetic export. Here the journal is a real ``SqliteJournalStore`` file and its
real JSON Lines export, and each example applies one to three alterations in a row — byte flips
in stored texts (payloads, hashes, links, times, types), deleted events (with or without
renumbering the rest), swapped events, copies inserted anywhere, a cut tail — the way an attacker
would: raw ``sqlite3`` with the append-only triggers dropped and put back, or an edited file.

Contract checked (``VerifyResult.first_bad_seq``): events before it verified; it is the first
position whose event is not the original one. A journal cut after its last kept event is
consistent on its own: the store's verification then needs the reference count or head the
engine keeps (``expected_count`` / ``expected_head``) and reports the first missing seq (or no seq
for a head mismatch); an export carries that reference in its seal.
"""

from __future__ import annotations

import atexit
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from simulator.journal.canonical import canonical_text
from simulator.journal.events import SessionHeader
from simulator.journal.jsonl import export_jsonl, verify_file
from simulator.journal.sqlite_schema import TRIGGERS
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import VerifyResult, verify_session

PROPERTY = settings(derandomize=True, max_examples=120, deadline=None, database=None)

HEADER = SessionHeader(
    session_id="S-tamper",
    candidate_id="C-0042",
    seed=11,
    epreuve_id="entrainement",
    epreuve_hash="a" * 64,
    scenario_hashes={"maison-lumiere": "b" * 64, "télécom": "c" * 64},
    app_version="0.1.0",
    created_at="2026-11-23T09:00:00.000",
    mode="exam",
    language="fr",
    extra={"today": "2026-11-23", "agent_name": "Alex", "time_limit_minutes": 45},
)
N = 12
#: Event-like payloads: nested objects and lists, French text, numbers, booleans, null.
RECORDS = [
    (f"2026-11-23T09:{i:02d}:20.000", kind, payload)
    for i, (kind, payload) in enumerate(
        [
            (
                "session_started",
                {
                    "epreuve": "entrainement",
                    "time_limit_minutes": 45,
                    "contacts": [{"contact": "maison-lumiere", "at_minute": 0}],
                },
            ),
            ("contact_arrived", {"contact": "maison-lumiere", "minute": 0}),
            *[
                (
                    "action",
                    {
                        "contact": "maison-lumiere",
                        "action": {"kind": "say", "text": f"Réponse « {i} » — d'accord ✓"},
                        "lines": [
                            {"speaker": "customer", "text": f"Bonjour, c'est Mme Dubois, n° {i}."}
                        ],
                        "result": None if i % 2 else {"found": i, "ratio": i / 4, "ok": True},
                        "evidence": [{"competency": "01.04", "effect": "positive", "seq": i + 3}],
                        "phase": "talking",
                        "node": f"n{i}",
                    },
                )
                for i in range(N - 3)
            ],
            ("session_resumed", {"downtime_seconds": 720.0, "policy": "clock-paused"}),
        ]
    )
]
TEXT_COLUMNS = ("at", "type", "payload", "prev_hash", "hash")
COLUMNS = ("seq", *TEXT_COLUMNS)


# -- the pristine journal and its export (built once) ---------------------------------------------------

_SCRATCH = Path(tempfile.mkdtemp(prefix="callsim-tamper-"))
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)


def _pristine() -> tuple[Path, list[dict[str, Any]], str, bytes]:
    db = _SCRATCH / "pristine.sqlite3"
    with SqliteJournalStore(db) as store:
        store.create_session(HEADER)
        for when, kind, payload in RECORDS:
            store.append(HEADER.session_id, kind, payload, when)
        export_jsonl(store, HEADER.session_id, _SCRATCH / "pristine.jsonl")
        head = store.last_event(HEADER.session_id).hash
    conn = sqlite3.connect(db)
    rows = [
        dict(zip(COLUMNS, row, strict=True))
        for row in conn.execute(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY seq")
    ]
    conn.close()
    assert (
        not (_SCRATCH / "pristine.sqlite3-wal").exists()
        or (_SCRATCH / "pristine.sqlite3-wal").stat().st_size == 0
    )
    return db, rows, head, (_SCRATCH / "pristine.jsonl").read_bytes()


PRISTINE_DB, ROWS, HEAD, EXPORT = _pristine()
EXPORT_LINES = EXPORT.split(b"\n")[:-1]  # header, N events, seal
EVENT_LINES = EXPORT_LINES[1:-1]


# -- alterations, applied to a list of rows (or of export lines) -----------------------------------------


def _flip(text: bytes, position: int, mask: int) -> bytes:
    damaged = bytearray(text)
    damaged[position % len(damaged)] ^= mask
    return bytes(damaged)


def _renumber_from(rows: list[dict[str, Any]], start: int) -> None:
    """What an attacker covering their tracks does: seqs from ``start`` on follow the previous one."""
    for k in range(start, len(rows)):
        rows[k]["seq"] = rows[k - 1]["seq"] + 1 if k else 1


@st.composite
def alterations(draw: st.DrawFn, *, columns: bool) -> list[tuple[Any, ...]]:
    """One to three alterations: (kind, positions and values), positions drawn as fractions."""
    kinds = ["flip", "delete", "swap", "duplicate", "truncate"] + (
        ["delete_renumbered"] if columns else []
    )
    out = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(kinds))
        where = draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6))
        if kind == "flip":
            column = draw(st.sampled_from(TEXT_COLUMNS)) if columns else None
            out.append(
                (kind, where, column, draw(st.integers(0, 10**6)), draw(st.integers(1, 255)))
            )
        else:
            out.append((kind, where))
    return out


def _apply(items: list[Any], alteration: tuple[Any, ...], *, rows: bool) -> list[Any]:
    """Apply one alteration to rows (dicts, as in the events table) or export lines (bytes)."""
    items = [dict(i) for i in items] if rows else list(items)
    kind, (a, b) = alteration[0], alteration[1]
    n = len(items)
    if n == 0:
        return items
    i, j = a % n, b % n
    if kind == "flip":
        _, _, column, position, mask = alteration
        if rows:
            items[i][column] = _flip(
                items[i][column].encode("utf-8")
                if isinstance(items[i][column], str)
                else items[i][column],
                position,
                mask,
            )
        else:
            items[i] = _flip(items[i], position, mask)
    elif kind in ("delete", "delete_renumbered"):
        del items[i]
        if kind == "delete_renumbered":
            _renumber_from(items, i)
    elif kind == "swap":
        if rows:  # the order is the seq: swapping two events is swapping everything but their seqs
            for column in TEXT_COLUMNS:
                items[i][column], items[j][column] = items[j][column], items[i][column]
        else:
            items[i], items[j] = items[j], items[i]
    elif kind == "duplicate":
        at = b % (n + 1)
        items.insert(at, dict(items[i]) if rows else items[i])
        if rows:
            _renumber_from(items, at)
    elif kind == "truncate":
        items = items[:i]
    return items


def _semantic(row: dict[str, Any]) -> tuple[Any, ...]:
    """A row as verification reads it: equal payloads compare equal whatever their spelling."""
    values = []
    for column in COLUMNS:
        value = row[column]
        if isinstance(value, bytes):
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError:
                values.append(("undecodable", value))
                continue
        if column == "payload":
            try:
                parsed = json.loads(value)
                value = (
                    canonical_text(parsed) if isinstance(parsed, dict) else ("not an object", value)
                )
            except Exception:  # noqa: BLE001 - anything unreadable is simply "different"
                value = ("unreadable", value)
        values.append(value)
    return tuple(values)


def _first_difference(altered: list[Any], original: list[Any]) -> int | None:
    """1-based position of the first altered event; len+1 if ``altered`` is a cut copy; None if equal."""
    for k, (mine, theirs) in enumerate(zip(altered, original)):
        if mine != theirs:
            return k + 1
    if len(altered) != len(original):
        return min(len(altered), len(original)) + 1
    return None


def _explain(result: VerifyResult, changes: list[Any]) -> str:
    return f"{changes} → {result.reason_code} at {result.first_bad_seq}: {result.reason_en}"


# -- the SQLite store ------------------------------------------------------------------------------------


@contextmanager
def _tampered_copy(rows: list[dict[str, Any]]) -> Iterator[Path]:
    """A copy of the pristine store whose events table holds ``rows``, triggers dropped and put back."""
    with tempfile.TemporaryDirectory(dir=_SCRATCH) as scratch:
        db = Path(scratch) / "journal.sqlite3"
        shutil.copyfile(PRISTINE_DB, db)
        raw = sqlite3.connect(db, isolation_level=None)
        try:
            raw.execute("PRAGMA synchronous=OFF")  # the attacker does not care about durability
            raw.execute("BEGIN")
            for name in TRIGGERS:
                raw.execute(f"DROP TRIGGER {name}")
            raw.execute("DELETE FROM events")
            for row in rows:  # flipped texts stay TEXT, even when they are no longer valid UTF-8
                raw.execute(
                    "INSERT INTO events (session_id, seq, at, type, payload, prev_hash, hash) VALUES "
                    "(?, ?, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT))",
                    (HEADER.session_id, row["seq"], *(row[c] for c in TEXT_COLUMNS)),
                )
            for ddl in TRIGGERS.values():
                raw.execute(ddl)
            raw.execute("COMMIT")
        finally:
            raw.close()
        yield db


@PROPERTY
@given(alterations(columns=True))
def test_tampered_store_names_the_first_altered_event(changes: list[tuple[Any, ...]]) -> None:
    rows = [dict(r) for r in ROWS]
    for change in changes:
        rows = _apply(rows, change, rows=True)
    expected = _first_difference([_semantic(r) for r in rows], [_semantic(r) for r in ROWS])
    with _tampered_copy(rows) as db, SqliteJournalStore(db) as store:
        store.check()  # the triggers are back: the store's self-check cannot see anything…
        alone = verify_session(store, HEADER.session_id)
        against_reference = verify_session(
            store, HEADER.session_id, expected_count=N, expected_head=HEAD
        )
    event(f"store: {alone.reason_code} / {against_reference.reason_code}")
    if expected is None:  # the alterations cancelled out
        assert alone.ok and against_reference.ok
        return
    # …the chain does, given the count and head the engine keeps: always, at the first altered event.
    assert not against_reference.ok and against_reference.first_bad_seq == expected, _explain(
        against_reference, changes
    )
    assert against_reference.checked == expected - 1
    if len(rows) < N and expected == len(rows) + 1:  # a cut tail: consistent on its own
        assert alone.ok and alone.checked == len(rows), _explain(alone, changes)
        assert against_reference.reason_code == "truncated"
    else:  # anything else is caught by the chain alone, at the same event
        assert not alone.ok and alone.first_bad_seq == expected, _explain(alone, changes)
        assert f"#{expected}" in alone.reason_en and f"n° {expected}" in alone.reason
    assert f"#{expected}" in against_reference.reason_en


@settings(derandomize=True, max_examples=20, deadline=None, database=None)
@given(st.integers(0, N - 1))
def test_cut_store_is_caught_by_the_head(kept: int) -> None:
    with _tampered_copy(ROWS[:kept]) as db, SqliteJournalStore(db) as store:
        result = verify_session(store, HEADER.session_id, expected_head=HEAD)
    assert not result.ok and result.reason_code in ("head_mismatch", "extra_events")
    assert result.first_bad_seq is None


# -- the JSON Lines export -------------------------------------------------------------------------------


@PROPERTY
@given(alterations(columns=False))
def test_tampered_export_names_the_first_altered_event(changes: list[tuple[Any, ...]]) -> None:
    lines = list(EVENT_LINES)
    for change in changes:
        lines = _apply(lines, change, rows=False)
    expected = _first_difference(lines, EVENT_LINES)
    data = b"".join(line + b"\n" for line in [EXPORT_LINES[0], *lines, EXPORT_LINES[-1]])
    with tempfile.TemporaryDirectory(dir=_SCRATCH) as scratch:
        path = Path(scratch) / "session.jsonl"
        path.write_bytes(data)
        result = verify_file(path)
    event(f"export: {result.reason_code}")
    if expected is None:
        assert result.ok
        return
    # The seal (count and head of the original) makes even a cut tail a located failure.
    assert not result.ok and result.first_bad_seq == expected, _explain(result, changes)
    assert result.reason and result.reason_en
