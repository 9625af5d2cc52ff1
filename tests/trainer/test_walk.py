"""The path walker: every path explored, counted exactly, crashes and unobservable competencies reported."""

from __future__ import annotations

import pytest

from simulator.cli import main
from simulator.scenario.templating import render
from simulator.trainer.walk import walk
from simulator.trainer.walk_text import report_lines
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
    assert any("offre" in str(line) for line in report.exceptions)
    assert not report.ok


def test_a_claimed_competency_no_path_can_show_is_reported():
    scenario = phone_scenario(competencies=["01.01", "01.06"])
    report = walk(scenario)
    assert "01.01" in report.never_observed and "01.06" in report.never_observed


def test_walk_command_reports_and_exits_zero_on_a_sound_scenario(capsys):
    assert main(["scenario", "walk", "scenarios/inbound/maison-lumiere-livraison.yaml"]) == 0
    out = capsys.readouterr().out
    assert "chemins complets" in out and "impasse" not in out


def _french_words(text: str) -> set[str]:
    return {
        w for w in ("chemins", "états", "fins", "impasse", "erreur", "nœud", "début") if w in text
    }


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "chemins complets"),
        ("nl", "volledige paden"),
        ("en", "complete paths"),
    ],
)
def test_walk_command_speaks_the_language_asked(capsys, lang, said):
    assert (
        main(
            ["--lang", lang, "scenario", "walk", "scenarios/inbound/maison-lumiere-livraison.yaml"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert said in out
    if lang != "fr":
        assert _french_words(out) == set(), out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "erreur : [fr] nœud offre : le filtre « longdate »"),
        ("nl", "fout: [fr] knoop offre: de filter 'longdate'"),
        ("en", "error: [fr] node offre: the 'longdate' filter"),
    ],
)
def test_a_crash_the_walk_finds_is_told_in_the_language_asked(lang, said):
    nodes = phone_scenario().model_dump()["nodes"]
    nodes["offre"]["say"] = "Ce sera le {{ facts.rdv | longdate }}."
    report = walk(phone_scenario(facts={"rdv": "pas une date"}, nodes=nodes))
    lines = "\n".join(report_lines("s.yaml", report, lang))
    assert said in lines
    if lang != "fr":
        assert _french_words(lines) == set(), lines


def test_a_limited_walk_is_told_with_its_plural():
    report = walk(phone_scenario(), max_states=1)
    assert report.truncated > 1
    assert (
        report_lines("s.yaml", report, "nl")[-1]
        == f"  verkenning beperkt: {report.truncated} toestanden niet verkend (--max-states)"
    )
    report.truncated = 1
    assert report_lines("s.yaml", report, "fr")[-1] == (
        "  exploration limitée : 1 état non exploré (--max-states)"
    )


def test_a_walk_that_cannot_run_says_why_in_the_language_asked():
    from simulator.scenario.templating import FilterValueError
    from simulator.trainer.walk_text import stopped_line

    try:
        render("{{ today | longdate }}", {"today": "demain"}, "fr")
    except FilterValueError as exc:
        stopped = {lang: stopped_line("s.yaml", exc, lang) for lang in ("fr", "nl", "en")}
    assert stopped == {
        "fr": "s.yaml : le parcours s'est arrêté sur une erreur : le filtre « longdate » attend une "
        "date AAAA-MM-JJ, pas « demain »",
        "nl": "s.yaml: de verkenning is gestopt op een fout: de filter 'longdate' verwacht een datum "
        "JJJJ-MM-DD, niet 'demain'",
        "en": "s.yaml: the walk stopped on an error: the 'longdate' filter expects a YYYY-MM-DD date, "
        "not 'demain'",
    }


@pytest.mark.parametrize("command", ["walk", "check"])
def test_the_trainer_commands_run_in_a_fresh_process(command):
    # in-process tests have imported the engine already; a trainer's first command has not
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    scenario = "scenarios/outbound/ramonage-rappel-annuel.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "simulator", "scenario", command, scenario],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "erreur inattendue" not in done.stdout + done.stderr
