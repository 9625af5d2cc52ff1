"""The library: bundled with callsim, found from any folder, extended by CALLSIM_LIBRARY, listed
with its origin and complete languages by ``callsim epreuve list``."""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import tomllib
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.engine.bundle import epreuve_path, known_epreuves
from simulator.library import bundled_folder, default_check_folders, epreuve_files, find_epreuve

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"


@pytest.fixture
def elsewhere(monkeypatch, tmp_path):
    """An empty working folder, no CALLSIM_LIBRARY."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CALLSIM_LIBRARY", raising=False)
    return tmp_path


def _centre(folder: Path, *names: str) -> Path:
    """A centre's library folder with épreuves of these names (each a copy of the practice épreuve)."""
    (folder / "epreuves").mkdir(parents=True)
    for name in names:
        (folder / "epreuves" / f"{name}.yaml").write_text(
            (SCENARIOS / "epreuves" / "practice.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    return folder


def test_the_wheel_carries_every_file_of_the_library():
    """Every file under scenarios/ matches the package data the wheel takes from it."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    assert setuptools["package-dir"]["simulator.library.scenarios"] == "scenarios"
    assert {"simulator.library", "simulator.library.scenarios"} <= set(setuptools["packages"])
    patterns = setuptools["package-data"]["simulator.library.scenarios"]
    files = [
        p.relative_to(SCENARIOS).as_posix()
        for p in SCENARIOS.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    left_out = [
        f
        for f in files
        if not any(
            fnmatch.fnmatch(f, pattern) and f.count("/") == pattern.count("/")
            for pattern in patterns
        )
    ]
    assert left_out == [] and len(files) > 40


def test_from_an_empty_folder_the_bundled_library_names_both_epreuves(elsewhere):
    assert bundled_folder().resolve() == SCENARIOS.resolve()
    assert {"practice", "standard"} <= set(known_epreuves())
    assert (
        epreuve_path("practice").resolve() == (SCENARIOS / "epreuves" / "practice.yaml").resolve()
    )
    assert default_check_folders() == (bundled_folder(),)


def test_callsim_library_adds_a_centres_epreuves_in_order_before_the_bundled_ones(
    elsewhere, monkeypatch
):
    first, second = (
        _centre(elsewhere / "namur", "centre-namur", "practice"),
        _centre(elsewhere / "liege", "practice"),
    )
    monkeypatch.setenv("CALLSIM_LIBRARY", os.pathsep.join([str(first), "", str(second)]))
    assert epreuve_path("centre-namur") == first / "epreuves" / "centre-namur.yaml"
    assert find_epreuve("practice").path == first / "epreuves" / "practice.yaml"
    origins = [(e.name, e.origin) for e in epreuve_files() if e.name == "practice"]
    assert origins == [("practice", "env"), ("practice", "env"), ("practice", "bundled")]
    assert "centre-namur" in known_epreuves()


def test_epreuve_list_shows_title_contacts_languages_and_origin(elsewhere, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["epreuve", "list", "--format", "json"]) == 0
    listed = {e["name"]: e for e in json.loads(capsys.readouterr().out)}
    assert listed["practice"]["origin"] == listed["standard"]["origin"] == "bundled"
    assert listed["practice"]["languages"] == ["fr", "en", "nl"] and listed["standard"][
        "languages"
    ] == ["fr", "en"]
    assert listed["standard"]["contacts"] >= 12 and listed["standard"]["title"].startswith(
        "Épreuve standard"
    )
    assert main(["epreuve", "list", "--lang", "en"]) == 0
    table = capsys.readouterr().out
    assert (
        "Complete languages" in table and "bundled with callsim" in table and "fr, en, nl" in table
    )


def test_epreuve_list_marks_a_hidden_epreuve_and_fails_on_a_broken_one(
    elsewhere, monkeypatch, capsys
):
    """A copy of practice.yaml without its scenarios beside it cannot be played: listed with its errors."""
    centre = _centre(elsewhere / "centre", "practice")
    monkeypatch.setenv("CALLSIM_LIBRARY", str(centre) + os.pathsep + str(elsewhere / "absent"))
    assert main(["epreuve", "list", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    practice = [e for e in json.loads(out) if e["name"] == "practice"]
    assert [(e["origin"], e["hidden"], e["errors"] > 0) for e in practice] == [
        ("env", False, True),
        ("bundled", True, False),
    ]
    assert f"CALLSIM_LIBRARY : dossier introuvable : {elsewhere / 'absent'}" in err


def test_a_library_folder_given_on_the_command_line_is_listed(elsewhere, capsys):
    copy = elsewhere / "copy"
    shutil.copytree(SCENARIOS, copy)
    (copy / "epreuves" / "practice.yaml").rename(copy / "epreuves" / "namur.yaml")
    assert main(["epreuve", "list", "--library", str(copy), "--format", "json"]) == 0
    listed = {(e["name"], e["origin"]) for e in json.loads(capsys.readouterr().out)}
    assert {("namur", "given"), ("standard", "given"), ("standard", "bundled")} <= listed


def test_ci_checks_the_installed_wheel_after_the_tests():
    """CI builds the wheel, installs it in a fresh venv and runs the three commands from an empty folder."""
    lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    tests = next(i for i, line in enumerate(lines) if "python -m pytest" in line)
    assert lines.index("python scripts/check_wheel.py") > tests
    from scripts.check_wheel import COMMANDS

    assert {("epreuve", "list"), ("simulate", "--epreuve", "practice", "--policy", "ideal")} <= set(
        COMMANDS
    )
    assert ("scenario", "check", "--strict") in COMMANDS
