"""``callsim simulate | score | rescore | report`` end to end, on a journal in a temporary folder."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from scoring.storage import SqliteGrilleStore
from simulator.cli import main
from tests.scoring.scoring_support import CONFIRM_CODES, REPO, bundle, covered, practice, tamper

STRICT = """callsim: rubric/1
id: stricte
version: 1.1.0
title: {fr: Stricte, en: Strict}
competencies: {minimum_observations: 2, minimum_positive_share: 0.75}
"""


def _simulate(capsys, store, policy, seed, epreuve="practice"):
    assert (
        main(
            [
                "simulate",
                "--epreuve",
                epreuve,
                "--policy",
                policy,
                "--seed",
                str(seed),
                "--store",
                store,
            ]
        )
        == 0
    )
    return capsys.readouterr().out.strip()


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """A journal with three simulated candidates, all scored."""
    store = str(tmp_path_factory.mktemp("cli") / "journal.sqlite3")
    ids = {}

    for policy in ("ideal", "careless", "never-confirms"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            assert (
                main(
                    [
                        "simulate",
                        "--epreuve",
                        "practice",
                        "--policy",
                        policy,
                        "--seed",
                        "2",
                        "--store",
                        store,
                    ]
                )
                == 0
            )
        ids[policy] = out.getvalue().strip()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["score", "--all", "--store", store]) == 0
    return store, ids


def _report_json(capsys, store, session_id):
    assert main(["report", session_id, "--format", "json", "--store", store]) == 0
    return json.loads(capsys.readouterr().out)


def test_simulate_score_report_give_the_expected_verdicts(scored, capsys):
    store, ids = scored
    assessed = covered(bundle(practice()))
    verdicts = {
        p: {c["code"]: c["verdict"] for c in _report_json(capsys, store, s)["competencies"]}
        for p, s in ids.items()
    }
    assert all(verdicts["ideal"][code] == "ok" for code in assessed)
    assert {code for code in assessed if verdicts["never-confirms"][code] == "nok"} == CONFIRM_CODES
    assert sum(verdicts["careless"][code] == "nok" for code in assessed) >= 0.7 * len(assessed)


def test_simulating_the_same_run_twice_gives_the_same_session(scored, capsys):
    store, ids = scored
    assert _simulate(capsys, store, "ideal", 2) == ids["ideal"]


def test_simulate_names_the_known_epreuves_when_one_is_unknown(tmp_path, capsys):
    assert main(["simulate", "--epreuve", "nope", "--store", str(tmp_path / "j.sqlite3")]) == 2
    assert "practice" in capsys.readouterr().err


def test_score_needs_sessions_or_all(capsys):
    assert main(["score"]) == 2


def test_scoring_again_skips_what_is_up_to_date(scored, capsys):
    store, _ids = scored
    assert main(["score", "--all", "--store", store]) == 0
    assert "3 déjà à jour" in capsys.readouterr().err


def test_score_refuses_a_tampered_journal_and_says_why(tmp_path, capsys):
    store = str(tmp_path / "journal.sqlite3")
    session_id = _simulate(capsys, store, "never-confirms", 1)
    tamper(
        tmp_path / "journal.sqlite3",
        'UPDATE events SET payload = replace(payload, \'"effect":"negative"\', \'"effect":"positive"\') '
        'WHERE session_id = ? AND payload LIKE \'%"effect":"negative"%\'',
        session_id,
    )
    assert main(["score", session_id, "--store", store]) == 1
    err = capsys.readouterr().err
    assert f"{session_id} refusée" in err and "a été modifié" in err
    with SqliteGrilleStore(store) as grilles:
        assert grilles.latest(session_id) is None


def test_parallel_scoring_gives_the_same_grilles(scored, tmp_path, capsys):
    import shutil

    store, ids = scored
    copy = str(tmp_path / "copy.sqlite3")
    shutil.copy(store, copy)
    assert main(["score", "--all", "--force", "--jobs", "2", "--store", copy]) == 0
    with SqliteGrilleStore(store) as a, SqliteGrilleStore(copy) as b:
        for session_id in ids.values():
            assert a.latest(session_id).grille_sha256 == b.latest(session_id).grille_sha256


def test_report_formats(scored, capsys, tmp_path):
    store, ids = scored
    session_id = ids["never-confirms"]
    assert main(["report", session_id, "--store", store]) == 0
    terminal = capsys.readouterr().out
    assert all(code in terminal for code in ("01.01", "02.04", "03.05")) and "NOK" in terminal
    assert main(["report", session_id, "--format", "csv", "--store", store]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 24 and rows[0].startswith("session_id,")
    assert main(["report", session_id, "--format", "md", "--lang", "en", "--store", store]) == 0
    assert "## 01 —" in capsys.readouterr().out
    out = tmp_path / "grille.html"
    assert main(["report", session_id, "--format", "html", "-o", str(out), "--store", store]) == 0
    html = out.read_text(encoding="utf-8")
    assert "@page" in html and "A4" in html and session_id in html


def test_report_on_an_unscored_or_unknown_session(tmp_path, capsys):
    store = str(tmp_path / "journal.sqlite3")
    session_id = _simulate(capsys, store, "ideal", 1)
    assert main(["report", session_id, "--store", store]) == 1
    assert "callsim score" in capsys.readouterr().err
    assert main(["report", "S-nope", "--store", store]) == 1
    assert "inconnue" in capsys.readouterr().err


def test_rescore_shows_the_differences_and_writes_only_without_dry_run(scored, tmp_path, capsys):
    import shutil

    store, ids = scored
    copy = str(tmp_path / "copy.sqlite3")
    shutil.copy(store, copy)
    rubric = tmp_path / "stricte.yaml"
    rubric.write_text(STRICT, encoding="utf-8")
    with SqliteGrilleStore(copy) as grilles:
        before = {s: len(grilles.history(s)) for s in ids.values()}
    assert main(["rescore", "--rubric", str(rubric), "--dry-run", "--store", copy]) == 0
    out, err = capsys.readouterr()
    assert f"{ids['ideal']} (SIM-ideal-2)" in out
    assert (
        "01.07" in out and "NON OBSERVÉ" in out
    )  # one observation is not enough outside practice settings
    assert "rien n'est écrit" in err
    with SqliteGrilleStore(copy) as grilles:
        assert {s: len(grilles.history(s)) for s in ids.values()} == before
    assert main(["rescore", "--rubric", str(rubric), "--store", copy]) == 0
    capsys.readouterr()
    with SqliteGrilleStore(copy) as grilles:
        latest = grilles.latest(ids["ideal"])
        assert (latest.rubric_id, latest.rubric_version, latest.evidence_source) == (
            "stricte",
            "1.1.0",
            "replay",
        )
        assert len(grilles.history(ids["ideal"])) == before[ids["ideal"]] + 1


def test_rescore_dry_run_shows_what_rubric_2_changes_from_rubric_1(tmp_path, capsys):
    store = str(tmp_path / "v1.sqlite3")
    session = _simulate(capsys, store, "careless", 3)
    rubric_1 = str(REPO / "scoring" / "rubrics" / "default.yaml")
    assert main(["score", session, "--rubric", rubric_1, "--store", store]) == 0
    capsys.readouterr()
    assert main(["rescore", "--dry-run", "--store", store]) == 0
    out, err = capsys.readouterr()
    assert (
        f"{session} (SIM-careless-3)" in out
        and "[grille de notation defaut 1.0.0 → criteres 2.0.0]" in out
    )
    # One fault, one negative: the close-before-agreement rule no longer counts again for a recap already failed.
    assert any(
        line.split()[0] == "02.04" and "(0+ 3− → 0+ 2−)" in line
        for line in out.splitlines()
        if line.startswith("  ")
    )
    assert "criteres 2.0.0" in err and "rien n'est écrit" in err
