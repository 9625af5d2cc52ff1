"""Mistakes a trainer made that ``callsim scenario check`` used to let through (and that then
crashed ``play``, ``walk`` or ``scenario test``), or reported with a misleading hint.

Each case starts from the corpus's valid minimal scenario (or a shipped scenario and its plans),
makes one mistake and asks for a positioned diagnostic with a stable code: unknown filters, a
fact that uses a fact, a filter given the wrong kind of value, a ``choice`` field without
``choices``, an unquoted number whose hint must quote what was written, test plans naming what
their scenario lacks, and a node offering a tool the scenario has no resource for.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.scenario.checker import check_paths
from simulator.scenario.diagnostics import Diagnostic
from tests.scenario.variants import variant

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "scenarios" / "inbound" / "maison-lumiere-livraison.yaml"
SHIPPED_PLANS = SHIPPED.with_name("maison-lumiere-livraison.plans.yaml")


def line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if fragment in line]
    assert len(found) == 1, fragment
    return found[0]


def found(path: Path) -> list[Diagnostic]:
    return check_paths([path]).diagnostics


def codes(path: Path) -> list[tuple[int, str, str]]:
    return [(d.line, d.severity, d.code) for d in found(path)]


REPLY = 'text: "Le samedi, nous sommes ouverts {{ facts.horaires_samedi }}."'
FACTS = '  horaires_samedi: "de 10 h à 18 h"\n'


# --- 1. templates: filters, facts using facts, values of the wrong kind ------------------


def test_an_unknown_filter_is_an_error_on_its_text(tmp_path):
    path = variant(tmp_path, (REPLY, 'text: "Rendez-vous {{ today | nosuchfilter }}."'))
    assert codes(path) == [(line_of(path, "nosuchfilter"), "error", "unknown-filter")]
    diagnostic = found(path)[0]
    assert "nosuchfilter" in diagnostic.message("fr") and "longdate" in diagnostic.hint("fr")


def test_a_misspelt_filter_gets_the_right_name_as_a_suggestion(tmp_path):
    path = variant(tmp_path, (REPLY, 'text: "Le {{ today | longdat }}."'))
    [diagnostic] = found(path)
    assert diagnostic.code == "unknown-filter"
    assert "Did you mean 'longdate'?" in diagnostic.hint("en")


def test_an_unknown_filter_in_a_tool_text_is_found_too(tmp_path):
    path = variant(
        tmp_path,
        ('body: "Du mardi au samedi,', 'body: "{{ today | shortdat }} Du mardi au samedi,'),
    )
    assert codes(path) == [(line_of(path, "shortdat"), "error", "unknown-filter")]


def test_a_fact_that_uses_another_fact_is_an_error_on_that_fact(tmp_path):
    path = variant(
        tmp_path,
        (FACTS, FACTS + '  d: "{{ today | add_workdays(2) }}"\n  e: "{{ facts.d | longdate }}"\n'),
        (REPLY, 'text: "Le {{ facts.e }}, nous sommes ouverts {{ facts.horaires_samedi }}."'),
    )
    # only the fact is reported: the text that uses it is not blamed a second time
    assert codes(path) == [(line_of(path, 'e: "{{ facts.d'), "error", "fact-uses-fact")]
    diagnostic = found(path)[0]
    assert diagnostic.column == 6
    assert "facts.d" in diagnostic.message("en") and "'e'" in diagnostic.message("en")


def test_a_fact_may_still_use_today_refs_and_the_customer(tmp_path):
    path = variant(
        tmp_path,
        (
            FACTS,
            FACTS
            + '  e: "{{ today | add_workdays(2) | longdate }} pour {{ customer.formal_name }}"\n',
        ),
        (REPLY, 'text: "Le {{ facts.e }}, nous sommes ouverts {{ facts.horaires_samedi }}."'),
    )
    assert codes(path) == []


def test_a_time_filter_given_a_date_is_an_error_on_the_text_that_applies_it(tmp_path):
    path = variant(
        tmp_path,
        (FACTS, FACTS + '  rdv_date: "{{ today | add_workdays(2) }}"\n'),
        (REPLY, 'text: "Je vous attends à {{ facts.rdv_date | time }}."'),
    )
    assert codes(path) == [(line_of(path, "| time"), "error", "template-error")]
    message = found(path)[0].message("en")
    assert "'time'" in message and "HH:MM" in message and "2026-03-04" in message


def test_a_filter_that_fails_inside_a_fact_is_reported_on_the_fact(tmp_path):
    path = variant(
        tmp_path,
        (FACTS, FACTS + '  heure: "{{ today | time }}"\n'),
        (REPLY, 'text: "Je vous attends à {{ facts.heure }}."'),
    )
    assert codes(path) == [(line_of(path, "heure: "), "error", "template-error")]


@pytest.mark.parametrize(
    "text",
    [
        "{{ today | add_workdays('deux') }}",  # a number of days that is not a number
        "{{ customer.first_name | longdate }}",  # a name where a date is expected
        "{{ customer.first_name.initiale }}",  # an attribute a text does not have
    ],
)
def test_every_text_is_produced_once_with_a_generated_customer(tmp_path, text):
    path = variant(tmp_path, (REPLY, f'text: "{text}"'))
    assert codes(path) == [(line_of(path, text), "error", "template-error")]


def test_the_shipped_library_still_produces_every_text():
    assert [d.format("en") for d in check_paths([ROOT / "scenarios"]).diagnostics] == []


# --- 2. a choice field without choices ---------------------------------------------------


FORMS = "resources:\n  documentation:\n"


@pytest.mark.parametrize(
    "field", ["{id: c, label: C, type: choice}", "{id: c, label: C, type: choice, choices: []}"]
)
def test_a_choice_field_without_choices_is_a_positioned_error(tmp_path, field):
    path = variant(
        tmp_path,
        (
            FORMS,
            f"resources:\n  forms:\n    - id: f\n      title: F\n      fields:\n        - {field}\n  documentation:\n",
        ),
    )
    assert codes(path) == [(line_of(path, "type: choice"), "error", "choice-without-choices")]
    diagnostic = found(path)[0]
    line = path.read_text(encoding="utf-8").splitlines()[diagnostic.line - 1]
    assert line[diagnostic.column - 1 :].startswith("choice" if "choices" not in field else "[]")
    assert "'c'" in diagnostic.message("en") and "choices" in diagnostic.hint("en")


def test_a_choice_field_with_choices_is_fine(tmp_path):
    path = variant(
        tmp_path,
        (
            FORMS,
            "resources:\n  forms:\n    - id: f\n      title: F\n      fields:\n"
            "        - {id: c, label: C, type: choice, choices: [Oui, Non]}\n  documentation:\n",
        ),
    )
    assert codes(path) == []


# --- 4. the wrong-type hint quotes what was written ----------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "quoted"),
    [
        ('competencies: ["01.01", "01.03"]', 'competencies: ["01.01", 01.10]', '"01.10"'),
        ("version: 1.0.0", "version: 1.0", '"1.0"'),
        ("version: 1.0.0", "version: 1.10", '"1.10"'),
        ('competencies: ["01.01", "01.03"]', 'competencies: ["01.01", 0_1]', '"0_1"'),
    ],
)
def test_the_wrong_type_hint_quotes_the_value_as_written(tmp_path, old, new, quoted):
    path = variant(tmp_path, (old, new))
    wrong = [d for d in found(path) if d.code == "wrong-type"]
    assert len(wrong) == 1
    assert wrong[0].hint("fr") == f"Mettez la valeur entre guillemets : {quoted}."
    assert wrong[0].hint("en") == f"Put the value in quotes: {quoted}."


# --- 5. test plans are checked against their scenario --------------------------------------


@pytest.fixture
def shipped_copy(tmp_path) -> tuple[Path, Path]:
    scenario = tmp_path / SHIPPED.name
    shutil.copy(SHIPPED, scenario)
    plans = tmp_path / SHIPPED_PLANS.name
    shutil.copy(SHIPPED_PLANS, plans)
    return scenario, plans


def test_a_shipped_plan_file_checks_clean_against_its_scenario(shipped_copy):
    _scenario, plans = shipped_copy
    assert codes(plans) == []


def test_a_plan_whose_scenario_is_missing_is_an_error_on_its_scenario_line(shipped_copy):
    _scenario, plans = shipped_copy
    broken = variant(
        plans.parent,
        ("scenario: maison-lumiere-livraison.yaml", "scenario: maison-lumiere.yaml"),
        source=plans,
        name="manque.plans.yaml",
    )
    assert codes(broken) == [(line_of(broken, "scenario: "), "error", "dangling-reference")]
    assert "maison-lumiere.yaml" in found(broken)[0].message("en")


def test_a_plan_whose_scenario_is_not_a_scenario_says_so(shipped_copy):
    _scenario, plans = shipped_copy
    broken = variant(
        plans.parent,
        ("scenario: maison-lumiere-livraison.yaml", "scenario: lui-meme.plans.yaml"),
        source=plans,
        name="lui-meme.plans.yaml",
    )
    assert codes(broken) == [(line_of(broken, "scenario: "), "error", "not-a-scenario")]


@pytest.mark.parametrize(
    ("old", "new", "target"),
    [
        (
            "choose: consulter-le-dossier",
            "choose: consulter-le-dosier",
            "consulter-le-dosier",
        ),  # reply id
        (
            '"expect:verification/script-consulte"',
            '"expect:verificaton/script-consulte"',
            "verificaton",
        ),  # node
        (
            '"check:numero-corrige", "check:pas-de-transfert", "expect',
            '"check:numero-corige", "check:pas-de-transfert", "expect',
            "check:numero-corige",
        ),  # rule
        (
            "tool: documentation.search\n        args: {query: livraison colis}",
            "tool: documentation.find\n        args: {query: livraison colis}",
            "documentation.find",
        ),  # tool operation
        (
            "tool: documentation.search\n        args: {query: livraison colis}",
            "tool: agenda.view\n        args: {query: livraison colis}",
            "agenda",
        ),  # tool without resource
        (
            "args: {article: script-incident-livraison}",
            "args: {article: script-incident}",
            "script-incident",
        ),
        (
            'outcome: reexpedition\n          note: "Colis',
            'outcome: reexpedie\n          note: "Colis',
            "reexpedie",
        ),
    ],
)
def test_a_plan_step_or_rule_naming_what_the_scenario_lacks_is_a_positioned_error(
    shipped_copy, old, new, target
):
    _scenario, plans = shipped_copy
    text = plans.read_text(encoding="utf-8")
    first = text.index(old)
    plans.write_text(text[:first] + new + text[first + len(old) :], encoding="utf-8")
    diagnostics = found(plans)
    assert [(d.severity, d.code) for d in diagnostics] == [("error", "dangling-reference")]
    diagnostic = diagnostics[0]
    assert f"'{target}'" in diagnostic.message("en")
    line = plans.read_text(encoding="utf-8").splitlines()[diagnostic.line - 1]
    assert target.split(":")[-1] in line[diagnostic.column - 1 :]


def test_check_exits_1_on_a_plan_naming_an_unknown_reply_and_test_refuses_to_run_it(
    shipped_copy, capsys
):
    _scenario, plans = shipped_copy
    text = plans.read_text(encoding="utf-8")
    plans.write_text(
        text.replace("choose: consulter-le-dossier", "choose: n-existe-pas", 1), encoding="utf-8"
    )
    assert main(["scenario", "check", str(plans)]) == 1
    out = capsys.readouterr().out
    assert f"{plans}:{line_of(plans, 'n-existe-pas')}:" in out and "[dangling-reference]" in out
    assert main(["scenario", "test", str(plans)]) == 1
    assert "[dangling-reference]" in capsys.readouterr().out


def test_a_plan_whose_scenario_has_errors_lists_them(shipped_copy):
    scenario, plans = shipped_copy
    variant(
        scenario.parent, ("start: accueil", "start: acceuil"), source=scenario, name=scenario.name
    )
    diagnostics = found(plans)
    assert ("error", "scenario-invalid", str(plans)) in {
        (d.severity, d.code, d.path) for d in diagnostics
    }
    assert any(d.code == "dangling-goto" and d.path == str(scenario) for d in diagnostics)


# --- 7. a node offering a tool the scenario does not have ---------------------------------


def test_a_node_tool_without_its_resource_is_a_warning_on_the_tool(tmp_path, capsys):
    path = variant(tmp_path, ("tools: [documentation]", "tools: [documentation, agenda]"))
    assert codes(path) == [(line_of(path, "tools: "), "warning", "tool-without-resource")]
    diagnostic = found(path)[0]
    line = path.read_text(encoding="utf-8").splitlines()[diagnostic.line - 1]
    assert line[diagnostic.column - 1 :].startswith("agenda")
    assert "resources.agenda" in diagnostic.message("en")
    assert main(["scenario", "check", str(path)]) == 0
    assert main(["scenario", "check", "--strict", str(path)]) == 1
    capsys.readouterr()


@pytest.mark.parametrize("tool", ["customer_db", "directory", "forms"])
def test_every_tool_is_matched_with_its_resource(tmp_path, tool):
    path = variant(tmp_path, ("tools: [documentation]", f"tools: [documentation, {tool}, mail]"))
    assert codes(path) == [(line_of(path, "tools: "), "warning", "tool-without-resource")]


# --- 1 (continued). what a text requirement gives must be readable by the typed-text judge ---


RECAP = """      - id: donner-horaires
        text: "Le samedi, nous sommes ouverts {{ facts.horaires_samedi }}."
        act: inform
        goto: fin
"""


def with_requirement(tmp_path: Path, requirement: str) -> Path:
    return variant(
        tmp_path,
        (
            RECAP,
            RECAP.replace("goto: fin", "goto: recap")
            + f"""  recap:
    say: "Vous pouvez répéter ?"
    prompt:
      label: Récapitulez.
      checks:
        - id: recap
          competency: "01.01"
          requires:
            - {requirement}
          because: Récapitule.
      goto: fin
""",
        ),
    )


@pytest.mark.parametrize(
    ("requirement", "given"),
    [
        (
            'date: "{{ today | add_workdays(2) | longdate }}"',
            "mercredi 4 mars 2026",
        ),  # a spelt-out date
        ('date: "4 mars"', "4 mars"),
        ('amount: "49,9 euros"', "49,9 euros"),
        ('amount: "1e100"', "1e100"),  # used to stop the judge with decimal.InvalidOperation
    ],
)
def test_a_date_or_amount_requirement_the_judge_cannot_read_is_an_error(
    tmp_path, requirement, given
):
    path = with_requirement(tmp_path, requirement)
    assert codes(path) == [(line_of(path, requirement), "error", "requirement-value")]
    assert f"'{given}'" in found(path)[0].message("en")


@pytest.mark.parametrize(
    "requirement", ['date: "{{ today | add_workdays(2) }}"', 'amount: "49.90"', 'amount: "49,90"']
)
def test_a_readable_date_or_amount_requirement_is_fine(tmp_path, requirement):
    assert codes(with_requirement(tmp_path, requirement)) == []


# --- other files the checker passed and the engine refused to build ---------------------------


def test_two_fields_of_a_form_with_the_same_id_are_an_error_on_the_second(tmp_path):
    path = variant(
        tmp_path,
        (
            FORMS,
            "resources:\n  forms:\n    - id: f\n      title: F\n      fields:\n"
            "        - {id: c, label: C}\n        - {id: c, label: D}\n  documentation:\n",
        ),
    )
    assert codes(path) == [(line_of(path, "label: D"), "error", "duplicate-id")]


@pytest.mark.parametrize("end", ["09:00", "10:00"])
def test_an_availability_window_that_does_not_end_after_it_starts_is_an_error_on_its_end(
    tmp_path, end
):
    path = variant(
        tmp_path,
        (
            "duration_minutes: 5\n",
            "duration_minutes: 5\npersona:\n  availability:\n"
            f'    - {{days: [mon], start: "10:00", end: "{end}"}}\n',
        ),
    )
    assert codes(path) == [(line_of(path, "availability:") + 1, "error", "window-order")]
    diagnostic = found(path)[0]
    line = path.read_text(encoding="utf-8").splitlines()[diagnostic.line - 1]
    assert line[diagnostic.column - 1 :].startswith(f'"{end}"')


@pytest.mark.parametrize(
    "requirement",
    [
        "concept: reexpedition",
        "concept: carte-identite",
        'time: "14:30"',
        'date: "{{ today | add_workdays(2) }}"\n              relative: false',
    ],
)
def test_concepts_times_and_note_dates_are_fine(tmp_path, requirement):
    assert codes(with_requirement(tmp_path, requirement)) == []


def test_an_unknown_concept_is_an_error_at_its_line(tmp_path):
    path = with_requirement(tmp_path, "concept: reexpeditoin")
    assert codes(path) == [(line_of(path, "concept: reexpeditoin"), "error", "unknown-concept")]
    assert "reexpedition" in found(path)[0].hint("en")


def test_a_time_requirement_the_judge_cannot_read_is_an_error(tmp_path):
    path = with_requirement(tmp_path, 'time: "14h30"')
    assert codes(path) == [(line_of(path, 'time: "14h30"'), "error", "requirement-value")]
