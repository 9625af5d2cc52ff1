"""The shipped standard épreuve cannot be passed by cues: ``callsim epreuve analyse standard`` finds no
failure (the longest reply right in at most 40 % of choice points, cue policies no better than chance,
random clicks NOK everywhere, the ideal candidate 23/23), on the command's default seeds 1–10."""

from __future__ import annotations

import json

import pytest

from simulator.cli import main


@pytest.mark.slow
def test_the_standard_epreuve_passes_the_item_analysis(capsys):
    code = main(["epreuve", "analyse", "standard", "--format", "json", "--lang", "en"])
    report = json.loads(capsys.readouterr().out)
    assert report["failures"] == [] and code == 0
    assert report["policies"]["ideal"]["ok_counts"] == [23] * 5
    assert report["policies"]["random"]["ok_counts"] == [0] * 10
    assert report["total"]["share"]["longest"] <= 0.4
