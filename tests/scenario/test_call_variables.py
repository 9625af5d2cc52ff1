"""Call variables (scenario/1.1): set by a reply, read by the next line, the replies offered, the checks,
the outcome code and the note — one recap for « sale » and « no sale », no duplicated nodes."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.actions import Choose, Continue, Take
from simulator.engine.bundle import single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.engine.toolbox import ActionRefused
from simulator.journal.memory_store import MemoryJournalStore
from simulator.scenario.checker import check_paths
from simulator.trainer.plans import PLAN_DAY, find_plan_files, run_plan_file
from tests.scenario.variants import variant

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lang"
TELEVENTE = FIXTURES / "televente-energie-vente-ou-refus.yaml"


def test_the_example_scenarios_check_strict_clean():
    report = check_paths([FIXTURES])
    assert not report.failed(strict=True), [d.format("en") for d in report.diagnostics]


@pytest.mark.parametrize("plans", find_plan_files([FIXTURES]), ids=lambda p: p.name)
def test_every_plan_of_the_example_scenarios_passes(plans):
    outcome = run_plan_file(plans)
    assert not outcome.diagnostics, [d.format("en") for d in outcome.diagnostics]
    assert [(r.plan, r.failures) for r in outcome.results if not r.ok] == []


def _contact_after(*replies: str):
    session = EpreuveSession.start(
        single_scenario_bundle(TELEVENTE),
        store=MemoryJournalStore(),
        clock=ManualClock(PLAN_DAY),
        candidate_id="c",
        seed=3,
    )
    session.perform(Take(contact="televente-energie-vente-ou-refus"))
    session.perform(Continue())
    for reply in replies:
        session.perform(Choose(reply=reply))
    return session, session.contact("televente-energie-vente-ou-refus")


def test_a_reply_sets_the_variable_that_the_next_line_and_the_offered_replies_read():
    _, contact = _contact_after("se-presenter", "presenter-offre", "client-refuse")
    assert contact.call == {"vente": "non"}
    offered = {rid for rid, _ in contact.offered_replies()}
    assert offered == {"recapituler-refus", "insister"}
    assert contact.ctx.text(contact.node.say) == "Oui, je préfère rester comme je suis, merci."
    _, sold = _contact_after("se-presenter", "presenter-offre", "client-accepte")
    assert {rid for rid, _ in sold.offered_replies()} == {"recapituler-vente"}
    assert sold.ctx.text(sold.node.say) == "Bon, d'accord, allons-y."


def test_a_reply_whose_condition_does_not_hold_is_refused():
    session, _ = _contact_after("se-presenter", "presenter-offre", "client-accepte")
    with pytest.raises(ActionRefused) as caught:
        session.perform(Choose(reply="recapituler-refus"))
    assert caught.value.code == "unknown-reply"


def test_setting_an_undeclared_variable_is_a_positioned_error(tmp_path):
    path = variant(
        tmp_path,
        (
            'set: {vente: "oui"}\n        goto: accord\n      - id: client-refuse',
            'set: {vendu: "oui"}\n        goto: accord\n      - id: client-refuse',
        ),
        source=TELEVENTE,
    )
    found = [d for d in check_paths([path]).diagnostics if d.code == "undeclared-call-variable"]
    assert len(found) == 1 and "vendu" in found[0].message("fr")
    assert (
        path.read_text(encoding="utf-8")
        .splitlines()[found[0].line - 1]
        .strip()
        .startswith("set: {vendu")
    )


def test_an_unknown_call_variable_in_a_condition_is_an_error(tmp_path):
    path = variant(
        tmp_path,
        (
            "when: \"call.vente == 'oui'\"\n    type: form_submitted",
            "when: \"call.vendu == 'oui'\"\n    type: form_submitted",
        ),
        source=TELEVENTE,
    )
    found = [d for d in check_paths([path]).diagnostics if d.code == "unknown-variable"]
    assert found and "call.vendu" in found[0].message("en") and "call.vente" in found[0].hint("en")


def test_a_scenario_1_file_using_call_variables_is_told_to_say_1_1(tmp_path):
    path = variant(tmp_path, ("callsim: scenario/1.1", "callsim: scenario/1"), source=TELEVENTE)
    found = [d for d in check_paths([path]).diagnostics if d.code == "newer-format"]
    assert len(found) == 1 and "scenario/1.1" in found[0].hint("fr")


@pytest.mark.parametrize(
    "name",
    [
        "televente-energie-vente-ou-refus",
        "mutualite-changement-compte",
        "syndic-entretien-deux-passages",
    ],
)
def test_walking_an_example_follows_only_the_replies_offered_and_finds_nothing_wrong(name):
    from simulator.scenario.loader import load_file
    from simulator.trainer.walk import walk

    report = walk(load_file(FIXTURES / f"{name}.yaml").model)
    assert report.exceptions == [] and report.dead_ends == [] and report.paths > 0
    assert report.never_observed == [] and report.never_positive == []


def test_a_conditional_way_on_is_drawn_with_its_condition():
    from simulator.scenario.drawing import dot, mermaid
    from simulator.scenario.loader import load_file

    scenario = load_file(FIXTURES / "syndic-entretien-deux-passages.yaml").model
    assert '-.->|"si not call.passage_1"| n_rien_hreserve' in mermaid(scenario)
    assert '"planifier" -> "rien-reserve" [label="si not call.passage_1", style=dotted];' in dot(
        scenario
    )


def test_a_condition_that_cannot_be_evaluated_is_reported_and_never_crashes_a_contact(tmp_path):
    path = variant(
        tmp_path,
        (
            "when: \"call.vente == 'oui'\"\n    type: form_submitted",
            'when: "call.vente > 3"\n    type: form_submitted',
        ),
        source=TELEVENTE,
    )
    found = [d for d in check_paths([path]).diagnostics if d.code == "template-error"]
    assert len(found) == 1 and path.read_text(encoding="utf-8").splitlines()[
        found[0].line - 1
    ].strip().startswith("when:")
    from simulator.engine.callstate import holds

    assert holds("call.vente > 3", {"call": {"vente": "oui"}}) is False


def test_a_setting_that_cannot_be_produced_leaves_the_variable_as_it_was():
    from simulator.engine.callstate import CallContext, apply_settings

    class Base:
        variables = {"refs": {}}
        lang = "fr"

        def value(self, template):
            return template

    call = {"rdv": "aucun"}
    apply_settings(
        {"rdv": "{{ args.slot }}", "vu": "oui"}, CallContext(Base(), call), call, args={}
    )
    assert call == {"rdv": "aucun", "vu": "oui"}


def test_a_record_note_citing_a_fact_is_tried_with_the_facts(tmp_path):
    """A 1.1 file's customer database is produced for the sample customer with its facts: a note that
    cites one (« 1er rappel envoyé le … ») is no template error."""
    source = FIXTURES / "mutualite-changement-compte.yaml"
    path = variant(
        tmp_path,
        (
            "\nresources:\n",
            '\nfacts:\n  rappel_date: "{{ today | add_workdays(-7) }}"\n\nresources:\n',
        ),
        (
            'notes: "Affiliation {{ refs.membre }}. Remboursements kiné en cours."',
            'notes: "Affiliation {{ refs.membre }}. Rappel envoyé le {{ facts.rappel_date | shortdate }}."',
        ),
        source=source,
    )
    report = check_paths([path])
    assert [d.code for d in report.diagnostics if d.code == "template-error"] == []
    broken = variant(
        tmp_path,
        (
            "\nresources:\n",
            "\nfacts:\n  rappel_date: \"{{ today | longdate('x') }}\"\n\nresources:\n",
        ),
        source=source,
        name="casse.yaml",
    )
    assert any(d.code == "template-error" for d in check_paths([broken]).diagnostics)
