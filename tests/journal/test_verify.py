"""Tests of chain verification: every kind of tampering is detected and located."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.journal.canonical import header_hash
from simulator.journal.chain import build_events, head_of
from simulator.journal.errors import UnknownSession
from simulator.journal.events import Event, SessionHeader
from simulator.journal.sqlite_schema import TRIGGERS
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import VerifyResult, verify_events, verify_session

PROPERTY = settings(derandomize=True, max_examples=100, deadline=None, database=None)

HEADER = SessionHeader(
    session_id="S-verify",
    candidate_id="cand-1",
    seed=7,
    epreuve_id="ep",
    epreuve_hash="e" * 64,
    scenario_hashes={"s1": "1" * 64},
    app_version="0.1.0",
    created_at="2025-03-10T09:00:00+01:00",
    mode="practice",
    language="fr",
)


def records(n: int) -> list[tuple[str, str, dict[str, object]]]:
    return [
        (f"2025-03-10T09:00:{i % 60:02d}+01:00", "agent.action", {"i": i, "text": f"n° {i}"})
        for i in range(n)
    ]


CHAINS = {n: build_events(HEADER, records(n)) for n in range(26)}


def chain(n: int) -> list[Event]:
    return list(CHAINS[n])


def assert_located(result: VerifyResult, seq: int | None, code: str | None = None) -> None:
    assert not result.ok, result
    assert result.first_bad_seq == seq, result
    if code is not None:
        assert result.reason_code == code, result
    assert result.reason and result.reason_en
    if seq:
        assert f"n° {seq}" in result.reason or f"n° {seq - 1}" in result.reason


def test_intact_chain() -> None:
    events = chain(10)
    result = verify_events(HEADER, events, expected_count=10, expected_head=events[-1].hash)
    assert result.ok and result.checked == 10 and result.first_bad_seq is None
    assert result.reason.startswith("OK")
    assert verify_events(None, events).ok


def test_empty_session_head_is_header_hash() -> None:
    assert verify_events(HEADER, [], expected_count=0, expected_head=header_hash(HEADER)).ok
    assert_located(verify_events(HEADER, [], expected_count=2), 1, "truncated")


@PROPERTY
@given(st.data())
def test_modified_field_is_located(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 25))
    i = data.draw(st.integers(0, n - 1))
    events = chain(n)
    change = data.draw(
        st.sampled_from(
            [
                {"payload": {"i": -1}},
                {"at": "2025-03-10T10:00:00+01:00"},
                {"type": "agent.other"},
                {"prev_hash": "0" * 64},
                {"hash": "0" * 64},
            ]
        )
    )
    events[i] = replace(events[i], **change)
    result = verify_events(HEADER, events)
    expected_code = "hash_mismatch"
    assert_located(result, i + 1, expected_code)
    assert result.checked == i


@PROPERTY
@given(st.data())
def test_deleted_event_is_located(data: st.DataObject) -> None:
    n = data.draw(st.integers(2, 25))
    i = data.draw(st.integers(0, n - 2))
    events = chain(n)
    del events[i]
    assert_located(verify_events(HEADER, events), i + 1, "missing")


@PROPERTY
@given(st.data())
def test_swapped_events_are_located(data: st.DataObject) -> None:
    n = data.draw(st.integers(2, 25))
    i = data.draw(st.integers(0, n - 2))
    j = data.draw(st.integers(i + 1, n - 1))
    events = chain(n)
    events[i], events[j] = events[j], events[i]
    code = "swapped" if j == i + 1 else "missing"
    assert_located(verify_events(HEADER, events), i + 1, code)


@PROPERTY
@given(st.data())
def test_duplicated_event_is_located(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 25))
    i = data.draw(st.integers(0, n - 1))
    position = data.draw(st.integers(i + 1, n))
    events = chain(n)
    events.insert(position, events[i])
    assert_located(verify_events(HEADER, events), position + 1, "duplicate")


@PROPERTY
@given(st.data())
def test_truncated_tail_is_located(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 25))
    kept = data.draw(st.integers(0, n - 1))
    full = chain(n)
    events = full[:kept]
    assert verify_events(HEADER, events).ok  # undetectable without a reference…
    result = verify_events(HEADER, events, expected_count=n)
    assert_located(result, kept + 1, "truncated")
    assert result.checked == kept
    by_head = verify_events(HEADER, events, expected_head=full[-1].hash)
    assert_located(by_head, None, "head_mismatch")


def test_extra_events_against_reference() -> None:
    events = chain(6)
    assert_located(verify_events(HEADER, events, expected_count=4), 5, "extra_events")
    assert_located(verify_events(HEADER, events, expected_head=events[3].hash), 5, "extra_events")


def test_broken_link_to_header() -> None:
    events = chain(3)
    other = replace(HEADER, seed=8)
    assert_located(verify_events(other, events), 1, "header_link_broken")


def test_full_rewrite_is_caught_only_by_the_reference_head() -> None:
    original = chain(5)
    forged = build_events(HEADER, [r for k, r in enumerate(records(5)) if k != 2])
    assert verify_events(HEADER, forged).ok  # a consistent forgery…
    result = verify_events(HEADER, forged, expected_head=original[-1].hash)
    assert_located(result, None, "head_mismatch")  # …betrayed by the head kept elsewhere
    assert_located(verify_events(HEADER, forged, expected_count=5), 5, "truncated")


def test_renumbered_deletion_is_a_broken_link() -> None:
    events = chain(5)
    del events[2]
    events[2] = replace(events[2], seq=3)
    assert_located(verify_events(HEADER, events), 3, "hash_mismatch")


def test_event_from_another_session() -> None:
    events = chain(4)
    events[1] = replace(events[1], session_id="S-other")
    assert_located(verify_events(HEADER, events), 2, "wrong_session")


def test_result_sentences_are_french_and_english() -> None:
    events = chain(4)
    del events[1]
    result = verify_events(HEADER, events)
    assert result.reason == "L'événement n° 2 manque : l'événement suivant porte le n° 3."
    assert result.reason_en == "Event #2 is missing: the next event is numbered #3."


# -- stored sessions ------------------------------------------------------------------


def _tamper(db_path: Path, statement: str) -> None:
    """Bypass the triggers like an attacker with file access: drop, change, restore."""
    raw = sqlite3.connect(db_path, isolation_level=None)
    try:
        raw.execute("BEGIN")
        for name in TRIGGERS:
            raw.execute(f"DROP TRIGGER {name}")
        raw.execute(statement)
        for ddl in TRIGGERS.values():
            raw.execute(ddl)
        raw.execute("COMMIT")
    finally:
        raw.close()


@pytest.fixture()
def stored(tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite3"
    with SqliteJournalStore(path) as store:
        store.create_session(HEADER)
        for when, kind, payload in records(6):
            store.append(HEADER.session_id, kind, payload, when)
    return path


@pytest.mark.parametrize(
    ("statement", "seq", "code"),
    [
        ("UPDATE events SET payload = '{\"i\":99}' WHERE seq = 4", 4, "hash_mismatch"),
        ("DELETE FROM events WHERE seq = 2", 2, "missing"),
        ("UPDATE events SET payload = 'not json' WHERE seq = 5", 5, "unreadable_event"),
        (
            "UPDATE sessions SET header_json = replace(header_json, 'cand-1', 'cand-2')",
            0,
            "header_modified",
        ),
        ("UPDATE sessions SET header_json = 'oops'", 0, "header_unreadable"),
        # Damaged bytes and wrong JSON kinds are reported for their event, never raised.
        (
            "UPDATE events SET payload = CAST(x'7b22693a' || x'ff' || x'7d' AS TEXT) WHERE seq = 3",
            3,
            "unreadable_event",
        ),
        ("UPDATE events SET at = CAST(x'c3' AS TEXT) WHERE seq = 2", 2, "unreadable_event"),
        ("UPDATE events SET hash = CAST(x'e9' AS TEXT) WHERE seq = 6", 6, "unreadable_event"),
        ("UPDATE events SET payload = '[1, 2]' WHERE seq = 4", 4, "unreadable_event"),
        ("UPDATE events SET payload = 'null' WHERE seq = 1", 1, "unreadable_event"),
        ("UPDATE sessions SET header_json = CAST(x'ff' AS TEXT)", 0, "header_unreadable"),
        ("UPDATE sessions SET header_hash = CAST(x'ff' AS TEXT)", 0, "header_modified"),
    ],
)
def test_tampered_store_is_located(stored: Path, statement: str, seq: int, code: str) -> None:
    _tamper(stored, statement)
    with SqliteJournalStore(stored) as store:
        store.check()  # triggers are back: the self-check cannot see the tampering…
        result = verify_session(store, HEADER.session_id)  # …the chain does
    assert_located(result, seq, code)


def test_truncated_store_against_engine_reference(stored: Path) -> None:
    with SqliteJournalStore(stored) as store:
        events = list(store.events(HEADER.session_id))
        head = head_of(HEADER, events)
        assert verify_session(store, HEADER.session_id, 6, head).ok
    _tamper(stored, "DELETE FROM events WHERE seq >= 5")
    with SqliteJournalStore(stored) as store:
        result = verify_session(store, HEADER.session_id, expected_count=6)
    assert_located(result, 5, "truncated")


def test_verify_unknown_session_raises(stored: Path) -> None:
    with SqliteJournalStore(stored) as store, pytest.raises(UnknownSession):
        verify_session(store, "nope")
