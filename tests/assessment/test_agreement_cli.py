"""``callsim agreement`` end to end: every pair, one pair, too few sessions, unknown assessors, formats, languages."""

from __future__ import annotations

import csv
import io
import json

import pytest

from scoring.assessment.agreement import agreement_report
from tests.assessment.review_samples import desk, quiet_main, scored_store

RUNS = [("never-confirms", 1), ("never-confirms", 2), ("ideal", 1), ("ideal", 2), ("careless", 1)]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Five scored sessions reviewed by Alice and Bruno (Bruno turned 01.09 to OK on the two never-confirms);
    Chloé reviewed two of them."""
    path = tmp_path_factory.mktemp("agreement") / "journal.sqlite3"
    ids = scored_store(path, RUNS)
    with desk(path, "Alice", "Bruno", "Chloé") as opened:
        for session_id in ids[:2]:
            opened.override(
                "Bruno",
                session_id,
                "01.09",
                "OK",
                "La date est reprise, même sans question fermée.",
            )
        for session_id in ids:
            opened.mark_reviewed("Alice", session_id)
            opened.mark_reviewed("Bruno", session_id)
        for session_id in ids[:2]:
            opened.mark_reviewed("Chloé", session_id)
        reviews = opened.sessions()
    return str(path), reviews


def test_json_gives_every_pair_then_each_assessor_against_the_scorer(store):
    path, reviews = store
    code, out, err = quiet_main(["agreement", "--format", "json", "--store", path])
    assert code == 0
    reports = json.loads(out)
    assert [(r["first"], r["second"]) for r in reports] == [
        ("Alice", "Bruno"),
        ("Alice", "Chloé"),
        ("Bruno", "Chloé"),
        ("Alice", "auto"),
        ("Bruno", "auto"),
        ("Chloé", "auto"),
    ]
    alice_bruno = reports[0]
    assert alice_bruno["sessions"] == 5 and alice_bruno["enough"]
    expected = agreement_report(reviews, "Alice", "Bruno")
    row = next(r for r in alice_bruno["competencies"] if r["competency"] == "01.09")
    assert row["n"] == 5 and row["agreement"] == pytest.approx(3 / 5)
    assert row["kappa"] == pytest.approx(
        next(r.kappa for r in expected.competencies if r.code == "01.09"), abs=1e-4
    )
    assert alice_bruno["overall"]["kappa"] == pytest.approx(expected.overall.kappa, abs=1e-4)
    assert (
        reports[3]["overall"]["agreement"] == 1.0
    )  # Alice changed nothing: she stands behind the scorer
    assert (
        not reports[1]["enough"]
        and reports[1]["competencies"] == []
        and reports[1]["sessions"] == 2
    )
    assert "Alice et Chloé : 2 sessions revues par les deux ; il en faut au moins 5" in err


def test_table_of_one_pair_in_french(store):
    path, _reviews = store
    code, out, _err = quiet_main(["agreement", "--assessors", "Bruno", "auto", "--store", path])
    assert code == 0
    assert "Accord : Bruno et la notation automatique — 5 sessions en commun" in out
    assert "κ de Cohen" in out and "Ensemble" in out
    line = next(line for line in out.splitlines() if "01.09" in line)
    assert "60,0 %" in line


def test_too_few_common_sessions_is_said_not_computed_in_english(store):
    path, _reviews = store
    code, out, _err = quiet_main(
        ["agreement", "--assessors", "Chloé", "Bruno", "--store", path, "--lang", "en"]
    )
    assert code == 0
    assert (
        "Chloé and Bruno: 2 sessions reviewed by both; at least 5 are needed for a meaningful κ."
        in out
    )
    assert "Cohen's κ" not in out


def test_csv_has_a_row_per_competency_and_the_overall_row(store):
    path, _reviews = store
    code, out, _err = quiet_main(
        ["agreement", "--assessors", "Alice", "Bruno", "--format", "csv", "--store", path]
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (
        code == 0
        and len(rows) == 24
        and rows[-1]["competency"] == "overall"
        and rows[-1]["n"] == str(5 * 23)
    )


def test_unknown_or_identical_assessors_are_refused(store, tmp_path):
    path, _reviews = store
    code, _out, err = quiet_main(["agreement", "--assessors", "Alice", "Zoé", "--store", path])
    assert code == 2 and "évaluateur inconnu : « Zoé »" in err and "Traceback" not in err
    assert quiet_main(["agreement", "--assessors", "Alice", "Alice", "--store", path])[0] == 2
    assert quiet_main(["agreement", "--store", str(tmp_path / "none.sqlite3")])[0] == 2


def test_nothing_reviewed_says_so(tmp_path):
    path = tmp_path / "journal.sqlite3"
    scored_store(path, [("ideal", 1)])
    code, out, err = quiet_main(["agreement", "--store", str(path)])
    assert (code, out) == (0, "") and "Aucune session marquée comme revue" in err
