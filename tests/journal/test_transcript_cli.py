"""Tests of ``callsim transcript``: verify exit codes, export, list, clear errors."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from simulator.cli import transcript_cmd
from simulator.cli.language import CallsimParser, speak
from simulator.journal.events import SessionHeader
from simulator.journal.jsonl import write_jsonl
from simulator.journal.sqlite_schema import TRIGGERS
from simulator.journal.sqlite_store import SqliteJournalStore

HEADER = SessionHeader(
    session_id="S-cli",
    candidate_id="cand-3",
    seed=5,
    epreuve_id="ep",
    epreuve_hash="e" * 64,
    scenario_hashes={},
    app_version="0.1.0",
    created_at="2025-03-10T09:00:00+01:00",
    mode="exam",
    language="fr",
)


def run(*argv: str) -> int:
    parser = CallsimParser(prog="callsim", top=True)  # the shared --lang and the translated help
    transcript_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["transcript", *argv])
    return int(args.handler(args))


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite3"
    with SqliteJournalStore(path) as store:
        store.create_session(HEADER)
        for i in range(4):
            store.append(HEADER.session_id, "tick", {"i": i}, f"2025-03-10T09:00:0{i}+01:00")
        store.create_session(SessionHeader(**{**HEADER.__dict__, "session_id": "S-empty"}))
    return path


def exported(db: Path) -> bytes:
    with SqliteJournalStore(db) as store:
        out = io.BytesIO()
        write_jsonl(store, HEADER.session_id, out)
        return out.getvalue()


def test_verify_session_ok(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("verify", "S-cli", "--store", str(db)) == 0
    assert "OK: 4 événements vérifiés, chaîne intacte" in capsys.readouterr().out


def test_verify_file_ok_and_tampered(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "s.jsonl"
    good.write_bytes(exported(db))
    assert run("verify", str(good)) == 0
    assert "OK: 4 événements vérifiés" in capsys.readouterr().out
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(good.read_bytes().replace(b'{"i":2}', b'{"i":7}'))
    assert run("verify", str(bad)) == 1
    out = capsys.readouterr().out
    assert "ÉCHEC" in out and "événement n° 3" in out and "modifié" in out


def test_verify_invalid_file_is_refused_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\xff\xfe garbage\n")
    assert run("verify", str(junk)) == 1
    out = capsys.readouterr().out
    assert "ligne 1" in out and "UTF-8" in out


def test_verify_tampered_store_names_first_bad_event(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = sqlite3.connect(db, isolation_level=None)
    try:
        raw.execute("BEGIN")
        raw.execute("DROP TRIGGER events_no_delete")
        raw.execute("DELETE FROM events WHERE seq = 2")
        raw.execute(TRIGGERS["events_no_delete"])
        raw.execute("COMMIT")
    finally:
        raw.close()
    assert run("verify", "S-cli", "--store", str(db)) == 1
    out = capsys.readouterr().out
    assert "événement n° 2" in out and "manque" in out


def test_unknown_session_and_missing_store(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("verify", "S-nope", "--store", str(db)) == 1
    assert "session inconnue" in capsys.readouterr().err
    assert run("export", "S-nope", "--store", str(db)) == 1
    assert "S-nope" in capsys.readouterr().err
    missing = tmp_path / "absent.sqlite3"
    assert run("list", "--store", str(missing)) == 1
    assert "introuvable" in capsys.readouterr().err
    assert not missing.exists()


def test_export_stdout_and_file(
    db: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert run("export", "S-cli", "--format", "jsonl", "--store", str(db)) == 0
    assert capsysbinary.readouterr().out == exported(db)
    target = tmp_path / "out.jsonl"
    assert run("export", "S-cli", "--store", str(db), "-o", str(target)) == 0
    assert target.read_bytes() == exported(db)


def test_store_from_environment(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALLSIM_STORE", str(db))
    assert run("verify", "S-cli") == 0
    capsys.readouterr()


def test_list(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("list", "--store", str(db)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("S-cli\tcand-3\texam") and lines[0].endswith("4 événements")
    assert lines[1].startswith("S-empty") and lines[1].endswith(
        "0 événement"
    )  # French: zero is singular


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    speak(
        "fr"
    )  # what a fresh run speaks (an earlier test of this process may have chosen another language)
    with pytest.raises(SystemExit):
        run("verify", "--help")
    assert "identifiant de session" in capsys.readouterr().out
    assert run() == 2
