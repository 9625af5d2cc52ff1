"""A customer quotes an order or contract number: searching it finds their record where the scenario says so."""

from __future__ import annotations

from datetime import date

import pytest

from simulator.engine.context import build_context
from simulator.engine.toolbox import build_toolbox, run_tool
from simulator.scenario.loader import load_file as load_scenario
from simulator.scenario.models.scenario import Scenario
from tests.app.app_support import ROOT

TODAY = date(2026, 3, 2)
LUMIERE = ROOT / "scenarios" / "inbound" / "maison-lumiere-livraison.yaml"


def _box(scenario: Scenario, seed: int = 7):
    ctx = build_context(scenario, seed, TODAY, "fr", "Alex")
    return ctx, build_toolbox(scenario, ctx, seed, TODAY)


def _found(box, query: str) -> list[str]:
    result = run_tool(box, "customer_db", "search", {"query": query})
    assert result["ok"]
    return [row["record_id"] for row in result["result"]]


@pytest.mark.parametrize("typed", ["{ref}", "{lower}", "{compact}", " {ref} ", "{tail}"])
def test_the_order_number_the_caller_quotes_finds_their_record(typed):
    scenario = load_scenario(LUMIERE).model
    ctx, box = _box(scenario)
    ref = ctx.variables["refs"]["order"]
    query = typed.format(
        ref=ref, lower=ref.lower(), compact=ref.replace("-", ""), tail=ref.rsplit("-", 1)[1]
    )
    target = box.customer_db.record_by_role("target").record_id
    assert _found(box, query) == [target]


def test_a_reference_the_scenario_does_not_file_finds_nothing():
    scenario = load_scenario(LUMIERE).model
    db = scenario.resources.customer_db.model_copy(update={"found_by": []})
    scenario = scenario.model_copy(
        update={"resources": scenario.resources.model_copy(update={"customer_db": db})}
    )
    ctx, box = _box(scenario)
    assert _found(box, ctx.variables["refs"]["order"]) == []
    assert _found(box, "2026") == []  # a short part of a number finds nothing either


def test_found_by_must_name_a_declared_reference(tmp_path):
    text = LUMIERE.read_text(encoding="utf-8").replace("found_by: [order]", "found_by: [contrat]")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    assert loaded.model is None
    assert any(d.code == "unknown-reference" for d in loaded.diagnostics)
