"""Tests of the SQLite journal store: round-trip, append-only triggers, self-check, claims."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from scripts.benchmarks.journal import bench_append
from simulator.journal import sql_store, sqlite_schema
from simulator.journal.canonical import header_hash
from simulator.journal.chain import build_events
from simulator.journal.errors import (
    DuplicateSession,
    InvalidRecord,
    SessionInUse,
    StoreClosed,
    StoreMisconfigured,
    UnknownSession,
)
from simulator.journal.events import SessionHeader
from simulator.journal.paths import default_store_path
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.store import JournalStore
from simulator.journal.verify import verify_session

ROOT = Path(__file__).resolve().parents[2]


def make_header(session_id: str = "S-001") -> SessionHeader:
    return SessionHeader(
        session_id=session_id,
        candidate_id="cand-42",
        seed=1234,
        epreuve_id="ep-2025",
        epreuve_hash="a" * 64,
        scenario_hashes={"accueil": "b" * 64, "reclamation": "c" * 64},
        app_version="0.1.0",
        created_at="2025-03-10T09:00:00+01:00",
        mode="exam",
        language="fr",
        extra={"poste": 3},
    )


def at(i: int) -> str:
    return f"2025-03-10T09:{i // 60:02d}:{i % 60:02d}+01:00"


RECORDS = [
    (at(1), "call.started", {"call": "c1", "caller": "Mme Dupont"}),
    (at(2), "agent.said", {"text": "Bonjour, société Tartempion, je vous écoute.", "n": 1.5}),
    (at(3), "call.ended", {"call": "c1", "tags": ["ok", "rappel"], "note": None}),
]


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "callsim.sqlite3"


@pytest.fixture()
def store(db_path: Path):
    with SqliteJournalStore(db_path) as opened:
        yield opened


def fill(store: SqliteJournalStore, header: SessionHeader | None = None) -> SessionHeader:
    header = header or make_header()
    store.create_session(header)
    for when, kind, payload in RECORDS:
        store.append(header.session_id, kind, payload, when)
    return header


def test_store_satisfies_protocol(store: SqliteJournalStore) -> None:
    assert isinstance(store, JournalStore)


def test_round_trip_and_contiguous_seq(store: SqliteJournalStore) -> None:
    header = make_header()
    store.create_session(header)
    appended = [store.append(header.session_id, k, p, w) for w, k, p in RECORDS]
    assert [e.seq for e in appended] == [1, 2, 3]
    assert appended[0].prev_hash == header_hash(header)
    assert [e.prev_hash for e in appended[1:]] == [e.hash for e in appended[:-1]]
    assert store.header(header.session_id) == header
    assert list(store.events(header.session_id)) == appended
    assert list(store.events(header.session_id, after_seq=2)) == appended[2:]
    assert store.last_event(header.session_id) == appended[-1]
    assert appended == build_events(header, RECORDS)
    assert store.session_ids() == [header.session_id]


def test_seq_continues_after_reopen(db_path: Path) -> None:
    with SqliteJournalStore(db_path) as first:
        header = fill(first)
    with SqliteJournalStore(db_path) as second:
        event = second.append(header.session_id, "note", {"x": 1}, at(9))
        assert event.seq == 4
        assert [e.seq for e in second.events(header.session_id)] == [1, 2, 3, 4]
        assert verify_session(second, header.session_id).ok


def test_paged_iteration(store: SqliteJournalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sql_store, "_PAGE", 2)
    header = make_header()
    store.create_session(header)
    for i in range(7):
        store.append(header.session_id, "tick", {"i": i}, at(i))
    assert [e.payload["i"] for e in store.events(header.session_id)] == list(range(7))
    assert [e.seq for e in store.events(header.session_id, after_seq=4)] == [5, 6, 7]


def test_empty_session_and_order_of_ids(store: SqliteJournalStore) -> None:
    for name in ("b-2", "a-1", "c-3"):
        store.create_session(make_header(name))
    assert store.session_ids() == ["b-2", "a-1", "c-3"]
    assert store.last_event("a-1") is None
    assert list(store.events("a-1")) == []


def test_unknown_and_duplicate_sessions(store: SqliteJournalStore) -> None:
    with pytest.raises(UnknownSession):
        store.append("nope", "x", {}, at(1))
    for call in (store.header, store.events, store.last_event):
        with pytest.raises(UnknownSession):
            call("nope")
    store.create_session(make_header())
    with pytest.raises(DuplicateSession):
        store.create_session(make_header())


@pytest.mark.parametrize(
    ("session_id", "kind", "payload", "when"),
    [
        ("S-001", "x", {"v": float("nan")}, at(1)),
        ("S-001", "x", {1: "non-str key"}, at(1)),
        ("S-001", "x", {"v": object()}, at(1)),
        ("S-001", "x", ["not", "a", "mapping"], at(1)),
        ("S-001", "", {}, at(1)),
        ("S-001", "x", {}, "hier midi"),
        ("../etc", "x", {}, at(1)),
    ],
)
def test_invalid_input_is_refused_and_not_written(
    store: SqliteJournalStore, session_id: str, kind: str, payload: object, when: str
) -> None:
    store.create_session(make_header())
    with pytest.raises(InvalidRecord):
        store.append(session_id, kind, payload, when)  # type: ignore[arg-type]
    assert store.last_event("S-001") is None


def test_invalid_header_is_refused(store: SqliteJournalStore) -> None:
    from dataclasses import replace

    for bad in (
        replace(make_header(), mode="examen"),
        replace(make_header(), session_id="a/b"),
        replace(make_header(), created_at="lundi"),
        replace(make_header(), seed=2**70),
    ):
        with pytest.raises(InvalidRecord):
            store.create_session(bad)
    assert store.session_ids() == []


def test_pragmas_after_open(store: SqliteJournalStore, db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()
    store.check()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE events SET payload = '{}' WHERE seq = 2",
        "DELETE FROM events WHERE seq = 3",
        "UPDATE sessions SET seed = 1",
        "DELETE FROM sessions",
        (
            "INSERT OR REPLACE INTO events SELECT session_id, seq, at, type, '{}', "
            "prev_hash, hash FROM events WHERE seq = 1"
        ),
        "INSERT OR REPLACE INTO sessions SELECT * FROM sessions",
        "INSERT INTO events VALUES ('S-001', 9, 'x', 't', '{}', 'p', 'h')",
        (
            "INSERT INTO events SELECT session_id, 4, at, type, payload, 'bad', hash "
            "FROM events WHERE seq = 3"
        ),
    ],
)
def test_raw_sql_cannot_rewrite_history(
    store: SqliteJournalStore, db_path: Path, statement: str
) -> None:
    header = fill(store)
    before = list(store.events(header.session_id))
    raw = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="journal is append-only"):
            raw.execute(statement)
        raw.rollback()
    finally:
        raw.close()
    assert list(store.events(header.session_id)) == before
    assert store.header(header.session_id) == header


def _mutate(db_path: Path, *statements: str) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    try:
        for statement in statements:
            raw.execute(statement)
    finally:
        raw.close()


@pytest.mark.parametrize(
    ("statements", "reason"),
    [
        (["PRAGMA journal_mode=DELETE"], "journal_mode"),
        (["DROP TRIGGER events_no_update"], "events_no_update"),
        (["DROP TRIGGER sessions_no_delete"], "sessions_no_delete"),
        (
            [
                "DROP TRIGGER events_no_delete",
                "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT 1; END",
            ],
            "altered",
        ),
        (["UPDATE meta SET value = '99' WHERE key = 'schema_version'"], "schema version"),
    ],
)
def test_misconfigured_store_is_refused_at_open(
    db_path: Path, statements: list[str], reason: str
) -> None:
    with SqliteJournalStore(db_path) as opened:
        fill(opened)
    _mutate(db_path, *statements)
    with pytest.raises(StoreMisconfigured) as caught:
        SqliteJournalStore(db_path)
    assert reason in caught.value.message("en")
    assert caught.value.message("fr").startswith("Journal refusé")


def test_foreign_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    _mutate(other, "PRAGMA journal_mode=WAL", "CREATE TABLE t (x)")
    with pytest.raises(StoreMisconfigured, match="not a callsim journal"):
        SqliteJournalStore(other)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreMisconfigured):
        SqliteJournalStore(garbage)
    with pytest.raises(StoreMisconfigured, match="file not found"):
        SqliteJournalStore(tmp_path / "missing.sqlite3", create=False)
    assert not (tmp_path / "missing.sqlite3").exists()


def test_closed_store_refuses_use(db_path: Path) -> None:
    opened = SqliteJournalStore(db_path)
    opened.close()
    opened.close()
    with pytest.raises(StoreClosed):
        opened.session_ids()


def test_concurrent_appends_keep_one_chain(db_path: Path) -> None:
    with SqliteJournalStore(db_path) as one, SqliteJournalStore(db_path) as two:
        header = make_header()
        one.create_session(header)

        def writer(target: SqliteJournalStore, tag: str) -> None:
            for i in range(15):
                target.append(header.session_id, "tick", {"by": tag, "i": i}, at(i))

        threads = [
            threading.Thread(target=writer, args=(one, "a")),
            threading.Thread(target=writer, args=(one, "b")),
            threading.Thread(target=writer, args=(two, "c")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [e.seq for e in one.events(header.session_id)] == list(range(1, 46))
        assert verify_session(two, header.session_id).ok


HOLDER = textwrap.dedent(
    """
    import sys
    from simulator.journal.sqlite_store import SqliteJournalStore
    store = SqliteJournalStore(sys.argv[1])
    with store.claim(sys.argv[2], "poste-7"):
        print("held", flush=True)
        sys.stdin.readline()
    """
)


def _start_holder(db_path: Path, session_id: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), session_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_claim_is_exclusive_across_processes(
    store: SqliteJournalStore, db_path: Path, how: str
) -> None:
    header = fill(store)
    with _start_holder(db_path, header.session_id) as holder:  # its pipes are closed on the way out
        try:
            with pytest.raises(SessionInUse) as caught, store.claim(header.session_id, "poste-9"):
                pass
            message = str(caught.value)
            assert header.session_id in message
            assert "déjà ouverte" in message and "already open" in message
            assert "poste-7" in caught.value.holder
        finally:
            if how == "kill":
                holder.send_signal(signal.SIGKILL)
            else:
                holder.communicate("\n", timeout=30)
            holder.wait(timeout=30)
    with store.claim(header.session_id, "poste-9") as claim:
        assert claim.owner == "poste-9"
    lock_file = db_path.with_name(db_path.name + ".locks") / f"{header.session_id}.lock"
    assert lock_file.exists()


def test_claim_is_exclusive_between_instances_and_reusable(db_path: Path) -> None:
    with SqliteJournalStore(db_path) as one, SqliteJournalStore(db_path) as two:
        with one.claim("S-001", "a"):
            with pytest.raises(SessionInUse), two.claim("S-001", "b"):
                pass
            with two.claim("S-002", "b"):  # other sessions are independent
                pass
        with two.claim("S-001", "b"):
            pass
        with pytest.raises(InvalidRecord), one.claim("../x", "a"):
            pass


def test_default_store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = str(tmp_path / "j.sqlite3")
    assert default_store_path({"CALLSIM_STORE": explicit}) == Path(explicit)
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_store_path({}) == xdg / "callsim" / "callsim.sqlite3"
    assert not xdg.exists()


def test_a_store_an_earlier_version_kept_in_local_share_is_still_found(
    tmp_path: Path, monkeypatch
) -> None:
    """Old store files keep working: where the platform's data folder holds no store, the earlier place is used."""
    home = tmp_path / "home"
    earlier = home / ".local" / "share" / "callsim" / "callsim.sqlite3"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    assert default_store_path({}) == earlier
    newer = tmp_path / "elsewhere" / "callsim" / "callsim.sqlite3"
    newer.parent.mkdir(parents=True)
    newer.write_bytes(b"")
    assert default_store_path({}) == newer


def test_schema_triggers_are_all_checked() -> None:
    assert set(sqlite_schema.TRIGGERS) >= {
        "events_no_update",
        "events_no_delete",
        "sessions_no_update",
        "sessions_no_delete",
    }


def test_benchmark_smoke(tmp_path: Path) -> None:
    result = bench_append(20, tmp_path, rounds=4)
    assert set(result) >= {"name", "ours_s", "baseline_s", "ratio", "target"}
    assert result["name"] == "journal append vs bare insert"
    assert result["target"] == 1.5
