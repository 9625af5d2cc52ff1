"""The path walker: every path explored, counted exactly, crashes and unobservable competencies reported."""

from __future__ import annotations

from simulator.cli import main
from simulator.trainer.walk import walk
from tests.engine.contact_support import phone_scenario


def test_every_path_of_a_small_scenario_is_counted():
    report = walk(phone_scenario())
    # three ways through the opening × two ways through the recap
    assert report.paths == 6
    assert set(report.endings) == {"resolved"}
    assert report.dead_ends == [] and report.exceptions == []
    assert not report.looping


def test_a_text_that_only_fails_with_real_data_is_reported_as_a_crash():
    scenario = phone_scenario(facts={"rdv": "pas une date"})
    nodes = scenario.model_dump()["nodes"]
    nodes["offre"]["say"] = "Ce sera le {{ facts.rdv | longdate }}."
    broken = phone_scenario(facts={"rdv": "pas une date"}, nodes=nodes)
    report = walk(broken)
    assert any("offre" in line for line in report.exceptions)
    assert not report.ok


def test_a_claimed_competency_no_path_can_show_is_reported():
    scenario = phone_scenario(competencies=["01.01", "01.06"])
    report = walk(scenario)
    assert "01.01" in report.never_observed and "01.06" in report.never_observed


def test_walk_command_reports_and_exits_zero_on_a_sound_scenario(capsys):
    assert main(["scenario", "walk", "scenarios/inbound/maison-lumiere-livraison.yaml"]) == 0
    out = capsys.readouterr().out
    assert "chemins complets" in out and "impasse" not in out
