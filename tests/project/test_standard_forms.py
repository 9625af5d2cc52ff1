"""The standard épreuve's parallel forms: every scenario varies where it matters, no form loses a
competency, and any two of the seeds 1–100 differ on at least half of their right answers (the
issue's measure, ``callsim epreuve forms``, exits 0); the forms come from the épreuve's assembled
table, and that table is the one assembling gives for the scenarios as they are."""

from __future__ import annotations

import json

from simulator.cli import main
from tests.scoring.scoring_support import EPREUVES, bundle

STANDARD = str(EPREUVES / "standard.yaml")


def test_every_scenario_of_the_standard_epreuve_has_two_dimensions_of_two_alternatives_or_more():
    for planned in bundle(STANDARD).contacts:
        assert planned.layer is not None, planned.scenario.id
        dimensions = planned.layer.variants
        assert len(dimensions) >= 2, planned.scenario.id
        assert all(len(d.alternatives) >= 2 for d in dimensions.values()), planned.scenario.id


def test_any_two_of_the_seeds_1_to_100_differ_on_half_of_the_right_answers_or_more(capsys):
    code = main(["epreuve", "forms", "standard", "--seeds", "1-100", "--format", "json"])
    shown = json.loads(capsys.readouterr().out)
    assert shown["pairs"] == 4950 and shown["minimum_difference"] >= 0.5, shown["closest_seeds"]
    assert code == 0 and shown["ok"] is True
    assert len({json.dumps(f, sort_keys=True) for f in shown["forms"].values()}) == 100
    assert shown["short"] == {}  # no form loses a competency
    # every scenario contributes: none keeps the same right answers on every form
    assert all(s["varying"] > 0 for s in shown["scenarios"]), shown["scenarios"]


def test_the_standard_epreuve_sits_its_assembled_forms_and_the_table_is_up_to_date(capsys):
    # a change to a scenario's variants or right answers without « callsim epreuve assemble
    # standard » would leave the candidates on a table assembled for other forms
    code = main(["epreuve", "assemble", "standard", "--check", "--lang", "en"])
    assert code == 0, capsys.readouterr().out
    capsys.readouterr()
    main(["epreuve", "forms", "standard", "--seeds", "1-5", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["assembled"] is True


def test_the_long_epreuve_sits_its_assembled_forms_too():
    # it shares the standard épreuve's scenarios: a variant renamed there must be assembled here too
    assert bundle(str(EPREUVES / "long.yaml")).form_table() is not None
