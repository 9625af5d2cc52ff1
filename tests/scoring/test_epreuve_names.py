"""Épreuve names: the candidate app, ``callsim epreuve coverage`` and ``callsim simulate`` find the same files.

The app and the coverage table call ``simulator.engine.bundle.epreuve_path``; ``callsim simulate``
calls ``scoring.bundles.epreuve_file``. A trainer who types ``standard`` must get the same file from
all of them, and the same list of known names when the name is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.bundles import epreuve_file
from scoring.score import ScoringError
from simulator.cli import main
from simulator.engine.bundle import UnknownEpreuve, epreuve_path, known_epreuves
from tests.scoring.scoring_support import EPREUVES

SHIPPED = tuple(sorted(path.stem for path in EPREUVES.glob("*.yaml")))


def test_the_shipped_epreuves_include_practice_and_standard():
    assert {"practice", "standard"} <= set(SHIPPED)


def test_from_the_source_tree_both_callers_give_the_relative_file(monkeypatch):
    monkeypatch.chdir(EPREUVES.parents[1])
    for name in SHIPPED:
        expected = Path("scenarios") / "epreuves" / f"{name}.yaml"
        assert epreuve_path(name) == expected
        assert epreuve_file(name) == str(expected)


def test_from_another_folder_both_callers_fall_back_to_the_source_tree(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for name in SHIPPED:
        assert epreuve_path(name) == EPREUVES / f"{name}.yaml"
        assert epreuve_file(name) == str(EPREUVES / f"{name}.yaml")


def test_a_local_epreuve_folder_comes_first_and_adds_its_names(monkeypatch, tmp_path):
    local = tmp_path / "scenarios" / "epreuves"
    local.mkdir(parents=True)
    for name in ("practice", "centre-namur"):
        (local / f"{name}.yaml").write_text("callsim: epreuve/1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert epreuve_path("practice") == Path("scenarios/epreuves/practice.yaml")
    assert epreuve_file("centre-namur") == str(Path("scenarios/epreuves/centre-namur.yaml"))
    assert epreuve_path("standard") == EPREUVES / "standard.yaml"
    assert known_epreuves() == tuple(sorted({*SHIPPED, "centre-namur"}))


def test_a_file_given_as_a_path_is_taken_as_it_is(tmp_path):
    own = tmp_path / "mon-epreuve.yml"
    own.write_text("callsim: epreuve/1\n", encoding="utf-8")
    assert epreuve_path(str(own)) == own
    assert epreuve_file(str(own)) == str(own)


def test_an_unknown_name_gives_both_callers_the_same_known_names(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnknownEpreuve) as engine:
        epreuve_path("standrad")
    with pytest.raises(ScoringError) as scoring:
        epreuve_file("standrad")
    assert engine.value.known == SHIPPED
    listed = ", ".join(SHIPPED)
    assert (
        engine.value.message("fr")
        == scoring.value.message("fr")
        == f"épreuve inconnue « standrad » (connues : {listed})"
    )
    assert (
        engine.value.message("en")
        == scoring.value.message("en")
        == f"unknown épreuve 'standrad' (known: {listed})"
    )
    assert scoring.value.message("nl") == f"onbekende proef 'standrad' (bekend: {listed})"


@pytest.mark.parametrize("missing", ["absente.yaml", "dossier/absente"])
def test_a_missing_file_is_named_without_a_list(missing, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnknownEpreuve) as engine:
        epreuve_path(missing)
    with pytest.raises(ScoringError) as scoring:
        epreuve_file(missing)
    assert (
        engine.value.message("fr")
        == scoring.value.message("fr")
        == f"fichier d'épreuve introuvable : {missing}"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["simulate", "--epreuve", "standrad"],
        ["epreuve", "coverage", "standrad"],
        ["practice", "--epreuve", "standrad"],
    ],
)
def test_every_command_lists_the_known_epreuves_for_a_wrong_name(
    argv, monkeypatch, tmp_path, capsys
):
    monkeypatch.chdir(tmp_path)
    store = ["--store", str(tmp_path / "journal.sqlite3")] if argv[0] != "epreuve" else []
    assert main([*argv, *store]) == 2
    err = capsys.readouterr().err
    assert f"épreuve inconnue « standrad » (connues : {', '.join(SHIPPED)})" in err
    assert "Traceback" not in err
    assert not (tmp_path / "journal.sqlite3").exists()
