"""The standard épreuve's parallel forms: every scenario varies where it matters, no form loses a
competency, and two of the seeds 1–100 differ, at the median, on more than half of the right
answers (``callsim epreuve forms`` reports the minimum too, and fails while it is under half)."""

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


def test_two_of_the_seeds_1_to_100_differ_on_more_than_half_of_the_right_answers(capsys):
    code = main(["epreuve", "forms", "standard", "--seeds", "1-100", "--format", "json"])
    shown = json.loads(capsys.readouterr().out)
    assert code == (0 if shown["minimum_difference"] >= 0.5 else 1)
    assert shown["pairs"] == 4950 and shown["median_difference"] > 0.5
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
