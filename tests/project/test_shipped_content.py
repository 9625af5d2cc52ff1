"""The shipped scenarios, épreuves and test plans are clean, walkable and pass their plans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.scenario.checker import check_paths, load_checked
from simulator.scenario.schema import schema_text
from simulator.scenario.variants.draw import covering, key
from simulator.trainer.plans import find_plan_files, run_plan_file
from simulator.trainer.walk import walk

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
SCENARIO_FILES = sorted(
    p
    for p in SCENARIOS.rglob("*.yaml")
    if not p.name.endswith(".plans.yaml") and "epreuves" not in p.parts
)


def test_the_shipped_library_checks_clean_in_strict_mode():
    report = check_paths([SCENARIOS])
    assert [d.format("en") for d in report.diagnostics] == []
    assert len(SCENARIO_FILES) >= 16


def test_the_library_has_every_kind_of_contact_the_standard_asks_for():
    kinds = {(m.direction, m.kind) for m in (load_checked(p).model for p in SCENARIO_FILES)}
    directions = {d for d, _ in kinds}
    assert directions == {"inbound", "outbound", "admin"}
    for direction, count in (("inbound", 6), ("outbound", 6), ("admin", 6)):
        assert sum(1 for p in SCENARIO_FILES if p.parent.name == direction) >= count, direction


def test_the_standard_epreuve_gives_every_competency_two_chances(capsys):
    standard = load_checked(SCENARIOS / "epreuves" / "standard.yaml").model
    assert standard.mode == "exam" and len(standard.contacts) >= 12
    assert (
        main(
            [
                "epreuve",
                "coverage",
                str(SCENARIOS / "epreuves" / "standard.yaml"),
                "--format",
                "json",
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["short"] == []
    assert (
        all(row["chances"] >= 2 for row in report["competencies"])
        and len(report["competencies"]) == 23
    )


def test_the_practice_epreuve_is_short_with_feedback():
    practice = load_checked(SCENARIOS / "epreuves" / "practice.yaml").model
    assert practice.mode == "practice" and 3 <= len(practice.contacts) <= 4


@pytest.mark.parametrize("kind", ["scenario", "epreuve", "testplan"])
def test_the_shipped_json_schema_is_in_sync_with_the_models(kind):
    shipped = (SCENARIOS / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(kind), (
        "run: callsim scenario schema --kind KIND > scenarios/schema/KIND.schema.json"
    )
    assert json.loads(shipped)["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_every_shipped_yaml_file_names_its_schema():
    for path in SCENARIOS.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = (
            "testplan"
            if path.name.endswith(".plans.yaml")
            else ("epreuve" if "epreuves" in path.parts else "scenario")
        )
        assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json", path


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_walking_every_shipped_scenario_finds_no_dead_end_nor_crash(path):
    loaded = load_checked(path)
    forms = [loaded.model]  # the file as written, and forms that use every alternative once
    if loaded.layer is not None:
        by_form = {key(form.variant): form.model for form in loaded.forms}
        forms += [by_form[key(combination)] for combination in covering(loaded.layer)]
    for scenario in forms:
        report = walk(scenario)
        assert report.dead_ends == [] and report.exceptions == [], scenario.id
        assert report.never_observed == [] and report.never_positive == [], scenario.id
        assert report.paths > 0


@pytest.mark.parametrize("path", find_plan_files([SCENARIOS]), ids=lambda p: p.stem)
def test_every_shipped_test_plan_passes(path):
    outcome = run_plan_file(path)
    assert outcome.diagnostics == []
    failures = {r.plan: r.failures for r in outcome.results if not r.ok}
    assert failures == {}


def test_every_scenario_has_a_model_path_and_a_flawed_path():
    plans = {p.name.removesuffix(".plans.yaml") for p in find_plan_files([SCENARIOS])}
    assert plans == {p.stem for p in SCENARIO_FILES}


def test_check_command_exit_codes(capsys):
    assert main(["scenario", "check", str(SCENARIOS), "--strict"]) == 0
    assert main(["scenario", "check", str(ROOT / "no-such-folder")]) == 2
