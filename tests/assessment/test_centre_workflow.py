"""A test centre's day on the command line, under the usual umask 022: every file callsim creates is owner-only.

Store created with its administrator, an épreuve played, scored, an assessor registered, a review and
a signature, the day sealed, the grille exported: the store (and its WAL), the keys, the seal and the
exports are 0600, their folders 0700. Then the receipt and the seal verify, and the grille page
shows both.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from simulator.cli import main

ADMIN_PASSPHRASE = "la phrase de l'administrateur"
ANNE_PASSPHRASE = "la phrase secrète d'Anne"


def _main(capsys, monkeypatch, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture()
def day(tmp_path, capsys, monkeypatch):
    """The centre's folder after a day: store, keys, seal and exports; the session id and its receipt."""
    monkeypatch.setenv("CALLSIM_KEYS", str(tmp_path / "centre" / "keys"))
    store = tmp_path / "centre" / "callsim.sqlite3"
    previous = os.umask(0o022)
    try:
        assert (
            _main(
                capsys,
                monkeypatch,
                "store",
                "init",
                "Chef de centre",
                "--passphrase-stdin",
                "--store",
                store,
                stdin=ADMIN_PASSPHRASE + "\n",
            )[0]
            == 0
        )
        code, out, _err = _main(
            capsys,
            monkeypatch,
            "simulate",
            "--epreuve",
            "practice",
            "--policy",
            "ideal",
            "--seed",
            4,
            "--start",
            "2026-01-05T09:00",
            "--store",
            store,
        )
        session = out.split()[0]
        assert code == 0 and session.startswith("S-")
        assert _main(capsys, monkeypatch, "score", session, "--store", store)[0] == 0
        assert (
            _main(
                capsys,
                monkeypatch,
                "assessor",
                "add",
                "Anne",
                "--admin",
                "Chef de centre",
                "--passphrase-stdin",
                "--store",
                store,
                stdin=f"{ADMIN_PASSPHRASE}\n{ANNE_PASSPHRASE}\n",
            )[0]
            == 0
        )
        monkeypatch.setenv("CALLSIM_ASSESSOR_PASSPHRASE", ANNE_PASSPHRASE)
        who = ("--assessor", "Anne", "--store", store)
        for competency in ("01.08", "02.05", "02.07", "03.04"):
            assert (
                _main(
                    capsys,
                    monkeypatch,
                    "override",
                    session,
                    competency,
                    "--verdict",
                    "OK",
                    "--reason",
                    "observé à la réécoute de l'enregistrement",
                    *who,
                )[0]
                == 0
            )
        assert _main(capsys, monkeypatch, "mark-reviewed", session, *who)[0] == 0
        assert _main(capsys, monkeypatch, "sign", session, *who)[0] == 0
        seal = tmp_path / "centre" / "seals" / "2026-01-05.seal.json"
        seal.parent.mkdir(mode=0o755)
        assert (
            _main(
                capsys,
                monkeypatch,
                "centre",
                "seal",
                "--day",
                "2026-01-05",
                "--admin",
                "Chef de centre",
                "-o",
                seal,
                "--passphrase-stdin",
                "--store",
                store,
                stdin=ADMIN_PASSPHRASE + "\n",
            )[0]
            == 0
        )
        assert (
            _main(
                capsys,
                monkeypatch,
                "export",
                "--all",
                "--format",
                "html",
                "-o",
                tmp_path / "centre" / "pages",
                "--store",
                store,
            )[0]
            == 0
        )
        assert (
            _main(
                capsys,
                monkeypatch,
                "transcript",
                "export",
                session,
                "-o",
                tmp_path / "centre" / "transcript.jsonl",
                "--store",
                store,
            )[0]
            == 0
        )
        assert os.umask(0o022) == 0o022, "the command put the umask back"
    finally:
        os.umask(previous)
    from simulator.journal.receipt import receipt_code
    from simulator.journal.sqlite_store import SqliteJournalStore

    with SqliteJournalStore(store, create=False) as journal:
        receipt = receipt_code(journal, session)
    return tmp_path / "centre", store, session, receipt, seal


def test_every_file_callsim_creates_is_owner_only(day):
    folder, _store, _session, _receipt, _seal = day
    files = [p for p in folder.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"callsim.sqlite3", "2026-01-05.seal.json", "transcript.jsonl"} <= names
    assert (
        sum(p.suffix == ".key" for p in files) == 3 and sum(p.suffix == ".html" for p in files) == 1
    )
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for path in [p for p in folder.rglob("*") if p.is_dir() and p.name != "seals"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path


def test_the_receipt_and_the_seal_verify_and_the_grille_page_shows_them(day, capsys, monkeypatch):
    folder, store, session, receipt, seal = day
    code, out, _err = _main(
        capsys,
        monkeypatch,
        "transcript",
        "verify",
        session,
        "--receipt",
        receipt.lower(),
        "--seal",
        seal,
        "--store",
        store,
    )
    assert code == 0
    assert f"le reçu {receipt.lower()} correspond au journal jusqu'à l'événement n° " in out
    assert "OK : le magasin correspond au sceau du 2026-01-05 (1 session)." in out
    assert _main(capsys, monkeypatch, "centre", "verify", "--seal", seal, "--store", store)[:2] == (
        0,
        "OK : le magasin correspond au sceau du 2026-01-05 (1 session).\n",
    )
    page = (folder / "pages" / f"{session}.html").read_text(encoding="utf-8")
    assert f"Reçu du journal noté : {receipt}" in page
    assert "Journal scellé par le centre le 2026-01-05 : intact." in page


def test_a_miscopied_or_foreign_receipt_fails(day, capsys, monkeypatch):
    _folder, store, session, receipt, _seal = day
    wrong = receipt[:-2] + ("A" if receipt[-2] != "A" else "B") + receipt[-1]
    code, out, _err = _main(
        capsys, monkeypatch, "transcript", "verify", session, "--receipt", wrong, "--store", store
    )
    assert code == 1 and "mal recopié" in out
    from simulator.journal.receipt import code_of

    code, out, _err = _main(
        capsys,
        monkeypatch,
        "transcript",
        "verify",
        session,
        "--receipt",
        code_of("7" * 64),
        "--store",
        store,
    )
    assert code == 1 and "ne contient plus la tête du reçu" in out


def test_a_seal_file_edited_by_hand_is_refused(day, capsys, monkeypatch):
    _folder, store, _session, _receipt, seal = day
    edited = Path(seal).read_text(encoding="utf-8").replace('"events": ', '"events": 1')
    Path(seal).write_text(edited, encoding="utf-8")
    code, _out, err = _main(
        capsys, monkeypatch, "centre", "verify", "--seal", seal, "--store", store
    )
    assert (code, err) == (
        1,
        "Erreur : La signature du sceau ne se vérifie pas : fichier modifié ou forgé.\n",
    )
