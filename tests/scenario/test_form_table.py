"""An épreuve's assembled forms table: read only when it fits the épreuve, row ``seed mod rows``
for a seed, the spreading code when the table is missing, damaged or out of date."""

from __future__ import annotations

import json
from dataclasses import replace

from simulator.engine.bundle import load_bundle
from simulator.scenario.variants.draw import all_combinations, key
from simulator.scenario.variants.form_table import FormTable, parse_table, table_path
from simulator.scenario.variants.spec import VariantLayer
from simulator.scenario.variants.spread import draw_forms
from tests.scoring.scoring_support import EPREUVES


def _layer(**sizes: int) -> VariantLayer:
    return VariantLayer.model_validate(
        {
            "variants": {
                d: {"alternatives": {f"{d}{j}": {} for j in range(k)}} for d, k in sizes.items()
            }
        }
    )


LAYERS = [("accueil", _layer(cause=3, slot=2)), ("relance", _layer(objection=3))]


def _table(rows: int = 6) -> FormTable:
    columns = {}
    for sid, layer in LAYERS:
        forms = [key(c) for c in all_combinations(layer)]
        columns[sid] = tuple(forms[(row * 5) % len(forms)] for row in range(rows))
    return FormTable("essai", columns)


def test_a_seed_sits_its_row_and_any_rows_consecutive_seeds_sit_every_row_once():
    table = _table()
    assert table.fits(LAYERS)
    for seed in range(40):
        drawn = table.draw(LAYERS, seed)
        row = seed % table.rows
        assert key(drawn["accueil"]) == table.columns["accueil"][row]
        assert list(drawn["accueil"]) == ["cause", "slot"]  # in the order the file declares
    window = [key(table.draw(LAYERS, seed)["accueil"]) for seed in range(13, 19)]
    assert sorted(window) == sorted(table.columns["accueil"])


def test_the_written_table_reads_back_the_same_and_its_bytes_are_stable():
    table = _table()
    text = table.dumps()
    assert parse_table(text) == table
    assert parse_table(text).dumps() == text
    assert json.loads(text)["rows"] == 6


def test_a_damaged_or_foreign_file_is_no_table():
    text = _table().dumps()
    assert parse_table(text[:-20]) is None  # cut short
    assert parse_table(text.replace("callsim-forms/1", "callsim-forms/9")) is None
    data = json.loads(text)
    data["scenarios"]["relance"]["rows"] = data["scenarios"]["relance"]["rows"][:-1]
    assert parse_table(json.dumps(data)) is None  # columns of unequal length
    data = json.loads(text)
    data["scenarios"]["relance"]["rows"][0] = 99
    assert parse_table(json.dumps(data)) is None  # a row naming a form the table does not list
    assert parse_table("[]") is None


def test_a_table_that_no_longer_fits_the_epreuve_is_not_used():
    table = _table()
    renamed = [("accueil", _layer(cause=3, slot=2)), ("relance", _layer(motif=3))]
    assert not table.fits(renamed)  # an alternative renamed
    assert not table.fits([LAYERS[0]])  # a scenario's variants removed
    assert not table.fits([*LAYERS, ("rappel", _layer(heure=2))])  # a scenario without a column


def test_an_epreuve_draws_from_its_table_when_it_fits_and_from_the_code_otherwise(tmp_path):
    # the standard épreuve, as if its file were in tmp_path: the table is read beside ``bundle.path``
    bundle = replace(load_bundle(EPREUVES / "standard.yaml"), path=str(tmp_path / "standard.yaml"))
    path = tmp_path / "standard.yaml"
    layers = bundle.layers()
    assert bundle.form_table() is None
    assert bundle.draw(7) == draw_forms(layers, 7)
    # a table whose rows are the code's forms of seeds 100, 101, 102: seed 3 sits row 0, i.e. seed 100's forms
    code = [draw_forms(layers, seed) for seed in (100, 101, 102)]
    columns = {
        sid: tuple(key({d: drawn[sid][d] for d in layer.variants}) for drawn in code)
        for sid, layer in layers
    }
    table_path(path).write_text(FormTable("examen-standard", columns).dumps(), encoding="utf-8")
    assert bundle.form_table() is not None
    assert bundle.draw(3) == code[0] and bundle.draw(5) == code[2]
    # one alternative the scenario does not have: the whole table is set aside
    sid, layer = layers[0]
    dim = next(iter(layer.variants))
    broken = dict(columns)
    broken[sid] = tuple(f.replace(f"{dim}=", f"{dim}=x-", 1) for f in columns[sid])
    table_path(path).write_text(FormTable("examen-standard", broken).dumps(), encoding="utf-8")
    assert bundle.form_table() is None and bundle.draw(3) == draw_forms(layers, 3)
