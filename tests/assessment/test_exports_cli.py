"""``callsim export`` end to end on a journal in a temporary folder: formats, files, folders, blind mode, refusals."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.assessment.review_samples import desk, played, quiet_main, scored_store

REASON = "Accord reformulé avec la date et l'heure."


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Two scored sessions (never-confirms: overridden, reviewed, signed by Alice; ideal: untouched), one unscored."""
    path = tmp_path_factory.mktemp("export") / "journal.sqlite3"
    changed, untouched = scored_store(path, [("never-confirms", 1), ("ideal", 1)])
    (unscored,) = played(path, [("careless", 1)])
    with desk(path, "Alice") as opened:
        opened.override("Alice", changed, "01.09", "OK", REASON)
        opened.override("Alice", changed, "02.04", "OK", "Confirmation entendue à la réécoute.")
        for code, verdict in opened.review(changed).final().items():
            if verdict == "not_observed":
                opened.override(
                    "Alice", changed, code, "NOK", "Rien d'observable dans cette épreuve."
                )
        opened.mark_reviewed("Alice", changed)
        opened.sign("Alice", changed)
    return str(path), changed, untouched, unscored


def test_xapi_of_one_session_on_standard_output_is_stable(store):
    path, changed, _untouched, _unscored = store
    code, out, _err = quiet_main(["export", changed, "--format", "xapi", "--store", path])
    assert code == 0
    statements = json.loads(out)
    voids = [s for s in statements if s["verb"]["id"].endswith("/voided")]
    assert len(voids) >= 3 and all(s["object"]["objectType"] == "StatementRef" for s in voids)
    assert quiet_main(["export", changed, "--format", "xapi", "--store", path])[1] == out


def test_all_scored_sessions_go_into_one_csv_file(store, tmp_path):
    path, changed, untouched, _unscored = store
    target = tmp_path / "grilles.csv"
    code, out, err = quiet_main(
        ["export", "--all", "--format", "csv", "-o", str(target), "--store", path]
    )
    assert code == 0 and out == "" and "1 session pas encore notée" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert sorted({r["session"] for r in rows}) == sorted([changed, untouched]) and len(rows) == 46
    row = next(r for r in rows if r["session"] == changed and r["competency"] == "01.09")
    assert (
        row["automatic"],
        row["final"],
        row["overridden_by"],
        row["reason"],
        row["status"],
        row["signed_by"],
    ) == ("nok", "ok", "Alice", REASON, "signed", "Alice")


def test_jsonl_of_two_named_sessions_keeps_their_order(store):
    path, changed, untouched, _unscored = store
    code, out, _err = quiet_main(
        ["export", untouched, changed, "--format", "jsonl", "--store", path]
    )
    assert code == 0
    sessions = [
        json.loads(line) for line in out.splitlines() if json.loads(line)["kind"] == "session"
    ]
    assert [s["session_id"] for s in sessions] == [untouched, changed]
    assert [s["status"] for s in sessions] == ["scored", "signed"]


def test_html_pages_go_into_a_folder_one_per_session(store, tmp_path):
    path, changed, untouched, _unscored = store
    folder = tmp_path / "pages"
    code, _out, err = quiet_main(
        ["export", "--all", "--format", "html", "-o", str(folder), "--store", path, "--blind"]
    )
    assert code == 0 and "2 pages écrites" in err
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{changed}.html", f"{untouched}.html"]
    )
    page = (folder / f"{changed}.html").read_text(encoding="utf-8")
    assert "Grille signée par Alice" in page and "CAND-" not in page


def test_html_of_several_sessions_needs_a_folder(store):
    path, changed, untouched, _unscored = store
    code, out, err = quiet_main(["export", changed, untouched, "--format", "html", "--store", path])
    assert code == 2 and out == "" and "-o DOSSIER" in err


@pytest.mark.parametrize("fmt", ["jsonl", "xapi", "csv", "html"])
def test_blind_export_contains_no_candidate_id(store, fmt):
    path, changed, _untouched, _unscored = store
    code, out, _err = quiet_main(["export", changed, "--format", fmt, "--blind", "--store", path])
    assert code == 0 and out and "CAND-never-confirms-1" not in out


def test_unknown_session_exits_2_and_unscored_exits_1(store):
    path, _changed, _untouched, unscored = store
    code, out, err = quiet_main(["export", "S-000000000000", "--format", "csv", "--store", path])
    assert (code, out) == (2, "") and "Session inconnue" in err and "Traceback" not in err
    code, _out, err = quiet_main(
        ["export", unscored, "--format", "csv", "--store", path, "--lang", "en"]
    )
    assert code == 1 and f"run « callsim score {unscored} »" in err


def test_sessions_or_all_and_an_existing_store_are_required(store, tmp_path):
    path, changed, _untouched, _unscored = store
    assert quiet_main(["export", "--format", "csv", "--store", path])[0] == 2
    assert quiet_main(["export", changed, "--all", "--format", "csv", "--store", path])[0] == 2
    code, _out, err = quiet_main(
        [
            "export",
            "--all",
            "--format",
            "csv",
            "--store",
            str(tmp_path / "none.sqlite3"),
            "--lang",
            "en",
        ]
    )
    assert code == 2 and "journal not found" in err
