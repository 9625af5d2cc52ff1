"""Tests of the JSON Lines export: byte-identical output and refusal of any damaged file."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.journal.chain import build_events
from simulator.journal.events import SessionHeader
from simulator.journal.jsonl import export_jsonl, jsonl_lines, read_jsonl, verify_file, write_jsonl
from simulator.journal.jsonl_read import read_jsonl_bytes, verify_jsonl_bytes
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.journal.verify import VerifyResult

PROPERTY = settings(derandomize=True, max_examples=100, deadline=None, database=None)

HEADER = SessionHeader(
    session_id="S-jsonl",
    candidate_id="cand-9",
    seed=99,
    epreuve_id="ep",
    epreuve_hash="e" * 64,
    scenario_hashes={"réclamation": "2" * 64},
    app_version="0.1.0",
    created_at="2025-03-10T09:00:00+01:00",
    mode="exam",
    language="fr",
    extra={"salle": "B12", "options": [1, 2.5, None, True]},
)
RECORDS = [
    (f"2025-03-10T09:00:{i:02d}+01:00", "agent.said", {"i": i, "texte": f"Réponse « {i} » ✓"})
    for i in range(8)
]
EVENTS = build_events(HEADER, RECORDS)
DATA = b"".join(jsonl_lines(HEADER, EVENTS))
LINES = DATA.split(b"\n")[:-1]  # header, 8 events, seal


def expected_seq_for_line(index: int) -> int:
    """0-based line index → the first bad seq a damaged line must be reported as."""
    return 0 if index == 0 else index


def assert_refused(result: VerifyResult) -> None:
    assert not result.ok
    assert result.reason_code
    assert result.reason and result.reason_en


def test_export_layout() -> None:
    assert len(LINES) == 10
    first, last = json.loads(LINES[0]), json.loads(LINES[-1])
    assert first["kind"] == "header" and first["session_id"] == "S-jsonl"
    event_keys = {"kind", "seq", "at", "type", "payload", "prev_hash", "hash"}
    assert set(json.loads(LINES[1])) == event_keys
    assert last == {"kind": "seal", "events": 8, "head": EVENTS[-1].hash}
    assert "Réponse « 0 » ✓" in LINES[1].decode("utf-8")  # UTF-8, not \\u escapes


def test_read_back_and_reexport_is_byte_identical() -> None:
    doc = read_jsonl_bytes(DATA)
    assert doc.problem is None
    assert doc.header == HEADER and list(doc.events) == EVENTS
    assert doc.seal_count == 8 and doc.seal_head == EVENTS[-1].hash
    assert b"".join(jsonl_lines(doc.header, doc.events)) == DATA
    assert verify_jsonl_bytes(DATA).ok


def _store_export(path: Path) -> bytes:
    with SqliteJournalStore(path) as store:
        store.create_session(HEADER)
        for when, kind, payload in RECORDS:
            store.append(HEADER.session_id, kind, payload, when)
        out = io.BytesIO()
        assert write_jsonl(store, HEADER.session_id, out) == 8
        return out.getvalue()


def test_same_inputs_give_byte_identical_exports(tmp_path: Path) -> None:
    one = _store_export(tmp_path / "a.sqlite3")
    two = _store_export(tmp_path / "b.sqlite3")
    assert one == two == DATA


def test_export_to_file_and_verify(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    _store_export(db)
    target = tmp_path / "out" / "session.jsonl"
    target.parent.mkdir()
    with SqliteJournalStore(db) as store:
        assert export_jsonl(store, HEADER.session_id, target) == 8
    assert target.read_bytes() == DATA
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind
    result = verify_file(target)
    assert result.ok and result.checked == 8


def test_empty_session_export() -> None:
    data = b"".join(jsonl_lines(HEADER, []))
    assert data.count(b"\n") == 2
    assert verify_jsonl_bytes(data).ok


@PROPERTY
@given(st.data())
def test_any_byte_flip_is_refused_and_located(data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(DATA) - 1))
    mask = data.draw(st.integers(1, 255))
    damaged = bytearray(DATA)
    damaged[position] ^= mask
    result = verify_jsonl_bytes(bytes(damaged))
    assert_refused(result)
    line_index = DATA[:position].count(b"\n")
    if line_index < len(LINES) - 1:  # header or event line (the seal is checked just above)
        assert result.first_bad_seq == expected_seq_for_line(line_index), (line_index, result)


@PROPERTY
@given(st.data())
def test_line_level_tampering_is_located(data: st.DataObject) -> None:
    lines = list(LINES)
    i = data.draw(st.integers(1, 8))  # an event line
    action = data.draw(st.sampled_from(["delete", "swap", "duplicate", "truncate"]))
    if action == "delete":
        del lines[i]
        expected = min(8, i)  # deleting the last event: the seal reveals it
    elif action == "swap":
        j = data.draw(st.integers(1, 8).filter(lambda k: k != i))
        lines[i], lines[j] = lines[j], lines[i]
        expected = min(i, j)
    elif action == "duplicate":
        lines.insert(i + 1, lines[i])
        expected = i + 1
    else:  # the file stops after event line i (seal lost)
        lines = lines[: i + 1]
        expected = i + 1
    result = verify_jsonl_bytes(b"".join(line + b"\n" for line in lines))
    assert_refused(result)
    assert result.first_bad_seq == expected, (action, i, result)


@PROPERTY
@given(st.integers(0, len(DATA) - 1))
def test_cut_anywhere_is_refused(size: int) -> None:
    assert_refused(verify_jsonl_bytes(DATA[:size]))


@PROPERTY
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(blob: bytes) -> None:
    assert_refused(verify_jsonl_bytes(blob))
    assert_refused(verify_jsonl_bytes(LINES[0] + b"\n" + blob))


def test_specific_damage_is_named_with_line(tmp_path: Path) -> None:
    cases = {
        "invalid_utf8": LINES[0] + b"\n" + b"\xff\xfe{}\n",
        "invalid_json": DATA.replace(LINES[3], b"{not json"),
        "truncated_line": DATA[: DATA.index(LINES[5]) + 20],
        "missing_header": b"\n".join(LINES[1:]) + b"\n",
        "missing_seal": b"\n".join(LINES[:-1]) + b"\n",
        "after_seal": DATA + LINES[1] + b"\n",
        "not_canonical": DATA.replace(LINES[2], LINES[2].replace(b'{"at"', b'{ "at"')),
        "empty": b"",
    }
    for code, content in cases.items():
        path = tmp_path / f"{code}.jsonl"
        path.write_bytes(content)
        doc = read_jsonl(path)
        assert doc.problem is not None and doc.problem.reason_code == code, (code, doc.problem)
        result = verify_file(path)
        assert_refused(result)
        if code not in ("empty", "missing_seal"):
            assert result.line is not None and f"Ligne {result.line}" in result.reason
    assert verify_file(tmp_path / "invalid_utf8.jsonl").line == 2
    assert verify_file(tmp_path / "invalid_json.jsonl").first_bad_seq == 3


def test_unreadable_path_is_reported(tmp_path: Path) -> None:
    assert verify_file(tmp_path / "absent.jsonl").reason_code == "unreadable"
    assert verify_file(tmp_path).reason_code == "unreadable"  # a directory


def test_modified_header_is_located_at_zero() -> None:
    forged = DATA.replace(b'"seed":99', b'"seed":98')
    result = verify_jsonl_bytes(forged)
    assert result.first_bad_seq == 0 and result.reason_code == "header_modified"


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
EVENT_LIKE = st.fixed_dictionaries(
    {"kind": st.sampled_from(["event", "seal", "header", "x"])},
    optional={
        name: JSON_VALUES
        for name in ("seq", "at", "type", "payload", "prev_hash", "hash", "events", "head")
    },
)


@PROPERTY
@given(st.lists(EVENT_LIKE | JSON_VALUES, max_size=4), st.booleans())
def test_well_formed_but_wrong_json_lines_never_raise(objects: list[object], header: bool) -> None:
    from simulator.journal.canonical import canonical_bytes

    body = b"".join(canonical_bytes(obj) + b"\n" for obj in objects)
    assert_refused(verify_jsonl_bytes((LINES[0] + b"\n" if header else b"") + body))
