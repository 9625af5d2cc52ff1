"""``callsim epreuve coverage``: the competency × scenario matrix a trainer builds an épreuve with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.referentiel import get_referentiel
from simulator.scenario.checker import check_paths, load_checked

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
PRACTICE = SCENARIOS / "epreuves" / "practice.yaml"
COMPLAINT = SCENARIOS / "inbound" / "maison-lumiere-livraison.yaml"
APPOINTMENT = SCENARIOS / "outbound" / "energie-rendez-vous-compteur.yaml"


def _epreuve(tmp_path: Path, *scenarios: Path, mode: str = "exam") -> Path:
    contacts = "".join(f"  - scenario: {s}\n" for s in scenarios)
    path = tmp_path / "epreuve.yaml"
    path.write_text(
        "callsim: epreuve/1\nid: essai\nversion: 1.0.0\ntitle: Essai\nbriefing: Deux contacts.\n"
        f"mode: {mode}\ntime_limit_minutes: 60\ncontacts:\n{contacts}",
        encoding="utf-8",
    )
    return path


def _json(capsys, *argv: str) -> tuple[int, dict]:
    code = main(["epreuve", "coverage", *argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_each_competency_lists_exactly_the_contacts_that_claim_it(tmp_path, capsys):
    code, report = _json(capsys, str(_epreuve(tmp_path, COMPLAINT, APPOINTMENT)), "--min", "1")
    complaint, appointment = load_checked(COMPLAINT).model, load_checked(APPOINTMENT).model
    assert report["scenarios"] == [complaint.id, appointment.id]
    rows = {row["code"]: row for row in report["competencies"]}
    assert list(rows) == list(get_referentiel().codes)
    for code_ in get_referentiel().codes:
        expected = [s.id for s in (complaint, appointment) if code_ in s.competencies]
        assert rows[code_]["scenarios"] == expected
        assert rows[code_]["chances"] == len(expected)
    assert report["short"] == [c for c in get_referentiel().codes if not rows[c]["scenarios"]]
    assert code == 1  # 03.xx is not covered at all


def test_the_short_list_agrees_with_the_checker_on_an_exam_epreuve(tmp_path, capsys):
    path = _epreuve(tmp_path, COMPLAINT, APPOINTMENT)
    _code, report = _json(capsys, str(path))
    flagged = [
        d.params["competency"]
        for d in check_paths([path]).diagnostics
        if d.code == "coverage-short"
    ]
    assert report["required"] == 2
    assert report["short"] == flagged


def test_exit_code_follows_the_required_number_of_chances(tmp_path, capsys):
    complaint = load_checked(COMPLAINT).model
    path = str(_epreuve(tmp_path, COMPLAINT))
    code, report = _json(capsys, path, "--min", "1")
    assert code == 1
    assert set(report["short"]) == set(get_referentiel().codes) - set(complaint.competencies)
    code, report = _json(capsys, path, "--min", "0")
    assert (code, report["short"]) == (0, [])


def test_an_epreuve_is_found_by_its_name(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, report = _json(capsys, "practice")
    assert report["epreuve"] == str(Path("scenarios/epreuves/practice.yaml"))
    assert len(report["scenarios"]) == len(load_checked(PRACTICE).model.contacts)


def test_the_table_names_every_competency_and_contact(capsys):
    main(["epreuve", "coverage", str(PRACTICE), "--lang", "en"])
    out = capsys.readouterr().out
    for competency in get_referentiel().competencies:
        assert competency.code in out
    for entry in load_checked(PRACTICE).model.contacts:
        assert Path(entry.scenario).stem in out
    assert "competencies with at least 2 chances" in out


def test_csv_has_one_row_per_competency(capsys):
    main(["epreuve", "coverage", str(PRACTICE), "--format", "csv"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("code,") and lines[0].endswith(",chances")
    assert [line.split(",")[0] for line in lines[1:]] == list(get_referentiel().codes)


@pytest.mark.parametrize("target", ["missing.yaml", "inbound/maison-lumiere-livraison.yaml"])
def test_a_missing_file_or_a_scenario_is_a_usage_error(target, capsys):
    assert main(["epreuve", "coverage", str(SCENARIOS / target)]) == 2
    assert capsys.readouterr().err.strip()
