"""Assembling an épreuve's forms ahead of time: the same table from the same files, every
alternative as often as the code draws it, and the closest pair of forms further apart."""

from __future__ import annotations

from simulator.scenario.variants.draw import key
from simulator.scenario.variants.form_table import FormTable
from simulator.scenario.variants.spread import draw_forms
from simulator.trainer.assemble_forms import assemble, pair_differences
from tests.scoring.scoring_support import EPREUVES, bundle

ROWS = 16


def _code_table(standard) -> FormTable:
    layers = standard.layers()
    drawn = [draw_forms(layers, seed) for seed in range(ROWS)]
    return FormTable(
        standard.epreuve.id,
        {
            sid: tuple(key({d: row[sid][d] for d in layer.variants}) for row in drawn)
            for sid, layer in layers
        },
    )


def test_assembling_keeps_the_alternatives_of_the_code_and_brings_the_closest_forms_apart():
    standard = bundle(str(EPREUVES / "standard.yaml"))
    code = _code_table(standard)
    table = assemble(standard, rows=ROWS, swaps=3_000)
    assert assemble(standard, rows=ROWS, swaps=3_000).dumps() == table.dumps()
    for sid, column in table.columns.items():  # the same forms, as often: only their rows moved
        assert sorted(column) == sorted(code.columns[sid]), sid
    before, after = pair_differences(code, standard), pair_differences(table, standard)
    assert len(after) == ROWS * (ROWS - 1) // 2
    assert min(after) > min(before)
    assert sum(after) / len(after) >= sum(before) / len(before) - 0.01  # the mean stays put


def test_the_command_writes_the_table_and_check_says_when_it_is_out_of_date(
    tmp_path, monkeypatch, capsys
):
    from simulator.cli import main
    from simulator.scenario.variants import form_table
    from simulator.trainer import assemble_forms

    target = tmp_path / "standard.forms.json"
    monkeypatch.setattr(form_table, "table_path", lambda _path: target)
    monkeypatch.setattr(assemble_forms, "ROWS", ROWS)
    monkeypatch.setattr(assemble_forms, "SWAPS", 1_000)
    assert main(["epreuve", "assemble", "standard", "--check", "--lang", "en"]) == 1
    assert "missing or out of date" in capsys.readouterr().out
    assert main(["epreuve", "assemble", "standard", "--lang", "en"]) == 0
    shown = capsys.readouterr().out
    assert f"{ROWS} forms" in shown and str(target) in shown
    assert form_table.parse_table(target.read_text(encoding="utf-8")).rows == ROWS
    assert main(["epreuve", "assemble", "standard", "--check", "--lang", "en"]) == 0
    assert "is up to date" in capsys.readouterr().out
    target.write_text(target.read_text(encoding="utf-8").replace('"rows": [', '"rows": [0, ', 1))
    assert main(["epreuve", "assemble", "standard", "--check", "--lang", "en"]) == 1


def test_an_unknown_epreuve_is_refused_with_the_known_names(capsys):
    from simulator.cli import main

    assert main(["epreuve", "assemble", "inexistante", "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert "callsim epreuve assemble:" in said and "standard" in said
