"""The trainer's guide (scenarios/README.md) cannot rot.

Its worked example is kept in fenced ```yaml blocks marked with a comment line
(``# guide: exemple-final`` for the scenario, ``# guide: exemple-final-plans`` for its
test plans, ``# guide: etape-1`` for the first step). These tests extract them and check
them like a trainer would (``callsim scenario check --strict``, ``scenario test``,
``scenario walk``); they make sure the step-by-step snippets are still extracts of the
final file, and that the reference tables still name every order rule, tool-check type,
act, template variable and top-level field the code knows.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

from simulator.engine.rules import RULES
from simulator.scenario.checker import check_paths, load_checked
from simulator.scenario.models import Act, Epreuve, Scenario, ToolCheck
from simulator.scenario.templating import CUSTOMER_FIELDS
from simulator.trainer.plans import run_plan_file
from simulator.trainer.walk import walk

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "scenarios" / "README.md"
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def yaml_blocks(text: str | None = None) -> list[str]:
    return YAML_BLOCK.findall(guide_text() if text is None else text)


def marked(marker: str) -> str:
    """The one fenced YAML block of the guide holding the line ``# guide: <marker>``."""
    found = [b for b in yaml_blocks() if f"# guide: {marker}" in b.splitlines()]
    assert len(found) == 1, (
        f"scenarios/README.md must hold exactly one ```yaml block marked '# guide: {marker}'"
    )
    return found[0]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The worked example's final scenario and plans, written side by side as a trainer would."""
    folder = tmp_path_factory.mktemp("guide")
    plans_text = marked("exemple-final-plans")
    name = re.search(r"^scenario:\s*(\S+)\s*$", plans_text, re.MULTILINE)
    assert name, "the plans block must name its scenario"
    scenario = folder / name.group(1)
    scenario.write_text(marked("exemple-final"), encoding="utf-8")
    plans = folder / (scenario.name.removesuffix(".yaml") + ".plans.yaml")
    plans.write_text(plans_text, encoding="utf-8")
    return scenario, plans


def test_the_worked_example_and_its_plans_check_clean_in_strict_mode(example):
    scenario, plans = example
    report = check_paths([scenario, plans])
    assert [d.format("en") for d in report.diagnostics] == []


def test_the_worked_example_plans_pass_with_a_model_path_and_a_flawed_path(example):
    _scenario, plans = example
    outcome = run_plan_file(plans)
    assert [d.format("en") for d in outcome.diagnostics] == []
    assert {r.plan: r.failures for r in outcome.results if not r.ok} == {}
    text = marked("exemple-final-plans")
    assert "all_claimed_positive: true" in text, "the guide's plans must include a model path"
    assert re.search(r": negative\b", text), "the guide's plans must include a flawed path"


def test_walking_the_worked_example_finds_no_dead_end_crash_or_unobservable_competency(example):
    scenario, _plans = example
    report = walk(load_checked(scenario).model)
    assert report.dead_ends == [] and report.exceptions == []
    assert report.never_observed == [] and report.never_positive == []
    assert report.paths > 0


def test_the_first_step_already_checks_clean(tmp_path):
    path = tmp_path / "etape-1.yaml"
    path.write_text(marked("etape-1"), encoding="utf-8")
    assert [d.format("en") for d in check_paths([path]).diagnostics] == []


def _content_lines(text: str) -> list[str]:
    lines = text.splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_the_step_snippets_are_extracts_of_the_final_file():
    text = guide_text()
    section = text[text.index("\n## 3.") : text.index("\n## 4.")]
    final = "\n".join(_content_lines(marked("exemple-final"))) + "\n"
    snippets = [b for b in yaml_blocks(section) if not b.startswith("# yaml-language-server")]
    assert len(snippets) >= 3
    for snippet in snippets:
        lines = _content_lines(snippet)
        assert "\n".join(lines) + "\n" in final, (
            f"this step no longer matches the final file:\n{snippet[:300]}"
        )


def test_the_guide_lists_exactly_the_engines_order_rules():
    text = guide_text()
    known = {rule.id for rule in RULES}
    undocumented = {rule for rule in known if f"`{rule}`" not in text}
    assert undocumented == set(), "document these rules in scenarios/README.md"
    named = set(re.findall(r"\bORD-[A-Z-]+[A-Z]\b", text))
    assert named <= known, "the guide names an order rule the engine lacks"


def test_the_guide_documents_every_check_type_act_variable_and_top_level_field():
    text = guide_text()
    check_types = {
        typing.get_args(cls.model_fields["type"].annotation)[0]
        for cls in typing.get_args(typing.get_args(ToolCheck)[0])
    }
    missing = {f"type {t}" for t in check_types if f"`{t}`" not in text}
    missing |= {f"act {a}" for a in typing.get_args(Act) if f"`{a}`" not in text}
    missing |= {f"customer.{f}" for f in CUSTOMER_FIELDS if f"customer.{f}" not in text}
    missing |= {f"scenario field {f}" for f in Scenario.model_fields if f"`{f}`" not in text}
    missing |= {f"épreuve field {f}" for f in Epreuve.model_fields if f"`{f}`" not in text}
    assert missing == set(), "scenarios/README.md does not document: " + ", ".join(sorted(missing))
